import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
import { stGeomfromwkb, stSetsrid, stSrid } from "./geospatial.js";

const json = (c: Column) => toJson(ExpressionSchema, c.expr.toProto());
const a = (name: string) => ({ unresolvedAttribute: { unparsedIdentifier: name } });
const fn = (name: string, ...args: object[]) => ({
  unresolvedFunction: { functionName: name, ...(args.length ? { arguments: args } : {}) },
});
const i = (value: number) => ({ literal: { integer: value } });

/** Runs `build` and returns what it threw, failing when it did not throw. */
function thrown(build: () => unknown): SparkArgumentError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkArgumentError);
    return e as SparkArgumentError;
  }
  throw new Error("expected a SparkArgumentError");
}

describe("geospatial functions", () => {
  it("stSetsrid takes a number as a literal", () => {
    expect(json(stSetsrid(stGeomfromwkb("wkb"), 4326))).toEqual(
      fn("st_setsrid", fn("st_geomfromwkb", a("wkb")), i(4326)),
    );
    expect(json(stSrid("g"))).toEqual(fn("st_srid", a("g")));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => stSrid(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
