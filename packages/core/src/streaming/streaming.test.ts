import { create, type MessageInitShape, toJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { type SparkArgumentError, SparkProtocolError, StreamingQueryError } from "../errors.js";
import {
  type ExecutePlanRequest,
  ExecutePlanResponseSchema,
  PlanSchema,
  SparkConnectService,
} from "../gen/spark/connect/base_pb.js";
import { planJson, testSession } from "../testing/session.js";

const SERVER_SESSION_ID = "server-side-1";
const QID = {
  id: "11111111-1111-4111-8111-111111111111",
  runId: "22222222-2222-4222-8222-222222222222",
};

type Answer = NonNullable<MessageInitShape<typeof ExecutePlanResponseSchema>["responseType"]>;

/**
 * A session over an in-memory server that records every ExecutePlan request and answers each
 * with the next scripted response (then ResultComplete).
 */
function scripted(...answers: Answer[]) {
  const requests: ExecutePlanRequest[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async *executePlan(request) {
        requests.push(request);
        const answer = answers.shift();
        const base = {
          sessionId: request.sessionId,
          serverSideSessionId: SERVER_SESSION_ID,
          operationId: request.operationId,
        };
        if (answer)
          yield create(ExecutePlanResponseSchema, {
            ...base,
            responseId: "r",
            responseType: answer,
          });
        yield create(ExecutePlanResponseSchema, {
          ...base,
          responseId: "done",
          responseType: { case: "resultComplete", value: {} },
        });
      },
      async releaseExecute(request) {
        return {
          sessionId: request.sessionId,
          serverSideSessionId: SERVER_SESSION_ID,
          operationId: request.operationId,
        };
      },
    }),
  );
  const sent = () => requests.map((r) => toJson(PlanSchema, r.plan ?? create(PlanSchema)));
  return { spark, sent };
}

const started = (name = ""): Answer => ({
  case: "writeStreamOperationStartResult",
  value: { queryId: QID, name },
});
const queryResult = (resultType: object): Answer =>
  ({ case: "streamingQueryCommandResult", value: { queryId: QID, resultType } }) as Answer;
const managerResult = (resultType: object): Answer =>
  ({ case: "streamingQueryManagerCommandResult", value: { resultType } }) as Answer;

const RATE = {
  common: { planId: "0" },
  read: { isStreaming: true, dataSource: { format: "rate", options: { rowsPerSecond: "5" } } },
};
const start = (fields: Record<string, unknown>) => ({
  command: { writeStreamOperationStart: { input: RATE, ...fields } },
});
const queryCommand = (fields: Record<string, unknown>) => ({
  command: { streamingQueryCommand: { queryId: QID, ...fields } },
});
const managerCommand = (fields: Record<string, unknown>) => ({
  command: { streamingQueryManagerCommand: fields },
});

describe("DataStreamReader (spark.readStream)", () => {
  test("format, options and schema make a streaming Read; nothing is sent", () => {
    const { spark, sent } = scripted();
    const df = spark.readStream
      .format("csv")
      .schema("id INT, name STRING")
      .option("header", true)
      .options({ maxFilesPerTrigger: 2, sep: ";" })
      .load("/in");
    expect(planJson(df)).toEqual({
      root: {
        common: { planId: "0" },
        read: {
          isStreaming: true,
          dataSource: {
            format: "csv",
            schema: "id INT, name STRING",
            options: { header: "true", maxFilesPerTrigger: "2", sep: ";" },
            paths: ["/in"],
          },
        },
      },
    });
    expect(sent()).toEqual([]);
  });

  test("the file shortcuts, a source without a path and a table", () => {
    const { spark } = scripted();
    const read = (df: Parameters<typeof planJson>[0]) =>
      (planJson(df) as { root: { read: unknown } }).root.read;
    for (const f of ["json", "csv", "parquet", "orc", "text", "xml"] as const) {
      expect(read(spark.readStream[f]("/d"))).toEqual({
        isStreaming: true,
        dataSource: { format: f, paths: ["/d"] },
      });
    }
    expect(
      read(spark.readStream.format("rate-micro-batch").option("rowsPerBatch", 5).load()),
    ).toEqual({
      isStreaming: true,
      dataSource: { format: "rate-micro-batch", options: { rowsPerBatch: "5" } },
    });
    expect(read(spark.readStream.option("k", "v").table("db.events"))).toEqual({
      isStreaming: true,
      namedTable: { unparsedIdentifier: "db.events", options: { k: "v" } },
    });
  });

  test("bad arguments throw SparkArgumentError", () => {
    const { spark } = scripted();
    const errorOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as SparkArgumentError).name, (e as SparkArgumentError).errorClass];
      }
      return "no error";
    };
    expect(errorOf(() => spark.readStream.load(""))).toEqual([
      "SparkArgumentError",
      "VALUE_NOT_NON_EMPTY_STR",
    ]);
    expect(errorOf(() => spark.readStream.schema(3 as never))).toEqual([
      "SparkArgumentError",
      "NOT_STR_OR_STRUCT",
    ]);
  });
});

