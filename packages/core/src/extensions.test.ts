import {
  create,
  createRegistry,
  type MessageInitShape,
  toBinary,
  toJson,
} from "@bufbuild/protobuf";
import { Code, ConnectError, createRouterTransport } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import { tableFromRows, tableToIpcStream } from "./arrow/index.js";
import { Column } from "./column.js";
import { DataFrame } from "./dataframe.js";
import {
  InvalidPlanInputError,
  SparkArgumentError,
  SparkCancelledError,
  SparkConnectError,
} from "./errors.js";
import { packExtension } from "./extensions.js";
import { col, lit } from "./functions/core.js";
import { ErrorInfoSchema } from "./gen/google/rpc/error_details_pb.js";
import {
  type ExecutePlanRequest,
  ExecutePlanResponseSchema,
  PlanSchema,
  SparkConnectService,
} from "./gen/spark/connect/base_pb.js";
import {
  ExamplePluginCommandSchema,
  ExamplePluginExpressionSchema,
  ExamplePluginRelationSchema,
  file_spark_connect_example_plugins,
} from "./gen/spark/connect/example_plugins_pb.js";
import { SparkSession } from "./session.js";
import { testSession } from "./testing/session.js";

// Spark's own example plugin messages (spark/connect/example_plugins.proto) stand in for a
// library's protocol: an expression with a child, a relation with an input, a command.
const registry = createRegistry(file_spark_connect_example_plugins);
const EXPRESSION_URL = "type.googleapis.com/spark.connect.ExamplePluginExpression";
const RELATION_URL = "type.googleapis.com/spark.connect.ExamplePluginRelation";
const COMMAND_URL = "type.googleapis.com/spark.connect.ExamplePluginCommand";

type ResponseInit = MessageInitShape<typeof ExecutePlanResponseSchema>["responseType"];

/** A session whose server records each ExecutePlan request and answers with `answer`, then ResultComplete. */
function scripted(answer: (request: ExecutePlanRequest) => ResponseInit[] = () => []) {
  const requests: ExecutePlanRequest[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async *executePlan(request) {
        requests.push(request);
        const types = [...answer(request), { case: "resultComplete" as const, value: {} }];
        for (const [i, responseType] of types.entries()) {
          yield create(ExecutePlanResponseSchema, {
            sessionId: request.sessionId,
            serverSideSessionId: "srv",
            operationId: request.operationId,
            responseId: `r${i}`,
            responseType,
          });
        }
      },
      async releaseExecute(request) {
        return {
          sessionId: request.sessionId,
          serverSideSessionId: "srv",
          operationId: request.operationId,
        };
      },
    }),
  );
  const sent = () =>
    requests.map((r) => toJson(PlanSchema, r.plan ?? create(PlanSchema), { registry }));
  return { spark, requests, sent };
}

