/**
 * @spark-connect/web: Apache Spark Connect from the browser, over gRPC-Web through a proxy such as
 * Envoy.
 *
 * @module
 */
export {
  createSparkWebTransport,
  DEFAULT_RECURSION_LIMIT,
  type SparkWebTransportOptions,
} from "./transport.js";