describe("DataStreamWriter (df.writeStream)", () => {
  const rate = (spark: ReturnType<typeof scripted>["spark"]) =>
    spark.readStream.format("rate").option("rowsPerSecond", 5).load();

  test("every setting goes into WriteStreamOperationStart; start resolves with the query", async () => {
    const { spark, sent } = scripted(started("rates"));
    const writer = rate(spark)
      .writeStream.format("parquet")
      .outputMode("append")
      .option("checkpointLocation", "/ckpt")
      .options({ compression: "snappy", maxRecordsPerFile: 10 })
      .partitionBy("y", ["m"])
      .clusterBy("c")
      .queryName("rates")
      .trigger({ processingTime: "5 seconds" });
    expect(sent()).toEqual([]);
    const q = await writer.start("/out");
    expect(sent()).toEqual([
      start({
        format: "parquet",
        options: { checkpointLocation: "/ckpt", compression: "snappy", maxRecordsPerFile: "10" },
        partitioningColumnNames: ["y", "m"],
        processingTimeInterval: "5 seconds",
        outputMode: "append",
        queryName: "rates",
        path: "/out",
        clusteringColumnNames: ["c"],
      }),
    ]);
    expect([q.id, q.runId, q.name]).toEqual([QID.id, QID.runId, "rates"]);
  });

  test("each trigger kind, toTable, and start's own options", async () => {
    const { spark, sent } = scripted(started(), started(), started(), started());
    await rate(spark).writeStream.trigger({ once: true }).start();
    await rate(spark).writeStream.trigger({ availableNow: true }).toTable("db.t");
    await rate(spark).writeStream.trigger({ continuous: "1 second" }).start(undefined, {
      format: "memory",
      queryName: "m",
      outputMode: "complete",
    });
    const q = await rate(spark).writeStream.format("noop").start();
    expect(q.name).toBeNull();
    const input = (i: number) => ({ ...RATE, common: { planId: String(i) } });
    expect(sent()).toEqual([
      { command: { writeStreamOperationStart: { input: input(0), once: true } } },
      {
        command: {
          writeStreamOperationStart: { input: input(1), availableNow: true, tableName: "db.t" },
        },
      },
      {
        command: {
          writeStreamOperationStart: {
            input: input(2),
            format: "memory",
            continuousCheckpointInterval: "1 second",
            outputMode: "complete",
            queryName: "m",
          },
        },
      },
      { command: { writeStreamOperationStart: { input: input(3), format: "noop" } } },
    ]);
  });

  test("bad triggers, output modes and names throw SparkArgumentError with PySpark's classes", () => {
    const { spark } = scripted();
    const w = rate(spark).writeStream;
    const errorOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as SparkArgumentError).name, (e as SparkArgumentError).errorClass];
      }
      return "no error";
    };
    expect(errorOf(() => w.trigger({ once: true, availableNow: true } as never))).toEqual([
      "SparkArgumentError",
      "ONLY_ALLOW_SINGLE_TRIGGER",
    ]);
    expect(errorOf(() => w.trigger({} as never))).toEqual([
      "SparkArgumentError",
      "ONLY_ALLOW_SINGLE_TRIGGER",
    ]);
    expect(errorOf(() => w.trigger({ once: false } as never))).toEqual([
      "SparkArgumentError",
      "VALUE_NOT_TRUE",
    ]);
    expect(errorOf(() => w.trigger({ processingTime: " " }))).toEqual([
      "SparkArgumentError",
      "VALUE_NOT_NON_EMPTY_STR",
    ]);
    expect(errorOf(() => w.trigger({ every: "1s" } as never))).toEqual([
      "SparkArgumentError",
      "ONLY_ALLOW_SINGLE_TRIGGER",
    ]);
    expect(errorOf(() => w.outputMode("upsert" as never))).toEqual([
      "SparkArgumentError",
      "UNKNOWN_OUTPUT_MODE",
    ]);
    expect(errorOf(() => w.queryName(""))).toEqual([
      "SparkArgumentError",
      "VALUE_NOT_NON_EMPTY_STR",
    ]);
  });

  test("a start answer without the query id is a SparkProtocolError", async () => {
    const { spark } = scripted();
    const err = await rate(spark)
      .writeStream.start()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).errorClass).toBe("MISSING_RESULT");
  });
});

