import { describe, expect, it } from "vitest";
import { a, fn, i, json, thrown } from "../testing/expressions.js";
import { lit } from "./core.js";
import { explode, inline, posexplodeOuter, stack } from "./generators.js";

describe("generator functions", () => {
  it("name the generators", () => {
    expect(json(explode("tags"))).toEqual(fn("explode", a("tags")));
    expect(json(posexplodeOuter("tags"))).toEqual(fn("posexplode_outer", a("tags")));
    expect(json(inline("rows"))).toEqual(fn("inline", a("rows")));
    expect(json(stack(lit(2), "a", "b"))).toEqual(fn("stack", i(2), a("a"), a("b")));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => explode(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
