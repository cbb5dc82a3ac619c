/**
 * String and binary functions.
 *
 * @module
 */
import type { Column } from "../column.js";
import { Literal } from "../expressions/literal.js";
import { colArgs, intOrCol, optionalCol, optionalLit, seedArg } from "./args.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

function unary(name: string, col: ColumnOrName, what = "col"): Column {
  return call(name, colArg(col, what));
}

// Case and characters ---------------------------------------------------------------------------

/** Upper case. */
export function upper(col: ColumnOrName): Column {
  return unary("upper", col);
}

/** Lower case. */
export function lower(col: ColumnOrName): Column {
  return unary("lower", col);
}

/** Upper case (same as {@link upper}). */
export function ucase(str: ColumnOrName): Column {
  return unary("ucase", str, "str");
}

/** Lower case (same as {@link lower}). */
export function lcase(str: ColumnOrName): Column {
  return unary("lcase", str, "str");
}

/** The first letter of each word in upper case, the rest in lower case. */
export function initcap(col: ColumnOrName): Column {
  return unary("initcap", col);
}

/** The code point of the first character. */
export function ascii(col: ColumnOrName): Column {
  return unary("ascii", col);
}

/**
 * The character of a code point (modulo 256). Named `char` as in Spark: it is not a reserved word
 * in JavaScript.
 */
export function char(col: ColumnOrName): Column {
  return unary("char", col);
}

/** The character of a code point (modulo 256), as {@link char}. */
export function chr(n: ColumnOrName): Column {
  return unary("chr", n, "n");
}

/** The Soundex code of the string. */
export function soundex(col: ColumnOrName): Column {
  return unary("soundex", col);
}

/** The string in single quotes, with quotes inside escaped. */
export function quote(col: ColumnOrName): Column {
  return unary("quote", col);
}

// Lengths ----------------------------------------------------------------------------------------

/** The number of characters of a string, or bytes of a binary (trailing spaces count). */
export function length(col: ColumnOrName): Column {
  return unary("length", col);
}

/** The number of characters of a string, or bytes of a binary. */
export function charLength(str: ColumnOrName): Column {
  return unary("char_length", str, "str");
}

/** The number of characters of a string, or bytes of a binary. */
export function characterLength(str: ColumnOrName): Column {
  return unary("character_length", str, "str");
}

/** The length in bits. */
export function bitLength(col: ColumnOrName): Column {
  return unary("bit_length", col);
}

/** The length in bytes. */
export function octetLength(col: ColumnOrName): Column {
  return unary("octet_length", col);
}

// Encodings --------------------------------------------------------------------------------------

/** The Base64 encoding of a binary. */
export function base64(col: ColumnOrName): Column {
  return unary("base64", col);
}

/** The binary a Base64 string stands for. */
export function unbase64(col: ColumnOrName): Column {
  return unary("unbase64", col);
}

/** Decodes a binary to a string in `charset` (`"UTF-8"`, `"US-ASCII"`, `"ISO-8859-1"`…). */
export function decode(col: ColumnOrName, charset: string): Column {
  return call("decode", colArg(col), litArg(charset, "charset"));
}

/** Encodes a string to a binary in `charset` (`"UTF-8"`, `"US-ASCII"`, `"ISO-8859-1"`…). */
export function encode(col: ColumnOrName, charset: string): Column {
  return call("encode", colArg(col), litArg(charset, "charset"));
}

/** True when the string is valid UTF-8. */
export function isValidUtf8(str: ColumnOrName): Column {
  return unary("is_valid_utf8", str, "str");
}

/** The string with invalid UTF-8 sequences replaced by U+FFFD. */
export function makeValidUtf8(str: ColumnOrName): Column {
  return unary("make_valid_utf8", str, "str");
}

/** The string if it is valid UTF-8, else an error. */
export function validateUtf8(str: ColumnOrName): Column {
  return unary("validate_utf8", str, "str");
}

/** The string if it is valid UTF-8, else null. */
export function tryValidateUtf8(str: ColumnOrName): Column {
  return unary("try_validate_utf8", str, "str");
}

