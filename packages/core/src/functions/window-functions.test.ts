import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
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

const json = (c: Column) => toJson(ExpressionSchema, c.expr.toProto());
const a = (name: string) => ({ unresolvedAttribute: { unparsedIdentifier: name } });
const fn = (name: string, ...args: object[]) => ({
  unresolvedFunction: { functionName: name, ...(args.length ? { arguments: args } : {}) },
});
const i = (value: number) => ({ literal: { integer: value } });
const s = (value: string) => ({ literal: { string: value } });
const b = (value: boolean) => ({ literal: { boolean: value } });

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
