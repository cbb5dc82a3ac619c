import { create, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import {
  type CallOptions,
  type Client,
  Code,
  ConnectError,
  createClient,
  type Transport,
} from "@connectrpc/connect";
import {
  SparkArgumentError,
  SparkCancelledError,
  SparkError,
  SparkProtocolError,
  SparkSessionChangedError,
} from "../errors.js";
import {
  AddArtifactsRequestSchema,
  AnalyzePlanRequestSchema,
  type AnalyzePlanResponse,
  type ConfigRequest_Operation,
  type ConfigResponse,
  type ExecutePlanRequest,
  ExecutePlanRequestSchema,
  type ExecutePlanResponse,
  InterruptRequest_InterruptType,
  type Plan,
  SparkConnectService,
  type UserContext,
  UserContextSchema,
} from "../gen/spark/connect/base_pb.js";
import { type ArtifactPayload, artifactPayloads } from "./artifacts.js";
import {
  isUnknownRelationAnswer,
  newerFeatures,
  olderThan,
  unsupportedByServer,
} from "./capabilities.js";
import { withErrorDetails } from "./error-details.js";
import type { ExecutionProgress } from "./progress.js";
import { type ReattachContext, type RunningOperation, reattachableExecute } from "./reattach.js";
import {
  createReleaser,
  RELEASE_EVERY,
  type ReleaseCadence,
  type Releaser,
  type ReleaserDeps,
} from "./releaser.js";
import {
  type RetryPolicy,
  type RetryPolicyOptions,
  retryPolicy,
  type Sleep,
  sleep as timerSleep,
  withRetries,
} from "./retries.js";
import { toSparkError } from "./to-spark-error.js";

export type { ExecutionProgress, StageProgress } from "./progress.js";

import { checkToken, redactSecret } from "./token.js";

/** The version of this SDK, sent in the client type of every request. */
export const SDK_VERSION = "0.1.0";

/**
 * The deepest message nesting the transports accept when decoding Spark responses: plans echoed
 * back by the server (e.g. in analysis results) nest far deeper than protobuf-es's default of
 * 100. Both platform transports (`@spark-connect/core/node`, `@spark-connect/web`) use it.
 */
export const DEFAULT_RECURSION_LIMIT = 4096;

/** Options of {@link SparkConnectClient}. */
export interface SparkConnectClientOptions {
  /** The connect transport: gRPC (Node), gRPC-Web (browsers) or an in-memory one (tests). */
  transport: Transport;
  /** The session id (a UUID). Default: a fresh random UUID. */
  sessionId?: string;
  /** The user id sent in every request's user context. Default: "" (the server decides). */
  userId?: string;
  /** Added in front of the client type, e.g. "my-dashboard/1.2". Default: none. */
  userAgent?: string;
  /** Request metadata sent with every call (header name → value). Default: none. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Sent as `authorization: Bearer <token>` with every call, and nowhere else: it is checked
   * before any I/O (non-empty, visible ASCII only, at most {@link MAX_TOKEN_BYTES} bytes; else a
   * SparkArgumentError `INVALID_TOKEN` that says `<redacted>`), and replaced by `<redacted>` in
   * any error that quotes it. Default: none.
   */
  token?: string;
  /**
   * The largest request the server accepts, in bytes (Spark's
   * `spark.connect.grpc.maxInboundMessageSize`, 128 MiB by default); larger requests fail before
   * they are sent. Default: 128 MiB.
   */
  maxMessageSize?: number;
  /** A short platform note for the client type, e.g. "node" or "browser". Default: none. */
  platform?: string;
  /**
   * How transient failures (an unreachable server or proxy, a broken connection, an error with
   * the server's `RetryInfo`) are retried; `false` (or `maxRetries: 0`) disables retries. Unary
   * calls are sent again; a result stream is reattached from the last response received, and
   * never sent again once part of its result arrived. Default: PySpark's policy (15 retries,
   * waits from 50 ms growing ×4 up to 60 s, jitter of up to 500 ms on waits from 2 s, the
   * server's `retry_delay` honoured up to 10 min), except that waits after a connection failure
   * are capped at 5 s (`maxConnectionBackoffMs`) for the same ten minutes in total. Permanent
   * failures (an unknown host, a TLS mismatch, a port that speaks another protocol) are never
   * retried.
   */
  retryPolicy?: RetryPolicyOptions | false;
  /**
   * Called before each wait to retry a call or to reattach after a broken result stream, so a
   * page can show "reconnecting…": the error that is being retried (as a SparkError), the
   * retry's number for that call (from 1) and the wait in milliseconds. Not called for the
   * reattaches that follow a stream the server ended on purpose, nor for housekeeping calls
   * (ReleaseExecute). Default: none.
   */
  onRetry?: (event: RetryEvent) => void;
  /**
   * How the client waits between retries; rejects with the signal's reason when it aborts.
   * Tests pass an instant one. Default: a timer.
   */
  sleep?: Sleep;
  /**
   * Keep the server's JVM stack traces on errors: `SparkConnectError.serverStackTrace` of the
   * error and of each error in its `cause` chain, `\tat org.apache.spark….method(File.scala:12)`
   * lines, for reporting a problem on the server. They come with the error details the client
   * fetches (FetchErrorDetails) whenever the session conf `spark.sql.connect.enrichError.enabled`
   * is true (Spark's default); Spark 4.0 and 4.1 always include them there, whatever
   * `spark.sql.connect.serverStacktrace.enabled` says (PySpark reads that conf only to decide
   * whether to print them), so this option is the switch. With enrichError off, the only trace
   * is the abbreviated one in the error itself, which the server adds when the session conf
   * `spark.sql.pyspark.jvmStacktrace.enabled` is true (`spark.conf.set(…)`), and which is kept
   * whatever this option says. Default: false.
   *
   * @example
   * ```ts
   * const spark = connect("sc://localhost:15002", { serverStackTrace: true });
   * try {
   *   await spark.table("missing").collect();
   * } catch (e) {
   *   if (e instanceof SparkConnectError) console.log(e.serverStackTrace);
   * }
   * ```
   */
  serverStackTrace?: boolean;
  /**
   * The overall deadline of every call and action, in milliseconds, retries, waits and
   * reattaches included (a call's own `timeoutMs` replaces it): past it, the call rejects with a
   * SparkCancelledError `DEADLINE_EXCEEDED` whose cause is the last error retried, if any, and
   * the operation is interrupted on the server. Default: none (only the retry budget bounds a
   * call).
   */
  timeoutMs?: number;
  /**
   * How often the client lets the server drop the result responses it has consumed
   * (ReleaseExecute `releaseUntil`, in the background): after this many responses, bytes of
   * Arrow data or milliseconds, whichever comes first; `{ responses: 1 }` releases every
   * response, as PySpark does. Reattaching is unaffected: it always resumes after the last
   * response received. Default: {@link RELEASE_EVERY} (32 responses, 8 MiB, 1 s).
   */
  releaseEvery?: Partial<ReleaseCadence>;
  /**
   * Called once {@link SparkConnectClient.close} (`SparkSession.stop()`) has ended the session,
   * so that a platform package can close its connections (the Node transport drops its HTTP/2
   * connection, which a frozen server would otherwise hold open for minutes). Default: none.
   */
  onClose?: () => void;
}

/** Options of one call. */
export interface CallControl {
  /** Aborts the call. */
  signal?: AbortSignal;
  /**
   * The call's overall deadline in milliseconds, retries included (see
   * {@link SparkConnectClientOptions.timeoutMs}). Default: the session's `timeoutMs`.
   */
  timeoutMs?: number;
}

/** The error class of a call that ran past its `timeoutMs`. */
const DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED";

/**
 * The signal of one call: the caller's, and the deadline's when there is one. `clear` stops the
 * deadline's timer.
 */
function withDeadline(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): { signal: AbortSignal | undefined; clear(): void } {
  if (timeoutMs === undefined) return { signal, clear: () => undefined };
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(
      new SparkError(`the deadline of ${timeoutMs} ms (timeoutMs) passed`, {
        errorClass: DEADLINE_EXCEEDED,
        messageParameters: { timeoutMs: String(timeoutMs) },
      }),
    );
  }, timeoutMs);
  // In Node, a pending deadline must not keep the process alive.
  (timer as { unref?: () => void }).unref?.();
  return {
    signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal,
    clear: () => clearTimeout(timer),
  };
}

