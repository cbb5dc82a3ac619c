/**
 * Hostile input (issue 11, item 7) against the real server: each case is refused with a typed
 * error before anything reaches the server, or gives the exact rows PySpark gives.
 */
import { describe, expect, test } from "vitest";
import { AnalysisError, SparkArgumentError } from "../src/errors.js";
import { col, lit } from "../src/functions/core.js";
import { values, withSession } from "./live-session.js";

const LONE = "a\uD800b";

async function rejection(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

async function argumentError(f: () => unknown): Promise<[string, string | undefined]> {
  const err = await rejection(f);
  expect(err).toBeInstanceOf(SparkArgumentError);
  return [(err as SparkArgumentError).name, (err as SparkArgumentError).errorClass];
}

describe("hostile input", () => {
  test("createDataFrame infers from every row: [{a: 1}, {b: 2}] keeps both columns", async () => {
    await withSession(async (spark) => {
      const df = spark.createDataFrame([{ a: 1 }, { b: 2 }, { a: 2.5, c: "x" }]);
      expect(await df.dtypes()).toEqual([
        ["a", "double"],
        ["b", "bigint"],
        ["c", "string"],
      ]);
      expect(values(await df.collect())).toEqual([
        [1, null, null],
        [null, 2n, null],
        [2.5, null, "x"],
      ]);
    });
  });

  test("a lone surrogate is one typed error everywhere, before the server", async () => {
    await withSession(async (spark) => {
      const expected = ["SparkArgumentError", "INVALID_UTF8_STRING"];
      expect(await argumentError(() => spark.sql(`SELECT '${LONE}'`))).toEqual(expected);
      expect(await argumentError(() => spark.createDataFrame([{ s: LONE }]).collect())).toEqual(
        expected,
      );
      expect(await argumentError(() => spark.createDataFrame([{ [LONE]: 1 }]))).toEqual(expected);
      expect(await argumentError(() => spark.range(1).select(col(LONE)).collect())).toEqual(
        expected,
      );
      expect(await argumentError(() => spark.range(1).select(lit(LONE)).collect())).toEqual(
        expected,
      );
      // A proper pair is text like any other.
      const [row] = await spark.range(1).select(lit("😀").alias("e")).collect();
      expect(row?.[0]).toBe("😀");
    });
  });

  test("a circular row is a typed error", async () => {
    await withSession(async (spark) => {
      const row: Record<string, unknown> = { a: 1 };
      row.self = row;
      expect(await argumentError(() => spark.createDataFrame([row]))).toEqual([
        "SparkArgumentError",
        "CIRCULAR_REFERENCE",
      ]);
    });
  });

  test("sample and repartition arguments are refused with PySpark's error classes", async () => {
    await withSession(async (spark) => {
      const df = spark.range(10);
      const cases: [() => unknown, string][] = [
        [() => df.sample(0.5, { seed: Number.NaN }).collect(), "NOT_INT"],
        [() => df.sample(0.5, { seed: 1.5 }).collect(), "NOT_INT"],
        [() => df.sample(0.5, { seed: 2n ** 64n }).collect(), "VALUE_OUT_OF_BOUNDS"],
        [() => df.sample(Number.POSITIVE_INFINITY).collect(), "VALUE_NOT_BETWEEN"],
        [() => df.sample(2).collect(), "VALUE_NOT_BETWEEN"],
        [() => df.repartition(0).collect(), "VALUE_NOT_POSITIVE"],
      ];
      for (const [f, errorClass] of cases) {
        expect(await argumentError(f)).toEqual(["SparkArgumentError", errorClass]);
      }
      // The bounds themselves still work: sample(1) keeps every row, sample with a big seed.
      expect(await df.sample(1, { seed: 2n ** 63n - 1n }).count()).toBe(10);
      expect(await df.sample(2, { withReplacement: true, seed: 1 }).count()).toBeGreaterThan(0);
    });
  });

  test("an unbound positional parameter is named as the user wrote it", async () => {
    await withSession(async (spark) => {
      const err = await rejection(() => spark.sql("SELECT ?, ?", [1]));
      expect(err).toBeInstanceOf(AnalysisError);
      const e = err as AnalysisError;
      expect([e.errorClass, e.sqlState, e.messageParameters]).toEqual([
        "UNBOUND_SQL_PARAMETER",
        "42P02",
        { name: "_10" },
      ]);
      expect(e.message).toBe(
        "[UNBOUND_SQL_PARAMETER] The 2nd `?` (at character 10 of the query) has no value: 1 " +
          "positional argument was given. Pass one argument per `?`, in order. (Spark names " +
          "this parameter _10.)",
      );
    });
  });
});
