import type { Expression as ProtoExpression } from "../gen/spark/connect/expressions_pb.js";

/** The `kind` of every expression node: the protobuf oneof case it produces. */
export type ExpressionKind =
  | "literal"
  | "unresolvedAttribute"
  | "unresolvedFunction"
  | "expressionString"
  | "unresolvedStar"
  | "alias"
  | "cast"
  | "unresolvedRegex"
  | "sortOrder"
  | "lambdaFunction"
  | "window"
  | "unresolvedExtractValue"
  | "updateFields"
  | "unresolvedNamedLambdaVariable"
  | "callFunction"
  | "namedArgumentExpression"
  | "subqueryExpression"
  | "extension";

/**
 * An immutable expression node. `toProto()` builds a fresh protobuf message on every call, so
 * two plans that share a node never share (and never alias) protobuf objects.
 */
export interface Expression {
  readonly kind: ExpressionKind;
  toProto(): ProtoExpression;
}

/** True for objects that are expression nodes. */
export function isExpression(value: unknown): value is Expression {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Expression).kind === "string" &&
    typeof (value as Expression).toProto === "function"
  );
}
