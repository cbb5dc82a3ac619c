import { Code, ConnectError } from "@connectrpc/connect";
import {
  type QueryContext,
  SparkAuthenticationError,
  SparkCancelledError,
  SparkConnectError,
  type SparkConnectErrorOptions,
  SparkConnectionError,
  SparkError,
  SparkSessionChangedError,
  serverErrorClass,
} from "../errors.js";
import { ErrorInfoSchema } from "../gen/google/rpc/error_details_pb.js";
import { isConnectionFailure, permanentFailure } from "./retries.js";

/** Messages of fetch failures in Node and browsers: nothing reached a server. */
const FETCH_FAILURE =
  /fetch failed|failed to fetch|networkerror|load failed|econnrefused|enotfound/i;

/** Spark's error classes for a session the server no longer knows. */
const SESSION_GONE = /INVALID_HANDLE\.(SESSION_CHANGED|SESSION_NOT_FOUND|SESSION_CLOSED)\b/;

/** True when the server answered that it does not know this session (any more). */
export function isSessionGone(err: ConnectError): boolean {
  const info = err.findDetails(ErrorInfoSchema)[0];
  return SESSION_GONE.test(info?.metadata.errorClass ?? "") || SESSION_GONE.test(err.rawMessage);
}

/** The SparkSessionChangedError for a server error that says the session is gone. */
export function sessionGoneError(err: unknown): SparkSessionChangedError {
  const base = toSparkError(err);
  if (base instanceof SparkSessionChangedError) return base;
  const c = base as SparkConnectError;
  return new SparkSessionChangedError(sessionGoneMessage(base.message), {
    ...(base.errorClass === undefined
      ? { errorClass: SESSION_GONE.exec(base.message)?.[0] ?? "INVALID_HANDLE.SESSION_NOT_FOUND" }
      : { errorClass: base.errorClass }),
    messageParameters: base.messageParameters,
    ...(c.code === undefined ? {} : { code: c.code }),
    ...(c.sqlState === undefined ? {} : { sqlState: c.sqlState }),
    serverClasses: c.serverClasses ?? [],
    cause: err,
  });
}

function sessionGoneMessage(message: string): string {
  return `${message.trimEnd()}. The server restarted or this session is gone (expired or closed): create a new SparkSession`;
}

/** connect's name of a gRPC code, e.g. "unavailable". */
export function codeName(code: Code): string {
  const name = Code[code] ?? "unknown";
  return name.replace(/^[A-Z]/, (c) => c.toLowerCase());
}

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * Converts anything a call threw into a {@link SparkError}: Spark's `ErrorInfo` (exception
 * classes, error class, SQL state, message parameters) picks the class through
 * `serverErrorClass`; transport failures become connection, authentication or cancellation
 * errors. SparkErrors pass through unchanged.
 */
