import { describe, expect, it } from "vitest";
import { a, fn, i, json, s, thrown } from "../testing/expressions.js";
import { col, lit } from "./core.js";
import { coalesce, equalNull, ilike, isnull, like, nvl2, regexp, rlike } from "./predicate.js";

describe("conditional and predicate functions", () => {
  it("coalesce is variadic", () => {
    expect(json(coalesce("a", col("b"), lit(0)))).toEqual(fn("coalesce", a("a"), a("b"), i(0)));
  });

  it("nulls", () => {
    expect(json(isnull("a"))).toEqual(fn("isnull", a("a")));
    expect(json(nvl2("a", "b", "c"))).toEqual(fn("nvl2", a("a"), a("b"), a("c")));
    expect(json(equalNull("a", "b"))).toEqual(fn("equal_null", a("a"), a("b")));
  });

  it("like and ilike take the pattern as a column and an optional escape", () => {
    expect(json(like("c", lit("A%")))).toEqual(fn("like", a("c"), s("A%")));
    expect(json(ilike("c", lit("a/_%"), lit("/")))).toEqual(fn("ilike", a("c"), s("a/_%"), s("/")));
    expect(json(rlike("p", lit("^\\+41")))).toEqual(fn("rlike", a("p"), s("^\\+41")));
    expect(json(regexp("p", "q"))).toEqual(fn("regexp", a("p"), a("q")));
  });

  it("rejects a number where a column is needed", () => {
    const e = thrown(() => isnull(0 as unknown as string));
    expect(e.errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
