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
} from "../errors.js";
import {
  AnalyzePlanRequestSchema,
  type AnalyzePlanResponse,
  type ConfigRequest_Operation,
  type ConfigResponse,
  type ExecutePlanRequest,
  ExecutePlanRequestSchema,
  type ExecutePlanResponse,
  type ExecutePlanResponse_ExecutionProgress,
  InterruptRequest_InterruptType,
  type Plan,
  SparkConnectService,
  type UserContext,
  UserContextSchema,
} from "../gen/spark/connect/base_pb.js";
import {
  isUnknownRelationAnswer,
  newerFeatures,
  olderThan,
  unsupportedByServer,
} from "./capabilities.js";
import { withErrorDetails } from "./error-details.js";
import {
  type RetryPolicy,
  type RetryPolicyOptions,
  RetryState,
  retryPolicy,
  type Sleep,
  sleep as timerSleep,
  withRetries,
} from "./retries.js";
import { toSparkError } from "./to-spark-error.js";

/** The version of this SDK, sent in the client type of every request. */
export const SDK_VERSION = "0.1.0";

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
  /** Sent as `authorization: Bearer <token>` with every call. Default: none. */
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
   * server's `retry_delay` honoured up to 10 min).
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
}

/** Options of one call. */
export interface CallControl {
  /** Aborts the call. */
  signal?: AbortSignal;
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

/** One stage of a running operation, as the server reports it. */
export interface StageProgress {
  readonly stageId: number;
  /** Tasks of the stage. */
  readonly tasks: number;
  /** Tasks of the stage that finished. */
  readonly completedTasks: number;
  /** Bytes the stage has read so far. */
  readonly inputBytesRead: number;
  /** True once the stage has finished. */
  readonly done: boolean;
}

/** A progress report of a running operation (Spark's ExecutionProgress). */
export interface ExecutionProgress {
  readonly operationId: string;
  readonly stages: readonly StageProgress[];
  /** Tasks running right now. */
  readonly inflightTasks: number;
  /** Sums over the stages reported so far. */
  readonly tasks: number;
  readonly completedTasks: number;
  readonly inputBytesRead: number;
}

function progressOf(
  operationId: string,
  p: ExecutePlanResponse_ExecutionProgress,
): ExecutionProgress {
  const stages = p.stages.map((s) =>
    Object.freeze({
      stageId: Number(s.stageId),
      tasks: Number(s.numTasks),
      completedTasks: Number(s.numCompletedTasks),
      inputBytesRead: Number(s.inputBytesRead),
      done: s.done,
    }),
  );
  return Object.freeze({
    operationId,
    stages: Object.freeze(stages),
    inflightTasks: Number(p.numInflightTasks),
    tasks: stages.reduce((a, s) => a + s.tasks, 0),
    completedTasks: stages.reduce((a, s) => a + s.completedTasks, 0),
    inputBytesRead: stages.reduce((a, s) => a + s.inputBytesRead, 0),
  });
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
const HOUSEKEEPING_TIMEOUT_MS = 30_000;
/** Timeout of the Interrupt sent when an execution is cancelled (the caller waits for it). */
const INTERRUPT_TIMEOUT_MS = 10_000;

/** Errors a reattach answers when the server does not know the operation (or the session). */
const NOT_FOUND = ["INVALID_HANDLE.OPERATION_NOT_FOUND", "INVALID_HANDLE.SESSION_NOT_FOUND"];

/** The cancellation error of a call aborted through its signal. */
function cancelledError(
  what: string,
  signal: AbortSignal | undefined,
  cause: unknown,
  messageParameters?: Record<string, string>,
): SparkCancelledError {
  const reason = signal?.reason;
  const why =
    reason instanceof Error
      ? `: ${reason.message}`
      : reason === undefined
        ? ""
        : `: ${String(reason)}`;
  const by = reason ?? cause;
  return new SparkCancelledError(`${what} was cancelled${why}`, {
    errorClass: "OPERATION_CANCELED",
    ...(messageParameters ? { messageParameters } : {}),
    ...(by === undefined ? {} : { cause: by }),
  });
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
  readonly #serverStackTrace: boolean;
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
    if (options.token !== undefined) this.#headers.authorization = `Bearer ${options.token}`;
    try {
      this.#retryPolicy = retryPolicy(options.retryPolicy);
    } catch (err) {
      throw new SparkArgumentError((err as Error).message, { errorClass: "INVALID_RETRY_POLICY" });
    }
    this.#sleep = options.sleep ?? timerSleep;
    this.#onRetry = options.onRetry;
    this.#serverStackTrace = options.serverStackTrace === true;
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

  #callOptions(control: CallControl = {}, timeoutMs?: number): CallOptions {
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
      throw new SparkProtocolError(
        `the server-side session changed (${this.#serverSideSessionId} → ${serverSideSessionId}): the server restarted or the session was lost; create a new SparkSession`,
        { errorClass: "SESSION_CHANGED" },
      );
    }
  }

