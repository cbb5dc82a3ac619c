/**
 * `Timestamp`: a `Date` that keeps Spark's microseconds.
 *
 * @module
 */

/**
 * A Spark timestamp: a `Date` (so every Date API, `instanceof Date` and date libraries work, at
 * millisecond precision) that also carries the exact microseconds since the epoch.
 *
 * - `TIMESTAMP` (with local time zone) values are instants: `timeZone` is the zone Spark named in
 *   the Arrow schema (the session time zone, e.g. `"UTC"` or `"Europe/Paris"`), for information
 *   only; the instant does not depend on it.
 * - `TIMESTAMP_NTZ` values have `timeZone === null` (`isNtz`): a wall-clock date-time with no
 *   zone, stored as if it were UTC. Read it with the `getUTC…` methods;
 *   `toISOStringMicros()` leaves out the `Z`.
 *
 * ```ts
 * const t = new Timestamp(1700000000123456n);
 * t.epochMicros;           // 1700000000123456n
 * t.getTime();             // 1700000000123 (milliseconds, floored)
 * t.getMicroseconds();     // 456 (the microseconds within the millisecond)
 * t.toISOString();         // "2023-11-14T22:13:20.123Z" (Date's own, unchanged)
 * t.toISOStringMicros();   // "2023-11-14T22:13:20.123456Z"
 * JSON.stringify(t);       // "\"2023-11-14T22:13:20.123456Z\""
 * new Timestamp(1700000000123456n, null).toISOStringMicros(); // "2023-11-14T22:13:20.123456"
 * ```
 *
 * The Date setters still work; they change the milliseconds and keep the microseconds within
 * the millisecond.
 */
export class Timestamp extends Date {
  /** Microseconds within the millisecond, 0–999. */
  readonly #micros: number;
  /** The Arrow time zone of a TIMESTAMP, or `null` for a TIMESTAMP_NTZ. */
  readonly timeZone: string | null;

  /**
   * @param epochMicros microseconds since 1970-01-01T00:00:00Z (a bigint, or a number that is a
   *   safe integer)
   * @param timeZone the zone of a TIMESTAMP (default `"UTC"`), or `null` for a TIMESTAMP_NTZ
   */
  constructor(epochMicros: bigint | number, timeZone: string | null = "UTC") {
    let millis: number;
    let micros: number;
    if (typeof epochMicros === "number") {
      if (!Number.isSafeInteger(epochMicros)) {
        throw new RangeError(`Timestamp microseconds must be a safe integer: ${epochMicros}`);
      }
      millis = Math.floor(epochMicros / 1000);
      micros = epochMicros - millis * 1000;
    } else {
      let m = epochMicros / 1000n;
      if (m * 1000n > epochMicros) m -= 1n;
      millis = Number(m);
      micros = Number(epochMicros - m * 1000n);
    }
    super(millis);
    this.#micros = micros;
    this.timeZone = timeZone;
  }

  /** A Timestamp at a Date's instant (microseconds within the millisecond 0). */
  static fromDate(date: Date, timeZone: string | null = "UTC"): Timestamp {
    const ms = date.getTime();
    if (!Number.isFinite(ms)) throw new RangeError("Invalid Date");
    return new Timestamp(BigInt(ms) * 1000n, timeZone);
  }

  /** Microseconds since the epoch (for TIMESTAMP_NTZ: of the wall-clock time read as UTC). */
  get epochMicros(): bigint {
    const ms = this.getTime();
    if (!Number.isFinite(ms)) throw new RangeError("Invalid Date");
    return BigInt(ms) * 1000n + BigInt(this.#micros);
  }

  /** True for a TIMESTAMP_NTZ (no time zone). */
  get isNtz(): boolean {
    return this.timeZone === null;
  }

  /** The microseconds within the millisecond, 0–999 (next to `getMilliseconds()`). */
  getMicroseconds(): number {
    return this.#micros;
  }

  /**
   * ISO 8601 with six fraction digits: `2023-11-14T22:13:20.123456Z`, or without the `Z` for a
   * TIMESTAMP_NTZ. Throws a RangeError for an invalid date, as `toISOString` does.
   */
  toISOStringMicros(): string {
    const iso = super.toISOString();
    const micros = String(this.#micros).padStart(3, "0");
    return iso.slice(0, -1) + micros + (this.timeZone === null ? "" : "Z");
  }

  /** `toISOStringMicros()`, so JSON keeps the microseconds. */
  override toJSON(): string {
    return this.toISOStringMicros();
  }
}
