/**
 * Structured Streaming against the real server: rate and file sources, the memory sink read back
 * with SQL, a watermarked windowed aggregation, and the stop, failure and manager paths.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { connect as webConnect } from "../../web/src/connect.js";
import {
  AnalysisError,
  ArithmeticError,
  IllegalArgumentError,
  type SparkCancelledError,
  type SparkConnectError,
  StreamingQueryError,
  UnsupportedOperationError,
} from "../src/errors.js";
import { col, expr, window } from "../src/functions/index.js";
import type { SparkSession } from "../src/session.js";
import type { StreamingQuery } from "../src/streaming/streaming-query.js";
import { live, values, withSession } from "./live-session.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "spark-streaming-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Polls `probe` until it returns a value other than undefined (at most `timeoutMs`). */
async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error("timed out waiting for the streaming query");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs `body` with a fresh UTC session; stops the session's queries and the session after. */
async function withStreams(body: (spark: SparkSession) => Promise<void>): Promise<void> {
  await withSession(async (spark) => {
    await spark.conf.set("spark.sql.session.timeZone", "UTC");
    // Stateful batches (the windowed count) run one task per shuffle partition: keep it small.
    await spark.conf.set("spark.sql.shuffle.partitions", 2);
    try {
      await body(spark);
    } finally {
      for (const q of await spark.streams.active()) await q.stop();
    }
  });
}

const sqlValues = async (spark: SparkSession, query: string) =>
  values(await (await spark.sql(query)).collect());