const PROGRESS = {
  id: QID.id,
  runId: QID.runId,
  name: "rates",
  timestamp: "2026-12-04T21:01:43.256Z",
  batchId: 4,
  batchDuration: 990,
  durationMs: { triggerExecution: 989, addBatch: 647 },
  eventTime: { watermark: "2026-01-01T00:00:21.000Z" },
  stateOperators: [
    {
      operatorName: "stateStoreSave",
      numRowsTotal: 3,
      numRowsUpdated: 1,
      numRowsRemoved: 2,
      numRowsDroppedByWatermark: 0,
      memoryUsedBytes: 1024,
      commitTimeMs: 5,
    },
  ],
  sources: [
    {
      description: "RatePerMicroBatchStream[rowsPerBatch=5]",
      startOffset: '{"offset":20}',
      endOffset: '{"offset":25}',
      latestOffset: null,
      numInputRows: 5,
      inputRowsPerSecond: 2.5,
      processedRowsPerSecond: 5,
      metrics: {},
    },
    {
      description: "FileStreamSource[file:/in]",
      startOffset: { logOffset: 0 },
      endOffset: { logOffset: 1 },
      numInputRows: 2,
      processedRowsPerSecond: 2,
      metrics: { numFilesOutstanding: "0" },
    },
  ],
  sink: { description: "MemorySink", numOutputRows: 7, metrics: {} },
};

