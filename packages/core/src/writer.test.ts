import { create, toJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import type { DataFrame } from "./dataframe.js";
import { SparkArgumentError } from "./errors.js";
import { col } from "./functions/core.js";
import {
  type ExecutePlanRequest,
  ExecutePlanResponseSchema,
  PlanSchema,
  SparkConnectService,
} from "./gen/spark/connect/base_pb.js";
import type { SaveMode } from "./plan/commands.js";
import { testSession } from "./testing/session.js";

const SERVER_SESSION_ID = "server-side-1";

/**
 * A session over an in-memory server that records every ExecutePlan request and answers it with
 * ResultComplete; and its table `t` (plan id 0).
 */
function recording() {
  const requests: ExecutePlanRequest[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async *executePlan(request) {
        requests.push(request);
        yield create(ExecutePlanResponseSchema, {
          sessionId: request.sessionId,
          serverSideSessionId: SERVER_SESSION_ID,
          operationId: request.operationId,
          responseId: "done",
          responseType: { case: "resultComplete", value: {} },
        });
      },
      async releaseExecute(request) {
        return {
          sessionId: request.sessionId,
          serverSideSessionId: SERVER_SESSION_ID,
          operationId: request.operationId,
        };
      },
    }),
  );
  const t = spark.table("t");
  /** The plans sent so far, as protobuf JSON. */
  const sent = () => requests.map((r) => toJson(PlanSchema, r.plan ?? create(PlanSchema)));
  return { spark, t, sent };
}

const T = { common: { planId: "0" }, read: { namedTable: { unparsedIdentifier: "t" } } };
const write = (fields: Record<string, unknown>) => ({
  command: { writeOperation: { input: T, ...fields } },
});
const writeV2 = (fields: Record<string, unknown>) => ({
  command: { writeOperationV2: { input: T, tableName: "cat.db.t", ...fields } },
});

describe("DataFrameWriter (df.write)", () => {
  test("settings accumulate and nothing is sent until save()", async () => {
    const { t, sent } = recording();
    const writer = t.write
      .format("parquet")
      .mode("overwrite")
      .option("compression", "snappy")
      .options({ maxRecordsPerFile: 1000, mergeSchema: false })
      .partitionBy("y", ["m", "d"])
      .clusterBy(["c"]);
    expect(sent()).toEqual([]);
    await writer.save("/out");
    expect(sent()).toEqual([
      write({
        source: "parquet",
        path: "/out",
        mode: "SAVE_MODE_OVERWRITE",
        partitioningColumns: ["y", "m", "d"],
        options: { compression: "snappy", maxRecordsPerFile: "1000", mergeSchema: "false" },
        clusteringColumns: ["c"],
      }),
    ]);
  });

  test("save() with no settings and no path sends the bare write", async () => {
    const { t, sent } = recording();
    await t.write.save();
    expect(sent()).toEqual([write({})]);
  });

  test("save(path, { format, mode }) overrides the builder's format and mode", async () => {
    const { t, sent } = recording();
    await t.write.format("csv").mode("ignore").save("/p", { format: "json", mode: "append" });
    expect(sent()).toEqual([write({ source: "json", path: "/p", mode: "SAVE_MODE_APPEND" })]);
  });

  test("saveAsTable with bucketBy and sortBy", async () => {
    const { t, sent } = recording();
    await t.write
      .bucketBy(4, "a", ["b"])
      .sortBy("a")
      .saveAsTable("db.t", { format: "parquet", mode: "ignore" });
    expect(sent()).toEqual([
      write({
        source: "parquet",
        table: { tableName: "db.t", saveMethod: "TABLE_SAVE_METHOD_SAVE_AS_TABLE" },
        mode: "SAVE_MODE_IGNORE",
        sortColumnNames: ["a"],
        bucketBy: { bucketColumnNames: ["a", "b"], numBuckets: 4 },
      }),
    ]);
  });

  test("insertInto: no mode, overwrite, append", async () => {
    const { t, sent } = recording();
    await t.write.insertInto("db.t");
    await t.write.insertInto("db.t", true);
    await t.write.insertInto("db.t", false);
    const table = { tableName: "db.t", saveMethod: "TABLE_SAVE_METHOD_INSERT_INTO" };
    expect(sent()).toEqual([
      write({ table }),
      write({ table, mode: "SAVE_MODE_OVERWRITE" }),
      write({ table, mode: "SAVE_MODE_APPEND" }),
    ]);
  });

  test.each(["parquet", "json", "csv", "orc", "text", "xml"] as const)(
    "%s(path) is format(%s).save(path)",
    async (format) => {
      const { t, sent } = recording();
      await t.write.mode("append")[format]("/out");
      expect(sent()).toEqual([write({ source: format, path: "/out", mode: "SAVE_MODE_APPEND" })]);
    },
  );

  test("save modes: every name (case-insensitive) and an unknown one", async () => {
    const modes: [string, string][] = [
      ["append", "SAVE_MODE_APPEND"],
      ["overwrite", "SAVE_MODE_OVERWRITE"],
      ["error", "SAVE_MODE_ERROR_IF_EXISTS"],
      ["errorifexists", "SAVE_MODE_ERROR_IF_EXISTS"],
      ["ignore", "SAVE_MODE_IGNORE"],
      ["Overwrite", "SAVE_MODE_OVERWRITE"],
    ];
    const { t, sent } = recording();
    for (const [mode] of modes) await t.write.mode(mode as SaveMode).save("/p");
    expect(sent()).toEqual(modes.map(([, mode]) => write({ path: "/p", mode })));
    let error: unknown;
    try {
      t.write.mode("sideways" as SaveMode);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparkArgumentError);
    expect((error as SparkArgumentError).errorClass).toBe("INVALID_SAVE_MODE");
  });
});

