import { describe, expect, test, vi } from "vitest";
import { batchToRows, decodeArrowBatch } from "./arrow/index.js";
import type { DataFrame } from "./dataframe.js";
import { SparkArgumentError } from "./errors.js";
import { sum } from "./functions/aggregate.js";
import { col, expr, lit } from "./functions/core.js";
import { Observation } from "./observation.js";
import { planJson, testSession } from "./testing/session.js";
import { IntegerType, StringType, StructField, StructType } from "./types/index.js";
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
              // As PySpark (`df[pivot_col]`), a named pivot column carries the input's plan id.
              pivot: { col: attr("q", 0), values: [{ string: "Q1" }, { string: "Q2" }] },
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

// Every builder method, one exact plan each ------------------------------------------------------

/** `spark.table(name)` read with plan id `id`. */
const T = (name = "t", id = 0) => ({
  common: { planId: String(id) },
  read: { namedTable: { unparsedIdentifier: name } },
});
/** The expected plan: a root relation with plan id `id`. */
const plan = (id: number, body: Record<string, unknown>) => ({
  root: { common: { planId: String(id) }, ...body },
});
const str = (string: string) => ({ literal: { string } });
const star = (planId?: number) => ({
  unresolvedStar: planId === undefined ? {} : { planId: String(planId) },
});
const sortOrder = (child: unknown, ascending: boolean, nullsFirst = ascending) => ({
  child,
  direction: ascending ? "SORT_DIRECTION_ASCENDING" : "SORT_DIRECTION_DESCENDING",
  nullOrdering: nullsFirst ? "SORT_NULLS_FIRST" : "SORT_NULLS_LAST",
});

/** A fresh session and its table `t` (plan id 0): the next builder gets plan id 1. */
function fresh() {
  const spark = testSession();
  return { spark, t: spark.table("t") };
}

/** The errorClass a builder throws (a SparkArgumentError), failing when it does not throw. */
function errorClassOf(build: () => unknown): string | undefined {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkArgumentError);
    return (e as SparkArgumentError).errorClass;
  }
  throw new Error("expected a SparkArgumentError");
}

describe("DataFrame projections", () => {
  test("select: names, Columns, stars and arrays, flattened in order", () => {
    const { t } = fresh();
    expect(planJson(t.select("a", col("b").alias("c"), "*", ["d", col("e")], "t.*"))).toEqual(
      plan(1, {
        project: {
          input: T(),
          expressions: [
            attr("a"),
            { alias: { expr: attr("b"), name: ["c"] } },
            star(),
            attr("d"),
            attr("e"),
            { unresolvedStar: { unparsedTarget: "t.*" } },
          ],
        },
      }),
    );
    expect(planJson(t.select())).toEqual(plan(2, { project: { input: T() } }));
    expect(planJson(t.select([t.col("*")]))).toEqual(
      plan(3, { project: { input: T(), expressions: [star(0)] } }),
    );
  });

  test("selectExpr: SQL strings, varargs and arrays", () => {
    const { t } = fresh();
    const sql = (expression: string) => ({ expressionString: { expression } });
    expect(planJson(t.selectExpr("a + 1 AS b", ["c", "d * 2"]))).toEqual(
      plan(1, {
        project: { input: T(), expressions: [sql("a + 1 AS b"), sql("c"), sql("d * 2")] },
      }),
    );
    expect(errorClassOf(() => t.selectExpr(1 as never))).toBe("NOT_STR");
  });

  test("filter and where: a Column or a SQL string", () => {
    const { t } = fresh();
    expect(planJson(t.filter(col("a").gt(1)))).toEqual(
      plan(1, { filter: { input: T(), condition: fn(">", attr("a"), int(1)) } }),
    );
    expect(planJson(t.where("a > 1"))).toEqual(
      plan(2, { filter: { input: T(), condition: { expressionString: { expression: "a > 1" } } } }),
    );
    expect(planJson(t.where(col("a").isNull()))).toEqual(
      plan(3, { filter: { input: T(), condition: fn("isnull", attr("a")) } }),
    );
  });

  test("withColumn and withColumns (record and Map, in order)", () => {
    const { t } = fresh();
    expect(planJson(t.withColumn("x", lit(1)))).toEqual(
      plan(1, { withColumns: { input: T(), aliases: [{ expr: int(1), name: ["x"] }] } }),
    );
    const both = [
      { expr: int(1), name: ["x"] },
      { expr: attr("a"), name: ["y"] },
    ];
    expect(planJson(t.withColumns({ x: lit(1), y: col("a") }))).toEqual(
      plan(2, { withColumns: { input: T(), aliases: both } }),
    );
    expect(
      planJson(
        t.withColumns(
          new Map([
            ["y", col("a")],
            ["x", lit(1)],
          ]),
        ),
      ),
    ).toEqual(plan(3, { withColumns: { input: T(), aliases: [both[1], both[0]] } }));
    expect(errorClassOf(() => t.withColumns({ x: 1 as never }))).toBe("NOT_COLUMN");
  });

  test("withColumnRenamed and withColumnsRenamed (record and Map)", () => {
    const { t } = fresh();
    const rename = (colName: string, newColName: string) => ({ colName, newColName });
    expect(planJson(t.withColumnRenamed("a", "b"))).toEqual(
      plan(1, { withColumnsRenamed: { input: T(), renames: [rename("a", "b")] } }),
    );
    expect(planJson(t.withColumnsRenamed({ a: "b", c: "d" }))).toEqual(
      plan(2, {
        withColumnsRenamed: { input: T(), renames: [rename("a", "b"), rename("c", "d")] },
      }),
    );
    expect(
      planJson(
        t.withColumnsRenamed(
          new Map([
            ["c", "d"],
            ["a", "b"],
          ]),
        ),
      ),
    ).toEqual(
      plan(3, {
        withColumnsRenamed: { input: T(), renames: [rename("c", "d"), rename("a", "b")] },
      }),
    );
    expect(errorClassOf(() => t.withColumnsRenamed({ a: 1 as never }))).toBe("NOT_STR");
  });

  test("withMetadata re-aliases the column (tied to this DataFrame) with JSON metadata", () => {
    const { t } = fresh();
    expect(planJson(t.withMetadata("a", { comment: "the id", n: 1 }))).toEqual(
      plan(1, {
        withColumns: {
          input: T(),
          aliases: [{ expr: attr("a", 0), name: ["a"], metadata: '{"comment":"the id","n":1}' }],
        },
      }),
    );
  });

  test("drop: names go to columnNames, Columns to columns", () => {
    const { t } = fresh();
    expect(planJson(t.drop("a", col("b"), ["c", t.col("d")]))).toEqual(
      plan(1, {
        drop: { input: T(), columns: [attr("b"), attr("d", 0)], columnNames: ["a", "c"] },
      }),
    );
  });

  test("toDF renames all columns by position", () => {
    const { t } = fresh();
    expect(planJson(t.toDF("x", "y"))).toEqual(
      plan(1, { toDf: { input: T(), columnNames: ["x", "y"] } }),
    );
  });

  test("col, colRegex and metadataColumn carry this DataFrame's plan id", () => {
    const { t } = fresh();
    expect(
      planJson(
        t.select(t.col("a"), t.colRegex("`a.*`"), t.metadataColumn("_metadata"), t.col("*")),
      ),
    ).toEqual(
      plan(1, {
        project: {
          input: T(),
          expressions: [
            attr("a", 0),
            { unresolvedRegex: { colName: "`a.*`", planId: "0" } },
            {
              unresolvedAttribute: {
                unparsedIdentifier: "_metadata",
                planId: "0",
                isMetadataColumn: true,
              },
            },
            star(0),
          ],
        },
      }),
    );
    expect(errorClassOf(() => t.col(1 as never))).toBe("NOT_STR");
  });
});

