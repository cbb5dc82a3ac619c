/**
 * @spark-connect/web: Apache Spark Connect from the browser, over gRPC-Web through a proxy such as
 * Envoy. Re-exports the whole of `@spark-connect/core`, so a page needs only this package.
 *
 * @module @spark-connect/web
 */
export * from "@spark-connect/core";
export { connect, type WebConnectOptions } from "./connect.js";
export { formatValue, type RenderTableOptions, renderSchema, renderTable } from "./render.js";
export { createSparkWebTransport, type SparkWebTransportOptions } from "./transport.js";