function isDeadline(signal: AbortSignal): boolean {
  const reason = signal.reason;
  return reason instanceof SparkError && reason.errorClass === DEADLINE_EXCEEDED;
}

function checkTimeout(timeoutMs: unknown): number | undefined {
  if (timeoutMs === undefined) return undefined;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new SparkArgumentError(
      `timeoutMs must be a positive number of milliseconds, not ${String(timeoutMs)}`,
      { errorClass: "INVALID_TIMEOUT", messageParameters: { timeoutMs: String(timeoutMs) } },
    );
  }
  return timeoutMs;
}

/** What {@link SparkConnectClientOptions.onRetry} receives. */
export interface RetryEvent {
  /** The error being retried, converted as it would be thrown. */
  readonly error: SparkError;
  /** Which retry of this call (or of this result stream since its last response) this is, from 1. */
  readonly attempt: number;
  /** How long the client waits before the retry, in milliseconds. */
  readonly delayMs: number;
  /** The operation, for a result stream (ExecutePlan or ReattachExecute). */
  readonly operationId?: string;
}

/** Options of {@link SparkConnectClient.execute}. */
export interface ExecuteOptions extends CallControl {
  /** Tags for `interruptTag`. Default: the session's tags. */
  tags?: readonly string[];
  /** The operation id (a UUID). Default: a fresh random UUID. */
  operationId?: string;
  /** Called with the server's progress reports while the operation runs. Default: none. */
  onProgress?: (progress: ExecutionProgress) => void;
}

