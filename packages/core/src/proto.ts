/**
 * The Spark Connect protocol as protobuf-es messages and the `SparkConnectService` descriptor,
 * generated from the pinned Spark release. For extension authors (Spark Server Libraries) and
 * for low-level use with `createClient(SparkConnectService, transport)`.
 *
 * @module
 */
export * from "./gen/google/rpc/error_details_pb.js";
export * from "./gen/google/rpc/status_pb.js";
export { SPARK_PROTOCOL_VERSION } from "./gen/protocol.js";
export * from "./gen/spark/connect/base_pb.js";
export * from "./gen/spark/connect/catalog_pb.js";
export * from "./gen/spark/connect/commands_pb.js";
export * from "./gen/spark/connect/common_pb.js";
export * from "./gen/spark/connect/expressions_pb.js";
export * from "./gen/spark/connect/relations_pb.js";
export * from "./gen/spark/connect/types_pb.js";
