/**
 * `@spark-connect/core/node`: connecting from Node over native gRPC (HTTP/2), straight to a Spark
 * Connect server with no proxy. Needs the optional peer dependency `@connectrpc/connect-node`.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import type { Interceptor, Transport } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { DEFAULT_SPARK_CONNECT_PORT } from "./client/connection-string.js";
import { SparkSession, type SparkSessionOptions } from "./session.js";

/** Reads a local file for `spark.addArtifacts(path)`. */
async function readLocalFile(path: string): Promise<Uint8Array> {
  const buffer = await readFile(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The decoding nesting limit for Spark responses (protobuf-es's default of 100 is too low for plans). */
const RECURSION_LIMIT = 4096;

/** Options of {@link connect} besides the connection string. */
export interface NodeConnectOptions extends Partial<Omit<SparkSessionOptions, "transport">> {
  /** Extra connect interceptors. Default: none. */
  interceptors?: Interceptor[];
}

/** A connect-node gRPC transport with Spark's defaults (binary protobuf, raised nesting limit). */
export function createSparkGrpcTransport(options: {
  baseUrl: string;
  maxMessageSize?: number;
  interceptors?: Interceptor[];
}): Transport {
  return createGrpcTransport({
    baseUrl: options.baseUrl,
    binaryOptions: { recursionLimit: RECURSION_LIMIT },
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
  const { interceptors, ...overrides } = options;
  return SparkSession.fromConnectionString(
    remote,
    (c) =>
      createSparkGrpcTransport({
        baseUrl: c.baseUrl,
        ...(c.grpcMaxMessageSize === undefined ? {} : { maxMessageSize: c.grpcMaxMessageSize }),
        ...(interceptors ? { interceptors } : {}),
      }),
    { platform: "node", readFile: readLocalFile, ...overrides },
  );
}
