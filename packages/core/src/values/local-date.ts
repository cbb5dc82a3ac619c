/**
 * `LocalDate`: a calendar date without a time, for `lit()` and `sql()` arguments (PySpark's
 * `datetime.date`).
 *
 * @module
 */
import { SparkArgumentError } from "../errors.js";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^([+-]?\d{4,6})-(\d{2})-(\d{2})$/;

function invalid(value: unknown): SparkArgumentError {
  return new SparkArgumentError(
    `${JSON.stringify(value) ?? String(value)} is not a date; write it as "YYYY-MM-DD"`,
    { errorClass: "INVALID_DATE", messageParameters: { value: String(value) } },
  );
}

/**
 * A calendar date (Spark's `DATE`): a year, month and day, with no time and no time zone. As a
 * `lit()` value or a `sql()` argument it becomes a `DATE` literal, as PySpark's `datetime.date`
 * does (a JS `Date` is an instant and stays a `TIMESTAMP`).
 *
 * ```ts
 * const d = new LocalDate("2026-01-31");
 * d.epochDays;  // 20484 (days since 1970-01-01)
 * d.toString(); // "2026-01-31"
 * await spark.sql("SELECT typeof(:d), :d", { d: localDate("2026-01-31") }); // "date", 2026-01-31
 * ```
 *
 * @throws SparkArgumentError `INVALID_DATE` for text that is not a real `YYYY-MM-DD` date.
 */
export class LocalDate {
  /** Days since 1970-01-01 (negative before), as Spark stores a DATE. */
  readonly epochDays: number;

  /**
   * @param value `"YYYY-MM-DD"`, or days since 1970-01-01 (a whole number)
   */
  constructor(value: string | number) {
    if (typeof value === "number") {
      if (!Number.isSafeInteger(value)) throw invalid(value);
      this.epochDays = value;
    } else {
      const m = typeof value === "string" ? ISO_DATE.exec(value.trim()) : null;
      if (!m) throw invalid(value);
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const d = new Date(0);
      d.setUTCFullYear(year, month - 1, day);
      if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
        throw invalid(value);
      }
      this.epochDays = Math.round(d.getTime() / MS_PER_DAY);
    }
    Object.freeze(this);
  }

  /** The date at midnight UTC as a JS `Date` (how `collect()` gives DATE values). */
  toDate(): Date {
    return new Date(this.epochDays * MS_PER_DAY);
  }

  /** `YYYY-MM-DD`, as Spark prints a date. */
  toString(): string {
    return this.toDate().toISOString().slice(0, 10);
  }

  /** `toString()`. */
  toJSON(): string {
    return this.toString();
  }
}

/** A {@link LocalDate}: `localDate("2026-01-31")`. */
export function localDate(value: string | number): LocalDate {
  return new LocalDate(value);
}
