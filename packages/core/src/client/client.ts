import { create, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import {
  type CallOptions,
  type Client,
  Code,
  ConnectError,
  createClient,
  type Transport,
} from "@connectrpc/connect";
import { SparkArgumentError, SparkProtocolError } from "../errors.js";
import {
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
}

/** Options of one call. */
export interface CallControl {
  /** Aborts the call. */
  signal?: AbortSignal;
}

/** Options of {@link SparkConnectClient.execute}. */
export interface ExecuteOptions extends CallControl {
  /** Tags for `interruptTag`. Default: the session's tags. */
  tags?: readonly string[];
  /** The operation id (a UUID). Default: a fresh random UUID. */
  operationId?: string;
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
const RETRYABLE = new Set([Code.Unavailable]);
const MAX_RETRIES = 4;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

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
  #serverSideSessionId: string | undefined;

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
  }

  /** The server-side session id seen so far (undefined before the first response). */
  get serverSideSessionId(): string | undefined {
    return this.#serverSideSessionId;
  }

  /** A new client for a new session on the same server, with the same settings. */
  withSessionId(sessionId: string, transport: Transport): SparkConnectClient {
    const { authorization: _, ...headers } = this.#headers;
    const token = this.#headers.authorization?.replace(/^Bearer /, "");
    return new SparkConnectClient({
      transport,
      sessionId,
      userId: this.userId,
      headers,
      ...(token === undefined ? {} : { token }),
      maxMessageSize: this.maxMessageSize,
    });
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

  /** Runs a unary call with retries on transient failures, converting errors to SparkErrors. */
  async #unary<T>(call: () => Promise<T>, control: CallControl = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const e = ConnectError.from(err);
        if (attempt < MAX_RETRIES && RETRYABLE.has(e.code) && !control.signal?.aborted) {
          await sleep(backoff(attempt), control.signal);
          continue;
        }
        throw toSparkError(err);
      }
    }
  }

  /** AnalyzePlan: schema, explain, version, DDL parsing… */
  async analyze(
    analyze: MessageInitShape<typeof AnalyzePlanRequestSchema>["analyze"],
    control: CallControl = {},
  ): Promise<AnalyzePlanResponse> {
    const request = create(AnalyzePlanRequestSchema, { ...this.#base(), analyze });
    this.#checkSize(toBinary(AnalyzePlanRequestSchema, request).byteLength);
    const response = await this.#unary(
      () => this.#client.analyzePlan(request, this.#callOptions(control)),
      control,
    );
    this.#checkSession(response.serverSideSessionId);
    return response;
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
          this.#callOptions(control, 30_000),
        ),
      control,
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
   * Executes a plan and yields every response, in order, exactly once. The execution is
   * reattachable: when the stream ends without ResultComplete, or breaks with a transient error,
   * the client reattaches from the last response it received; responses are released as they are
   * consumed, and everything at the end.
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
    const callOptions = this.#callOptions(options);
    let lastResponseId: string | undefined;
    let complete = false;
    let attempt = 0;
    let stream: AsyncIterable<ExecutePlanResponse> = this.#client.executePlan(request, callOptions);
    let started = false;
    try {
      for (;;) {
        try {
          for await (const response of stream) {
            this.#checkSession(response.serverSideSessionId);
            started = true;
            attempt = 0;
            lastResponseId = response.responseId;
            if (response.responseType.case === "resultComplete") complete = true;
            yield response;
          }
          if (complete) return;
        } catch (err) {
          if (err instanceof SparkProtocolError) throw err;
          const e = ConnectError.from(err);
          if (options.signal?.aborted || attempt >= MAX_RETRIES || !isReattachable(e)) {
            if (!started && isOperationNotFound(e) && attempt < MAX_RETRIES) {
              // The first ExecutePlan never reached the server: send it again.
              attempt++;
              stream = this.#client.executePlan(request, callOptions);
              continue;
            }
            throw toSparkError(err);
          }
          await sleep(backoff(attempt++), options.signal);
        }
        // The stream ended early (the server's stream limits, a proxy, the network): reattach.
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
      if (started || complete) {
        void this.#client
          .releaseExecute(
            { ...this.#base(), operationId, release: { case: "releaseAll", value: {} } },
            this.#callOptions({}, 30_000),
          )
          .catch(() => undefined);
      }
    }
  }
}

function isReattachable(e: ConnectError): boolean {
  if (RETRYABLE.has(e.code)) return true;
  // Spark ends a stream whose client vanished with INVALID_CURSOR.DISCONNECTED: reattach.
  return e.code === Code.Internal && e.rawMessage.includes("INVALID_CURSOR.DISCONNECTED");
}

function isOperationNotFound(e: ConnectError): boolean {
  return e.rawMessage.includes("INVALID_HANDLE.OPERATION_NOT_FOUND");
}

/** Exponential backoff with full jitter: about 50 ms, 100 ms, 200 ms… capped at 10 s. */
function backoff(attempt: number): number {
  const cap = Math.min(10_000, 50 * 2 ** attempt);
  return cap / 2 + Math.random() * (cap / 2);
}

export { randomUuid };
