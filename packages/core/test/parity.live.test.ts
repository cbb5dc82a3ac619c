/**
 * Parity with PySpark's Connect client (issue 10) and hostile input (issue 11): each test runs
 * the SDK against the real server and asserts the exact values PySpark gives.
 */
import { describe, expect, test } from "vitest";
import { values, withSession } from "./live-session.js";

describe("parity with PySpark", () => {
  test("catalog answers are read by position; getDatabase keeps its fields", async () => {
    await withSession(async (spark) => {
      const db = await spark.catalog.getDatabase("default");
      expect(db.name).toBe("default");
      expect(db.catalog).toBe("spark_catalog");
      expect(db.description).toBe("default database");
      expect(db.locationUri).toMatch(/^file:\/.*spark-warehouse$/);
      await spark.range(1).createOrReplaceTempView("parity_catalog_view");
      expect(await spark.catalog.getTable("parity_catalog_view")).toEqual({
        name: "parity_catalog_view",
        catalog: null,
        namespace: [],
        database: null,
        description: null,
        tableType: "TEMPORARY",
        isTemporary: true,
      });
    });
  });

  test("conf.getAll(prefix) gives full keys, the prefix once", async () => {
    await withSession(async (spark) => {
      await spark.conf.set("spark.sql.shuffle.partitions", 3);
      const all = await spark.conf.getAll("spark.sql.shuffle.");
      expect(all["spark.sql.shuffle.partitions"]).toBe("3");
      expect(Object.keys(all).filter((k) => !k.startsWith("spark.sql.shuffle."))).toEqual([]);
      expect(Object.keys(all).filter((k) => k.includes("shufflespark"))).toEqual([]);
    });
  });
});
