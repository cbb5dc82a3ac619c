import { describe, expect, it } from "vitest";
import { a, json, thrown } from "../testing/expressions.js";
import { col } from "./core.js";
import { asc, ascNullsLast, desc, descNullsFirst } from "./sort.js";

const order = (name: string, direction: string, nulls: string) => ({
  sortOrder: {
    child: a(name),
    direction: `SORT_DIRECTION_${direction}`,
    nullOrdering: `SORT_NULLS_${nulls}`,
  },
});

describe("sort functions", () => {
  it("build sort orders with Spark's default null placement", () => {
    expect(json(asc("a"))).toEqual(order("a", "ASCENDING", "FIRST"));
    expect(json(ascNullsLast(col("a")))).toEqual(order("a", "ASCENDING", "LAST"));
    expect(json(desc("a"))).toEqual(order("a", "DESCENDING", "LAST"));
    expect(json(descNullsFirst("a"))).toEqual(order("a", "DESCENDING", "FIRST"));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => asc(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
