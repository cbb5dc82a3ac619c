/**
 * The error tree of @spark-connect/core. Every error the SDK throws is a {@link SparkError}.
 *
 * `instanceof` works across two bundled copies of this package: each error carries the names of
 * its classes under a `Symbol.for` key, and every class checks that list instead of its prototype
 * chain.
 *
 * @module
 */

const KINDS = Symbol.for("@spark-connect/core.error-kinds");

/** Options shared by every SparkError constructor. */
export interface SparkErrorOptions {
  /** Spark's error class (e.g. "TABLE_OR_VIEW_NOT_FOUND"), or the SDK's own for client errors. */
  errorClass?: string;
  /** The parameters of the error class's message template. */
  messageParameters?: Readonly<Record<string, string>>;
  /** The underlying error. */
  cause?: unknown;
}

/** The base of everything the SDK throws. Messages start with the error class when there is one. */
export class SparkError extends Error {
  /** The class's stable name, used for `name` and cross-bundle `instanceof`. */
  static readonly kind: string = "SparkError";

  /** Spark's error class, or the SDK's own class for client-side errors. */
  readonly errorClass: string | undefined;
  /** The parameters of the error class's message template. */
  readonly messageParameters: Readonly<Record<string, string>>;
  declare readonly [KINDS]: readonly string[];