describe("DataFrame joins and set operations", () => {
  const JOIN_TYPES: [string, string][] = [
    ["inner", "JOIN_TYPE_INNER"],
    ["cross", "JOIN_TYPE_CROSS"],
    ["outer", "JOIN_TYPE_FULL_OUTER"],
    ["full", "JOIN_TYPE_FULL_OUTER"],
    ["fullouter", "JOIN_TYPE_FULL_OUTER"],
    ["full_outer", "JOIN_TYPE_FULL_OUTER"],
    ["left", "JOIN_TYPE_LEFT_OUTER"],
    ["leftouter", "JOIN_TYPE_LEFT_OUTER"],
    ["left_outer", "JOIN_TYPE_LEFT_OUTER"],
    ["right", "JOIN_TYPE_RIGHT_OUTER"],
    ["rightouter", "JOIN_TYPE_RIGHT_OUTER"],
    ["right_outer", "JOIN_TYPE_RIGHT_OUTER"],
    ["semi", "JOIN_TYPE_LEFT_SEMI"],
    ["leftsemi", "JOIN_TYPE_LEFT_SEMI"],
    ["left_semi", "JOIN_TYPE_LEFT_SEMI"],
    ["anti", "JOIN_TYPE_LEFT_ANTI"],
    ["leftanti", "JOIN_TYPE_LEFT_ANTI"],
    ["left_anti", "JOIN_TYPE_LEFT_ANTI"],
    ["Full_Outer", "JOIN_TYPE_FULL_OUTER"],
  ];

  test.each(JOIN_TYPES)("join how=%s is %s", (how, joinType) => {
    const spark = testSession();
    const a = spark.table("a");
    const b = spark.table("b");
    expect(planJson(a.join(b, "k", how))).toEqual(
      plan(2, { join: { left: T("a", 0), right: T("b", 1), joinType, usingColumns: ["k"] } }),
    );
  });

  test("join on nothing, a name, names, a Column, Columns (ANDed)", () => {
    const spark = testSession();
    const a = spark.table("a");
    const b = spark.table("b");
    const join = (id: number, fields: Record<string, unknown>) =>
      plan(id, {
        join: { left: T("a", 0), right: T("b", 1), joinType: "JOIN_TYPE_INNER", ...fields },
      });
    expect(planJson(a.join(b))).toEqual(join(2, {}));
    expect(planJson(a.join(b, ["k", "j"]))).toEqual(join(3, { usingColumns: ["k", "j"] }));
    const on = a.col("k").equalTo(b.col("k"));
    const eq = fn("==", attr("k", 0), attr("k", 1));
    expect(planJson(a.join(b, on))).toEqual(join(4, { joinCondition: eq }));
    expect(planJson(a.join(b, [on, col("x").gt(1)]))).toEqual(
      join(5, { joinCondition: fn("and", eq, fn(">", attr("x"), int(1))) }),
    );
    expect(planJson(a.join(b, on, "left"))).toEqual(
      plan(6, {
        join: {
          left: T("a", 0),
          right: T("b", 1),
          joinCondition: eq,
          joinType: "JOIN_TYPE_LEFT_OUTER",
        },
      }),
    );
  });

  test("crossJoin is a join of type cross without a condition", () => {
    const spark = testSession();
    const a = spark.table("a");
    const b = spark.table("b");
    expect(planJson(a.crossJoin(b))).toEqual(
      plan(2, { join: { left: T("a", 0), right: T("b", 1), joinType: "JOIN_TYPE_CROSS" } }),
    );
  });

  test("join refuses mixed `on`, other values, and DataFrames of another session", () => {
    const spark = testSession();
    const a = spark.table("a");
    const b = spark.table("b");
    expect(errorClassOf(() => a.join(b, ["k", col("j")] as never))).toBe("NOT_COLUMN_OR_STR");
    expect(errorClassOf(() => a.join(b, 42 as never))).toBe("NOT_COLUMN_OR_STR");
    expect(errorClassOf(() => a.join(testSession().table("c"), "k"))).toBe("SESSION_NOT_SAME");
    expect(errorClassOf(() => a.union({} as never))).toBe("NOT_DATAFRAME");
    expect(errorClassOf(() => a.crossJoin(testSession().table("c")))).toBe("SESSION_NOT_SAME");
  });

  // is_all, by_name and allow_missing_columns are `optional`: always set, as PySpark does.
  const setOp = (type: string, isAll: boolean, byName = false, allowMissingColumns = false) => ({
    setOpType: `SET_OP_TYPE_${type}`,
    isAll,
    byName,
    allowMissingColumns,
  });
  const SET_OPS: [string, (x: DataFrame, y: DataFrame) => DataFrame, Record<string, unknown>][] = [
    ["union", (x, y) => x.union(y), setOp("UNION", true)],
    ["unionAll", (x, y) => x.unionAll(y), setOp("UNION", true)],
    ["unionByName", (x, y) => x.unionByName(y), setOp("UNION", true, true)],
    [
      "unionByName(allowMissingColumns)",
      (x, y) => x.unionByName(y, true),
      setOp("UNION", true, true, true),
    ],
    ["intersect", (x, y) => x.intersect(y), setOp("INTERSECT", false)],
    ["intersectAll", (x, y) => x.intersectAll(y), setOp("INTERSECT", true)],
    ["subtract", (x, y) => x.subtract(y), setOp("EXCEPT", false)],
    ["exceptAll", (x, y) => x.exceptAll(y), setOp("EXCEPT", true)],
  ];

  test.each(SET_OPS)("%s", (_name, build, fields) => {
    const spark = testSession();
    const a = spark.table("a");
    const b = spark.table("b");
    expect(planJson(build(a, b))).toEqual(
      plan(2, { setOp: { leftInput: T("a", 0), rightInput: T("b", 1), ...fields } }),
    );
  });
});

