import { describe, expect, test } from "vitest";
import type { DataFrame } from "./dataframe.js";
import { SparkCancelledError, type SparkError, SparkProtocolError } from "./errors.js";
import { SparkConnectService } from "./gen/spark/connect/base_pb.js";
import { testSession } from "./testing/session.js";

const SERVER_SESSION_ID = "server-side-1";

/**
 * A server whose AnalyzePlan never answers until the client goes away; `log` records the calls
 * and whether the server saw the client abort.
 */
function hangingAnalyze() {
  const log: string[] = [];
  let arrived: () => void = () => {};
  const analyzing = new Promise<void>((r) => {
    arrived = r;
  });
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async analyzePlan(request, context) {
        log.push(`analyze ${request.analyze.case}`);
        arrived();
        await new Promise((r) => context.signal.addEventListener("abort", r, { once: true }));
        log.push("analyze aborted");
        throw new Error("the client went away");
      },
      async interrupt(request) {
        log.push("interrupt all");
        return { sessionId: request.sessionId, serverSideSessionId: SERVER_SESSION_ID };
      },
      async releaseSession(request) {
        log.push("release session");
        return { sessionId: request.sessionId, serverSideSessionId: SERVER_SESSION_ID };
      },
    }),
  );
  return { spark, log, analyzing };
}

describe("analyze calls share the cancellation of actions", () => {
  test("stop() rejects a pending schema() as cancelled by the stop, and the call is aborted", async () => {
    const { spark, log, analyzing } = hangingAnalyze();
    const pending = spark
      .range(3)
      .schema()
      .catch((e: unknown) => e);
    await analyzing;
    await spark.stop();
    const err = await pending;
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect((err as SparkCancelledError).name).toBe("SparkCancelledError");
    expect((err as SparkCancelledError).errorClass).toBe("OPERATION_CANCELED");
    expect((err as SparkCancelledError).message).toBe(
      "[OPERATION_CANCELED] [SESSION_STOPPED] the SparkSession was stopped",
    );
    expect(log).toEqual(["analyze schema", "analyze aborted", "interrupt all", "release session"]);
  });

  test("a caller's signal cancels a pending explain(); the session stays usable", async () => {
    const { spark, log, analyzing } = hangingAnalyze();
    const controller = new AbortController();
    const pending = spark
      .range(3)
      .explain("simple", { signal: controller.signal, print: null })
      .catch((e: unknown) => e);
    await analyzing;
    controller.abort(new Error("the user pressed Cancel"));
    const err = await pending;
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect((err as SparkCancelledError).errorClass).toBe("OPERATION_CANCELED");
    expect((err as SparkCancelledError).message).toBe(
      "[OPERATION_CANCELED] the user pressed Cancel",
    );
    expect(log).toEqual(["analyze explain", "analyze aborted"]);
    expect(spark.isStopped).toBe(false);
  });

  test.each([
    ["isLocal", (df: DataFrame) => df.isLocal()],
    ["semanticHash", (df: DataFrame) => df.semanticHash()],
    ["inputFiles", (df: DataFrame) => df.inputFiles()],
    ["storageLevel", (df: DataFrame) => df.storageLevel()],
  ])("stop() also cancels a pending %s()", async (_name, call) => {
    const { spark: s, analyzing } = hangingAnalyze();
    const pending = call(s.range(1)).catch((e: unknown) => e);
    await analyzing;
    await s.stop();
    const err = await pending;
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect((err as SparkCancelledError).errorClass).toBe("OPERATION_CANCELED");
  });

  test("after stop(), analyze calls reject with SESSION_STOPPED and send nothing", async () => {
    const { spark, log } = hangingAnalyze();
    await spark.stop();
    const err = await spark
      .range(1)
      .schema()
      .catch((e: unknown) => e);
    expect((err as SparkError).name).toBe("SparkError");
    expect((err as SparkError).errorClass).toBe("SESSION_STOPPED");
    const version = await spark.version().catch((e: unknown) => e);
    expect((version as SparkError).errorClass).toBe("SESSION_STOPPED");
    expect(log).toEqual(["interrupt all", "release session"]);
  });
});

describe("analyze results are typed by their case", () => {
  function answering(result: { case: "schema"; value: object } | { case: undefined }) {
    return testSession((router) =>
      router.service(SparkConnectService, {
        async analyzePlan(request) {
          return {
            sessionId: request.sessionId,
            serverSideSessionId: SERVER_SESSION_ID,
            result: result as never,
          };
        },
      }),
    );
  }

  test("an answer of another case is a SparkProtocolError (MISSING_RESULT)", async () => {
    const spark = answering({ case: "schema", value: {} });
    const err = await spark
      .range(1)
      .isLocal()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).name).toBe("SparkProtocolError");
    expect((err as SparkProtocolError).errorClass).toBe("MISSING_RESULT");
    expect((err as SparkProtocolError).message).toBe(
      "[MISSING_RESULT] the server's answer lacked isLocal",
    );
  });

  test("an answer without a result is a SparkProtocolError for version() too", async () => {
    const spark = answering({ case: undefined });
    const err = await spark.version().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).errorClass).toBe("MISSING_RESULT");
    expect((err as SparkProtocolError).message).toBe(
      "[MISSING_RESULT] the server's answer lacked sparkVersion",
    );
  });

  test("a schema answer without its schema is a SparkProtocolError", async () => {
    const spark = answering({ case: "schema", value: {} });
    const err = await spark
      .range(1)
      .schema()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).message).toBe(
      "[MISSING_RESULT] the server's answer lacked schema",
    );
  });
});
