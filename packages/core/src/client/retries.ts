/**
 * Retries of transient failures: an exponential backoff with jitter that honours the server's
 * `google.rpc.RetryInfo`, with the same defaults as PySpark's and Scala's Spark Connect clients
 * (the budget tolerates at least ten minutes of unavailability).
 *
 * What is retried is decided here; what a retry means is decided by the caller. Unary calls are
 * sent again. A result stream is never sent again once part of its result arrived: it is
 * reattached from the last response received (see `SparkConnectClient.execute`).
 *
 * @module
 */
import { durationMs } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError } from "@connectrpc/connect";
import { type RetryInfo, RetryInfoSchema } from "../gen/google/rpc/error_details_pb.js";

/** Options of a retry policy. Every field is optional; the defaults are PySpark's. */
export interface RetryPolicyOptions {
  /** How many times one failing call is retried; 0 disables retries. Default: 15. */
  maxRetries?: number;
  /** The wait before the first retry, in milliseconds. Default: 50. */
  initialBackoffMs?: number;
  /** The longest wait between two retries, in milliseconds (before jitter). Default: 60,000. */
  maxBackoffMs?: number;
  /** Each wait is the previous one times this, up to `maxBackoffMs`. Default: 4. */
  backoffMultiplier?: number;
  /** A random extra wait, uniform in [0, jitterMs], in milliseconds. Default: 500. */
  jitterMs?: number;
  /** Waits shorter than this get no jitter, in milliseconds. Default: 2,000. */
  minJitterThresholdMs?: number;
  /**
   * The longest wait the server may ask for with `RetryInfo.retry_delay`, in milliseconds. The
   * server's delay replaces a shorter backoff, even beyond `maxBackoffMs`. Default: 600,000.
   */
  maxServerRetryDelayMs?: number;
  /**
   * The longest wait after a connection failure (the server or proxy unreachable, a proxy with
   * no healthy upstream, a broken connection: `Unavailable` without the server's `RetryInfo`,
   * or {@link isConnectionFailure}), in milliseconds, so that a call resumes within seconds of
   * the server coming back instead of up to a minute later. Connection failures are retried for
   * as long as the regular schedule would wait in total (about 11 minutes by default, PySpark's
   * budget), however many retries that takes. This departs from PySpark, whose waits grow to
   * `maxBackoffMs` for every error. Default: 5,000.
   */
  maxConnectionBackoffMs?: number;
  /** Which errors are retried. Default: {@link isRetryableError}. */
  canRetry?: (error: ConnectError) => boolean;
}

/** A complete, validated retry policy. */
export type RetryPolicy = Readonly<Required<RetryPolicyOptions>>;

/** Waits `ms` milliseconds; rejects with the signal's reason when it aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** PySpark's DefaultPolicy, with connection failures' waits capped (`maxConnectionBackoffMs`). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 15,
  initialBackoffMs: 50,
  maxBackoffMs: 60_000,
  backoffMultiplier: 4,
  jitterMs: 500,
  minJitterThresholdMs: 2_000,
  maxServerRetryDelayMs: 10 * 60 * 1000,
  maxConnectionBackoffMs: 5_000,
  canRetry: isRetryableError,
});

/** A policy that never retries. */
export const NO_RETRIES: RetryPolicy = Object.freeze({ ...DEFAULT_RETRY_POLICY, maxRetries: 0 });

/**
 * The complete policy for some options (`false` disables retries), checking each number.
 *
 * @example
 * ```ts
 * retryPolicy({ maxRetries: 3 }); // 50 ms, 200 ms, 800 ms, then the error
 * retryPolicy(false).maxRetries;  // 0
 * ```
 */
export function retryPolicy(options: RetryPolicyOptions | false = {}): RetryPolicy {
  if (options === false) return NO_RETRIES;
  const policy = { ...DEFAULT_RETRY_POLICY };
  for (const [key, value] of Object.entries(options) as [keyof RetryPolicyOptions, unknown][]) {
    if (value === undefined) continue;
    if (key === "canRetry") {
      if (typeof value !== "function")
        throw new TypeError("retryPolicy.canRetry must be a function");
      policy.canRetry = value as RetryPolicy["canRetry"];
      continue;
    }
    if (!(key in DEFAULT_RETRY_POLICY)) throw new TypeError(`unknown retryPolicy option ${key}`);
    const whole = key === "maxRetries";
    if (
      typeof value !== "number" ||
      Number.isNaN(value) ||
      value < (key === "backoffMultiplier" ? 1 : 0) ||
      (whole && !Number.isInteger(value))
    ) {
      throw new TypeError(
        `retryPolicy.${key} must be ${whole ? "a whole number" : "a number"} ≥ ${key === "backoffMultiplier" ? 1 : 0}, not ${String(value)}`,
      );
    }
    policy[key] = value;
  }
  return Object.freeze(policy);
}

