import { toJson as protoJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
import { a, fn, s, thrown } from "../testing/expressions.js";
import { col, lit } from "./core.js";
import {
  fromCsv,
  fromJson,
  fromXml,
  getJsonObject,
  jsonTuple,
  schemaOfJson,
  toJson,
  xpathInt,
} from "./json-csv-xml.js";

const json = (c: Column) => protoJson(ExpressionSchema, c.expr.toProto());

const options = (...kv: string[]) => fn("map", ...kv.map(s));

describe("JSON, CSV and XML functions", () => {
  it("fromJson sends a DDL string as a literal", () => {
    expect(json(fromJson("j", "a INT"))).toEqual(fn("from_json", a("j"), s("a INT")));
  });

  it("fromJson sends a data type object's JSON, and a Column as is", () => {
    const type = { json: () => '{"type":"struct","fields":[]}' };
    expect(json(fromJson("j", type))).toEqual(
      fn("from_json", a("j"), s('{"type":"struct","fields":[]}')),
    );
    expect(json(fromJson("j", schemaOfJson('{"a": 1}')))).toEqual(
      fn("from_json", a("j"), fn("schema_of_json", s('{"a": 1}'))),
    );
    const e = thrown(() => fromJson("j", 1 as unknown as string));
    expect(e.errorClass).toBe("NOT_COLUMN_OR_DATATYPE_OR_STR");
  });

  it("options are sent as a map of strings", () => {
    expect(json(fromJson("j", "a INT", { mode: "FAILFAST", allowComments: true }))).toEqual(
      fn("from_json", a("j"), s("a INT"), options("mode", "FAILFAST", "allowComments", "true")),
    );
    expect(json(toJson(col("s"), { pretty: true }))).toEqual(
      fn("to_json", a("s"), options("pretty", "true")),
    );
    expect(json(fromCsv("l", "id INT", { sep: ";" }))).toEqual(
      fn("from_csv", a("l"), s("id INT"), options("sep", ";")),
    );
  });

  it("fromCsv and fromXml check their schema", () => {
    expect(thrown(() => fromCsv("l", { json: () => "{}" } as unknown as string)).errorClass).toBe(
      "NOT_COLUMN_OR_STR",
    );
    expect(json(fromXml("x", "a INT"))).toEqual(fn("from_xml", a("x"), s("a INT")));
    expect(thrown(() => fromXml("x", 3 as unknown as string)).errorClass).toBe(
      "NOT_COLUMN_OR_STR_OR_STRUCT",
    );
  });

  it("schemaOfJson takes a literal sample, not a column name", () => {
    expect(json(schemaOfJson("[1]"))).toEqual(fn("schema_of_json", s("[1]")));
    expect(thrown(() => schemaOfJson(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });

  it("getJsonObject and jsonTuple take literal paths and fields", () => {
    expect(json(getJsonObject("j", "$.a"))).toEqual(fn("get_json_object", a("j"), s("$.a")));
    expect(json(jsonTuple("j", "a", "b"))).toEqual(fn("json_tuple", a("j"), s("a"), s("b")));
    const e = thrown(() => jsonTuple("j"));
    expect(e.errorClass).toBe("CANNOT_BE_EMPTY");
  });

  it("xpath functions take the path as a column", () => {
    expect(json(xpathInt("x", lit("a/b")))).toEqual(fn("xpath_int", a("x"), s("a/b")));
  });
});