/** The rejection of a call, failing when it does not throw. */
async function rejection(call: () => unknown): Promise<Error> {
  try {
    await call();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

describe("packExtension", () => {
  test("packs a message's binary encoding under type.googleapis.com/<full name>", () => {
    const init = { customField: "abc" };
    const any = packExtension(ExamplePluginCommandSchema, init);
    expect(any.typeUrl).toBe(COMMAND_URL);
    expect([...any.value]).toEqual([
      ...toBinary(ExamplePluginCommandSchema, create(ExamplePluginCommandSchema, init)),
    ]);
    expect([...any.value]).toEqual([0x0a, 3, 0x61, 0x62, 0x63]); // field 1, length 3, "abc"
  });

  test("takes a message too, and later changes to it do not reach the Any", () => {
    const message = create(ExamplePluginCommandSchema, { customField: "x" });
    const any = packExtension(ExamplePluginCommandSchema, message);
    message.customField = "changed";
    expect([...any.value]).toEqual([0x0a, 1, 0x78]);
  });

  test("rejects a message of another type, and a non-descriptor, with typed errors", async () => {
    const other = create(ExamplePluginCommandSchema, { customField: "x" });
    const wrong = await rejection(() => packExtension(ExamplePluginRelationSchema, other as never));
    expect(wrong).toBeInstanceOf(SparkArgumentError);
    expect([wrong.name, (wrong as SparkArgumentError).errorClass, wrong.message]).toEqual([
      "SparkArgumentError",
      "INVALID_TYPE",
      "[INVALID_TYPE] packExtension got a spark.connect.ExamplePluginCommand message for the spark.connect.ExamplePluginRelation descriptor",
    ]);
    const notSchema = await rejection(() => packExtension({} as never, {} as never));
    expect([notSchema.name, (notSchema as SparkArgumentError).errorClass]).toEqual([
      "SparkArgumentError",
      "INVALID_TYPE",
    ]);
  });
});

describe("plans with extensions", () => {
  test("Column.fromExtension renders with its own fields under @type when the registry has it", () => {
    const spark = testSession();
    const df = spark.range(3).select(
      Column.fromExtension(
        packExtension(ExamplePluginExpressionSchema, {
          child: col("id").plus(lit(1)).expr.toProto(),
          customField: "next",
        }),
      ),
    );
    expect(JSON.parse(df.toPlanJson({ registry }))).toEqual({
      root: {
        common: { planId: "1" },
        project: {
          input: { common: { planId: "0" }, range: { start: "0", end: "3", step: "1" } },
          expressions: [
            {
              extension: {
                "@type": EXPRESSION_URL,
                child: {
                  unresolvedFunction: {
                    functionName: "+",
                    arguments: [
                      { unresolvedAttribute: { unparsedIdentifier: "id" } },
                      { literal: { integer: 1 } },
                    ],
                  },
                },
                customField: "next",
              },
            },
          ],
        },
      },
    });
  });

  test("without the registry, toPlanJson names the unknown type in a typed error", async () => {
    const spark = testSession();
    const df = DataFrame.fromExtension(
      spark,
      packExtension(ExamplePluginRelationSchema, { customField: "x" }),
    );
    const err = await rejection(() => df.toPlanJson());
    expect(err).toBeInstanceOf(SparkArgumentError);
    expect([err.name, (err as SparkArgumentError).errorClass, err.message]).toEqual([
      "SparkArgumentError",
      "EXTENSION_NOT_REGISTERED",
      `[EXTENSION_NOT_REGISTERED] the plan holds an extension of type ${RELATION_URL}, which is not in the registry: pass toPlanJson({ registry }) with its descriptor`,
    ]);
  });

  test("DataFrame.fromExtension is a DataFrame like any other: filter, select and join on it", () => {
    const spark = testSession();
    const input = spark.range(2);
    const ext = DataFrame.fromExtension(
      spark,
      packExtension(ExamplePluginRelationSchema, {
        input: input.toPlan().opType.value as never,
        customField: "c",
      }),
    );
    const df = ext.filter(col("id").gt(0)).join(spark.table("t"), "id").select("id");
    const extension = {
      common: { planId: "1" },
      extension: {
        "@type": RELATION_URL,
        input: { common: { planId: "0" }, range: { start: "0", end: "2", step: "1" } },
        customField: "c",
      },
    };
    expect(JSON.parse(df.toPlanJson({ registry }))).toEqual({
      root: {
        common: { planId: "5" },
        project: {
          input: {
            common: { planId: "4" },
            join: {
              left: {
                common: { planId: "2" },
                filter: {
                  input: extension,
                  condition: {
                    unresolvedFunction: {
                      functionName: ">",
                      arguments: [
                        { unresolvedAttribute: { unparsedIdentifier: "id" } },
                        { literal: { integer: 0 } },
                      ],
                    },
                  },
                },
              },
              right: { common: { planId: "3" }, read: { namedTable: { unparsedIdentifier: "t" } } },
              joinType: "JOIN_TYPE_INNER",
              usingColumns: ["id"],
            },
          },
          expressions: [{ unresolvedAttribute: { unparsedIdentifier: "id" } }],
        },
      },
    });
  });

  test("a value that is not an Any is a typed error, not a protobuf one", async () => {
    const spark = testSession();
    for (const call of [
      () => Column.fromExtension({ typeUrl: "x" } as never),
      () => DataFrame.fromExtension(spark, null as never),
      () => spark.executeCommand("nope" as never),
    ]) {
      const err = await rejection(call);
      expect([err.name, (err as SparkArgumentError).errorClass]).toEqual([
        "SparkArgumentError",
        "INVALID_TYPE",
      ]);
    }
    const noSession = await rejection(() =>
      DataFrame.fromExtension({} as never, packExtension(ExamplePluginCommandSchema, {})),
    );
    expect([noSession.name, (noSession as SparkArgumentError).errorClass]).toEqual([
      "SparkArgumentError",
      "NOT_SPARK_SESSION",
    ]);
  });
});

describe("executeCommand", () => {
  const command = () => packExtension(ExamplePluginCommandSchema, { customField: "go" });

  test("sends the Any as the plan's command, with the session's tags; a plugin that sends nothing gives an empty result", async () => {
    const { spark, requests, sent } = scripted();
    spark.addTag("lib");
    const result = await spark.executeCommand(command());
    expect(sent()).toEqual([
      { command: { extension: { "@type": COMMAND_URL, customField: "go" } } },
    ]);
    expect(requests[0]!.tags).toEqual(["lib"]);
    expect(result.table).toBeUndefined();
    expect(result.rows).toEqual([]);
    expect(result.dataFrame).toBeUndefined();
    expect(result.responses.map((r) => r.responseType.case)).toEqual(["resultComplete"]);
  });

  test("rows the plugin streams back come as a Table and Rows", async () => {
    const table = tableFromRows(
      [
        [1, "a"],
        [2, "b"],
      ],
      [
        { name: "position", type: { kind: "integer" }, nullable: false },
        { name: "note", type: { kind: "string" }, nullable: false },
      ],
    );
    const { spark } = scripted(() => [
      { case: "arrowBatch", value: { rowCount: 2n, data: tableToIpcStream(table) } },
    ]);
    const result = await spark.executeCommand(command());
    expect(result.table?.numRows).toBe(2);
    expect(result.rows.map((r) => r.asDict())).toEqual([
      { position: 1, note: "a" },
      { position: 2, note: "b" },
    ]);
    expect(result.dataFrame).toBeUndefined();
  });

  test("a SQL command result's relation comes back as a DataFrame of the session", async () => {
    const { spark } = scripted(() => [
      {
        case: "sqlCommandResult",
        value: { relation: { relType: { case: "sql", value: { query: "SELECT 1" } } } },
      },
    ]);
    const result = await spark.executeCommand(command());
    expect(result.rows).toEqual([]);
    expect(toJson(PlanSchema, result.dataFrame!.toPlan())).toEqual({
      root: { common: { planId: "0" }, sql: { query: "SELECT 1" } },
    });
  });

  test("an aborted signal cancels it like any action", async () => {
    const { spark } = scripted();
    const controller = new AbortController();
    controller.abort();
    const err = await rejection(() =>
      spark.executeCommand(command(), { signal: controller.signal }),
    );
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect([err.name, (err as SparkCancelledError).errorClass]).toEqual([
      "SparkCancelledError",
      "OPERATION_CANCELED",
    ]);
  });

  test("a stream the server drops is reattached, as every action's", async () => {
    const calls: string[] = [];
    const done = (request: { sessionId: string; operationId: string }) =>
      create(ExecutePlanResponseSchema, {
        sessionId: request.sessionId,
        serverSideSessionId: "srv",
        operationId: request.operationId,
        responseId: "r0",
        responseType: { case: "resultComplete", value: {} },
      });
    const spark = SparkSession.create({
      transport: createRouterTransport((router) =>
        router.service(SparkConnectService, {
          // biome-ignore lint/correctness/useYield: the first stream fails before any response
          async *executePlan() {
            calls.push("ExecutePlan");
            throw new ConnectError("connection reset", Code.Unavailable);
          },
          async *reattachExecute(request) {
            calls.push(`ReattachExecute ${request.operationId === "" ? "without" : "with"} id`);
            yield done(request);
          },
          async releaseExecute(request) {
            calls.push("ReleaseExecute");
            return { sessionId: request.sessionId, serverSideSessionId: "srv" };
          },
        }),
      ),
      sleep: async () => {},
    });
    const result = await spark.executeCommand(command());
    // (The release that follows is sent without waiting for it.)
    expect(calls.slice(0, 2)).toEqual(["ExecutePlan", "ReattachExecute with id"]);
    expect(result.responses.map((r) => r.responseType.case)).toEqual(["resultComplete"]);
  });
});

describe("an extension the server has no plugin for", () => {
  test("is an InvalidPlanInputError (as PySpark's InvalidPlanInput) with the server's message", async () => {
    const spark = testSession((router) =>
      router.service(SparkConnectService, {
        // biome-ignore lint/correctness/useYield: the server fails the plan before any response
        async *executePlan() {
          throw new ConnectError("No handler found for extension", Code.Internal, undefined, [
            {
              desc: ErrorInfoSchema,
              value: {
                reason: "org.apache.spark.sql.connect.common.InvalidPlanInput",
                domain: "org.apache.spark",
                metadata: {
                  classes: JSON.stringify([
                    "org.apache.spark.sql.connect.common.InvalidPlanInput",
                    "java.lang.Exception",
                  ]),
                },
              },
            },
          ]);
        },
      }),
    );
    const df = DataFrame.fromExtension(
      spark,
      packExtension(ExamplePluginRelationSchema, { customField: "x" }),
    );
    const err = await rejection(() => df.collect());
    expect(err).toBeInstanceOf(InvalidPlanInputError);
    expect(err).toBeInstanceOf(SparkConnectError);
    expect([err.name, err.message, (err as SparkConnectError).serverClasses]).toEqual([
      "InvalidPlanInputError",
      "No handler found for extension",
      ["org.apache.spark.sql.connect.common.InvalidPlanInput", "java.lang.Exception"],
    ]);
  });
});