test("rate-micro-batch into the memory sink: rows read back with SQL while it runs, progress, stop", async () => {
  await withStreams(async (spark) => {
    const source = spark.readStream.format("rate-micro-batch").option("rowsPerBatch", 5).load();
    expect(await source.isStreaming()).toBe(true);
    const q = await source.writeStream
      .format("memory")
      .queryName("rates")
      .trigger({ processingTime: "100 milliseconds" })
      .start();
    expect(q.name).toBe("rates");
    expect(q.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(q.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(q.runId).not.toBe(q.id);

    // At least one batch in the sink, read while the query runs: 0, 1, 2… without gaps.
    const first = await until(async () => {
      const rows = await sqlValues(spark, "SELECT value FROM rates ORDER BY value");
      return rows.length >= 5 ? rows : undefined;
    });
    expect(first.length % 5).toBe(0);
    expect(first).toEqual(Array.from({ length: first.length }, (_, i) => [BigInt(i)]));
    expect(await q.isActive()).toBe(true);
    const later = await until(async () => {
      const rows = await sqlValues(spark, "SELECT value FROM rates ORDER BY value");
      return rows.length > first.length ? rows : undefined;
    });
    expect(later).toEqual(Array.from({ length: later.length }, (_, i) => [BigInt(i)]));

    const last = await q.lastProgress();
    expect(last).not.toBeNull();
    expect(last?.id).toBe(q.id);
    expect(last?.runId).toBe(q.runId);
    expect(last?.name).toBe("rates");
    expect(last?.numInputRows).toBe(5);
    expect(last?.sources.map((s) => s.numInputRows)).toEqual([5]);
    expect(last?.sources[0]?.description).toMatch(/^RatePerMicroBatch/);
    expect(last?.sink.description).toMatch(/^MemorySink/);
    expect(last?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(typeof last?.durationMs.triggerExecution).toBe("number");
    const recent = await q.recentProgress();
    expect(recent.length).toBeGreaterThanOrEqual(2);
    const ids = recent.map((p) => p.batchId);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => (ids[0] ?? 0) + i));

    const status = await q.status();
    expect(typeof status.message).toBe("string");
    expect((await spark.streams.active()).map((a) => [a.id, a.runId, a.name])).toEqual([
      [q.id, q.runId, "rates"],
    ]);
    expect((await spark.streams.get(q.id))?.name).toBe("rates");
    expect(await q.explain(false, { print: null })).toMatch(/MicroBatchScan|RatePerMicroBatch/);

    expect(await q.awaitTermination(50)).toBe(false);
    await q.stop();
    expect(await q.isActive()).toBe(false);
    expect(await q.awaitTermination(50)).toBe(true);
    expect(await q.exception()).toBeNull();
    expect((await q.status()).message).toBe("Stopped");
    expect(await spark.streams.active()).toEqual([]);
    expect(await spark.streams.get(q.id)).toBeNull();
    expect(await spark.streams.awaitAnyTermination(50)).toBe(true);
    await spark.streams.resetTerminated();
    expect(await spark.streams.awaitAnyTermination(50)).toBe(false);
  });
});

test("a json file source with availableNow: exactly the rows of the files, then the query ends", async () => {
  await withStreams(async (spark) => {
    const src = mkdtempSync(path.join(dir, "json-src-"));
    writeFileSync(path.join(src, "a.json"), '{"id":1,"name":"a"}\n{"id":2,"name":"b"}\n');
    writeFileSync(path.join(src, "b.json"), '{"id":3,"name":"c"}\n');
    const q = await spark.readStream
      .schema("id INT, name STRING")
      .option("maxFilesPerTrigger", 1)
      .json(src)
      .writeStream.format("memory")
      .queryName("files")
      .trigger({ availableNow: true })
      .start();
    expect(await q.awaitTermination()).toBe(true);
    expect(await sqlValues(spark, "SELECT id, name FROM files ORDER BY id")).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
    // One file per batch: two batches of 2 and 1 rows.
    expect((await q.recentProgress()).map((p) => [p.batchId, p.numInputRows])).toEqual([
      [0, 2],
      [1, 1],
    ]);
    expect(await q.isActive()).toBe(false);
  });
});

test("a windowed count with a watermark in append mode emits each window once it closes", async () => {
  await withStreams(async (spark) => {
    const src = mkdtempSync(path.join(dir, "events-"));
    const ev = (ts: string) => JSON.stringify({ ts: `2026-01-01T00:00:${ts}Z` });
    writeFileSync(path.join(src, "1.json"), [ev("01"), ev("02"), ev("12")].join("\n"));
    const counts = spark.readStream
      .schema("ts TIMESTAMP")
      .json(src)
      .withWatermark("ts", "10 seconds")
      .groupBy(window(col("ts"), "10 seconds"))
      .count();
    const q = await counts.writeStream
      .format("memory")
      .queryName("windows")
      .outputMode("append")
      .trigger({ processingTime: "100 milliseconds" })
      .start();
    const read = () =>
      sqlValues(
        spark,
        "SELECT CAST(window.start AS STRING), CAST(window.end AS STRING), count FROM windows ORDER BY 1",
      );
    await q.processAllAvailable();
    // The watermark (12 s − 10 s) has closed no window yet.
    expect(await read()).toEqual([]);
    writeFileSync(path.join(src, "2.json"), ev("31"));
    await q.processAllAvailable();
    // Watermark 31 s − 10 s = 21 s: [0, 10) and [10, 20) are final; [30, 40) is still open.
    expect(await read()).toEqual([
      ["2026-01-01 00:00:00", "2026-01-01 00:00:10", 2n],
      ["2026-01-01 00:00:10", "2026-01-01 00:00:20", 1n],
    ]);
    expect((await q.lastProgress())?.eventTime.watermark).toBe("2026-01-01T00:00:21.000Z");
    await q.stop();
  });
});

test("a query that fails on the server: awaitTermination rejects and exception() has its error class", async () => {
  await withStreams(async (spark) => {
    await spark.conf.set("spark.sql.ansi.enabled", true);
    const q: StreamingQuery = await spark.readStream
      .format("rate-micro-batch")
      .option("rowsPerBatch", 1)
      .load()
      .select(expr("value / (value - value)").alias("boom"))
      .writeStream.format("memory")
      .queryName("failing")
      .start();
    const err = await q.awaitTermination().catch((e: unknown) => e);
    // Spark's StreamingQueryException (STREAM_FAILED) caused by the batch's error.
    expect(err).toBeInstanceOf(StreamingQueryError);
    const failed = err as StreamingQueryError;
    expect([failed.name, failed.errorClass, failed.sqlState]).toEqual([
      "StreamingQueryError",
      "STREAM_FAILED",
      "XXKST",
    ]);
    expect(failed.message).toMatch(
      /^\[STREAM_FAILED\] Query \[id = [0-9a-f-]{36}, runId = [0-9a-f-]{36}\] terminated with exception: \[DIVIDE_BY_ZERO\] /,
    );
    const cause = failed.cause as ArithmeticError;
    expect(cause).toBeInstanceOf(ArithmeticError);
    expect([cause.name, cause.errorClass, cause.sqlState]).toEqual([
      "ArithmeticError",
      "DIVIDE_BY_ZERO",
      "22012",
    ]);
    const exception = await q.exception();
    expect(exception).toBeInstanceOf(StreamingQueryError);
    expect([exception?.name, exception?.errorClass]).toEqual([
      "StreamingQueryError",
      "STREAM_FAILED",
    ]);
    expect(exception?.message).toMatch(/^\[STREAM_FAILED\] \[DIVIDE_BY_ZERO\] Division by zero\./);
    expect(exception?.serverStackTrace).toMatch(
      /^org\.apache\.spark\.sql\.streaming\.StreamingQueryException: /,
    );
    const exceptionCause = exception?.cause as SparkConnectError;
    expect([exceptionCause.name, exceptionCause.errorClass, exceptionCause.serverClasses]).toEqual([
      "UnknownSparkError",
      "DIVIDE_BY_ZERO",
      ["org.apache.spark.SparkArithmeticException"],
    ]);
    expect(await q.isActive()).toBe(false);
    const again = await q.processAllAvailable().catch((e: unknown) => e);
    expect(again).toBeInstanceOf(StreamingQueryError);
  });
});

test("writeStream on a batch DataFrame and a duplicate query name fail at start with the server's class", async () => {
  await withStreams(async (spark) => {
    const batch = await spark
      .range(3)
      .writeStream.format("memory")
      .queryName("b")
      .start()
      .catch((e: unknown) => e);
    expect(batch).toBeInstanceOf(AnalysisError);
    expect((batch as AnalysisError).errorClass).toBe("WRITE_STREAM_NOT_ALLOWED");
    const rates = () =>
      spark.readStream.format("rate").load().writeStream.format("noop").queryName("dup");
    const q = await rates().start();
    const dup = await rates()
      .start()
      .catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(IllegalArgumentError);
    expect((dup as IllegalArgumentError).message).toMatch(
      /^Cannot start query with name dup as a query with that name is already active/,
    );
    await q.stop();
  });
});

test("toTable appends a stream to a table; an aborted awaitTermination leaves the query running", async () => {
  await withStreams(async (spark) => {
    const src = mkdtempSync(path.join(dir, "table-src-"));
    writeFileSync(path.join(src, "a.txt"), "x\ny\n");
    const table = `stream_sink_${Date.now()}`;
    try {
      const q = await spark.readStream
        .text(src)
        .writeStream.option("checkpointLocation", mkdtempSync(path.join(dir, "ckpt-")))
        .trigger({ availableNow: true })
        .toTable(table);
      expect(await q.awaitTermination()).toBe(true);
      expect(await sqlValues(spark, `SELECT value FROM ${table} ORDER BY value`)).toEqual([
        ["x"],
        ["y"],
      ]);

      const running = await spark.readStream
        .format("rate")
        .load()
        .writeStream.format("noop")
        .start();
      const controller = new AbortController();
      const waiting = running.awaitTermination(undefined, { signal: controller.signal });
      setTimeout(() => controller.abort(), 300);
      const err = await waiting.catch((e: unknown) => e);
      expect([(err as SparkCancelledError).name, (err as SparkCancelledError).errorClass]).toEqual([
        "SparkCancelledError",
        "OPERATION_CANCELED",
      ]);
      expect(await running.isActive()).toBe(true);
      await running.stop();
      expect(await running.isActive()).toBe(false);
    } finally {
      await spark.sql(`DROP TABLE IF EXISTS ${table}`);
    }
  });
});

test("over gRPC-Web through Envoy (the browser's path): a file query runs and stops; addArtifacts is refused", async () => {
  const spark = webConnect({
    baseUrl: live.envoyUrl,
    ...(live.token ? { token: live.token } : {}),
    releaseOnPageHide: false,
  });
  try {
    const src = mkdtempSync(path.join(dir, "web-src-"));
    writeFileSync(path.join(src, "a.json"), '{"id":7}\n{"id":8}\n');
    const q = await spark.readStream
      .schema("id INT")
      .json(src)
      .writeStream.format("memory")
      .queryName("web_files")
      .trigger({ processingTime: "100 milliseconds" })
      .start();
    await q.processAllAvailable();
    expect(await sqlValues(spark, "SELECT id FROM web_files ORDER BY id")).toEqual([[7], [8]]);
    expect((await q.recentProgress()).reduce((n, p) => n + p.numInputRows, 0)).toBe(2);
    await q.stop();
    expect(await q.isActive()).toBe(false);
    const err = await spark
      .addArtifacts({ name: "x.jar", data: new Uint8Array([1]) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsupportedOperationError);
    expect((err as UnsupportedOperationError).errorClass).toBe("UNSUPPORTED_IN_BROWSER");
  } finally {
    await spark.stop();
  }
});
