/**
 * The reattachable execution of one operation: the loop that reads its result stream, reattaches
 * from the last response after a stream the server ended early or a transient failure, and
 * decides what each failure means (see `SparkConnectClient.execute`).
 *
 * @module
 */
import type { CallOptions } from "@connectrpc/connect";
import { ConnectError } from "@connectrpc/connect";
import {
  type SparkCancelledError,
  SparkError,
  SparkProtocolError,
  SparkSessionChangedError,
} from "../errors.js";
import type { ExecutePlanRequest, ExecutePlanResponse } from "../gen/spark/connect/base_pb.js";
import { type ExecutionProgress, progressOf } from "./progress.js";
import type { Releaser } from "./releaser.js";
import { type RetryPolicy, RetryState, type Sleep } from "./retries.js";
import { isSessionGone, sessionGoneError, toSparkError } from "./to-spark-error.js";

/**
 * What a reattach answers when the server does not know the operation: Spark's error class, or
 * the message of servers that send none (Sail: `operation not found`, an
 * IllegalArgumentException).
 */
const OPERATION_NOT_FOUND = /INVALID_HANDLE\.OPERATION_NOT_FOUND|operation not found/i;

/** An operation a client is running, and whether that client asked to interrupt it. */
export interface RunningOperation {
  readonly tags: readonly string[];
  interrupted: boolean;
}

/** What the loop needs from its client, for one operation. */
export interface ReattachContext {
  readonly operationId: string;
  readonly running: RunningOperation;
  readonly releaser: Releaser;
  readonly retryPolicy: RetryPolicy;
  readonly sleep: Sleep;
  executePlan(
    request: ExecutePlanRequest,
    options: CallOptions,
  ): AsyncIterable<ExecutePlanResponse>;
  reattachExecute(
    lastResponseId: string | undefined,
    options: CallOptions,
  ): AsyncIterable<ExecutePlanResponse>;
  /** Throws a SparkSessionChangedError when a response names another server-side session. */
  checkSession(serverSideSessionId: string): void;
  /** Whether the client has seen a server-side session id (the server knew the session). */
  knowsServerSession(): boolean;
  notifyRetry(error: unknown, attempt: number, delayMs: number): void;
  /** The final SparkError of a failure, with the server's details. */
  serverError(error: unknown): Promise<SparkError>;
  /** The error with the client's token redacted. */
  redact<E>(error: E): E;
  /** The cancellation by the signal (the operation is interrupted in the background). */
  cancelled(signal: AbortSignal | undefined, cause: unknown): SparkCancelledError;
  /** The cancellation of an operation the client itself interrupted. */
  interrupted(cause: unknown): SparkCancelledError;
}

/** Options of {@link reattachableExecute}. */
export interface ReattachOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ExecutionProgress) => void;
  /** The options of every ExecutePlan and ReattachExecute call (headers, signal). */
  callOptions: CallOptions;
}

/**
 * Yields every response of the operation, in order, exactly once, reattaching as needed;
 * releases the operation at the end, whether it completed, failed or was abandoned.
 */
