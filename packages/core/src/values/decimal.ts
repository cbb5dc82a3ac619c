/**
 * `Decimal`: an exact decimal value with its precision and scale, for `lit()` and `sql()`
 * arguments (PySpark's `decimal.Decimal`).
 *
 * @module
 */
import { formatDecimal, parseDecimal } from "../arrow/decimal.js";
import { SparkArgumentError } from "../errors.js";

/** The largest precision of a Spark decimal. */
const MAX_PRECISION = 38;

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function invalid(value: unknown, why: string): SparkArgumentError {
  return new SparkArgumentError(`cannot make a decimal of ${String(value)}: ${why}`, {
    errorClass: "CANNOT_PARSE_DECIMAL",
    messageParameters: { value: String(value) },
  });
}

/**
 * An exact decimal number: `unscaled × 10^-scale`, as a Spark `DECIMAL(precision, scale)` value.
 * As a `lit()` value or a `sql()` argument it becomes a decimal literal of that type, as PySpark's
 * `Decimal` does. Nothing is ever rounded.
 *
 * The scale is the number of fraction digits written (or the one given, which pads with zeros);
 * the precision is the number of digits at that scale (at least the scale), which is how Spark
 * types a decimal literal. (Spark types a literal by its digits, so a wider type such as
 * `DECIMAL(10, 2)` needs a cast: `lit(decimal("12.3")).cast("decimal(10,2)")`.)
 *
 * ```ts
 * const d = new Decimal("12.345"); // DECIMAL(5, 3)
 * d.precision;                      // 5
 * d.toString();                     // "12.345"
 * new Decimal("12.3", 2).toString(); // "12.30", DECIMAL(4, 2)
 * await spark.sql("SELECT typeof(:d), :d", { d: decimal("12.345") }); // decimal(5,3), "12.345"
 * ```
 *
 * @throws SparkArgumentError `CANNOT_PARSE_DECIMAL` for text that is not a number, a non-finite
 *   number, or more fraction digits than a given scale; `DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION`
 *   beyond 38 digits.
 */
export class Decimal {
  /** The digits as an integer: the value is `unscaled × 10^-scale`. */
  readonly unscaled: bigint;
  /** The number of digits at this scale (at least the scale and at least 1), up to 38. */
  readonly precision: number;
  /** The number of fraction digits, 0–38. */
  readonly scale: number;

  /**
   * @param value a decimal string (`"-12.34"`, `"1e3"`), a finite number (read through its
   *   shortest string, so `0.1` is exactly 0.1) or a bigint
   * @param scale the number of fraction digits (default: as many as the value has; a larger
   *   scale pads with zeros, a smaller one is an error unless the dropped digits are zeros)
   */
  constructor(value: string | number | bigint, scale?: number) {
    let text: string;
    if (typeof value === "bigint") text = value.toString();
    else if (typeof value === "number") {
      if (!Number.isFinite(value)) throw invalid(value, "a decimal must be finite");
      text = String(value);
    } else if (typeof value === "string") text = value.trim();
    else throw invalid(value, "a decimal is made of a string, a number or a bigint");
    const m = DECIMAL_TEXT.exec(text);
    const intPart = m?.[2] ?? "";
    const fracPart = m?.[3] ?? "";
    if (!m || (intPart === "" && fracPart === "")) throw invalid(value, "not a decimal number");
    const exponent = m[4] === undefined ? 0 : Number(m[4]);
    if (!Number.isSafeInteger(exponent)) throw invalid(value, "exponent out of range");
    const s = scale ?? Math.max(fracPart.length - exponent, 0);
    if (!Number.isInteger(s) || s < 0 || s > MAX_PRECISION) {
      throw invalid(value, `the scale must be a whole number from 0 to ${MAX_PRECISION}`);
    }
    // At most 38 digits before the point, so that the check below reports the real precision.
    const parsed = parseDecimal(text, MAX_PRECISION + 1 + s, s);
    if ("reason" in parsed) throw invalid(value, parsed.reason);
    const digits = (parsed.unscaled < 0n ? -parsed.unscaled : parsed.unscaled).toString();
    const p = Math.max(parsed.unscaled === 0n ? 1 : digits.length, s, 1);
    if (p > MAX_PRECISION) {
      throw new SparkArgumentError(
        `Decimal precision ${p} exceeds max precision ${MAX_PRECISION}.`,
        {
          errorClass: "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
          messageParameters: { precision: String(p), maxPrecision: String(MAX_PRECISION) },
        },
      );
    }
    this.unscaled = parsed.unscaled;
    this.precision = p;
    this.scale = s;
    Object.freeze(this);
  }

  /** The exact decimal string with `scale` fraction digits, e.g. `"12.345"`, as `collect()` gives decimals. */
  toString(): string {
    return formatDecimal(this.unscaled, this.scale);
  }

  /** `toString()`, so JSON keeps every digit. */
  toJSON(): string {
    return this.toString();
  }
}

/** A {@link Decimal}: `decimal("12.345")` is `DECIMAL(5, 3)`, `decimal("12.3", 2)` is `DECIMAL(4, 2)`. */
export function decimal(value: string | number | bigint, scale?: number): Decimal {
  return new Decimal(value, scale);
}
