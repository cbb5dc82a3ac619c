/**
 * Spark Server Libraries: server-side logic that clients reach through the `google.protobuf.Any`
 * extension fields of Spark Connect's `Expression`, `Relation` and `Command`. A library's client
 * package packs its own protobuf-es messages with {@link packExtension} and wraps them as
 * ordinary Columns (`Column.fromExtension`), DataFrames (`DataFrame.fromExtension`) and calls
 * (`spark.executeCommand`).
 *
 * @module
 */
import {
  create,
  type DescMessage,
  isMessage,
  type MessageInitShape,
  type Registry,
} from "@bufbuild/protobuf";
import { type Any, anyPack } from "@bufbuild/protobuf/wkt";
import type { Table } from "apache-arrow";
import { ArrowResultCollector, arrowSchemaFromProto, tableToRows } from "./arrow/index.js";
import type { DataFrame } from "./dataframe.js";
import { SparkArgumentError } from "./errors.js";
import { type CollectOptions, runCommand } from "./execution.js";
import { checkAny } from "./expressions/any.js";
import type { ExecutePlanResponse } from "./gen/spark/connect/base_pb.js";
import type { SessionInternals } from "./internal.js";
import { ExtensionCommand, ProtoRelation } from "./plan/commands.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import type { Row } from "./row.js";

/**
 * Packs a message of a Server Library's protocol into the `google.protobuf.Any` that Spark
 * Connect's extension fields carry: type URL `type.googleapis.com/<full message name>`, value the
 * message's binary encoding. Takes the message's protobuf-es descriptor (the generated
 * `…Schema`) and either a message or its init shape (as `create` does).
 *
 * @example
 * ```ts
 * import { ExampleExpressionSchema } from "./gen/example_pb.js";
 * const any = packExtension(ExampleExpressionSchema, { child: col("x").expr.toProto(), customField: "y" });
 * any.typeUrl; // "type.googleapis.com/spark_connect_ts.example.ExampleExpression"
 * Column.fromExtension(any);
 * ```
 */
export function packExtension<Desc extends DescMessage>(
  schema: Desc,
  message: MessageInitShape<Desc>,
): Any {
  if (typeof schema !== "object" || schema === null || schema.kind !== "message") {
    throw new SparkArgumentError(
      "packExtension needs a protobuf-es message descriptor (a generated …Schema)",
      { errorClass: "INVALID_TYPE", messageParameters: { arg_name: "schema" } },
    );
  }
  if (typeof message !== "object" || message === null) {
    throw new SparkArgumentError(`packExtension needs a ${schema.typeName} message or its fields`, {
      errorClass: "INVALID_TYPE",
      messageParameters: { arg_name: "message" },
    });
  }
  if ("$typeName" in message && !isMessage(message, schema)) {
    throw new SparkArgumentError(
      `packExtension got a ${String(message.$typeName)} message for the ${schema.typeName} descriptor`,
      { errorClass: "INVALID_TYPE", messageParameters: { arg_name: "message" } },
    );
  }
  // anyPack encodes at once, so later changes to `message` do not reach the Any.
  return anyPack(schema, create(schema, message));
}

/** Options of {@link SparkSession.executeCommand}: those of `collect()`. */
export interface ExecuteCommandOptions extends CollectOptions {}

/**
 * What a command extension's plugin streamed back. A plugin that only does something (creates a
 * view, writes a table) sends nothing: `table` and `dataFrame` are undefined and `rows` is empty.
 */
export interface CommandResult {
  /** The Arrow batches (or the bare schema) the server streamed back, as one Table. */
  readonly table: Table | undefined;
  /** The rows of {@link table}, decoded as `collect()` does; empty when there is no table. */
  readonly rows: readonly Row[];
  /**
   * The relation of a SQL command result the server sent (as `spark.sql` gets for commands), as
   * a DataFrame of the session; undefined when it sent none.
   */
  readonly dataFrame: DataFrame | undefined;
  /** The server's responses, in order (for results this type does not model). */
  readonly responses: readonly ExecutePlanResponse[];
}

/**
 * Runs a command extension: the one implementation behind `SparkSession.executeCommand`, through
 * the same execution path as every action (errors, retries, reattach, tags, `signal`).
 */
export async function executeExtensionCommand(
  internals: SessionInternals,
  dataFrameOf: (plan: LogicalPlan) => DataFrame,
  extension: Any,
  options: ExecuteCommandOptions,
): Promise<CommandResult> {
  checkAny(extension, "executeCommand");
  const responses = await runCommand(internals, new ExtensionCommand(extension).toPlan(), options);
  const collector = new ArrowResultCollector();
  let schema: ExecutePlanResponse["schema"];
  let dataFrame: DataFrame | undefined;
  for (const response of responses) {
    const { responseType } = response;
    if (responseType.case === "arrowBatch") collector.add(responseType.value);
    if (responseType.case === "sqlCommandResult" && responseType.value.relation) {
      dataFrame = dataFrameOf(
        new ProtoRelation(internals.nextPlanId(), responseType.value.relation),
      );
    }
    if (response.schema) schema = response.schema;
  }
  if (collector.schema === undefined && schema) collector.setSchema(arrowSchemaFromProto(schema));
  const table = collector.schema === undefined ? undefined : collector.toTable();
  return Object.freeze({
    table,
    rows: Object.freeze(table === undefined ? [] : tableToRows(table, options)),
    dataFrame,
    responses: Object.freeze(responses),
  });
}

/** Options of `DataFrame.toPlanJson`. */
export interface PlanJsonOptions {
  /** Indent with two spaces. Default: true. */
  pretty?: boolean;
  /**
   * The descriptors of the extension messages in the plan (a protobuf-es `Registry`, e.g.
   * `createRegistry(file_example)`), so that they render with their own fields under `@type`, as
   * in Spark's "Application Development with Spark Connect" guide. Without it, a plan with an
   * extension cannot be rendered: protobuf JSON has no form for an Any of an unknown type.
   * Default: none.
   */
  registry?: Registry;
}