describe("DataFrame grouping and aggregation", () => {
  const agg = (id: number, fields: Record<string, unknown>) =>
    plan(id, { aggregate: { input: T(), ...fields } });

  test("groupBy (and groupby) with Columns, names and arrays, then agg of Columns", () => {
    const { t } = fresh();
    expect(planJson(t.groupBy("k", [col("j")]).agg(sum("v").alias("s"), [expr("max(w)")]))).toEqual(
      agg(1, {
        groupType: "GROUP_TYPE_GROUPBY",
        groupingExpressions: [attr("k"), attr("j")],
        aggregateExpressions: [
          { alias: { expr: fn("sum", attr("v")), name: ["s"] } },
          { expressionString: { expression: "max(w)" } },
        ],
      }),
    );
    expect(planJson(t.groupby("k").agg(sum("v")))).toEqual(
      agg(2, {
        groupType: "GROUP_TYPE_GROUPBY",
        groupingExpressions: [attr("k")],
        aggregateExpressions: [fn("sum", attr("v"))],
      }),
    );
  });

  test("agg of a record calls the named aggregate on each column ('*' is a star)", () => {
    const { t } = fresh();
    expect(planJson(t.groupBy("k").agg({ v: "max", "*": "count" }))).toEqual(
      agg(1, {
        groupType: "GROUP_TYPE_GROUPBY",
        groupingExpressions: [attr("k")],
        aggregateExpressions: [fn("max", attr("v")), fn("count", star())],
      }),
    );
  });

  test("DataFrame.agg aggregates over all rows", () => {
    const { t } = fresh();
    expect(planJson(t.agg(sum("v")))).toEqual(
      agg(1, { groupType: "GROUP_TYPE_GROUPBY", aggregateExpressions: [fn("sum", attr("v"))] }),
    );
    expect(planJson(t.agg({ v: "avg" }))).toEqual(
      agg(2, { groupType: "GROUP_TYPE_GROUPBY", aggregateExpressions: [fn("avg", attr("v"))] }),
    );
  });

  test("shortcut aggregates: count, mean/avg, max, min, sum", () => {
    const cases: [(t: DataFrame) => DataFrame, unknown[]][] = [
      [(t) => t.groupBy("k").count(), [{ alias: { expr: fn("count", int(1)), name: ["count"] } }]],
      [(t) => t.groupBy("k").mean("a", "b"), [fn("avg", attr("a")), fn("avg", attr("b"))]],
      [(t) => t.groupBy("k").avg("a"), [fn("avg", attr("a"))]],
      [(t) => t.groupBy("k").max("a"), [fn("max", attr("a"))]],
      [(t) => t.groupBy("k").min("a"), [fn("min", attr("a"))]],
      [(t) => t.groupBy("k").sum("a", "b"), [fn("sum", attr("a")), fn("sum", attr("b"))]],
    ];
    for (const [build, aggregateExpressions] of cases) {
      const { t } = fresh();
      expect(planJson(build(t))).toEqual(
        agg(1, {
          groupType: "GROUP_TYPE_GROUPBY",
          groupingExpressions: [attr("k")],
          aggregateExpressions,
        }),
      );
    }
  });

  test("rollup, cube and groupingSets", () => {
    const { t } = fresh();
    const count = [fn("count", int(1))];
    const c = col("x");
    expect(planJson(t.rollup("a", col("b")).agg(expr("count(1)")))).toEqual(
      agg(1, {
        groupType: "GROUP_TYPE_ROLLUP",
        groupingExpressions: [attr("a"), attr("b")],
        aggregateExpressions: [{ expressionString: { expression: "count(1)" } }],
      }),
    );
    expect(planJson(t.cube(["a", "b"]).count())).toEqual(
      agg(2, {
        groupType: "GROUP_TYPE_CUBE",
        groupingExpressions: [attr("a"), attr("b")],
        aggregateExpressions: [{ alias: { expr: count[0], name: ["count"] } }],
      }),
    );
    expect(planJson(t.groupingSets([["a", c], ["a"], []], "a", c).sum("v"))).toEqual(
      agg(3, {
        groupType: "GROUP_TYPE_GROUPING_SETS",
        groupingExpressions: [attr("a"), attr("x")],
        aggregateExpressions: [fn("sum", attr("v"))],
        groupingSets: [{ groupingSet: [attr("a"), attr("x")] }, { groupingSet: [attr("a")] }, {}],
      }),
    );
  });

  test("pivot with and without values", () => {
    const { t } = fresh();
    expect(planJson(t.groupBy("y").pivot("q").sum("v"))).toEqual(
      agg(1, {
        groupType: "GROUP_TYPE_PIVOT",
        groupingExpressions: [attr("y")],
        aggregateExpressions: [fn("sum", attr("v"))],
        pivot: { col: attr("q", 0) },
      }),
    );
    expect(planJson(t.groupBy("y").pivot(col("q"), [2024, "x", true, null]).agg(sum("v")))).toEqual(
      agg(2, {
        groupType: "GROUP_TYPE_PIVOT",
        groupingExpressions: [attr("y")],
        aggregateExpressions: [fn("sum", attr("v"))],
        pivot: {
          col: attr("q"),
          values: [{ integer: 2024 }, { string: "x" }, { boolean: true }, { null: { null: {} } }],
        },
      }),
    );
  });

  test("grouping errors are thrown by the builder", () => {
    const { t } = fresh();
    const cases: [() => unknown, string][] = [
      [() => t.groupBy("k").sum(), "CANNOT_BE_EMPTY"],
      [() => t.groupBy("k").agg(), "CANNOT_BE_EMPTY"],
      [() => t.groupBy("k").agg(1 as never, 2 as never), "NOT_COLUMN"],
      [() => t.groupBy("k").agg({ v: "" }), "NOT_STR"],
      [() => t.rollup("k").pivot("q"), "NOT_SUPPORTED_PIVOT"],
      [() => t.groupBy("k").pivot("q").pivot("r"), "REPEATED_PIVOT"],
      [() => t.groupBy(1 as never), "NOT_COLUMN_OR_STR"],
    ];
    for (const [build, errorClass] of cases) expect(errorClassOf(build)).toBe(errorClass);
  });
});

