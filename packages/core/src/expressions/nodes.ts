import { clone, create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Any, AnySchema } from "@bufbuild/protobuf/wkt";
import {
  Expression_Cast_EvalMode,
  Expression_SortOrder_NullOrdering,
  Expression_SortOrder_SortDirection,
  Expression_SortOrderSchema,
  Expression_UnresolvedNamedLambdaVariableSchema,
  Expression_Window_WindowFrame_FrameBoundarySchema,
  Expression_Window_WindowFrame_FrameType,
  ExpressionSchema,
  type Expression as ProtoExpression,
  type Expression_Window_WindowFrame_FrameBoundary as ProtoFrameBoundary,
  type Expression_UnresolvedNamedLambdaVariable as ProtoLambdaVariable,
  type Expression_SortOrder as ProtoSortOrder,
} from "../gen/spark/connect/expressions_pb.js";
import { DataTypeSchema, type DataType as ProtoDataType } from "../gen/spark/connect/types_pb.js";
import type { Expression, ExpressionKind } from "./expression.js";

/** An expression's oneof as a protobuf init shape (no `$typeName`s, no empty defaults). */
type ExprTypeInit = NonNullable<MessageInitShape<typeof ExpressionSchema>["exprType"]>;

const expression = (exprType: ExprTypeInit): ProtoExpression =>
  create(ExpressionSchema, { exprType });

const protos = (exprs: readonly Expression[]) => exprs.map((e) => e.toProto());

/** A column reference by (possibly qualified, backticked) name, e.g. `a`, `t.a`, `` `a.b` ``. */
export class UnresolvedAttribute implements Expression {
  readonly kind = "unresolvedAttribute" satisfies ExpressionKind;
  constructor(
    readonly name: string,
    /** The plan id of the DataFrame the column comes from (`df.col("a")`), to tell joins apart. */
    readonly planId?: number,
    readonly isMetadataColumn?: boolean,
  ) {
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "unresolvedAttribute",
      value: {
        unparsedIdentifier: this.name,
        ...(this.planId === undefined ? {} : { planId: BigInt(this.planId) }),
        ...(this.isMetadataColumn ? { isMetadataColumn: true } : {}),
      },
    });
  }
}

/** `*` or `t.*`. */
export class UnresolvedStar implements Expression {
  readonly kind = "unresolvedStar" satisfies ExpressionKind;
  constructor(
    /** `t.*` for target `t`; undefined for `*`. */
    readonly target?: string,
    readonly planId?: number,
  ) {
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "unresolvedStar",
      value: {
        ...(this.target === undefined ? {} : { unparsedTarget: `${this.target}.*` }),
        ...(this.planId === undefined ? {} : { planId: BigInt(this.planId) }),
      },
    });
  }
}

/** Columns whose names match a regular expression (`df.colRegex`). */
export class UnresolvedRegex implements Expression {
  readonly kind = "unresolvedRegex" satisfies ExpressionKind;
  constructor(
    readonly pattern: string,
    readonly planId?: number,
  ) {
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "unresolvedRegex",
      value: {
        colName: this.pattern,
        ...(this.planId === undefined ? {} : { planId: BigInt(this.planId) }),
      },
    });
  }
}

/** A call of a Spark function by name; the server resolves the name. */
export class UnresolvedFunction implements Expression {
  readonly kind = "unresolvedFunction" satisfies ExpressionKind;
  readonly args: readonly Expression[];
  constructor(
    readonly name: string,
    args: readonly Expression[],
    readonly isDistinct = false,
    readonly isInternal = false,
  ) {
    this.args = Object.freeze([...args]);
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "unresolvedFunction",
      value: {
        functionName: this.name,
        arguments: protos(this.args),
        isDistinct: this.isDistinct,
        isUserDefinedFunction: false,
        ...(this.isInternal ? { isInternal: true } : {}),
      },
    });
  }
}

/** A SQL expression string parsed by the server, e.g. `"a + 1 AS b"` (`expr()`, `selectExpr`). */
export class ExpressionString implements Expression {
  readonly kind = "expressionString" satisfies ExpressionKind;
  constructor(readonly sql: string) {
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "expressionString",
      value: { expression: this.sql },
    });
  }
}

/** `expr AS name` (or `AS (a, b)` for several names), with optional JSON metadata. */
export class Alias implements Expression {
  readonly kind = "alias" satisfies ExpressionKind;
  readonly names: readonly string[];
  constructor(
    readonly child: Expression,
    names: readonly string[],
    /** Column metadata as a JSON object string. */
    readonly metadata?: string,
  ) {
    this.names = Object.freeze([...names]);
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "alias",
      value: {
        expr: this.child.toProto(),
        name: [...this.names],
        ...(this.metadata === undefined ? {} : { metadata: this.metadata }),
      },
    });
  }
}

