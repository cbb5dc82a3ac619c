import type { Interceptor, Transport } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { checkToken, DEFAULT_RECURSION_LIMIT, SparkArgumentError } from "@spark-connect/core";

/** Options of {@link createSparkWebTransport}. */
export interface SparkWebTransportOptions {
  /**
   * The gRPC-Web proxy in front of Spark Connect (Envoy), e.g. `https://spark-proxy.example.com`
   * or `location.origin` when the page's own server proxies `/spark.connect.SparkConnectService/`.
   * Must be an http(s) URL without credentials, query or fragment.
   */
  baseUrl: string;
  /**
   * Sent as `authorization: Bearer <token>` on every call, never in a URL. Checked at once as the
   * core checks it (`checkToken`: non-empty, visible ASCII, at most `MAX_TOKEN_BYTES`), with a
   * SparkArgumentError `INVALID_TOKEN` that never contains it. Default: none.
   */
  token?: string;
  /** Extra request metadata sent on every call (header name → value). Default: none. */
  headers?: Readonly<Record<string, string>>;
  /**
   * The deepest message nesting accepted when decoding responses. Spark plans echoed back by the
   * server (e.g. in analysis results) nest far deeper than protobuf-es's default of 100.
   * Default: core's `DEFAULT_RECURSION_LIMIT` (4096).
   */
  recursionLimit?: number;
  /** Extra connect interceptors, run after the ones that add the token and headers. */
  interceptors?: Interceptor[];
  /** The fetch implementation. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

/**
 * Creates a connect-web gRPC-Web transport with Spark's defaults: the binary format (which Envoy
 * forwards unchanged), no global timeout (a timeout would also cut long result streams), a raised
 * decoding nesting limit, and the token as an `authorization` header.
 *
 * @example
 * ```ts
 * const transport = createSparkWebTransport({ baseUrl: "https://spark-proxy.example.com", token });
 * ```
 */
export function createSparkWebTransport(options: SparkWebTransportOptions): Transport {
  const url = checkBaseUrl(options.baseUrl);
  const headers: [string, string][] = Object.entries(options.headers ?? {}).map(([k, v]) => [
    k.toLowerCase(),
    v,
  ]);
  if (options.token !== undefined) {
    headers.push(["authorization", `Bearer ${checkToken(options.token)}`]);
  }
  const addHeaders: Interceptor = (next) => (request) => {
    for (const [name, value] of headers) request.header.set(name, value);
    return next(request);
  };
  const limit = options.recursionLimit ?? DEFAULT_RECURSION_LIMIT;
  return createGrpcWebTransport({
    baseUrl: url,
    useBinaryFormat: true,
    binaryOptions: { recursionLimit: limit },
    interceptors: [addHeaders, ...(options.interceptors ?? [])],
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalidUrl(`baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalidUrl(`baseUrl must be an http(s) URL, not ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    // Secrets in URLs end up in logs and browser history: the token goes in a header instead.
    throw invalidUrl(
      "baseUrl must not carry credentials, a query or a fragment; pass token instead",
    );
  }
  return url.href.replace(/\/$/, "");
}

function invalidUrl(message: string): SparkArgumentError {
  return new SparkArgumentError(message, { errorClass: "INVALID_BASE_URL" });
}
