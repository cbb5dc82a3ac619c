import { SparkSession, type SparkSessionOptions } from "@spark-connect/core";
import { createSparkWebTransport, type SparkWebTransportOptions } from "./transport.js";

/** Options of {@link connect}. */
export interface WebConnectOptions
  extends SparkWebTransportOptions,
    Partial<Omit<SparkSessionOptions, "transport" | "token" | "headers">> {
  /**
   * Release the server-side session when the page is hidden for good (`pagehide`), so a closed
   * tab does not leave a session behind. Default: true where `addEventListener` exists.
   */
  releaseOnPageHide?: boolean;
}

/**
 * Connects a page to Spark through a gRPC-Web proxy (Envoy): a SparkSession over connect-web's
 * transport with Spark's defaults. The token, if any, travels only in the `authorization` header.
 *
 * @example
 * ```ts
 * import { connect, col } from "@spark-connect/web";
 * const spark = connect("https://spark-proxy.example.com");
 * const rows = await (await spark.sql("SELECT 1 AS one")).collect();
 * ```
 */
export function connect(urlOrOptions: string | WebConnectOptions): SparkSession {
  const options: WebConnectOptions =
    typeof urlOrOptions === "string" ? { baseUrl: urlOrOptions } : urlOrOptions;
  const {
    baseUrl,
    token,
    headers,
    recursionLimit,
    interceptors,
    fetch,
    releaseOnPageHide,
    ...session
  } = options;
  // Once the page is being hidden for good, requests go out with `keepalive`, so the browser
  // delivers the session's release even as the document goes away.
  let leaving = false;
  const baseFetch = fetch ?? ((input, init) => globalThis.fetch(input, init));
  const keepaliveFetch: typeof globalThis.fetch = (input, init) =>
    baseFetch(input, leaving ? { ...init, keepalive: true } : init);
  const transport = createSparkWebTransport({
    baseUrl,
    ...(headers === undefined ? {} : { headers }),
    ...(recursionLimit === undefined ? {} : { recursionLimit }),
    ...(interceptors === undefined ? {} : { interceptors }),
    fetch: keepaliveFetch,
  });
  // The token goes to the session, not the transport: the client checks it exactly as on the
  // native transport and redacts it from every error, and sends it as the authorization header.
  const spark = SparkSession.create({
    platform: "browser",
    ...session,
    ...(token === undefined ? {} : { token }),
    transport,
  });
  const target = globalThis as {
    addEventListener?: (type: string, fn: (e: { persisted?: boolean }) => void) => void;
  };
  if (releaseOnPageHide !== false && typeof target.addEventListener === "function") {
    target.addEventListener("pagehide", (event) => {
      // A page kept in the back/forward cache may come back: keep its session then.
      if (event.persisted) return;
      leaving = true;
      // Only the release, sent now: a request that waits for another's answer never leaves.
      void spark.stop({ interrupt: false }).catch(() => undefined);
    });
  }
  return spark;
}
