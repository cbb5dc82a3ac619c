/**
 * @spark-connect/core: a transport-agnostic Apache Spark Connect client. Build DataFrame plans
 * with PySpark's API in camelCase, run them on a Spark Connect server over any connect-es
 * transport, and read results as apache-arrow Tables or Rows.
 *
 * Platform entry points: `@spark-connect/web` (browsers, gRPC-Web) and
 * `@spark-connect/core/node` (Node, native gRPC). The protocol's generated messages are in
 * `@spark-connect/core/proto`.
 *
 * @module @spark-connect/core
 */
// biome-ignore-all assist/source/organizeImports: exports are grouped by topic, each group under a comment that says what it holds.

// Sessions: the entry point, SQL, local data, the runtime configuration
export { SparkSession, type SparkSessionOptions, type SqlArgs } from "./session.js";
export type { LocalData, LocalSchema } from "./local-data.js";
export { RuntimeConfig } from "./runtime-config.js";

// DataFrames and their helpers: grouping, na, stat, observed metrics, reading, writing
export { DataFrame, type ExplainMode, type ShowOptions, StorageLevel } from "./dataframe.js";
export { GroupedData } from "./grouped-data.js";
export { DataFrameNaFunctions, type NaValue } from "./dataframe-na.js";
export { DataFrameStatFunctions } from "./dataframe-stat.js";
export { Observation } from "./observation.js";
export { DataFrameReader } from "./reader.js";
export { DataFrameWriter, DataFrameWriterV2 } from "./writer.js";
export type { ActionOptions, CollectOptions } from "./execution.js";

// The catalog (spark.catalog) and what it returns
export {
  Catalog,
  type CatalogColumn,
  type CatalogFunction,
  type CatalogMetadata,
  type CatalogTable,
  type CreateTableOptions,
  type Database,
} from "./catalog.js";

// Columns, literals, functions and windows
export { type CastTarget, Column, type ColumnOrLiteral } from "./column.js";
export type { LiteralValue } from "./expressions/literal.js";
export type { CastEvalMode } from "./expressions/nodes.js";
export * from "./functions/index.js";
export * as functions from "./functions/index.js";
export { fromJson } from "./functions/index.js";
export { Window, WindowSpec } from "./window.js";
// Value types for literals and sql() arguments that JavaScript has no type for
export { Decimal, decimal } from "./values/decimal.js";
export { LocalDate, localDate } from "./values/local-date.js";

// Data types (`fromJson` is the SQL function from_json; a data type from JSON is dataTypeFromJson)
export * from "./types/index.js";
export { fromJson as dataTypeFromJson } from "./types/index.js";

// Results: rows, Arrow tables and the value types in them
export { Row, type RowFactory, rowFactory } from "./row.js";
export {
  type ArrowColumns,
  type ArrowValueOptions,
  batchToRows,
  type CalendarInterval,
  calendarIntervalToString,
  dayTimeIntervalToString,
  Timestamp,
  tableToColumns,
  tableToRows,
  type VariantJsonOptions,
  type VariantJsValue,
  type VariantValue,
  type VariantValueOptions,
  variantToJson,
  variantToValue,
  yearMonthIntervalToString,
} from "./arrow/index.js";

// Spark Server Libraries (extensions served by server-side plugins)
export {
  type CommandResult,
  type ExecuteCommandOptions,
  type PlanJsonOptions,
  packExtension,
} from "./extensions.js";

// Structured Streaming (spark.readStream, df.writeStream, spark.streams)
export type { StreamingTrigger } from "./plan/streaming.js";
export { DataStreamReader } from "./streaming/data-stream-reader.js";
export { DataStreamWriter, type OutputMode } from "./streaming/data-stream-writer.js";
export type {
  SinkProgress,
  SourceProgress,
  StateOperatorProgress,
  StreamingQueryProgress,
} from "./streaming/progress.js";
export { StreamingQuery, type StreamingQueryStatus } from "./streaming/streaming-query.js";
export { StreamingQueryManager } from "./streaming/streaming-query-manager.js";

// Artifacts and JVM UDFs (spark.addArtifacts, spark.udf)
export type { AddArtifactsOptions, ArtifactSource } from "./artifacts.js";
export { UDFRegistration } from "./udf-registration.js";

// Errors
export {
  AnalysisError,
  ArithmeticError,
  ArrayIndexOutOfBoundsError,
  DateTimeError,
  IllegalArgumentError,
  InvalidCommandInputError,
  InvalidPlanInputError,
  NumberFormatError,
  ParseError,
  type QueryContext,
  QueryExecutionError,
  SERVER_ERROR_CLASSES,
  SparkArgumentError,
  SparkAuthenticationError,
  SparkCancelledError,
  SparkConnectError,
  type SparkConnectErrorOptions,
  SparkConnectionError,
  SparkError,
  type SparkErrorOptions,
  SparkNoSuchElementError,
  SparkProtocolError,
  SparkRuntimeError,
  SparkSessionChangedError,
  SparkUpgradeError,
  StreamingQueryError,
  UnknownSparkError,
  UnsupportedOperationError,
} from "./errors.js";
export { toSparkError } from "./client/to-spark-error.js";

// The low-level client, connection strings and retries
export {
  type CallControl,
  CLOSE_BUDGET_MS,
  DEFAULT_RECURSION_LIMIT,
  type ExecuteOptions,
  type ExecutionProgress,
  type RetryEvent,
  SDK_VERSION,
  SparkConnectClient,
  type SparkConnectClientOptions,
  type StageProgress,
} from "./client/client.js";
export {
  type ConnectionString,
  DEFAULT_SPARK_CONNECT_PORT,
  isLoopbackHost,
  parseConnectionString,
  redactToken,
} from "./client/connection-string.js";
export {
  DEFAULT_RETRY_POLICY,
  isRetryableError,
  type RetryPolicyOptions,
  type Sleep,
} from "./client/retries.js";
export { checkToken, MAX_TOKEN_BYTES } from "./client/token.js";
export { SPARK_PROTOCOL_VERSION } from "./gen/protocol.js";