function randomUuid(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Retries of the housekeeping calls (ReleaseExecute, ReleaseSession) at most: they are best
 * effort, and a server that is gone must not keep a process alive for the full budget.
 */
const MAX_HOUSEKEEPING_RETRIES = 3;
/** Timeout of each ReleaseExecute and ReleaseSession call. */
const HOUSEKEEPING_TIMEOUT_MS = 10_000;
/**
 * Timeout of the Interrupt sent when an execution is cancelled. It runs in the background: the
 * cancelled action has already rejected.
 */
const INTERRUPT_TIMEOUT_MS = 10_000;
/**
 * The whole budget of {@link SparkConnectClient.close} (the InterruptAll and the ReleaseSession
 * of `SparkSession.stop()`), in milliseconds: a stopping process must not wait on a server that
 * is gone or frozen. The InterruptAll gets at most {@link CLOSE_INTERRUPT_MS} of it.
 */
export const CLOSE_BUDGET_MS = 5_000;
const CLOSE_INTERRUPT_MS = 2_000;

/** The cancellation error of a call aborted through its signal. */
function cancelledError(
  what: string,
  signal: AbortSignal | undefined,
  cause: unknown,
  messageParameters?: Record<string, string>,
): SparkCancelledError {
  const reason = signal?.reason;
  if (signal !== undefined && isDeadline(signal)) {
    const last = cause === undefined ? undefined : toSparkError(cause);
    const lastText =
      last === undefined || last instanceof SparkCancelledError
        ? ""
        : `; the last error: ${last.message}`;
    return new SparkCancelledError(
      `${what} was cancelled: ${(reason as Error).message}${lastText}`,
      {
        errorClass: DEADLINE_EXCEEDED,
        messageParameters: {
          ...(reason as SparkError).messageParameters,
          ...(messageParameters ?? {}),
        },
        cause: last ?? reason,
      },
    );
  }
  const why = reason === undefined ? "" : `: ${describeReason(reason)}`;
  const by = reason ?? cause;
  return new SparkCancelledError(`${what} was cancelled${why}`, {
    errorClass: "OPERATION_CANCELED",
    ...(messageParameters ? { messageParameters } : {}),
    ...(by === undefined ? {} : { cause: by }),
  });
}

/**
 * An abort reason as text: an Error's (or an error-like object's) message, a string as it is,
 * other objects as JSON (`[object Object]` says nothing).
 */
export function describeReason(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === "object" && reason !== null) {
    const message = (reason as { message?: unknown }).message;
    if (typeof message === "string") return message;
    try {
      const json = JSON.stringify(reason, (_k, v) => (typeof v === "bigint" ? String(v) : v));
      if (json !== undefined) return json;
    } catch {
      // A circular object: fall through.
    }
  }
  return String(reason);
}

