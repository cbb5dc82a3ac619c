/**
 * `@spark-connect/core/node`: connecting from Node over native gRPC (HTTP/2), straight to a Spark
 * Connect server with no proxy. Needs the optional peer dependency `@connectrpc/connect-node`.
 *
 * @module
 */
import type { Interceptor, Transport } from "@connectrpc/connect";
import { createGrpcTransport, type Http2SessionManager } from "@connectrpc/connect-node";
import { DEFAULT_RECURSION_LIMIT } from "./client/client.js";
import { DEFAULT_SPARK_CONNECT_PORT } from "./client/connection-string.js";
import { createSessionManager } from "./node-session-manager.js";
import { SparkSession, type SparkSessionOptions } from "./session.js";

/** HTTP/2 keepalive of the native transport. */
export interface KeepaliveOptions {
  /**
   * While calls are open, a PING is sent after this many milliseconds without data from the
   * server; `Infinity` turns keepalive off. Default: 15,000.
   */
  pingIntervalMs?: number;
  /**
   * A PING unanswered for this many milliseconds closes the connection: the open calls fail with
   * a SparkConnectionError `CONNECTION_LOST` (retried, and result streams reattached, under the
   * retry policy), so a frozen or vanished server is noticed within interval + timeout (25 s by
   * default). Default: 10,000.
   */
  pingTimeoutMs?: number;
}

/** Options of {@link connect} besides the connection string. */
export interface NodeConnectOptions
  extends Partial<Omit<SparkSessionOptions, "transport">>,
    KeepaliveOptions {
  /** Extra connect interceptors. Default: none. */
  interceptors?: Interceptor[];
}

/**
 * A connect-node gRPC transport with Spark's defaults (binary protobuf, raised nesting limit,
 * HTTP/2 keepalive).
 */
export function createSparkGrpcTransport(
  options: {
    baseUrl: string;
    maxMessageSize?: number;
    interceptors?: Interceptor[];
    /** The HTTP/2 connection manager. Default: one with the keepalive options. */
    sessionManager?: Http2SessionManager;
  } & KeepaliveOptions,
): Transport {
  return createGrpcTransport({
    baseUrl: options.baseUrl,
    binaryOptions: { recursionLimit: DEFAULT_RECURSION_LIMIT },
    // The connection manager owns the keepalive (and the options of node's http2.connect).
    sessionManager:
      options.sessionManager ??
      createSessionManager(options.baseUrl, {
        pingIntervalMs: options.pingIntervalMs ?? 15_000,
        pingTimeoutMs: options.pingTimeoutMs ?? 10_000,
      }),
    ...(options.maxMessageSize
      ? { readMaxBytes: options.maxMessageSize, writeMaxBytes: options.maxMessageSize }
      : {}),
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
  });
}

/**
 * Connects to a Spark Connect server from Node. The connection string defaults to
 * `$SPARK_REMOTE`, then `sc://localhost:15002`.
 *
 * @example
 * ```ts
 * import { connect } from "@spark-connect/core/node";
 * const spark = connect("sc://localhost:15002");
 * await (await spark.sql("SELECT 1 AS one")).show();
 * await spark.stop();
 * ```
 */
export function connect(url?: string, options: NodeConnectOptions = {}): SparkSession {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const remote = url ?? env?.SPARK_REMOTE ?? `sc://localhost:${DEFAULT_SPARK_CONNECT_PORT}`;
  const { interceptors, pingIntervalMs, pingTimeoutMs, onClose, ...overrides } = options;
  // Dropped when the session stops, so that no connection to a frozen server outlives it.
  let manager: Http2SessionManager | undefined;
  return SparkSession.fromConnectionString(
    remote,
    (c) => {
      manager = createSessionManager(c.baseUrl, {
        pingIntervalMs: pingIntervalMs ?? 15_000,
        pingTimeoutMs: pingTimeoutMs ?? 10_000,
      });
      return createSparkGrpcTransport({
        baseUrl: c.baseUrl,
        sessionManager: manager,
        ...(c.grpcMaxMessageSize === undefined ? {} : { maxMessageSize: c.grpcMaxMessageSize }),
        ...(interceptors ? { interceptors } : {}),
      });
    },
    {
      platform: "node",
      ...overrides,
      onClose: () => {
        manager?.abort();
        onClose?.();
      },
    },
  );
}