describe("StreamingQuery", () => {
  async function query(...answers: Answer[]) {
    const s = scripted(started("rates"), ...answers);
    const q = await s.spark.readStream
      .format("rate")
      .option("rowsPerSecond", 5)
      .load()
      .writeStream.start();
    return { ...s, q, commands: () => s.sent().slice(1) };
  }

  test("status and isActive", async () => {
    const status = {
      case: "status",
      value: {
        statusMessage: "Waiting for data to arrive",
        isDataAvailable: false,
        isTriggerActive: true,
        isActive: true,
      },
    };
    const { q, commands } = await query(queryResult(status), queryResult(status));
    expect(await q.status()).toEqual({
      message: "Waiting for data to arrive",
      isDataAvailable: false,
      isTriggerActive: true,
    });
    expect(await q.isActive()).toBe(true);
    expect(commands()).toEqual([queryCommand({ status: true }), queryCommand({ status: true })]);
  });

  test("lastProgress and recentProgress parse Spark's JSON; the batch figures sum the sources", async () => {
    const json = JSON.stringify(PROGRESS);
    const { q, commands } = await query(
      queryResult({ case: "recentProgress", value: { recentProgressJson: [json] } }),
      queryResult({ case: "recentProgress", value: { recentProgressJson: [] } }),
      queryResult({ case: "recentProgress", value: { recentProgressJson: [json, json] } }),
    );
    const p = await q.lastProgress();
    expect({ ...p, json: undefined }).toEqual({
      id: QID.id,
      runId: QID.runId,
      name: "rates",
      timestamp: "2026-12-04T21:01:43.256Z",
      batchId: 4,
      batchDuration: 990,
      numInputRows: 7,
      // The second source has no input rate (NaN in Spark, left out of its JSON).
      inputRowsPerSecond: undefined,
      processedRowsPerSecond: 7,
      durationMs: { triggerExecution: 989, addBatch: 647 },
      eventTime: { watermark: "2026-01-01T00:00:21.000Z" },
      stateOperators: [
        {
          operatorName: "stateStoreSave",
          numRowsTotal: 3,
          numRowsUpdated: 1,
          numRowsRemoved: 2,
          numRowsDroppedByWatermark: 0,
          memoryUsedBytes: 1024,
          json: PROGRESS.stateOperators[0],
        },
      ],
      sources: [
        {
          description: "RatePerMicroBatchStream[rowsPerBatch=5]",
          startOffset: '{"offset":20}',
          endOffset: '{"offset":25}',
          latestOffset: null,
          numInputRows: 5,
          inputRowsPerSecond: 2.5,
          processedRowsPerSecond: 5,
          metrics: {},
        },
        {
          description: "FileStreamSource[file:/in]",
          startOffset: { logOffset: 0 },
          endOffset: { logOffset: 1 },
          latestOffset: null,
          numInputRows: 2,
          inputRowsPerSecond: undefined,
          processedRowsPerSecond: 2,
          metrics: { numFilesOutstanding: "0" },
        },
      ],
      sink: { description: "MemorySink", numOutputRows: 7, metrics: {} },
    });
    expect(p?.json).toEqual(PROGRESS);
    expect(await q.lastProgress()).toBeNull();
    expect((await q.recentProgress()).map((r) => r.batchId)).toEqual([4, 4]);
    expect(commands()).toEqual([
      queryCommand({ lastProgress: true }),
      queryCommand({ lastProgress: true }),
      queryCommand({ recentProgress: true }),
    ]);
  });

  test("a progress report that is not JSON is a SparkProtocolError", async () => {
    const { q } = await query(
      queryResult({ case: "recentProgress", value: { recentProgressJson: ["{"] } }),
    );
    const err = await q.lastProgress().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).errorClass).toBe("INVALID_PROGRESS_JSON");
  });

  test("awaitTermination, processAllAvailable, stop and explain send their commands", async () => {
    const { q, commands } = await query(
      queryResult({ case: "awaitTermination", value: { terminated: false } }),
      queryResult({ case: "awaitTermination", value: { terminated: true } }),
      queryResult({}),
      queryResult({}),
      queryResult({ case: "explain", value: { result: "== Physical Plan ==\nScan\n" } }),
    );
    expect(await q.awaitTermination(250)).toBe(false);
    expect(await q.awaitTermination()).toBe(true);
    await q.processAllAvailable();
    await q.stop();
    const printed: string[] = [];
    expect(await q.explain(true, { print: (s) => printed.push(s) })).toBe(
      "== Physical Plan ==\nScan\n",
    );
    expect(printed).toEqual(["== Physical Plan ==\nScan"]);
    expect(commands()).toEqual([
      queryCommand({ awaitTermination: { timeoutMs: "250" } }),
      queryCommand({ awaitTermination: {} }),
      queryCommand({ processAllAvailable: true }),
      queryCommand({ stop: true }),
      queryCommand({ explain: { extended: true } }),
    ]);
  });

  test("a timeout that is not a positive integer is refused before any call", async () => {
    const { q, commands } = await query();
    for (const bad of [0, -5, 1.5, Number.NaN]) {
      const err = await q.awaitTermination(bad).catch((e: unknown) => e);
      expect([(err as SparkArgumentError).name, (err as SparkArgumentError).errorClass]).toEqual([
        "SparkArgumentError",
        "VALUE_NOT_POSITIVE",
      ]);
    }
    expect(commands()).toEqual([]);
  });

  test("exception(): null without an error, else a StreamingQueryError with its cause", async () => {
    const trace =
      "org.apache.spark.sql.streaming.StreamingQueryException: [DIVIDE_BY_ZERO] Division by zero.\n" +
      "\tat x.y(Z.scala:1)\nCaused by: java.lang.ArithmeticException: [DIVIDE_BY_ZERO] Division by zero.\n";
    const { q, commands } = await query(
      queryResult({}),
      queryResult({
        case: "exception",
        value: {
          exceptionMessage:
            "org.apache.spark.sql.streaming.StreamingQueryException: [DIVIDE_BY_ZERO] Division by zero.",
          errorClass: "STREAM_FAILED",
          stackTrace: trace,
        },
      }),
    );
    expect(await q.exception()).toBeNull();
    const e = await q.exception();
    expect(e).toBeInstanceOf(StreamingQueryError);
    expect([e?.name, e?.errorClass, e?.message, e?.serverClasses, e?.serverStackTrace]).toEqual([
      "StreamingQueryError",
      "STREAM_FAILED",
      "[STREAM_FAILED] [DIVIDE_BY_ZERO] Division by zero.",
      ["org.apache.spark.sql.streaming.StreamingQueryException"],
      trace,
    ]);
    const cause = e?.cause as StreamingQueryError;
    expect([cause.name, cause.errorClass, cause.message, cause.serverClasses]).toEqual([
      "ArithmeticError",
      "DIVIDE_BY_ZERO",
      "[DIVIDE_BY_ZERO] Division by zero.",
      ["java.lang.ArithmeticException"],
    ]);
    expect(commands()).toEqual([
      queryCommand({ exception: true }),
      queryCommand({ exception: true }),
    ]);
  });

  test("an answer of the wrong kind is a SparkProtocolError", async () => {
    const { q } = await query(queryResult({ case: "explain", value: { result: "" } }));
    const err = await q.status().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).errorClass).toBe("MISSING_RESULT");
  });
});