describe("DataFrameWriterV2 (df.writeTo)", () => {
  test("create with provider, options, table properties, partitioning and clustering", async () => {
    const { t, sent } = recording();
    const writer = t
      .writeTo("cat.db.t")
      .using("iceberg")
      .option("k", 1)
      .options({ x: true })
      .tableProperty("p", "v")
      .partitionedBy(col("a"), col("b"))
      .clusterBy("c", "d");
    expect(sent()).toEqual([]);
    await writer.create();
    expect(sent()).toEqual([
      writeV2({
        provider: "iceberg",
        partitioningColumns: [
          { unresolvedAttribute: { unparsedIdentifier: "a" } },
          { unresolvedAttribute: { unparsedIdentifier: "b" } },
        ],
        options: { k: "1", x: "true" },
        tableProperties: { p: "v" },
        mode: "MODE_CREATE",
        clusteringColumns: ["c", "d"],
      }),
    ]);
  });

  const MODES: [string, (df: DataFrame) => Promise<void>, Record<string, unknown>][] = [
    ["replace", (df) => df.writeTo("cat.db.t").replace(), { mode: "MODE_REPLACE" }],
    [
      "createOrReplace",
      (df) => df.writeTo("cat.db.t").createOrReplace(),
      { mode: "MODE_CREATE_OR_REPLACE" },
    ],
    ["append", (df) => df.writeTo("cat.db.t").append(), { mode: "MODE_APPEND" }],
    [
      "overwrite(condition)",
      (df) => df.writeTo("cat.db.t").overwrite(col("day").equalTo("2024-01-01")),
      {
        mode: "MODE_OVERWRITE",
        overwriteCondition: {
          unresolvedFunction: {
            functionName: "==",
            arguments: [
              { unresolvedAttribute: { unparsedIdentifier: "day" } },
              { literal: { string: "2024-01-01" } },
            ],
          },
        },
      },
    ],
    [
      "overwritePartitions",
      (df) => df.writeTo("cat.db.t").overwritePartitions(),
      { mode: "MODE_OVERWRITE_PARTITIONS" },
    ],
  ];

  test.each(MODES)("%s", async (_name, run, fields) => {
    const { t, sent } = recording();
    await run(t);
    expect(sent()).toEqual([writeV2(fields)]);
  });
});
