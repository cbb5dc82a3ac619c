import { create, type MessageInitShape, toJson } from "@bufbuild/protobuf";
import { describe, expect, test, vi } from "vitest";
import { SDK_VERSION } from "./client/client.js";
import {
  SparkArgumentError,
  SparkCancelledError,
  SparkError,
  SparkProtocolError,
} from "./errors.js";
import { col, lit } from "./functions/core.js";
import {
  type ExecutePlanRequest,
  ExecutePlanRequestSchema,
  ExecutePlanResponseSchema,
  PlanSchema,
  type ReleaseExecuteRequest,
  ReleaseExecuteRequestSchema,
  SparkConnectService,
} from "./gen/spark/connect/base_pb.js";
import { planJson, TEST_SESSION_ID, testSession } from "./testing/session.js";

const SERVER_SESSION_ID = "server-side-1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type ResponseInit = MessageInitShape<typeof ExecutePlanResponseSchema>["responseType"];

/**
 * A session over an in-memory server that records every ExecutePlan and ReleaseExecute request.
 * ExecutePlan answers with the responses `answer` gives for the request (none by default), then
 * ResultComplete; every response carries the same server-side session id.
 */
function recording(answer: (request: ExecutePlanRequest) => ResponseInit[] = () => []) {
  const executes: ExecutePlanRequest[] = [];
  const releases: ReleaseExecuteRequest[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async *executePlan(request) {
        executes.push(request);
        const types = [...answer(request), { case: "resultComplete" as const, value: {} }];
        for (const [i, responseType] of types.entries()) {
          yield create(ExecutePlanResponseSchema, {
            sessionId: request.sessionId,
            serverSideSessionId: SERVER_SESSION_ID,
            operationId: request.operationId,
            responseId: `r${i}`,
            responseType,
          });
        }
      },
      async releaseExecute(request) {
        releases.push(request);
        return {
          sessionId: request.sessionId,
          serverSideSessionId: SERVER_SESSION_ID,
          operationId: request.operationId,
        };
      },
    }),
  );
  /** The plans sent so far, as protobuf JSON. */
  const sent = () => executes.map((r) => toJson(PlanSchema, r.plan ?? create(PlanSchema)));
  return { spark, executes, releases, sent };
}

const T = { common: { planId: "0" }, read: { namedTable: { unparsedIdentifier: "t" } } };
const attr = (name: string, planId?: number) => ({
  unresolvedAttribute: {
    unparsedIdentifier: name,
    ...(planId === undefined ? {} : { planId: String(planId) }),
  },
});

