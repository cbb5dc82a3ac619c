/**
 * Spark 4 `VARIANT` values, decoded on the client: the binary encoding (a value buffer and a
 * metadata dictionary, the Parquet Variant format of Spark's `common/variant`) → the JSON text
 * Spark prints, or plain JavaScript values.
 *
 * ## The encoding
 *
 * - Metadata: a header byte (bits 0–3 the version, which must be 1; bit 4 "keys sorted"; bits
 *   6–7 the offset size minus one), the dictionary size and `size + 1` offsets (each of the
 *   offset size, little-endian), then the UTF-8 keys back to back.
 * - Value: a header byte whose low 2 bits are the basic type and upper 6 bits the type info.
 *   - primitive (0): the type info is the type id; the content follows (see below);
 *   - short string (1): the type info is the UTF-8 length (0–63), the bytes follow;
 *   - object (2): type info `0_b4_b3b2_b1b0`: b4 a 4-byte (else 1-byte) element count, b3b2 the
 *     field-id size minus one, b1b0 the offset size minus one; then the field ids (sorted by
 *     key), `count + 1` offsets into the data that follows (the last one is its length);
 *   - array (3): type info `000_b2_b1b0`: b2 a 4-byte count, b1b0 the offset size minus one;
 *     then `count + 1` offsets and the elements.
 * - Primitive type ids: 0 null, 1 true, 2 false, 3/4/5/6 int8/16/32/64, 7 double, 8/9/10
 *   decimal4/8/16 (a scale byte, then the unscaled 4/8/16-byte integer), 11 date (int32 days),
 *   12 timestamp and 13 timestamp_ntz (int64 microseconds), 14 float, 15 binary and 16 long string
 *   (a uint32 length, then the bytes), 17 time (int64 microseconds of the day), 18 timestamp and
 *   19 timestamp_ntz in nanoseconds, 20 uuid (16 bytes, big-endian). All integers are
 *   little-endian. Spark 4.0 and 4.1 write and read ids 0–16 and 20; 17–19 are the Parquet
 *   format's and are decoded here too.
 *
 * Every read is bounds-checked: a truncated or inconsistent encoding throws a
 * {@link SparkProtocolError} `MALFORMED_VARIANT`, and an unknown type id
 * `UNKNOWN_PRIMITIVE_TYPE_IN_VARIANT`, as Spark does; nothing is read past a buffer or past the
 * data of the enclosing object or array.
 *
 * @module
 */

import { SparkArgumentError, SparkProtocolError } from "../errors.js";
import { formatDecimal } from "./decimal.js";
import { Timestamp } from "./timestamp.js";
import type { VariantValue } from "./values.js";

/** Options of {@link variantToJson}. */
export interface VariantJsonOptions {
  /**
   * The time zone that `TIMESTAMP` values are printed in, as Spark prints them in the session
   * time zone (`spark.sql.session.timeZone`): an IANA zone (`"Europe/Paris"`), `"UTC"`, or a
   * fixed offset (`"+05:30"`, `"UTC-8"`, `"Z"`). Default `"UTC"`. `TIMESTAMP_NTZ` values do not
   * depend on it.
   */
  timeZone?: string;
}

/** Options of {@link variantToValue}, as in `ArrowValueOptions`. */
export interface VariantValueOptions {
  /**
   * 64-bit integers (Spark `long`): `"bigint"` keeps them exact, `"number"` converts with
   * `Number()` (inexact beyond ±2^53). Default `"bigint"`. Smaller integers are always numbers.
   */
  int64As?: "bigint" | "number";
  /**
   * Decimals: `"string"` is exact, with the stored scale (`"1.50"`); `"number"` is the nearest
   * double. Default `"string"`.
   */
  decimalAs?: "string" | "number";
}

/** The JavaScript value of a decoded variant (see {@link variantToValue}). */
export type VariantJsValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Date
  | Timestamp
  | Uint8Array
  | VariantJsValue[]
  | { [key: string]: VariantJsValue };

