/**
 * Conditional and predicate functions: null handling, NaN handling and pattern matching.
 *
 * @module
 */
import type { Column } from "../column.js";
import { colArgs, optionalCol } from "./args.js";
import { type ColumnOrName, call, colArg } from "./core.js";

// Conditional functions -------------------------------------------------------------------------

/**
 * The first non-null value among the columns.
 *
 * @example
 * ```ts
 * coalesce("nickname", "name", lit("anonymous"))
 * ```
 */
export function coalesce(...cols: ColumnOrName[]): Column {
  return call("coalesce", ...colArgs(cols));
}

/** `col2` when `col1` is null, else `col1`. */
export function ifnull(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("ifnull", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** `col1` unless it is NaN, else `col2` (both must be float or double). */
export function nanvl(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("nanvl", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** Null when `col1` equals `col2`, else `col1`. */
export function nullif(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("nullif", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** Null when the value is 0, else the value. */
export function nullifzero(col: ColumnOrName): Column {
  return call("nullifzero", colArg(col));
}

/** `col2` when `col1` is null, else `col1` (same as {@link ifnull}). */
export function nvl(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("nvl", colArg(col1, "col1"), colArg(col2, "col2"));
}

/** `col2` when `col1` is not null, else `col3`. */
export function nvl2(col1: ColumnOrName, col2: ColumnOrName, col3: ColumnOrName): Column {
  return call("nvl2", colArg(col1, "col1"), colArg(col2, "col2"), colArg(col3, "col3"));
}

/** 0 when the value is null, else the value. */
export function zeroifnull(col: ColumnOrName): Column {
  return call("zeroifnull", colArg(col));
}

// Predicates ------------------------------------------------------------------------------------

/** Equality where two nulls are equal and null never equals a value (`<=>` as a function). */
export function equalNull(col1: ColumnOrName, col2: ColumnOrName): Column {
  return call("equal_null", colArg(col1, "col1"), colArg(col2, "col2"));
}

/**
 * Case-insensitive SQL `LIKE`. `pattern` is a column: pass `lit("a%")` for a fixed pattern.
 *
 * @param escapeChar the escape character, as a literal column (default `\`).
 * @example
 * ```ts
 * ilike("name", lit("%SMITH%"))
 * ```
 */
export function ilike(str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column {
  return call(
    "ilike",
    colArg(str, "str"),
    colArg(pattern, "pattern"),
    ...optionalCol(escapeChar, "escapeChar"),
  );
}

/** True when the value is NaN. */
export function isnan(col: ColumnOrName): Column {
  return call("isnan", colArg(col));
}

/** True when the value is not null. */
export function isnotnull(col: ColumnOrName): Column {
  return call("isnotnull", colArg(col));
}

/** True when the value is null. */
export function isnull(col: ColumnOrName): Column {
  return call("isnull", colArg(col));
}

/**
 * SQL `LIKE` with `%` and `_` wildcards. `pattern` is a column: pass `lit("a%")` for a fixed
 * pattern.
 *
 * @param escapeChar the escape character, as a literal column (default `\`).
 * @example
 * ```ts
 * like("code", lit("A/_%"), lit("/"))   // codes starting with "A_"
 * ```
 */
export function like(str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column {
  return call(
    "like",
    colArg(str, "str"),
    colArg(pattern, "pattern"),
    ...optionalCol(escapeChar, "escapeChar"),
  );
}

/** True when `str` matches the Java regular expression `pattern` (a column: use `lit`). */
export function regexp(str: ColumnOrName, pattern: ColumnOrName): Column {
  return call("regexp", colArg(str, "str"), colArg(pattern, "regexp"));
}

/** True when `str` matches the Java regular expression `pattern` (a column: use `lit`). */
export function regexpLike(str: ColumnOrName, pattern: ColumnOrName): Column {
  return call("regexp_like", colArg(str, "str"), colArg(pattern, "regexp"));
}

/**
 * True when `str` matches the Java regular expression `pattern` (a column: use `lit`).
 *
 * @example
 * ```ts
 * rlike("phone", lit("^\\+41"))
 * ```
 */
export function rlike(str: ColumnOrName, pattern: ColumnOrName): Column {
  return call("rlike", colArg(str, "str"), colArg(pattern, "regexp"));
}
