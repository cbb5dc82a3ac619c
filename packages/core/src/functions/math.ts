/**
 * Mathematical functions.
 *
 * @module
 */
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import type { Expression } from "../expressions/expression.js";
import { Literal } from "../expressions/literal.js";
import { colArgs, intOrCol, seedArg } from "./args.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

/** A column (Column or name) or a number literal, as PySpark's binary math functions take. */
function numOrCol(value: ColumnOrName | number, what: string): Expression {
  return typeof value === "number" ? new Literal(value) : colArg(value, what);
}

/** The optional `scale` of the rounding functions. */
function scaleArg(scale: Column | number | undefined): Expression[] {
  return scale === undefined || scale === null ? [] : [litArg(scale, "scale")];
}

function unary(name: string, col: ColumnOrName): Column {
  return call(name, colArg(col));
}

// Basic arithmetic and signs --------------------------------------------------------------------

/** The absolute value. */
export function abs(col: ColumnOrName): Column {
  return unary("abs", col);
}

/** `-col`. */
export function negative(col: ColumnOrName): Column {
  return unary("negative", col);
}

/** Alias of {@link negative}. */
export const negate = negative;

/** `+col`: the value itself. */
export function positive(col: ColumnOrName): Column {
  return unary("positive", col);
}

/** The sign: -1.0, 0.0 or 1.0. */
export function sign(col: ColumnOrName): Column {
  return unary("sign", col);
}

/** The sign: -1.0, 0.0 or 1.0. */
export function signum(col: ColumnOrName): Column {
  return unary("signum", col);
}

/**
 * The positive remainder of `dividend / divisor`. Numbers are literals, strings name columns.
 *
 * @example
 * ```ts
 * pmod("minutes", 60)
 * ```
 */
export function pmod(dividend: ColumnOrName | number, divisor: ColumnOrName | number): Column {
  return call("pmod", numOrCol(dividend, "dividend"), numOrCol(divisor, "divisor"));
}

/** `col1` raised to the power `col2`. Numbers are literals, strings name columns. */
export function pow(col1: ColumnOrName | number, col2: ColumnOrName | number): Column {
  return call("power", numOrCol(col1, "col1"), numOrCol(col2, "col2"));
}

/** Alias of {@link pow}. */
export const power = pow;

/** `a + b`, null instead of an error on overflow. */
export function tryAdd(left: ColumnOrName, right: ColumnOrName): Column {
  return call("try_add", colArg(left, "left"), colArg(right, "right"));
}

/** `a / b`, null instead of an error on division by zero. */
export function tryDivide(left: ColumnOrName, right: ColumnOrName): Column {
  return call("try_divide", colArg(left, "left"), colArg(right, "right"));
}

/** `a % b`, null instead of an error on division by zero. */
export function tryMod(left: ColumnOrName, right: ColumnOrName): Column {
  return call("try_mod", colArg(left, "left"), colArg(right, "right"));
}

/** `a * b`, null instead of an error on overflow. */
export function tryMultiply(left: ColumnOrName, right: ColumnOrName): Column {
  return call("try_multiply", colArg(left, "left"), colArg(right, "right"));
}

/** `a - b`, null instead of an error on overflow. */
export function trySubtract(left: ColumnOrName, right: ColumnOrName): Column {
  return call("try_subtract", colArg(left, "left"), colArg(right, "right"));
}

/**
 * The greatest value of the columns, skipping nulls (at least two columns).
 *
 * @example
 * ```ts
 * greatest("q1", "q2", "q3")
 * ```
 */
export function greatest(...cols: ColumnOrName[]): Column {
  if (cols.length < 2) {
    throw new SparkArgumentError("greatest needs at least 2 columns", {
      errorClass: "WRONG_NUM_COLUMNS",
      messageParameters: { func_name: "greatest", num_cols: "2" },
    });
  }
  return call("greatest", ...colArgs(cols));
}

/** The least value of the columns, skipping nulls (at least two columns). */
export function least(...cols: ColumnOrName[]): Column {
  if (cols.length < 2) {
    throw new SparkArgumentError("least needs at least 2 columns", {
      errorClass: "WRONG_NUM_COLUMNS",
      messageParameters: { func_name: "least", num_cols: "2" },
    });
  }
  return call("least", ...colArgs(cols));
}

// Rounding ---------------------------------------------------------------------------------------