export function toSparkError(err: unknown): SparkError {
  if (err instanceof SparkError) return err;
  const connectError = ConnectError.from(err);
  const info = connectError.findDetails(ErrorInfoSchema)[0];
  const code = codeName(connectError.code);
  const options: SparkConnectErrorOptions = { code, cause: err };
  let message = connectError.rawMessage;
  if (info) {
    const metadata = info.metadata;
    const classes = parseJson<string[]>(metadata.classes, []);
    options.serverClasses = classes.length ? classes : info.reason ? [info.reason] : [];
    if (metadata.errorClass) options.errorClass = metadata.errorClass;
    if (metadata.sqlState) options.sqlState = metadata.sqlState;
    if (metadata.messageParameters) {
      options.messageParameters = parseJson<Record<string, string>>(metadata.messageParameters, {});
    }
    if (metadata.errorId) options.errorId = metadata.errorId;
    // Present only when asked for with spark.sql.pyspark.jvmStacktrace.enabled (abbreviated).
    if (metadata.stackTrace) options.serverStackTrace = metadata.stackTrace;
    const context = parseJson<QueryContext[] | undefined>(metadata.queryContext, undefined);
    if (context) options.queryContext = context;
    if (SESSION_GONE.test(options.errorClass ?? "")) {
      return new SparkSessionChangedError(sessionGoneMessage(message), options);
    }
    const ErrorClass = serverErrorClass(options.serverClasses, options.errorClass);
    return new ErrorClass(message, options);
  }
  const permanent = permanentFailure(connectError);
  if (permanent !== undefined) {
    return new SparkConnectionError(`${permanent.summary ?? message}. ${permanent.hint}`, {
      ...options,
      errorClass: permanent.errorClass,
    });
  }
  if (connectError.rawMessage === "PING timed out") {
    // connect-node's HTTP/2 keepalive: the peer stopped answering (frozen, gone, a dead route).
    return new SparkConnectionError(
      "the server stopped answering: an HTTP/2 keepalive PING timed out. The connection was lost: the server may be frozen or gone, or the network between this client and Spark dropped",
      { ...options, errorClass: "CONNECTION_LOST" },
    );
  }
  if (/^HTTP 431\b/.test(connectError.rawMessage)) {
    return new SparkConnectionError(
      `${message}. A proxy refused the request headers as too large (HTTP 431 Request Header Fields Too Large): check the size of the token and of any extra headers`,
      { ...options, errorClass: "REQUEST_HEADER_TOO_LARGE" },
    );
  }
  if (
    connectError.code !== Code.Unavailable &&
    !FETCH_FAILURE.test(connectError.rawMessage) &&
    isConnectionFailure(connectError)
  ) {
    // A connection that broke mid-call (a proxy restarting, a reset stream, a body cut off):
    // whatever code the transport reported (Canceled for an HTTP/2 CANCEL, Unknown for a
    // terminated body), nobody cancelled anything and the server did not fail.
    return new SparkConnectionError(
      `${message}. The connection broke before the call completed: check the network and any proxy (Envoy) between this client and Spark`,
      { ...options, errorClass: "CONNECTION_LOST" },
    );
  }
  switch (connectError.code) {
    case Code.Unauthenticated:
    case Code.PermissionDenied:
      return new SparkAuthenticationError(message, {
        ...options,
        errorClass: "AUTHENTICATION_FAILED",
      });
    case Code.Canceled:
      return new SparkCancelledError(message || "the operation was cancelled", {
        ...options,
        errorClass: "OPERATION_CANCELED",
      });
    case Code.Unavailable:
      message = `${message}. Check that the Spark Connect server (and the proxy in front of it, if any) is running and reachable`;
      return new SparkConnectionError(message, {
        ...options,
        errorClass: "CONNECTION_UNAVAILABLE",
      });
    case Code.Unimplemented:
      // connect turns an HTTP 404 (a proxy or web server that does not route the service) into
      // Unimplemented; Spark itself implements every method it is asked for.
      return new SparkConnectionError(
        `${message}. The URL answered but does not serve Spark Connect: check that it points at a gRPC-Web proxy (Envoy) routing /spark.connect.SparkConnectService/ to a Spark Connect server`,
        { ...options, errorClass: "PROXY_PATH_NOT_FOUND" },
      );
    default:
      if (connectError.code === Code.Unknown && FETCH_FAILURE.test(connectError.rawMessage)) {
        // A browser reports a CORS refusal exactly like an unreachable host: name both.
        const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
        const page = typeof origin === "string" && origin !== "null" ? ` (${origin})` : "";
        return new SparkConnectionError(
          `${message}. The request did not reach a server: check the URL, that the proxy or server runs, and, in a browser, that the proxy allows this page's origin${page} (CORS)`,
          { ...options, errorClass: "CONNECTION_FAILED" },
        );
      }
      if (/^protocol error|unexpected content type|text\/html/i.test(connectError.rawMessage)) {
        return new SparkConnectionError(
          `${message}. The URL answered with something other than gRPC(-Web), such as an HTML page or an HTTP/1.1 server: check that it points at the gRPC-Web proxy (for @spark-connect/web) or at Spark's own port (for native gRPC), not at a web page`,
          { ...options, errorClass: "NOT_A_SPARK_CONNECT_ENDPOINT" },
        );
      }
      return new SparkConnectError(message, options);
  }
}