/**
 * A string or number converted to a binary, by `format` (`"hex"` by default, `"utf-8"`,
 * `"base64"`), a column: use `lit("base64")`.
 */
export function toBinary(col: ColumnOrName, format?: ColumnOrName): Column {
  return call("to_binary", colArg(col), ...optionalCol(format, "format"));
}

/** As {@link toBinary}, null instead of an error on bad input. */
export function tryToBinary(col: ColumnOrName, format?: ColumnOrName): Column {
  return call("try_to_binary", colArg(col), ...optionalCol(format, "format"));
}

/**
 * A number, date, timestamp or binary formatted as a string by `format` (a column: use `lit`).
 *
 * @example
 * ```ts
 * toChar("amount", lit("$99,999.99"))
 * ```
 */
export function toChar(col: ColumnOrName, format: ColumnOrName): Column {
  return call("to_char", colArg(col), colArg(format, "format"));
}

/** Same as {@link toChar}. */
export function toVarchar(col: ColumnOrName, format: ColumnOrName): Column {
  return call("to_varchar", colArg(col), colArg(format, "format"));
}

/** A string parsed as a decimal by `format` (a column: use `lit("999.99")`). */
export function toNumber(col: ColumnOrName, format: ColumnOrName): Column {
  return call("to_number", colArg(col), colArg(format, "format"));
}

/** As {@link toNumber}, null instead of an error on bad input. */
export function tryToNumber(col: ColumnOrName, format: ColumnOrName): Column {
  return call("try_to_number", colArg(col), colArg(format, "format"));
}

// Collations -------------------------------------------------------------------------------------

/** The string with the collation `collation` (e.g. `"UTF8_LCASE"`). */
export function collate(col: ColumnOrName, collation: string): Column {
  return call("collate", colArg(col), litArg(collation, "collation"));
}

/** The name of the string's collation. */
export function collation(col: ColumnOrName): Column {
  return unary("collation", col);
}

// Trimming and padding ---------------------------------------------------------------------------

/**
 * The string without leading and trailing spaces, or characters of `trimStr` when given (a
 * column: use `lit`).
 */
export function trim(col: ColumnOrName, trimStr?: ColumnOrName): Column {
  // Spark's trim(trimStr, str) takes the characters first.
  return trimStr === undefined || trimStr === null
    ? call("trim", colArg(col))
    : call("trim", colArg(trimStr, "trim"), colArg(col));
}

/** The string without leading spaces, or characters of `trimStr` when given (a column). */
export function ltrim(col: ColumnOrName, trimStr?: ColumnOrName): Column {
  return trimStr === undefined || trimStr === null
    ? call("ltrim", colArg(col))
    : call("ltrim", colArg(trimStr, "trim"), colArg(col));
}

/** The string without trailing spaces, or characters of `trimStr` when given (a column). */
export function rtrim(col: ColumnOrName, trimStr?: ColumnOrName): Column {
  return trimStr === undefined || trimStr === null
    ? call("rtrim", colArg(col))
    : call("rtrim", colArg(trimStr, "trim"), colArg(col));
}

/** The string without leading and trailing spaces, or characters of `trimStr` (a column). */
export function btrim(str: ColumnOrName, trimStr?: ColumnOrName): Column {
  return call("btrim", colArg(str, "str"), ...optionalCol(trimStr, "trim"));
}

/**
 * The string left-padded with `pad` to `len` characters (or cut to `len`).
 *
 * @example
 * ```ts
 * lpad("id", 8, "0")
 * ```
 */
export function lpad(col: ColumnOrName, len: Column | number, pad: Column | string): Column {
  return call("lpad", colArg(col), litArg(len, "len"), litArg(pad, "pad"));
}

/** The string right-padded with `pad` to `len` characters (or cut to `len`). */
export function rpad(col: ColumnOrName, len: Column | number, pad: Column | string): Column {
  return call("rpad", colArg(col), litArg(len, "len"), litArg(pad, "pad"));
}

// Concatenation and formatting -------------------------------------------------------------------