/**
 * A variant as the JSON text Spark gives for `to_json(v)`: the same characters, so results can
 * be compared with the server's.
 *
 * - Objects list their fields in stored order (sorted by key), arrays their elements; no spaces.
 * - Strings and keys are escaped as Jackson does (`\"`, `\\`, `\b\f\n\r\t`, other control
 *   characters as `\u001F`); everything else, non-ASCII included, is written as is.
 * - Integers in full; decimals exactly, trailing fraction zeros dropped (`1.50` → `1.5`,
 *   `0.00` → `0`), never with an exponent.
 * - Doubles and floats as Java 19+'s `Double.toString`/`Float.toString`: the shortest digits
 *   that read back as the same value (the closest of them): `1.0`, `0.001`, `1.0E7`, `1.5E-4`,
 *   `-0.0`; `"NaN"`, `"Infinity"` and `"-Infinity"` quoted, as Spark writes them. On Java 17,
 *   whose algorithm is not always shortest, Spark prints some values with other last digits
 *   (the double `1.0E23` as `9.999999999999999E22`, the float `4.1E10` as `4.1000002E10`); both
 *   texts read back as the same number.
 * - Dates as `"2024-02-29"`; timestamps as `"2024-02-29 13:45:07.123+01:00"` in `timeZone`
 *   (the fraction only as long as needed; the offset to the minute, `+00:00` for UTC);
 *   `TIMESTAMP_NTZ` as `"2024-02-29 13:45:07.123"`. Years beyond 9999 get a `+`, years before 1
 *   are written as astronomical years (`-0001`).
 * - Binary as standard base64 with padding; UUIDs as `"123e4567-e89b-12d3-a456-426614174000"`.
 * - Not written by Spark 4.0/4.1 (which reject them): times as `"13:45:07.5"`, nanosecond
 *   timestamps as the microsecond ones with up to nine fraction digits.
 *
 * `CAST(v AS STRING)` gives the same text for objects, arrays and finite numbers; for a top-level
 * string, date, timestamp, binary or NaN it gives the bare value instead (`abc`, not `"abc"`; a
 * timestamp without its offset).
 *
 * @param v the variant as a result row holds it
 * @param options the time zone of `TIMESTAMP` values (default `"UTC"`)
 * @throws SparkProtocolError `MALFORMED_VARIANT` or `UNKNOWN_PRIMITIVE_TYPE_IN_VARIANT` for bytes
 *   that are not a valid variant
 * @throws SparkArgumentError `INVALID_TIMEZONE` for an unknown time zone
 *
 * @example
 * ```ts
 * await spark.conf.set("spark.sql.session.timeZone", "Europe/Paris");
 * const [row] = await spark
 *   .sql(`SELECT parse_json('{"b": [1, 2.50, "x"], "a": null}') AS v,
 *                CAST(TIMESTAMP'2024-01-02 03:04:05' AS VARIANT) AS t`)
 *   .collect();
 * variantToJson(row.v as VariantValue); // '{"a":null,"b":[1,2.5,"x"]}'
 * variantToJson(row.t as VariantValue, { timeZone: "Europe/Paris" });
 * // '"2024-01-02 03:04:05+01:00"'
 * ```
 */
export function variantToJson(v: VariantValue, options: VariantJsonOptions = {}): string {
  const reader = new VariantReader(v);
  const zone = resolveZone(options.timeZone ?? "UTC");
  const parts: string[] = [];
  writeJson(reader, 0, reader.value.length, zone, parts);
  return parts.join("");
}

/**
 * A variant as a JavaScript value, following the SDK's value table:
 *
 * | variant type | JavaScript value |
 * |---|---|
 * | object | a plain object, keys in stored order (sorted) |
 * | array | an array |
 * | null | `null` |
 * | boolean | `boolean` |
 * | int8, int16, int32 | `number` |
 * | int64 | `bigint` (`number` with `int64As: "number"`) |
 * | double, float | `number` |
 * | decimal | exact `string` with the stored scale (`"1.50"`); `number` with `decimalAs: "number"` |
 * | string | `string` |
 * | binary | `Uint8Array` (a copy) |
 * | date | `Date` at UTC midnight of that day |
 * | timestamp | {@link Timestamp} (the instant; `timeZone` `"UTC"`) |
 * | timestamp_ntz | {@link Timestamp} with `timeZone: null` |
 * | timestamp in nanoseconds (Parquet) | {@link Timestamp}, the nanoseconds floored to microseconds |
 * | time (Parquet) | `string` `"HH:MM:SS[.fraction]"`, trailing fraction zeros dropped |
 * | uuid | `string` `"123e4567-e89b-12d3-a456-426614174000"` |
 *
 * Which integer width a value has depends on how it was written: `parse_json` picks the
 * smallest that fits, so `1` is a number and `3000000000` a bigint.
 *
 * @param v the variant as a result row holds it
 * @param options how 64-bit integers and decimals are returned
 * @throws SparkProtocolError `MALFORMED_VARIANT` or `UNKNOWN_PRIMITIVE_TYPE_IN_VARIANT` for bytes
 *   that are not a valid variant
 *
 * @example
 * ```ts
 * const [row] = await spark
 *   .sql(`SELECT parse_json('{"id": 12345678901, "price": 9.90, "tags": ["a"]}') AS v`)
 *   .collect();
 * variantToValue(row.v as VariantValue); // { id: 12345678901n, price: "9.90", tags: ["a"] }
 * ```
 */
