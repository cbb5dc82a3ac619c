import { create, type JsonValue, toJson } from "@bufbuild/protobuf";
import { createRouterTransport } from "@connectrpc/connect";
import { col, SparkArgumentError, SparkSession } from "@spark-connect/core";
import {
  type ExecutePlanRequest,
  ExecutePlanResponseSchema,
  PlanSchema,
  SparkConnectService,
} from "@spark-connect/core/proto";
import { describe, expect, test } from "vitest";
import { exampleExpression, exampleRecordNotes, exampleRegistry, exampleRepeat } from "./index.js";

const URL = "type.googleapis.com/spark_connect_ts.example.";

/** A session over an in-memory server that records ExecutePlan requests and answers ResultComplete. */
function scripted() {
  const requests: ExecutePlanRequest[] = [];
  const spark = SparkSession.create({
    transport: createRouterTransport((router) =>
      router.service(SparkConnectService, {
        async *executePlan(request) {
          requests.push(request);
          yield create(ExecutePlanResponseSchema, {
            sessionId: request.sessionId,
            serverSideSessionId: "srv",
            operationId: request.operationId,
            responseId: "r0",
            responseType: { case: "resultComplete", value: {} },
          });
        },
        async releaseExecute(request) {
          return { sessionId: request.sessionId, serverSideSessionId: "srv" };
        },
      }),
    ),
    sessionId: "00000000-0000-4000-8000-000000000000",
  });
  const sent = () =>
    requests.map((r) =>
      toJson(PlanSchema, r.plan ?? create(PlanSchema), { registry: exampleRegistry }),
    );
  return { spark, sent };
}

const plan = (json: string): JsonValue => JSON.parse(json) as JsonValue;

describe("the example library's client", () => {
  test("exampleExpression packs the child expression and the alias", () => {
    const { spark } = scripted();
    const df = spark.range(2).select(exampleExpression(col("id").multiply(10), "tens"), "id");
    expect(plan(df.toPlanJson({ registry: exampleRegistry }))).toEqual({
      root: {
        common: { planId: "1" },
        project: {
          input: { common: { planId: "0" }, range: { start: "0", end: "2", step: "1" } },
          expressions: [
            {
              extension: {
                "@type": `${URL}ExampleExpression`,
                child: {
                  unresolvedFunction: {
                    functionName: "*",
                    arguments: [
                      { unresolvedAttribute: { unparsedIdentifier: "id" } },
                      { literal: { integer: 10 } },
                    ],
                  },
                },
                customField: "tens",
              },
            },
            { unresolvedAttribute: { unparsedIdentifier: "id" } },
          ],
        },
      },
    });
  });

  test("exampleRepeat wraps the input DataFrame's relation; the default column is copy", () => {
    const { spark } = scripted();
    const df = exampleRepeat(spark.table("t"), 3).limit(5);
    expect(plan(df.toPlanJson({ registry: exampleRegistry }))).toEqual({
      root: {
        common: { planId: "2" },
        limit: {
          input: {
            common: { planId: "1" },
            extension: {
              "@type": `${URL}ExampleRepeat`,
              input: { common: { planId: "0" }, read: { namedTable: { unparsedIdentifier: "t" } } },
              times: 3,
              indexColumn: "copy",
            },
          },
          limit: 5,
        },
      },
    });
  });

  test("exampleRecordNotes runs the command at once", async () => {
    const { spark, sent } = scripted();
    await exampleRecordNotes(spark, "notes", ["a", "b"]);
    expect(sent()).toEqual([
      {
        command: {
          extension: { "@type": `${URL}ExampleRecordNotes`, viewName: "notes", notes: ["a", "b"] },
        },
      },
    ]);
  });

  test("bad arguments are SparkArgumentErrors before anything is sent", async () => {
    const { spark, sent } = scripted();
    const errors: [string, string | undefined][] = [];
    for (const call of [
      () => exampleExpression(42 as never, "x"),
      () => exampleExpression("id", undefined as never),
      () => exampleRepeat(spark.range(1), 1.5),
      () => exampleRepeat({} as never, 1),
      () => exampleRecordNotes(spark, "v", [1] as never),
    ]) {
      try {
        await call();
        errors.push(["no error", undefined]);
      } catch (e) {
        expect(e).toBeInstanceOf(SparkArgumentError);
        errors.push([(e as SparkArgumentError).name, (e as SparkArgumentError).errorClass]);
      }
    }
    expect(errors).toEqual([
      ["SparkArgumentError", "NOT_COLUMN_OR_STR"],
      ["SparkArgumentError", "NOT_STR"],
      ["SparkArgumentError", "NOT_INT"],
      ["SparkArgumentError", "NOT_DATAFRAME"],
      ["SparkArgumentError", "NOT_LIST_OF_STR"],
    ]);
    expect(sent()).toEqual([]);
  });
});