/** How a cast behaves on bad input: Spark's session default, `try_cast` (null), or ANSI (error). */
export type CastEvalMode = "default" | "legacy" | "ansi" | "try";

const EVAL_MODES: Record<CastEvalMode, Expression_Cast_EvalMode> = {
  default: Expression_Cast_EvalMode.UNSPECIFIED,
  legacy: Expression_Cast_EvalMode.LEGACY,
  ansi: Expression_Cast_EvalMode.ANSI,
  try: Expression_Cast_EvalMode.TRY,
};

/** `CAST(expr AS type)`; the type is a protobuf DataType or a type string the server parses. */
export class Cast implements Expression {
  readonly kind = "cast" satisfies ExpressionKind;
  readonly #type: ProtoDataType | string;
  constructor(
    readonly child: Expression,
    type: ProtoDataType | string,
    readonly evalMode: CastEvalMode = "default",
  ) {
    this.#type = typeof type === "string" ? type : clone(DataTypeSchema, type);
    Object.freeze(this);
  }
  /** The target type: a type string, or a fresh copy of the protobuf DataType. */
  get type(): ProtoDataType | string {
    return typeof this.#type === "string" ? this.#type : clone(DataTypeSchema, this.#type);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "cast",
      value: {
        expr: this.child.toProto(),
        castToType:
          typeof this.#type === "string"
            ? { case: "typeStr", value: this.#type }
            : { case: "type", value: clone(DataTypeSchema, this.#type) },
        evalMode: EVAL_MODES[this.evalMode],
      },
    });
  }
}

/** Sort direction and null placement. */
export type SortDirection = "ascending" | "descending";
export type NullOrdering = "nullsFirst" | "nullsLast";

/** One sort key: `child ASC|DESC NULLS FIRST|LAST`. */
export class SortOrder implements Expression {
  readonly kind = "sortOrder" satisfies ExpressionKind;
  constructor(
    readonly child: Expression,
    readonly direction: SortDirection = "ascending",
    /** Default as in Spark: nulls first when ascending, last when descending. */
    readonly nullOrdering: NullOrdering = direction === "ascending" ? "nullsFirst" : "nullsLast",
  ) {
    Object.freeze(this);
  }
  toSortOrder(): ProtoSortOrder {
    return create(Expression_SortOrderSchema, {
      child: this.child.toProto(),
      direction:
        this.direction === "ascending"
          ? Expression_SortOrder_SortDirection.ASCENDING
          : Expression_SortOrder_SortDirection.DESCENDING,
      nullOrdering:
        this.nullOrdering === "nullsFirst"
          ? Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST
          : Expression_SortOrder_NullOrdering.SORT_NULLS_LAST,
    });
  }
  toProto(): ProtoExpression {
    return expression({ case: "sortOrder", value: this.toSortOrder() });
  }
}

/** A window frame boundary: the current row, unbounded, or an offset expression. */
export type FrameBoundary =
  | { readonly type: "currentRow" }
  | { readonly type: "unbounded" }
  | { readonly type: "value"; readonly value: Expression };

/** A window frame: `ROWS|RANGE BETWEEN lower AND upper`. */
export interface WindowFrame {
  readonly frameType: "row" | "range";
  readonly lower: FrameBoundary;
  readonly upper: FrameBoundary;
}

function boundaryProto(b: FrameBoundary): ProtoFrameBoundary {
  switch (b.type) {
    case "currentRow":
      return create(Expression_Window_WindowFrame_FrameBoundarySchema, {
        boundary: { case: "currentRow", value: true },
      });
    case "unbounded":
      return create(Expression_Window_WindowFrame_FrameBoundarySchema, {
        boundary: { case: "unbounded", value: true },
      });
    case "value":
      return create(Expression_Window_WindowFrame_FrameBoundarySchema, {
        boundary: { case: "value", value: b.value.toProto() },
      });
  }
}

/** `fn OVER (PARTITION BY … ORDER BY … frame)`. */
export class WindowExpression implements Expression {
  readonly kind = "window" satisfies ExpressionKind;
  readonly partitionSpec: readonly Expression[];
  readonly orderSpec: readonly SortOrder[];
  constructor(
    readonly windowFunction: Expression,
    partitionSpec: readonly Expression[],
    orderSpec: readonly SortOrder[],
    readonly frame?: WindowFrame,
  ) {
    this.partitionSpec = Object.freeze([...partitionSpec]);
    this.orderSpec = Object.freeze([...orderSpec]);
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "window",
      value: {
        windowFunction: this.windowFunction.toProto(),
        partitionSpec: protos(this.partitionSpec),
        orderSpec: this.orderSpec.map((o) => o.toSortOrder()),
        ...(this.frame
          ? {
              frameSpec: {
                frameType:
                  this.frame.frameType === "row"
                    ? Expression_Window_WindowFrame_FrameType.ROW
                    : Expression_Window_WindowFrame_FrameType.RANGE,
                lower: boundaryProto(this.frame.lower),
                upper: boundaryProto(this.frame.upper),
              },
            }
          : {}),
      },
    });
  }
}