  /**
   * Runs a unary call under the retry policy (every unary call Spark Connect has is safe to send
   * again), converting the final error to a SparkError.
   */
  async #unary<T>(
    call: () => Promise<T>,
    control: CallControl = {},
    policy: RetryPolicy = this.#retryPolicy,
  ): Promise<T> {
    try {
      let attempt = 0;
      return await withRetries(call, policy, {
        sleep: this.#sleep,
        ...(control.signal ? { signal: control.signal } : {}),
        onRetry: (error, delayMs) => this.#notifyRetry(error, ++attempt, delayMs),
      });
    } catch (err) {
      const signal = control.signal;
      if (signal?.aborted && ConnectError.from(err).code !== Code.Canceled) {
        // Aborted while waiting to retry.
        throw cancelledError("the call", signal, err);
      }
      throw await this.#serverError(err);
    }
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
    return withErrorDetails(
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
        () => this.#client.analyzePlan(request, this.#callOptions(control)),
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
      () => this.#client.config({ ...this.#base(), operation }, this.#callOptions(control)),
      control,
    );
    this.#checkSession(response.serverSideSessionId);
    return response;
  }

  /** Interrupts operations: all of the session's, those with a tag, or one by id. */
  async interrupt(
    target: { all: true } | { tag: string } | { operationId: string },
    control: CallControl = {},
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
    const response = await this.#unary(
      () => this.#client.interrupt({ ...this.#base(), ...request }, this.#callOptions(control)),
      control,
    );
    this.#checkSession(response.serverSideSessionId);
    return response.interruptedIds;
  }

  /** Ends the server-side session. */
  async releaseSession(control: CallControl = {}): Promise<void> {
    await this.#unary(
      () =>
        this.#client.releaseSession(
          {
            sessionId: this.sessionId,
            userContext: this.#userContext(),
            clientType: this.clientType,
          },
          this.#callOptions(control, HOUSEKEEPING_TIMEOUT_MS),
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
   * The error of a cancelled operation, after asking the server to interrupt it: aborting only
   * detaches a reattachable execution, which the server would otherwise keep running.
   */
  async #cancelled(
    operationId: string,
    signal: AbortSignal | undefined,
    cause?: unknown,
  ): Promise<SparkCancelledError> {
    await this.#client
      .interrupt(
        {
          ...this.#base(),
          interruptType: InterruptRequest_InterruptType.OPERATION_ID,
          interrupt: { case: "operationId", value: operationId },
        },
        this.#callOptions({}, INTERRUPT_TIMEOUT_MS),
      )
      .catch(() => undefined);
    return cancelledError(`operation ${operationId}`, signal, cause, { operationId });
  }

  /**
   * Best-effort ReleaseExecute calls for one operation, never awaited by the stream. `until`
   * lets the server drop the responses the client has consumed: at most one such call is in
   * flight, later ones are merged into the next. `all` ends the operation on the server (with a
   * few retries) and stops any further `until`.
   */
  #releaser(operationId: string): { until(responseId: string): void; all(): void } {
    let inFlight = false;
    let pending: string | undefined;
    let closed = false;
    const options = this.#callOptions({}, HOUSEKEEPING_TIMEOUT_MS);
    const until = (responseId: string): void => {
      if (closed) return;
      if (inFlight) {
        pending = responseId;
        return;
      }
      inFlight = true;
      void this.#client
        .releaseExecute(
          {
            ...this.#base(),
            operationId,
            release: { case: "releaseUntil", value: { responseId } },
          },
          options,
        )
        .catch(() => undefined)
        .then(() => {
          inFlight = false;
          const next = pending;
          pending = undefined;
          if (next !== undefined) until(next);
        });
    };
    const all = (): void => {
      if (closed) return;
      closed = true;
      pending = undefined;
      const request = {
        ...this.#base(),
        operationId,
        release: { case: "releaseAll" as const, value: {} },
      };
      void withRetries(
        () => this.#client.releaseExecute(request, options),
        this.#housekeepingPolicy(),
        { sleep: this.#sleep },
      ).catch(() => undefined);
    };
    return { until, all };
  }

  /**
   * Executes a plan and yields every response, in order, exactly once.
   *
   * The execution is reattachable (as in PySpark): when the stream ends without ResultComplete
   * (the server ends result streams after `senderMaxStreamDuration`/`senderMaxStreamSize`), or
   * breaks with an error the retry policy accepts, the client sends ReattachExecute from the last
   * response it received, after the policy's wait; the budget starts afresh with each response.
   * If the server does not know the operation, the ExecutePlan never reached it: it is sent again
   * when no response has arrived yet, and the call fails (RESPONSE_ALREADY_RECEIVED) otherwise.
   * Consumed responses are released as the stream goes on (`releaseUntil`), and the operation at
   * the end (`releaseAll`), whether it completed, failed or was abandoned. An aborted signal
   * interrupts the operation on the server and fails with OPERATION_CANCELED.
   */
  async *execute(plan: Plan, options: ExecuteOptions = {}): AsyncGenerator<ExecutePlanResponse> {
    const operationId = options.operationId ?? randomUuid();
    const request: ExecutePlanRequest = create(ExecutePlanRequestSchema, {
      ...this.#base(),
      operationId,
      plan,
      tags: [...(options.tags ?? [])],
      requestOptions: [
        { requestOption: { case: "reattachOptions", value: { reattachable: true } } },
      ],
    });
    this.#checkSize(toBinary(ExecutePlanRequestSchema, request).byteLength);
    this.#checkCapabilities(plan);
    const callOptions = this.#callOptions(options);
    const release = this.#releaser(operationId);
    let lastResponseId: string | undefined;
    let complete = false;
    let retry = new RetryState(this.#retryPolicy);
    let stream: AsyncIterable<ExecutePlanResponse> = this.#client.executePlan(request, callOptions);
    try {
      for (;;) {
        try {
          for await (const response of stream) {
            this.#checkSession(response.serverSideSessionId);
            retry = new RetryState(this.#retryPolicy);
            lastResponseId = response.responseId;
            if (response.responseType.case === "resultComplete") complete = true;
            if (response.responseType.case === "executionProgress" && options.onProgress) {
              options.onProgress(progressOf(operationId, response.responseType.value));
            }
            yield response;
            if (!complete) release.until(response.responseId);
          }
          if (complete) return;
          // The stream ended early (the server's stream limits, a proxy): reattach at once.
        } catch (err) {
          if (options.signal?.aborted) {
            throw await this.#cancelled(operationId, options.signal, err);
          }
          // Our own errors (a changed session) and errors of the progress callback pass through.
          if (err instanceof SparkError || !(err instanceof ConnectError)) throw err;
          const notFound = NOT_FOUND.find((c) => err.rawMessage.includes(c));
          if (notFound !== undefined) {
            if (lastResponseId !== undefined) throw responseAlreadyReceived(notFound, err);
            // The first ExecutePlan never reached the server: send it again.
            if (!retry.retryNow()) throw await this.#serverError(err);
            this.#notifyRetry(err, retry.retries, 0, operationId);
            stream = this.#client.executePlan(request, callOptions);
            continue;
          }
          const delay = retry.nextDelay(err);
          if (delay === undefined) {
            throw await this.#unsupported(await this.#serverError(err), plan, options);
          }
          this.#notifyRetry(err, retry.retries, delay, operationId);
          try {
            await this.#sleep(delay, options.signal);
          } catch {
            throw await this.#cancelled(operationId, options.signal, err);
          }
        }
        stream = this.#client.reattachExecute(
          {
            ...this.#base(),
            operationId,
            ...(lastResponseId === undefined ? {} : { lastResponseId }),
          },
          callOptions,
        );
      }
    } finally {
      // Done, failed or abandoned by the consumer: free the operation and its buffers on the
      // server (best effort, not awaited). Releasing an unfinished operation also ends it.
      release.all();
    }
  }
}

/**
 * The operation vanished on the server after part of its result arrived (the server restarted,
 * or the operation was released or abandoned): running it again could duplicate rows.
 */
function responseAlreadyReceived(notFound: string, err: ConnectError): SparkProtocolError {
  return new SparkProtocolError(
    `the server lost the operation (${notFound}) after part of its result had arrived; run the action again`,
    {
      errorClass: "RESPONSE_ALREADY_RECEIVED",
      messageParameters: { error_type: notFound },
      cause: toSparkError(err),
    },
  );
}