/** The rejection of a promise, failing when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<SparkArgumentError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(SparkArgumentError);
    return e as SparkArgumentError;
  }
  throw new Error("expected a rejection");
}

describe("requests", () => {
  test("every request carries the session, user context and client type; after the first response, the server-side session id it saw", async () => {
    const { spark, executes, releases } = recording();
    const t = spark.table("t");
    spark.addTag("nightly");
    await t.createTempView("v1");
    await t.createTempView("v2");
    await vi.waitFor(() => expect(releases).toHaveLength(2));

    const plan = (name: string) => ({
      command: { createDataframeView: { input: T, name } },
    });
    const base = {
      sessionId: TEST_SESSION_ID,
      userContext: { userId: "test" },
      clientType: `spark-connect-ts/${SDK_VERSION}`,
    };
    const [first, second] = executes.map((r) => toJson(ExecutePlanRequestSchema, r));
    expect(first).toEqual({
      ...base,
      operationId: expect.stringMatching(UUID),
      plan: plan("v1"),
      requestOptions: [{ reattachOptions: { reattachable: true } }],
      tags: ["nightly"],
    });
    expect(second).toEqual({
      ...base,
      clientObservedServerSideSessionId: SERVER_SESSION_ID,
      operationId: expect.stringMatching(UUID),
      plan: plan("v2"),
      requestOptions: [{ reattachOptions: { reattachable: true } }],
      tags: ["nightly"],
    });
    expect(executes[0]?.operationId).not.toBe(executes[1]?.operationId);
    // Each finished operation is released, by the same id, with the same metadata.
    expect(releases.map((r) => toJson(ReleaseExecuteRequestSchema, r))).toEqual(
      executes.map((e) => ({
        ...base,
        clientObservedServerSideSessionId: SERVER_SESSION_ID,
        operationId: e.operationId,
        releaseAll: {},
      })),
    );
  });
});

describe("spark.sql", () => {
  test("sends a SqlCommand whose input is the SQL relation; without a result relation the DataFrame is that relation", async () => {
    const { spark, sent } = recording();
    const df = await spark.sql("SELECT 1 AS x");
    expect(sent()).toEqual([
      {
        command: {
          sqlCommand: { input: { common: { planId: "0" }, sql: { query: "SELECT 1 AS x" } } },
        },
      },
    ]);
    expect(planJson(df)).toEqual({
      root: { common: { planId: "0" }, sql: { query: "SELECT 1 AS x" } },
    });
  });

  test("the server's result relation becomes the DataFrame, with a plan id of this session", async () => {
    const { spark } = recording(() => [
      {
        case: "sqlCommandResult",
        value: { relation: { relType: { case: "sql", value: { query: "SHOW TABLES" } } } },
      },
    ]);
    const df = await spark.sql("SHOW TABLES");
    // As PySpark's CachedRelation: the relation gets the DataFrame's plan id, so df.col() resolves.
    expect(planJson(df.select(df.col("tableName")))).toEqual({
      root: {
        common: { planId: "2" },
        project: {
          input: { common: { planId: "1" }, sql: { query: "SHOW TABLES" } },
          expressions: [attr("tableName", 1)],
        },
      },
    });
  });

  test("positional args are sent as posArguments, named args as namedArguments", async () => {
    const { spark, sent } = recording();
    await spark.sql("SELECT ?, ?, ?", [1, "a", col("x")]);
    await spark.sql("SELECT :lo, :name, :big, :when", {
      lo: 5,
      name: lit("x"),
      big: 2n ** 40n,
      when: new Date(0),
    });
    expect(sent()).toEqual([
      {
        command: {
          sqlCommand: {
            input: {
              common: { planId: "0" },
              sql: {
                query: "SELECT ?, ?, ?",
                posArguments: [
                  { literal: { integer: 1 } },
                  { literal: { string: "a" } },
                  attr("x"),
                ],
              },
            },
          },
        },
      },
      {
        command: {
          sqlCommand: {
            input: {
              common: { planId: "1" },
              sql: {
                query: "SELECT :lo, :name, :big, :when",
                namedArguments: {
                  lo: { literal: { integer: 5 } },
                  name: { literal: { string: "x" } },
                  big: { literal: { long: "1099511627776" } },
                  when: { literal: { timestamp: "0" } },
                },
              },
            },
          },
        },
      },
    ]);
  });

  test("bad queries and args are refused before anything is sent", async () => {
    const { spark, sent } = recording();
    expect((await rejection(spark.sql(1 as never))).errorClass).toBe("NOT_STR");
    expect((await rejection(spark.sql("SELECT 1", 5 as never))).errorClass).toBe("INVALID_TYPE");
    expect((await rejection(spark.sql("SELECT 1", col("x") as never))).errorClass).toBe(
      "INVALID_TYPE",
    );
    expect((await rejection(spark.sql("SELECT ?", [undefined]))).errorClass).toBe(
      "NOT_COLUMN_OR_LITERAL",
    );
    expect(sent()).toEqual([]);
  });
});

describe("DataFrame commands", () => {
  test("createTempView, createOrReplaceTempView, createGlobalTempView, createOrReplaceGlobalTempView", async () => {
    const { spark, sent } = recording();
    const t = spark.table("t");
    await t.createTempView("a");
    await t.createOrReplaceTempView("b");
    await t.createGlobalTempView("c");
    await t.createOrReplaceGlobalTempView("d");
    const view = (fields: Record<string, unknown>) => ({
      command: { createDataframeView: { input: T, ...fields } },
    });
    expect(sent()).toEqual([
      view({ name: "a" }),
      view({ name: "b", replace: true }),
      view({ name: "c", isGlobal: true }),
      view({ name: "d", isGlobal: true, replace: true }),
    ]);
    expect((await rejection(t.createTempView(""))).errorClass).toBe("NOT_STR");
    expect(sent()).toHaveLength(4);
  });

  test("checkpoint and localCheckpoint send the plan and continue from the cached relation", async () => {
    let n = 0;
    const { spark, sent } = recording(() => [
      {
        case: "checkpointCommandResult",
        value: { relation: { relationId: `cached-${++n}` } },
      },
    ]);
    const t = spark.table("t");
    const checkpointed = await t.checkpoint();
    const local = await t.localCheckpoint(false);
    expect(sent()).toEqual([
      { command: { checkpointCommand: { relation: T, eager: true } } },
      { command: { checkpointCommand: { relation: T, local: true } } },
    ]);
    expect(planJson(checkpointed)).toEqual({
      root: { common: { planId: "1" }, cachedRemoteRelation: { relationId: "cached-1" } },
    });
    expect(planJson(local.select(local.col("a")))).toEqual({
      root: {
        common: { planId: "3" },
        project: {
          input: { common: { planId: "2" }, cachedRemoteRelation: { relationId: "cached-2" } },
          expressions: [attr("a", 2)],
        },
      },
    });
  });

  test("checkpoint without a result relation fails with a protocol error", async () => {
    const { spark } = recording();
    const error = await spark
      .table("t")
      .checkpoint()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkProtocolError);
    expect((error as SparkProtocolError).name).toBe("SparkProtocolError");
    expect((error as SparkProtocolError).errorClass).toBe("MISSING_RESULT");
  });
});

describe("stop", () => {
  test("stop() while an action runs: the action rejects as cancelled by the stop, its operation and all others are interrupted, the session is released and refuses further work", async () => {
    const log: string[] = [];
    let started: () => void = () => {};
    const running = new Promise<void>((r) => {
      started = r;
    });
    const spark = testSession((router) =>
      router.service(SparkConnectService, {
        async *executePlan(request, context) {
          log.push("execute");
          yield create(ExecutePlanResponseSchema, {
            sessionId: request.sessionId,
            serverSideSessionId: SERVER_SESSION_ID,
            operationId: request.operationId,
            responseId: "r0",
          });
          started();
          // A long query: nothing more until the client goes away.
          await new Promise((r) => context.signal.addEventListener("abort", r, { once: true }));
        },
        async interrupt(request) {
          log.push(
            request.interrupt.case === "operationId" ? "interrupt operation" : "interrupt all",
          );
          return { sessionId: request.sessionId, serverSideSessionId: SERVER_SESSION_ID };
        },
        async releaseExecute(request) {
          log.push("release execute");
          return { sessionId: request.sessionId, serverSideSessionId: SERVER_SESSION_ID };
        },
        async releaseSession(request) {
          log.push("release session");
          return { sessionId: request.sessionId, serverSideSessionId: SERVER_SESSION_ID };
        },
      }),
    );
    const pending = spark
      .range(10)
      .collect()
      .catch((e: unknown) => e);
    await running;
    await spark.stop();
    const err = await pending;
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect((err as SparkCancelledError).errorClass).toBe("OPERATION_CANCELED");
    expect((err as SparkCancelledError).message).toMatch(
      /^\[OPERATION_CANCELED\] operation [0-9a-f-]{36} was cancelled: \[SESSION_STOPPED\] the SparkSession was stopped$/,
    );
    expect((err as SparkCancelledError).cause).toBeInstanceOf(SparkError);
    expect(((err as SparkCancelledError).cause as SparkError).errorClass).toBe("SESSION_STOPPED");
    await vi.waitFor(() => expect(log).toContain("release execute"));
    expect(log.filter((l) => l !== "release execute").sort()).toEqual(
      ["execute", "interrupt all", "interrupt operation", "release session"].sort(),
    );
    expect(log.indexOf("interrupt all")).toBeLessThan(log.indexOf("release session"));
    const after = await spark
      .range(1)
      .count()
      .catch((e: unknown) => e);
    expect((after as SparkError).errorClass).toBe("SESSION_STOPPED");
    expect(log.filter((l) => l === "execute")).toHaveLength(1);
  });

  test("stop({ interrupt: false }) sends only the release, at once", async () => {
    const log: string[] = [];
    const spark = testSession((router) =>
      router.service(SparkConnectService, {
        async interrupt(request) {
          log.push("interrupt");
          return { sessionId: request.sessionId, serverSideSessionId: SERVER_SESSION_ID };
        },
        async releaseSession(request) {
          log.push("release session");
          return { sessionId: request.sessionId, serverSideSessionId: SERVER_SESSION_ID };
        },
      }),
    );
    await spark.stop({ interrupt: false });
    expect(log).toEqual(["release session"]);
    expect(spark.isStopped).toBe(true);
  });
});
