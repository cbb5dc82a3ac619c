import { create } from "@bufbuild/protobuf";
import { createRouterTransport } from "@connectrpc/connect";
import { afterEach, describe, expect, test } from "vitest";
import type { SparkError } from "./errors.js";
import { runCommand } from "./execution.js";
import { PlanSchema, SparkConnectService } from "./gen/spark/connect/base_pb.js";
import { INTERNALS } from "./internal.js";
import { SparkSession } from "./session.js";

const plan = create(PlanSchema, {});

/** A server that holds every ExecutePlan until `n` are open, then completes them all. */
function session(n: number, complete: boolean) {
  let open = 0;
  let release: () => void = () => undefined;
  const allOpen = new Promise<void>((r) => {
    release = r;
  });
  let reached: () => void = () => undefined;
  const reachedAll = new Promise<void>((r) => {
    reached = r;
  });
  const transport = createRouterTransport((router) =>
    router.service(SparkConnectService, {
      async *executePlan(req, ctx) {
        if (++open === n) {
          reached();
          if (complete) release();
        }
        await Promise.race([
          allOpen,
          new Promise((_r, reject) => ctx.signal.addEventListener("abort", reject)),
        ]);
        yield {
          sessionId: req.sessionId,
          serverSideSessionId: "srv-1",
          operationId: req.operationId,
          responseId: "done",
          responseType: { case: "resultComplete", value: {} },
        };
      },
      async releaseExecute(req) {
        return { sessionId: req.sessionId, serverSideSessionId: "srv-1" };
      },
      async interrupt(req) {
        return { sessionId: req.sessionId, serverSideSessionId: "srv-1", interruptedIds: [] };
      },
      async releaseSession(req) {
        return { sessionId: req.sessionId, serverSideSessionId: "srv-1" };
      },
    }),
  );
  return { spark: SparkSession.create({ transport }), reachedAll };
}

const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);
process.on("warning", onWarning);
afterEach(() => {
  warnings.length = 0;
});

describe("many concurrent actions on one session", () => {
  test("50 actions complete with no MaxListenersExceededWarning", async () => {
    const { spark } = session(50, true);
    const runs = Array.from({ length: 50 }, () => runCommand(spark[INTERNALS], plan, {}));
    const results = await Promise.all(runs);
    expect(results.map((r) => r.map((x) => x.responseId))).toEqual(
      Array.from({ length: 50 }, () => ["done"]),
    );
    await new Promise((r) => setTimeout(r, 10)); // warnings are emitted on a later tick
    expect(warnings.map((w) => w.name)).toEqual([]);
    await spark.stop();
  });

  test("stop() still cancels all 50, through one listener on the session's signal", async () => {
    const { spark, reachedAll } = session(50, false);
    const runs = Array.from({ length: 50 }, () =>
      runCommand(spark[INTERNALS], plan, {}).catch((e: unknown) => e as SparkError),
    );
    await reachedAll;
    await spark.stop();
    const errors = (await Promise.all(runs)) as SparkError[];
    expect(new Set(errors.map((e) => `${e.name} ${e.errorClass}`))).toEqual(
      new Set(["SparkCancelledError OPERATION_CANCELED"]),
    );
    expect(new Set(errors.map((e) => (e.cause as SparkError).errorClass))).toEqual(
      new Set(["SESSION_STOPPED"]),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(warnings.map((w) => w.name)).toEqual([]);
  });
});