describe("DataFrame ordering, limits and deduplication", () => {
  test("orderBy and sort: plain columns ascending, explicit orders kept, {ascending}", () => {
    const { t } = fresh();
    const sort = (id: number, order: unknown[], isGlobal = true) =>
      plan(id, { sort: { input: T(), order, isGlobal } });
    expect(planJson(t.orderBy("a", col("b").desc()))).toEqual(
      sort(1, [sortOrder(attr("a"), true), sortOrder(attr("b"), false)]),
    );
    expect(planJson(t.sort("a", "b", { ascending: false }))).toEqual(
      sort(2, [sortOrder(attr("a"), false), sortOrder(attr("b"), false)]),
    );
    expect(planJson(t.orderBy(["a", col("b")], { ascending: [true, false] }))).toEqual(
      sort(3, [sortOrder(attr("a"), true), sortOrder(attr("b"), false)]),
    );
    expect(planJson(t.sort(col("a").ascNullsLast(), { ascending: false }))).toEqual(
      sort(4, [sortOrder(attr("a"), true, false)]),
    );
    expect(planJson(t.sortWithinPartitions("a", { ascending: [false] }))).toEqual(
      sort(5, [sortOrder(attr("a"), false)], false),
    );
    expect(errorClassOf(() => t.orderBy())).toBe("CANNOT_BE_EMPTY");
    expect(errorClassOf(() => t.sort({ ascending: true }))).toBe("CANNOT_BE_EMPTY");
    expect(errorClassOf(() => t.orderBy("a", { ascending: [true, false] }))).toBe(
      "LENGTH_SHOULD_BE_THE_SAME",
    );
    expect(errorClassOf(() => t.orderBy(1 as never))).toBe("NOT_COLUMN_OR_STR");
  });

  test("limit and offset", () => {
    const { t } = fresh();
    expect(planJson(t.limit(5))).toEqual(plan(1, { limit: { input: T(), limit: 5 } }));
    expect(planJson(t.limit(0))).toEqual(plan(2, { limit: { input: T() } }));
    expect(planJson(t.offset(3))).toEqual(plan(3, { offset: { input: T(), offset: 3 } }));
    for (const build of [() => t.limit(-1), () => t.limit(1.5), () => t.offset(2 ** 31)]) {
      expect(errorClassOf(build)).toBe("VALUE_NOT_NON_NEGATIVE_INT");
    }
  });

  test("distinct, dropDuplicates (with and without subset), dropDuplicatesWithinWatermark", () => {
    const { t } = fresh();
    const dedup = (id: number, fields: Record<string, unknown>) =>
      plan(id, { deduplicate: { input: T(), ...fields } });
    expect(planJson(t.distinct())).toEqual(dedup(1, { allColumnsAsKeys: true }));
    expect(planJson(t.dropDuplicates())).toEqual(dedup(2, { allColumnsAsKeys: true }));
    expect(planJson(t.dropDuplicates(["a", "b"]))).toEqual(dedup(3, { columnNames: ["a", "b"] }));
    expect(planJson(t.drop_duplicates(["a"]))).toEqual(dedup(4, { columnNames: ["a"] }));
    // Without a subset the server needs all_columns_as_keys (an empty column list is an error).
    expect(planJson(t.dropDuplicatesWithinWatermark())).toEqual(
      dedup(5, { allColumnsAsKeys: true, withinWatermark: true }),
    );
    expect(planJson(t.dropDuplicatesWithinWatermark(["a"]))).toEqual(
      dedup(6, { columnNames: ["a"], withinWatermark: true }),
    );
    expect(errorClassOf(() => t.dropDuplicates("a" as never))).toBe("NOT_LIST_OR_TUPLE");
    expect(errorClassOf(() => t.dropDuplicates([1] as never))).toBe("NOT_LIST_OR_TUPLE");
  });
});

