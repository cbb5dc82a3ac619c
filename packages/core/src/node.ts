/**
 * `@spark-connect/core/node`: connecting from Node over native gRPC (HTTP/2), straight to a Spark
 * Connect server with no proxy. Needs the optional peer dependency `@connectrpc/connect-node`.
 *
 * @module @spark-connect/core/node
 */
import { readFile } from "node:fs/promises";
import type { Interceptor, Transport } from "@connectrpc/connect";
import { createGrpcTransport, type Http2SessionManager } from "@connectrpc/connect-node";
import { DEFAULT_RECURSION_LIMIT } from "./client/client.js";
import { DEFAULT_SPARK_CONNECT_PORT } from "./client/connection-string.js";
import { createSessionManager } from "./node-session-manager.js";
import { SparkSession, type SparkSessionOptions } from "./session.js";

/** Reads a local file for `spark.addArtifacts(path)`. */
async function readLocalFile(path: string): Promise<Uint8Array> {
  const buffer = await readFile(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

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

/**
 * TLS settings for `use_ssl=true` (https) connections, passed to Node's `http2.connect`. They do
 * not apply to plain-text connections.
 */
export interface NodeTlsOptions {
  /**
   * The certificate authorities to trust, in PEM, instead of Node's built-in roots (e.g. a
   * company CA or a test CA). Default: Node's built-in root certificates (and
   * `NODE_EXTRA_CA_CERTS`).
   */
  ca?: string | Buffer | (string | Buffer)[];
  /** A client certificate chain in PEM, for servers that require mutual TLS. Default: none. */
  cert?: string | Buffer;
  /** The private key of `cert`, in PEM. Default: none. */
  key?: string | Buffer;
  /**
   * The server name to send (SNI) and to check the certificate against. Default: the
   * connection string's host.
   */
  servername?: string;
}

/** The http2.connect options for TLS: only for https URLs. */
function tlsFor(baseUrl: string, tls: NodeTlsOptions | undefined): NodeTlsOptions | undefined {
  return tls && baseUrl.startsWith("https:") ? { ...tls } : undefined;
}

/** Options of {@link connect} besides the connection string. */
export interface NodeConnectOptions
  extends Partial<Omit<SparkSessionOptions, "transport">>,
    KeepaliveOptions {
  /** Extra connect interceptors. Default: none. */
  interceptors?: Interceptor[];
  /**
   * TLS settings for `use_ssl=true`, e.g. `{ ca: readFileSync("ca.pem", "utf8") }` for a
   * server whose certificate a private CA signed. Default: Node's built-in root certificates.
   */
  tls?: NodeTlsOptions;
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
    /** TLS settings for an https `baseUrl`. Default: Node's built-in root certificates. */
    tls?: NodeTlsOptions;
    /**
     * The HTTP/2 connection manager. Default: one with the keepalive options (and `tls`). When
     * given, it owns the keepalive and TLS settings.
     */
    sessionManager?: Http2SessionManager;
  } & KeepaliveOptions,
): Transport {
  return createGrpcTransport({
    baseUrl: options.baseUrl,
    binaryOptions: { recursionLimit: DEFAULT_RECURSION_LIMIT },
    // The connection manager owns the keepalive and the options of node's http2.connect (TLS).
    sessionManager:
      options.sessionManager ??
      createSessionManager(
        options.baseUrl,
        {
          pingIntervalMs: options.pingIntervalMs ?? 15_000,
          pingTimeoutMs: options.pingTimeoutMs ?? 10_000,
        },
        tlsFor(options.baseUrl, options.tls),
      ),
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
 *
 * // Over TLS with a token, trusting a private CA:
 * connect("sc://spark.example.com:443/;use_ssl=true;token=…", { tls: { ca: readFileSync("ca.pem", "utf8") } });
 * ```
 */
export function connect(url?: string, options: NodeConnectOptions = {}): SparkSession {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const remote = url ?? env?.SPARK_REMOTE ?? `sc://localhost:${DEFAULT_SPARK_CONNECT_PORT}`;
  const { interceptors, tls, pingIntervalMs, pingTimeoutMs, onClose, ...overrides } = options;
  // Dropped when the session stops, so that no connection to a frozen server outlives it.
  let manager: Http2SessionManager | undefined;
  return SparkSession.fromConnectionString(
    remote,
    (c) => {
      manager = createSessionManager(
        c.baseUrl,
        { pingIntervalMs: pingIntervalMs ?? 15_000, pingTimeoutMs: pingTimeoutMs ?? 10_000 },
        tlsFor(c.baseUrl, tls),
      );
      return createSparkGrpcTransport({
        baseUrl: c.baseUrl,
        sessionManager: manager,
        ...(c.grpcMaxMessageSize === undefined ? {} : { maxMessageSize: c.grpcMaxMessageSize }),
        ...(interceptors ? { interceptors } : {}),
      });
    },
    {
      platform: "node",
      readFile: readLocalFile,
      ...overrides,
      onClose: () => {
        manager?.abort();
        onClose?.();
      },
    },
  );
}