/**
 * The strings joined with the separator `sep`, skipping nulls.
 *
 * @example
 * ```ts
 * concatWs("-", "year", "month", "day")
 * ```
 */
export function concatWs(sep: string, ...cols: ColumnOrName[]): Column {
  return call("concat_ws", litArg(sep, "sep"), ...colArgs(cols));
}

/** The `n`-th (1-based) of the inputs: `elt(n, a, b, …)`. */
export function elt(...inputs: ColumnOrName[]): Column {
  return call("elt", ...colArgs(inputs, "inputs"));
}

/**
 * A number formatted like `#,###,###.##`, rounded to `d` decimal places.
 *
 * @example
 * ```ts
 * formatNumber("amount", 2)   // 1,234.50
 * ```
 */
export function formatNumber(col: ColumnOrName, d: number): Column {
  return call("format_number", colArg(col), litArg(d, "d"));
}

/**
 * A printf-style format string applied to the columns.
 *
 * @example
 * ```ts
 * formatString("%s is %d years old", "name", "age")
 * ```
 */
export function formatString(format: string, ...cols: ColumnOrName[]): Column {
  return call("format_string", litArg(format, "format"), ...colArgs(cols));
}

/** A printf-style format applied to the columns; the format is itself a column (use `lit`). */
export function printf(format: ColumnOrName, ...cols: ColumnOrName[]): Column {
  return call("printf", colArg(format, "format"), ...colArgs(cols));
}

/** The string repeated `n` times. A number is a literal, a string names a column. */
export function repeat(col: ColumnOrName, n: ColumnOrName | number): Column {
  return call("repeat", colArg(col), intOrCol(n, "n"));
}

// Searching --------------------------------------------------------------------------------------

/** True when `left` contains `right` (both columns: use `lit` for a fixed string). */
export function contains(left: ColumnOrName, right: ColumnOrName): Column {
  return call("contains", colArg(left, "left"), colArg(right, "right"));
}

/** True when `str` ends with `suffix` (a column: use `lit`). */
export function endswith(str: ColumnOrName, suffix: ColumnOrName): Column {
  return call("endswith", colArg(str, "str"), colArg(suffix, "suffix"));
}

/** True when `str` starts with `prefix` (a column: use `lit`). */
export function startswith(str: ColumnOrName, prefix: ColumnOrName): Column {
  return call("startswith", colArg(str, "str"), colArg(prefix, "prefix"));
}

/** The 1-based index of `str` in the comma-separated list `strArray`, 0 when absent. */
export function findInSet(str: ColumnOrName, strArray: ColumnOrName): Column {
  return call("find_in_set", colArg(str, "str"), colArg(strArray, "str_array"));
}

/** The 1-based position of the first occurrence of `sub` (a string literal) in `str`, or 0. */
export function instr(str: ColumnOrName, sub: Column | string): Column {
  return call("instr", colArg(str, "str"), litArg(sub, "substr"));
}

/**
 * The 1-based position of the first occurrence of `sub` (a literal) in `str` at or after `pos`,
 * or 0.
 *
 * @example
 * ```ts
 * locate("@", "email")
 * ```
 */
export function locate(sub: string, str: ColumnOrName, pos = 1): Column {
  return call("locate", litArg(sub, "substr"), colArg(str, "str"), litArg(pos, "pos"));
}

/**
 * The 1-based position of `sub` in `str` at or after `start` (all columns: use `lit`), or 0.
 */
export function position(sub: ColumnOrName, str: ColumnOrName, start?: ColumnOrName): Column {
  return call(
    "position",
    colArg(sub, "substr"),
    colArg(str, "str"),
    ...optionalCol(start, "start"),
  );
}

/** The Levenshtein distance between the strings; -1 when it exceeds `threshold` (when given). */
export function levenshtein(left: ColumnOrName, right: ColumnOrName, threshold?: number): Column {
  return call(
    "levenshtein",
    colArg(left, "left"),
    colArg(right, "right"),
    ...optionalLit(threshold, "threshold"),
  );
}

// Substrings and replacing -----------------------------------------------------------------------