/**
 * Rounds half up to `scale` decimal places (0 when omitted; negative rounds left of the point).
 *
 * @example
 * ```ts
 * round(col("price"), 2)
 * ```
 */
export function round(col: ColumnOrName, scale?: Column | number): Column {
  return call("round", colArg(col), ...scaleArg(scale));
}

/** Rounds half to even (banker's rounding) to `scale` decimal places (0 when omitted). */
export function bround(col: ColumnOrName, scale?: Column | number): Column {
  return call("bround", colArg(col), ...scaleArg(scale));
}

/** Rounds up, to `scale` decimal places when given. */
export function ceil(col: ColumnOrName, scale?: Column | number): Column {
  return call("ceil", colArg(col), ...scaleArg(scale));
}

/** Rounds up, to `scale` decimal places when given. */
export function ceiling(col: ColumnOrName, scale?: Column | number): Column {
  return call("ceiling", colArg(col), ...scaleArg(scale));
}

/** Rounds down, to `scale` decimal places when given. */
export function floor(col: ColumnOrName, scale?: Column | number): Column {
  return call("floor", colArg(col), ...scaleArg(scale));
}

/** The double closest to the value that is a mathematical integer. */
export function rint(col: ColumnOrName): Column {
  return unary("rint", col);
}

// Exponents and logarithms -----------------------------------------------------------------------

/** Euler's number e. */
export function e(): Column {
  return call("e");
}

/** π. */
export function pi(): Column {
  return call("pi");
}

/** e raised to the value. */
export function exp(col: ColumnOrName): Column {
  return unary("exp", col);
}

/** e^x - 1. */
export function expm1(col: ColumnOrName): Column {
  return unary("expm1", col);
}

/** The natural logarithm. */
export function ln(col: ColumnOrName): Column {
  return unary("ln", col);
}

/**
 * The natural logarithm of a column (`ln`), or with two arguments the logarithm of `col` in base
 * `base`.
 *
 * @example
 * ```ts
 * log("x")        // ln(x)
 * log(2, "x")     // log(2, x)
 * ```
 */
export function log(col: ColumnOrName): Column;
export function log(base: number | Column, col: ColumnOrName): Column;
export function log(arg1: ColumnOrName | number, arg2?: ColumnOrName): Column {
  if (arg2 === undefined || arg2 === null) {
    return call("ln", colArg(arg1 as ColumnOrName, "arg1"));
  }
  return call("log", litArg(arg1 as number | Column, "arg1"), colArg(arg2, "arg2"));
}

/** The base-10 logarithm. */
export function log10(col: ColumnOrName): Column {
  return unary("log10", col);
}

/** ln(1 + x). */
export function log1p(col: ColumnOrName): Column {
  return unary("log1p", col);
}

/** The base-2 logarithm. */
export function log2(col: ColumnOrName): Column {
  return unary("log2", col);
}

/** The square root. */
export function sqrt(col: ColumnOrName): Column {
  return unary("sqrt", col);
}

/** The cube root. */
export function cbrt(col: ColumnOrName): Column {
  return unary("cbrt", col);
}

/** The factorial (for 0 to 20; null otherwise). */
export function factorial(col: ColumnOrName): Column {
  return unary("factorial", col);
}

/** sqrt(a² + b²) without intermediate overflow. Numbers are literals, strings name columns. */
export function hypot(col1: ColumnOrName | number, col2: ColumnOrName | number): Column {
  return call("hypot", numOrCol(col1, "col1"), numOrCol(col2, "col2"));
}

// Trigonometry -----------------------------------------------------------------------------------

/** The cosine (radians). */
export function cos(col: ColumnOrName): Column {
  return unary("cos", col);
}

/** The hyperbolic cosine. */
export function cosh(col: ColumnOrName): Column {
  return unary("cosh", col);
}

/** The cotangent (radians). */
export function cot(col: ColumnOrName): Column {
  return unary("cot", col);
}

/** The cosecant (radians). */
export function csc(col: ColumnOrName): Column {
  return unary("csc", col);
}

/** The secant (radians). */
export function sec(col: ColumnOrName): Column {
  return unary("sec", col);
}

/** The sine (radians). */
export function sin(col: ColumnOrName): Column {
  return unary("sin", col);
}

