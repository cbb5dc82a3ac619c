/**
 * Parity with PySpark's Connect client (issue 10) and hostile input (issue 11): each test runs
 * the SDK against the real server and asserts the exact values PySpark gives.
 */
import { describe, expect, test } from "vitest";
import { col, expr, lit } from "../src/functions/core.js";
import { Observation } from "../src/observation.js";
import type { Row } from "../src/row.js";
import { decimal } from "../src/values/decimal.js";
import { localDate } from "../src/values/local-date.js";
import { live, values, versionOf, withSession } from "./live-session.js";

describe("parity with PySpark", () => {
  test("catalog answers are read by position; getDatabase keeps its fields", async () => {
    await withSession(async (spark) => {
      const db = await spark.catalog.getDatabase("default");
      expect(db.name).toBe("default");
      expect(db.catalog).toBe("spark_catalog");
      expect(db.description).toBe("default database");
      expect(db.locationUri).toMatch(/^file:\/.*warehouse$/);
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

  test("stat.sampleBy with a plain object samples the rows the Map form samples", async () => {
    await withSession(async (spark) => {
      const df = spark.range(100).select(col("id").mod(3).alias("key"), col("id"));
      const byObject = values(await df.stat.sampleBy("key", { 0: 0.1, 1: 0.2 }, 0).collect());
      const byMap = values(
        await df.stat
          .sampleBy(
            "key",
            new Map([
              [0, 0.1],
              [1, 0.2],
            ]),
            0,
          )
          .collect(),
      );
      expect(byObject).toEqual([
        [0n, 9n],
        [1n, 16n],
        [1n, 22n],
        [1n, 46n],
        [1n, 52n],
        [1n, 61n],
        [1n, 70n],
      ]);
      expect(byMap).toEqual(byObject);
      // A boolean column and a string column, through the object form too.
      const flags = spark
        .range(10)
        .select(col("id").mod(2).cast("boolean").alias("odd"), col("id"));
      expect(values(await flags.stat.sampleBy("odd", { true: 1 }, 1).collect())).toEqual(
        [1n, 3n, 5n, 7n, 9n].map((id) => [true, id]),
      );
      const names = spark.range(4).select(col("id").cast("string").alias("s"));
      expect(values(await names.stat.sampleBy("s", { "2": 1 }, 1).collect())).toEqual([["2"]]);
    });
  });

  test("show, printSchema and explain print the server's string with its final newline", async () => {
    await withSession(async (spark) => {
      const printed: string[] = [];
      const print = (t: string) => printed.push(t);
      const df = spark.range(2);
      const show = "+---+\n| id|\n+---+\n|  0|\n|  1|\n+---+\n";
      expect(await df.show({ print })).toBe(show);
      const tree = "root\n |-- id: long (nullable = false)\n";
      expect(await df.printSchema(undefined, { print })).toBe(tree);
      const plan = await df.explain("simple", { print });
      expect(plan).toMatch(/^== Physical Plan ==\n\*\(1\) Range \(0, 2, step=1, splits=\d+\)\n\n$/);
      expect(printed).toEqual([show, tree, plan]);
    });
  });

  test("observed metrics have collect()'s types: double, bigint, decimal string, struct names", async () => {
    // Spark 4.0 cannot send a struct metric ("literal [1,2.5] not supported (yet)"); 4.1 can.
    const [major, minor] = versionOf(live.version);
    const structs = major > 4 || (major === 4 && minor >= 1);
    await withSession(async (spark) => {
      const obs = new Observation("parity_metrics");
      const metrics = [
        expr("avg(id)").alias("avg"),
        expr("sum(cast(id AS DECIMAL(10, 2)))").alias("total"),
        expr("count(1)").alias("n"),
        ...(structs ? [expr("named_struct('a', 1, 'a', 2.5d)").alias("s")] : []),
      ];
      const df = spark.range(10).observe(obs, ...metrics);
      await df.collect();
      const row = await obs.get();
      expect(row.fieldNames).toEqual(["avg", "total", "n", ...(structs ? ["s"] : [])]);
      expect([row[0], row[1], row[2]]).toEqual([4.5, "45.00", 10n]);
      if (structs) {
        const s = row[3] as unknown[] & { fieldNames: string[] };
        expect(s.fieldNames).toEqual(["a", "a"]);
        expect([...s]).toEqual([1, 2.5]);
      }
      // The same values as collect() of the same aggregates.
      const [agg] = await spark
        .range(10)
        .select(...metrics)
        .collect();
      expect([agg?.[0], agg?.[1], agg?.[2]]).toEqual([row[0], row[1], row[2]]);
    });
  });

  test("sql() arguments and lit(): a Decimal binds its decimal(p,s), a LocalDate a DATE", async () => {
    await withSession(async (spark) => {
      const d = await spark.sql("SELECT typeof(:d), :d", { d: decimal("12.345") });
      expect(values(await d.collect())).toEqual([["decimal(5,3)", "12.345"]]);
      const wide = await spark.sql("SELECT typeof(?), ?", [decimal("12.3", 2), decimal("12.3", 2)]);
      expect(values(await wide.collect())).toEqual([["decimal(4,2)", "12.30"]]);
      const day = await spark.sql("SELECT typeof(:d), :d, :d + 1", { d: localDate("2026-01-31") });
      expect(values(await day.collect())).toEqual([
        ["date", new Date("2026-01-31T00:00:00Z"), new Date("2026-02-01T00:00:00Z")],
      ]);
      // A JS Date is an instant: still a TIMESTAMP.
      const ts = await spark.sql("SELECT typeof(:t)", { t: new Date("2026-01-31T00:00:00Z") });
      expect(values(await ts.collect())).toEqual([["timestamp"]]);
      const lits = spark
        .range(1)
        .select(lit(decimal("-0.001")).alias("d"), lit(localDate("1969-12-31")).alias("day"));
      expect(await lits.dtypes()).toEqual([
        ["d", "decimal(3,3)"],
        ["day", "date"],
      ]);
      expect(values(await lits.collect())).toEqual([["-0.001", new Date("1969-12-31T00:00:00Z")]]);
    });
  });

  test("duplicate nested field names: Rows keep a, a; createDataFrame with struct<a, a> works", async () => {
    await withSession(async (spark) => {
      const df = await spark.sql(
        "SELECT named_struct('a', 1, 'a', 2, 'b', 3) AS s, array(named_struct('c', 1, 'c', 'x')) AS arr",
      );
      const [row] = await df.collect();
      const s = (row as Row)[0] as Row;
      expect([s.fieldNames, [...s], s.get("a")]).toEqual([["a", "a", "b"], [1, 2, 3], 1]);
      const element = ((row as Row)[1] as Row[])[0] as Row;
      expect([element.fieldNames, [...element]]).toEqual([
        ["c", "c"],
        [1, "x"],
      ]);
      // Streamed rows too.
      const streamed: Row[] = [];
      for await (const r of df.toLocalIterator()) streamed.push(r);
      expect(((streamed[0] as Row)[0] as Row).fieldNames).toEqual(["a", "a", "b"]);

      const created = spark.createDataFrame([[[1, 2]], [[3, 4]]], "s struct<a: int, a: int>");
      expect(await created.dtypes()).toEqual([["s", "struct<a:int,a:int>"]]);
      const rows = await created.collect();
      expect(rows.map((r) => [...(r[0] as Row)])).toEqual([
        [1, 2],
        [3, 4],
      ]);
      expect(((rows[0] as Row)[0] as Row).fieldNames).toEqual(["a", "a"]);
    });
  });
});
