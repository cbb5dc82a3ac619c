/**
 * Generator functions: each input row yields zero or more output rows. Use them in `select`
 * (one generator per select).
 *
 * @module
 */
import type { Column } from "../column.js";
import { colArgs } from "./args.js";
import { type ColumnOrName, call, colArg } from "./core.js";

/**
 * One row per element of an array (column `col`) or entry of a map (columns `key`, `value`);
 * rows with a null or empty collection yield nothing.
 *
 * @example
 * ```ts
 * df.select("id", explode("tags").alias("tag"))
 * ```
 */
export function explode(col: ColumnOrName): Column {
  return call("explode", colArg(col));
}

/** As {@link explode}, but a null or empty collection yields one row of nulls. */
export function explodeOuter(col: ColumnOrName): Column {
  return call("explode_outer", colArg(col));
}

/** As {@link explode}, with the element's position in column `pos`. */
export function posexplode(col: ColumnOrName): Column {
  return call("posexplode", colArg(col));
}

/** As {@link posexplode}, but a null or empty collection yields one row of nulls. */
export function posexplodeOuter(col: ColumnOrName): Column {
  return call("posexplode_outer", colArg(col));
}

/** One row per struct of an array of structs, one column per field. */
export function inline(col: ColumnOrName): Column {
  return call("inline", colArg(col));
}

/** As {@link inline}, but a null or empty array yields one row of nulls. */
export function inlineOuter(col: ColumnOrName): Column {
  return call("inline_outer", colArg(col));
}

/**
 * Splits values into `n` rows: `stack(n, v1, v2, …)`, the first argument being the literal
 * number of rows.
 *
 * @example
 * ```ts
 * df.select(stack(lit(2), lit("a"), "x", lit("b"), "y"))   // 2 rows of 2 columns
 * ```
 */
export function stack(...cols: ColumnOrName[]): Column {
  return call("stack", ...colArgs(cols));
}
