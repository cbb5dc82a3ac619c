/**
 * Sketch and bitmap functions: HyperLogLog (`hll_*`), Theta (`theta_*`) and KLL quantile
 * (`kll_*`) sketches built by aggregates and read by scalar functions, and bitmaps for exact
 * distinct counts of integers.
 *
 * @example
 * ```ts
 * const daily = df.groupBy("day").agg(hllSketchAgg("user").alias("sk"));
 * daily.agg(hllSketchEstimate(hllUnionAgg("sk")))   // distinct users over all days
 * ```
 *
 * @module
 */
import type { Column } from "../column.js";
import { optionalLit } from "./args.js";
import { type ColumnOrName, call, colArg } from "./core.js";

function unary(name: string, col: ColumnOrName): Column {
  return call(name, colArg(col));
}

function binary(name: string, a: ColumnOrName, b: ColumnOrName, wa: string, wb: string): Column {
  return call(name, colArg(a, wa), colArg(b, wb));
}

// HyperLogLog ------------------------------------------------------------------------------------

/** An HLL sketch of the values (aggregate); `lgConfigK` (4–21, 12 by default) sets its size. */
export function hllSketchAgg(col: ColumnOrName, lgConfigK?: number | Column): Column {
  return call("hll_sketch_agg", colArg(col), ...optionalLit(lgConfigK, "lgConfigK"));
}

/**
 * The union of HLL sketches (aggregate); `allowDifferentLgConfigK` allows sketches of different
 * sizes.
 */
export function hllUnionAgg(col: ColumnOrName, allowDifferentLgConfigK?: boolean | Column): Column {
  return call(
    "hll_union_agg",
    colArg(col),
    ...optionalLit(allowDifferentLgConfigK, "allowDifferentLgConfigK"),
  );
}

/** The estimated number of distinct values of an HLL sketch. */
export function hllSketchEstimate(col: ColumnOrName): Column {
  return unary("hll_sketch_estimate", col);
}

/** The union of two HLL sketches. */
export function hllUnion(
  col1: ColumnOrName,
  col2: ColumnOrName,
  allowDifferentLgConfigK?: boolean,
): Column {
  return call(
    "hll_union",
    colArg(col1, "col1"),
    colArg(col2, "col2"),
    ...optionalLit(allowDifferentLgConfigK, "allowDifferentLgConfigK"),
  );
}

// Theta ------------------------------------------------------------------------------------------

/** A Theta sketch of the values (aggregate); `lgNomEntries` (4–26, 12 by default) sets its size. */
export function thetaSketchAgg(col: ColumnOrName, lgNomEntries?: number | Column): Column {
  return call("theta_sketch_agg", colArg(col), ...optionalLit(lgNomEntries, "lgNomEntries"));
}

/** The union of Theta sketches (aggregate). */
export function thetaUnionAgg(col: ColumnOrName, lgNomEntries?: number | Column): Column {
  return call("theta_union_agg", colArg(col), ...optionalLit(lgNomEntries, "lgNomEntries"));
}

/** The intersection of Theta sketches (aggregate). */
export function thetaIntersectionAgg(col: ColumnOrName): Column {
  return unary("theta_intersection_agg", col);
}

/** The estimated number of distinct values of a Theta sketch. */
export function thetaSketchEstimate(col: ColumnOrName): Column {
  return unary("theta_sketch_estimate", col);
}

/** The union of two Theta sketches. */
export function thetaUnion(
  col1: ColumnOrName,
  col2: ColumnOrName,
  lgNomEntries?: number | Column,
): Column {
  return call(
    "theta_union",
    colArg(col1, "col1"),
    colArg(col2, "col2"),
    ...optionalLit(lgNomEntries, "lgNomEntries"),
  );
}

/** The intersection of two Theta sketches. */
export function thetaIntersection(col1: ColumnOrName, col2: ColumnOrName): Column {
  return binary("theta_intersection", col1, col2, "col1", "col2");
}

/** The values of the first Theta sketch not in the second (A not B). */
export function thetaDifference(col1: ColumnOrName, col2: ColumnOrName): Column {
  return binary("theta_difference", col1, col2, "col1", "col2");
}

// KLL quantile sketches (bigint, float and double flavours) --------------------------------------

/** A KLL sketch of bigint values (aggregate); `k` (8–65535, 200 by default) sets its accuracy. */
export function kllSketchAggBigint(col: ColumnOrName, k?: number | Column): Column {
  return call("kll_sketch_agg_bigint", colArg(col), ...optionalLit(k, "k"));
}

/** A KLL sketch of float values (aggregate). */
export function kllSketchAggFloat(col: ColumnOrName, k?: number | Column): Column {
  return call("kll_sketch_agg_float", colArg(col), ...optionalLit(k, "k"));
}

/** A KLL sketch of double values (aggregate). */
export function kllSketchAggDouble(col: ColumnOrName, k?: number | Column): Column {
  return call("kll_sketch_agg_double", colArg(col), ...optionalLit(k, "k"));
}

/** The merge of bigint KLL sketches (aggregate). */
export function kllMergeAggBigint(col: ColumnOrName, k?: number | Column): Column {
  return call("kll_merge_agg_bigint", colArg(col), ...optionalLit(k, "k"));
}

