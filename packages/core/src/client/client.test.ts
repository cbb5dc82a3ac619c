import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createRouterTransport, type ServiceImpl } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import {
  AnalysisError,
  SparkCancelledError,
  SparkConnectionError,
  type SparkError,
  SparkProtocolError,
  SparkSessionChangedError,
  UnknownSparkError,
} from "../errors.js";
import { ErrorInfoSchema, RetryInfoSchema } from "../gen/google/rpc/error_details_pb.js";
import {
  type ExecutePlanResponse,
  ExecutePlanResponseSchema,
  PlanSchema,
  type ReattachExecuteRequest,
  type ReleaseExecuteRequest,
  SparkConnectService,
} from "../gen/spark/connect/base_pb.js";
import {
  CLOSE_BUDGET_MS,
  describeReason,
  SparkConnectClient,
  type SparkConnectClientOptions,
} from "./client.js";
import { RELEASE_EVERY } from "./releaser.js";
import { type RetryPolicyOptions, sleep as timerSleep } from "./retries.js";

const OP_ID = "cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee";

const SESSION = "11111111-2222-4333-8444-555555555555";
const plan = create(PlanSchema, {});

function response(
  id: string,
  kind: "batch" | "complete" = "batch",
  serverSession = "srv-1",
): ExecutePlanResponse {
  return create(ExecutePlanResponseSchema, {
    sessionId: SESSION,
    serverSideSessionId: serverSession,
    operationId: "op",
    responseId: id,
    responseType:
      kind === "complete"
        ? { case: "resultComplete", value: {} }
        : {
            case: "arrowBatch",
            value: { rowCount: 0n, data: new Uint8Array([Number(id.slice(1))]) },
          },
  });
}

/** What the in-memory server saw, in order. */
interface Calls {
  /** One line per RPC: "execute", "reattach <lastResponseId>", "release until <id>", "release all"… */
  log: string[];
  reattaches: ReattachExecuteRequest[];
  releases: ReleaseExecuteRequest[];
}

type Impl = Partial<ServiceImpl<typeof SparkConnectService>>;

/** Fills in the RPCs a test does not implement: they log themselves and succeed. */
function service(calls: Calls, impl: Impl): Impl {
  return {
    async releaseExecute(req) {
      calls.releases.push(req);
      calls.log.push(
        req.release.case === "releaseUntil"
          ? `release until ${req.release.value.responseId}`
          : `release ${req.release.case === "releaseAll" ? "all" : "?"}`,
      );
      return { sessionId: SESSION, serverSideSessionId: "srv-1", operationId: req.operationId };
    },
    async interrupt(req) {
      calls.log.push(`interrupt ${String(req.interrupt.value)}`);
      return { sessionId: SESSION, serverSideSessionId: "srv-1", interruptedIds: [] };
    },
    ...impl,
  };
}

interface Harness {
  client: SparkConnectClient;
  calls: Calls;
  /** The waits the client asked for, in milliseconds (the injected sleep returns at once). */
  sleeps: number[];
}

function harness(
  routes: (calls: Calls) => Impl,
  options: Partial<SparkConnectClientOptions> = {},
): Harness {
  const calls: Calls = { log: [], reattaches: [], releases: [] };
  const sleeps: number[] = [];
  const transport = createRouterTransport((router) =>
    router.service(SparkConnectService, service(calls, routes(calls))),
  );
  const client = new SparkConnectClient({
    transport,
    sessionId: SESSION,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      signal?.throwIfAborted();
    },
    // A release per response, so call sequences show each one (the default groups them).
    releaseEvery: { responses: 1 },
    ...options,
  });
  return { client, calls, sleeps };
}

/** Lets pending best-effort calls (releases) reach the server. */
const settle = () => new Promise((r) => setTimeout(r, 5));

/** Reads every response id, pausing after each so that background calls land in order. */
async function drain(gen: AsyncIterable<ExecutePlanResponse>): Promise<string[]> {
  const out: string[] = [];
  for await (const r of gen) {
    out.push(r.responseId);
    await settle();
  }
  await settle();
  return out;
}

/** Reads every response id as fast as possible. */
async function ids(gen: AsyncIterable<ExecutePlanResponse>): Promise<string[]> {
  const out: string[] = [];
  for await (const r of gen) out.push(r.responseId);
  return out;
}

async function failure(gen: AsyncIterable<ExecutePlanResponse>, seen: string[] = []) {
  try {
    for await (const r of gen) seen.push(r.responseId);
  } catch (e) {
    await settle();
    return e;
  }
  throw new Error("the execution did not fail");
}

function serverError(errorClass: string, message: string, code = Code.Internal): ConnectError {
  return new ConnectError(`[${errorClass}] ${message}`, code, undefined, [
    {
      desc: ErrorInfoSchema,
      value: {
        reason: "org.apache.spark.SparkSQLException",
        domain: "org.apache.spark",
        metadata: {
          classes: JSON.stringify(["org.apache.spark.SparkSQLException"]),
          errorClass,
          sqlState: "XXKCM",
        },
      },
    },
  ]);
}

function withRetryInfo(message: string, code: Code, delaySeconds: number): ConnectError {
  return new ConnectError(message, code, undefined, [
    { desc: RetryInfoSchema, value: { retryDelay: { seconds: BigInt(delaySeconds) } } },
  ]);
}