/** The hyperbolic sine. */
export function sinh(col: ColumnOrName): Column {
  return unary("sinh", col);
}

/** The tangent (radians). */
export function tan(col: ColumnOrName): Column {
  return unary("tan", col);
}

/** The hyperbolic tangent. */
export function tanh(col: ColumnOrName): Column {
  return unary("tanh", col);
}

/** The inverse cosine, in radians. */
export function acos(col: ColumnOrName): Column {
  return unary("acos", col);
}

/** The inverse hyperbolic cosine. */
export function acosh(col: ColumnOrName): Column {
  return unary("acosh", col);
}

/** The inverse sine, in radians. */
export function asin(col: ColumnOrName): Column {
  return unary("asin", col);
}

/** The inverse hyperbolic sine. */
export function asinh(col: ColumnOrName): Column {
  return unary("asinh", col);
}

/** The inverse tangent, in radians. */
export function atan(col: ColumnOrName): Column {
  return unary("atan", col);
}

/** The angle of the point (x, y) in radians: `atan2(y, x)`. Numbers are literals. */
export function atan2(col1: ColumnOrName | number, col2: ColumnOrName | number): Column {
  return call("atan2", numOrCol(col1, "col1"), numOrCol(col2, "col2"));
}

/** The inverse hyperbolic tangent. */
export function atanh(col: ColumnOrName): Column {
  return unary("atanh", col);
}

/** Radians to degrees. */
export function degrees(col: ColumnOrName): Column {
  return unary("degrees", col);
}

/** Radians to degrees (legacy name of {@link degrees}). */
export function toDegrees(col: ColumnOrName): Column {
  return degrees(col);
}

/** Degrees to radians. */
export function radians(col: ColumnOrName): Column {
  return unary("radians", col);
}

/** Degrees to radians (legacy name of {@link radians}). */
export function toRadians(col: ColumnOrName): Column {
  return radians(col);
}

// Bases and encodings ----------------------------------------------------------------------------

/** The binary representation of a long, as a string. */
export function bin(col: ColumnOrName): Column {
  return unary("bin", col);
}

/**
 * Converts a number string from one base to another.
 *
 * @example
 * ```ts
 * conv("hex", 16, 10)
 * ```
 */
export function conv(col: ColumnOrName, fromBase: number, toBase: number): Column {
  return call("conv", colArg(col), litArg(fromBase, "fromBase"), litArg(toBase, "toBase"));
}

/** The hexadecimal representation of a number, string or binary. */
export function hex(col: ColumnOrName): Column {
  return unary("hex", col);
}

/** The bytes a hexadecimal string stands for. */
export function unhex(col: ColumnOrName): Column {
  return unary("unhex", col);
}

// Buckets and random numbers ---------------------------------------------------------------------

/**
 * The bucket number of `v` in an equi-width histogram of `numBucket` buckets between `min` and
 * `max`.
 *
 * @example
 * ```ts
 * widthBucket("v", lit(0), lit(100), 10)
 * ```
 */
export function widthBucket(
  v: ColumnOrName,
  min: ColumnOrName,
  max: ColumnOrName,
  numBucket: ColumnOrName | number,
): Column {
  return call(
    "width_bucket",
    colArg(v, "v"),
    colArg(min, "min"),
    colArg(max, "max"),
    intOrCol(numBucket, "numBucket"),
  );
}

/**
 * Uniformly distributed random numbers in [0, 1). Without a seed, a random seed is drawn now and
 * written into the plan (as PySpark does).
 *
 * @example
 * ```ts
 * rand(42)
 * ```
 */
export function rand(seed?: number | bigint): Column {
  return call("rand", seedArg(seed));
}

/** Alias of {@link rand}. */
export const random = rand;

/** Standard normally distributed random numbers. Without a seed, a random seed is drawn now. */
export function randn(seed?: number | bigint): Column {
  return call("randn", seedArg(seed));
}

/**
 * Uniformly distributed random numbers between `min` (inclusive) and `max` (exclusive), of their
 * type. Without a seed, a random seed is drawn now.
 *
 * @example
 * ```ts
 * uniform(1, 7, 42)   // dice
 * ```
 */
export function uniform(
  min: Column | number,
  max: Column | number,
  seed?: Column | number | bigint,
): Column {
  return call("uniform", litArg(min, "min"), litArg(max, "max"), seedArg(seed));
}
