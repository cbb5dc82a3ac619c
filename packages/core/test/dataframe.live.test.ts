/**
 * The DataFrame API against the real Spark Connect server, over connect-node's gRPC transport.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { StorageLevel } from "../src/dataframe.js";
import { AnalysisError, ParseError, SparkError } from "../src/errors.js";
import { col, expr, lit } from "../src/functions/core.js";
import { Observation } from "../src/observation.js";
import type { SparkSession } from "../src/session.js";
import { Window } from "../src/window.js";
import { knownDifference } from "./known-difference.js";
import { live, liveSession, values } from "./live-session.js";

let spark: SparkSession;

beforeAll(async () => {
  spark = liveSession();
  await spark
    .createDataFrame(
      [
        { name: "Alice", dept: "eng", salary: 100, year: 2023 },
        { name: "Bob", dept: "eng", salary: 80, year: 2024 },
        { name: "Cara", dept: "ops", salary: 70, year: 2023 },
        { name: "Dan", dept: "ops", salary: null, year: 2024 },
      ],
      "name STRING, dept STRING, salary INT, year INT",
    )
    .createOrReplaceTempView("people");
});

afterAll(async () => {
  await spark?.stop();
});

describe("session", () => {
  test("version() is the server's version", async () => {
    expect(await spark.version()).toBe(live.version);
  });

  test("sql with positional and named parameters", async () => {
    const pos = await spark.sql("SELECT ? + 1 AS a, ? AS b", [41, "x"]);
    expect(values(await pos.collect())).toEqual([[42, "x"]]);
    const named = await spark.sql(
      "SELECT id FROM range(10) WHERE id >= :lo AND id < :hi ORDER BY id",
      { lo: 7, hi: 9 },
    );
    expect(values(await named.collect())).toEqual([[7n], [8n]]);
  });

  test("sql runs commands eagerly, like PySpark", async () => {
    await spark.sql("CREATE OR REPLACE TEMP VIEW eager_view AS SELECT 1 AS one");
    expect(values(await spark.table("eager_view").collect())).toEqual([[1]]);
  });

  test("range with start, end, step and partitions", async () => {
    expect(values(await spark.range(3).collect())).toEqual([[0n], [1n], [2n]]);
    expect(values(await spark.range(10, 0, -3, 2).collect())).toEqual([[10n], [7n], [4n], [1n]]);
  });

  test(
    "conf: set, get, get with default, unset, getAll, isModifiable",
    knownDifference("sail", "conf answers differ (getAll(prefix) answers full keys)"),
    async () => {
      const before = await spark.conf.get("spark.sql.shuffle.partitions");
      await spark.conf.set("spark.sql.shuffle.partitions", 3);
      expect(await spark.conf.get("spark.sql.shuffle.partitions")).toBe("3");
      expect(await spark.conf.get("spark.test.unset.key", "fallback")).toBe("fallback");
      expect(await spark.conf.get("spark.test.unset.key", null)).toBeNull();
      const all = await spark.conf.getAll("spark.sql.shuffle");
      expect(all["spark.sql.shuffle.partitions"]).toBe("3");
      await spark.conf.unset("spark.sql.shuffle.partitions");
      // Unset goes back to the SQL default, not to the value the server was launched with.
      expect(await spark.conf.get("spark.sql.shuffle.partitions")).not.toBe("3");
      expect(before).toBe("2");
      expect(await spark.conf.isModifiable("spark.sql.shuffle.partitions")).toBe(true);
      expect(await spark.conf.isModifiable("spark.driver.memory")).toBe(false);
    },
  );

  test(
    "newSession has its own temp views; stop() makes a session unusable",
    knownDifference(
      "sail",
      "Sail sends no Spark error class or SQL state, only a Java exception class",
    ),
    async () => {
      const other = spark.newSession();
      try {
        expect(other.sessionId).not.toBe(spark.sessionId);
        const err = await other
          .table("people")
          .collect()
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AnalysisError);
        expect((err as AnalysisError).errorClass).toBe("TABLE_OR_VIEW_NOT_FOUND");
      } finally {
        await other.stop();
      }
      await expect(other.range(1).collect()).rejects.toBeInstanceOf(SparkError);
      await expect(other.version()).rejects.toThrow(/^\[SESSION_STOPPED\]/);
    },
  );
});

describe("transformations", () => {
  test("select, selectExpr, filter/where, withColumn(s), renames, drop, toDF", async () => {
    const df = spark
      .table("people")
      .filter(col("salary").isNotNull())
      .where("year = 2023")
      .withColumns({ bonus: col("salary").multiply(0.1), one: lit(1) })
      .withColumnRenamed("name", "who")
      .drop("one", "year")
      .selectExpr("who", "dept", "salary + bonus AS total")
      .orderBy("who");
    expect(values(await df.collect())).toEqual([
      ["Alice", "eng", 110],
      ["Cara", "ops", 77],
    ]);
    expect(await df.toDF("a", "b", "c").columns()).toEqual(["a", "b", "c"]);
    expect(
      await spark.table("people").withColumnsRenamed({ name: "n", dept: "d" }).columns(),
    ).toEqual(["n", "d", "salary", "year"]);
  });

  test("joins of every type, on names, lists and conditions", async () => {
    const depts = spark.createDataFrame(
      [
        ["eng", "Engineering"],
        ["hr", "People"],
      ],
      ["dept", "title"],
    );
    const people = spark.table("people").select("name", "dept");
    const count = (how: string) => people.join(depts, "dept", how).count();
    expect(await count("inner")).toBe(2);
    expect(await count("left")).toBe(4);
    expect(await count("right")).toBe(3);
    expect(await count("full_outer")).toBe(5);
    expect(await count("left_semi")).toBe(2);
    expect(await count("anti")).toBe(2);
    expect(await people.crossJoin(depts).count()).toBe(8);
    const onCondition = people.join(depts, people.col("dept").equalTo(depts.col("dept")), "inner");
    expect((await onCondition.columns()).length).toBe(4);
    expect(await people.join(depts, ["dept"]).columns()).toEqual(["dept", "name", "title"]);
  });

  test(
    "groupBy with agg, shortcut aggregates, rollup, cube, groupingSets and pivot",
    knownDifference("sail", "invalid argument: grouping sets with grouping expressions"),
    async () => {
      const people = spark.table("people");
      const byDept = people
        .groupBy("dept")
        .agg(expr("sum(salary)").alias("total"), expr("count(*)").alias("n"))
        .orderBy("dept");
      expect(values(await byDept.collect())).toEqual([
        ["eng", 180n, 2n],
        ["ops", 70n, 2n],
      ]);
      expect(values(await people.groupBy("dept").count().orderBy("dept").collect())).toEqual([
        ["eng", 2n],
        ["ops", 2n],
      ]);
      expect(values(await people.groupBy("dept").max("salary").orderBy("dept").collect())).toEqual([
        ["eng", 100],
        ["ops", 70],
      ]);
      expect(await people.rollup("dept", "year").count().count()).toBe(7);
      expect(await people.cube("dept", "year").count().count()).toBe(9);
      expect(
        await people
          .groupingSets([["dept"], []], "dept")
          .count()
          .count(),
      ).toBe(3);
      const pivot = people
        .groupBy("dept")
        .pivot("year", [2023, 2024])
        .agg(expr("sum(salary)"))
        .orderBy("dept");
      expect(values(await pivot.collect())).toEqual([
        ["eng", 100n, 80n],
        ["ops", 70n, null],
      ]);
      const pivotAll = people.groupBy("dept").pivot("year").count();
      expect(await pivotAll.columns()).toEqual(["dept", "2023", "2024"]);
    },
  );

  test("orderBy, sortWithinPartitions, limit, offset, tail, distinct, dropDuplicates", async () => {
    const people = spark.table("people");
    expect(
      values(await people.select("name").orderBy(col("salary").desc()).limit(2).collect()),
    ).toEqual([["Alice"], ["Bob"]]);
    expect(
      values(
        await people
          .select("name")
          .orderBy(col("salary").ascNullsFirst())
          .offset(1)
          .limit(1)
          .collect(),
      ),
    ).toEqual([["Cara"]]);
    expect(values(await people.select("name").orderBy("name").tail(1))).toEqual([["Dan"]]);
    expect(await people.select("dept").distinct().count()).toBe(2);
    expect(await people.dropDuplicates(["dept", "year"]).count()).toBe(4);
    expect(await people.dropDuplicates(["year"]).count()).toBe(2);
    expect(await people.sortWithinPartitions("name").count()).toBe(4);
  });

  test("set operations", async () => {
    const a = spark.range(0, 5);
    const b = spark.range(3, 8);
    expect(await a.union(b).count()).toBe(10);
    expect(await a.intersect(b).count()).toBe(2);
    expect(await a.union(a).intersectAll(a.union(a)).count()).toBe(10);
    expect(await a.subtract(b).count()).toBe(3);
    expect(await a.union(a).exceptAll(a).count()).toBe(5);
    const x = spark.createDataFrame([{ p: 1, q: 2 }]);
    const y = spark.createDataFrame([{ q: 3, r: 4 }]);
    const byName = x.unionByName(y, true).orderBy("q");
    expect(values(await byName.collect())).toEqual([
      [1n, 2n, null],
      [null, 3n, 4n],
    ]);
  });

  test("sample, randomSplit, repartition, coalesce, hint, alias", async () => {
    const df = spark.range(1000);
    const sampled = await df.sample(0.5, { seed: 7 }).count();
    expect(sampled).toBeGreaterThan(350);
    expect(sampled).toBeLessThan(650);
    const parts = df.randomSplit([1, 3], 11);
    const counts = await Promise.all(parts.map((p) => p.count()));
    expect(counts[0]! + counts[1]!).toBe(1000);
    expect(await df.repartition(3).count()).toBe(1000);
    expect(await df.repartition(2, "id").count()).toBe(1000);
    expect(await df.repartitionByRange(2, "id").count()).toBe(1000);
    expect(await df.coalesce(1).count()).toBe(1000);
    const t = spark.range(3).alias("t");
    expect(values(await t.hint("broadcast").select(col("t.id")).collect())).toEqual([
      [0n],
      [1n],
      [2n],
    ]);
  });

  test(
    "unpivot/melt, transpose, withMetadata, observe",
    knownDifference("sail", "not supported: transpose"),
    async () => {
      const wide = spark.createDataFrame([{ id: 1, a: 10, b: 20 }]);
      const long = wide.unpivot("id", ["a", "b"], "key", "val").orderBy("key");
      expect(values(await long.collect())).toEqual([
        [1n, "a", 10n],
        [1n, "b", 20n],
      ]);
      expect(await wide.melt(["id"], null, "k", "v").count()).toBe(2);
      const t = spark.createDataFrame([{ k: "x", v1: 1, v2: 2 }]).transpose();
      expect(await t.columns()).toEqual(["key", "x"]);
      const meta = spark.range(1).withMetadata("id", { unit: "count" });
      const field = (await meta.schema()).fields[0];
      expect(field?.metadata).toEqual({ unit: "count" });
      const obs = new Observation("stats");
      const observed = spark
        .range(10)
        .observe(obs, expr("count(*)").alias("n"), expr("max(id)").alias("top"));
      expect(await observed.count()).toBe(10);
      const m = await obs.get();
      expect([m.get("n"), m.get("top")]).toEqual([10n, 9n]);
    },
  );

  test(
    "describe, summary, na and stat",
    knownDifference("sail", "describe() has no stddev row"),
    async () => {
      const people = spark.table("people");
      const described = await people.describe("salary").collect();
      expect(values(described).map((r) => r[0])).toEqual(["count", "mean", "stddev", "min", "max"]);
      expect(
        values(await people.summary("count", "min").select("summary", "salary").collect()),
      ).toEqual([
        ["count", "3"],
        ["min", "70"],
      ]);
      expect(await people.na.drop().count()).toBe(3);
      expect(await people.dropna({ how: "all" }).count()).toBe(4);
      expect(
        values(
          await people.na.fill(0, ["salary"]).where("name = 'Dan'").select("salary").collect(),
        ),
      ).toEqual([[0]]);
      expect(
        values(
          await people.na
            .replace("eng", "ENG", "dept")
            .select("dept")
            .distinct()
            .orderBy("dept")
            .collect(),
        ),
      ).toEqual([["ENG"], ["ops"]]);
      const nums = spark.createDataFrame([
        { x: 1, y: 2 },
        { x: 2, y: 4 },
        { x: 3, y: 6 },
      ]);
      expect(await nums.stat.corr("x", "y")).toBeCloseTo(1, 10);
      expect(await nums.stat.cov("x", "y")).toBeCloseTo(2, 10);
      expect(await nums.stat.approxQuantile("x", [0.5], 0)).toEqual([2]);
      expect(await people.stat.crosstab("dept", "year").count()).toBe(2);
      expect(await people.stat.freqItems(["dept"]).count()).toBe(1);
      expect(
        await spark
          .range(100)
          .stat.sampleBy(expr("id % 2").alias("p") as never, new Map([[0, 1.0]]), 1)
          .count(),
      ).toBeGreaterThan(0);
    },
  );

  test("window functions with partitionBy, orderBy and frames", async () => {
    const w = Window.partitionBy("dept").orderBy(col("salary").desc());
    const ranked = spark
      .table("people")
      .where(col("salary").isNotNull())
      .select(
        "name",
        expr("rank()").over(w).alias("r"),
        expr("sum(salary)")
          .over(w.rowsBetween(Window.unboundedPreceding, Window.currentRow))
          .alias("running"),
      )
      .orderBy("name");
    expect(values(await ranked.collect())).toEqual([
      ["Alice", 1, 100n],
      ["Bob", 2, 180n],
      ["Cara", 1, 70n],
    ]);
  });
});

describe("actions and metadata", () => {
  test("collect, toArrow, toArrowBatches, toLocalIterator, count, first, head, take, isEmpty", async () => {
    const df = spark.range(5);
    const table = await df.toArrow();
    expect(table.numRows).toBe(5);
    let rows = 0;
    for await (const batch of df.toArrowBatches()) rows += batch.numRows;
    expect(rows).toBe(5);
    const seen: bigint[] = [];
    for await (const row of df.toLocalIterator()) seen.push(row[0] as bigint);
    expect(seen).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(await df.count()).toBe(5);
    expect([...((await df.first()) ?? [])]).toEqual([0n]);
    expect(values(await df.head(2))).toEqual([[0n], [1n]]);
    expect(values(await df.take(1))).toEqual([[0n]]);
    expect(await df.isEmpty()).toBe(false);
    expect(await df.filter("id < 0").isEmpty()).toBe(true);
    expect(await df.filter("id < 0").first()).toBeUndefined();
  });

  test("rows are readable by name and position, and keep duplicate column names", async () => {
    const [row] = await (await spark.sql("SELECT 1 AS a, 'x' AS b, 2 AS a")).collect();
    expect(row?.fieldNames).toEqual(["a", "b", "a"]);
    expect([row?.[0], row?.[1], row?.[2]]).toEqual([1, "x", 2]);
    expect(row?.get("b")).toBe("x");
  });

  test(
    "show() returns and prints the text PySpark prints",
    knownDifference("sail", "show() prints a different table text"),
    async () => {
      const printed: string[] = [];
      const df = spark.table("people").select("name", "salary").orderBy("name");
      const text = await df.show({ n: 2, print: (t) => printed.push(t) });
      const expected = [
        "+-----+------+",
        "| name|salary|",
        "+-----+------+",
        "|Alice|   100|",
        "|  Bob|    80|",
        "+-----+------+",
        "only showing top 2 rows",
      ].join("\n");
      expect(text).toBe(expected);
      expect(printed).toEqual([expected]);
      const vertical = await df.show({ n: 1, vertical: true, print: null });
      expect(vertical).toBe(
        ["-RECORD 0-------", " name   | Alice ", " salary | 100   ", "only showing top 1 row"].join(
          "\n",
        ),
      );
      const truncated = await spark
        .sql("SELECT repeat('x', 30) AS s")
        .then((d) => d.show({ truncate: 5, print: null }));
      expect(truncated).toBe(
        ["+-----+", "|    s|", "+-----+", "|xx...|", "+-----+", ""].join("\n"),
      );
    },
  );

  test("schema, dtypes, columns, printSchema, explain in every mode", async () => {
    const df = spark.table("people");
    expect(await df.columns()).toEqual(["name", "dept", "salary", "year"]);
    expect(await df.dtypes()).toEqual([
      ["name", "string"],
      ["dept", "string"],
      ["salary", "int"],
      ["year", "int"],
    ]);
    expect((await df.schema()).simpleString()).toBe(
      "struct<name:string,dept:string,salary:int,year:int>",
    );
    const tree = await df.printSchema(undefined, { print: null });
    expect(tree).toBe(
      "root\n |-- name: string (nullable = true)\n |-- dept: string (nullable = true)\n |-- salary: integer (nullable = true)\n |-- year: integer (nullable = true)\n",
    );
    for (const mode of ["simple", "extended", "codegen", "cost", "formatted"] as const) {
      const text = await df.explain(mode, { print: null });
      expect(text, mode).toMatch(
        /Physical Plan|WholeStageCodegen|Found \d+ WholeStageCodegen|LocalTableScan/,
      );
    }
  });

  test(
    "isLocal, isStreaming, inputFiles, sameSemantics, semanticHash",
    knownDifference("sail", "not supported: AnalyzePlan same semantics"),
    async () => {
      const df = spark.range(3);
      expect(await spark.createDataFrame([{ a: 1 }]).isLocal()).toBe(true);
      expect(await df.isStreaming()).toBe(false);
      expect(await df.inputFiles()).toEqual([]);
      expect(await df.sameSemantics(spark.range(3))).toBe(true);
      expect(await df.sameSemantics(spark.range(4))).toBe(false);
      expect(await df.semanticHash()).toBe(await spark.range(3).semanticHash());
    },
  );

  test(
    "cache, persist, storageLevel, unpersist, checkpoint",
    knownDifference("sail", "storageLevel reports another level (Memory OffHeap Serialized)"),
    async () => {
      const df = spark.range(10).withColumn("x", col("id").multiply(2));
      await df.persist(StorageLevel.MEMORY_ONLY);
      expect((await df.storageLevel()).toString()).toBe(StorageLevel.MEMORY_ONLY.toString());
      await df.unpersist(true);
      expect(await df.storageLevel()).toEqual(StorageLevel.NONE);
      await df.cache();
      expect(await df.storageLevel()).toEqual(StorageLevel.MEMORY_AND_DISK_DESER);
      await df.unpersist(true);
      const checkpointed = await df.localCheckpoint();
      expect(await checkpointed.count()).toBe(10);
    },
  );

  test(
    "temp views and global temp views",
    knownDifference(
      "sail",
      "Sail sends no Spark error class or SQL state, only a Java exception class",
    ),
    async () => {
      await spark.range(2).createTempView("tv_once");
      const again = await spark
        .range(2)
        .createTempView("tv_once")
        .catch((e: unknown) => e);
      expect(again).toBeInstanceOf(AnalysisError);
      expect((again as AnalysisError).errorClass).toBe("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS");
      await spark.range(3).createOrReplaceTempView("tv_once");
      expect(await spark.table("tv_once").count()).toBe(3);
      await spark.range(4).createOrReplaceGlobalTempView("gtv");
      expect(await spark.table("global_temp.gtv").count()).toBe(4);
    },
  );
});

describe("server errors are typed", () => {
  test(
    "bad SQL is a ParseError with Spark's class and SQL state",
    knownDifference("sail", "SQL syntax errors are IllegalArgumentException, with no error class"),
    async () => {
      const err = await spark.sql("SELEC 1").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ParseError);
      expect((err as ParseError).errorClass).toBe("PARSE_SYNTAX_ERROR");
      expect((err as ParseError).sqlState).toBe("42601");
      expect((err as ParseError).message).toMatch(/^\[PARSE_SYNTAX_ERROR\]/);
    },
  );

  test(
    "an unknown column is an AnalysisError",
    knownDifference(
      "sail",
      "Sail sends no Spark error class or SQL state, only a Java exception class",
    ),
    async () => {
      const err = await spark
        .range(1)
        .select("nope")
        .collect()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AnalysisError);
      expect((err as AnalysisError).errorClass).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
      expect((err as AnalysisError).sqlState).toBe("42703");
    },
  );

  test(
    "an unknown table is an AnalysisError",
    knownDifference(
      "sail",
      "Sail sends no Spark error class or SQL state, only a Java exception class",
    ),
    async () => {
      const err = await spark
        .table("no_such_table")
        .count()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AnalysisError);
      expect((err as AnalysisError).errorClass).toBe("TABLE_OR_VIEW_NOT_FOUND");
    },
  );
});