export async function* reattachableExecute(
  ctx: ReattachContext,
  request: ExecutePlanRequest,
  options: ReattachOptions,
): AsyncGenerator<ExecutePlanResponse> {
  const { operationId } = ctx;
  const { callOptions, signal } = options;
  let lastResponseId: string | undefined;
  let complete = false;
  /** Whether a response carrying part of the result (not progress, not the end) was yielded. */
  let partial = false;
  let retry = new RetryState(ctx.retryPolicy);
  /** The last error retried, for the message of a deadline that passes. */
  let lastRetried: unknown;
  let stream: AsyncIterable<ExecutePlanResponse> = ctx.executePlan(request, callOptions);
  try {
    for (;;) {
      try {
        for await (const response of stream) {
          ctx.checkSession(response.serverSideSessionId);
          retry = new RetryState(ctx.retryPolicy);
          lastResponseId = response.responseId;
          const kind = response.responseType.case;
          if (kind === "resultComplete") complete = true;
          if (kind === "executionProgress" && options.onProgress) {
            options.onProgress(progressOf(operationId, response.responseType.value));
          }
          yield response;
          if (kind !== undefined && kind !== "executionProgress" && kind !== "resultComplete") {
            partial = true;
          }
          if (!complete) {
            const r = response.responseType;
            ctx.releaser.until(
              response.responseId,
              r.case === "arrowBatch" ? r.value.data.byteLength : 0,
            );
          }
        }
        if (complete) return;
        // The stream ended early (the server's stream limits, a proxy): reattach at once.
      } catch (err) {
        if (signal?.aborted) throw ctx.cancelled(signal, lastRetried ?? err);
        if (err instanceof SparkSessionChangedError) throw withPartial(err, partial);
        // Our own errors and errors of the progress callback pass through.
        if (err instanceof SparkError || !(err instanceof ConnectError)) throw ctx.redact(err);
        if (isSessionGone(err)) {
          if (ctx.knowsServerSession() || lastResponseId !== undefined) {
            throw withPartial(sessionGoneError(ctx.redact(err)), partial);
          }
          // The session's first ExecutePlan never reached the server: send it again below.
        } else if (OPERATION_NOT_FOUND.test(err.rawMessage) && ctx.running.interrupted) {
          // Ended on the server by this client's own interrupt (Sail answers the reattach of an
          // interrupted operation with "operation not found").
          throw ctx.interrupted(toSparkError(err));
        }
        const notFound = isSessionGone(err)
          ? "INVALID_HANDLE.SESSION_NOT_FOUND"
          : OPERATION_NOT_FOUND.test(err.rawMessage)
            ? "INVALID_HANDLE.OPERATION_NOT_FOUND"
            : undefined;
        if (notFound !== undefined) {
          if (lastResponseId !== undefined) {
            throw ctx.redact(responseAlreadyReceived(notFound, err, partial));
          }
          // The first ExecutePlan never reached the server: send it again.
          if (!retry.retryNow()) throw await ctx.serverError(err);
          ctx.notifyRetry(err, retry.retries, 0);
          stream = ctx.executePlan(request, callOptions);
          continue;
        }
        const delay = retry.nextDelay(err);
        if (delay === undefined) {
          const error = await ctx.serverError(err);
          if (ctx.running.interrupted && error.errorClass === undefined && !complete) {
            // Interrupted by this client and ended by the server with no class of its own.
            throw ctx.interrupted(error);
          }
          throw error;
        }
        ctx.notifyRetry(err, retry.retries, delay);
        lastRetried = err;
        try {
          await ctx.sleep(delay, signal);
        } catch {
          throw ctx.cancelled(signal, err);
        }
      }
      stream = ctx.reattachExecute(lastResponseId, callOptions);
    }
  } finally {
    // Done, failed or abandoned by the consumer: free the operation and its buffers on the
    // server (best effort, not awaited). Releasing an unfinished operation also ends it.
    ctx.releaser.all();
  }
}

/** The session error with what had arrived of the result, measured by the caller. */
function withPartial(err: SparkSessionChangedError, partial: boolean): SparkSessionChangedError {
  if (err.messageParameters.partialResult !== undefined) return err;
  return new SparkSessionChangedError(
    `${err.message}; ${partial ? "part of the result had arrived" : "no part of the result had arrived"}`,
    {
      ...(err.errorClass === undefined ? {} : { errorClass: err.errorClass }),
      messageParameters: { ...err.messageParameters, partialResult: String(partial) },
      ...(err.code === undefined ? {} : { code: err.code }),
      ...(err.sqlState === undefined ? {} : { sqlState: err.sqlState }),
      serverClasses: err.serverClasses,
      cause: err.cause ?? err,
    },
  );
}

/**
 * The operation vanished on the server after responses arrived (it was released or abandoned):
 * running it again could duplicate rows.
 */
function responseAlreadyReceived(
  notFound: string,
  err: ConnectError,
  partial: boolean,
): SparkProtocolError {
  return new SparkProtocolError(
    `the server lost the operation (${notFound}) after ${partial ? "part of its result had arrived" : "it had started (no part of its result had arrived)"}; run the action again`,
    {
      errorClass: "RESPONSE_ALREADY_RECEIVED",
      messageParameters: { error_type: notFound, partialResult: String(partial) },
      cause: toSparkError(err),
    },
  );
}