export function variantToValue(v: VariantValue, options: VariantValueOptions = {}): VariantJsValue {
  const reader = new VariantReader(v);
  return toValue(reader, 0, reader.value.length, {
    int64AsNumber: options.int64As === "number",
    decimalAsNumber: options.decimalAs === "number",
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the encoding

const SHORT_STR = 1;
const OBJECT = 2;
const ARRAY = 3;

const NULL = 0;
const TRUE = 1;
const FALSE = 2;
const INT8 = 3;
const INT16 = 4;
const INT32 = 5;
const INT64 = 6;
const DOUBLE = 7;
const DECIMAL4 = 8;
const DECIMAL8 = 9;
const DECIMAL16 = 10;
const DATE = 11;
const TIMESTAMP = 12;
const TIMESTAMP_NTZ = 13;
const FLOAT = 14;
const BINARY = 15;
const LONG_STR = 16;
const TIME = 17;
const TIMESTAMP_NANOS = 18;
const TIMESTAMP_NANOS_NTZ = 19;
const UUID = 20;

const METADATA_VERSION = 1;
const MICROS_PER_DAY = 86_400_000_000;

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

function malformed(detail: string): SparkProtocolError {
  return new SparkProtocolError(`Malformed variant: ${detail}.`, {
    errorClass: "MALFORMED_VARIANT",
  });
}

function unknownType(id: number): SparkProtocolError {
  return new SparkProtocolError(`Unknown primitive type id ${id} in a variant.`, {
    errorClass: "UNKNOWN_PRIMITIVE_TYPE_IN_VARIANT",
    messageParameters: { id: String(id) },
  });
}

/** A scalar read from the value buffer, before it is turned into JSON or a JavaScript value. */
type Scalar =
  | { type: "null" }
  | { type: "boolean"; value: boolean }
  | { type: "int"; value: number }
  | { type: "long"; value: bigint }
  | { type: "double" | "float"; value: number }
  | { type: "decimal"; unscaled: bigint; scale: number }
  | { type: "date"; days: number }
  | { type: "timestamp"; nanos: bigint; ntz: boolean }
  | { type: "time"; micros: bigint }
  | { type: "string"; value: string }
  | { type: "binary"; value: Uint8Array }
  | { type: "uuid"; value: string };

/** The layout of an object or array: where its tables and data are. */
interface Container {
  size: number;
  /** Field-id list (objects only): start and width. */
  idStart: number;
  idSize: number;
  offsetStart: number;
  offsetSize: number;
  dataStart: number;
  /** End (exclusive) of the element data. */
  dataEnd: number;
}

/** Bounds-checked access to one variant's value and metadata buffers. */
class VariantReader {
  readonly value: Uint8Array;
  readonly metadata: Uint8Array;
  readonly #view: DataView;
  readonly #keyOffsetSize: number;
  readonly #dictSize: number;
  readonly #keys: (string | undefined)[] = [];

  constructor(v: VariantValue) {
    if (!(v?.value instanceof Uint8Array) || !(v.metadata instanceof Uint8Array)) {
      throw new SparkArgumentError("A variant must be a { value, metadata } pair of Uint8Arrays.", {
        errorClass: "INVALID_VARIANT",
      });
    }
    this.value = v.value;
    this.metadata = v.metadata;
    this.#view = new DataView(v.value.buffer, v.value.byteOffset, v.value.byteLength);
    const m = v.metadata;
    if (m.length === 0) throw malformed("the metadata is empty");
    const header = m[0]!;
    if ((header & 0x0f) !== METADATA_VERSION) {
      throw malformed(`unsupported metadata version ${header & 0x0f}`);
    }
    this.#keyOffsetSize = ((header >> 6) & 0x3) + 1;
    this.#dictSize = readUnsigned(m, 1, this.#keyOffsetSize, m.length, "the dictionary size");
    if (1 + (this.#dictSize + 2) * this.#keyOffsetSize > m.length) {
      throw malformed("the dictionary offsets run past the metadata");
    }
  }

  /** The dictionary key with this id. */
  key(id: number): string {
    const cached = this.#keys[id];
    if (cached !== undefined) return cached;
    if (id >= this.#dictSize) {
      throw malformed(`field id ${id} is not in the dictionary of ${this.#dictSize} keys`);
    }
    const m = this.metadata;
    const size = this.#keyOffsetSize;
    const stringStart = 1 + (this.#dictSize + 2) * size;
    const start = readUnsigned(m, 1 + (id + 1) * size, size, m.length, "a key offset");
    const end = readUnsigned(m, 1 + (id + 2) * size, size, m.length, "a key offset");
    if (start > end || stringStart + end > m.length) {
      throw malformed(`key ${id} lies outside the metadata`);
    }
    const key = utf8.decode(m.subarray(stringStart + start, stringStart + end));
    this.#keys[id] = key;
    return key;
  }

  /** The header byte at `pos`, which must lie before `end`. */
  header(pos: number, end: number): number {
    if (pos >= end) throw malformed(`a value at byte ${pos} lies past its end (${end})`);
    return this.value[pos]!;
  }

  /** Checks that `length` bytes from `pos` lie before `end`. */
  need(pos: number, length: number, end: number): void {
    if (pos + length > end) {
      throw malformed(`${length} bytes at ${pos} run past the end of the value (${end})`);
    }
  }

  int(pos: number, bytes: 1 | 2 | 4, end: number): number {
    this.need(pos, bytes, end);
    if (bytes === 1) return this.#view.getInt8(pos);
    if (bytes === 2) return this.#view.getInt16(pos, true);
    return this.#view.getInt32(pos, true);
  }

  long(pos: number, end: number): bigint {
    this.need(pos, 8, end);
    return this.#view.getBigInt64(pos, true);
  }

  int128(pos: number, end: number): bigint {
    this.need(pos, 16, end);
    const low = this.#view.getBigUint64(pos, true);
    const high = this.#view.getBigInt64(pos + 8, true);
    return (high << 64n) | low;
  }

  float(pos: number, end: number): number {
    this.need(pos, 4, end);
    return this.#view.getFloat32(pos, true);
  }

  double(pos: number, end: number): number {
    this.need(pos, 8, end);
    return this.#view.getFloat64(pos, true);
  }

  unsigned(pos: number, bytes: number, end: number, what: string): number {
    return readUnsigned(this.value, pos, bytes, end, what);
  }

  bytes(pos: number, length: number, end: number): Uint8Array {
    this.need(pos, length, end);
    return this.value.subarray(pos, pos + length);
  }

  /** The layout of the object (`object` true) or array whose header is at `pos`. */
  container(pos: number, end: number, object: boolean): Container {
    const info = this.value[pos]! >> 2;
    const large = object ? (info >> 4) & 1 : (info >> 2) & 1;
    const countSize = large ? 4 : 1;
    const idSize = object ? ((info >> 2) & 0x3) + 1 : 0;
    const offsetSize = (info & 0x3) + 1;
    const what = object ? "object" : "array";
    const size = this.unsigned(pos + 1, countSize, end, `the ${what} size`);
    const idStart = pos + 1 + countSize;
    const offsetStart = idStart + size * idSize;
    const dataStart = offsetStart + (size + 1) * offsetSize;
    if (dataStart > end) {
      throw malformed(`the ${what} at byte ${pos} has ${size} entries that run past its end`);
    }
    const dataLength = this.unsigned(offsetStart + size * offsetSize, offsetSize, end, "");
    if (dataStart + dataLength > end) {
      throw malformed(`the data of the ${what} at byte ${pos} runs past its end`);
    }
    return {
      size,
      idStart,
      idSize,
      offsetStart,
      offsetSize,
      dataStart,
      dataEnd: dataStart + dataLength,
    };
  }

  /** Where element `i` of a container starts. */
  elementStart(c: Container, i: number): number {
    const offset = this.unsigned(c.offsetStart + i * c.offsetSize, c.offsetSize, c.dataEnd, "");
    const start = c.dataStart + offset;
    if (start >= c.dataEnd) {
      throw malformed(`element ${i} starts at byte ${start}, past the data's end (${c.dataEnd})`);
    }
    return start;
  }

  /** The key of field `i` of an object. */
  fieldKey(c: Container, i: number): string {
    return this.key(this.unsigned(c.idStart + i * c.idSize, c.idSize, c.dataEnd, "a field id"));
  }

  /** The primitive or string at `pos` (the header says it is neither object nor array). */
  scalar(pos: number, end: number): Scalar {
    const header = this.value[pos]!;
    const info = header >> 2;
    if ((header & 0x3) === SHORT_STR) {
      return { type: "string", value: utf8.decode(this.bytes(pos + 1, info, end)) };
    }
    const at = pos + 1;
    switch (info) {
      case NULL:
        return { type: "null" };
      case TRUE:
        return { type: "boolean", value: true };
      case FALSE:
        return { type: "boolean", value: false };
      case INT8:
        return { type: "int", value: this.int(at, 1, end) };
      case INT16:
        return { type: "int", value: this.int(at, 2, end) };
      case INT32:
        return { type: "int", value: this.int(at, 4, end) };
      case INT64:
        return { type: "long", value: this.long(at, end) };
      case DOUBLE:
        return { type: "double", value: this.double(at, end) };
      case FLOAT:
        return { type: "float", value: this.float(at, end) };
      case DECIMAL4:
      case DECIMAL8:
      case DECIMAL16: {
        this.need(at, 1, end);
        const scale = this.value[at]!;
        const unscaled =
          info === DECIMAL4
            ? BigInt(this.int(at + 1, 4, end))
            : info === DECIMAL8
              ? this.long(at + 1, end)
              : this.int128(at + 1, end);
        const digits = info === DECIMAL4 ? 9 : info === DECIMAL8 ? 18 : 38;
        const limit = 10n ** BigInt(digits);
        if (scale > digits || unscaled >= limit || unscaled <= -limit) {
          throw malformed(`a decimal exceeds ${digits} digits (scale ${scale})`);
        }
        return { type: "decimal", unscaled, scale };
      }
      case DATE:
        return { type: "date", days: this.int(at, 4, end) };
      case TIMESTAMP:
      case TIMESTAMP_NTZ:
        return {
          type: "timestamp",
          nanos: this.long(at, end) * 1000n,
          ntz: info === TIMESTAMP_NTZ,
        };
      case TIMESTAMP_NANOS:
      case TIMESTAMP_NANOS_NTZ:
        return {
          type: "timestamp",
          nanos: this.long(at, end),
          ntz: info === TIMESTAMP_NANOS_NTZ,
        };
      case TIME: {
        const micros = this.long(at, end);
        if (micros < 0n || micros >= BigInt(MICROS_PER_DAY)) {
          throw malformed(`a time of ${micros} microseconds is not within a day`);
        }
        return { type: "time", micros };
      }
      case BINARY:
      case LONG_STR: {
        const length = this.unsigned(at, 4, end, "a length");
        const bytes = this.bytes(at + 4, length, end);
        return info === BINARY
          ? { type: "binary", value: bytes }
          : { type: "string", value: utf8.decode(bytes) };
      }
      case UUID:
        return { type: "uuid", value: formatUuid(this.bytes(at, 16, end)) };
      default:
        throw unknownType(info);
    }
  }
}

/** Little-endian unsigned integer of 1–4 bytes at `pos`, which must lie before `end`. */
function readUnsigned(
  bytes: Uint8Array,
  pos: number,
  size: number,
  end: number,
  what: string,
): number {
  if (pos + size > end || pos + size > bytes.length) {
    throw malformed(`${what || "an offset"} at byte ${pos} runs past the end (${end})`);
  }
  let result = 0;
  for (let i = size - 1; i >= 0; i--) result = result * 256 + bytes[pos + i]!;
  return result;
}

// ---------------------------------------------------------------------------------------------
// → JSON

function writeJson(
  reader: VariantReader,
  pos: number,
  end: number,
  zone: ZoneOffsets,
  out: string[],
): void {
  const basic = reader.header(pos, end) & 0x3;
  if (basic === OBJECT) {
    const c = reader.container(pos, end, true);
    out.push("{");
    for (let i = 0; i < c.size; i++) {
      if (i > 0) out.push(",");
      out.push(quoteJson(reader.fieldKey(c, i)), ":");
      writeJson(reader, reader.elementStart(c, i), c.dataEnd, zone, out);
    }
    out.push("}");
    return;
  }
  if (basic === ARRAY) {
    const c = reader.container(pos, end, false);
    out.push("[");
    for (let i = 0; i < c.size; i++) {
      if (i > 0) out.push(",");
      writeJson(reader, reader.elementStart(c, i), c.dataEnd, zone, out);
    }
    out.push("]");
    return;
  }
  out.push(scalarJson(reader.scalar(pos, end), zone));
}

function scalarJson(s: Scalar, zone: ZoneOffsets): string {
  switch (s.type) {
    case "null":
      return "null";
    case "boolean":
    case "int":
    case "long":
      return String(s.value);
    case "double":
    case "float": {
      const text = javaFloatingString(s.value, s.type === "float");
      // Spark quotes NaN and ±Infinity, so the text stays valid JSON.
      return Number.isFinite(s.value) ? text : `"${text}"`;
    }
    case "decimal":
      return plainDecimal(s.unscaled, s.scale);
    case "string":
      return quoteJson(s.value);
    case "date":
      return `"${formatDate(s.days)}"`;
    case "timestamp":
      return `"${formatTimestamp(s.nanos, s.ntz ? null : zone)}"`;
    case "time":
      return `"${timeText(s.micros)}"`;
    case "binary":
      return `"${base64(s.value)}"`;
    case "uuid":
      return `"${s.value}"`;
  }
}

const SHORT_ESCAPES: Record<number, string> = {
  8: "\\b",
  9: "\\t",
  10: "\\n",
  12: "\\f",
  13: "\\r",
  34: '\\"',
  92: "\\\\",
};

/** A JSON string literal, escaped as Jackson's `writeString` does. */
function quoteJson(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(from, i);
    out += SHORT_ESCAPES[c] ?? `\\u00${c.toString(16).toUpperCase().padStart(2, "0")}`;
    from = i + 1;
  }
  return `${out}${s.slice(from)}"`;
}

/** Java's `BigDecimal.stripTrailingZeros().toPlainString()`. */
function plainDecimal(unscaled: bigint, scale: number): string {
  while (scale > 0 && unscaled % 10n === 0n) {
    unscaled /= 10n;
    scale--;
  }
  return formatDecimal(unscaled, scale);
}

/**
 * Java's `Double.toString` (or `Float.toString` for a float): the shortest decimal that reads
 * back as the same value, written plainly for magnitudes in [10^-3, 10^7) and as `d.dddE±n`
 * otherwise, always with a fraction digit.
 */
function javaFloatingString(x: number, float: boolean): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "Infinity";
  if (x === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [n, scale] = shortestDecimal(Math.abs(x), float);
  const digits = n.replace(/0+$/, "");
  const exponent = scale + n.length - 1;
  if (exponent >= -3 && exponent < 7) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
    return `${sign}${whole}.${digits.slice(exponent + 1) || "0"}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || "0"}E${exponent}`;
}

/**
 * The decimal `n × 10^scale` (`n` as digits) that Java 19+ prints for a positive finite double
 * or float: of the decimals that read back as `abs`, one with the fewest digits, the closest of
 * them; when one digit suffices, the closest of one or two digits (so 4.9E-324, not 5E-324).
 */
function shortestDecimal(abs: number, float: boolean): [string, number] {
  const readBack = (n: number, scale: number): number => {
    const v = Number(`${n}e${scale}`);
    return float ? Math.fround(v) : v;
  };
  /** The closest decimal of `digits` (≤ 9) digits that reads back as `abs`, if there is one. */
  const withDigits = (digits: number): [number, number] | undefined => {
    const [mantissa, e] = abs.toExponential(digits - 1).split("e") as [string, string];
    const n = Number(mantissa.replace(".", ""));
    const scale = Number(e) - (digits - 1);
    if (readBack(n, scale) === abs) {
      // toExponential rounds a tie up; Java picks the even neighbour.
      const even = n % 2 === 1 && isHalfwayBelow(abs, n, scale) && readBack(n - 1, scale) === abs;
      return even ? [n - 1, scale] : [n, scale];
    }
    // The nearest decimal fell outside the rounding interval on its narrow side (at a power of
    // two); its neighbour on the other side of `abs` may still be inside.
    const other = Number(`${n}e${scale}`) > abs ? n - 1 : n + 1;
    return readBack(other, scale) === abs ? [other, scale] : undefined;
  };
  let best: [string, number];
  if (float) {
    let found: [number, number] | undefined;
    for (let digits = 1; digits <= 9 && found === undefined; digits++) found = withDigits(digits);
    best = [String(found![0]), found![1]];
  } else {
    // JavaScript's own shortest round-trip digits, closest to the value.
    const [mantissa, e] = abs.toExponential().split("e") as [string, string];
    const digits = mantissa.replace(".", "");
    best = [digits, Number(e) - (digits.length - 1)];
  }
  if (best[0].length > 1) return best;
  const two = withDigits(2);
  if (two === undefined) return best;
  const distance = (n: number | string, scale: number) => Math.abs(Number(`${n}e${scale}`) - abs);
  return distance(two[0], two[1]) <= distance(best[0], best[1]) ? [String(two[0]), two[1]] : best;
}

/** Whether `abs` is exactly `(n - 1/2) × 10^scale`. */
function isHalfwayBelow(abs: number, n: number, scale: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & 0xfffffffffffffn;
  // abs = m × 2^k exactly.
  const m = biased === 0 ? fraction : fraction | (1n << 52n);
  const k = (biased === 0 ? 1 : biased) - 1075;
  let left = 2n * m;
  let right = 2n * BigInt(n) - 1n;
  if (k >= 0) left <<= BigInt(k);
  else right <<= BigInt(-k);
  if (scale >= 0) right *= 10n ** BigInt(scale);
  else left *= 10n ** BigInt(-scale);
  return left === right;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO date of a day count from 1970-01-01, proleptic Gregorian, as Java's `LocalDate`. */
function formatDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  const year =
    y > 9999 ? `+${y}` : y < 0 ? `-${String(-y).padStart(4, "0")}` : String(y).padStart(4, "0");
  return `${year}-${pad2(m)}-${pad2(d)}`;
}

/** `HH:MM:SS[.fraction]` with the fraction's trailing zeros dropped (Java's ISO_LOCAL_TIME). */
function formatTimeOfDay(seconds: number, nanos: number): string {
  const hms = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  if (nanos === 0) return hms;
  return `${hms}.${String(nanos).padStart(9, "0").replace(/0+$/, "")}`;
}

/** A TIME value (microseconds of the day) as `HH:MM:SS[.fraction]`. */
function timeText(micros: bigint): string {
  const m = Number(micros);
  const seconds = Math.floor(m / 1e6);
  return formatTimeOfDay(seconds, (m - seconds * 1e6) * 1000);
}

/** `yyyy-MM-dd HH:mm:ss[.fraction]` and, with a zone, its offset `+HH:MM`. */
function formatTimestamp(epochNanos: bigint, zone: ZoneOffsets | null): string {
  let seconds = epochNanos / 1_000_000_000n;
  if (seconds * 1_000_000_000n > epochNanos) seconds -= 1n;
  const nanos = Number(epochNanos - seconds * 1_000_000_000n);
  const epochSeconds = Number(seconds);
  const offset = zone === null ? 0 : zone(epochSeconds);
  const local = epochSeconds + offset;
  const days = Math.floor(local / 86_400);
  const text = `${formatDate(days)} ${formatTimeOfDay(local - days * 86_400, nanos)}`;
  return zone === null ? text : text + formatOffset(offset);
}

/** Java's `appendOffset("+HH:MM", "+00:00")`: seconds are dropped. */
function formatOffset(offsetSeconds: number): string {
  const abs = Math.abs(offsetSeconds);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor(abs / 60) % 60;
  if (hours === 0 && minutes === 0) return "+00:00";
  return `${offsetSeconds < 0 ? "-" : "+"}${pad2(hours)}:${pad2(minutes)}`;
}

/** Year, month (1–12) and day of a day count from 1970-01-01 (proleptic Gregorian). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Days from 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += BASE64[a >> 2]!;
    out += BASE64[((a & 0x3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? "=" : BASE64[((b & 0xf) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? "=" : BASE64[c & 0x3f]!;
  }
  return out;
}

function formatUuid(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Time zones

/** The offset from UTC, in seconds, of a zone at an instant (seconds since the epoch). */
type ZoneOffsets = (epochSeconds: number) => number;

const FIXED_OFFSET = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/;
const MAX_DATE_SECONDS = 8.64e12;
const SECONDS_PER_400_YEARS = 146_097 * 86_400;
const zones = new Map<string, ZoneOffsets>();

function resolveZone(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = createZone(timeZone);
    if (zones.size >= 64) zones.clear();
    zones.set(timeZone, zone);
  }
  return zone;
}

function createZone(timeZone: string): ZoneOffsets {
  if (timeZone === "Z" || timeZone === "UTC" || timeZone === "GMT" || timeZone === "UT") {
    return () => 0;
  }
  const fixed = FIXED_OFFSET.exec(timeZone);
  if (fixed) {
    const [, sign, h, m, s] = fixed;
    const seconds = Number(h) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
    if (Number(h) > 18 || Number(m ?? 0) > 59 || Number(s ?? 0) > 59 || seconds > 18 * 3600) {
      throw invalidZone(timeZone);
    }
    const offset = sign === "-" ? -seconds : seconds;
    return () => offset;
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      numberingSystem: "latn",
    });
  } catch {
    throw invalidZone(timeZone);
  }
  return (epochSeconds) => {
    // Beyond Date's range (±275,000 years), the same instant of a year 400·k years closer:
    // the Gregorian calendar, and so the zone's rules, repeat every 400 years.
    let seconds = epochSeconds;
    if (Math.abs(seconds) > MAX_DATE_SECONDS) {
      const cycles = Math.ceil((Math.abs(seconds) - MAX_DATE_SECONDS) / SECONDS_PER_400_YEARS);
      seconds -= Math.sign(seconds) * cycles * SECONDS_PER_400_YEARS;
    }
    const ms = seconds * 1000;
    const fields: Record<string, string> = {};
    for (const part of format.formatToParts(ms)) fields[part.type] = part.value;
    const yearOfEra = Number(fields.year);
    const year = fields.era === "BC" || fields.era === "B" ? 1 - yearOfEra : yearOfEra;
    const days = daysFromCivil(year, Number(fields.month), Number(fields.day));
    const wall =
      days * 86_400 +
      Number(fields.hour) * 3600 +
      Number(fields.minute) * 60 +
      Number(fields.second);
    return wall - seconds;
  };
}

function invalidZone(timeZone: string): SparkArgumentError {
  return new SparkArgumentError(`Unknown time zone: ${JSON.stringify(timeZone)}.`, {
    errorClass: "INVALID_TIMEZONE",
    messageParameters: { timeZone },
  });
}

// ---------------------------------------------------------------------------------------------
// → JavaScript values

interface ValueOptions {
  int64AsNumber: boolean;
  decimalAsNumber: boolean;
}

function toValue(reader: VariantReader, pos: number, end: number, o: ValueOptions): VariantJsValue {
  const basic = reader.header(pos, end) & 0x3;
  if (basic === OBJECT) {
    const c = reader.container(pos, end, true);
    const out: { [key: string]: VariantJsValue } = {};
    for (let i = 0; i < c.size; i++) {
      const key = reader.fieldKey(c, i);
      const value = toValue(reader, reader.elementStart(c, i), c.dataEnd, o);
      if (key === "__proto__") {
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        out[key] = value;
      }
    }
    return out;
  }
  if (basic === ARRAY) {
    const c = reader.container(pos, end, false);
    const out: VariantJsValue[] = new Array(c.size);
    for (let i = 0; i < c.size; i++)
      out[i] = toValue(reader, reader.elementStart(c, i), c.dataEnd, o);
    return out;
  }
  const s = reader.scalar(pos, end);
  switch (s.type) {
    case "null":
      return null;
    case "boolean":
    case "int":
    case "double":
    case "float":
    case "string":
    case "uuid":
      return s.value;
    case "long":
      return o.int64AsNumber ? Number(s.value) : s.value;
    case "decimal": {
      const text = formatDecimal(s.unscaled, s.scale);
      return o.decimalAsNumber ? Number(text) : text;
    }
    case "date":
      return new Date(s.days * 86_400_000);
    case "timestamp": {
      let micros = s.nanos / 1000n;
      if (micros * 1000n > s.nanos) micros -= 1n;
      return new Timestamp(micros, s.ntz ? null : "UTC");
    }
    case "time":
      return timeText(s.micros);
    case "binary":
      return s.value.slice();
  }
}