/** A lambda variable (`x` in `x -> x + 1`). */
export class UnresolvedNamedLambdaVariable implements Expression {
  readonly kind = "unresolvedNamedLambdaVariable" satisfies ExpressionKind;
  readonly nameParts: readonly string[];
  constructor(nameParts: readonly string[]) {
    this.nameParts = Object.freeze([...nameParts]);
    Object.freeze(this);
  }
  toVariable(): ProtoLambdaVariable {
    return create(Expression_UnresolvedNamedLambdaVariableSchema, {
      nameParts: [...this.nameParts],
    });
  }
  toProto(): ProtoExpression {
    return expression({ case: "unresolvedNamedLambdaVariable", value: this.toVariable() });
  }
}

/** `(x, y) -> body`, the argument of higher-order functions. */
export class LambdaFunction implements Expression {
  readonly kind = "lambdaFunction" satisfies ExpressionKind;
  readonly variables: readonly UnresolvedNamedLambdaVariable[];
  constructor(
    readonly body: Expression,
    variables: readonly UnresolvedNamedLambdaVariable[],
  ) {
    this.variables = Object.freeze([...variables]);
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "lambdaFunction",
      value: {
        function: this.body.toProto(),
        arguments: this.variables.map((v) => v.toVariable()),
      },
    });
  }
}

/** `child[extraction]`: an array element, a map value or a struct field. */
export class UnresolvedExtractValue implements Expression {
  readonly kind = "unresolvedExtractValue" satisfies ExpressionKind;
  constructor(
    readonly child: Expression,
    readonly extraction: Expression,
  ) {
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "unresolvedExtractValue",
      value: {
        child: this.child.toProto(),
        extraction: this.extraction.toProto(),
      },
    });
  }
}

/** Adds or replaces (value given) or drops (no value) a struct field. */
export class UpdateFields implements Expression {
  readonly kind = "updateFields" satisfies ExpressionKind;
  constructor(
    readonly struct: Expression,
    readonly fieldName: string,
    readonly value?: Expression,
  ) {
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "updateFields",
      value: {
        structExpression: this.struct.toProto(),
        fieldName: this.fieldName,
        ...(this.value ? { valueExpression: this.value.toProto() } : {}),
      },
    });
  }
}

/** `key => value`, a named argument of a function call. */
export class NamedArgument implements Expression {
  readonly kind = "namedArgumentExpression" satisfies ExpressionKind;
  constructor(
    readonly key: string,
    readonly value: Expression,
  ) {
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "namedArgumentExpression",
      value: {
        key: this.key,
        value: this.value.toProto(),
      },
    });
  }
}

/**
 * A custom expression served by a server-side plugin (Spark Server Libraries): a
 * `google.protobuf.Any` the plugin unpacks. See `Column.fromExtension`.
 */
export class ExtensionExpression implements Expression {
  readonly kind = "extension" satisfies ExpressionKind;
  readonly #any: Any;
  constructor(any: Any) {
    this.#any = clone(AnySchema, any);
    Object.freeze(this);
  }
  get typeUrl(): string {
    return this.#any.typeUrl;
  }
  toProto(): ProtoExpression {
    return expression({ case: "extension", value: clone(AnySchema, this.#any) });
  }
}

/** A call of a (possibly catalog-qualified) function by name, e.g. `my_catalog.db.fn` (`callFunction`). */
export class CallFunction implements Expression {
  readonly kind = "callFunction" satisfies ExpressionKind;
  readonly args: readonly Expression[];
  constructor(
    readonly name: string,
    args: readonly Expression[],
  ) {
    this.args = Object.freeze([...args]);
    Object.freeze(this);
  }
  toProto(): ProtoExpression {
    return expression({
      case: "callFunction",
      value: {
        functionName: this.name,
        arguments: protos(this.args),
      },
    });
  }
}