describe("DataFrame sampling and partitioning", () => {
  test("sample: fraction as the upper bound, seed and withReplacement", () => {
    const { t } = fresh();
    expect(planJson(t.sample(0.3, { seed: 42 }))).toEqual(
      plan(1, { sample: { input: T(), upperBound: 0.3, withReplacement: false, seed: "42" } }),
    );
    expect(planJson(t.sample(1.5, { withReplacement: true, seed: 2n ** 40n }))).toEqual(
      plan(2, {
        sample: { input: T(), upperBound: 1.5, withReplacement: true, seed: "1099511627776" },
      }),
    );
    // Without a seed, a random one is chosen (and sent, so retries sample the same rows).
    expect(planJson(t.sample(0.5))).toEqual(
      plan(3, {
        sample: {
          input: T(),
          upperBound: 0.5,
          withReplacement: false,
          seed: expect.stringMatching(/^-?\d+$/),
        },
      }),
    );
    expect(errorClassOf(() => t.sample(-0.1))).toBe("VALUE_NOT_POSITIVE");
    expect(errorClassOf(() => t.sample(Number.NaN))).toBe("VALUE_NOT_POSITIVE");
    // Refused before the server (which answers these without an error class).
    expect(errorClassOf(() => t.sample(Number.POSITIVE_INFINITY))).toBe("VALUE_NOT_BETWEEN");
    expect(errorClassOf(() => t.sample(2))).toBe("VALUE_NOT_BETWEEN");
    expect(errorClassOf(() => t.sample(Number.POSITIVE_INFINITY, { withReplacement: true }))).toBe(
      "VALUE_NOT_BETWEEN",
    );
    // Seeds: whole numbers within a long.
    expect(errorClassOf(() => t.sample(0.5, { seed: Number.NaN }))).toBe("NOT_INT");
    expect(errorClassOf(() => t.sample(0.5, { seed: 1.5 }))).toBe("NOT_INT");
    expect(errorClassOf(() => t.sample(0.5, { seed: 2 ** 64 }))).toBe("VALUE_OUT_OF_BOUNDS");
    expect(errorClassOf(() => t.sample(0.5, { seed: 2n ** 64n }))).toBe("VALUE_OUT_OF_BOUNDS");
    expect(errorClassOf(() => t.randomSplit([1, 1], 0.5))).toBe("NOT_INT");
  });

  test("without a seed, sample, randomSplit and sampleBy draw one seed in [0, 2^63-1], as PySpark", () => {
    const { t } = fresh();
    const fill = (byte: number) =>
      vi.spyOn(crypto, "getRandomValues").mockImplementation((a: ArrayBufferView) => {
        new Uint8Array(a.buffer, a.byteOffset, a.byteLength).fill(byte);
        return a;
      });
    const seedOf = (df: DataFrame) =>
      (
        planJson(df) as {
          root: Record<string, { seed?: string }>;
        }
      ).root;
    fill(0xff);
    try {
      // All bits set: a signed draw would be -1; the seed is the largest non-negative long.
      expect(seedOf(t.sample(0.5)).sample?.seed).toBe("9223372036854775807");
      expect(t.randomSplit([1, 1]).map((df) => seedOf(df).sample?.seed)).toEqual([
        "9223372036854775807",
        "9223372036854775807",
      ]);
      expect(seedOf(t.sampleBy("k", { a: 0.5 })).sampleBy?.seed).toBe("9223372036854775807");
    } finally {
      vi.restoreAllMocks();
    }
    fill(0x00);
    try {
      expect(seedOf(t.sample(0.5)).sample?.seed).toBe("0");
    } finally {
      vi.restoreAllMocks();
    }
  });

  test("randomSplit: normalised cumulative bounds, one shared seed, deterministic order", () => {
    const { t } = fresh();
    const split = (id: number, bounds: Record<string, number>, seed: unknown) =>
      plan(id, {
        sample: { input: T(), ...bounds, withReplacement: false, seed, deterministicOrder: true },
      });
    expect(t.randomSplit([1, 2, 1], 7).map(planJson)).toEqual([
      split(1, { upperBound: 0.25 }, "7"),
      split(2, { lowerBound: 0.25, upperBound: 0.75 }, "7"),
      split(3, { lowerBound: 0.75, upperBound: 1 }, "7"),
    ]);
    const random = t.randomSplit([0.5, 0.5]).map(planJson) as {
      root: { sample: { seed: string } };
    }[];
    const seed = random[0]?.root.sample.seed;
    expect(seed).toMatch(/^-?\d+$/);
    expect(random).toEqual([
      split(4, { upperBound: 0.5 }, seed),
      split(5, { lowerBound: 0.5, upperBound: 1 }, seed),
    ]);
    expect(errorClassOf(() => t.randomSplit([1]))).toBe("VALUE_NOT_POSITIVE");
    expect(errorClassOf(() => t.randomSplit([1, -1]))).toBe("VALUE_NOT_POSITIVE");
    expect(errorClassOf(() => t.randomSplit([0, 0]))).toBe("VALUE_NOT_POSITIVE");
  });

  test("repartition: n; n and columns; columns; repartitionByRange; coalesce", () => {
    const { t } = fresh();
    expect(planJson(t.repartition(4))).toEqual(
      plan(1, { repartition: { input: T(), numPartitions: 4, shuffle: true } }),
    );
    expect(planJson(t.repartition(4, "a", col("b")))).toEqual(
      plan(2, {
        repartitionByExpression: {
          input: T(),
          partitionExprs: [attr("a"), attr("b")],
          numPartitions: 4,
        },
      }),
    );
    expect(planJson(t.repartition("a", col("b")))).toEqual(
      plan(3, { repartitionByExpression: { input: T(), partitionExprs: [attr("a"), attr("b")] } }),
    );
    expect(planJson(t.repartitionByRange(3, "a", col("b").desc()))).toEqual(
      plan(4, {
        repartitionByExpression: {
          input: T(),
          partitionExprs: [
            { sortOrder: sortOrder(attr("a"), true) },
            { sortOrder: sortOrder(attr("b"), false) },
          ],
          numPartitions: 3,
        },
      }),
    );
    expect(planJson(t.repartitionByRange(col("a")))).toEqual(
      plan(5, {
        repartitionByExpression: {
          input: T(),
          partitionExprs: [{ sortOrder: sortOrder(attr("a"), true) }],
        },
      }),
    );
    expect(planJson(t.coalesce(2))).toEqual(
      plan(6, { repartition: { input: T(), numPartitions: 2, shuffle: false } }),
    );
    expect(errorClassOf(() => t.repartitionByRange(3))).toBe("CANNOT_BE_EMPTY");
    expect(errorClassOf(() => t.repartition(-1))).toBe("VALUE_NOT_POSITIVE");
    expect(errorClassOf(() => t.repartition(0))).toBe("VALUE_NOT_POSITIVE");
    expect(errorClassOf(() => t.repartition(0, "a"))).toBe("VALUE_NOT_POSITIVE");
    expect(errorClassOf(() => t.repartitionByRange(0, "a"))).toBe("VALUE_NOT_POSITIVE");
    expect(errorClassOf(() => t.repartition(1.5))).toBe("VALUE_NOT_NON_NEGATIVE_INT");
    expect(errorClassOf(() => t.coalesce(1.5))).toBe("VALUE_NOT_NON_NEGATIVE_INT");
  });

  test("alias names the DataFrame", () => {
    const { t } = fresh();
    expect(planJson(t.alias("x"))).toEqual(plan(1, { subqueryAlias: { input: T(), alias: "x" } }));
  });

  test("hint: no parameters, literal and Column parameters, one array as the list", () => {
    const { t } = fresh();
    expect(planJson(t.hint("broadcast"))).toEqual(
      plan(1, { hint: { input: T(), name: "broadcast" } }),
    );
    expect(planJson(t.hint("repartition", 3, col("a")))).toEqual(
      plan(2, { hint: { input: T(), name: "repartition", parameters: [int(3), attr("a")] } }),
    );
    // As PySpark: hint("h", [1, 2]) is hint("h", 1, 2) …
    expect(planJson(t.hint("h", [1, 2]))).toEqual(
      plan(3, { hint: { input: T(), name: "h", parameters: [int(1), int(2)] } }),
    );
    // … and an array among several parameters is one array literal.
    expect(planJson(t.hint("h", [1, 2], "x"))).toEqual(
      plan(4, {
        hint: {
          input: T(),
          name: "h",
          parameters: [
            {
              literal: {
                array: { elementType: { integer: {} }, elements: [{ integer: 1 }, { integer: 2 }] },
              },
            },
            str("x"),
          ],
        },
      }),
    );
  });
});