describe("SparkConnectClient.execute", () => {
  test("basic flow: every response once, reattachable, consumed ones released, then all", async () => {
    const { client, calls, sleeps } = harness((calls) => ({
      async *executePlan(req) {
        calls.log.push(
          `execute reattachable=${req.requestOptions[0]?.requestOption.case === "reattachOptions"}`,
        );
        yield response("r1");
        yield response("r2");
        yield response("r3", "complete");
      },
    }));
    expect(await drain(client.execute(plan))).toEqual(["r1", "r2", "r3"]);
    expect(calls.log).toEqual([
      "execute reattachable=true",
      "release until r1",
      "release until r2",
      "release all",
    ]);
    expect(sleeps).toEqual([]);
  });

  test("the exact call sequence: execute → releaseUntil … → reattach(last id) → … → releaseAll", async () => {
    const { client, calls } = harness((calls) => ({
      async *executePlan(req) {
        calls.log.push(`execute ${req.operationId}`);
        yield response("r1");
        yield response("r2");
        // Ends without ResultComplete, as the server does after senderMaxStreamDuration.
      },
      async *reattachExecute(req) {
        calls.reattaches.push(req);
        calls.log.push(`reattach ${req.lastResponseId}`);
        yield response("r3");
        yield response("r4", "complete");
      },
    }));
    const operationId = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    expect(await drain(client.execute(plan, { operationId }))).toEqual(["r1", "r2", "r3", "r4"]);
    expect(calls.log).toEqual([
      `execute ${operationId}`,
      "release until r1",
      "release until r2",
      "reattach r2",
      "release until r3",
      "release all",
    ]);
    // Follow-up calls name the operation and the session, including the server-side one seen.
    for (const req of [...calls.reattaches, ...calls.releases]) {
      expect(req.operationId).toBe(operationId);
      expect(req.sessionId).toBe(SESSION);
      expect(req.clientObservedServerSideSessionId).toBe("srv-1");
      expect(req.clientType).toBe(client.clientType);
    }
  });

  test("a stream that ends without ResultComplete is reattached from the last response", async () => {
    const { client, calls, sleeps } = harness((calls) => ({
      async *executePlan() {
        yield response("r1");
        yield response("r2");
      },
      async *reattachExecute(req) {
        calls.reattaches.push(req);
        if (req.lastResponseId === "r2") {
          yield response("r3");
        } else {
          yield response("r4");
          yield response("r5", "complete");
        }
      },
    }));
    expect(await ids(client.execute(plan))).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    expect(calls.reattaches.map((r) => r.lastResponseId)).toEqual(["r2", "r3"]);
    // Ending a stream early is the protocol, not a failure: no backoff.
    expect(sleeps).toEqual([]);
  });

  test("a fatal error fails at once with a typed error, and the operation is released", async () => {
    const { client, calls, sleeps } = harness((calls) => ({
      async *executePlan() {
        calls.log.push("execute");
        yield response("r1");
        throw new ConnectError(
          "[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found.",
          Code.Internal,
          undefined,
          [
            {
              desc: ErrorInfoSchema,
              value: {
                reason: "org.apache.spark.sql.AnalysisException",
                domain: "org.apache.spark",
                metadata: {
                  classes: JSON.stringify(["org.apache.spark.sql.AnalysisException"]),
                  errorClass: "TABLE_OR_VIEW_NOT_FOUND",
                  sqlState: "42P01",
                },
              },
            },
          ],
        );
      },
      async *reattachExecute() {
        calls.log.push("reattach");
        yield response("r9", "complete");
      },
    }));
    const err = await failure(client.execute(plan));
    expect(err).toBeInstanceOf(AnalysisError);
    expect((err as SparkError).errorClass).toBe("TABLE_OR_VIEW_NOT_FOUND");
    expect((err as AnalysisError).name).toBe("AnalysisError");
    expect((err as AnalysisError).errorClass).toBe("TABLE_OR_VIEW_NOT_FOUND");
    expect(sleeps).toEqual([]);
    expect(calls.log.filter((l) => !l.startsWith("release until"))).toEqual([
      "execute",
      "release all",
    ]);
  });

  test("retry during execute: a transient failure mid-stream waits, then reattaches", async () => {
    const { client, calls, sleeps } = harness((calls) => ({
      async *executePlan() {
        calls.log.push("execute");
        yield response("r1");
        throw new ConnectError("connection reset", Code.Unavailable);
      },
      async *reattachExecute(req) {
        calls.log.push(`reattach ${req.lastResponseId}`);
        yield response("r2", "complete");
      },
    }));
    expect(await drain(client.execute(plan))).toEqual(["r1", "r2"]);
    expect(sleeps).toEqual([50]);
    expect(calls.log).toEqual(["execute", "release until r1", "reattach r1", "release all"]);
  });

  test("onRetry sees a broken result stream's retries, with the operation id, but not planned reattaches", async () => {
    const events: string[] = [];
    const { client } = harness(
      (calls) => ({
        async *executePlan() {
          calls.log.push("execute");
          yield response("r1");
          throw new ConnectError("connection reset", Code.Unavailable);
        },
        async *reattachExecute(req) {
          calls.log.push(`reattach ${req.lastResponseId}`);
          if (req.lastResponseId === "r1") {
            yield response("r2");
            return; // the server's stream limit: a planned reattach
          }
          yield response("r3", "complete");
        },
      }),
      { onRetry: (e) => events.push(`${e.attempt} ${e.delayMs} ${e.operationId}`) },
    );
    expect(await drain(client.execute(plan, { operationId: "op-1" }))).toEqual(["r1", "r2", "r3"]);
    expect(events).toEqual(["1 50 op-1"]);
  });

  test("retry during reattach: each failed reattach backs off; the budget restarts with each response", async () => {
    let failures = 0;
    const { client, calls, sleeps } = harness((calls) => ({
      async *executePlan() {
        calls.log.push("execute");
        yield response("r1");
      },
      async *reattachExecute(req) {
        calls.log.push(`reattach ${req.lastResponseId}`);
        if (req.lastResponseId === "r1" && failures < 3) {
          failures++;
          throw new ConnectError("proxy restarting", Code.Unavailable);
        }
        if (req.lastResponseId === "r1") {
          yield response("r2");
          throw new ConnectError("proxy restarting again", Code.Unavailable);
        }
        yield response("r3", "complete");
      },
    }));
    expect(await ids(client.execute(plan))).toEqual(["r1", "r2", "r3"]);
    expect(sleeps).toEqual([50, 200, 800, 50]);
    expect(calls.log.filter((l) => !l.startsWith("release"))).toEqual([
      "execute",
      "reattach r1",
      "reattach r1",
      "reattach r1",
      "reattach r1",
      "reattach r2",
    ]);
  });

  test("INVALID_CURSOR.DISCONNECTED (another request took the stream over) is reattached", async () => {
    const { client, calls } = harness((calls) => ({
      async *executePlan() {
        yield response("r1");
        throw serverError("INVALID_CURSOR.DISCONNECTED", "The cursor has been disconnected.");
      },
      async *reattachExecute(req) {
        calls.reattaches.push(req);
        yield response("r2", "complete");
      },
    }));
    expect(await ids(client.execute(plan))).toEqual(["r1", "r2"]);
    expect(calls.reattaches.map((r) => r.lastResponseId)).toEqual(["r1"]);
  });

  test("a failure that outlasts the retry budget fails with a typed connection error", async () => {
    const { client, calls, sleeps } = harness(
      (calls) => ({
        async *executePlan() {
          yield response("r1");
          throw new ConnectError("down for good", Code.Unavailable);
        },
        async *reattachExecute() {
          calls.log.push("reattach");
          yield* [];
          throw new ConnectError("still down", Code.Unavailable);
        },
      }),
      { retryPolicy: { maxRetries: 3 } },
    );
    const err = await failure(client.execute(plan));
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect((err as SparkConnectionError).errorClass).toBe("CONNECTION_UNAVAILABLE");
    expect((err as SparkConnectionError).message).toMatch(/still down/);
    expect(sleeps).toEqual([50, 200, 800]);
    expect(calls.log.filter((l) => l === "reattach")).toHaveLength(3);
    expect(calls.log.at(-1)).toBe("release all");
  });

  test("the default budget for an outage is PySpark's ten minutes, with waits capped at 5 s", async () => {
    const { client, sleeps } = harness(() => ({
      async *executePlan() {
        yield* [];
        throw new ConnectError("down", Code.Unavailable);
      },
      async *reattachExecute() {
        yield* [];
        throw new ConnectError("down", Code.Unavailable);
      },
    }));
    const err = await failure(client.execute(plan));
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect((err as SparkError).errorClass).toBe("CONNECTION_UNAVAILABLE");
    expect(sleeps).toHaveLength(124);
    expect(sleeps.slice(0, 3)).toEqual([50, 200, 800]);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(5_500);
    const total = sleeps.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(10 * 60 * 1000);
  });

  test("operation not found before the first response: the execute is sent again", async () => {
    let executes = 0;
    const { client, calls, sleeps } = harness((calls) => ({
      async *executePlan() {
        executes++;
        calls.log.push("execute");
        if (executes === 1) throw new ConnectError("lost", Code.Unavailable);
        yield response("r1", "complete");
      },
      async *reattachExecute(req) {
        calls.log.push(`reattach ${req.lastResponseId || "(none)"}`);
        yield* [];
        throw serverError(
          "INVALID_HANDLE.OPERATION_NOT_FOUND",
          "The handle 1234 is invalid. Operation not found.",
        );
      },
    }));
    expect(await drain(client.execute(plan))).toEqual(["r1"]);
    expect(executes).toBe(2);
    expect(sleeps).toEqual([50]);
    expect(calls.log).toEqual(["execute", "reattach (none)", "execute", "release all"]);
  });

  test("operation not found after a partial response fails instead of duplicating rows", async () => {
    let executes = 0;
    const { client } = harness(() => ({
      async *executePlan() {
        executes++;
        yield response("r1");
      },
      async *reattachExecute() {
        yield* [];
        throw serverError("INVALID_HANDLE.OPERATION_NOT_FOUND", "Operation not found.");
      },
    }));
    const seen: string[] = [];
    const err = await failure(client.execute(plan), seen);
    expect(seen).toEqual(["r1"]);
    expect(executes).toBe(1);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).errorClass).toBe("RESPONSE_ALREADY_RECEIVED");
    expect((err as SparkProtocolError).message).toMatch(/OPERATION_NOT_FOUND/);
    expect((err as SparkProtocolError).cause).toBeInstanceOf(UnknownSparkError);
  });

  test("session not found after a partial response: the server restarted, part of the result had arrived", async () => {
    const { client, calls } = harness(() => ({
      async *executePlan() {
        yield response("r1");
      },
      async *reattachExecute() {
        yield* [];
        throw serverError("INVALID_HANDLE.SESSION_NOT_FOUND", "Session not found.");
      },
    }));
    const err = (await failure(client.execute(plan))) as SparkSessionChangedError;
    expect(err).toBeInstanceOf(SparkSessionChangedError);
    expect(err.name).toBe("SparkSessionChangedError");
    expect(err.errorClass).toBe("INVALID_HANDLE.SESSION_NOT_FOUND");
    expect(err.sqlState).toBe("XXKCM");
    expect(err.messageParameters).toEqual({ partialResult: "true" });
    expect(err.message).toBe(
      "[INVALID_HANDLE.SESSION_NOT_FOUND] Session not found.. The server restarted or this session is gone (expired or closed): create a new SparkSession; part of the result had arrived",
    );
    expect(calls.log).toEqual(["release until r1", "release all"]);
  });

  test("session not found when only progress had arrived says no part of the result had arrived", async () => {
    const { client } = harness(() => ({
      async *executePlan() {
        yield create(ExecutePlanResponseSchema, {
          sessionId: SESSION,
          serverSideSessionId: "srv-1",
          operationId: "op",
          responseId: "p1",
          responseType: { case: "executionProgress", value: { numInflightTasks: 1n } },
        });
        throw new ConnectError("read ECONNRESET", Code.Unavailable);
      },
      async *reattachExecute() {
        yield* [];
        throw serverError("INVALID_HANDLE.SESSION_CHANGED", "Session changed.");
      },
    }));
    const err = (await failure(client.execute(plan))) as SparkSessionChangedError;
    expect(err.name).toBe("SparkSessionChangedError");
    expect(err.errorClass).toBe("INVALID_HANDLE.SESSION_CHANGED");
    expect(err.messageParameters).toEqual({ partialResult: "false" });
    expect(err.message).toMatch(/no part of the result had arrived$/);
  });

  test("the server's RetryInfo sets the wait, even for a code that is not retried otherwise", async () => {
    const { client, calls, sleeps } = harness(
      (calls) => ({
        async *executePlan() {
          yield response("r1");
          throw withRetryInfo("too many requests, come back later", Code.ResourceExhausted, 7);
        },
        async *reattachExecute(req) {
          calls.reattaches.push(req);
          yield response("r2", "complete");
        },
      }),
      { retryPolicy: { jitterMs: 0 } },
    );
    expect(await ids(client.execute(plan))).toEqual(["r1", "r2"]);
    expect(sleeps).toEqual([7_000]);
    expect(calls.reattaches).toHaveLength(1);
  });

  test("RetryInfo with the default policy: the server's delay plus at most 500 ms of jitter", async () => {
    let failed = false;
    const { client, sleeps } = harness(() => ({
      async *executePlan() {
        yield response("r1");
        if (!failed) {
          failed = true;
          throw withRetryInfo("busy", Code.Unavailable, 3);
        }
      },
      async *reattachExecute() {
        yield response("r2", "complete");
      },
    }));
    expect(await ids(client.execute(plan))).toEqual(["r1", "r2"]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(3_000);
    expect(sleeps[0]).toBeLessThanOrEqual(3_500);
  });

  for (const [label, retryPolicy] of [
    ["retryPolicy: false", false],
    ["maxRetries: 0", { maxRetries: 0 }],
  ] as [string, RetryPolicyOptions | false][]) {
    test(`retries disabled (${label}): a transient failure fails at once`, async () => {
      const { client, calls, sleeps } = harness(
        (calls) => ({
          async *executePlan() {
            calls.log.push("execute");
            yield response("r1");
            throw new ConnectError("blip", Code.Unavailable);
          },
          async *reattachExecute() {
            calls.log.push("reattach");
            yield response("r2", "complete");
          },
        }),
        { retryPolicy },
      );
      expect(client.retryPolicy.maxRetries).toBe(0);
      const err = await failure(client.execute(plan));
      expect(err).toBeInstanceOf(SparkConnectionError);
      expect((err as SparkError).errorClass).toBe("CONNECTION_UNAVAILABLE");
      expect(sleeps).toEqual([]);
      expect(calls.log.filter((l) => !l.startsWith("release"))).toEqual(["execute"]);
    });
  }

  test("retries disabled: a stream the server ends early is still reattached", async () => {
    const { client } = harness(
      () => ({
        async *executePlan() {
          yield response("r1");
        },
        async *reattachExecute() {
          yield response("r2", "complete");
        },
      }),
      { retryPolicy: false },
    );
    expect(await ids(client.execute(plan))).toEqual(["r1", "r2"]);
  });

  test("a custom canRetry decides what is retried", async () => {
    const { client, sleeps } = harness(
      () => ({
        async *executePlan() {
          yield response("r1");
          throw new ConnectError("flaky", Code.Aborted);
        },
        async *reattachExecute() {
          yield response("r2", "complete");
        },
      }),
      { retryPolicy: { canRetry: (e) => e.code === Code.Aborted, initialBackoffMs: 10 } },
    );
    expect(await ids(client.execute(plan))).toEqual(["r1", "r2"]);
    expect(sleeps).toEqual([10]);
  });

  test("aborting during a backoff cancels: the operation is interrupted and released", async () => {
    const controller = new AbortController();
    const { client, calls } = harness(
      (calls) => ({
        async *executePlan() {
          calls.log.push("execute");
          yield response("r1");
          throw new ConnectError("blip", Code.Unavailable);
        },
      }),
      {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
            controller.abort(new Error("user pressed Cancel"));
          }),
      },
    );
    const operationId = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    const err = await failure(client.execute(plan, { operationId, signal: controller.signal }));
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect((err as SparkCancelledError).errorClass).toBe("OPERATION_CANCELED");
    expect((err as SparkCancelledError).message).toMatch(/user pressed Cancel/);
    expect(calls.log.filter((l) => !l.startsWith("release until"))).toEqual([
      "execute",
      `interrupt ${operationId}`,
      "release all",
    ]);
  });

  test("releaseUntil is best effort: one in flight at a time, later ids merged, failures ignored", async () => {
    let unblock: () => void = () => undefined;
    const blocked = new Promise<void>((r) => {
      unblock = r;
    });
    const { client, calls } = harness((calls) => ({
      async *executePlan() {
        for (let i = 1; i <= 5; i++) yield response(`r${i}`);
        yield response("r6", "complete");
      },
      async releaseExecute(req) {
        calls.releases.push(req);
        if (req.release.case === "releaseUntil") {
          calls.log.push(`release until ${req.release.value.responseId}`);
          if (req.release.value.responseId === "r1") await blocked;
          throw new ConnectError("release failed", Code.Unavailable);
        }
        calls.log.push("release all");
        return { sessionId: SESSION, serverSideSessionId: "srv-1", operationId: req.operationId };
      },
    }));
    const seen: string[] = [];
    for await (const r of client.execute(plan)) {
      seen.push(r.responseId);
      if (r.responseId === "r4") await settle();
    }
    unblock();
    await settle();
    expect(seen).toEqual(["r1", "r2", "r3", "r4", "r5", "r6"]);
    // While the first release hung, the stream went on; only one call with the newest id followed,
    // and none after the final release.
    expect(calls.log).toEqual(["release until r1", "release all"]);
  });

  test("by default consumed responses are released in groups: every 32 responses, or 8 MiB of Arrow data", async () => {
    const big = (id: string) =>
      create(ExecutePlanResponseSchema, {
        sessionId: SESSION,
        serverSideSessionId: "srv-1",
        operationId: "op",
        responseId: id,
        responseType: {
          case: "arrowBatch",
          value: { rowCount: 0n, data: new Uint8Array(5 * 1024 * 1024) },
        },
      });
    const { client, calls } = harness(
      (calls) => ({
        async *executePlan() {
          for (let i = 1; i <= 70; i++) yield response(`r${i}`);
          yield big("b1"); // 5 MiB: not yet 8
          yield big("b2"); // 10 MiB since the last release
          yield response("end", "complete");
        },
        async releaseExecute(req) {
          calls.releases.push(req);
          calls.log.push(
            req.release.case === "releaseUntil"
              ? `release until ${req.release.value.responseId}`
              : "release all",
          );
          return { sessionId: SESSION, serverSideSessionId: "srv-1", operationId: req.operationId };
        },
      }),
      // The default counts; no time limit, so that a slow machine cannot add a release.
      { releaseEvery: { ...RELEASE_EVERY, ms: Number.POSITIVE_INFINITY } },
    );
    for await (const r of client.execute(plan)) {
      // Let each release finish before the next response, so none is merged into another.
      if (r.responseId) await settle();
    }
    await settle();
    expect(calls.log).toEqual([
      "release until r32",
      "release until r64",
      "release until b2",
      "release all",
    ]);
  });

  test("the final releaseAll is retried a few times, in the background", async () => {
    let releases = 0;
    const { client, sleeps } = harness(() => ({
      async *executePlan() {
        yield response("r1", "complete");
      },
      async releaseExecute(req) {
        releases++;
        if (releases < 3) throw new ConnectError("blip", Code.Unavailable);
        return { sessionId: SESSION, serverSideSessionId: "srv-1", operationId: req.operationId };
      },
    }));
    expect(await ids(client.execute(plan))).toEqual(["r1"]);
    await settle();
    expect(releases).toBe(3);
    expect(sleeps).toEqual([50, 200]);
  });

  test("a consumer that stops early releases the operation", async () => {
    const { client, calls } = harness(() => ({
      async *executePlan() {
        yield response("r1");
        yield response("r2");
        yield response("r3", "complete");
      },
    }));
    for await (const r of client.execute(plan)) {
      if (r.responseId === "r1") break;
    }
    await settle();
    expect(calls.log.at(-1)).toBe("release all");
    expect(calls.releases.at(-1)?.release.case).toBe("releaseAll");
  });

  test("a changed server-side session id fails the operation", async () => {
    const { client } = harness(() => ({
      async *executePlan() {
        yield response("r1", "batch", "srv-1");
        yield response("r2", "batch", "srv-2");
      },
    }));
    const err = (await failure(client.execute(plan))) as SparkSessionChangedError;
    expect(err).toBeInstanceOf(SparkSessionChangedError);
    expect(err.name).toBe("SparkSessionChangedError");
    expect(err.errorClass).toBe("SESSION_CHANGED");
    expect(err.messageParameters).toEqual({ partialResult: "true" });
    expect(err.message).toBe(
      "[SESSION_CHANGED] the server-side session changed (srv-1 → srv-2): the server restarted or the session is gone; create a new SparkSession; part of the result had arrived",
    );
  });

  test("a request over the size limit fails before it is sent", async () => {
    let sent = false;
    const { client } = harness(
      () => ({
        async *executePlan() {
          sent = true;
          yield response("r1", "complete");
        },
      }),
      { maxMessageSize: 10 },
    );
    const err = await failure(client.execute(plan));
    expect((err as { errorClass?: string }).errorClass).toBe("REQUEST_TOO_LARGE");
    expect(sent).toBe(false);
  });
});

