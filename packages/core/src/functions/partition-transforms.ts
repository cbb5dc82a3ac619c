/**
 * Partition transform functions, only meaningful in `DataFrameWriterV2.partitionedBy(…)` (they
 * name partitioning schemes of tables, not values). PySpark also offers them as
 * `pyspark.sql.functions.partitioning.*`.
 *
 * @module
 */
import { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { Literal } from "../expressions/literal.js";
import { type ColumnOrName, call, colArg } from "./core.js";

/** Partitions by year of a date or timestamp column. */
export function years(col: ColumnOrName): Column {
  return call("years", colArg(col));
}

/** Partitions by month of a date or timestamp column. */
export function months(col: ColumnOrName): Column {
  return call("months", colArg(col));
}

/** Partitions by day of a date or timestamp column. */
export function days(col: ColumnOrName): Column {
  return call("days", colArg(col));
}

/** Partitions by hour of a timestamp column. */
export function hours(col: ColumnOrName): Column {
  return call("hours", colArg(col));
}

/**
 * Partitions by a hash of the column into `numBuckets` buckets.
 *
 * @example
 * ```ts
 * df.writeTo("t").partitionedBy(bucket(16, "id")).create()
 * ```
 */
export function bucket(numBuckets: Column | number, col: ColumnOrName): Column {
  if (typeof numBuckets === "number") return call("bucket", new Literal(numBuckets), colArg(col));
  if (numBuckets instanceof Column) return call("bucket", numBuckets.expr, colArg(col));
  throw new SparkArgumentError("numBuckets must be a Column or a number", {
    errorClass: "NOT_COLUMN_OR_INT",
    messageParameters: { arg_name: "numBuckets", arg_type: typeof numBuckets },
  });
}