describe("DataFrame reshaping", () => {
  test("unpivot and melt: values as a list, one name, or null (all non-id columns)", () => {
    const { t } = fresh();
    const unpivot = (id: number, fields: Record<string, unknown>) =>
      plan(id, {
        unpivot: { input: T(), ...fields, variableColumnName: "var", valueColumnName: "val" },
      });
    expect(planJson(t.unpivot("id", ["a", col("b")], "var", "val"))).toEqual(
      unpivot(1, { ids: [attr("id")], values: { values: [attr("a"), attr("b")] } }),
    );
    expect(planJson(t.melt(["id", col("k")], null, "var", "val"))).toEqual(
      unpivot(2, { ids: [attr("id"), attr("k")] }),
    );
    expect(planJson(t.unpivot(col("id"), "a", "var", "val"))).toEqual(
      unpivot(3, { ids: [attr("id")], values: { values: [attr("a")] } }),
    );
  });

  test("transpose with and without an index column", () => {
    const { t } = fresh();
    expect(planJson(t.transpose())).toEqual(plan(1, { transpose: { input: T() } }));
    expect(planJson(t.transpose("k"))).toEqual(
      plan(2, { transpose: { input: T(), indexColumns: [attr("k")] } }),
    );
  });

  test("observe: by name or with an Observation; metrics required; one DataFrame each", () => {
    const { t } = fresh();
    const metric = expr("count(1)").alias("n");
    const metricJson = {
      alias: { expr: { expressionString: { expression: "count(1)" } }, name: ["n"] },
    };
    expect(planJson(t.observe("m", metric, expr("max(a)")))).toEqual(
      plan(1, {
        collectMetrics: {
          input: T(),
          name: "m",
          metrics: [metricJson, { expressionString: { expression: "max(a)" } }],
        },
      }),
    );
    const observation = new Observation("o");
    expect(planJson(t.observe(observation, metric))).toEqual(
      plan(2, { collectMetrics: { input: T(), name: "o", metrics: [metricJson] } }),
    );
    expect(errorClassOf(() => t.observe(observation, metric))).toBe("REUSE_OBSERVATION");
    expect(errorClassOf(() => t.observe("m"))).toBe("CANNOT_BE_EMPTY");
  });

  test("describe and summary", () => {
    const { t } = fresh();
    expect(planJson(t.describe("a", ["b"]))).toEqual(
      plan(1, { describe: { input: T(), cols: ["a", "b"] } }),
    );
    expect(planJson(t.describe())).toEqual(plan(2, { describe: { input: T() } }));
    expect(planJson(t.summary("count", "25%"))).toEqual(
      plan(3, { summary: { input: T(), statistics: ["count", "25%"] } }),
    );
    expect(planJson(t.summary())).toEqual(plan(4, { summary: { input: T() } }));
  });

  test("transform applies a DataFrame → DataFrame function with its arguments", () => {
    const { t } = fresh();
    const limitTo = (df: DataFrame, n: number) => df.limit(n);
    expect(planJson(t.transform(limitTo, 3))).toEqual(plan(1, { limit: { input: T(), limit: 3 } }));
    expect(errorClassOf(() => t.transform(() => 1 as never))).toBe(
      "INVALID_RETURN_TYPE_FOR_TRANSFORM",
    );
  });

  test("to(schema) from DDL or a StructType", () => {
    const { t } = fresh();
    const schema = {
      struct: {
        fields: [
          { name: "a", dataType: { integer: {} }, nullable: true },
          { name: "b", dataType: { string: { collation: "UTF8_BINARY" } } },
        ],
      },
    };
    expect(planJson(t.to("a INT, b STRING NOT NULL"))).toEqual(
      plan(1, { toSchema: { input: T(), schema } }),
    );
    const struct = new StructType([
      new StructField("a", IntegerType.INSTANCE, true),
      new StructField("b", StringType.INSTANCE, false),
    ]);
    expect(planJson(t.to(struct))).toEqual(plan(2, { toSchema: { input: T(), schema } }));
    expect(errorClassOf(() => t.to(IntegerType.INSTANCE as never))).toBe("NOT_STRUCT");
  });

  test("withWatermark", () => {
    const { t } = fresh();
    expect(planJson(t.withWatermark("ts", "10 minutes"))).toEqual(
      plan(1, { withWatermark: { input: T(), eventTime: "ts", delayThreshold: "10 minutes" } }),
    );
    expect(errorClassOf(() => t.withWatermark(col("ts") as never, "1 second"))).toBe("NOT_STR");
  });
});

