import { Code, ConnectError, type ConnectRouter } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import { UnsupportedOperationError } from "../errors.js";
import { col } from "../functions/core.js";
import { ErrorInfoSchema } from "../gen/google/rpc/error_details_pb.js";
import { SparkConnectService } from "../gen/spark/connect/base_pb.js";
import { TEST_SESSION_ID, testSession } from "../testing/session.js";
import { newerFeatures, olderThan } from "./capabilities.js";

/** Spark 4.2.1's real answer to a plan with a relation it does not know (seen live). */
function unsetRelation42(): ConnectError {
  return new ConnectError(
    "[CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET] The Spark Connect plan is invalid. This oneOf field in spark.connect.Relation is not set: RELTYPE_NOT_SET SQLSTATE: 56K00",
    Code.Internal,
    undefined,
    [
      {
        desc: ErrorInfoSchema,
        value: {
          reason: "org.apache.spark.sql.connect.planner.InvalidInputErrors",
          domain: "org.apache.spark",
          metadata: {
            errorClass: "CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET",
            sqlState: "56K00",
            messageParameters: JSON.stringify({
              fullName: "spark.connect.Relation",
              name: "RELTYPE_NOT_SET",
            }),
          },
        },
      },
    ],
  );
}

/** Spark 4.0.5's real answer (no error class, only the message). */
function unsetRelation40(): ConnectError {
  return new ConnectError("Expected Relation to be set, but is empty.", Code.Internal);
}

/** A scripted server of `version` that fails every plan with `answer`, counting calls. */
function server(version: string, answer: () => ConnectError) {
  const calls = { execute: 0, version: 0 };
  const routes = (router: ConnectRouter) =>
    router.service(SparkConnectService, {
      // biome-ignore lint/correctness/useYield: the server fails before any response.
      async *executePlan() {
        calls.execute++;
        throw answer();
      },
      async analyzePlan(req) {
        if (req.analyze.case !== "sparkVersion") throw answer();
        calls.version++;
        return {
          sessionId: TEST_SESSION_ID,
          serverSideSessionId: "s",
          result: { case: "sparkVersion", value: { version } },
        };
      },
    });
  return { calls, spark: testSession(routes) };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("did not reject");
}

describe("capability errors", () => {
  test("4.2's unset-relation answer to a Zip becomes UNSUPPORTED_BY_SERVER with the version", async () => {
    const { spark, calls } = server("4.2.1", unsetRelation42);
    const df = spark.range(3);
    const err = await rejection(
      df
        .select(col("id"))
        .zip(df.select(col("id")))
        .collect(),
    );
    expect(err).toBeInstanceOf(UnsupportedOperationError);
    const e = err as UnsupportedOperationError;
    expect(e.name).toBe("UnsupportedOperationError");
    expect(e.errorClass).toBe("UNSUPPORTED_BY_SERVER");
    expect(e.messageParameters).toEqual({
      feature: "the Zip relation (DataFrame.zip)",
      since: "4.3",
      serverVersion: "4.2.1",
    });
    expect(e.message).toBe(
      "[UNSUPPORTED_BY_SERVER] the Zip relation (DataFrame.zip) (Spark 4.3+) is not supported by this server (Spark 4.2.1)",
    );
    expect(e.code).toBe("internal");
    expect((e.cause as { errorClass?: string }).errorClass).toBe(
      "CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET",
    );
    expect(calls).toEqual({ execute: 1, version: 1 });
  });

  test("4.0's answer too, for schema (AnalyzePlan); after version() it throws before sending", async () => {
    const { spark, calls } = server("4.0.5", unsetRelation40);
    const df = spark.range(3);
    const zipped = df.select(col("id")).zip(df.select(col("id")));
    const first = (await rejection(zipped.schema())) as UnsupportedOperationError;
    expect([first.name, first.errorClass, first.messageParameters.serverVersion]).toEqual([
      "UnsupportedOperationError",
      "UNSUPPORTED_BY_SERVER",
      "4.0.5",
    ]);
    expect(await spark.version()).toBe("4.0.5");
    const before = (await rejection(zipped.collect())) as UnsupportedOperationError;
    expect([before.name, before.errorClass, before.cause]).toEqual([
      "UnsupportedOperationError",
      "UNSUPPORTED_BY_SERVER",
      undefined,
    ]);
    expect(calls.execute).toBe(0);
  });

  test("Sail's answer (missing argument: relation type) maps the same way", async () => {
    const { spark } = server(
      "4.2.0",
      () => new ConnectError("missing argument: relation type", Code.Internal),
    );
    const df = spark.range(3);
    const err = (await rejection(df.zip(df).collect())) as UnsupportedOperationError;
    expect([err.name, err.errorClass, err.messageParameters.serverVersion]).toEqual([
      "UnsupportedOperationError",
      "UNSUPPORTED_BY_SERVER",
      "4.2.0",
    ]);
  });

  test("the same answer for a plan with no newer feature stays the server's error", async () => {
    const { spark, calls } = server("4.0.5", unsetRelation40);
    const err = (await rejection(spark.range(3).collect())) as Error;
    expect(err).not.toBeInstanceOf(UnsupportedOperationError);
    expect(err.message).toBe("Expected Relation to be set, but is empty.");
    expect(calls).toEqual({ execute: 1, version: 0 });
  });

  test("newerFeatures finds nested relations once; olderThan compares major.minor", () => {
    const spark = testSession();
    const df = spark.range(1);
    const twice = df.zip(df).zip(df.zip(df));
    expect(newerFeatures(twice.toPlan())).toEqual([
      { feature: "the Zip relation (DataFrame.zip)", since: "4.3" },
    ]);
    expect(newerFeatures(df.toPlan())).toEqual([]);
    expect([
      olderThan("4.2.1", "4.3"),
      olderThan("4.3.0", "4.3"),
      olderThan("5.0.0", "4.3"),
    ]).toEqual([true, false, false]);
  });
});
