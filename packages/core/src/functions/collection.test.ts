import { describe, expect, it } from "vitest";
import { a, b, fn, i, json, s, thrown } from "../testing/expressions.js";
import {
  array,
  arrayContains,
  arrayInsert,
  arrayJoin,
  arrayRepeat,
  createMap,
  elementAt,
  get,
  mapConcat,
  namedStruct,
  sequence,
  shuffle,
  slice,
  sortArray,
  strToMap,
  struct,
} from "./collection.js";
import { col, lit } from "./core.js";

describe("collection functions", () => {
  it("array, struct, createMap and mapConcat take columns or one JS array", () => {
    expect(json(array("a", col("b")))).toEqual(fn("array", a("a"), a("b")));
    expect(json(array(["a", "b"]))).toEqual(fn("array", a("a"), a("b")));
    expect(json(createMap(lit("k"), "v"))).toEqual(fn("map", s("k"), a("v")));
    expect(json(createMap([lit("k"), "v"]))).toEqual(fn("map", s("k"), a("v")));
    expect(json(mapConcat(["m1", "m2"]))).toEqual(fn("map_concat", a("m1"), a("m2")));
    expect(json(struct("*"))).toEqual(fn("struct", { unresolvedStar: {} }));
    expect(json(namedStruct(lit("x"), "a"))).toEqual(fn("named_struct", s("x"), a("a")));
  });

  it("value parameters are literals, even strings", () => {
    expect(json(arrayContains("tags", "red"))).toEqual(fn("array_contains", a("tags"), s("red")));
    expect(json(elementAt("props", "color"))).toEqual(fn("element_at", a("props"), s("color")));
    expect(json(arrayInsert("xs", 1, 0))).toEqual(fn("array_insert", a("xs"), i(1), i(0)));
  });

  it("int-or-column parameters take numbers as literals and strings as columns", () => {
    expect(json(get("xs", 0))).toEqual(fn("get", a("xs"), i(0)));
    expect(json(arrayRepeat("x", "n"))).toEqual(fn("array_repeat", a("x"), a("n")));
    expect(json(slice("xs", 2, 3))).toEqual(fn("slice", a("xs"), i(2), i(3)));
    const e = thrown(() => slice("xs", true as unknown as number, 3));
    expect(e.errorClass).toBe("NOT_COLUMN_OR_INT_OR_STR");
    expect(e.messageParameters).toMatchObject({ arg_name: "start" });
  });

  it("optional parameters are sent as PySpark sends them", () => {
    expect(json(arrayJoin("xs", ","))).toEqual(fn("array_join", a("xs"), s(",")));
    expect(json(arrayJoin("xs", ",", "?"))).toEqual(fn("array_join", a("xs"), s(","), s("?")));
    expect(json(sortArray("xs"))).toEqual(fn("sort_array", a("xs"), b(true)));
    expect(json(sequence("a", "b"))).toEqual(fn("sequence", a("a"), a("b")));
    expect(json(strToMap("q"))).toEqual(fn("str_to_map", a("q"), s(","), s(":")));
    expect(json(shuffle("xs", 3))).toEqual(fn("shuffle", a("xs"), i(3)));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => array("a", 1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
