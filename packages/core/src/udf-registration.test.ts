import { create, toJson } from "@bufbuild/protobuf";
import { expect, test } from "vitest";
import {
  type ExecutePlanRequest,
  ExecutePlanResponseSchema,
  PlanSchema,
  SparkConnectService,
} from "./gen/spark/connect/base_pb.js";
import { testSession } from "./testing/session.js";
import { LongType } from "./types/index.js";

function recording() {
  const requests: ExecutePlanRequest[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async *executePlan(request) {
        requests.push(request);
        yield create(ExecutePlanResponseSchema, {
          sessionId: request.sessionId,
          serverSideSessionId: "server-1",
          operationId: request.operationId,
          responseId: "done",
          responseType: { case: "resultComplete", value: {} },
        });
      },
      async releaseExecute(request) {
        return {
          sessionId: request.sessionId,
          serverSideSessionId: "server-1",
          operationId: request.operationId,
        };
      },
    }),
  );
  return {
    spark,
    sent: () => requests.map((r) => toJson(PlanSchema, r.plan ?? create(PlanSchema))),
  };
}

test("registerJavaFunction sends a registerFunction command with the Java class and return type", async () => {
  const { spark, sent } = recording();
  await spark.udf.registerJavaFunction("f", "a.F");
  await spark.udf.registerJavaFunction("g", "a.G", "BIGINT");
  await spark.udf.registerJavaFunction("h", "a.H", LongType.INSTANCE);
  const register = (name: string, javaUdf: object) => ({
    command: { registerFunction: { functionName: name, deterministic: true, javaUdf } },
  });
  const long = { long: {} };
  expect(sent()).toEqual([
    register("f", { className: "a.F" }),
    register("g", { className: "a.G", outputType: long }),
    register("h", { className: "a.H", outputType: long }),
  ]);
  const err = await spark.udf.registerJavaFunction("", "a.F").catch((e: unknown) => e);
  expect([(err as Error).name, (err as { errorClass?: string }).errorClass]).toEqual([
    "SparkArgumentError",
    "NOT_STR",
  ]);
});