/**
 * The substring of `len` characters from the 1-based position `pos` (of a binary: bytes). Numbers
 * are literals, strings name columns.
 *
 * @example
 * ```ts
 * substring("phone", 1, 3)
 * ```
 */
export function substring(
  str: ColumnOrName,
  pos: ColumnOrName | number,
  len: ColumnOrName | number,
): Column {
  return call("substring", colArg(str, "str"), intOrCol(pos, "pos"), intOrCol(len, "len"));
}

/** The substring from `pos`, of `len` characters when given (columns: use `lit`). */
export function substr(str: ColumnOrName, pos: ColumnOrName, len?: ColumnOrName): Column {
  return call("substr", colArg(str, "str"), colArg(pos, "pos"), ...optionalCol(len, "len"));
}

/**
 * The substring before the `count`-th occurrence of `delim` (after it from the right when `count`
 * is negative).
 *
 * @example
 * ```ts
 * substringIndex("host", ".", -2)   // "a.b.example.com" → "example.com"
 * ```
 */
export function substringIndex(str: ColumnOrName, delim: string, count: number): Column {
  return call(
    "substring_index",
    colArg(str, "str"),
    litArg(delim, "delim"),
    litArg(count, "count"),
  );
}

/** The leftmost `len` characters (a column: use `lit`). */
export function left(str: ColumnOrName, len: ColumnOrName): Column {
  return call("left", colArg(str, "str"), colArg(len, "len"));
}

/** The rightmost `len` characters (a column: use `lit`). */
export function right(str: ColumnOrName, len: ColumnOrName): Column {
  return call("right", colArg(str, "str"), colArg(len, "len"));
}

/**
 * `src` with `replacement` written over `len` characters from the 1-based position `pos` (`len`
 * -1: the length of `replacement`). Numbers are literals, strings name columns.
 *
 * @example
 * ```ts
 * overlay("card", lit("****"), 1, 12)
 * ```
 */
export function overlay(
  src: ColumnOrName,
  replacement: ColumnOrName,
  pos: ColumnOrName | number,
  len: ColumnOrName | number = -1,
): Column {
  return call(
    "overlay",
    colArg(src, "src"),
    colArg(replacement, "replace"),
    intOrCol(pos, "pos"),
    intOrCol(len, "len"),
  );
}

/** Every occurrence of `search` replaced by `replacement` (removed when omitted); all columns. */
export function replace(
  src: ColumnOrName,
  search: ColumnOrName,
  replacement?: ColumnOrName,
): Column {
  return call(
    "replace",
    colArg(src, "src"),
    colArg(search, "search"),
    ...optionalCol(replacement, "replace"),
  );
}

/**
 * Each character of `matching` replaced by the character at the same index in `replacement`
 * (removed when `replacement` is shorter).
 */
export function translate(srcCol: ColumnOrName, matching: string, replacement: string): Column {
  return call(
    "translate",
    colArg(srcCol, "srcCol"),
    litArg(matching, "matching"),
    litArg(replacement, "replace"),
  );
}

/**
 * The string with upper-case letters, lower-case letters and digits masked (by `X`, `x` and `n`
 * unless given; other characters kept unless `otherChar` is given). The replacements are
 * columns: use `lit("*")`.
 */
export function mask(
  col: ColumnOrName,
  upperChar?: ColumnOrName,
  lowerChar?: ColumnOrName,
  digitChar?: ColumnOrName,
  otherChar?: ColumnOrName,
): Column {
  const orDefault = (c: ColumnOrName | undefined, fallback: string | null, what: string) =>
    c === undefined || c === null ? new Literal(fallback) : colArg(c, what);
  return call(
    "mask",
    colArg(col),
    orDefault(upperChar, "X", "upperChar"),
    orDefault(lowerChar, "x", "lowerChar"),
    orDefault(digitChar, "n", "digitChar"),
    orDefault(otherChar, null, "otherChar"),
  );
}

// Splitting --------------------------------------------------------------------------------------