describe("DataFrame missing values (na)", () => {
  test("na.fill and fillna: one value (whole numbers as longs) or a record", () => {
    const { t } = fresh();
    const fill = (id: number, fields: Record<string, unknown>) =>
      plan(id, { fillNa: { input: T(), ...fields } });
    expect(planJson(t.na.fill(0))).toEqual(fill(1, { values: [{ long: "0" }] }));
    expect(planJson(t.na.fill(1.5, ["a", "b"]))).toEqual(
      fill(2, { cols: ["a", "b"], values: [{ double: 1.5 }] }),
    );
    expect(planJson(t.na.fill("x", "s"))).toEqual(
      fill(3, { cols: ["s"], values: [str("x").literal] }),
    );
    expect(planJson(t.na.fill(false))).toEqual(fill(4, { values: [{ boolean: false }] }));
    expect(planJson(t.na.fill(5n))).toEqual(fill(5, { values: [{ long: "5" }] }));
    expect(planJson(t.na.fill({ a: 1, b: "x", c: true, d: 0.5 }))).toEqual(
      fill(6, {
        cols: ["a", "b", "c", "d"],
        values: [{ long: "1" }, { string: "x" }, { boolean: true }, { double: 0.5 }],
      }),
    );
    expect(planJson(t.fillna(-1, ["a"]))).toEqual(
      fill(7, { cols: ["a"], values: [{ long: "-1" }] }),
    );
    const cases: [() => unknown, string][] = [
      [() => t.na.fill({}), "CANNOT_BE_EMPTY"],
      [() => t.na.fill(null as never), "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR"],
      [() => t.na.fill({ a: [1] } as never), "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR"],
      [() => t.na.fill(1, [1] as never), "NOT_LIST_OR_STR_OR_TUPLE"],
    ];
    for (const [build, errorClass] of cases) expect(errorClassOf(build)).toBe(errorClass);
  });

  test("na.drop and dropna: how, thresh (wins over how), subset", () => {
    const { t } = fresh();
    const drop = (id: number, fields: Record<string, unknown>) =>
      plan(id, { dropNa: { input: T(), ...fields } });
    expect(planJson(t.na.drop())).toEqual(drop(1, {}));
    expect(planJson(t.na.drop({ how: "all" }))).toEqual(drop(2, { minNonNulls: 1 }));
    expect(planJson(t.na.drop({ how: "all", thresh: 2, subset: ["a", "b"] }))).toEqual(
      drop(3, { cols: ["a", "b"], minNonNulls: 2 }),
    );
    expect(planJson(t.na.drop({ subset: "a" }))).toEqual(drop(4, { cols: ["a"] }));
    expect(planJson(t.na.drop({ thresh: 0 }))).toEqual(drop(5, { minNonNulls: 0 }));
    expect(planJson(t.dropna({ how: "any" }))).toEqual(drop(6, {}));
    expect(errorClassOf(() => t.na.drop({ how: "some" as never }))).toBe("VALUE_NOT_ANY_OR_ALL");
    expect(errorClassOf(() => t.na.drop({ thresh: -1 }))).toBe("NOT_INT");
  });

  test("na.replace and replace: value, lists, list to one value, record, nulls, subset", () => {
    const { t } = fresh();
    const nul = { null: { null: {} } };
    const rep = (oldValue: unknown, newValue: unknown) => ({ oldValue, newValue });
    const replace = (id: number, fields: Record<string, unknown>) =>
      plan(id, { replace: { input: T(), ...fields } });
    expect(planJson(t.na.replace(1, 2))).toEqual(
      replace(1, { replacements: [rep({ integer: 1 }, { integer: 2 })] }),
    );
    expect(planJson(t.na.replace(["a", "b"], ["x", null], "s"))).toEqual(
      replace(2, {
        cols: ["s"],
        replacements: [rep({ string: "a" }, { string: "x" }), rep({ string: "b" }, nul)],
      }),
    );
    expect(planJson(t.na.replace([1.5, 2], 0, ["a", "b"]))).toEqual(
      replace(3, {
        cols: ["a", "b"],
        replacements: [rep({ double: 1.5 }, { integer: 0 }), rep({ integer: 2 }, { integer: 0 })],
      }),
    );
    expect(planJson(t.na.replace({ a: "b", c: null }))).toEqual(
      replace(4, {
        replacements: [rep({ string: "a" }, { string: "b" }), rep({ string: "c" }, nul)],
      }),
    );
    expect(planJson(t.replace(true, false))).toEqual(
      replace(5, { replacements: [rep({ boolean: true }, { boolean: false })] }),
    );
    const cases: [() => unknown, string][] = [
      [() => t.na.replace(1), "ARGUMENT_REQUIRED"],
      [() => t.na.replace([1, 2], [3]), "LENGTH_SHOULD_BE_THE_SAME"],
      [() => t.na.replace([[1]] as never, 1), "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR"],
      [() => t.na.replace(1, 2, [3] as never), "NOT_LIST_OR_STR_OR_TUPLE"],
    ];
    for (const [build, errorClass] of cases) expect(errorClassOf(build)).toBe(errorClass);
  });
});

describe("DataFrame statistics (stat)", () => {
  test("crosstab (and the DataFrame shortcut)", () => {
    const { t } = fresh();
    const crosstab = { crosstab: { input: T(), col1: "a", col2: "b" } };
    expect(planJson(t.stat.crosstab("a", "b"))).toEqual(plan(1, crosstab));
    expect(planJson(t.crosstab("a", "b"))).toEqual(plan(2, crosstab));
    expect(errorClassOf(() => t.stat.crosstab(1 as never, "b"))).toBe("NOT_STR");
  });

  test("freqItems with and without support", () => {
    const { t } = fresh();
    expect(planJson(t.stat.freqItems(["a", "b"]))).toEqual(
      plan(1, { freqItems: { input: T(), cols: ["a", "b"] } }),
    );
    expect(planJson(t.freqItems(["a"], 0.2))).toEqual(
      plan(2, { freqItems: { input: T(), cols: ["a"], support: 0.2 } }),
    );
  });

  test("sampleBy: a record (compared as strings) or a Map of strata, with or without a seed", () => {
    const { t } = fresh();
    expect(planJson(t.stat.sampleBy("k", { a: 0.1, b: 0.5 }, 3))).toEqual(
      plan(1, {
        sampleBy: {
          input: T(),
          // A plain object's keys are strings: the column is compared by its string form.
          col: { cast: { expr: attr("k"), typeStr: "string" } },
          fractions: [
            { stratum: { string: "a" }, fraction: 0.1 },
            { stratum: { string: "b" }, fraction: 0.5 },
          ],
          seed: "3",
        },
      }),
    );
    expect(
      planJson(
        t.sampleBy(
          col("k"),
          new Map([
            [1, 0.5],
            [2, 1],
          ]),
          9n,
        ),
      ),
    ).toEqual(
      plan(2, {
        sampleBy: {
          input: T(),
          col: attr("k"),
          fractions: [
            { stratum: { integer: 1 }, fraction: 0.5 },
            { stratum: { integer: 2 }, fraction: 1 },
          ],
          seed: "9",
        },
      }),
    );
    expect(planJson(t.stat.sampleBy("k", { a: 0 }))).toEqual(
      plan(3, {
        sampleBy: {
          input: T(),
          col: { cast: { expr: attr("k"), typeStr: "string" } },
          fractions: [{ stratum: { string: "a" } }],
          seed: expect.stringMatching(/^\d+$/),
        },
      }),
    );
    expect(errorClassOf(() => t.stat.sampleBy("k", { a: 1.5 }))).toBe("NOT_FLOAT_OR_INT");
    expect(errorClassOf(() => t.stat.sampleBy("k", { a: Number.NaN }))).toBe("NOT_FLOAT_OR_INT");
    expect(errorClassOf(() => t.stat.sampleBy("k", { a: 0.5 }, 1.5))).toBe("NOT_INT");
    expect(errorClassOf(() => t.stat.sampleBy("k", { a: 0.5 }, 2n ** 64n))).toBe(
      "VALUE_OUT_OF_BOUNDS",
    );
  });
});