describe("StreamingQueryManager (spark.streams)", () => {
  test("active, get, awaitAnyTermination and resetTerminated", async () => {
    const instance = { id: QID, name: "rates" };
    const { spark, sent } = scripted(
      managerResult({
        case: "active",
        value: { activeQueries: [instance, { id: { id: "a", runId: "b" } }] },
      }),
      managerResult({ case: "query", value: instance }),
      managerResult({}),
      managerResult({ case: "awaitAnyTermination", value: { terminated: true } }),
      managerResult({ case: "awaitAnyTermination", value: { terminated: false } }),
      managerResult({ case: "resetTerminated", value: true }),
    );
    expect((await spark.streams.active()).map((q) => [q.id, q.runId, q.name])).toEqual([
      [QID.id, QID.runId, "rates"],
      ["a", "b", null],
    ]);
    expect((await spark.streams.get(QID.id))?.runId).toBe(QID.runId);
    expect(await spark.streams.get("nope")).toBeNull();
    expect(await spark.streams.awaitAnyTermination()).toBe(true);
    expect(await spark.streams.awaitAnyTermination(100)).toBe(false);
    await spark.streams.resetTerminated();
    expect(sent()).toEqual([
      managerCommand({ active: true }),
      managerCommand({ getQuery: QID.id }),
      managerCommand({ getQuery: "nope" }),
      managerCommand({ awaitAnyTermination: {} }),
      managerCommand({ awaitAnyTermination: { timeoutMs: "100" } }),
      managerCommand({ resetTerminated: true }),
    ]);
  });
});