describe("SparkConnectClient unary calls", () => {
  const analyzeResponse = {
    sessionId: SESSION,
    serverSideSessionId: "srv-1",
    result: { case: "sparkVersion" as const, value: { version: "4.1.4" } },
  };
  const version = { case: "sparkVersion" as const, value: {} };

  test("a transient failure is retried with backoff", async () => {
    let calls = 0;
    const { client, sleeps } = harness(() => ({
      async analyzePlan() {
        calls++;
        if (calls < 3) throw new ConnectError("no healthy upstream", Code.Unavailable);
        return analyzeResponse;
      },
    }));
    const response = await client.analyze(version);
    expect(response.result.case).toBe("sparkVersion");
    expect(calls).toBe(3);
    expect(sleeps).toEqual([50, 200]);
  });

  test("onRetry sees each retry: the typed error, its number and the wait", async () => {
    let calls = 0;
    const events: string[] = [];
    const { client } = harness(
      () => ({
        async analyzePlan() {
          calls++;
          if (calls < 3) throw new ConnectError("no healthy upstream", Code.Unavailable);
          return analyzeResponse;
        },
      }),
      {
        onRetry: (e) => {
          events.push(`${e.attempt} ${e.delayMs} ${e.error.errorClass} ${e.operationId}`);
          throw new Error("a broken callback does not break the call");
        },
      },
    );
    expect((await client.analyze(version)).result.case).toBe("sparkVersion");
    expect(events).toEqual([
      "1 50 CONNECTION_UNAVAILABLE undefined",
      "2 200 CONNECTION_UNAVAILABLE undefined",
    ]);
  });

  test("the server's RetryInfo sets the wait", async () => {
    let calls = 0;
    const { client, sleeps } = harness(
      () => ({
        async analyzePlan() {
          calls++;
          if (calls === 1) throw withRetryInfo("slow down", Code.ResourceExhausted, 2);
          return analyzeResponse;
        },
      }),
      { retryPolicy: { jitterMs: 0 } },
    );
    await client.analyze(version);
    expect(sleeps).toEqual([2_000]);
  });

  test("a server error is not retried", async () => {
    let calls = 0;
    const { client, sleeps } = harness(() => ({
      async analyzePlan() {
        calls++;
        throw serverError("INTERNAL_ERROR", "boom");
      },
    }));
    const err = await client.analyze(version).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownSparkError);
    expect((err as SparkError).errorClass).toBe("INTERNAL_ERROR");
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test("retries disabled: the first failure is final", async () => {
    let calls = 0;
    const { client, sleeps } = harness(
      () => ({
        async analyzePlan() {
          calls++;
          throw new ConnectError("down", Code.Unavailable);
        },
      }),
      { retryPolicy: false },
    );
    const err = await client.analyze(version).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect((err as SparkError).errorClass).toBe("CONNECTION_UNAVAILABLE");
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test("aborting during a backoff rejects with a cancellation error", async () => {
    const controller = new AbortController();
    const { client } = harness(
      () => ({
        async analyzePlan() {
          throw new ConnectError("down", Code.Unavailable);
        },
      }),
      {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
            controller.abort(new Error("navigated away"));
          }),
      },
    );
    const err = await client.analyze(version, { signal: controller.signal }).catch((e) => e);
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect((err as SparkError).errorClass).toBe("OPERATION_CANCELED");
    expect((err as SparkCancelledError).message).toMatch(/navigated away/);
  });

  test("housekeeping calls get at most three retries: a gone server does not hold the caller", async () => {
    let calls = 0;
    const { client, sleeps } = harness(() => ({
      async releaseSession() {
        calls++;
        throw new ConnectError("down", Code.Unavailable);
      },
    }));
    const err = await client.releaseSession().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect((err as SparkError).errorClass).toBe("CONNECTION_UNAVAILABLE");
    expect(calls).toBe(4);
    expect(sleeps).toEqual([50, 200, 800]);
  });

  test("an invalid retry policy is refused when the client is made", () => {
    const transport = createRouterTransport(() => undefined);
    expect(
      () => new SparkConnectClient({ transport, retryPolicy: { maxRetries: -1 } }),
    ).toThrowError(/maxRetries/);
  });
});

describe("interrupts, deadlines and stop", () => {
  /** A Sail-like answer to the reattach of an operation it no longer knows. */
  function sailNotFound(): ConnectError {
    return new ConnectError("operation not found", Code.Internal, undefined, [
      {
        desc: ErrorInfoSchema,
        value: {
          reason: "java.lang.IllegalArgumentException",
          domain: "org.apache.spark",
          metadata: { classes: JSON.stringify(["java.lang.IllegalArgumentException"]) },
        },
      },
    ]);
  }

  /**
   * A server that sends one batch, waits for an interrupt, then ends the stream without
   * ResultComplete and answers the reattach as Sail does.
   */
  function interruptible() {
    let interrupted: () => void = () => undefined;
    const gotInterrupt = new Promise<void>((r) => {
      interrupted = r;
    });
    return harness((calls) => ({
      async *executePlan() {
        calls.log.push("execute");
        yield response("r1");
        await gotInterrupt;
      },
      async *reattachExecute(req) {
        calls.log.push(`reattach ${req.lastResponseId ?? "(none)"}`);
        yield* [];
        throw sailNotFound();
      },
      async interrupt(req) {
        calls.log.push(`interrupt ${req.interrupt.case ?? "all"} ${String(req.interrupt.value)}`);
        interrupted();
        return { sessionId: SESSION, serverSideSessionId: "srv-1", interruptedIds: [] };
      },
    }));
  }

  const OP = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

  test.each([
    ["all", { all: true } as const, "interrupt all undefined"],
    ["tag", { tag: "nightly" } as const, "interrupt operationTag nightly"],
    ["id", { operationId: OP } as const, `interrupt operationId ${OP}`],
  ])(
    "interrupted by %s, then 'operation not found' on reattach (Sail): cancelled",
    async (_name, target, logged) => {
      const { client, calls } = interruptible();
      const seen: string[] = [];
      const run = failure(client.execute(plan, { operationId: OP, tags: ["nightly"] }), seen);
      await settle();
      await client.interrupt(target);
      const err = (await run) as SparkCancelledError;
      expect(seen).toEqual(["r1"]);
      expect(err).toBeInstanceOf(SparkCancelledError);
      expect(err.name).toBe("SparkCancelledError");
      expect(err.errorClass).toBe("OPERATION_CANCELED");
      expect(err.message).toBe(`[OPERATION_CANCELED] operation ${OP} was cancelled`);
      expect(err.messageParameters).toEqual({ operationId: OP });
      expect((err.cause as SparkError).name).toBe("IllegalArgumentError");
      expect(calls.log.filter((l) => !l.startsWith("release until"))).toEqual([
        "execute",
        logged,
        "reattach r1",
        "release all",
      ]);
    },
  );

  test("an interrupt of another tag or id does not turn 'operation not found' into a cancellation", async () => {
    for (const target of [
      { tag: "other" },
      { operationId: "bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee" },
    ]) {
      const { client } = interruptible();
      const run = failure(client.execute(plan, { operationId: OP, tags: ["nightly"] }));
      await settle();
      await client.interrupt(target); // the scripted server ends the stream on any interrupt
      const err = (await run) as SparkError;
      expect(err.name).toBe("SparkProtocolError");
      expect(err.errorClass).toBe("RESPONSE_ALREADY_RECEIVED");
      expect(err.messageParameters).toEqual({
        error_type: "INVALID_HANDLE.OPERATION_NOT_FOUND",
        partialResult: "true",
      });
      expect((err.cause as SparkError).name).toBe("IllegalArgumentError");
    }
  });

  test("an aborted signal rejects at once, while the Interrupt RPC is still pending", async () => {
    let interruptPending = false;
    const { client } = harness(() => ({
      async *executePlan(_req, ctx) {
        yield response("r1");
        // A frozen server: nothing more, ever (until the call is cancelled).
        await new Promise((_r, reject) => ctx.signal.addEventListener("abort", reject));
      },
      async interrupt() {
        interruptPending = true;
        return new Promise(() => undefined); // never answers
      },
    }));
    const controller = new AbortController();
    const seen: string[] = [];
    const run = failure(client.execute(plan, { operationId: OP, signal: controller.signal }), seen);
    await settle();
    controller.abort({ code: 42, why: "deadline" });
    const err = (await run) as SparkCancelledError;
    expect(interruptPending).toBe(true);
    expect(seen).toEqual(["r1"]);
    expect(err.name).toBe("SparkCancelledError");
    expect(err.errorClass).toBe("OPERATION_CANCELED");
    // A plain-object reason shows as JSON, not [object Object].
    expect(err.message).toBe(
      `[OPERATION_CANCELED] operation ${OP} was cancelled: {"code":42,"why":"deadline"}`,
    );
  });

  test("close() against a gone server: three quick retries per call, then done", async () => {
    const attempts: string[] = [];
    const { client, sleeps } = harness(() => ({
      async interrupt() {
        attempts.push("interrupt");
        throw new ConnectError("connect ECONNREFUSED", Code.Unavailable);
      },
      async releaseSession() {
        attempts.push("release");
        throw new ConnectError("connect ECONNREFUSED", Code.Unavailable);
      },
    }));
    await expect(client.close()).resolves.toBeUndefined();
    expect(attempts).toEqual([...Array(4).fill("interrupt"), ...Array(4).fill("release")]);
    expect(sleeps).toEqual([50, 200, 800, 50, 200, 800]);
  });

  test("close() against a frozen server returns within its budget", async () => {
    const { client } = harness(() => ({
      async interrupt(_req, ctx) {
        return new Promise((_r, reject) => ctx.signal.addEventListener("abort", reject));
      },
      async releaseSession(_req, ctx) {
        return new Promise((_r, reject) => ctx.signal.addEventListener("abort", reject));
      },
    }));
    const started = Date.now();
    await client.close();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(CLOSE_BUDGET_MS - 50);
    expect(took).toBeLessThan(CLOSE_BUDGET_MS + 1_000);
  }, 10_000);
});

describe("describeReason", () => {
  test.each([
    [new Error("boom"), "boom"],
    ["plain", "plain"],
    [{ message: "from an object" }, "from an object"],
    [{ code: 7, big: 1n }, '{"code":7,"big":"1"}'],
    [42, "42"],
  ])("case %#", (reason, text) => {
    expect(describeReason(reason)).toBe(text);
  });
  test("a circular object falls back to String()", () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(describeReason(o)).toBe("[object Object]");
  });
});

