import { describe, expect, it } from "vitest";
import { a, b, d, fn, i, json, thrown } from "../testing/expressions.js";
import { lit } from "./core.js";
import {
  bitmapConstructAgg,
  hllSketchAgg,
  hllSketchEstimate,
  hllUnion,
  kllSketchGetQuantileDouble,
  thetaUnion,
} from "./sketch.js";

describe("sketch and bitmap functions", () => {
  it("optional sizes are sent only when given", () => {
    expect(json(hllSketchAgg("u"))).toEqual(fn("hll_sketch_agg", a("u")));
    expect(json(hllSketchAgg("u", 14))).toEqual(fn("hll_sketch_agg", a("u"), i(14)));
    expect(json(hllUnion("a", "b", true))).toEqual(fn("hll_union", a("a"), a("b"), b(true)));
    expect(json(thetaUnion("a", "b"))).toEqual(fn("theta_union", a("a"), a("b")));
  });

  it("estimates and quantiles", () => {
    expect(json(hllSketchEstimate("sk"))).toEqual(fn("hll_sketch_estimate", a("sk")));
    expect(json(kllSketchGetQuantileDouble("sk", lit(0.5)))).toEqual(
      fn("kll_sketch_get_quantile_double", a("sk"), d(0.5)),
    );
    expect(json(bitmapConstructAgg("p"))).toEqual(fn("bitmap_construct_agg", a("p")));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => hllSketchEstimate(1 as unknown as string)).errorClass).toBe(
      "NOT_COLUMN_OR_STR",
    );
  });
});
