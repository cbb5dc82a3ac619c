/**
 * The example Spark Server Library (examples/server-library) against the real server, which
 * tools/live-setup.ts starts with the library's plugin: its expression, relation and command
 * through the client package, combined with ordinary transformations; the plugin's rejections and
 * an extension without a plugin as typed errors, with the session working after each.
 */
import {
  ExampleRecordNotesSchema,
  exampleExpression,
  exampleRecordNotes,
  exampleRepeat,
} from "@spark-connect/example-library";
import { beforeEach, describe, expect, test } from "vitest";
import { Column } from "../src/column.js";
import { DataFrame } from "../src/dataframe.js";
import { IllegalArgumentError, InvalidPlanInputError, SparkConnectError } from "../src/errors.js";
import { packExtension } from "../src/extensions.js";
import { col, count, lit } from "../src/functions/index.js";
import {
  ExamplePluginCommandSchema,
  ExamplePluginExpressionSchema,
  ExamplePluginRelationSchema,
} from "../src/gen/spark/connect/example_plugins_pb.js";
import type { SparkSession } from "../src/session.js";
import { live, values, versionOf, withSession } from "./live-session.js";

beforeEach((context) => {
  // Only a $SPARK_REMOTE server can lack the plugin; the servers started here always load it.
  if (!live.exampleLibrary) {
    context.skip("the $SPARK_REMOTE server does not run the example Server Library's plugin");
  }
});

/** The error a promise rejects with, failing when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<SparkConnectError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(SparkConnectError);
    return e as SparkConnectError;
  }
  throw new Error("expected a rejection");
}

/** What the tests compare of an error: its type, Spark class, SQL state, message, JVM class. */
const summary = (e: SparkConnectError) => ({
  name: e.name,
  errorClass: e.errorClass,
  sqlState: e.sqlState,
  message: e.message,
  serverClass: e.serverClasses[0],
});

/** The plugin's rejection: Spark's USER_RAISED_EXCEPTION from a SparkIllegalArgumentException. */
const rejected = (message: string) => ({
  name: "IllegalArgumentError",
  errorClass: "USER_RAISED_EXCEPTION",
  sqlState: "P0001",
  message: `[USER_RAISED_EXCEPTION] ${message} SQLSTATE: P0001`,
  serverClass: "org.apache.spark.SparkIllegalArgumentException",
});

/** The session still answers a query. */
async function stillWorks(spark: SparkSession): Promise<void> {
  expect(values(await spark.range(3).filter(col("id").gt(0)).collect())).toEqual([[1n], [2n]]);
}

