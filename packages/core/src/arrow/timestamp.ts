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
 * Spark 4.3's nanosecond timestamps (`spark.sql.timestampNanosTypes.enabled`) keep their
 * nanoseconds: {@link Timestamp.fromEpochNanos}, `epochNanos`, `getNanoseconds()` (the
 * nanoseconds within the microsecond) and `toISOStringNanos()`; `toJSON()` writes nine fraction
 * digits when there are nanoseconds. A Timestamp with nanoseconds cannot become a microsecond
 * value (a `lit()`, a `createDataFrame` cell): that is a `SparkArgumentError`, never a rounding.
 *
 * ```ts
 * const n = Timestamp.fromEpochNanos(1700000000123456789n);
 * n.epochMicros;          // 1700000000123456n
 * n.getNanoseconds();     // 789
 * n.toISOStringNanos();   // "2023-11-14T22:13:20.123456789Z"
 * ```
 *
 * The Date setters still work; they change the milliseconds and keep the microseconds (and
 * nanoseconds) within the millisecond.
 */
export class Timestamp extends Date {
  /** Microseconds within the millisecond, 0–999. */
  readonly #micros: number;
  /** Nanoseconds within the microsecond, 0–999 (non-zero only for nanosecond timestamps). */
  readonly #nanos: number;
  /** The Arrow time zone of a TIMESTAMP, or `null` for a TIMESTAMP_NTZ. */
  readonly timeZone: string | null;

  /**
   * @param epochMicros microseconds since 1970-01-01T00:00:00Z (a bigint, or a number that is a
   *   safe integer)
   * @param timeZone the zone of a TIMESTAMP (default `"UTC"`), or `null` for a TIMESTAMP_NTZ
   * @param nanoseconds nanoseconds within the microsecond, a whole number 0–999 (default 0)
   */
  constructor(epochMicros: bigint | number, timeZone: string | null = "UTC", nanoseconds = 0) {
    if (!Number.isInteger(nanoseconds) || nanoseconds < 0 || nanoseconds > 999) {
      throw new RangeError(`Timestamp nanoseconds must be a whole number 0–999: ${nanoseconds}`);
    }
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
    this.#nanos = nanoseconds;
    this.timeZone = timeZone;
  }

  /** A Timestamp of nanoseconds since the epoch (Spark 4.3's nanosecond timestamps). */
  static fromEpochNanos(epochNanos: bigint, timeZone: string | null = "UTC"): Timestamp {
    let micros = epochNanos / 1000n;
    if (micros * 1000n > epochNanos) micros -= 1n;
    return new Timestamp(micros, timeZone, Number(epochNanos - micros * 1000n));
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

  /** Nanoseconds since the epoch: `epochMicros × 1000 + getNanoseconds()`. */
  get epochNanos(): bigint {
    return this.epochMicros * 1000n + BigInt(this.#nanos);
  }

  /** The nanoseconds within the microsecond, 0–999 (0 unless the value came with nanoseconds). */
  getNanoseconds(): number {
    return this.#nanos;
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

  /** ISO 8601 with nine fraction digits: `2023-11-14T22:13:20.123456789Z` (no `Z` for NTZ). */
  toISOStringNanos(): string {
    const micros = this.toISOStringMicros();
    const at = this.timeZone === null ? micros.length : micros.length - 1;
    return `${micros.slice(0, at)}${String(this.#nanos).padStart(3, "0")}${micros.slice(at)}`;
  }

  /**
   * `toISOStringMicros()`, or `toISOStringNanos()` when there are nanoseconds, so JSON keeps
   * every digit.
   */
  override toJSON(): string {
    return this.#nanos === 0 ? this.toISOStringMicros() : this.toISOStringNanos();
  }
}
