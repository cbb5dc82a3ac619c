import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "./errors.js";
import { col, expr, lit } from "./functions/core.js";
import { planJson, testSession } from "./testing/session.js";
import { Window } from "./window.js";

const attr = (name: string, planId?: number) => ({
  unresolvedAttribute: {
    unparsedIdentifier: name,
    ...(planId === undefined ? {} : { planId: String(planId) }),
  },
});
const fn = (functionName: string, ...args: unknown[]) => ({
  unresolvedFunction: { functionName, ...(args.length ? { arguments: args } : {}) },
});
const int = (integer: number) => ({ literal: { integer } });

describe("DataFrame plans", () => {
  test("range → filter → select builds fresh plans with session-allocated ids", () => {
    const spark = testSession();
    const df = spark
      .range(10)
      .filter(col("id").gt(5))
      .select("id", col("id").multiply(2).alias("twice"));
    const expected = {
      root: {
        common: { planId: "2" },
        project: {
          input: {
            common: { planId: "1" },
            filter: {
              input: { common: { planId: "0" }, range: { start: "0", end: "10", step: "1" } },
              condition: fn(">", attr("id"), int(5)),
            },
          },
          expressions: [
            attr("id"),
            { alias: { expr: fn("*", attr("id"), int(2)), name: ["twice"] } },
          ],
        },
      },
    };
    expect(planJson(df)).toEqual(expected);
    // Every call builds a new message: mutating one does not touch the next.
    const p1 = df.toPlan();
    p1.opType = { case: undefined };
    expect(planJson(df)).toEqual(expected);
  });

  test("transformations never change the DataFrame they start from", () => {
    const spark = testSession();
    const base = spark.range(3);
    const before = planJson(base);
    base.withColumn("x", lit(1));
    base.limit(1);
    expect(planJson(base)).toEqual(before);
  });

  test("join on names, on a condition with DataFrame-bound columns, and join type aliases", () => {
    const spark = testSession();
    const a = spark.table("a");
    const b = spark.table("b");
    expect(planJson(a.join(b, ["k"], "left_outer"))).toEqual({
      root: {
        common: { planId: "2" },
        join: {
          left: { common: { planId: "0" }, read: { namedTable: { unparsedIdentifier: "a" } } },
          right: { common: { planId: "1" }, read: { namedTable: { unparsedIdentifier: "b" } } },
          joinType: "JOIN_TYPE_LEFT_OUTER",
          usingColumns: ["k"],
        },
      },
    });
    const j = a.join(b, a.col("id").equalTo(b.col("id")), "anti");
    expect((planJson(j) as { root: { join: unknown } }).root.join).toMatchObject({
      joinCondition: fn("==", attr("id", 0), attr("id", 1)),
      joinType: "JOIN_TYPE_LEFT_ANTI",
    });
    expect(() => a.join(b, "k", "sideways")).toThrow(SparkArgumentError);
    expect(() => a.join(b, "k", "sideways")).toThrow(
      /^\[UNSUPPORTED_JOIN_TYPE\] unknown join type "sideways"/,
    );
  });

  test("groupBy().agg, pivot and orderBy", () => {
    const spark = testSession();
    const df = spark
      .table("sales")
      .groupBy("year")
      .pivot("q", ["Q1", "Q2"])
      .agg({ amount: "sum" })
      .orderBy("year", { ascending: false });
    expect(planJson(df)).toEqual({
      root: {
        common: { planId: "2" },
        sort: {
          input: {
            common: { planId: "1" },
            aggregate: {
              input: {
                common: { planId: "0" },
                read: { namedTable: { unparsedIdentifier: "sales" } },
              },
              groupType: "GROUP_TYPE_PIVOT",
              groupingExpressions: [attr("year")],
              aggregateExpressions: [fn("sum", attr("amount"))],
              pivot: { col: attr("q"), values: [{ string: "Q1" }, { string: "Q2" }] },
            },
          },
          order: [
            {
              child: attr("year"),
              direction: "SORT_DIRECTION_DESCENDING",
              nullOrdering: "SORT_NULLS_LAST",
            },
          ],
          isGlobal: true,
        },
      },
    });
  });

  test("window specifications compile to Window expressions", () => {
    const spark = testSession();
    const w = Window.partitionBy("k")
      .orderBy(col("t").desc())
      .rowsBetween(Window.unboundedPreceding, Window.currentRow);
    const sel = spark.table("t").select(expr("sum(v)").over(w).alias("running"));
    const json = planJson(sel) as { root: { project: { expressions: unknown[] } } };
    expect(json.root.project.expressions[0]).toEqual({
      alias: {
        expr: {
          window: {
            windowFunction: { expressionString: { expression: "sum(v)" } },
            partitionSpec: [attr("k")],
            orderSpec: [
              {
                child: attr("t"),
                direction: "SORT_DIRECTION_DESCENDING",
                nullOrdering: "SORT_NULLS_LAST",
              },
            ],
            frameSpec: {
              frameType: "FRAME_TYPE_ROW",
              lower: { unbounded: true },
              upper: { currentRow: true },
            },
          },
        },
        name: ["running"],
      },
    });
  });

  test("builders reject bad arguments synchronously with a typed error", () => {
    const spark = testSession();
    const df = spark.range(1);
    const cases: [() => unknown, string][] = [
      [() => df.limit(-1), "VALUE_NOT_NON_NEGATIVE_INT"],
      [() => df.select(42 as never), "NOT_COLUMN_OR_STR"],
      [() => df.filter(42 as never), "NOT_COLUMN_OR_STR"],
      [() => df.withColumn("x", 1 as never), "NOT_COLUMN"],
      [() => spark.range(0, 10, 0), "VALUE_NOT_NONZERO"],
      [() => lit(undefined as never), "UNSUPPORTED_LITERAL"],
      [() => col("a").plus(undefined as never), "NOT_COLUMN_OR_LITERAL"],
      [() => lit(2n ** 64n), "UNSUPPORTED_LITERAL"],
      [() => lit(Symbol("x") as never), "UNSUPPORTED_LITERAL"],
      [() => lit(new Date(Number.NaN)), "UNSUPPORTED_LITERAL"],
      [() => df.orderBy(), "CANNOT_BE_EMPTY"],
      [() => col("a").when(col("b"), 1), "INVALID_WHEN_USAGE"],
      [() => spark.createDataFrame([{ a: null }]), "CANNOT_DETERMINE_TYPE"],
      [() => spark.createDataFrame([{ a: 1 }, { a: "x" }]), "CANNOT_MERGE_TYPE"],
    ];
    for (const [run, errorClass] of cases) {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(error, errorClass).toBeInstanceOf(SparkArgumentError);
      expect((error as SparkArgumentError).errorClass).toBe(errorClass);
    }
  });

  test("a Column used as a JS boolean throws", () => {
    expect(() => (col("a") as unknown as number) + 1).toThrow(/CANNOT_CONVERT_COLUMN_INTO_BOOL/);
  });
});
