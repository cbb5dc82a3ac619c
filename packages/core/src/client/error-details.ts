import {
  type QueryContext,
  SparkConnectError,
  type SparkConnectErrorOptions,
  type SparkError,
  serverErrorClass,
} from "../errors.js";
import {
  type FetchErrorDetailsResponse,
  type FetchErrorDetailsResponse_Error,
  FetchErrorDetailsResponse_QueryContext_ContextType,
} from "../gen/spark/connect/base_pb.js";

function stackTraceOf(e: FetchErrorDetailsResponse_Error): string | undefined {
  if (e.stackTrace.length === 0) return undefined;
  return e.stackTrace
    .map(
      (s) =>
        `\tat ${s.declaringClass}.${s.methodName}(${s.fileName ?? "Unknown Source"}${s.lineNumber > 0 ? `:${s.lineNumber}` : ""})`,
    )
    .join("\n");
}

/** Options of {@link withErrorDetails}. */
export interface ErrorDetailsOptions {
  /** Keep each error's JVM stack trace from the details. Default: false. */
  stackTrace?: boolean;
}

function errorOf(
  details: FetchErrorDetailsResponse,
  index: number,
  base: SparkConnectError,
  depth: number,
  options: ErrorDetailsOptions,
): SparkConnectError {
  const e = details.errors[index] as FetchErrorDetailsResponse_Error;
  const t = e.sparkThrowable;
  const classes = e.errorTypeHierarchy;
  const queryContext: QueryContext[] = (t?.queryContexts ?? []).map((q) => ({
    fragment: q.fragment,
    ...(q.contextType === FetchErrorDetailsResponse_QueryContext_ContextType.SQL
      ? { startIndex: q.startIndex, stopIndex: q.stopIndex }
      : {}),
    ...(q.objectType ? { objectType: q.objectType } : {}),
    ...(q.objectName ? { objectName: q.objectName } : {}),
    ...(q.callSite ? { callSite: q.callSite } : {}),
    ...(q.summary ? { summary: q.summary } : {}),
  }));
  const cause =
    e.causeIdx !== undefined && e.causeIdx < details.errors.length && depth < 20
      ? errorOf(details, e.causeIdx, base, depth + 1, options)
      : undefined;
  const errorClass = t?.errorClass ?? (depth === 0 ? base.errorClass : undefined);
  // The details always carry the traces (Spark 4.0/4.1); they are kept only when asked for. The
  // trace the server put in the error itself was asked for (with a session conf): keep it.
  const stackTrace =
    (options.stackTrace ? stackTraceOf(e) : undefined) ??
    (depth === 0 ? base.serverStackTrace : undefined);
  const errorOptions: SparkConnectErrorOptions = {
    ...(depth === 0 && base.code !== undefined ? { code: base.code } : {}),
    ...(errorClass === undefined ? {} : { errorClass }),
    messageParameters: t?.messageParameters ?? {},
    ...(t?.sqlState
      ? { sqlState: t.sqlState }
      : depth === 0 && base.sqlState
        ? { sqlState: base.sqlState }
        : {}),
    serverClasses: classes.length ? classes : base.serverClasses,
    queryContext,
    ...(stackTrace === undefined ? {} : { serverStackTrace: stackTrace }),
    ...(depth === 0 && base.errorId ? { errorId: base.errorId } : {}),
    ...(cause ? { cause } : {}),
  };
  const ErrorClass = serverErrorClass(classes, errorClass);
  return new ErrorClass(e.message, errorOptions);
}

/**
 * The error with the server's full details: the complete message, the query context (the
 * fragment of the SQL text the error points at), the cause chain and, with `stackTrace`, each
 * error's JVM stack trace, from a FetchErrorDetails response. Errors without an error id, or
 * whose details cannot be fetched, are returned unchanged.
 */
export async function withErrorDetails(
  error: SparkError,
  fetchDetails: (errorId: string) => Promise<FetchErrorDetailsResponse>,
  options: ErrorDetailsOptions = {},
): Promise<SparkError> {
  if (!(error instanceof SparkConnectError) || !error.errorId) return error;
  let details: FetchErrorDetailsResponse;
  try {
    details = await fetchDetails(error.errorId);
  } catch {
    return error;
  }
  const root = details.rootErrorIdx;
  if (root === undefined || root >= details.errors.length) return error;
  return errorOf(details, root, error, 0, options);
}