/** The merge of float KLL sketches (aggregate). */
export function kllMergeAggFloat(col: ColumnOrName, k?: number | Column): Column {
  return call("kll_merge_agg_float", colArg(col), ...optionalLit(k, "k"));
}

/** The merge of double KLL sketches (aggregate). */
export function kllMergeAggDouble(col: ColumnOrName, k?: number | Column): Column {
  return call("kll_merge_agg_double", colArg(col), ...optionalLit(k, "k"));
}

/** A bigint KLL sketch described as a string. */
export function kllSketchToStringBigint(col: ColumnOrName): Column {
  return unary("kll_sketch_to_string_bigint", col);
}

/** A float KLL sketch described as a string. */
export function kllSketchToStringFloat(col: ColumnOrName): Column {
  return unary("kll_sketch_to_string_float", col);
}

/** A double KLL sketch described as a string. */
export function kllSketchToStringDouble(col: ColumnOrName): Column {
  return unary("kll_sketch_to_string_double", col);
}

/** The number of values in a bigint KLL sketch. */
export function kllSketchGetNBigint(col: ColumnOrName): Column {
  return unary("kll_sketch_get_n_bigint", col);
}

/** The number of values in a float KLL sketch. */
export function kllSketchGetNFloat(col: ColumnOrName): Column {
  return unary("kll_sketch_get_n_float", col);
}

/** The number of values in a double KLL sketch. */
export function kllSketchGetNDouble(col: ColumnOrName): Column {
  return unary("kll_sketch_get_n_double", col);
}

/** Two bigint KLL sketches merged. */
export function kllSketchMergeBigint(left: ColumnOrName, right: ColumnOrName): Column {
  return binary("kll_sketch_merge_bigint", left, right, "left", "right");
}

/** Two float KLL sketches merged. */
export function kllSketchMergeFloat(left: ColumnOrName, right: ColumnOrName): Column {
  return binary("kll_sketch_merge_float", left, right, "left", "right");
}

/** Two double KLL sketches merged. */
export function kllSketchMergeDouble(left: ColumnOrName, right: ColumnOrName): Column {
  return binary("kll_sketch_merge_double", left, right, "left", "right");
}

/**
 * The estimated value at a rank in [0, 1] (or an array of ranks) of a bigint KLL sketch.
 *
 * @example
 * ```ts
 * kllSketchGetQuantileBigint("sk", lit(0.5))
 * ```
 */
export function kllSketchGetQuantileBigint(sketch: ColumnOrName, rank: ColumnOrName): Column {
  return binary("kll_sketch_get_quantile_bigint", sketch, rank, "sketch", "rank");
}

/** The estimated value at a rank (or ranks) of a float KLL sketch. */
export function kllSketchGetQuantileFloat(sketch: ColumnOrName, rank: ColumnOrName): Column {
  return binary("kll_sketch_get_quantile_float", sketch, rank, "sketch", "rank");
}

/** The estimated value at a rank (or ranks) of a double KLL sketch. */
export function kllSketchGetQuantileDouble(sketch: ColumnOrName, rank: ColumnOrName): Column {
  return binary("kll_sketch_get_quantile_double", sketch, rank, "sketch", "rank");
}

/** The estimated rank in [0, 1] of a value (or values) in a bigint KLL sketch. */
export function kllSketchGetRankBigint(sketch: ColumnOrName, quantile: ColumnOrName): Column {
  return binary("kll_sketch_get_rank_bigint", sketch, quantile, "sketch", "quantile");
}

/** The estimated rank of a value (or values) in a float KLL sketch. */
export function kllSketchGetRankFloat(sketch: ColumnOrName, quantile: ColumnOrName): Column {
  return binary("kll_sketch_get_rank_float", sketch, quantile, "sketch", "quantile");
}

/** The estimated rank of a value (or values) in a double KLL sketch. */
export function kllSketchGetRankDouble(sketch: ColumnOrName, quantile: ColumnOrName): Column {
  return binary("kll_sketch_get_rank_double", sketch, quantile, "sketch", "quantile");
}

// Bitmaps ----------------------------------------------------------------------------------------

/** The bit position of a number within its bitmap bucket. */
export function bitmapBitPosition(col: ColumnOrName): Column {
  return unary("bitmap_bit_position", col);
}

/** The bitmap bucket number of a number. */
export function bitmapBucketNumber(col: ColumnOrName): Column {
  return unary("bitmap_bucket_number", col);
}

/** A bitmap with the bits of the positions set (aggregate). */
export function bitmapConstructAgg(col: ColumnOrName): Column {
  return unary("bitmap_construct_agg", col);
}

/** The number of bits set in a bitmap. */
export function bitmapCount(col: ColumnOrName): Column {
  return unary("bitmap_count", col);
}

/** The bitwise OR of bitmaps (aggregate). */
export function bitmapOrAgg(col: ColumnOrName): Column {
  return unary("bitmap_or_agg", col);
}

/** The bitwise AND of bitmaps (aggregate). */
export function bitmapAndAgg(col: ColumnOrName): Column {
  return unary("bitmap_and_agg", col);
}