/**
 * The errors worth retrying, as PySpark's default policy decides, plus the connection failures
 * of the JavaScript transports:
 * - `Unavailable` (the server or the proxy cannot be reached, or a proxy has no healthy upstream);
 * - Spark's `INVALID_CURSOR.DISCONNECTED` (another request took over the result stream);
 * - any error that carries a `google.rpc.RetryInfo` (the server asks for a retry);
 * - a connection that failed or broke before any gRPC status arrived (see
 *   `isConnectionFailure`), which connect reports with various codes;
 *
 * but never a {@link permanentFailure} (an unknown host, a TLS mismatch, a port that speaks
 * another protocol), which waiting does not fix.
 *
 * Callers check their own AbortSignal first: a cancellation by the user is never retried.
 */
export function isRetryableError(error: ConnectError): boolean {
  if (permanentFailure(error) !== undefined) return false;
  if (error.code === Code.Unavailable) return true;
  if (error.code === Code.Internal && error.rawMessage.includes("INVALID_CURSOR.DISCONNECTED")) {
    return true;
  }
  if (retryDelayOf(error) !== undefined) return true;
  return isConnectionFailure(error);
}

/** Node's error codes for a connection that could not be made or broke. */
const NODE_CONNECTION_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "ERR_STREAM_PREMATURE_CLOSE",
  "ERR_HTTP2_GOAWAY_SESSION",
  "ERR_HTTP2_SESSION_ERROR",
  "ERR_HTTP2_STREAM_ERROR",
  "ERR_HTTP2_STREAM_CANCEL",
  "ERR_HTTP2_INVALID_SESSION",
]);

/** What fetch's TypeErrors say about the network, in Chromium, Firefox, Safari and undici. */
const FETCH_NETWORK_MESSAGE =
  /failed to fetch|fetch failed|networkerror|network error|load failed|network connection was lost|terminated/i;

/**
 * True when the call failed in the transport, before the server or a proxy answered with a gRPC
 * status: fetch's network TypeErrors (gRPC-Web), a response body cut off before its trailers, an
 * HTTP/2 stream reset by the peer (connect-node reports a proxy going away as `RST_STREAM` with
 * CANCEL or INTERNAL_ERROR), or one of Node's socket errors anywhere in the cause chain.
 */
export function isConnectionFailure(error: ConnectError): boolean {
  if (error.isWireError) return false;
  if (error.rawMessage === "missing trailer") return true;
  if (
    /^http\/2 stream closed with error code (CANCEL|INTERNAL_ERROR|CONNECT_ERROR)\b/.test(
      error.rawMessage,
    )
  ) {
    return true;
  }
  let cause: unknown = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 8; depth++) {
    if (cause instanceof TypeError && FETCH_NETWORK_MESSAGE.test(cause.message)) return true;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && NODE_CONNECTION_CODES.has(code)) return true;
    cause = cause.cause;
  }
  return false;
}

/** A connection failure that no retry can fix, with its error class and what to check. */
export interface PermanentFailure {
  readonly errorClass: "HOST_NOT_FOUND" | "TLS_HANDSHAKE_FAILED" | "NOT_A_GRPC_WEB_ENDPOINT";
  /** Replaces the transport's message when that is noise (OpenSSL's source line…). */
  readonly summary?: string;
  readonly hint: string;
}

/**
 * The failures that retrying cannot fix, found by the Node/undici error codes in the cause
 * chain: DNS NXDOMAIN (`ENOTFOUND`; `EAI_AGAIN`, a DNS timeout, stays transient), a TLS
 * handshake that failed (OpenSSL's `ERR_SSL_*`, `EPROTO`, certificate errors: TLS spoken to a
 * plain-text port, or an untrusted certificate), and an HTTP/1.1 client (gRPC-Web) answered by
 * an HTTP/2-only port (undici's `HPE_INVALID_CONSTANT`: Spark's own native gRPC port). Browsers
 * do not expose such details: there they stay CONNECTION_FAILED.
 */
export function permanentFailure(error: ConnectError): PermanentFailure | undefined {
  if (error.isWireError) return undefined;
  let cause: unknown = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 8; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") {
      if (code === "ENOTFOUND") {
        return {
          errorClass: "HOST_NOT_FOUND",
          hint: "The host name does not resolve (DNS): check the host in the URL",
        };
      }
      if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "ERR_SSL_PACKET_LENGTH_TOO_LONG") {
        return {
          errorClass: "TLS_HANDSHAKE_FAILED",
          summary: `the TLS handshake failed (${code})`,
          hint: "The server answered the TLS handshake in plain text: it does not speak TLS on this port. Use http:// (or use_ssl=false), or the port where TLS is served",
        };
      }
      if (
        code.startsWith("ERR_SSL_") ||
        code.startsWith("ERR_TLS_") ||
        code === "EPROTO" ||
        /CERT|UNABLE_TO_(GET|VERIFY)|SELF_SIGNED/.test(code)
      ) {
        return {
          errorClass: "TLS_HANDSHAKE_FAILED",
          summary: `the TLS handshake failed (${code}: ${cause.message.split("\n")[0]})`,
          hint: `Check that the server speaks TLS on this port and that its certificate is trusted (its CA) and names this host`,
        };
      }
      if (code === "HPE_INVALID_CONSTANT") {
        return {
          errorClass: "NOT_A_GRPC_WEB_ENDPOINT",
          summary: "the response was not HTTP/1.1 (HPE_INVALID_CONSTANT)",
          hint: "The port answered in HTTP/2 only, as Spark's own native gRPC port does: gRPC-Web needs the gRPC-Web proxy (Envoy) in front of Spark. Point the URL at the proxy, or use the native transport (@spark-connect/core/node) for Spark's port",
        };
      }
    }
    cause = cause.cause;
  }
  return undefined;
}

