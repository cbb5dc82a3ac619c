import { create, type MessageInitShape, toJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { type ColumnDescriptor, tableFromRows, tableToIpcStream } from "./arrow/index.js";
import { StorageLevel } from "./dataframe.js";
import { SparkArgumentError, SparkProtocolError } from "./errors.js";
import {
  type ExecutePlanRequest,
  type ExecutePlanResponse,
  ExecutePlanResponseSchema,
  PlanSchema,
  SparkConnectService,
} from "./gen/spark/connect/base_pb.js";
import { CatalogRelation } from "./plan/catalog.js";
import { planJson, TEST_SESSION_ID, testSession } from "./testing/session.js";
import { LongType, StructType } from "./types/index.js";

const str = (name: string, nullable = true): ColumnDescriptor => ({
  name,
  type: { kind: "string" },
  nullable,
});
const bool = (name: string): ColumnDescriptor => ({
  name,
  type: { kind: "boolean" },
  nullable: false,
});
const strArray = (name: string): ColumnDescriptor => ({
  name,
  type: { kind: "array", elementType: { kind: "string" }, containsNull: true },
  nullable: true,
});

/** What the server answers a catalog relation with: rows of these columns (none: no batch). */
interface Answer {
  columns: ColumnDescriptor[];
  rows: unknown[][];
}

function response(
  responseType: MessageInitShape<typeof ExecutePlanResponseSchema>["responseType"],
  id: string,
): ExecutePlanResponse {
  return create(ExecutePlanResponseSchema, {
    sessionId: TEST_SESSION_ID,
    serverSideSessionId: "srv",
    operationId: "op",
    responseId: id,
    responseType,
  });
}

/** A test session whose server records each request's plan and answers with `answers` in turn. */
function scripted(...answers: Answer[]) {
  const plans: unknown[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async *executePlan(req: ExecutePlanRequest) {
        plans.push(toJson(PlanSchema, req.plan ?? create(PlanSchema)));
        const answer = answers.shift() ?? { columns: [str("value", false)], rows: [] };
        const table = tableFromRows(answer.rows, answer.columns);
        yield response(
          {
            case: "arrowBatch",
            value: { rowCount: BigInt(answer.rows.length), data: tableToIpcStream(table) },
          },
          "r1",
        );
        yield response({ case: "resultComplete", value: {} }, "r2");
      },
      async releaseExecute(req) {
        return {
          sessionId: TEST_SESSION_ID,
          serverSideSessionId: "srv",
          operationId: req.operationId,
        };
      },
    }),
  );
  return { spark, plans };
}

const catalogPlan = (planId: number, catalog: unknown) => ({
  root: { common: { planId: String(planId) }, catalog },
});

