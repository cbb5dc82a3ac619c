/**
 * Plain value shapes for Spark types that have no JavaScript counterpart.
 *
 * @module
 */

/**
 * A Spark `CalendarIntervalType` value (`INTERVAL '1 month 2 days 3 microseconds'`): the three
 * parts are independent, as in Spark's `CalendarInterval`.
 */
export interface CalendarInterval {
  /** Whole months (a 32-bit integer). */
  months: number;
  /** Whole days (a 32-bit integer). */
  days: number;
  /** Microseconds (a 64-bit integer). */
  microseconds: bigint;
}

/**
 * A Spark 4 `VARIANT` value in its binary encoding, as Spark sends it: the value bytes and the
 * metadata (dictionary) bytes. Decode with a Variant library, or ask Spark for JSON
 * (`to_json(v)`) or a typed value (`variant_get(v, '$.a', 'int')`).
 */
export interface VariantValue {
  value: Uint8Array;
  metadata: Uint8Array;
}
