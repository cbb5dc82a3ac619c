import { create } from "@bufbuild/protobuf";
import { afterEach, describe, expect, test, vi } from "vitest";
import { type ColumnDescriptor, tableFromRows, tableToIpcStream } from "./arrow/index.js";
import {
  type AnalyzePlanRequest,
  AnalyzePlanResponseSchema,
  ExecutePlanResponseSchema,
  SparkConnectService,
} from "./gen/spark/connect/base_pb.js";
import { TEST_SESSION_ID, testSession } from "./testing/session.js";

const SHOW = "+---+\n| id|\n+---+\n|  0|\n+---+\n";
const TREE = "root\n |-- id: long (nullable = false)\n";
const PLAN = "== Physical Plan ==\n*(1) Range (0, 1, step=1, splits=2)\n\n";

/** A server that answers ShowString with SHOW, and the tree-string and explain analyses. */
function scripted() {
  return testSession((router) =>
    router.service(SparkConnectService, {
      async *executePlan() {
        const value: ColumnDescriptor = {
          name: "show_string",
          type: { kind: "string" },
          nullable: false,
        };
        const base = { sessionId: TEST_SESSION_ID, serverSideSessionId: "srv", operationId: "op" };
        yield create(ExecutePlanResponseSchema, {
          ...base,
          responseId: "r1",
          responseType: {
            case: "arrowBatch",
            value: { rowCount: 1n, data: tableToIpcStream(tableFromRows([[SHOW]], [value])) },
          },
        });
        yield create(ExecutePlanResponseSchema, {
          ...base,
          responseId: "r2",
          responseType: { case: "resultComplete", value: {} },
        });
      },
      async releaseExecute(req) {
        return {
          sessionId: TEST_SESSION_ID,
          serverSideSessionId: "srv",
          operationId: req.operationId,
        };
      },
      async analyzePlan(req: AnalyzePlanRequest) {
        const result =
          req.analyze.case === "treeString"
            ? { case: "treeString" as const, value: { treeString: TREE } }
            : { case: "explain" as const, value: { explainString: PLAN } };
        return create(AnalyzePlanResponseSchema, {
          sessionId: TEST_SESSION_ID,
          serverSideSessionId: "srv",
          result,
        });
      },
    }),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("show, printSchema and explain print the server's string exactly", () => {
  test("a print callback gets the string with its final newline; the result is the same string", async () => {
    const spark = scripted();
    const printed: string[] = [];
    const print = (t: string) => printed.push(t);
    const df = spark.range(1);
    expect(await df.show({ print })).toBe(SHOW);
    expect(await df.printSchema(undefined, { print })).toBe(TREE);
    expect(await df.explain("simple", { print })).toBe(PLAN);
    expect(printed).toEqual([SHOW, TREE, PLAN]);
  });

  test("the default console.log gets the string unchanged (one line break more, as PySpark's print)", async () => {
    const spark = scripted();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const df = spark.range(1);
    await df.show();
    await df.printSchema();
    await df.explain();
    expect(log.mock.calls).toEqual([[SHOW], [TREE], [PLAN]]);
  });
});