describe("timeoutMs: an overall deadline", () => {
  const down = () => new ConnectError("connect ECONNREFUSED 127.0.0.1:1", Code.Unavailable);

  test("the session's timeoutMs ends a retried action with DEADLINE_EXCEEDED naming the last error", async () => {
    const { client, calls } = harness(
      (calls) => ({
        async *executePlan() {
          calls.log.push("execute");
          yield* [];
          throw down();
        },
        async *reattachExecute() {
          calls.log.push("reattach");
          yield* [];
          throw down();
        },
      }),
      { timeoutMs: 300, sleep: timerSleep },
    );
    const started = Date.now();
    const err = (await failure(client.execute(plan, { operationId: OP_ID }))) as SparkError;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err.name).toBe("SparkCancelledError");
    expect(err.errorClass).toBe("DEADLINE_EXCEEDED");
    expect(err.messageParameters).toEqual({ timeoutMs: "300", operationId: OP_ID });
    expect(err.message).toBe(
      `[DEADLINE_EXCEEDED] operation ${OP_ID} was cancelled: [DEADLINE_EXCEEDED] the deadline of 300 ms (timeoutMs) passed; the last error: [CONNECTION_UNAVAILABLE] connect ECONNREFUSED 127.0.0.1:1. Check that the Spark Connect server (and the proxy in front of it, if any) is running and reachable`,
    );
    expect((err.cause as SparkError).errorClass).toBe("CONNECTION_UNAVAILABLE");
    expect(calls.log).toContain(`interrupt ${OP_ID}`);
  });

  test("a call's own timeoutMs replaces the session's, for unary calls too", async () => {
    const { client } = harness(
      () => ({
        async analyzePlan() {
          throw down();
        },
      }),
      { timeoutMs: 60_000, sleep: timerSleep },
    );
    const started = Date.now();
    const err = (await client
      .analyze({ case: "sparkVersion", value: {} }, { timeoutMs: 200 })
      .catch((e: unknown) => e)) as SparkError;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err.name).toBe("SparkCancelledError");
    expect(err.errorClass).toBe("DEADLINE_EXCEEDED");
    expect(err.message).toMatch(
      /^\[DEADLINE_EXCEEDED\] the call was cancelled: \[DEADLINE_EXCEEDED\] the deadline of 200 ms \(timeoutMs\) passed; the last error: \[CONNECTION_UNAVAILABLE\] connect ECONNREFUSED/,
    );
  });

  test("timeoutMs must be a positive number", () => {
    const transport = createRouterTransport(() => undefined);
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      let err: unknown;
      try {
        new SparkConnectClient({ transport, timeoutMs });
      } catch (e) {
        err = e;
      }
      expect((err as SparkError).name).toBe("SparkArgumentError");
      expect((err as SparkError).errorClass).toBe("INVALID_TIMEOUT");
    }
  });
});

