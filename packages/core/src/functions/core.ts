import { Column, type ColumnOrLiteral, toColumnExpression, toExpression } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import type { Expression } from "../expressions/expression.js";
import { Literal } from "../expressions/literal.js";
import {
  CallFunction,
  ExpressionString,
  NamedArgument,
  UnresolvedAttribute,
  UnresolvedFunction,
  UnresolvedRegex,
  UnresolvedStar,
} from "../expressions/nodes.js";

/** A Column, or a column name (as most Spark functions accept). */
export type ColumnOrName = Column | string;

/**
 * @internal A column argument: Columns pass through, strings name columns as {@link col} reads
 * them (so `"*"` and `"t.*"` are stars, as in PySpark).
 */
export function colArg(value: ColumnOrName, what = "col"): Expression {
  if (typeof value === "string") return col(value).expr;
  return toColumnExpression(value, what);
}

/** @internal A literal argument: Columns pass through, JS values become literals. */
export function litArg(value: ColumnOrLiteral, what = "value"): Expression {
  return toExpression(value, what);
}

/**
 * A call of the Spark function `name` on ready expressions (exported as `unresolvedCall`).
 */
export function call(name: string, ...args: Expression[]): Column {
  return new Column(new UnresolvedFunction(name, args));
}

/** @internal A DISTINCT aggregate call. */
export function callDistinct(name: string, ...args: Expression[]): Column {
  return new Column(new UnresolvedFunction(name, args, true));
}

/**
 * A column by name. `"*"` selects all columns, `"t.*"` all columns of `t`; dots qualify names
 * (`"t.a"`), backticks quote them (`` "`a.b`" ``).
 *
 * @example
 * ```ts
 * df.select(col("name"), col("t.*"))
 * ```
 */
export function col(name: string): Column {
  if (typeof name !== "string") {
    throw new SparkArgumentError(`col() takes a column name, not ${typeof name}`, {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: "name" },
    });
  }
  if (name === "*") return new Column(new UnresolvedStar());
  if (name.endsWith(".*")) return new Column(new UnresolvedStar(name.slice(0, -2)));
  return new Column(new UnresolvedAttribute(name));
}

/** Alias of {@link col}. */
export const column = col;

/**
 * A literal value (see `LiteralValue` for the Spark type each JS value gets). Columns pass
 * through unchanged.
 *
 * @example
 * ```ts
 * lit(1)          // INT 1
 * lit(2n ** 40n)  // BIGINT
 * lit([1, 2.5])   // ARRAY<DOUBLE>
 * ```
 */
export function lit(
  value:
    | ColumnOrLiteral
    | readonly unknown[]
    | ReadonlyMap<unknown, unknown>
    | Readonly<Record<string, unknown>>,
): Column {
  if (value instanceof Column) return value;
  return new Column(new Literal(value));
}

/**
 * A SQL expression, parsed by the server.
 *
 * @example
 * ```ts
 * df.select(expr("price * qty AS total"))
 * ```
 */
export function expr(sql: string): Column {
  if (typeof sql !== "string") {
    throw new SparkArgumentError("expr() takes a SQL string", { errorClass: "NOT_STR" });
  }
  return new Column(new ExpressionString(sql));
}

/** Columns whose names match a Java regular expression (`df.colRegex`). */
export function colRegex(pattern: string): Column {
  return new Column(new UnresolvedRegex(pattern));
}

/**
 * Calls any Spark SQL function (built-in or registered) by name.
 *
 * @example
 * ```ts
 * callFunction("my_udf", col("a"), lit(2))
 * ```
 */
export function callFunction(name: string, ...cols: ColumnOrName[]): Column {
  return new Column(
    new CallFunction(
      name,
      cols.map((c) => colArg(c)),
    ),
  );
}

/** A named argument (`key => value`) for functions that take them. */
export function namedArgument(key: string, value: ColumnOrLiteral): Column {
  return new Column(new NamedArgument(key, litArg(value)));
}

/**
 * `CASE WHEN condition THEN value …`: chain `.when()` and `.otherwise()` on the result.
 *
 * @example
 * ```ts
 * when(col("age").lt(18), "minor").when(col("age").lt(65), "adult").otherwise("senior")
 * ```
 */
export function when(condition: Column, value: ColumnOrLiteral): Column {
  if (!(condition instanceof Column)) {
    throw new SparkArgumentError("when()'s condition must be a Column", {
      errorClass: "NOT_COLUMN",
      messageParameters: { arg_name: "condition" },
    });
  }
  return call("when", condition.expr, litArg(value));
}
