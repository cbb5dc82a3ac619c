import { toJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { col, expr } from "./functions/core.js";
import { ExpressionSchema } from "./gen/spark/connect/expressions_pb.js";
import { a, thrown } from "./testing/expressions.js";
import { Window, type WindowSpec } from "./window.js";

const fnExpr = { expressionString: { expression: "count(1)" } };
/** `count(1) OVER w` as protobuf JSON. */
const over = (w: WindowSpec) => toJson(ExpressionSchema, expr("count(1)").over(w).expr.toProto());
/** The expected Window expression, leaving out what is empty. */
const windowOf = (spec: {
  partitionSpec?: unknown[];
  orderSpec?: unknown[];
  frameSpec?: unknown;
}) => ({
  window: { windowFunction: fnExpr, ...spec },
});
const asc = (name: string) => ({
  child: a(name),
  direction: "SORT_DIRECTION_ASCENDING",
  nullOrdering: "SORT_NULLS_FIRST",
});
const desc = (name: string) => ({
  child: a(name),
  direction: "SORT_DIRECTION_DESCENDING",
  nullOrdering: "SORT_NULLS_LAST",
});
const rows = (lower: unknown, upper: unknown) => ({ frameType: "FRAME_TYPE_ROW", lower, upper });
const range = (lower: unknown, upper: unknown) => ({
  frameType: "FRAME_TYPE_RANGE",
  lower,
  upper,
});
const UNBOUNDED = { unbounded: true };
const CURRENT = { currentRow: true };
const int = (integer: number) => ({ value: { literal: { integer } } });
const long = (value: bigint) => ({ value: { literal: { long: String(value) } } });

describe("Window specifications", () => {
  test("the constants are Spark's", () => {
    expect(Window.unboundedPreceding).toBe(-(2n ** 63n));
    expect(Window.unboundedFollowing).toBe(2n ** 63n - 1n);
    expect(Window.currentRow).toBe(0n);
  });

  test("partitionBy takes names, Columns and arrays; alone it has no order and no frame", () => {
    const expected = windowOf({ partitionSpec: [a("k"), a("j"), a("i")] });
    expect(over(Window.partitionBy("k", col("j"), "i"))).toEqual(expected);
    expect(over(Window.partitionBy(["k", col("j")], "i"))).toEqual(expected);
  });

  test("orderBy sorts plain columns ascending and keeps explicit sort orders", () => {
    expect(over(Window.orderBy("t", col("u").desc()))).toEqual(
      windowOf({ orderSpec: [asc("t"), desc("u")] }),
    );
    expect(over(Window.orderBy(["t", "u"]))).toEqual(windowOf({ orderSpec: [asc("t"), asc("u")] }));
    expect(
      over(Window.partitionBy("k").orderBy(col("t").ascNullsLast(), col("u").descNullsFirst())),
    ).toEqual(
      windowOf({
        partitionSpec: [a("k")],
        orderSpec: [
          { child: a("t"), direction: "SORT_DIRECTION_ASCENDING", nullOrdering: "SORT_NULLS_LAST" },
          {
            child: a("u"),
            direction: "SORT_DIRECTION_DESCENDING",
            nullOrdering: "SORT_NULLS_FIRST",
          },
        ],
      }),
    );
  });

  test("each call returns a new spec; later partitionBy/orderBy replace, and keep the frame", () => {
    const base = Window.partitionBy("a");
    const ordered = base.orderBy("t");
    const framed = ordered.rowsBetween(-1, 0);
    const replaced = framed.partitionBy("b").orderBy("u");
    expect(over(base)).toEqual(windowOf({ partitionSpec: [a("a")] }));
    expect(over(ordered)).toEqual(windowOf({ partitionSpec: [a("a")], orderSpec: [asc("t")] }));
    expect(over(replaced)).toEqual(
      windowOf({
        partitionSpec: [a("b")],
        orderSpec: [asc("u")],
        frameSpec: rows(int(-1), CURRENT),
      }),
    );
    expect(over(Window.rowsBetween(0, 1).orderBy("t"))).toEqual(
      windowOf({ orderSpec: [asc("t")], frameSpec: rows(CURRENT, int(1)) }),
    );
  });

  test("row frames: the Window constants, ±Infinity, 0 and int offsets", () => {
    const cases: [WindowSpec, unknown][] = [
      [
        Window.orderBy("t").rowsBetween(Window.unboundedPreceding, Window.currentRow),
        rows(UNBOUNDED, CURRENT),
      ],
      [
        Window.orderBy("t").rowsBetween(Window.currentRow, Window.unboundedFollowing),
        rows(CURRENT, UNBOUNDED),
      ],
      [
        Window.orderBy("t").rowsBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY),
        rows(UNBOUNDED, UNBOUNDED),
      ],
      [Window.orderBy("t").rowsBetween(-3, 2), rows(int(-3), int(2))],
      [Window.orderBy("t").rowsBetween(0, 0), rows(CURRENT, CURRENT)],
      [Window.orderBy("t").rowsBetween(-5n, 5n), rows(int(-5), int(5))],
      [
        Window.orderBy("t").rowsBetween(-(2 ** 31), 2 ** 31 - 1),
        rows(int(-2147483648), int(2147483647)),
      ],
      // As PySpark: anything at or beyond ∓(2^63-1) is unbounded.
      [Window.orderBy("t").rowsBetween(-(2n ** 63n - 1n), 2n ** 64n), rows(UNBOUNDED, UNBOUNDED)],
    ];
    for (const [w, frameSpec] of cases) {
      expect(over(w)).toEqual(windowOf({ orderSpec: [asc("t")], frameSpec }));
    }
  });

  test("range frames: int offsets as integers, larger ones as longs", () => {
    const cases: [WindowSpec, unknown][] = [
      [Window.orderBy("t").rangeBetween(-10, 10), range(int(-10), int(10))],
      [
        Window.orderBy("t").rangeBetween(Window.unboundedPreceding, Window.currentRow),
        range(UNBOUNDED, CURRENT),
      ],
      [
        Window.orderBy("t").rangeBetween(Window.currentRow, Window.unboundedFollowing),
        range(CURRENT, UNBOUNDED),
      ],
      [
        Window.orderBy("t").rangeBetween(-(2 ** 40), 2n ** 31n),
        range(long(-(2n ** 40n)), long(2n ** 31n)),
      ],
      [
        Window.orderBy("t").rangeBetween(-(2n ** 63n) + 2n, 2n ** 63n - 2n),
        range(long(-(2n ** 63n) + 2n), long(2n ** 63n - 2n)),
      ],
    ];
    for (const [w, frameSpec] of cases) {
      expect(over(w)).toEqual(windowOf({ orderSpec: [asc("t")], frameSpec }));
    }
    expect(over(Window.rangeBetween(-1, 1))).toEqual(
      windowOf({ frameSpec: range(int(-1), int(1)) }),
    );
  });

  test("invalid bounds and columns are refused when the spec is built", () => {
    const cases: [() => unknown, string][] = [
      [() => Window.rowsBetween(0.5, 1), "INVALID_WINDOW_BOUND"],
      [() => Window.rangeBetween(-1, Number.NaN), "INVALID_WINDOW_BOUND"],
      [() => Window.partitionBy("k").rowsBetween(-1, 1.5), "INVALID_WINDOW_BOUND"],
      // Row frame offsets are ints in Spark (PySpark refuses these too).
      [() => Window.rowsBetween(-(2 ** 31) - 1, 0), "VALUE_NOT_BETWEEN"],
      [() => Window.rowsBetween(0, 2n ** 31n), "VALUE_NOT_BETWEEN"],
      [() => Window.partitionBy(1 as never), "NOT_COLUMN_OR_STR"],
      [() => Window.orderBy(null as never), "NOT_COLUMN_OR_STR"],
    ];
    for (const [build, errorClass] of cases) {
      const error = thrown(build);
      expect(error.errorClass).toBe(errorClass);
    }
    expect(thrown(() => Window.rowsBetween(0.5, 1)).message).toMatch(
      /^\[INVALID_WINDOW_BOUND\] window frame start must be a whole number, not 0.5/,
    );
    expect(thrown(() => Window.rowsBetween(0, 2n ** 31n)).messageParameters).toEqual({
      arg_name: "end",
      min: "-2147483648",
      max: "2147483647",
    });
  });
});