/** The server's `RetryInfo.retry_delay` in milliseconds, when the error carries one. */
export function retryDelayOf(error: ConnectError): number | undefined {
  let info: RetryInfo | undefined;
  try {
    info = error.findDetails(RetryInfoSchema)[0];
  } catch {
    return undefined; // a detail that does not decode
  }
  if (!info) return undefined;
  return info.retryDelay ? Math.max(0, durationMs(info.retryDelay)) : 0;
}

/**
 * The retry budget of one call: how long to wait before each retry, and when to give up. A new
 * state starts from the initial backoff with the whole budget.
 */
export class RetryState {
  readonly policy: RetryPolicy;
  readonly #random: () => number;
  /** The total wait of the regular schedule: the time budget of connection failures. */
  readonly #budgetMs: number;
  #attempt = 0;
  #nextBackoff: number;
  #waitedMs = 0;

  constructor(policy: RetryPolicy, random: () => number = Math.random) {
    this.policy = policy;
    this.#random = random;
    this.#nextBackoff = policy.initialBackoffMs;
    let budget = 0;
    for (let i = 0, b = policy.initialBackoffMs; i < policy.maxRetries; i++) {
      budget += b;
      b = Math.min(policy.maxBackoffMs, b * policy.backoffMultiplier);
    }
    this.#budgetMs = budget;
  }

  /** Retries granted so far. */
  get retries(): number {
    return this.#attempt;
  }

  /**
   * Milliseconds to wait before retrying after `error`, or undefined when the error must not be
   * retried or the budget is spent. Each call that returns a number uses one retry.
   */
  nextDelay(error: ConnectError): number | undefined {
    if (!this.policy.canRetry(error)) return undefined;
    return this.#take(error);
  }

  /**
   * Uses one retry without a wait (e.g. to send an ExecutePlan again that never reached the
   * server); false when the budget is spent.
   */
  retryNow(): boolean {
    if (this.#attempt >= this.policy.maxRetries) return false;
    this.#attempt++;
    return true;
  }

  #take(error: ConnectError): number | undefined {
    const p = this.policy;
    const serverDelay = retryDelayOf(error);
    const connection =
      serverDelay === undefined && (error.code === Code.Unavailable || isConnectionFailure(error));
    let wait = this.#nextBackoff;
    if (connection) {
      // Capped waits, within the regular schedule's total time rather than its count.
      if (p.maxRetries === 0) return undefined;
      wait = Math.min(wait, p.maxConnectionBackoffMs);
      if (this.#waitedMs + wait > this.#budgetMs) return undefined;
    } else if (this.#attempt >= p.maxRetries) {
      return undefined;
    }
    this.#attempt++;
    this.#nextBackoff = Math.min(p.maxBackoffMs, this.#nextBackoff * p.backoffMultiplier);
    if (serverDelay !== undefined) {
      // The server's delay wins over a shorter backoff, up to the policy's cap.
      wait = Math.max(wait, Math.min(serverDelay, p.maxServerRetryDelayMs));
    }
    this.#waitedMs += wait;
    if (wait >= p.minJitterThresholdMs) wait += this.#random() * p.jitterMs;
    return Math.floor(wait);
  }
}

/** A timer-based {@link Sleep}. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** Options of {@link withRetries}. */
export interface WithRetriesOptions {
  /** Stops waiting; the last error is then thrown. */
  signal?: AbortSignal;
  /** How to wait. Default: {@link sleep}. */
  sleep?: Sleep;
  /** Called before each wait with the error and the delay. */
  onRetry?: (error: ConnectError, delayMs: number) => void;
}

/**
 * Runs `call`, retrying it under `policy` while it fails with retryable errors. The error that
 * ends the attempts is thrown as it was (not converted). Only for calls that are safe to send
 * again (idempotent unary calls).
 *
 * @example
 * ```ts
 * const response = await withRetries(() => client.config(request), retryPolicy());
 * ```
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  options: WithRetriesOptions = {},
): Promise<T> {
  const state = new RetryState(policy);
  const wait = options.sleep ?? sleep;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      if (options.signal?.aborted) throw err;
      const delay = state.nextDelay(ConnectError.from(err));
      if (delay === undefined) throw err;
      options.onRetry?.(ConnectError.from(err), delay);
      try {
        await wait(delay, options.signal);
      } catch {
        throw err;
      }
    }
  }
}