describe("Catalog plans", () => {
  test("currentDatabase / currentCatalog send an empty message and read the value column", async () => {
    const { spark, plans } = scripted(
      { columns: [str("value", false)], rows: [["default"]] },
      { columns: [str("value", false)], rows: [["spark_catalog"]] },
    );
    expect(await spark.catalog.currentDatabase()).toBe("default");
    expect(await spark.catalog.currentCatalog()).toBe("spark_catalog");
    expect(plans).toEqual([
      catalogPlan(0, { currentDatabase: {} }),
      catalogPlan(1, { currentCatalog: {} }),
    ]);
  });

  test("listTables sends dbName and pattern, and reads rows by position into frozen tables", async () => {
    const { spark, plans } = scripted({
      // Sail's column names: the rows are read by position, as PySpark reads them.
      columns: [
        str("tableName", false),
        str("catalog"),
        strArray("namespace"),
        str("description"),
        str("tableType", false),
        bool("isTemporary"),
      ],
      rows: [
        ["people", "spark_catalog", ["default"], "all of them", "MANAGED", false],
        ["nums", null, [], null, "TEMPORARY", true],
      ],
    });
    const tables = await spark.catalog.listTables("default", "*");
    expect(plans).toEqual([catalogPlan(0, { listTables: { dbName: "default", pattern: "*" } })]);
    expect(tables).toEqual([
      {
        name: "people",
        catalog: "spark_catalog",
        namespace: ["default"],
        database: "default",
        description: "all of them",
        tableType: "MANAGED",
        isTemporary: false,
      },
      {
        name: "nums",
        catalog: null,
        namespace: [],
        database: null,
        description: null,
        tableType: "TEMPORARY",
        isTemporary: true,
      },
    ]);
    expect(Object.isFrozen(tables[0])).toBe(true);
    expect(Object.isFrozen(tables[0]?.namespace)).toBe(true);
  });

  test("Sail-shaped answers (other column names) and nulls: read by position, nulls stay null", async () => {
    const { spark } = scripted(
      {
        columns: [str("catalogName", false), str("comment")],
        rows: [["spark_catalog", null]],
      },
      {
        columns: [str("databaseName", false), str("catalogName"), str("comment"), str("location")],
        rows: [["default", "spark_catalog", null, null]],
      },
      {
        columns: [
          str("tableName", false),
          str("catalogName"),
          strArray("namespaceName"),
          str("comment"),
          str("type"),
          bool("temporary"),
        ],
        rows: [["t", "spark_catalog", ["a", "b"], null, null, false]],
      },
      {
        columns: [
          str("functionName", false),
          str("catalogName"),
          strArray("namespaceName"),
          str("comment"),
          str("class"),
          bool("temporary"),
        ],
        rows: [["f", null, ["default"], null, null, false]],
      },
    );
    expect(await spark.catalog.listCatalogs()).toEqual([
      { name: "spark_catalog", description: null },
    ]);
    expect(await spark.catalog.getDatabase("default")).toEqual({
      name: "default",
      catalog: "spark_catalog",
      description: null,
      locationUri: null,
    });
    expect(await spark.catalog.getTable("t")).toEqual({
      name: "t",
      catalog: "spark_catalog",
      namespace: ["a", "b"],
      database: null,
      description: null,
      tableType: null,
      isTemporary: false,
    });
    expect(await spark.catalog.listFunctions()).toEqual([
      {
        name: "f",
        catalog: null,
        namespace: ["default"],
        description: null,
        className: null,
        isTemporary: false,
      },
    ]);
  });

  test("optional arguments left out are left unset", async () => {
    const { spark, plans } = scripted();
    await spark.catalog.listTables();
    await spark.catalog.listFunctions(undefined, "abs*");
    await spark.catalog.listDatabases();
    await spark.catalog.listCatalogs("spark*");
    expect(plans).toEqual([
      catalogPlan(0, { listTables: {} }),
      catalogPlan(1, { listFunctions: { pattern: "abs*" } }),
      catalogPlan(2, { listDatabases: {} }),
      catalogPlan(3, { listCatalogs: { pattern: "spark*" } }),
    ]);
  });

  test("tableExists: options object second, or the deprecated dbName then options", async () => {
    const { spark, plans } = scripted(
      { columns: [bool("value")], rows: [[true]] },
      { columns: [bool("value")], rows: [[false]] },
    );
    const signal = new AbortController().signal;
    expect(await spark.catalog.tableExists("db.t", { signal })).toBe(true);
    expect(await spark.catalog.tableExists("t", "db", { signal })).toBe(false);
    expect(plans).toEqual([
      catalogPlan(0, { tableExists: { tableName: "db.t" } }),
      catalogPlan(1, { tableExists: { tableName: "t", dbName: "db" } }),
    ]);
  });

  test("listColumns reads isCluster (a seventh column) only when the server sends it", async () => {
    const base = [
      str("columnName", false),
      str("description"),
      str("dataType", false),
      bool("nullable"),
      bool("isPartition"),
      bool("isBucket"),
    ];
    const { spark, plans } = scripted(
      {
        columns: [...base, bool("cluster")],
        rows: [["id", null, "bigint", false, true, false, true]],
      },
      { columns: base, rows: [["id", "the id", "bigint", true, false, true]] },
    );
    expect(await spark.catalog.listColumns("t")).toEqual([
      {
        name: "id",
        description: null,
        dataType: "bigint",
        nullable: false,
        isPartition: true,
        isBucket: false,
        isCluster: true,
      },
    ]);
    const old = await spark.catalog.listColumns("t", "db");
    expect(old).toEqual([
      {
        name: "id",
        description: "the id",
        dataType: "bigint",
        nullable: true,
        isPartition: false,
        isBucket: true,
      },
    ]);
    expect("isCluster" in (old[0] ?? {})).toBe(false);
    expect(plans).toEqual([
      catalogPlan(0, { listColumns: { tableName: "t" } }),
      catalogPlan(1, { listColumns: { tableName: "t", dbName: "db" } }),
    ]);
  });

  test("createTable sends the schema as a DataType under a limit 0 and returns spark.table(name)", async () => {
    const { spark, plans } = scripted({
      columns: [str("name"), { name: "age", type: { kind: "integer" }, nullable: true }],
      rows: [],
    });
    const df = await spark.catalog.createTable("people", {
      path: "/data/people",
      source: "csv",
      schema: "name STRING, age INT NOT NULL",
      description: "everyone",
      options: { header: true, sep: ";" },
    });
    expect(plans).toEqual([
      {
        root: {
          common: { planId: "1" },
          limit: {
            input: {
              common: { planId: "0" },
              catalog: {
                createTable: {
                  tableName: "people",
                  path: "/data/people",
                  source: "csv",
                  description: "everyone",
                  schema: {
                    struct: {
                      fields: [
                        {
                          name: "name",
                          dataType: { string: { collation: "UTF8_BINARY" } },
                          nullable: true,
                        },
                        { name: "age", dataType: { integer: {} } },
                      ],
                    },
                  },
                  options: { header: "true", sep: ";" },
                },
              },
            },
            // limit: 0 is proto3's default, so JSON leaves it out
          },
        },
      },
    ]);
    expect(planJson(df)).toEqual({
      root: { common: { planId: "2" }, read: { namedTable: { unparsedIdentifier: "people" } } },
    });
  });

  test("createExternalTable is createTable without a description; a StructType schema is accepted", async () => {
    const { spark, plans } = scripted();
    await spark.catalog.createExternalTable("t", {
      source: "parquet",
      schema: new StructType().add("id", LongType.INSTANCE, false),
    });
    expect(plans).toEqual([
      {
        root: {
          common: { planId: "1" },
          limit: {
            input: {
              common: { planId: "0" },
              catalog: {
                createTable: {
                  tableName: "t",
                  source: "parquet",
                  schema: { struct: { fields: [{ name: "id", dataType: { long: {} } }] } },
                },
              },
            },
            // limit: 0 is proto3's default, so JSON leaves it out
          },
        },
      },
    ]);
  });

  test("cacheTable sends the storage level only when given; the rest send their one name", async () => {
    const { spark, plans } = scripted();
    await spark.catalog.cacheTable("t", StorageLevel.MEMORY_ONLY_2);
    await spark.catalog.cacheTable("t");
    await spark.catalog.uncacheTable("t");
    await spark.catalog.clearCache();
    await spark.catalog.refreshTable("t");
    await spark.catalog.refreshByPath("/p");
    await spark.catalog.recoverPartitions("t");
    await spark.catalog.setCurrentDatabase("db");
    await spark.catalog.setCurrentCatalog("cat");
    expect(plans).toEqual([
      catalogPlan(0, {
        cacheTable: {
          tableName: "t",
          storageLevel: { useMemory: true, replication: 2 },
        },
      }),
      catalogPlan(1, { cacheTable: { tableName: "t" } }),
      catalogPlan(2, { uncacheTable: { tableName: "t" } }),
      catalogPlan(3, { clearCache: {} }),
      catalogPlan(4, { refreshTable: { tableName: "t" } }),
      catalogPlan(5, { refreshByPath: { path: "/p" } }),
      catalogPlan(6, { recoverPartitions: { tableName: "t" } }),
      catalogPlan(7, { setCurrentDatabase: { dbName: "db" } }),
      catalogPlan(8, { setCurrentCatalog: { catalogName: "cat" } }),
    ]);
  });

  test("getFunction reads a function; a missing answer row is a protocol error", async () => {
    const { spark, plans } = scripted(
      {
        columns: [
          str("name", false),
          str("catalog"),
          strArray("namespace"),
          str("description"),
          str("className", false),
          bool("isTemporary"),
        ],
        rows: [
          ["abs", null, null, "abs(expr)", "org.apache.spark.sql.catalyst.expressions.Abs", true],
        ],
      },
      { columns: [str("name", false)], rows: [] },
    );
    expect(await spark.catalog.getFunction("abs")).toEqual({
      name: "abs",
      catalog: null,
      namespace: null,
      description: "abs(expr)",
      className: "org.apache.spark.sql.catalyst.expressions.Abs",
      isTemporary: true,
    });
    const err = await spark.catalog.getDatabase("nope").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).errorClass).toBe("MISSING_RESULT");
    expect(plans).toEqual([
      catalogPlan(0, { getFunction: { functionName: "abs" } }),
      catalogPlan(1, { getDatabase: { dbName: "nope" } }),
    ]);
  });

  test("the node is frozen and builds a fresh message on every call", () => {
    const options = { a: "1" };
    const node = new CatalogRelation(7, { case: "createTable", tableName: "t", options });
    options.a = "2";
    expect(Object.isFrozen(node)).toBe(true);
    expect(Object.isFrozen(node.operation)).toBe(true);
    const first = node.toRelation();
    if (first.relType.case !== "catalog" || first.relType.value.catType.case !== "createTable") {
      throw new Error(`expected a createTable catalog relation, not ${first.relType.case}`);
    }
    first.relType.value.catType.value.options.a = "mutated";
    expect(first.relType.value.catType.value.options).toEqual({ a: "mutated" });
    expect(toJson(PlanSchema, node.toPlan())).toEqual(
      catalogPlan(7, { createTable: { tableName: "t", options: { a: "1" } } }),
    );
  });
});

