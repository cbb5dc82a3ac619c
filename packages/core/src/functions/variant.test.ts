import { describe, expect, it } from "vitest";
import { a, fn, json, s, thrown } from "../testing/expressions.js";
import { col } from "./core.js";
import { parseJson, schemaOfVariantAgg, tryVariantGet, variantGet } from "./variant.js";

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
