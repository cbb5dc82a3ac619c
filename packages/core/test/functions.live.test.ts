/**
 * Every exported function wrapper names a function the live server knows.
 */
import { expect, test } from "vitest";
import { INTERNAL_SPARK_FUNCTION_NAMES, SPARK_FUNCTION_NAMES } from "../src/testing/spark-names.js";
import { knownDifference } from "./known-difference.js";
import { live, versionOf, withSession } from "./live-session.js";

/**
 * Functions the wrappers call that Spark 4.0 does not have (they came with 4.1). Measured against
 * the 4.0 lane's registry; the test fails if this list is wrong in either direction.
 */
const ADDED_IN_4_1: readonly string[] = [
  "bitmap_and_agg",
  "current_time",
  "kll_merge_agg_bigint",
  "kll_merge_agg_double",
  "kll_merge_agg_float",
  "kll_sketch_agg_bigint",
  "kll_sketch_agg_double",
  "kll_sketch_agg_float",
  "kll_sketch_get_n_bigint",
  "kll_sketch_get_n_double",
  "kll_sketch_get_n_float",
  "kll_sketch_get_quantile_bigint",
  "kll_sketch_get_quantile_double",
  "kll_sketch_get_quantile_float",
  "kll_sketch_get_rank_bigint",
  "kll_sketch_get_rank_double",
  "kll_sketch_get_rank_float",
  "kll_sketch_merge_bigint",
  "kll_sketch_merge_double",
  "kll_sketch_merge_float",
  "kll_sketch_to_string_bigint",
  "kll_sketch_to_string_double",
  "kll_sketch_to_string_float",
  "make_time",
  "quote",
  "st_asbinary",
  "st_geogfromwkb",
  "st_geomfromwkb",
  "st_setsrid",
  "st_srid",
  "theta_difference",
  "theta_intersection",
  "theta_intersection_agg",
  "theta_sketch_agg",
  "theta_sketch_estimate",
  "theta_union",
  "theta_union_agg",
  "time_diff",
  "time_trunc",
  "to_time",
  "try_to_date",
  "try_to_time",
];

test(
  "the server's function registry knows every name the wrappers send",
  knownDifference(
    "sail",
    "its registry lacks 19 functions the wrappers send (kll_sketch_agg_bigint\u2026)",
  ),
  async () => {
    await withSession(async (spark) => {
      const rows = await (await spark.sql("SHOW FUNCTIONS")).collect();
      const registry = new Set(rows.map((r) => String(r[0])));
      expect(registry.size).toBeGreaterThan(400);
      const internal = new Set(INTERNAL_SPARK_FUNCTION_NAMES);
      const sent = new Set(Object.values(SPARK_FUNCTION_NAMES).flat());
      const unknown = [...sent].filter((name) => !registry.has(name) && !internal.has(name)).sort();
      const [major, minor] = versionOf(live.version);
      if (major > 4 || (major === 4 && minor >= 1)) {
        expect(unknown).toEqual([]);
      } else {
        expect(unknown).toEqual([...ADDED_IN_4_1].sort());
      }
    });
  },
);

test("functions known only to Spark's internal registry still resolve on the server", async () => {
  await withSession(async (spark) => {
    // The internal names are sent by PySpark the same way; prove the server resolves one of them.
    const { timestampDiff, col } = await import("../src/functions/index.js");
    const df = await spark.sql(
      "SELECT TIMESTAMP'2024-01-01 00:00:00' AS a, TIMESTAMP'2024-01-03 00:00:00' AS b",
    );
    const rows = await df.select(timestampDiff("DAY", col("a"), col("b")).alias("d")).collect();
    expect(rows[0]?.get("d")).toBe(2n);
  });
});
