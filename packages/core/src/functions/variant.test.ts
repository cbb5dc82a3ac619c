import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
import { col } from "./core.js";
import { parseJson, schemaOfVariantAgg, tryVariantGet, variantGet } from "./variant.js";

const json = (c: Column) => toJson(ExpressionSchema, c.expr.toProto());
const a = (name: string) => ({ unresolvedAttribute: { unparsedIdentifier: name } });
const fn = (name: string, ...args: object[]) => ({
  unresolvedFunction: { functionName: name, ...(args.length ? { arguments: args } : {}) },
});
const s = (value: string) => ({ literal: { string: value } });

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

describe("variant functions", () => {
  it("variantGet takes a literal path and target type", () => {
    expect(json(variantGet("v", "$.a", "int"))).toEqual(
      fn("variant_get", a("v"), s("$.a"), s("int")),
    );
    expect(json(tryVariantGet(parseJson("j"), col("p"), "string"))).toEqual(
      fn("try_variant_get", fn("parse_json", a("j")), a("p"), s("string")),
    );
    expect(thrown(() => variantGet("v", 1 as unknown as string, "int")).errorClass).toBe(
      "NOT_COLUMN_OR_STR",
    );
  });

  it("schemaOfVariantAgg", () => {
    expect(json(schemaOfVariantAgg("v"))).toEqual(fn("schema_of_variant_agg", a("v")));
  });
});
