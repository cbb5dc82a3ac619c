import type { Any } from "@bufbuild/protobuf/wkt";
import { SparkArgumentError } from "./errors.js";
import { checkAny } from "./expressions/any.js";
import { type Expression, isExpression } from "./expressions/expression.js";
import { Literal } from "./expressions/literal.js";
import {
  Alias,
  Cast,
  type CastEvalMode,
  ExtensionExpression,
  LambdaFunction,
  SortOrder,
  UnresolvedAttribute,
  UnresolvedExtractValue,
  UnresolvedFunction,
  UnresolvedNamedLambdaVariable,
  UnresolvedStar,
  UpdateFields,
  type WindowExpression,
} from "./expressions/nodes.js";
import { type DataType, isDataType, toProtoDataType } from "./types/index.js";
import type { Decimal } from "./values/decimal.js";
import type { LocalDate } from "./values/local-date.js";

/** A type a column can be cast to: a type string (`"decimal(10,2)"`, parsed by the server) or a DataType. */
export type CastTarget = string | DataType;

/** Anything that stands for a value in a column expression: a Column or a literal JS value. */
export type ColumnOrLiteral =
  | Column
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | Date
  | Decimal
  | LocalDate;

/** What `Column.over` takes: a window specification (see `Window`). */
export interface WindowSpecLike {
  toWindow(fn: Expression): WindowExpression;
}

function fn(name: string, ...args: Expression[]): Column {
  return new Column(new UnresolvedFunction(name, args));
}

/** The expression of a column, or of a literal for any other JS value. */
export function toExpression(value: unknown, what = "value"): Expression {
  if (value instanceof Column) return value.expr;
  if (isExpression(value)) return value;
  if (value === undefined) {
    throw new SparkArgumentError(`${what} is undefined; pass a Column, a literal or null`, {
      errorClass: "NOT_COLUMN_OR_LITERAL",
    });
  }
  return new Literal(value);
}

/** A column reference: Column objects pass through, strings name columns. */
export function toColumnExpression(value: unknown, what = "column"): Expression {
  if (value instanceof Column) return value.expr;
  if (typeof value === "string") {
    // As col(): "*" and "t.*" are stars.
    if (value === "*") return new UnresolvedStar();
    if (value.endsWith(".*")) return new UnresolvedStar(value.slice(0, -2));
    return new UnresolvedAttribute(value);
  }
  throw new SparkArgumentError(
    `${what} must be a Column or a column name, not ${value === null ? "null" : typeof value}`,
    { errorClass: "NOT_COLUMN_OR_STR", messageParameters: { arg_name: what } },
  );
}

/**
 * A column expression: a thin, immutable facade over an expression node. Every method returns a
 * new Column; nothing runs until a DataFrame action.
 *
 * @example
 * ```ts
 * col("price").multiply(col("qty")).alias("total")   // price * qty AS total
 * col("name").isNull().or(col("name").equalTo(""))
 * ```
 */
export class Column {
  constructor(readonly expr: Expression) {
    Object.freeze(this);
  }

  /**
   * Wraps a custom expression of a server-side plugin (Spark Server Libraries) as a Column: the
   * plugin unpacks `any` (see `packExtension`) into a Spark expression.
   *
   * @example
   * ```ts
   * Column.fromExtension(packExtension(ExampleExpressionSchema, { child: col("x").expr.toProto(), customField: "y" }))
   * ```
   */
  static fromExtension(any: Any): Column {
    checkAny(any, "Column.fromExtension");
    return new Column(new ExtensionExpression(any));
  }

  // Arithmetic ---------------------------------------------------------------------------------
  /** `this + other` */
  plus(other: ColumnOrLiteral): Column {
    return fn("+", this.expr, toExpression(other));
  }
  /** `this - other` */
  minus(other: ColumnOrLiteral): Column {
    return fn("-", this.expr, toExpression(other));
  }
  /** `this * other` */
  multiply(other: ColumnOrLiteral): Column {
    return fn("*", this.expr, toExpression(other));
  }
  /** `this / other` */
  divide(other: ColumnOrLiteral): Column {
    return fn("/", this.expr, toExpression(other));
  }
  /** `this % other` */
  mod(other: ColumnOrLiteral): Column {
    return fn("%", this.expr, toExpression(other));
  }
  /** `power(this, other)` */
  pow(other: ColumnOrLiteral): Column {
    return fn("power", this.expr, toExpression(other));
  }
  /** `-this` */
  negate(): Column {
    return fn("negative", this.expr);
  }