/**
 * The low-level Spark Connect client: knows protobuf and bytes, nothing of DataFrames. Every
 * request carries the session id, user context, client type and, once known, the server-side
 * session id it saw; every response's server-side session id is checked.
 */
export class SparkConnectClient {
  readonly sessionId: string;
  readonly userId: string;
  readonly clientType: string;
  readonly maxMessageSize: number;
  readonly #client: Client<typeof SparkConnectService>;
  readonly #headers: Record<string, string>;
  readonly #retryPolicy: RetryPolicy;
  readonly #sleep: Sleep;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  readonly #releaseEvery: ReleaseCadence;
  readonly #serverStackTrace: boolean;
  readonly #token: string | undefined;
  readonly #timeoutMs: number | undefined;
  /** The background calls in flight (see {@link #background}). */
  readonly #pending = new Set<AbortController>();
  #closed = false;
  readonly #onClose: (() => void) | undefined;
  /** The operations running now, by id. */
  readonly #running = new Map<string, RunningOperation>();
  #serverSideSessionId: string | undefined;
  /** The server's Spark version, once an AnalyzePlan has answered it. */
  #serverVersion: string | undefined;

  constructor(options: SparkConnectClientOptions) {
    if (options.sessionId !== undefined && !UUID.test(options.sessionId)) {
      throw new SparkArgumentError(
        `session id ${JSON.stringify(options.sessionId)} is not a UUID`,
        {
          errorClass: "INVALID_SESSION_ID",
        },
      );
    }
    this.sessionId = options.sessionId?.toLowerCase() ?? randomUuid();
    this.userId = options.userId ?? "";
    this.clientType = [options.userAgent, `spark-connect-ts/${SDK_VERSION}`, options.platform]
      .filter(Boolean)
      .join(" ");
    this.maxMessageSize = options.maxMessageSize ?? 128 * 1024 * 1024;
    this.#client = createClient(SparkConnectService, options.transport);
    this.#headers = { ...(options.headers ?? {}) };
    this.#token = options.token === undefined ? undefined : checkToken(options.token);
    if (this.#token !== undefined) this.#headers.authorization = `Bearer ${this.#token}`;
    try {
      this.#retryPolicy = retryPolicy(options.retryPolicy);
    } catch (err) {
      throw new SparkArgumentError((err as Error).message, { errorClass: "INVALID_RETRY_POLICY" });
    }
    this.#sleep = options.sleep ?? timerSleep;
    this.#onRetry = options.onRetry;
    this.#serverStackTrace = options.serverStackTrace === true;
    this.#releaseEvery = Object.freeze({ ...RELEASE_EVERY, ...options.releaseEvery });
    this.#timeoutMs = checkTimeout(options.timeoutMs);
    this.#onClose = options.onClose;
  }

  /** The retry policy in force. */
  get retryPolicy(): RetryPolicy {
    return this.#retryPolicy;
  }

  /** The retry policy with a budget of at most {@link MAX_HOUSEKEEPING_RETRIES}. */
  #housekeepingPolicy(): RetryPolicy {
    const maxRetries = Math.min(this.#retryPolicy.maxRetries, MAX_HOUSEKEEPING_RETRIES);
    return Object.freeze({ ...this.#retryPolicy, maxRetries });
  }

  /** The server-side session id seen so far (undefined before the first response). */
  get serverSideSessionId(): string | undefined {
    return this.#serverSideSessionId;
  }

  #userContext(): UserContext {
    return create(UserContextSchema, { userId: this.userId });
  }

  #base() {
    return {
      sessionId: this.sessionId,
      userContext: this.#userContext(),
      clientType: this.clientType,
      ...(this.#serverSideSessionId === undefined
        ? {}
        : { clientObservedServerSideSessionId: this.#serverSideSessionId }),
    };
  }

  #callOptions(
    control: { signal?: AbortSignal | undefined } = {},
    timeoutMs?: number,
  ): CallOptions {
    return {
      headers: this.#headers,
      ...(control.signal ? { signal: control.signal } : {}),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    };
  }

  /** Checks a response's server-side session id against the one seen before. */
  #checkSession(serverSideSessionId: string): void {
    if (!serverSideSessionId) return;
    if (this.#serverSideSessionId === undefined) {
      this.#serverSideSessionId = serverSideSessionId;
    } else if (this.#serverSideSessionId !== serverSideSessionId) {
      throw new SparkSessionChangedError(
        `the server-side session changed (${this.#serverSideSessionId} → ${serverSideSessionId}): the server restarted or the session is gone; create a new SparkSession`,
        { errorClass: "SESSION_CHANGED" },
      );
    }
  }

  /**
   * Runs a unary call under the retry policy (every unary call Spark Connect has is safe to send
   * again), converting the final error to a SparkError.
   */
  async #unary<T>(
    call: (signal: AbortSignal | undefined) => Promise<T>,
    control: CallControl = {},
    policy: RetryPolicy = this.#retryPolicy,
  ): Promise<T> {
    const deadline = withDeadline(control.signal, this.#timeout(control));
    const signal = deadline.signal;
    let last: unknown;
    try {
      let attempt = 0;
      return await withRetries(
        async () => {
          try {
            return await call(signal);
          } catch (err) {
            if (!signal?.aborted) last = err;
            throw err;
          }
        },
        policy,
        {
          sleep: this.#sleep,
          ...(signal ? { signal } : {}),
          onRetry: (error, delayMs) => this.#notifyRetry(error, ++attempt, delayMs),
        },
      );
    } catch (err) {
      if (
        signal?.aborted &&
        (isDeadline(signal) || ConnectError.from(err).code !== Code.Canceled)
      ) {
        // Aborted while waiting to retry, or past the deadline.
        throw this.#redact(cancelledError("the call", signal, last ?? err));
      }
      throw await this.#serverError(err);
    } finally {
      deadline.clear();
    }
  }

  /** The deadline of a call: its own `timeoutMs`, else the session's. */
  #timeout(control: CallControl): number | undefined {
    return control.timeoutMs === undefined ? this.#timeoutMs : checkTimeout(control.timeoutMs);
  }