describe("background calls after close()", () => {
  test("close() aborts the background Interrupt of a cancelled action, and later ones never start", async () => {
    const aborted: string[] = [];
    let interrupts = 0;
    const { client } = harness(() => ({
      async *executePlan(_req, ctx) {
        yield response("r1");
        await new Promise((_r, reject) => ctx.signal.addEventListener("abort", reject));
      },
      async interrupt(req, ctx) {
        interrupts++;
        const which = req.interrupt.case ?? "all";
        return new Promise((_r, reject) =>
          ctx.signal.addEventListener("abort", () => {
            aborted.push(which);
            reject(new ConnectError("aborted", Code.Canceled));
          }),
        );
      },
      async releaseSession(req) {
        return { sessionId: req.sessionId, serverSideSessionId: "srv-1" };
      },
    }));
    const controller = new AbortController();
    const run = failure(client.execute(plan, { operationId: OP_ID, signal: controller.signal }));
    await settle();
    controller.abort();
    expect(((await run) as SparkError).errorClass).toBe("OPERATION_CANCELED");
    expect(interrupts).toBe(1);
    await client.close();
    await settle();
    // The InterruptAll of close() ran out of its 2 s; the background one was aborted by close().
    expect(aborted.sort()).toEqual(["all", "operationId"]);
    // A cancellation after close() sends nothing more.
    const again = new AbortController();
    again.abort();
    await failure(client.execute(plan, { signal: again.signal }));
    await settle();
    expect(interrupts).toBe(2);
  }, 10_000);
});
