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
 * metadata (dictionary) bytes. Decode it on the client with {@link variantToJson} (the JSON text
 * Spark's `to_json(v)` gives) or {@link variantToValue} (plain JavaScript values), or ask Spark
 * for a typed value (`variant_get(v, '$.a', 'int')`).
 *
 * ```ts
 * const [row] = await spark.sql(`SELECT parse_json('{"a": [1, 2]}') AS v`).collect();
 * variantToJson(row.v as VariantValue);  // '{"a":[1,2]}'
 * variantToValue(row.v as VariantValue); // { a: [1, 2] }
 * ```
 */
export interface VariantValue {
  value: Uint8Array;
  metadata: Uint8Array;
}