describe("the example Server Library", () => {
  test("its expression: the child under the custom alias, usable in select, filter and orderBy", async () => {
    await withSession(async (spark) => {
      const df = spark
        .range(4)
        .select(exampleExpression(col("id").multiply(10), "tens"), col("id"))
        .filter(col("tens").geq(10))
        .orderBy(col("tens").desc());
      expect((await df.schema()).toDDL()).toBe("tens BIGINT NOT NULL, id BIGINT NOT NULL");
      expect(values(await df.collect())).toEqual([
        [30n, 3n],
        [20n, 2n],
        [10n, 1n],
      ]);
    });
  });

  test("its relation: a DataFrame to filter, join, aggregate and read as Arrow", async () => {
    await withSession(async (spark) => {
      const people = spark.createDataFrame(
        [
          { name: "ana", team: 1 },
          { name: "bo", team: 2 },
        ],
        "name STRING, team INT",
      );
      const teams = spark.createDataFrame(
        [
          { team: 1, label: "red" },
          { team: 2, label: "blue" },
        ],
        "team INT, label STRING",
      );
      const repeated = exampleRepeat(people, 3, { indexColumn: "n" });
      expect((await repeated.schema()).toDDL()).toBe("name STRING, team INT, n INT NOT NULL");
      const joined = repeated
        .filter(col("n").leq(2))
        .join(teams, "team")
        .select("name", "label", "n")
        .orderBy("name", "n");
      expect(values(await joined.collect())).toEqual([
        ["ana", "red", 1],
        ["ana", "red", 2],
        ["bo", "blue", 1],
        ["bo", "blue", 2],
      ]);
      const table = await repeated
        .groupBy("name")
        .agg(count(lit(1)).alias("copies"))
        .toArrow();
      expect(table.numRows).toBe(2);
      expect(await repeated.count()).toBe(6);
    });
  });

  test("its command: a temporary view that SQL reads back; the command streams nothing back", async () => {
    await withSession(async (spark) => {
      await exampleRecordNotes(spark, "library_notes", ["alpha", "beta", "gamma"]);
      const df = await spark.sql(
        "SELECT position, upper(note) AS loud FROM library_notes WHERE position > 1 ORDER BY position",
      );
      expect(values(await df.collect())).toEqual([
        [2, "BETA"],
        [3, "GAMMA"],
      ]);
      // The plugin sends nothing back: the command's result is empty.
      const result = await spark.executeCommand(
        packExtension(ExampleRecordNotesSchema, { viewName: "library_more", notes: ["z"] }),
      );
      expect([result.table, result.rows, result.dataFrame]).toEqual([undefined, [], undefined]);
      expect(values(await spark.table("library_more").collect())).toEqual([[1, "z"]]);
      // Running it again replaces the view.
      await exampleRecordNotes(spark, "library_notes", ["only"]);
      expect(values(await spark.table("library_notes").collect())).toEqual([[1, "only"]]);
    });
  });

  test("the README's example: the three together, shown as PySpark shows them", async () => {
    await withSession(async (spark) => {
      await exampleRecordNotes(spark, "notes", ["alpha", "beta"]);
      const df = exampleRepeat(spark.table("notes"), 2)
        .select(col("position"), exampleExpression(col("note"), "text"), col("copy"))
        .filter(col("copy").equalTo(2));
      expect(await df.show({ print: null })).toBe(
        [
          "+--------+-----+----+",
          "|position| text|copy|",
          "+--------+-----+----+",
          "|       1|alpha|   2|",
          "|       2| beta|   2|",
          "+--------+-----+----+",
          "",
        ].join("\n"),
      );
    });
  });

  test("the plugins' rejections are typed errors with Spark's class and the plugin's message; the session goes on", async () => {
    await withSession(async (spark) => {
      const relation = await rejection(exampleRepeat(spark.range(2), 0).collect());
      expect(relation).toBeInstanceOf(IllegalArgumentError);
      expect(summary(relation)).toEqual(rejected("example_repeat needs times >= 1, got 0"));
      await stillWorks(spark);

      const expression = await rejection(
        spark.range(1).select(exampleExpression("id", "")).collect(),
      );
      expect(summary(expression)).toEqual(
        rejected("example_expression needs a non-empty custom_field (the alias)"),
      );
      await stillWorks(spark);

      const command = await rejection(exampleRecordNotes(spark, "", ["x"]));
      expect(summary(command)).toEqual(rejected("example_record_notes needs a view_name"));
      await stillWorks(spark);
    });
  });

  test("an extension no plugin serves is an InvalidPlanInputError naming the missing handler; the session goes on", async () => {
    await withSession(async (spark) => {
      // Spark's own example messages: the server knows their type but runs no plugin for them.
      // Spark 4.2+ names the case (CONNECT_INVALID_PLAN.NO_HANDLER_FOR_EXTENSION, with the type);
      // 4.1 gives its InvalidPlanInput the INTERNAL_ERROR class; 4.0 sends no class.
      const minor = versionOf(live.version)[1];
      const noHandler = (type: string) =>
        minor >= 2
          ? {
              name: "InvalidPlanInputError",
              errorClass: "CONNECT_INVALID_PLAN.NO_HANDLER_FOR_EXTENSION",
              sqlState: "56K00",
              message: `[CONNECT_INVALID_PLAN.NO_HANDLER_FOR_EXTENSION] The Spark Connect plan is invalid. No handler found for extension type: type.googleapis.com/spark.connect.${type} SQLSTATE: 56K00`,
              serverClass: "org.apache.spark.sql.connect.common.InvalidPlanInput",
            }
          : minor >= 1
            ? {
                name: "InvalidPlanInputError",
                errorClass: "INTERNAL_ERROR",
                sqlState: "XX000",
                message: "[INTERNAL_ERROR] No handler found for extension SQLSTATE: XX000",
                serverClass: "org.apache.spark.sql.connect.common.InvalidPlanInput",
              }
            : {
                name: "InvalidPlanInputError",
                errorClass: undefined,
                sqlState: undefined,
                message: "No handler found for extension",
                serverClass: "org.apache.spark.sql.connect.common.InvalidPlanInput",
              };
      const relation = DataFrame.fromExtension(
        spark,
        packExtension(ExamplePluginRelationSchema, { customField: "x" }),
      );
      const missing = await rejection(relation.collect());
      expect(missing).toBeInstanceOf(InvalidPlanInputError);
      expect(summary(missing)).toEqual(noHandler("ExamplePluginRelation"));
      await stillWorks(spark);
      const expression = Column.fromExtension(
        packExtension(ExamplePluginExpressionSchema, { customField: "x" }),
      );
      expect(summary(await rejection(spark.range(1).select(expression).collect()))).toEqual(
        noHandler("ExamplePluginExpression"),
      );
      await stillWorks(spark);
      const command = packExtension(ExamplePluginCommandSchema, { customField: "x" });
      expect(summary(await rejection(spark.executeCommand(command)))).toEqual(
        noHandler("ExamplePluginCommand"),
      );
      await stillWorks(spark);
    });
  });
});
