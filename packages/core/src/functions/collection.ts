/**
 * Collection functions: arrays, maps and structs. (Higher-order functions that take JS lambdas,
 * such as `transform`, are in `higher-order.ts`; generators such as `explode` in
 * `generators.ts`.)
 *
 * @module
 */
import type { Column, ColumnOrLiteral } from "../column.js";
import { Literal } from "../expressions/literal.js";
import { colArgs, intOrCol, optionalCol, optionalLit, seedArg, spreadCols } from "./args.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

function unary(name: string, col: ColumnOrName): Column {
  return call(name, colArg(col));
}

// Building ---------------------------------------------------------------------------------------

/**
 * An array of the columns' values (of a common type). Takes the columns as arguments or as one
 * JS array.
 *
 * @example
 * ```ts
 * array("a", "b", lit(0))
 * array(["a", "b"])
 * ```
 */
export function array(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column {
  return call("array", ...spreadCols(cols));
}

/**
 * A map from alternating key and value columns. Takes the columns as arguments or as one JS
 * array.
 *
 * @example
 * ```ts
 * createMap(lit("name"), "name", lit("city"), "city")
 * ```
 */
export function createMap(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column {
  return call("map", ...spreadCols(cols));
}

/**
 * A struct of the columns (fields named after them). Takes the columns as arguments or as one JS
 * array; `struct("*")` packs every column.
 *
 * @example
 * ```ts
 * struct("id", col("name").alias("n"))
 * ```
 */
export function struct(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column {
  return call("struct", ...spreadCols(cols));
}

/**
 * A struct from alternating name and value columns; names are literal columns.
 *
 * @example
 * ```ts
 * namedStruct(lit("x"), "a", lit("y"), "b")
 * ```
 */
export function namedStruct(...cols: ColumnOrName[]): Column {
  return call("named_struct", ...colArgs(cols));
}

/**
 * An array of integers (or dates/timestamps) from `start` to `stop` inclusive, by `step` (1 or
 * -1 by default; an interval for dates).
 *
 * @example
 * ```ts
 * sequence(lit(1), lit(10), lit(3))   // [1, 4, 7, 10]
 * ```
 */
export function sequence(start: ColumnOrName, stop: ColumnOrName, step?: ColumnOrName): Column {
  return call(
    "sequence",
    colArg(start, "start"),
    colArg(stop, "stop"),
    ...optionalCol(step, "step"),
  );
}

/** An array of `count` copies of the value. A number is a literal, a string names a column. */
export function arrayRepeat(col: ColumnOrName, count: ColumnOrName | number): Column {
  return call("array_repeat", colArg(col), intOrCol(count, "count"));
}

// Array properties -------------------------------------------------------------------------------

/** The number of elements of an array or entries of a map (-1 or null for null input). */
export function size(col: ColumnOrName): Column {
  return unary("size", col);
}

/** The number of elements of an array or entries of a map, as {@link size}. */
export function cardinality(col: ColumnOrName): Column {
  return unary("cardinality", col);
}

/** The number of elements of an array (null for null input). */
export function arraySize(col: ColumnOrName): Column {
  return unary("array_size", col);
}

/** The greatest element. */
export function arrayMax(col: ColumnOrName): Column {
  return unary("array_max", col);
}

/** The least element. */
export function arrayMin(col: ColumnOrName): Column {
  return unary("array_min", col);
}

/** True when the array contains `value` (a literal, or a Column). */
export function arrayContains(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return call("array_contains", colArg(col), litArg(value, "value"));
}

/** The 1-based position of the first occurrence of `value`, or 0. */
export function arrayPosition(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return call("array_position", colArg(col), litArg(value, "value"));
}

/** True when the two arrays have a non-null element in common. */
export function arraysOverlap(a1: ColumnOrName, a2: ColumnOrName): Column {
  return call("arrays_overlap", colArg(a1, "a1"), colArg(a2, "a2"));
}

// Element access ---------------------------------------------------------------------------------

/**
 * The element at the 1-based index (negative from the end) of an array, or the value for a key of
 * a map. `extraction` is a literal (or a Column).
 *
 * @example
 * ```ts
 * elementAt("tags", 1)
 * elementAt("props", "color")
 * ```
 */
export function elementAt(col: ColumnOrName, extraction: ColumnOrLiteral): Column {
  return call("element_at", colArg(col), litArg(extraction, "extraction"));
}

/** As {@link elementAt}, null instead of an error; `extraction` is a column (use `lit`). */
export function tryElementAt(col: ColumnOrName, extraction: ColumnOrName): Column {
  return call("try_element_at", colArg(col), colArg(extraction, "extraction"));
}

/** The element at the 0-based `index`, null when out of bounds. A number is a literal. */
export function get(col: ColumnOrName, index: ColumnOrName | number): Column {
  return call("get", colArg(col), intOrCol(index, "index"));
}

/**
 * The sub-array of `length` elements from the 1-based `start` (negative from the end). Numbers
 * are literals, strings name columns.
 *
 * @example
 * ```ts
 * slice("xs", 2, 3)
 * ```
 */
export function slice(
  x: ColumnOrName,
  start: ColumnOrName | number,
  length: ColumnOrName | number,
): Column {
  return call("slice", colArg(x, "x"), intOrCol(start, "start"), intOrCol(length, "length"));
}

// Array transformations --------------------------------------------------------------------------

/** The array with `value` appended. */
export function arrayAppend(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return call("array_append", colArg(col), litArg(value, "value"));
}

/** The array with `value` prepended. */
export function arrayPrepend(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return call("array_prepend", colArg(col), litArg(value, "value"));
}

/**
 * The array with `value` inserted at the 1-based position `pos` (negative from the end). A number
 * is a literal, a string names a column; `value` is a literal or a Column.
 */
export function arrayInsert(
  arr: ColumnOrName,
  pos: ColumnOrName | number,
  value: ColumnOrLiteral,
): Column {
  return call("array_insert", colArg(arr, "arr"), intOrCol(pos, "pos"), litArg(value, "value"));
}

/** The array without the elements equal to `element`. */
export function arrayRemove(col: ColumnOrName, element: ColumnOrLiteral): Column {
  return call("array_remove", colArg(col), litArg(element, "element"));
}

/** The array without null elements. */
export function arrayCompact(col: ColumnOrName): Column {
  return unary("array_compact", col);
}

/** The array without duplicates. */
export function arrayDistinct(col: ColumnOrName): Column {
  return unary("array_distinct", col);
}

/** The elements of `col1` not in `col2`, without duplicates. */
export function arrayExcept(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("array_except", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** The elements in both arrays, without duplicates. */
export function arrayIntersect(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("array_intersect", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** The elements in either array, without duplicates. */
export function arrayUnion(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("array_union", colArg(col1, "col1"), colArg(col2, "col2"));
}

/**
 * The elements joined with `delimiter`; nulls are skipped unless `nullReplacement` is given.
 *
 * @example
 * ```ts
 * arrayJoin("tags", ", ", "?")
 * ```
 */
export function arrayJoin(col: ColumnOrName, delimiter: string, nullReplacement?: string): Column {
  return call(
    "array_join",
    colArg(col),
    litArg(delimiter, "delimiter"),
    ...optionalLit(nullReplacement, "null_replacement"),
  );
}

/** An array of arrays flattened by one level. */
export function flatten(col: ColumnOrName): Column {
  return unary("flatten", col);
}

/** The array in a random order. Without a seed, a random seed is drawn now. */
export function shuffle(col: ColumnOrName, seed?: Column | number | bigint): Column {
  return call("shuffle", colArg(col), seedArg(seed));
}

/** The array sorted ascending (nulls first) or descending (nulls last). */
export function sortArray(col: ColumnOrName, asc = true): Column {
  return call("sort_array", colArg(col), litArg(asc, "asc"));
}

/**
 * An array of structs whose n-th struct holds the n-th elements of the arrays.
 *
 * @example
 * ```ts
 * arraysZip("names", "ages")
 * ```
 */
export function arraysZip(...cols: ColumnOrName[]): Column {
  return call("arrays_zip", ...colArgs(cols));
}

/** The strings, binaries or arrays concatenated. */
export function concat(...cols: ColumnOrName[]): Column {
  return call("concat", ...colArgs(cols));
}

/** The string reversed, or the array in reverse order. */
export function reverse(col: ColumnOrName): Column {
  return unary("reverse", col);
}

// Maps -------------------------------------------------------------------------------------------

/** The maps merged. Takes the columns as arguments or as one JS array. */
export function mapConcat(...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column {
  return call("map_concat", ...spreadCols(cols));
}

/** True when the map has the key `value` (a literal, or a Column). */
export function mapContainsKey(col: ColumnOrName, value: ColumnOrLiteral): Column {
  return call("map_contains_key", colArg(col), litArg(value, "value"));
}

/** The map's entries as an array of `{key, value}` structs. */
export function mapEntries(col: ColumnOrName): Column {
  return unary("map_entries", col);
}

/** A map from an array of keys and an array of values. */
export function mapFromArrays(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("map_from_arrays", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** A map from an array of `{key, value}` structs. */
export function mapFromEntries(col: ColumnOrName): Column {
  return unary("map_from_entries", col);
}

/** The map's keys, as an array. */
export function mapKeys(col: ColumnOrName): Column {
  return unary("map_keys", col);
}

/** The map's values, as an array. */
export function mapValues(col: ColumnOrName): Column {
  return unary("map_values", col);
}

/**
 * A map parsed from a string of pairs separated by `pairDelim` (`","` by default) with keys and
 * values separated by `keyValueDelim` (`":"`). The delimiters are columns when given (use `lit`).
 *
 * @example
 * ```ts
 * strToMap("query", lit("&"), lit("="))
 * ```
 */
export function strToMap(
  text: ColumnOrName,
  pairDelim?: ColumnOrName,
  keyValueDelim?: ColumnOrName,
): Column {
  const orDefault = (c: ColumnOrName | undefined, fallback: string, what: string) =>
    c === undefined || c === null ? new Literal(fallback) : colArg(c, what);
  return call(
    "str_to_map",
    colArg(text, "text"),
    orDefault(pairDelim, ",", "pairDelim"),
    orDefault(keyValueDelim, ":", "keyValueDelim"),
  );
}
