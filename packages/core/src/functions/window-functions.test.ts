import { describe, expect, it } from "vitest";
import { a, b, fn, i, json, s, thrown } from "../testing/expressions.js";
import { Window } from "../window.js";
import { col } from "./core.js";
import {
  cumeDist,
  denseRank,
  lag,
  lead,
  nthValue,
  ntile,
  percentRank,
  rank,
  rowNumber,
} from "./window-functions.js";

describe("window functions", () => {
  it("lag sends the offset always and the default only when given", () => {
    expect(json(lag("v", 1, 0))).toEqual(fn("lag", a("v"), i(1), i(0)));
    expect(json(lag("v"))).toEqual(fn("lag", a("v"), i(1)));
    expect(json(lead(col("v"), 2, "none"))).toEqual(fn("lead", a("v"), i(2), s("none")));
  });

  it("nthValue sends ignoreNulls, false by default, and leaves it out for null", () => {
    expect(json(nthValue("v", 2))).toEqual(fn("nth_value", a("v"), i(2), b(false)));
    expect(json(nthValue("v", 2, null))).toEqual(fn("nth_value", a("v"), i(2)));
  });

  it("ranking functions take no arguments", () => {
    expect([rowNumber(), rank(), denseRank(), percentRank(), cumeDist()].map(json)).toEqual([
      fn("row_number"),
      fn("rank"),
      fn("dense_rank"),
      fn("percent_rank"),
      fn("cume_dist"),
    ]);
    expect(json(ntile(4))).toEqual(fn("ntile", i(4)));
  });

  it("is used with over(window)", () => {
    const w = Window.partitionBy("dept").orderBy(col("salary").desc());
    expect(json(rank().over(w))).toEqual({
      window: {
        windowFunction: fn("rank"),
        partitionSpec: [a("dept")],
        orderSpec: [
          {
            child: a("salary"),
            direction: "SORT_DIRECTION_DESCENDING",
            nullOrdering: "SORT_NULLS_LAST",
          },
        ],
      },
    });
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => lag(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
