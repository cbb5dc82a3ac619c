/**
 * Window functions: ranking and offsets, used with `.over(window)`. (Aggregate functions work
 * over windows too.)
 *
 * @example
 * ```ts
 * const w = Window.partitionBy("dept").orderBy(col("salary").desc());
 * df.select("name", rank().over(w), lag("salary", 1, 0).over(w))
 * ```
 *
 * @module
 */
import type { Column, ColumnOrLiteral } from "../column.js";
import { optionalLit } from "./args.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

/** The row's 1-based number within its partition. */
export function rowNumber(): Column {
  return call("row_number");
}

/** The row's rank within its partition, with gaps after ties (1, 1, 3). */
export function rank(): Column {
  return call("rank");
}

/** The row's rank within its partition, without gaps after ties (1, 1, 2). */
export function denseRank(): Column {
  return call("dense_rank");
}

/** The row's relative rank: (rank - 1) / (rows in partition - 1). */
export function percentRank(): Column {
  return call("percent_rank");
}

/** The fraction of rows of the partition at or before the row. */
export function cumeDist(): Column {
  return call("cume_dist");
}

/** The row's bucket (1 to `n`) when the partition is split into `n` nearly equal buckets. */
export function ntile(n: number): Column {
  return call("ntile", litArg(n, "n"));
}

/**
 * The value `offset` rows before the row, or `defaultValue` (null when omitted) when there is no
 * such row.
 *
 * @example
 * ```ts
 * lag("v", 1, 0).over(Window.orderBy("t"))
 * ```
 */
export function lag(col: ColumnOrName, offset = 1, defaultValue?: ColumnOrLiteral): Column {
  return call(
    "lag",
    colArg(col),
    litArg(offset, "offset"),
    ...optionalLit(defaultValue, "default"),
  );
}

/**
 * The value `offset` rows after the row, or `defaultValue` (null when omitted) when there is no
 * such row.
 */
export function lead(col: ColumnOrName, offset = 1, defaultValue?: ColumnOrLiteral): Column {
  return call(
    "lead",
    colArg(col),
    litArg(offset, "offset"),
    ...optionalLit(defaultValue, "default"),
  );
}

/**
 * The value of the `offset`-th (1-based) row of the window frame; with `ignoreNulls`, of the
 * `offset`-th non-null value. `null` for `ignoreNulls` leaves the flag out, as PySpark's None.
 */
export function nthValue(
  col: ColumnOrName,
  offset: number,
  ignoreNulls: boolean | null = false,
): Column {
  return call(
    "nth_value",
    colArg(col),
    litArg(offset, "offset"),
    ...optionalLit(ignoreNulls, "ignoreNulls"),
  );
}