  constructor(message: string, options: SparkErrorOptions = {}) {
    const prefix = options.errorClass ? `[${options.errorClass}] ` : "";
    // Some server messages start with a line break (Spark's ParseException: "\n[PARSE_SYNTAX_ERROR]
    // Syntax error…"): without it, the class shows once.
    const text = message.replace(/^\s+(?=\[)/, "");
    super(
      text.startsWith(prefix) ? text : prefix + text,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    const kinds: string[] = [];
    for (
      let c: unknown = new.target;
      typeof c === "function" && Object.hasOwn(c, "kind");
      c = Object.getPrototypeOf(c)
    ) {
      kinds.push((c as typeof SparkError).kind);
    }
    Object.defineProperty(this, KINDS, { value: Object.freeze(kinds), enumerable: false });
    this.name = new.target.kind;
    this.errorClass = options.errorClass;
    this.messageParameters = Object.freeze({ ...(options.messageParameters ?? {}) });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const kinds = (value as { [KINDS]?: unknown })[KINDS];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof was asked about.
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }
}

/** Thrown synchronously by builders and parsers for bad arguments. */
export class SparkArgumentError extends SparkError {
  static override readonly kind: string = "SparkArgumentError";
}

/** The stream broke the protocol: an Arrow batch out of order, an operation lost mid-result… */
export class SparkProtocolError extends SparkError {
  static override readonly kind: string = "SparkProtocolError";
}

/** A fragment of the query that an error points at (Spark's `QueryContext`). */
export interface QueryContext {
  /** The SQL text's fragment, e.g. `x / 0`. */
  fragment: string;
  /** Start and stop offsets of the fragment in the SQL text (inclusive), when known. */
  startIndex?: number;
  stopIndex?: number;
  /** The object (e.g. a view) the fragment belongs to, when not the query itself. */
  objectType?: string;
  objectName?: string;
  /** For DataFrame queries: the API call and its place in the caller's code. */
  callSite?: string;
  summary?: string;
}

/** Options of {@link SparkConnectError}. */
export interface SparkConnectErrorOptions extends SparkErrorOptions {
  /** The gRPC status code name (e.g. "internal", "unavailable"), as connect names it. */
  code?: string;
  /** SQLSTATE of the error, e.g. "42P01". */
  sqlState?: string;
  /** The JVM exception classes of the error, most specific first. */
  serverClasses?: readonly string[];
  /** Where in the query the error is. */
  queryContext?: readonly QueryContext[];
  /** The server's JVM stack trace of this error (see {@link SparkConnectError.serverStackTrace}). */
  serverStackTrace?: string;
  /** The server's error id (for FetchErrorDetails). */
  errorId?: string;
}

/** The server (or the path to it) refused or failed a call. */
export class SparkConnectError extends SparkError {
  static override readonly kind: string = "SparkConnectError";
  /** The gRPC status code name, as connect names it (e.g. "internal"). */
  readonly code: string | undefined;
  readonly sqlState: string | undefined;
  readonly serverClasses: readonly string[];
  readonly queryContext: readonly QueryContext[];
  /**
   * The server's JVM stack trace of this error (`\tat class.method(File.java:12)` lines), when
   * asked for: the session option `serverStackTrace: true` keeps the traces that come with the
   * error details, one per error of the `cause` chain. Without it, only the abbreviated trace the
   * server puts in the error itself when the session conf `spark.sql.pyspark.jvmStacktrace.enabled`
   * is true (a header line and `Caused by:` parts included). Undefined otherwise.
   */
  readonly serverStackTrace: string | undefined;
  readonly errorId: string | undefined;
  constructor(message: string, options: SparkConnectErrorOptions = {}) {
    super(message, options);
    this.code = options.code;
    this.sqlState = options.sqlState;
    this.serverClasses = Object.freeze([...(options.serverClasses ?? [])]);
    this.queryContext = Object.freeze([...(options.queryContext ?? [])]);
    this.serverStackTrace = options.serverStackTrace;
    this.errorId = options.errorId;
  }
}

/** org.apache.spark.sql.AnalysisException: unknown tables, columns, functions, bad types… */
export class AnalysisError extends SparkConnectError {
  static override readonly kind: string = "AnalysisError";
}
/** org.apache.spark.sql.catalyst.parser.ParseException: the SQL text does not parse. */
export class ParseError extends AnalysisError {
  static override readonly kind: string = "ParseError";
}
/** java.lang.ArithmeticException, e.g. division by zero under ANSI mode. */
export class ArithmeticError extends SparkConnectError {
  static override readonly kind: string = "ArithmeticError";
}
/** java.lang.NumberFormatException, e.g. an invalid cast of a string to a number. */
export class NumberFormatError extends SparkConnectError {
  static override readonly kind: string = "NumberFormatError";
}
/** java.lang.IllegalArgumentException. */
export class IllegalArgumentError extends SparkConnectError {
  static override readonly kind: string = "IllegalArgumentError";
}
/** java.lang.UnsupportedOperationException. */
export class UnsupportedOperationError extends SparkConnectError {
  static override readonly kind: string = "UnsupportedOperationError";
}
/** java.lang.ArrayIndexOutOfBoundsException. */
export class ArrayIndexOutOfBoundsError extends SparkConnectError {
  static override readonly kind: string = "ArrayIndexOutOfBoundsError";
}
/** java.time.DateTimeException. */
export class DateTimeError extends SparkConnectError {
  static override readonly kind: string = "DateTimeError";
}
/** org.apache.spark.SparkRuntimeException. */
export class SparkRuntimeError extends SparkConnectError {
  static override readonly kind: string = "SparkRuntimeError";
}
/** org.apache.spark.SparkUpgradeException. */
export class SparkUpgradeError extends SparkConnectError {
  static override readonly kind: string = "SparkUpgradeError";
}
/** org.apache.spark.SparkNoSuchElementException. */
export class SparkNoSuchElementError extends SparkConnectError {
  static override readonly kind: string = "SparkNoSuchElementError";
}
/** org.apache.spark.sql.streaming.StreamingQueryException. */
export class StreamingQueryError extends SparkConnectError {
  static override readonly kind: string = "StreamingQueryError";
}
/** org.apache.spark.sql.execution.QueryExecutionException. */
export class QueryExecutionError extends SparkConnectError {
  static override readonly kind: string = "QueryExecutionError";
}
/**
 * org.apache.spark.sql.connect.common.InvalidPlanInput: the server cannot plan what the client
 * sent, e.g. an extension (Spark Server Libraries) that no plugin on the server serves ("No
 * handler found for extension"). PySpark raises its InvalidPlanInput.
 */
export class InvalidPlanInputError extends SparkConnectError {
  static override readonly kind: string = "InvalidPlanInputError";
}
/** org.apache.spark.sql.connect.common.InvalidCommandInput: a command the server cannot run. */
export class InvalidCommandInputError extends SparkConnectError {
  static override readonly kind: string = "InvalidCommandInputError";
}
/**
 * The server could not be reached, the proxy in front of it had no healthy upstream or does not
 * serve Spark Connect, or the connection broke mid-call. Error classes: CONNECTION_UNAVAILABLE,
 * CONNECTION_FAILED, CONNECTION_LOST (retried), and HOST_NOT_FOUND, TLS_HANDSHAKE_FAILED,
 * NOT_A_GRPC_WEB_ENDPOINT, NOT_A_SPARK_CONNECT_ENDPOINT, PROXY_PATH_NOT_FOUND,
 * REQUEST_HEADER_TOO_LARGE (not retried: each message says what to check).
 */
export class SparkConnectionError extends SparkConnectError {
  static override readonly kind: string = "SparkConnectionError";
}
/** The server refused the credentials (a missing or wrong token). */
export class SparkAuthenticationError extends SparkConnectError {
  static override readonly kind: string = "SparkAuthenticationError";
}
/** The operation was cancelled (an AbortSignal, an interrupt, or `stop()` of its session). */
export class SparkCancelledError extends SparkConnectError {
  static override readonly kind: string = "SparkCancelledError";
}
/**
 * The server no longer knows this session: it restarted, or the session expired or was closed.
 * Nothing more can run on this SparkSession; create a new one. Error classes: Spark's
 * `INVALID_HANDLE.SESSION_CHANGED`, `INVALID_HANDLE.SESSION_NOT_FOUND`,
 * `INVALID_HANDLE.SESSION_CLOSED`, or the client's own `SESSION_CHANGED` (a response with another
 * server-side session id). When it ends an action, `messageParameters.partialResult` is "true"
 * if part of the action's result had already been delivered, "false" otherwise.
 */
export class SparkSessionChangedError extends SparkConnectError {
  static override readonly kind: string = "SparkSessionChangedError";
}
/** A server error with no more specific class. */
export class UnknownSparkError extends SparkConnectError {
  static override readonly kind: string = "UnknownSparkError";
}

/** JVM exception class → SDK error class. The first of the error's classes found here wins. */
export const SERVER_ERROR_CLASSES: Readonly<Record<string, typeof SparkConnectError>> = {
  "org.apache.spark.sql.catalyst.parser.ParseException": ParseError,
  "org.apache.spark.sql.AnalysisException": AnalysisError,
  "org.apache.spark.sql.streaming.StreamingQueryException": StreamingQueryError,
  "org.apache.spark.sql.execution.QueryExecutionException": QueryExecutionError,
  "java.lang.NumberFormatException": NumberFormatError,
  "java.lang.IllegalArgumentException": IllegalArgumentError,
  "java.lang.ArithmeticException": ArithmeticError,
  "java.lang.UnsupportedOperationException": UnsupportedOperationError,
  "java.lang.ArrayIndexOutOfBoundsException": ArrayIndexOutOfBoundsError,
  "java.time.DateTimeException": DateTimeError,
  "org.apache.spark.SparkRuntimeException": SparkRuntimeError,
  "org.apache.spark.SparkUpgradeException": SparkUpgradeError,
  "org.apache.spark.SparkNoSuchElementException": SparkNoSuchElementError,
  "org.apache.spark.sql.connect.common.InvalidPlanInput": InvalidPlanInputError,
  "org.apache.spark.sql.connect.common.InvalidCommandInput": InvalidCommandInputError,
};

/**
 * The SDK class of a server error: the first of its JVM classes found in
 * {@link SERVER_ERROR_CLASSES}; else SparkCancelledError for an interrupted operation
 * (OPERATION_CANCELED, which Spark raises as a plain SparkSQLException); else UnknownSparkError.
 */
export function serverErrorClass(
  classes: readonly string[],
  errorClass: string | undefined,
): typeof SparkConnectError {
  const known = classes.map((c) => SERVER_ERROR_CLASSES[c]).find((c) => c !== undefined);
  if (known) return known;
  return errorClass === "OPERATION_CANCELED" ? SparkCancelledError : UnknownSparkError;
}
