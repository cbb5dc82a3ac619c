/**
 * @spark-connect/example-library: the client package of the example Spark Server Library
 * (examples/server-library). Its three extensions, as the SDK's own API looks:
 *
 * - {@link exampleExpression}: a Column (`child AS customField`, planned by the library's
 *   ExpressionPlugin);
 * - {@link exampleRepeat}: a DataFrame (every row `times` times, from its RelationPlugin);
 * - {@link exampleRecordNotes}: a call (a temporary view of notes, made by its CommandPlugin).
 *
 * The server must run the library's plugin (`npm run spark -- --with-example-library`).
 *
 * @module
 */
import { createRegistry } from "@bufbuild/protobuf";
import {
  type ActionOptions,
  Column,
  type ColumnOrName,
  col,
  DataFrame,
  packExtension,
  SparkArgumentError,
  type SparkSession,
} from "@spark-connect/core";
import {
  ExampleExpressionSchema,
  ExampleRecordNotesSchema,
  ExampleRepeatSchema,
  file_spark_connect_ts_example_example,
} from "./gen/spark_connect_ts/example/example_pb.js";

export {
  type ExampleExpression,
  ExampleExpressionSchema,
  type ExampleRecordNotes,
  ExampleRecordNotesSchema,
  type ExampleRepeat,
  ExampleRepeatSchema,
  file_spark_connect_ts_example_example,
} from "./gen/spark_connect_ts/example/example_pb.js";

/**
 * The library's message descriptors, for `df.toPlanJson({ registry: exampleRegistry })`: plans
 * that use the library then show its messages with their own fields.
 */
export const exampleRegistry = createRegistry(file_spark_connect_ts_example_example);

function checkName(value: unknown, what: string): string {
  if (typeof value !== "string") {
    throw new SparkArgumentError(`${what} must be a string`, {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: what },
    });
  }
  return value;
}

/**
 * `child AS customField`, computed by the library's plugin on the server (the example of Spark's
 * "Application Development with Spark Connect" guide). The server rejects an empty
 * `customField` with USER_RAISED_EXCEPTION.
 *
 * @example
 * ```ts
 * df.select(exampleExpression(col("id").plus(1), "next")) // a column "next"
 * ```
 */
export function exampleExpression(child: ColumnOrName, customField: string): Column {
  const column = typeof child === "string" ? col(child) : child;
  if (!(column instanceof Column)) {
    throw new SparkArgumentError("exampleExpression's child must be a Column or a column name", {
      errorClass: "NOT_COLUMN_OR_STR",
      messageParameters: { arg_name: "child" },
    });
  }
  return Column.fromExtension(
    packExtension(ExampleExpressionSchema, {
      child: column.expr.toProto(),
      customField: checkName(customField, "customField"),
    }),
  );
}

/** Options of {@link exampleRepeat}. */
export interface ExampleRepeatOptions {
  /** The name of the added copy-number column. Default: "copy". */
  indexColumn?: string;
}

/**
 * Every row of `df` `times` times, with the copy's number (1 to `times`, INT) in a column added
 * after df's columns, planned by the library's plugin on the server. A DataFrame like any other:
 * transform, join and collect it. The server rejects `times` < 1 with USER_RAISED_EXCEPTION.
 *
 * @example
 * ```ts
 * await exampleRepeat(spark.range(2), 2).collect()
 * // [Row(id=0, copy=1), Row(id=0, copy=2), Row(id=1, copy=1), Row(id=1, copy=2)]
 * ```
 */
export function exampleRepeat(
  df: DataFrame,
  times: number,
  options: ExampleRepeatOptions = {},
): DataFrame {
  if (!(df instanceof DataFrame)) {
    throw new SparkArgumentError("exampleRepeat needs a DataFrame", {
      errorClass: "NOT_DATAFRAME",
      messageParameters: { arg_name: "df" },
    });
  }
  if (!Number.isInteger(times) || times < -(2 ** 31) || times >= 2 ** 31) {
    throw new SparkArgumentError("exampleRepeat's times must be a 32-bit whole number", {
      errorClass: "NOT_INT",
      messageParameters: { arg_name: "times" },
    });
  }
  const root = df.toPlan().opType;
  if (root.case !== "root") {
    throw new SparkArgumentError("exampleRepeat needs a DataFrame over a relation", {
      errorClass: "NOT_DATAFRAME",
      messageParameters: { arg_name: "df" },
    });
  }
  const any = packExtension(ExampleRepeatSchema, {
    input: root.value,
    times,
    indexColumn: checkName(options.indexColumn ?? "copy", "indexColumn"),
  });
  return DataFrame.fromExtension(df.sparkSession, any);
}

/**
 * Creates (or replaces) the session's temporary view `viewName` with one row per note:
 * `(position INT, note STRING)`, positions from 1, made by the library's plugin on the server.
 * The server rejects an empty `viewName` with USER_RAISED_EXCEPTION.
 *
 * @example
 * ```ts
 * await exampleRecordNotes(spark, "notes", ["first", "second"]);
 * await (await spark.sql("SELECT note FROM notes WHERE position = 2")).collect() // [Row(note='second')]
 * ```
 */
export async function exampleRecordNotes(
  spark: SparkSession,
  viewName: string,
  notes: readonly string[],
  options: ActionOptions = {},
): Promise<void> {
  if (!Array.isArray(notes) || !notes.every((n) => typeof n === "string")) {
    throw new SparkArgumentError("exampleRecordNotes's notes must be an array of strings", {
      errorClass: "NOT_LIST_OF_STR",
      messageParameters: { arg_name: "notes" },
    });
  }
  await spark.executeCommand(
    packExtension(ExampleRecordNotesSchema, {
      viewName: checkName(viewName, "viewName"),
      notes: [...notes],
    }),
    options,
  );
}