describe("session builders", () => {
  test("range: end only, start/end/step/numPartitions, bigints", () => {
    const spark = testSession();
    expect(planJson(spark.range(5))).toEqual(
      plan(0, { range: { start: "0", end: "5", step: "1" } }),
    );
    expect(planJson(spark.range(2, 10, 3, 4))).toEqual(
      plan(1, { range: { start: "2", end: "10", step: "3", numPartitions: 4 } }),
    );
    expect(planJson(spark.range(-(2n ** 63n), 2n ** 63n - 1n, -1n))).toEqual(
      plan(2, {
        range: { start: "-9223372036854775808", end: "9223372036854775807", step: "-1" },
      }),
    );
    const cases: [() => unknown, string][] = [
      [() => spark.range(1.5), "NOT_INT"],
      [() => spark.range(0, 1, 0), "VALUE_NOT_NONZERO"],
      [() => spark.range(0, 2n ** 63n), "VALUE_OUT_OF_BOUNDS"],
      [() => spark.range(0, 1, 1, 0), "VALUE_NOT_POSITIVE"],
    ];
    for (const [build, errorClass] of cases) expect(errorClassOf(build)).toBe(errorClass);
  });

  test("table reads a named table", () => {
    const spark = testSession();
    expect(planJson(spark.table("db.t"))).toEqual(plan(0, { read: T("db.t", 0).read }));
    expect(errorClassOf(() => spark.table(""))).toBe("NOT_STR");
  });

  test("read: format, schema, option(s), load of paths; table with options", () => {
    const spark = testSession();
    const df = spark.read
      .format("csv")
      .schema("a INT")
      .option("header", true)
      .options({ sep: ";", n: 3 })
      .load("/x", ["/y", "/z"]);
    expect(planJson(df)).toEqual(
      plan(0, {
        read: {
          dataSource: {
            format: "csv",
            schema: "a INT",
            options: { header: "true", sep: ";", n: "3" },
            paths: ["/x", "/y", "/z"],
          },
        },
      }),
    );
    expect(planJson(spark.read.load())).toEqual(plan(1, { read: { dataSource: {} } }));
    expect(planJson(spark.read.option("k", false).table("t"))).toEqual(
      plan(2, { read: { namedTable: { unparsedIdentifier: "t", options: { k: "false" } } } }),
    );
    const struct = new StructType([new StructField("a", IntegerType.INSTANCE, true)]);
    expect(planJson(spark.read.schema(struct).json("/j"))).toEqual(
      plan(3, {
        read: {
          dataSource: {
            format: "json",
            schema:
              '{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}}]}',
            paths: ["/j"],
          },
        },
      }),
    );
    expect(errorClassOf(() => spark.read.schema(1 as never))).toBe("NOT_STR_OR_STRUCT");
  });

  test.each(["parquet", "json", "csv", "orc", "text", "xml"] as const)(
    "read.%s(paths) is format(%s).load(paths)",
    (format) => {
      const spark = testSession();
      expect(planJson(spark.read[format]("/a", "/b"))).toEqual(
        plan(0, { read: { dataSource: { format, paths: ["/a", "/b"] } } }),
      );
    },
  );

  test("createDataFrame sends the schema as JSON and the rows as one Arrow IPC stream", () => {
    const spark = testSession();
    const df = spark.createDataFrame(
      [
        { name: "Ana", age: 31 },
        { name: "Bo", age: null },
      ],
      "name STRING, age INT",
    );
    const json = planJson(df) as { root: { localRelation: { data: string } } };
    expect(json).toEqual(
      plan(0, {
        localRelation: {
          data: expect.stringMatching(/^[A-Za-z0-9+/]{16,}=*$/),
          schema:
            '{"type":"struct","fields":[{"name":"name","type":"string","nullable":true,"metadata":{}},{"name":"age","type":"integer","nullable":true,"metadata":{}}]}',
        },
      }),
    );
    const decoded = decodeArrowBatch(localData(df));
    expect(decoded.rowCount).toBe(2);
    expect(decoded.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "name:Utf8",
      "age:Int32",
    ]);
    expect(decoded.batches.flatMap((b) => batchToRows(b)).map((r) => r.toObject())).toEqual([
      { name: "Ana", age: 31 },
      { name: "Bo", age: null },
    ]);
  });

  test("createDataFrame infers the schema from arrays of values, named by a list", () => {
    const spark = testSession();
    const df = spark.createDataFrame(
      [
        [1, "x", true],
        [2n ** 40n, null, false],
      ],
      ["a", "b", "c"],
    );
    expect(planJson(df)).toEqual(
      plan(0, {
        localRelation: {
          data: expect.any(String),
          schema:
            '{"type":"struct","fields":[{"name":"a","type":"long","nullable":true,"metadata":{}},{"name":"b","type":"string","nullable":true,"metadata":{}},{"name":"c","type":"boolean","nullable":true,"metadata":{}}]}',
        },
      }),
    );
    const decoded = decodeArrowBatch(localData(df));
    expect(decoded.batches.flatMap((b) => batchToRows(b)).map((r) => r.toObject())).toEqual([
      { a: 1n, b: "x", c: true },
      { a: 2n ** 40n, b: null, c: false },
    ]);
  });
});

/** The Arrow bytes of a DataFrame made by createDataFrame. */
function localData(df: DataFrame): Uint8Array {
  const p = df.toPlan();
  if (p.opType.case !== "root" || p.opType.value.relType.case !== "localRelation") {
    throw new Error("not a LocalRelation");
  }
  const data = p.opType.value.relType.value.data;
  if (!data?.byteLength) throw new Error("no data");
  return data;
}