  // Comparison ---------------------------------------------------------------------------------
  /** `this = other` */
  equalTo(other: ColumnOrLiteral): Column {
    return fn("==", this.expr, toExpression(other));
  }
  /** `this = other` (alias of equalTo) */
  eq(other: ColumnOrLiteral): Column {
    return this.equalTo(other);
  }
  /** `this != other`, sent as `NOT (this = other)` as PySpark does (Spark has no `!=` function). */
  notEqual(other: ColumnOrLiteral): Column {
    return fn("not", fn("==", this.expr, toExpression(other)).expr);
  }
  /** `this <=> other`: equality where two nulls are equal. */
  eqNullSafe(other: ColumnOrLiteral): Column {
    return fn("<=>", this.expr, toExpression(other));
  }
  /** `this > other` */
  gt(other: ColumnOrLiteral): Column {
    return fn(">", this.expr, toExpression(other));
  }
  /** `this < other` */
  lt(other: ColumnOrLiteral): Column {
    return fn("<", this.expr, toExpression(other));
  }
  /** `this >= other` */
  geq(other: ColumnOrLiteral): Column {
    return fn(">=", this.expr, toExpression(other));
  }
  /** `this <= other` */
  leq(other: ColumnOrLiteral): Column {
    return fn("<=", this.expr, toExpression(other));
  }
  /** `this BETWEEN lower AND upper` (inclusive). */
  between(lower: ColumnOrLiteral, upper: ColumnOrLiteral): Column {
    return this.geq(lower).and(this.leq(upper));
  }

  // Logic and bits -----------------------------------------------------------------------------
  /** `this AND other` */
  and(other: ColumnOrLiteral): Column {
    return fn("and", this.expr, toExpression(other));
  }
  /** `this OR other` */
  or(other: ColumnOrLiteral): Column {
    return fn("or", this.expr, toExpression(other));
  }
  /** `NOT this` */
  not(): Column {
    return fn("not", this.expr);
  }
  /** `this & other` */
  bitwiseAND(other: ColumnOrLiteral): Column {
    return fn("&", this.expr, toExpression(other));
  }
  /** `this | other` */
  bitwiseOR(other: ColumnOrLiteral): Column {
    return fn("|", this.expr, toExpression(other));
  }
  /** `this ^ other` */
  bitwiseXOR(other: ColumnOrLiteral): Column {
    return fn("^", this.expr, toExpression(other));
  }

  // Null and NaN -------------------------------------------------------------------------------
  /** `this IS NULL` */
  isNull(): Column {
    return fn("isnull", this.expr);
  }
  /** `this IS NOT NULL` */
  isNotNull(): Column {
    return fn("isnotnull", this.expr);
  }
  /** `isnan(this)` */
  isNaN(): Column {
    return fn("isnan", this.expr);
  }

  // Membership and strings ---------------------------------------------------------------------
  /** `this IN (values…)`; values may also be passed as one array. */
  isin(...values: (ColumnOrLiteral | readonly ColumnOrLiteral[])[]): Column {
    const list = values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
    return fn("in", this.expr, ...(list as unknown[]).map((v) => toExpression(v)));
  }
  /** SQL `LIKE` with `%` and `_` wildcards. */
  like(pattern: string | Column): Column {
    return fn("like", this.expr, toExpression(pattern));
  }
  /** Case-insensitive `LIKE`. */
  ilike(pattern: string | Column): Column {
    return fn("ilike", this.expr, toExpression(pattern));
  }
  /** Java regular expression match (`RLIKE`). */
  rlike(pattern: string | Column): Column {
    return fn("rlike", this.expr, toExpression(pattern));
  }
  /** The string starts with `prefix`. */
  startsWith(prefix: string | Column): Column {
    return fn("startswith", this.expr, toExpression(prefix));
  }
  /** The string ends with `suffix`. */
  endsWith(suffix: string | Column): Column {
    return fn("endswith", this.expr, toExpression(suffix));
  }
  /** The string contains `other`. */
  contains(other: ColumnOrLiteral): Column {
    return fn("contains", this.expr, toExpression(other));
  }
  /** A substring: `startPos` is 1-based, as in SQL. */
  substr(startPos: number | Column, length: number | Column): Column {
    if (typeof startPos !== typeof length) {
      throw new SparkArgumentError("startPos and length must be both numbers or both Columns", {
        errorClass: "NOT_SAME_TYPE",
      });
    }
    return fn("substr", this.expr, toExpression(startPos), toExpression(length));
  }

