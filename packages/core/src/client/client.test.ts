import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, type ConnectRouter, createRouterTransport } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import { SparkConnectionError, SparkProtocolError } from "../errors.js";
import {
  type ExecutePlanResponse,
  ExecutePlanResponseSchema,
  PlanSchema,
  type ReattachExecuteRequest,
  SparkConnectService,
} from "../gen/spark/connect/base_pb.js";
import { SparkConnectClient } from "./client.js";

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

interface Calls {
  log: string[];
  reattaches: ReattachExecuteRequest[];
}

function client(routes: (router: ConnectRouter, calls: Calls) => void): {
  client: SparkConnectClient;
  calls: Calls;
} {
  const calls: Calls = { log: [], reattaches: [] };
  const transport = createRouterTransport((router) => routes(router, calls));
  return { client: new SparkConnectClient({ transport, sessionId: SESSION }), calls };
}

async function ids(gen: AsyncIterable<ExecutePlanResponse>): Promise<string[]> {
  const out: string[] = [];
  for await (const r of gen) out.push(r.responseId);
  return out;
}

describe("SparkConnectClient.execute", () => {
  test("basic flow: every response once, reattachable, then released", async () => {
    const { client: c, calls } = client((router, calls) =>
      router.service(SparkConnectService, {
        async *executePlan(req) {
          calls.log.push(
            `execute reattachable=${req.requestOptions[0]?.requestOption.case === "reattachOptions"}`,
          );
          yield response("r1");
          yield response("r2");
          yield response("r3", "complete");
        },
        async releaseExecute(req) {
          calls.log.push(`release ${req.release.case}`);
          return { sessionId: SESSION, serverSideSessionId: "srv-1", operationId: req.operationId };
        },
      }),
    );
    expect(await ids(c.execute(plan))).toEqual(["r1", "r2", "r3"]);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.log).toEqual(["execute reattachable=true", "release releaseAll"]);
  });

  test("a stream that ends without ResultComplete is reattached from the last response", async () => {
    const { client: c, calls } = client((router, calls) =>
      router.service(SparkConnectService, {
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
        async releaseExecute(req) {
          return { sessionId: SESSION, serverSideSessionId: "srv-1", operationId: req.operationId };
        },
      }),
    );
    expect(await ids(c.execute(plan))).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    expect(calls.reattaches.map((r) => r.lastResponseId)).toEqual(["r2", "r3"]);
  });

  test("a transient failure mid-stream reattaches; a fatal one fails with a typed error", async () => {
    let failed = false;
    const { client: c } = client((router) =>
      router.service(SparkConnectService, {
        async *executePlan() {
          yield response("r1");
          if (!failed) {
            failed = true;
            throw new ConnectError("blip", Code.Unavailable);
          }
        },
        async *reattachExecute() {
          yield response("r2", "complete");
        },
        async releaseExecute(req) {
          return { sessionId: SESSION, serverSideSessionId: "srv-1", operationId: req.operationId };
        },
      }),
    );
    expect(await ids(c.execute(plan))).toEqual(["r1", "r2"]);

    const { client: fatal } = client((router) =>
      router.service(SparkConnectService, {
        async *executePlan() {
          yield response("r1");
          throw new ConnectError("down for good", Code.Unavailable);
        },
        async *reattachExecute() {
          yield* [];
          throw new ConnectError("still down", Code.Unavailable);
        },
      }),
    );
    const err = await ids(fatal.execute(plan)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect((err as SparkConnectionError).errorClass).toBe("CONNECTION_UNAVAILABLE");
  });

  test("operation not found before the first response: the execute is sent again", async () => {
    let executes = 0;
    const { client: c } = client((router) =>
      router.service(SparkConnectService, {
        async *executePlan() {
          executes++;
          if (executes === 1) throw new ConnectError("lost", Code.Unavailable);
          yield response("r1", "complete");
        },
        async *reattachExecute() {
          yield* [];
          throw new ConnectError(
            "[INVALID_HANDLE.OPERATION_NOT_FOUND] no such operation",
            Code.Internal,
          );
        },
        async releaseExecute(req) {
          return { sessionId: SESSION, serverSideSessionId: "srv-1", operationId: req.operationId };
        },
      }),
    );
    expect(await ids(c.execute(plan))).toEqual(["r1"]);
    expect(executes).toBe(2);
  });

  test("operation not found after a partial response fails instead of duplicating rows", async () => {
    const { client: c } = client((router) =>
      router.service(SparkConnectService, {
        async *executePlan() {
          yield response("r1");
        },
        async *reattachExecute() {
          yield* [];
          throw new ConnectError("[INVALID_HANDLE.OPERATION_NOT_FOUND] gone", Code.Internal);
        },
      }),
    );
    const seen: string[] = [];
    const err = await (async () => {
      for await (const r of c.execute(plan)) seen.push(r.responseId);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["r1"]);
    expect((err as Error).message).toMatch(/OPERATION_NOT_FOUND/);
  });

  test("a changed server-side session id fails the operation", async () => {
    const { client: c } = client((router) =>
      router.service(SparkConnectService, {
        async *executePlan() {
          yield response("r1", "batch", "srv-1");
          yield response("r2", "batch", "srv-2");
        },
      }),
    );
    const err = await ids(c.execute(plan)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).errorClass).toBe("SESSION_CHANGED");
  });

  test("a request over the size limit fails before it is sent", async () => {
    let sent = false;
    const transport = createRouterTransport((router) =>
      router.service(SparkConnectService, {
        async *executePlan() {
          sent = true;
          yield response("r1", "complete");
        },
      }),
    );
    const c = new SparkConnectClient({ transport, sessionId: SESSION, maxMessageSize: 10 });
    const err = await ids(c.execute(plan)).catch((e: unknown) => e);
    expect((err as { errorClass?: string }).errorClass).toBe("REQUEST_TOO_LARGE");
    expect(sent).toBe(false);
  });
});