/**
 * The string split around matches of the Java regular expression `pattern`, into at most `limit`
 * parts (-1: no limit).
 *
 * @example
 * ```ts
 * split("csv", ",\\s*")
 * ```
 */
export function split(
  str: ColumnOrName,
  pattern: Column | string,
  limit: ColumnOrName | number = -1,
): Column {
  return call("split", colArg(str, "str"), litArg(pattern, "pattern"), intOrCol(limit, "limit"));
}

/** The `partNum`-th (1-based; negative from the end) part of `src` split by `delimiter`. */
export function splitPart(
  src: ColumnOrName,
  delimiter: ColumnOrName,
  partNum: ColumnOrName,
): Column {
  return call(
    "split_part",
    colArg(src, "src"),
    colArg(delimiter, "delimiter"),
    colArg(partNum, "partNum"),
  );
}

/**
 * The text split into sentences of words. `language` and `country` are columns (use `lit`);
 * empty by default (the default locale).
 */
export function sentences(
  string: ColumnOrName,
  language?: ColumnOrName,
  country?: ColumnOrName,
): Column {
  const orEmpty = (c: ColumnOrName | undefined, what: string) =>
    c === undefined || c === null ? new Literal("") : colArg(c, what);
  return call(
    "sentences",
    colArg(string, "string"),
    orEmpty(language, "language"),
    orEmpty(country, "country"),
  );
}

// Regular expressions ----------------------------------------------------------------------------

/**
 * The `idx`-th group of the first match of the Java regular expression `pattern` (0: the whole
 * match), or "" when nothing matches.
 *
 * @example
 * ```ts
 * regexpExtract("s", "(\\d+)-(\\d+)", 1)
 * ```
 */
export function regexpExtract(str: ColumnOrName, pattern: string, idx: number): Column {
  return call("regexp_extract", colArg(str, "str"), litArg(pattern, "pattern"), litArg(idx, "idx"));
}

/**
 * The `idx`-th group (1 by default) of every match of the regular expression `regexp` (a
 * column: use `lit`).
 */
export function regexpExtractAll(
  str: ColumnOrName,
  regexp: ColumnOrName,
  idx?: number | Column,
): Column {
  return call(
    "regexp_extract_all",
    colArg(str, "str"),
    colArg(regexp, "regexp"),
    ...optionalLit(idx, "idx"),
  );
}

/**
 * Every match of the Java regular expression `pattern` replaced by `replacement` (`$1` refers to
 * groups). Strings are literals.
 *
 * @example
 * ```ts
 * regexpReplace("phone", "[^0-9]", "")
 * ```
 */
export function regexpReplace(
  string: ColumnOrName,
  pattern: string | Column,
  replacement: string | Column,
): Column {
  return call(
    "regexp_replace",
    colArg(string, "string"),
    litArg(pattern, "pattern"),
    litArg(replacement, "replacement"),
  );
}

/** The number of matches of the regular expression `regexp` (a column: use `lit`). */
export function regexpCount(str: ColumnOrName, regexp: ColumnOrName): Column {
  return call("regexp_count", colArg(str, "str"), colArg(regexp, "regexp"));
}

/** The first match of the regular expression `regexp` (a column: use `lit`), or null. */
export function regexpSubstr(str: ColumnOrName, regexp: ColumnOrName): Column {
  return call("regexp_substr", colArg(str, "str"), colArg(regexp, "regexp"));
}

/**
 * The 1-based position of the first match of the regular expression `regexp` (a column), or of
 * its `idx`-th group.
 */
export function regexpInstr(
  str: ColumnOrName,
  regexp: ColumnOrName,
  idx?: number | Column,
): Column {
  return call(
    "regexp_instr",
    colArg(str, "str"),
    colArg(regexp, "regexp"),
    ...optionalLit(idx, "idx"),
  );
}

// Random strings ---------------------------------------------------------------------------------

/**
 * A random string of `len` characters from [0-9a-zA-Z]. Without a seed, a random seed is drawn
 * now.
 */
export function randstr(len: Column | number, seed?: Column | number | bigint): Column {
  return call("randstr", litArg(len, "length"), seedArg(seed));
}