  // Nested data --------------------------------------------------------------------------------
  /** An array element by index, or a map value by key. */
  getItem(key: ColumnOrLiteral): Column {
    return new Column(new UnresolvedExtractValue(this.expr, toExpression(key)));
  }
  /** A struct field by name. */
  getField(name: string): Column {
    return new Column(new UnresolvedExtractValue(this.expr, new Literal(name)));
  }
  /** A struct with field `name` added or replaced by `value`. */
  withField(name: string, value: Column): Column {
    if (!(value instanceof Column)) {
      throw new SparkArgumentError("withField's value must be a Column", {
        errorClass: "NOT_COLUMN",
      });
    }
    return new Column(new UpdateFields(this.expr, name, value.expr));
  }
  /** A struct without the named fields. */
  dropFields(...names: string[]): Column {
    if (names.length === 0) {
      throw new SparkArgumentError("dropFields needs at least one field name", {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    let expr: Expression = this.expr;
    for (const name of names) expr = new UpdateFields(expr, name);
    return new Column(expr);
  }

  // Naming and types ---------------------------------------------------------------------------
  /**
   * Names the column (`AS name`); several names for expressions that produce several columns.
   * `metadata` is stored as the column's metadata.
   */
  alias(...args: [string, ...string[]] | [string, { metadata: Record<string, unknown> }]): Column {
    const last = args[args.length - 1];
    if (typeof last === "object") {
      return new Column(new Alias(this.expr, [args[0] as string], JSON.stringify(last.metadata)));
    }
    return new Column(new Alias(this.expr, args as string[]));
  }
  /** Alias of {@link alias}. */
  name(name: string): Column {
    return this.alias(name);
  }
  /** Alias of {@link alias}. */
  as(name: string): Column {
    return this.alias(name);
  }
  /** `CAST(this AS type)`. */
  cast(type: CastTarget, evalMode: CastEvalMode = "default"): Column {
    if (typeof type === "string") return new Column(new Cast(this.expr, type, evalMode));
    if (isDataType(type)) return new Column(new Cast(this.expr, toProtoDataType(type), evalMode));
    throw new SparkArgumentError("cast needs a type string or a DataType", {
      errorClass: "NOT_DATATYPE_OR_STR",
    });
  }
  /** Alias of {@link cast}. */
  astype(type: CastTarget): Column {
    return this.cast(type);
  }
  /** `TRY_CAST(this AS type)`: null instead of an error on bad input. */
  tryCast(type: CastTarget): Column {
    return this.cast(type, "try");
  }

  // Ordering -----------------------------------------------------------------------------------
  /** Ascending, nulls first. */
  asc(): Column {
    return new Column(new SortOrder(this.expr, "ascending", "nullsFirst"));
  }
  /** Ascending, nulls first. */
  ascNullsFirst(): Column {
    return this.asc();
  }
  /** Ascending, nulls last. */
  ascNullsLast(): Column {
    return new Column(new SortOrder(this.expr, "ascending", "nullsLast"));
  }
  /** Descending, nulls last. */
  desc(): Column {
    return new Column(new SortOrder(this.expr, "descending", "nullsLast"));
  }
  /** Descending, nulls first. */
  descNullsFirst(): Column {
    return new Column(new SortOrder(this.expr, "descending", "nullsFirst"));
  }
  /** Descending, nulls last. */
  descNullsLast(): Column {
    return this.desc();
  }

  // Conditionals and windows -------------------------------------------------------------------
  /** Adds a branch to a `when(...)` chain. */
  when(condition: Column, value: ColumnOrLiteral): Column {
    if (
      !(this.expr instanceof UnresolvedFunction) ||
      this.expr.name !== "when" ||
      this.expr.args.length % 2 !== 0
    ) {
      throw new SparkArgumentError("when() can only follow when(...)", {
        errorClass: "INVALID_WHEN_USAGE",
      });
    }
    return fn("when", ...this.expr.args, condition.expr, toExpression(value));
  }
  /** The value of a `when(...)` chain when no condition holds. */
  otherwise(value: ColumnOrLiteral): Column {
    if (
      !(this.expr instanceof UnresolvedFunction) ||
      this.expr.name !== "when" ||
      this.expr.args.length % 2 !== 0
    ) {
      throw new SparkArgumentError("otherwise() can only follow when(...)", {
        errorClass: "INVALID_OTHERWISE_USAGE",
      });
    }
    return fn("when", ...this.expr.args, toExpression(value));
  }
  /** This (aggregate or window) function over a window. */
  over(window: WindowSpecLike): Column {
    return new Column(window.toWindow(this.expr));
  }

  /** Not allowed: Columns are not booleans. Use `.and()`, `.or()`, `.not()`. */
  valueOf(): never {
    throw new SparkArgumentError(
      "a Column cannot be used as a JS value (in if, &&, ||, !, +, <…): use .and(), .or(), .not(), .plus(), .lt()…",
      { errorClass: "CANNOT_CONVERT_COLUMN_INTO_BOOL" },
    );
  }
}

let lambdaDepth = 0;

/**
 * Builds a lambda for higher-order functions from a JS arrow function: its parameters become
 * lambda variables named after their nesting depth (`x_0`, then `x_1` inside it…), so nested
 * lambdas never clash and the same program always builds the same plan.
 */
export function lambda(
  fnBody: (...args: Column[]) => Column,
  arity = fnBody.length,
): LambdaFunction {
  if (arity < 1 || arity > 3) {
    throw new SparkArgumentError(`a lambda takes 1 to 3 parameters, not ${arity}`, {
      errorClass: "WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION",
    });
  }
  const depth = lambdaDepth++;
  try {
    const variables = ["x", "y", "z"]
      .slice(0, arity)
      .map((n) => new UnresolvedNamedLambdaVariable([`${n}_${depth}`]));
    const body = fnBody(...variables.map((v) => new Column(v)));
    if (!(body instanceof Column)) {
      throw new SparkArgumentError("a lambda must return a Column", {
        errorClass: "HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN",
      });
    }
    return new LambdaFunction(body.expr, variables);
  } finally {
    lambdaDepth--;
  }
}