  /** Tells the `onRetry` callback, if any; a callback that throws does not stop the retry. */
  #notifyRetry(error: unknown, attempt: number, delayMs: number, operationId?: string): void {
    if (!this.#onRetry) return;
    try {
      this.#onRetry({
        error: toSparkError(error),
        attempt,
        delayMs,
        ...(operationId === undefined ? {} : { operationId }),
      });
    } catch {
      // The caller's display code must not break the call.
    }
  }

  /**
   * The SparkError for a failed call, with the server's full details (message, query context,
   * cause chain and, when `serverStackTrace` is on, stack traces) fetched with FetchErrorDetails
   * when the error carries an error id.
   */
  async #serverError(err: unknown): Promise<SparkError> {
    this.#redact(err);
    const error = await withErrorDetails(
      toSparkError(err),
      (errorId) =>
        this.#client.fetchErrorDetails(
          {
            sessionId: this.sessionId,
            userContext: this.#userContext(),
            clientType: this.clientType,
            errorId,
            ...(this.#serverSideSessionId === undefined
              ? {}
              : { clientObservedServerSideSessionId: this.#serverSideSessionId }),
          },
          this.#callOptions({}, 30_000),
        ),
      { stackTrace: this.#serverStackTrace },
    );
    return this.#redact(error);
  }

  /** The error with the token, if anywhere in it (a transport quoting a header), redacted. */
  #redact<E>(error: E): E {
    return redactSecret(error, this.#token);
  }

  /** AnalyzePlan: schema, explain, version, DDL parsing… */
  async analyze(
    analyze: MessageInitShape<typeof AnalyzePlanRequestSchema>["analyze"],
    control: CallControl = {},
  ): Promise<AnalyzePlanResponse> {
    const request = create(AnalyzePlanRequestSchema, { ...this.#base(), analyze });
    this.#checkSize(toBinary(AnalyzePlanRequestSchema, request).byteLength);
    this.#checkCapabilities(request.analyze);
    let response: AnalyzePlanResponse;
    try {
      response = await this.#unary(
        (signal) => this.#client.analyzePlan(request, this.#callOptions({ signal })),
        control,
      );
    } catch (err) {
      throw await this.#unsupported(err, request.analyze, control);
    }
    this.#checkSession(response.serverSideSessionId);
    if (response.result.case === "sparkVersion") {
      this.#serverVersion = response.result.value.version;
    }
    return response;
  }

  /**
   * AddArtifacts: uploads artifacts in one client stream (batches and chunks as PySpark, see
   * {@link artifactPayloads}); resolves with the names the server stored. Needs a transport with
   * client streaming (gRPC over HTTP/2: not gRPC-Web).
   */
  async addArtifacts(
    artifacts: readonly ArtifactPayload[],
    control: CallControl = {},
  ): Promise<string[]> {
    const base = this.#base();
    const payloads = artifactPayloads(artifacts);
    async function* requests() {
      for (const payload of payloads) yield create(AddArtifactsRequestSchema, { ...base, payload });
    }
    const response = await this.#unary(
      () => this.#client.addArtifacts(requests(), this.#callOptions(control)),
      control,
    );
    this.#checkSession(response.serverSideSessionId);
    const bad = response.artifacts.filter((a) => !a.isCrcSuccessful).map((a) => a.name);
    if (bad.length > 0) {
      throw new SparkProtocolError(`the server got corrupted artifacts: ${bad.join(", ")}`, {
        errorClass: "ARTIFACT_CRC_MISMATCH",
      });
    }
    return response.artifacts.map((a) => a.name);
  }

  /** Throws before sending when the server is known to lack a feature `message` uses. */
  #checkCapabilities(message: unknown): void {
    const version = this.#serverVersion;
    if (version === undefined) return;
    const missing = newerFeatures(message).filter((f) => olderThan(version, f.since));
    if (missing.length > 0) throw unsupportedByServer(missing, version);
  }

  /**
   * `err`, or, when it is a server's answer to a relation it does not know and `message` uses
   * newer features, an UnsupportedOperationError naming them and the version the server reports.
   */
  async #unsupported(err: unknown, message: unknown, control: CallControl): Promise<unknown> {
    if (!(err instanceof SparkError) || !isUnknownRelationAnswer(err)) return err;
    const features = newerFeatures(message);
    if (features.length === 0) return err;
    let version = this.#serverVersion;
    if (version === undefined) {
      try {
        const answer = await this.analyze({ case: "sparkVersion", value: {} }, control);
        version = answer.result.case === "sparkVersion" ? answer.result.value.version : undefined;
      } catch {
        // The server's own answer is still the best error.
      }
    }
    if (version === undefined) return err;
    const missing = features.filter((f) => olderThan(version, f.since));
    return missing.length > 0 ? unsupportedByServer(missing, version, err) : err;
  }

  /** Config: get, set, unset… */
  async config(
    operation: ConfigRequest_Operation,
    control: CallControl = {},
  ): Promise<ConfigResponse> {
    const response = await this.#unary(
      (signal) =>
        this.#client.config({ ...this.#base(), operation }, this.#callOptions({ signal })),
      control,
    );
    this.#checkSession(response.serverSideSessionId);
    return response;
  }

  /** Interrupts operations: all of the session's, those with a tag, or one by id. */
  async interrupt(
    target: { all: true } | { tag: string } | { operationId: string },
    control: CallControl = {},
    { policy, timeoutMs }: { policy?: RetryPolicy; timeoutMs?: number } = {},
  ): Promise<string[]> {
    const request =
      "all" in target
        ? {
            interruptType: InterruptRequest_InterruptType.ALL,
            interrupt: { case: undefined } as const,
          }
        : "tag" in target
          ? {
              interruptType: InterruptRequest_InterruptType.TAG,
              interrupt: { case: "operationTag" as const, value: target.tag },
            }
          : {
              interruptType: InterruptRequest_InterruptType.OPERATION_ID,
              interrupt: { case: "operationId" as const, value: target.operationId },
            };
    // Marked before the call: the server may end the operation's stream before it answers.
    for (const [id, op] of this.#running) {
      if (
        "all" in target ||
        ("tag" in target ? op.tags.includes(target.tag) : id === target.operationId)
      ) {
        op.interrupted = true;
      }
    }
    const response = await this.#unary(
      (signal) =>
        this.#client.interrupt(
          { ...this.#base(), ...request },
          this.#callOptions({ signal }, timeoutMs),
        ),
      control,
      policy,
    );
    this.#checkSession(response.serverSideSessionId);
    return response.interruptedIds;
  }

  /**
   * Ends the session on the server within {@link CLOSE_BUDGET_MS} whatever the server's state:
   * an InterruptAll first (unless `interrupt` is false), then ReleaseSession, each with at most
   * three quick retries, under one overall deadline (and the caller's signal). Failures are
   * swallowed: the server ends abandoned sessions by itself.
   */
  async close(options: CallControl & { interrupt?: boolean } = {}): Promise<void> {
    const deadline = AbortSignal.timeout(CLOSE_BUDGET_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const policy = this.#housekeepingPolicy();
    const started = Date.now();
    if (options.interrupt !== false) {
      await this.interrupt(
        { all: true },
        { signal },
        { policy, timeoutMs: CLOSE_INTERRUPT_MS },
      ).catch(() => undefined);
    }
    const left = Math.max(1, CLOSE_BUDGET_MS - (Date.now() - started));
    await this.releaseSession({ signal }, left).catch(() => undefined);
    // The server has closed the session's operations: stop what is still going on for them.
    this.#closed = true;
    for (const c of this.#pending) c.abort();
    this.#pending.clear();
    try {
      this.#onClose?.();
    } catch {
      // Closing the connections is best effort.
    }
  }

  /** Ends the server-side session. */
  async releaseSession(
    control: CallControl = {},
    timeoutMs: number = HOUSEKEEPING_TIMEOUT_MS,
  ): Promise<void> {
    await this.#unary(
      (signal) =>
        this.#client.releaseSession(
          {
            sessionId: this.sessionId,
            userContext: this.#userContext(),
            clientType: this.clientType,
          },
          this.#callOptions({ signal }, timeoutMs),
        ),
      control,
      this.#housekeepingPolicy(),
    );
  }

  #checkSize(bytes: number): void {
    if (bytes > this.maxMessageSize) {
      throw new SparkArgumentError(
        `the request is ${bytes} bytes, more than the server accepts (${this.maxMessageSize} bytes); send less local data per request or raise spark.connect.grpc.maxInboundMessageSize`,
        {
          errorClass: "REQUEST_TOO_LARGE",
          messageParameters: { size: String(bytes), limit: String(this.maxMessageSize) },
        },
      );
    }
  }

  /**
   * The error of a cancelled operation, at once, after asking the server (in the background) to
   * interrupt it: aborting only detaches a reattachable execution, which the server would
   * otherwise keep running.
   */
  #cancelled(
    operationId: string,
    signal: AbortSignal | undefined,
    cause?: unknown,
  ): SparkCancelledError {
    void this.#background((signal) =>
      this.#client.interrupt(
        {
          ...this.#base(),
          interruptType: InterruptRequest_InterruptType.OPERATION_ID,
          interrupt: { case: "operationId", value: operationId },
        },
        this.#callOptions({ signal }, INTERRUPT_TIMEOUT_MS),
      ),
    ).catch(() => undefined);
    return this.#redact(cancelledError(`operation ${operationId}`, signal, cause, { operationId }));
  }

  /**
   * Runs a call nobody awaits (a release, the Interrupt of a cancelled action) with its own
   * abort controller, which {@link close} aborts: once the session is closed, no background call
   * keeps a Node process alive waiting on a server that is gone (each listener is on its own
   * signal, so any number of them raises no listener warning).
   */
  #background<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error("the client is closed"));
    const controller = new AbortController();
    this.#pending.add(controller);
    return call(controller.signal).finally(() => this.#pending.delete(controller));
  }

  /** What the releaser of an operation needs: the call, and the housekeeping budget. */
  #releaseDeps(): ReleaserDeps {
    return {
      releaseExecute: (release) =>
        this.#background((signal) =>
          this.#client.releaseExecute(
            { ...this.#base(), ...release },
            this.#callOptions({ signal }, HOUSEKEEPING_TIMEOUT_MS),
          ),
        ),
      policy: this.#housekeepingPolicy(),
      sleep: this.#sleep,
      every: this.#releaseEvery,
    };
  }

  /** What the reattach loop of one operation needs from this client. */
  #reattachContext(
    operationId: string,
    running: RunningOperation,
    releaser: Releaser,
  ): ReattachContext {
    return {
      operationId,
      running,
      releaser,
      retryPolicy: this.#retryPolicy,
      sleep: this.#sleep,
      executePlan: (request, options) => this.#client.executePlan(request, options),
      reattachExecute: (lastResponseId, options) =>
        this.#client.reattachExecute(
          {
            ...this.#base(),
            operationId,
            ...(lastResponseId === undefined ? {} : { lastResponseId }),
          },
          options,
        ),
      checkSession: (id) => this.#checkSession(id),
      knowsServerSession: () => this.#serverSideSessionId !== undefined,
      notifyRetry: (err, attempt, delayMs) => this.#notifyRetry(err, attempt, delayMs, operationId),
      serverError: (err) => this.#serverError(err),
      redact: (err) => this.#redact(err),
      cancelled: (signal, cause) => this.#cancelled(operationId, signal, cause),
      interrupted: (cause) =>
        this.#redact(cancelledError(`operation ${operationId}`, undefined, cause, { operationId })),
    };
  }

  /**
   * Executes a plan and yields every response, in order, exactly once.
   *
   * The execution is reattachable (as in PySpark): when the stream ends without ResultComplete
   * (the server ends result streams after `senderMaxStreamDuration`/`senderMaxStreamSize`), or
   * breaks with an error the retry policy accepts, the client sends ReattachExecute from the last
   * response it received, after the policy's wait; the budget starts afresh with each response.
   * If the server does not know the operation, the ExecutePlan never reached it: it is sent again
   * when no response has arrived yet, and the call fails (RESPONSE_ALREADY_RECEIVED) otherwise;
   * an operation this client interrupted (`interrupt`, by id, tag or all) fails with
   * OPERATION_CANCELED instead. A server that restarted or lost the session fails with a
   * SparkSessionChangedError that says whether part of the result had been yielded.
   * Consumed responses are released as the stream goes on (`releaseUntil`), and the operation at
   * the end (`releaseAll`), whether it completed, failed or was abandoned. An aborted signal
   * fails at once with OPERATION_CANCELED and interrupts the operation on the server in the
   * background.
   */
  async *execute(plan: Plan, options: ExecuteOptions = {}): AsyncGenerator<ExecutePlanResponse> {
    const operationId = options.operationId ?? randomUuid();
    const tags = [...(options.tags ?? [])];
    const request: ExecutePlanRequest = create(ExecutePlanRequestSchema, {
      ...this.#base(),
      operationId,
      plan,
      tags,
      requestOptions: [
        { requestOption: { case: "reattachOptions", value: { reattachable: true } } },
      ],
    });
    this.#checkSize(toBinary(ExecutePlanRequestSchema, request).byteLength);
    this.#checkCapabilities(plan);
    const deadline = withDeadline(options.signal, this.#timeout(options));
    const signal = deadline.signal;
    const callOptions = this.#callOptions({ signal });
    const release = createReleaser(this.#releaseDeps(), operationId);
    const running: RunningOperation = { tags, interrupted: false };
    this.#running.set(operationId, running);
    try {
      yield* reattachableExecute(this.#reattachContext(operationId, running, release), request, {
        ...(signal ? { signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        callOptions,
      });
    } catch (err) {
      // A server without a relation this plan uses answers in its own words: name the feature.
      throw await this.#unsupported(err, plan, options.signal ? { signal: options.signal } : {});
    } finally {
      deadline.clear();
      this.#running.delete(operationId);
      // Also when the loop never started (the consumer did not pull): end the operation.
      release.all();
    }
  }
}
