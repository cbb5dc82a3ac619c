import { describe, expect, it } from "vitest";
import { a, b, d, fn, i, json, s, thrown } from "../testing/expressions.js";
import {
  anyValue,
  approxCountDistinct,
  count,
  countDistinct,
  countMinSketch,
  first,
  listagg,
  listaggDistinct,
  maxBy,
  mean,
  percentile,
  percentileApprox,
  stringAggDistinct,
  sum,
  sumDistinct,
} from "./aggregate.js";
import { col, lit } from "./core.js";

describe("aggregate functions", () => {
  it("countDistinct sends count with isDistinct over all its columns", () => {
    expect(json(countDistinct("a", "b"))).toEqual({
      unresolvedFunction: {
        functionName: "count",
        arguments: [a("a"), a("b")],
        isDistinct: true,
      },
    });
  });

  it("sumDistinct sends sum with isDistinct; mean sends avg", () => {
    expect(json(sumDistinct(col("x")))).toEqual({
      unresolvedFunction: { functionName: "sum", arguments: [a("x")], isDistinct: true },
    });
    expect(json(mean("x"))).toEqual(fn("avg", a("x")));
    expect(json(sum("x"))).toEqual(fn("sum", a("x")));
  });

  it("count(col('*')) counts 1 as PySpark does; count('*') sends the star", () => {
    expect(json(count(col("*")))).toEqual(fn("count", i(1)));
    expect(json(count("*"))).toEqual(fn("count", { unresolvedStar: {} }));
    expect(json(count("a"))).toEqual(fn("count", a("a")));
  });

  it("approxCountDistinct sends rsd only when given", () => {
    expect(json(approxCountDistinct("a"))).toEqual(fn("approx_count_distinct", a("a")));
    expect(json(approxCountDistinct("a", 0.1))).toEqual(
      fn("approx_count_distinct", a("a"), d(0.1)),
    );
  });

  it("percentileApprox sends a list of percentages as array(…) and the default accuracy", () => {
    expect(json(percentileApprox("v", [0.25, 0.5]))).toEqual(
      fn("percentile_approx", a("v"), fn("array", d(0.25), d(0.5)), i(10000)),
    );
    expect(json(percentileApprox("v", 0.5, 100))).toEqual(
      fn("percentile_approx", a("v"), d(0.5), i(100)),
    );
  });

  it("percentile sends the frequency, 1 by default", () => {
    expect(json(percentile("v", 0.5))).toEqual(fn("percentile", a("v"), d(0.5), i(1)));
    expect(json(percentile("v", lit(0.5), col("w")))).toEqual(
      fn("percentile", a("v"), d(0.5), a("w")),
    );
    const e = thrown(() => percentile("v", 0.5, "w" as unknown as number));
    expect(e.errorClass).toBe("NOT_COLUMN_OR_INT");
  });

  it("first always sends ignorenulls; anyValue only when given", () => {
    expect(json(first("a"))).toEqual(fn("first", a("a"), b(false)));
    expect(json(anyValue("a"))).toEqual(fn("any_value", a("a")));
    expect(json(anyValue("a", true))).toEqual(fn("any_value", a("a"), b(true)));
  });

  it("listagg and its distinct form take a literal delimiter", () => {
    expect(json(listagg("name", ", "))).toEqual(fn("listagg", a("name"), s(", ")));
    expect(json(listagg("name"))).toEqual(fn("listagg", a("name")));
    expect(json(listaggDistinct("name", "|"))).toEqual({
      unresolvedFunction: {
        functionName: "listagg",
        arguments: [a("name"), s("|")],
        isDistinct: true,
      },
    });
    expect(json(stringAggDistinct("name"))).toEqual({
      unresolvedFunction: { functionName: "string_agg", arguments: [a("name")], isDistinct: true },
    });
  });

  it("maxBy takes two columns", () => {
    expect(json(maxBy("name", "salary"))).toEqual(fn("max_by", a("name"), a("salary")));
  });

  it("countMinSketch sends the given seed, or draws one", () => {
    expect(json(countMinSketch("a", 0.01, 0.9, 7))).toEqual(
      fn("count_min_sketch", a("a"), d(0.01), d(0.9), i(7)),
    );
    const args = (
      json(countMinSketch("a", 0.01, 0.9)) as { unresolvedFunction: { arguments: object[] } }
    ).unresolvedFunction.arguments;
    expect(args).toHaveLength(4);
  });

  it("rejects a number where a column is needed, synchronously", () => {
    const e = thrown(() => sum(1 as unknown as string));
    expect(e.errorClass).toBe("NOT_COLUMN_OR_STR");
    expect(e.messageParameters).toMatchObject({ arg_name: "col" });
  });
});
