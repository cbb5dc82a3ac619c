/**
 * Every Column method against the real server, with the values Spark computes.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { col, expr, lit, when } from "../src/functions/core.js";
import { transform } from "../src/functions/index.js";
import type { SparkSession } from "../src/session.js";
import { DecimalType } from "../src/types/index.js";
import { Window } from "../src/window.js";
import { liveSession } from "./live-session.js";

let spark: SparkSession;
beforeAll(() => {
  spark = liveSession();
});
afterAll(async () => {
  await spark?.stop();
});

const one = async (...cols: Parameters<ReturnType<SparkSession["range"]>["select"]>) => {
  const df = spark.createDataFrame(
    [
      {
        a: 7,
        b: 2,
        s: "Spark Connect",
        n: null,
        xs: [1, 2, 3],
        m: new Map([["k", 5]]),
        st: { p: 1, q: "x" },
      },
    ],
    "a INT, b INT, s STRING, n INT, xs ARRAY<INT>, m MAP<STRING, INT>, st STRUCT<p: INT, q: STRING>",
  );
  const [row] = await df.select(...cols).collect();
  return [...row!];
};

test("arithmetic", async () => {
  expect(
    await one(
      col("a").plus(col("b")),
      col("a").minus(1),
      col("a").multiply(col("b")),
      col("a").divide(col("b")),
      col("a").mod(col("b")),
      col("a").pow(2),
      col("a").negate(),
    ),
  ).toEqual([9, 6, 14, 3.5, 1, 49, -7]);
});

test("comparison, null-safe equality and between", async () => {
  expect(
    await one(
      col("a").equalTo(7),
      col("a").notEqual(7),
      col("a").gt(col("b")),
      col("a").lt(col("b")),
      col("a").geq(7),
      col("a").leq(6),
      col("n").eqNullSafe(lit(null)),
      col("n").equalTo(lit(null)),
      col("a").between(1, 7),
    ),
  ).toEqual([true, false, true, false, true, false, true, null, true]);
});

test("logic, bits, null and NaN checks, isin", async () => {
  expect(
    await one(
      col("a").gt(1).and(col("b").gt(5)),
      col("a").gt(1).or(col("b").gt(5)),
      col("a").gt(1).not(),
      col("a").bitwiseAND(col("b")),
      col("a").bitwiseOR(col("b")),
      col("a").bitwiseXOR(col("b")),
      col("n").isNull(),
      col("a").isNotNull(),
      lit(Number.NaN).isNaN(),
      col("a").isin(1, 7),
      col("a").isin([1, 2]),
    ),
  ).toEqual([false, true, false, 2, 7, 5, true, true, true, true, false]);
});

test("strings: like, ilike, rlike, startsWith, endsWith, contains, substr", async () => {
  expect(
    await one(
      col("s").like("Spark%"),
      col("s").ilike("spark%"),
      col("s").rlike("C[a-z]+t$"),
      col("s").startsWith("Spa"),
      col("s").endsWith("nect"),
      col("s").contains("k C"),
      col("s").substr(1, 5),
    ),
  ).toEqual([true, true, true, true, true, true, "Spark"]);
});

test("nested data: getItem, getField, withField, dropFields", async () => {
  const [first, fromMap, field, withQ, dropped] = await one(
    col("xs").getItem(0),
    col("m").getItem("k"),
    col("st").getField("q"),
    col("st").withField("q", lit("y")).getField("q"),
    col("st").dropFields("p"),
  );
  expect([first, fromMap, field, withQ]).toEqual([1, 5, "x", "y"]);
  expect((dropped as { fieldNames: string[] }).fieldNames).toEqual(["q"]);
});

test("names, casts, try casts", async () => {
  const df = spark
    .range(1)
    .select(
      lit("12.345").cast(new DecimalType(5, 2)).alias("d"),
      lit("x").tryCast("int").name("bad"),
      lit(3).astype("string").as("s"),
      lit(1).alias("m", { metadata: { unit: "kg" } }),
    );
  const [row] = await df.collect();
  expect([...row!]).toEqual(["12.35", null, "3", 1]);
  const schema = await df.schema();
  expect(schema.fieldNames()).toEqual(["d", "bad", "s", "m"]);
  expect(schema.fields[3]?.metadata).toEqual({ unit: "kg" });
});

test("ordering with nulls first and last", async () => {
  const df = spark.createDataFrame([{ v: 2 }, { v: null }, { v: 1 }], "v INT");
  const order = async (c: ReturnType<typeof col>) =>
    (await df.orderBy(c).collect()).map((r) => r[0]);
  expect(await order(col("v").asc())).toEqual([null, 1, 2]);
  expect(await order(col("v").ascNullsLast())).toEqual([1, 2, null]);
  expect(await order(col("v").desc())).toEqual([2, 1, null]);
  expect(await order(col("v").descNullsFirst())).toEqual([null, 2, 1]);
});

test("when/otherwise, over(window) and lambdas", async () => {
  const df = spark.createDataFrame(
    [
      { k: "a", v: 1 },
      { k: "a", v: 5 },
      { k: "b", v: 3 },
    ],
    "k STRING, v INT",
  );
  const rows = await df
    .select(
      "k",
      "v",
      when(col("v").gt(4), "big").when(col("v").gt(2), "mid").otherwise("small").alias("size"),
      expr("count(1)").over(Window.partitionBy("k")).alias("n"),
      transform(lit([1, 2]), (x) => x.plus(col("v"))).alias("shifted"),
    )
    .orderBy("v")
    .collect();
  expect(rows.map((r) => [...r])).toEqual([
    ["a", 1, "small", 2n, [2, 3]],
    ["b", 3, "mid", 1n, [4, 5]],
    ["a", 5, "big", 2n, [6, 7]],
  ]);
});
