/**
 * Aggregate functions, for `groupBy().agg()`, `agg()` and (with `.over(window)`) windows.
 *
 * @module
 */
import { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { Literal } from "../expressions/literal.js";
import { UnresolvedStar } from "../expressions/nodes.js";
import { colArgs, optionalLit, percentageArg, seedArg } from "./args.js";
import { type ColumnOrName, call, callDistinct, colArg, litArg } from "./core.js";

function unary(name: string, col: ColumnOrName): Column {
  return call(name, colArg(col));
}

/** A delimiter of listagg/string_agg: a string or bytes literal, or a Column. */
export type Delimiter = Column | string | Uint8Array;

// Counting ---------------------------------------------------------------------------------------

/**
 * The number of rows where the column is not null; `count(col("*"))` counts all rows.
 *
 * @example
 * ```ts
 * df.groupBy("dept").agg(count("*"), count("manager"))
 * ```
 */
export function count(col: ColumnOrName): Column {
  if (col instanceof Column && col.expr instanceof UnresolvedStar) {
    return call("count", new Literal(1));
  }
  return call("count", colArg(col));
}

/**
 * The number of distinct non-null values (of the columns taken together).
 *
 * @example
 * ```ts
 * countDistinct("user", "day")   // count(DISTINCT user, day)
 * ```
 */
export function countDistinct(col: ColumnOrName, ...cols: ColumnOrName[]): Column {
  return callDistinct("count", colArg(col), ...colArgs(cols));
}

/**
 * The approximate number of distinct values (HyperLogLog++), within the relative standard
 * deviation `rsd` (0.05 by default on the server).
 */
export function approxCountDistinct(col: ColumnOrName, rsd?: number): Column {
  return call("approx_count_distinct", colArg(col), ...optionalLit(rsd, "rsd"));
}

/** The number of rows where the condition is true. */
export function countIf(col: ColumnOrName): Column {
  return unary("count_if", col);
}

/**
 * A Count-min sketch of the column (as binary), with relative error `eps`, `confidence` and a
 * seed (random when omitted).
 */
export function countMinSketch(
  col: ColumnOrName,
  eps: Column | number,
  confidence: Column | number,
  seed?: Column | number | bigint,
): Column {
  return call(
    "count_min_sketch",
    colArg(col),
    litArg(eps, "eps"),
    litArg(confidence, "confidence"),
    seedArg(seed),
  );
}

// Sums and averages ------------------------------------------------------------------------------

/** The sum. */
export function sum(col: ColumnOrName): Column {
  return unary("sum", col);
}

/** The sum of the distinct values. */
export function sumDistinct(col: ColumnOrName): Column {
  return callDistinct("sum", colArg(col));
}

/** The sum, null instead of an error on overflow. */
export function trySum(col: ColumnOrName): Column {
  return unary("try_sum", col);
}

/** The average. */
export function avg(col: ColumnOrName): Column {
  return unary("avg", col);
}

/** The average (Spark's `avg`). */
export function mean(col: ColumnOrName): Column {
  return avg(col);
}

/** The average, null instead of an error on overflow. */
export function tryAvg(col: ColumnOrName): Column {
  return unary("try_avg", col);
}

/** The product of the values. */
export function product(col: ColumnOrName): Column {
  return unary("product", col);
}

// Extremes and picks -----------------------------------------------------------------------------

/** The maximum. */
export function max(col: ColumnOrName): Column {
  return unary("max", col);
}

/** The minimum. */
export function min(col: ColumnOrName): Column {
  return unary("min", col);
}

/**
 * The value of `col` on the row with the greatest `ord`.
 *
 * @example
 * ```ts
 * df.groupBy("dept").agg(maxBy("name", "salary"))   // best paid per department
 * ```
 */
export function maxBy(col: ColumnOrName, ord: ColumnOrName): Column {
  return call("max_by", colArg(col), colArg(ord, "ord"));
}

/** The value of `col` on the row with the least `ord`. */
export function minBy(col: ColumnOrName, ord: ColumnOrName): Column {
  return call("min_by", colArg(col), colArg(ord, "ord"));
}

/** The first value of the group; with `ignorenulls`, the first non-null one. */
export function first(col: ColumnOrName, ignorenulls = false): Column {
  return call("first", colArg(col), litArg(ignorenulls, "ignorenulls"));
}

/** The last value of the group; with `ignorenulls`, the last non-null one. */
export function last(col: ColumnOrName, ignorenulls = false): Column {
  return call("last", colArg(col), litArg(ignorenulls, "ignorenulls"));
}

/** Some value of the group; with `ignoreNulls`, a non-null one. */
export function anyValue(col: ColumnOrName, ignoreNulls?: boolean | Column): Column {
  return call("any_value", colArg(col), ...optionalLit(ignoreNulls, "ignoreNulls"));
}

/** The first value of the group; with `ignoreNulls`, the first non-null one. */
export function firstValue(col: ColumnOrName, ignoreNulls?: boolean | Column): Column {
  return call("first_value", colArg(col), ...optionalLit(ignoreNulls, "ignoreNulls"));
}

/** The last value of the group; with `ignoreNulls`, the last non-null one. */
export function lastValue(col: ColumnOrName, ignoreNulls?: boolean | Column): Column {
  return call("last_value", colArg(col), ...optionalLit(ignoreNulls, "ignoreNulls"));
}

/** The most frequent value; with `deterministic`, the smallest of equally frequent ones. */
export function mode(col: ColumnOrName, deterministic = false): Column {
  return call("mode", colArg(col), litArg(deterministic, "deterministic"));
}

// Percentiles ------------------------------------------------------------------------------------

/** The median. */
export function median(col: ColumnOrName): Column {
  return unary("median", col);
}

/**
 * The exact percentile(s) of a numeric column: `percentage` is a number in [0, 1] or an array of
 * them; `frequency` weighs each row (1 by default).
 *
 * @example
 * ```ts
 * percentile("latency", [0.5, 0.99])
 * ```
 */
export function percentile(
  col: ColumnOrName,
  percentage: Column | number | readonly number[],
  frequency: Column | number = 1,
): Column {
  if (!(frequency instanceof Column) && typeof frequency !== "number") {
    throw new SparkArgumentError("frequency must be a Column or a number", {
      errorClass: "NOT_COLUMN_OR_INT",
      messageParameters: { arg_name: "frequency", arg_type: typeof frequency },
    });
  }
  return call("percentile", colArg(col), percentageArg(percentage), litArg(frequency, "frequency"));
}

/**
 * The approximate percentile(s): the smallest value such that at most `percentage` of the values
 * are below it. `percentage` is a number in [0, 1] or an array of them; higher `accuracy` (10000
 * by default) costs memory.
 *
 * @example
 * ```ts
 * percentileApprox("latency", [0.5, 0.9, 0.99], 1000)
 * ```
 */
export function percentileApprox(
  col: ColumnOrName,
  percentage: Column | number | readonly number[],
  accuracy: Column | number = 10000,
): Column {
  return call(
    "percentile_approx",
    colArg(col),
    percentageArg(percentage),
    litArg(accuracy, "accuracy"),
  );
}

/** Same as {@link percentileApprox}. */
export function approxPercentile(
  col: ColumnOrName,
  percentage: Column | number | readonly number[],
  accuracy: Column | number = 10000,
): Column {
  return call(
    "approx_percentile",
    colArg(col),
    percentageArg(percentage),
    litArg(accuracy, "accuracy"),
  );
}

/**
 * A histogram of `nBins` bins (an array of `{x, y}` structs: bin centres and heights).
 *
 * @example
 * ```ts
 * histogramNumeric("v", lit(5))
 * ```
 */
export function histogramNumeric(col: ColumnOrName, nBins: Column): Column {
  return call("histogram_numeric", colArg(col), colArg(nBins, "nBins"));
}

// Statistics -------------------------------------------------------------------------------------

/** The sample standard deviation. */
export function stddev(col: ColumnOrName): Column {
  return unary("stddev", col);
}

/** The sample standard deviation. */
export function std(col: ColumnOrName): Column {
  return unary("std", col);
}

/** The sample standard deviation. */
export function stddevSamp(col: ColumnOrName): Column {
  return unary("stddev_samp", col);
}

/** The population standard deviation. */
export function stddevPop(col: ColumnOrName): Column {
  return unary("stddev_pop", col);
}

/** The sample variance. */
export function variance(col: ColumnOrName): Column {
  return unary("variance", col);
}

/** The sample variance. */
export function varSamp(col: ColumnOrName): Column {
  return unary("var_samp", col);
}

/** The population variance. */
export function varPop(col: ColumnOrName): Column {
  return unary("var_pop", col);
}

/** The skewness. */
export function skewness(col: ColumnOrName): Column {
  return unary("skewness", col);
}

/** The kurtosis. */
export function kurtosis(col: ColumnOrName): Column {
  return unary("kurtosis", col);
}

/** The Pearson correlation coefficient of two columns. */
export function corr(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("corr", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** The population covariance of two columns. */
export function covarPop(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("covar_pop", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** The sample covariance of two columns. */
export function covarSamp(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("covar_samp", colArg(col1, "col1"), colArg(col2, "col2"));
}

// Linear regression (y = dependent, x = independent; rows where either is null are skipped) -----

/** The average of the independent variable `x`. */
export function regrAvgx(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_avgx", colArg(y, "y"), colArg(x, "x"));
}

/** The average of the dependent variable `y`. */
export function regrAvgy(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_avgy", colArg(y, "y"), colArg(x, "x"));
}

/** The number of rows where both `y` and `x` are not null. */
export function regrCount(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_count", colArg(y, "y"), colArg(x, "x"));
}

/** The intercept of the least-squares regression line. */
export function regrIntercept(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_intercept", colArg(y, "y"), colArg(x, "x"));
}

/** The coefficient of determination of the regression. */
export function regrR2(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_r2", colArg(y, "y"), colArg(x, "x"));
}

/** The slope of the least-squares regression line. */
export function regrSlope(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_slope", colArg(y, "y"), colArg(x, "x"));
}

/** `regr_count(y, x) * var_pop(x)`. */
export function regrSxx(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_sxx", colArg(y, "y"), colArg(x, "x"));
}

/** `regr_count(y, x) * covar_pop(y, x)`. */
export function regrSxy(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_sxy", colArg(y, "y"), colArg(x, "x"));
}

/** `regr_count(y, x) * var_pop(y)`. */
export function regrSyy(y: ColumnOrName, x: ColumnOrName): Column {
  return call("regr_syy", colArg(y, "y"), colArg(x, "x"));
}

// Booleans and bits ------------------------------------------------------------------------------

/** True when the condition holds on every row. */
export function every(col: ColumnOrName): Column {
  return unary("every", col);
}

/** True when the condition holds on every row. */
export function boolAnd(col: ColumnOrName): Column {
  return unary("bool_and", col);
}

/** True when the condition holds on some row. */
export function some(col: ColumnOrName): Column {
  return unary("some", col);
}

/** True when the condition holds on some row. */
export function boolOr(col: ColumnOrName): Column {
  return unary("bool_or", col);
}

/** Bitwise AND of the values. */
export function bitAnd(col: ColumnOrName): Column {
  return unary("bit_and", col);
}

/** Bitwise OR of the values. */
export function bitOr(col: ColumnOrName): Column {
  return unary("bit_or", col);
}

/** Bitwise XOR of the values. */
export function bitXor(col: ColumnOrName): Column {
  return unary("bit_xor", col);
}

// Collecting -------------------------------------------------------------------------------------

/** The values as an array, with duplicates (order not guaranteed). */
export function collectList(col: ColumnOrName): Column {
  return unary("collect_list", col);
}

/** The values as an array, with duplicates (same as {@link collectList}). */
export function arrayAgg(col: ColumnOrName): Column {
  return unary("array_agg", col);
}

/** The distinct values as an array (order not guaranteed). */
export function collectSet(col: ColumnOrName): Column {
  return unary("collect_set", col);
}

/**
 * The non-null values concatenated, separated by `delimiter` (none by default). Order them with
 * `WITHIN GROUP` in SQL, or sort before aggregating.
 *
 * @example
 * ```ts
 * df.groupBy("dept").agg(listagg("name", ", "))
 * ```
 */
export function listagg(col: ColumnOrName, delimiter?: Delimiter): Column {
  return call("listagg", colArg(col), ...optionalLit(delimiter, "delimiter"));
}

/** The distinct non-null values concatenated, separated by `delimiter`. */
export function listaggDistinct(col: ColumnOrName, delimiter?: Delimiter): Column {
  return callDistinct("listagg", colArg(col), ...optionalLit(delimiter, "delimiter"));
}

/** The non-null values concatenated, separated by `delimiter` (same as {@link listagg}). */
export function stringAgg(col: ColumnOrName, delimiter?: Delimiter): Column {
  return call("string_agg", colArg(col), ...optionalLit(delimiter, "delimiter"));
}

/** The distinct non-null values concatenated, separated by `delimiter`. */
export function stringAggDistinct(col: ColumnOrName, delimiter?: Delimiter): Column {
  return callDistinct("string_agg", colArg(col), ...optionalLit(delimiter, "delimiter"));
}

// Grouping sets ----------------------------------------------------------------------------------

/** 1 when the column is aggregated away in this row of a cube/rollup/grouping set, else 0. */
export function grouping(col: ColumnOrName): Column {
  return unary("grouping", col);
}

/** The grouping level: a bit vector of {@link grouping} over the columns (all when none). */
export function groupingId(...cols: ColumnOrName[]): Column {
  return call("grouping_id", ...colArgs(cols));
}