describe("Catalog arguments", () => {
  async function rejection(p: Promise<unknown>): Promise<SparkArgumentError> {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SparkArgumentError);
    return err as SparkArgumentError;
  }

  test("bad arguments reject with an error class before any request", async () => {
    const { spark, plans } = scripted();
    const c = spark.catalog;
    const cases: [Promise<unknown>, string, Record<string, string>][] = [
      [
        c.getTable(42 as unknown as string),
        "NOT_STR",
        { arg_name: "tableName", arg_type: "number" },
      ],
      [c.tableExists(""), "VALUE_NOT_NON_EMPTY_STR", { arg_name: "tableName", arg_value: "" }],
      [
        c.listTables(undefined, 3 as unknown as string),
        "NOT_STR",
        { arg_name: "pattern", arg_type: "number" },
      ],
      [c.listColumns("t", ""), "VALUE_NOT_NON_EMPTY_STR", { arg_name: "dbName", arg_value: "" }],
      [
        c.createTable("t", { schema: 1 as unknown as string }),
        "NOT_STR_OR_STRUCT",
        { arg_name: "schema", arg_type: "number" },
      ],
      [
        c.createTable("t", { options: { a: [] as unknown as string } }),
        "NOT_BOOL_OR_FLOAT_OR_INT_OR_STR",
        { arg_name: "options.a", arg_type: "array" },
      ],
      [
        c.cacheTable("t", { useDisk: true } as unknown as StorageLevel),
        "NOT_STORAGE_LEVEL",
        { arg_name: "storageLevel", arg_type: "Object" },
      ],
      [
        c.refreshByPath(null as unknown as string),
        "NOT_STR",
        { arg_name: "path", arg_type: "null" },
      ],
    ];
    for (const [p, errorClass, messageParameters] of cases) {
      const err = await rejection(p);
      expect(err.name).toBe("SparkArgumentError");
      expect({ errorClass: err.errorClass, messageParameters: err.messageParameters }).toEqual({
        errorClass,
        messageParameters,
      });
    }
    // A bad DDL schema fails in the parser, also before sending anything.
    expect((await rejection(c.createTable("t", { schema: "id BIGINT," }))).errorClass).toBe(
      "INVALID_DATA_TYPE",
    );
    expect(plans).toEqual([]);
  });

  test("a stopped session rejects before sending", async () => {
    const { spark, plans } = scripted();
    await spark.stop().catch(() => undefined);
    const err = await spark.catalog.currentDatabase().catch((e: unknown) => e);
    expect((err as SparkArgumentError).errorClass).toBe("SESSION_STOPPED");
    expect(plans).toEqual([]);
  });
});
