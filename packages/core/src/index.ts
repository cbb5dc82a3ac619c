/**
 * @spark-connect/core: a transport-agnostic Apache Spark Connect client.
 *
 * @module
 */

// Connecting
export {
  type ConnectionString,
  DEFAULT_SPARK_CONNECT_PORT,
  isLoopbackHost,
  parseConnectionString,
  redactToken,
} from "./client/connection-string.js";
// Errors
export { SparkArgumentError, SparkError, type SparkErrorOptions } from "./errors.js";
// Protocol
export { SPARK_PROTOCOL_VERSION } from "./gen/protocol.js";
