/**
 * Higher-order functions: array and map functions that take a JS arrow function, turned into a
 * Spark lambda (its parameters are Columns standing for the lambda's variables; it must return a
 * Column). Nothing runs on the client: the function is called once, to build the expression.
 *
 * @module
 */
import type { Column } from "../column.js";
import { lambdaArg } from "./args.js";
import { type ColumnOrName, call, colArg } from "./core.js";

/** A lambda of one parameter. */
export type Lambda1 = (x: Column) => Column;
/** A lambda of two parameters (a function of one parameter fits too: it ignores the second). */
export type Lambda2 = (x: Column, y: Column) => Column;
/** A lambda of three parameters (or fewer, ignoring the rest). */
export type Lambda3 = (x: Column, y: Column, z: Column) => Column;

/**
 * Each element mapped by `f`; `f` may take the element's 0-based index as a second parameter.
 *
 * @example
 * ```ts
 * transform(col("xs"), (x) => x.plus(1))
 * transform("xs", (x, i) => x.multiply(i))
 * ```
 */
export function transform(col: ColumnOrName, f: Lambda2): Column {
  return call("transform", colArg(col), lambdaArg(f, [1, 2]));
}

/**
 * The elements for which `f` is true; `f` may take the 0-based index as a second parameter.
 *
 * @example
 * ```ts
 * filter("xs", (x) => x.gt(0))
 * ```
 */
export function filter(col: ColumnOrName, f: Lambda2): Column {
  return call("filter", colArg(col), lambdaArg(f, [1, 2]));
}

/** True when `f` is true for some element. */
export function exists(col: ColumnOrName, f: Lambda1): Column {
  return call("exists", colArg(col), lambdaArg(f, [1]));
}

/** True when `f` is true for every element. */
export function forall(col: ColumnOrName, f: Lambda1): Column {
  return call("forall", colArg(col), lambdaArg(f, [1]));
}

/**
 * Folds the array: `merge(acc, x)` from `initialValue` (a column: use `lit`), then
 * `finish(acc)` when given.
 *
 * @example
 * ```ts
 * aggregate("xs", lit(0), (acc, x) => acc.plus(x))
 * aggregate("xs", lit(0), (acc, x) => acc.plus(x), (acc) => acc.multiply(10))
 * ```
 */
export function aggregate(
  col: ColumnOrName,
  initialValue: ColumnOrName,
  merge: Lambda2,
  finish?: Lambda1,
): Column {
  return call(
    "aggregate",
    colArg(col),
    colArg(initialValue, "initialValue"),
    lambdaArg(merge, [2], "merge"),
    ...(finish === undefined || finish === null ? [] : [lambdaArg(finish, [1], "finish")]),
  );
}

/** Folds the array, as {@link aggregate}. */
export function reduce(
  col: ColumnOrName,
  initialValue: ColumnOrName,
  merge: Lambda2,
  finish?: Lambda1,
): Column {
  return call(
    "reduce",
    colArg(col),
    colArg(initialValue, "initialValue"),
    lambdaArg(merge, [2], "merge"),
    ...(finish === undefined || finish === null ? [] : [lambdaArg(finish, [1], "finish")]),
  );
}

/**
 * The two arrays merged element by element with `f(left, right)` (the shorter one padded with
 * nulls).
 *
 * @example
 * ```ts
 * zipWith("xs", "ys", (x, y) => x.plus(y))
 * ```
 */
export function zipWith(left: ColumnOrName, right: ColumnOrName, f: Lambda2): Column {
  return call("zip_with", colArg(left, "left"), colArg(right, "right"), lambdaArg(f, [2]));
}

/**
 * The array sorted; with a comparator `(a, b)` returning a negative, zero or positive integer.
 *
 * @example
 * ```ts
 * arraySort("xs")
 * arraySort("words", (a, b) => length(b).minus(length(a)))   // longest first
 * ```
 */
export function arraySort(col: ColumnOrName, comparator?: Lambda2): Column {
  if (comparator === undefined || comparator === null) return call("array_sort", colArg(col));
  return call("array_sort", colArg(col), lambdaArg(comparator, [2], "comparator"));
}

/**
 * The map with each key replaced by `f(key, value)`.
 *
 * @example
 * ```ts
 * transformKeys("m", (k, v) => upper(k))
 * ```
 */
export function transformKeys(col: ColumnOrName, f: Lambda2): Column {
  return call("transform_keys", colArg(col), lambdaArg(f, [2]));
}

/**
 * The map with each value replaced by `f(key, value)`.
 *
 * @example
 * ```ts
 * transformValues("m", (k, v) => v.plus(1))
 * ```
 */
export function transformValues(col: ColumnOrName, f: Lambda2): Column {
  return call("transform_values", colArg(col), lambdaArg(f, [2]));
}

/**
 * The map's entries for which `f(key, value)` is true.
 *
 * @example
 * ```ts
 * mapFilter("m", (k, v) => v.gt(0))
 * ```
 */
export function mapFilter(col: ColumnOrName, f: Lambda2): Column {
  return call("map_filter", colArg(col), lambdaArg(f, [2]));
}

/**
 * The two maps merged by key with `f(key, value1, value2)` (a missing value is null).
 *
 * @example
 * ```ts
 * mapZipWith("base", "ratio", (k, v1, v2) => v1.multiply(v2))
 * ```
 */
export function mapZipWith(col1: ColumnOrName, col2: ColumnOrName, f: Lambda3): Column {
  return call("map_zip_with", colArg(col1, "col1"), colArg(col2, "col2"), lambdaArg(f, [3]));
}
