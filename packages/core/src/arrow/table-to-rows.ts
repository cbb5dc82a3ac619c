/**
 * Arrow → JavaScript: the one place that decides which JavaScript value a Spark value becomes.
 *
 * ## Value table
 *
 * | Spark type | Arrow type Spark sends | JavaScript value |
 * |---|---|---|
 * | `boolean` | Bool | `boolean` |
 * | `byte`, `short`, `int` | Int(8/16/32, signed) | `number` |
 * | `long` | Int(64, signed) | `bigint`; `number` with `int64As: "number"` (inexact beyond ±2^53) |
 * | `float`, `double` | FloatingPoint(SINGLE/DOUBLE) | `number` (NaN and ±Infinity included) |
 * | `decimal(p, s)` | Decimal(p, s, 128) | exact `string` with exactly `s` fraction digits (`"-12.3400"` for decimal(6,4)); `number` with `decimalAs: "number"` (nearest double) |
 * | `string`, `char`, `varchar` | Utf8 (LargeUtf8 with large var types) | `string` |
 * | `binary` | Binary (LargeBinary) | `Uint8Array` (a copy) |
 * | `date` | Date(DAY) | `Date` at UTC midnight of that day |
 * | `timestamp` | Timestamp(MICROSECOND, session zone) | {@link Timestamp} (a `Date` with `epochMicros: bigint`, `timeZone` = the Arrow zone) |
 * | `timestamp_ntz` | Timestamp(MICROSECOND, no zone) | {@link Timestamp} with `timeZone: null`: the wall-clock time read as UTC |
 * | `time(p)` (Spark 4.1, behind `spark.sql.timeType.enabled`) | Time(NANOSECOND, 64) | `string` `"HH:MM:SS[.fraction]"`, trailing fraction zeros dropped (`"13:45:07.1234"`) |
 * | `void` (null type) | Null | `null` |
 * | `array<T>` | List | `T[]` |
 * | `map<K, V>` | Map(entries: struct<key, value>) | `Map<K, V>` in entry order |
 * | `struct<…>` | Struct | a nested {@link Row} |
 * | `interval day to second` (and narrower) | Duration(MICROSECOND) | `bigint` microseconds |
 * | `interval year to month` (and narrower) | Interval(YEAR_MONTH) | `number` of months |
 * | `interval` (calendar interval) | Interval(MONTH_DAY_NANO) | {@link CalendarInterval} `{ months, days, microseconds: bigint }` |
 * | `variant` (Spark 4) | Struct(value: Binary, metadata: Binary), the `metadata` child tagged `variant = "true"` | {@link VariantValue} `{ value, metadata }` (both `Uint8Array`) |
 * | any null value | (validity bit unset) | `null` |
 *
 * Spark's Arrow encoding renames duplicate field names inside structs (`a`, `a` → `a_0`, `a_1`);
 * the Tables and batches of a query result carry the result's Spark schema, and nested Rows take
 * their field names from it, so they keep `a`, `a` as PySpark's Rows and `df.schema()` do (reach
 * the second by position; `row.get("a")` gives the first). Top-level duplicates arrive as they
 * are. The Arrow Table itself keeps Spark's Arrow names. Spark 4.1's geometry and geography types
 * arrive as structs (`srid`, `wkb`) and become nested Rows.
 *
 * Spark 4.3's nanosecond timestamps (Timestamp(NANOSECOND), behind
 * `spark.sql.timestampNanosTypes.enabled`) become {@link Timestamp}s that keep their nanoseconds
 * (`getNanoseconds()`, `epochNanos`).
 *
 * Beyond what Spark sends, unsigned integers (Uint8/16/32 → number, Uint64 → bigint),
 * Date(MILLISECOND), Timestamp in seconds or milliseconds, Duration in other units (converted to
 * exact microseconds; a nanosecond duration that is not whole microseconds throws a
 * {@link SparkProtocolError} `ARROW_VALUE_NOT_REPRESENTABLE` rather than being rounded) and
 * LargeList are read the same way. Any other Arrow type (Float16, dictionaries,
 * unions, views, fixed-size types, day-time intervals…) throws a {@link SparkProtocolError}
 * `UNSUPPORTED_ARROW_TYPE` naming the type and the column, before any row is converted.
 *
 * ## Columnar materialisation
 *
 * Each column is converted once, chunk by chunk, straight from its Arrow buffers (typed arrays,
 * offsets, validity bitmaps) into a JavaScript array; rows are then assembled by index with one
 * shared Row prototype per struct shape. No per-cell proxies, no `table.get(i)`, no `toJSON()`.
 * Strings whose bytes are all ASCII are decoded with one `TextDecoder` call per chunk.
 *
 * @module
 */

import {
  type Data,
  DataType,
  DateUnit,
  type Field,
  IntervalUnit,
  Precision,
  type RecordBatch,
  type Struct,
  type Table,
  TimeUnit,
  util,
  type Vector,
} from "apache-arrow";
import { SparkProtocolError } from "../errors.js";
import type { DataType as ProtoDataType } from "../gen/spark/connect/types_pb.js";
import { type Row, rowFactory } from "../row.js";
import { formatDecimal, readSmallUnscaled, readUnscaled } from "./decimal.js";
import { sparkFieldTypes, sparkSchemaOf } from "./spark-schema.js";
import { Timestamp } from "./timestamp.js";
import type { CalendarInterval, VariantValue } from "./values.js";

/** How some Spark types are turned into JavaScript values. */
export interface ArrowValueOptions {
  /**
   * `long` (Int64) values: `"bigint"` keeps every value exact; `"number"` converts with
   * `Number()` and is inexact beyond ±2^53. Default `"bigint"`. Applies to Int64 columns only
   * (not to intervals or timestamps).
   */
  int64As?: "bigint" | "number";
  /**
   * `decimal` values: `"string"` is exact (`"-12.3400"`); `"number"` is the nearest double of
   * that string. Default `"string"`.
   */
  decimalAs?: "string" | "number";
}

/** A table's columns as JavaScript arrays. */
export interface ArrowColumns {
  /** The column names, in order; duplicates are kept. */
  readonly fieldNames: readonly string[];
  /** The converted columns, by position (`columns[i]` belongs to `fieldNames[i]`). */
  readonly columns: readonly unknown[][];
  /**
   * The converted columns by name. A name used by several columns maps to the first of them;
   * use `columns` to reach the others.
   */
  readonly byName: Readonly<Record<string, unknown[]>>;
}

/**
 * The table's rows as {@link Row}s, assembled column by column (see the value table above).
 *
 * ```ts
 * const rows = tableToRows(table);
 * rows[0].get("id"); // 1n
 * ```
 *
 * @throws SparkProtocolError `UNSUPPORTED_ARROW_TYPE` for a column of a type outside the table.
 */
export function tableToRows(table: Table, options: ArrowValueOptions = {}): Row[] {
  const { fieldNames, columns } = convertColumns(table, options);
  return rowFactory(fieldNames).fromColumns(columns, table.numRows);
}

/**
 * One record batch's rows, as {@link tableToRows} makes them: for results consumed batch by batch
 * (`ArrowResultCollector.takeBatches`).
 */
export function batchToRows(batch: RecordBatch, options: ArrowValueOptions = {}): Row[] {
  // The data's own fields: a batch's `schema` may have been rebuilt by name (duplicate names).
  const fields = (batch.data.type as Struct).children;
  const spark = sparkFieldTypes(sparkSchemaOf(batch)).types;
  const columns = fields.map((f, c) => {
    const column = new Array<unknown>(batch.numRows);
    compile(f.type, f.metadata, f.name, options, spark[c])(
      batch.data.children[c]!,
      0,
      batch.numRows,
      column,
      0,
    );
    return column;
  });
  return rowFactory(fields.map((f) => f.name)).fromColumns(columns, batch.numRows);
}

/**
 * The table's columns as JavaScript arrays (see the value table above): the fast path for
 * charts and grids that want columns anyway.
 *
 * ```ts
 * const { byName } = tableToColumns(table);
 * byName.price; // ["12.50", "3.00", null]
 * ```
 */
export function tableToColumns(table: Table, options: ArrowValueOptions = {}): ArrowColumns {
  const { fieldNames, columns } = convertColumns(table, options);
  const byName: Record<string, unknown[]> = {};
  fieldNames.forEach((name, i) => {
    if (!Object.hasOwn(byName, name)) {
      Object.defineProperty(byName, name, {
        value: columns[i],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  });
  return { fieldNames, columns, byName };
}

/**
 * One Arrow vector (e.g. `table.getChild("price")`) as a JavaScript array (see the value table).
 * Pass the vector's schema field when you have it, so a variant column tagged on the field itself
 * is recognised.
 */
export function vectorToArray(
  vector: Vector,
  options: ArrowValueOptions = {},
  field?: Field,
): unknown[] {
  const convert = compile(vector.type, field?.metadata, field?.name ?? "value", options);
  const out = new Array<unknown>(vector.length);
  let at = 0;
  for (const data of vector.data) {
    convert(data, 0, data.length, out, at);
    at += data.length;
  }
  return out;
}

function convertColumns(
  table: Table,
  options: ArrowValueOptions,
): { fieldNames: string[]; columns: unknown[][] } {
  const fields = table.schema.fields;
  const fieldNames = fields.map((f) => f.name);
  const spark = sparkFieldTypes(sparkSchemaOf(table)).types;
  // Compiled up front, so an unsupported type fails even when there are no rows.
  const converters = fields.map((f, c) => compile(f.type, f.metadata, f.name, options, spark[c]));
  const columns = fields.map(() => new Array<unknown>(table.numRows));
  let at = 0;
  for (const batch of table.batches) {
    const children = batch.data.children;
    const dataFields = (batch.data.type as Struct).children;
    for (let c = 0; c < fields.length; c++) {
      const data = children[c]!;
      const field = fields[c]!;
      // The data's own type decides. It differs from the table's schema only in tables whose
      // schema apache-arrow rebuilt by name (duplicate column names through `tableFromIPC`).
      const convert =
        data.type === field.type || util.compareTypes(field.type, data.type)
          ? converters[c]!
          : compile(data.type, dataFields[c]?.metadata, field.name, options, spark[c]);
      convert(data, 0, batch.numRows, columns[c]!, at);
    }
    at += batch.numRows;
  }
  return { fieldNames, columns };
}

/** Converts `data[start..end)` into `out[at…]`. */
type Converter = (data: Data, start: number, end: number, out: unknown[], at: number) => void;

function unsupported(type: DataType, path: string, detail = ""): SparkProtocolError {
  return new SparkProtocolError(
    `Cannot convert column "${path}" of Arrow type ${String(type)} to a JavaScript value${detail}.`,
    {
      errorClass: "UNSUPPORTED_ARROW_TYPE",
      messageParameters: { arrowType: String(type), column: path },
    },
  );
}

/**
 * A converter for one Arrow type. `spark` is the Spark type of the same value when known (from
 * the result's Spark schema): struct field names come from it.
 */
function compile(
  type: DataType,
  metadata: ReadonlyMap<string, string> | undefined,
  path: string,
  options: ArrowValueOptions,
  spark?: ProtoDataType,
): Converter {
  const convert = compileType(type, metadata, path, options, spark);
  // Empty ranges touch no buffer: a zero-length array may come without any (Arrow Java writes
  // no offsets, apache-arrow's empty batches have structs without children).
  return (data, start, end, out, at) => {
    if (end > start) convert(data, start, end, out, at);
  };
}

function compileType(
  type: DataType,
  metadata: ReadonlyMap<string, string> | undefined,
  path: string,
  options: ArrowValueOptions,
  spark: ProtoDataType | undefined,
): Converter {
  if (DataType.isNull(type)) return convertNull;
  if (DataType.isBool(type)) return convertBool;
  if (DataType.isInt(type)) {
    if (type.bitWidth === 64) {
      if (options.int64As === "number") return convertInt64AsNumber;
      return convertBigInts;
    }
    return convertNumbers;
  }
  if (DataType.isFloat(type)) {
    if (type.precision === Precision.HALF) throw unsupported(type, path);
    return convertNumbers;
  }
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return convertUtf8;
  if (DataType.isBinary(type) || DataType.isLargeBinary(type)) return convertBinary;
  if (DataType.isDecimal(type)) return decimalConverter(type.scale, type.bitWidth, options);
  if (DataType.isDate(type)) {
    return type.unit === DateUnit.DAY ? convertDateDay : convertDateMillisecond;
  }
  if (DataType.isTimestamp(type)) {
    return timestampConverter(type.unit, type.timezone ?? null);
  }
  if (DataType.isTime(type)) return timeConverter(type.unit);
  if (DataType.isDuration(type)) return durationConverter(type.unit);
  if (DataType.isInterval(type)) {
    if (type.unit === IntervalUnit.YEAR_MONTH) return convertNumbers;
    if (type.unit === IntervalUnit.MONTH_DAY_NANO) return convertMonthDayNano;
    throw unsupported(type, path);
  }
  if (DataType.isList(type) || DataType.isLargeList(type)) {
    const child = type.children[0]!;
    const element = spark?.kind.case === "array" ? spark.kind.value.elementType : undefined;
    return listConverter(compile(child.type, child.metadata, `${path}[]`, options, element));
  }
  if (DataType.isMap(type)) {
    const entries = type.children[0]!.type;
    const [key, value] = entries.children;
    if (!key || !value) throw unsupported(type, path, " (map entries without key and value)");
    const sparkMap = spark?.kind.case === "map" ? spark.kind.value : undefined;
    return mapConverter(
      compile(key.type, key.metadata, `${path}.key`, options, sparkMap?.keyType),
      compile(value.type, value.metadata, `${path}.value`, options, sparkMap?.valueType),
    );
  }
  if (DataType.isStruct(type)) {
    if (isVariant(type.children, metadata)) return convertVariant;
    const children = type.children;
    // The Spark names when the Spark type is a struct of as many fields (Spark's Arrow names
    // are made unique: `a_0`, `a_1` for two fields named `a`).
    const sparkFields = sparkFieldTypes(spark);
    const matches = sparkFields.names.length === children.length;
    const names = matches ? sparkFields.names : children.map((f) => f.name);
    return structConverter(
      names,
      children.map((f, i) =>
        compile(
          f.type,
          f.metadata,
          `${path}.${names[i]}`,
          options,
          matches ? sparkFields.types[i] : undefined,
        ),
      ),
    );
  }
  throw unsupported(type, path);
}

/**
 * A variant is a struct of exactly the binary children `value` and `metadata`, tagged with the
 * field metadata `variant = "true"`: Spark 4.1 tags the `metadata` child; an earlier layout of
 * Spark's ArrowUtils tags the struct field itself. Either is accepted.
 */
function isVariant(
  children: readonly Field[],
  metadata: ReadonlyMap<string, string> | undefined,
): boolean {
  if (children.length !== 2) return false;
  const value = children.find((f) => f.name === "value");
  const meta = children.find((f) => f.name === "metadata");
  if (!value || !meta) return false;
  if (!isBinaryType(value.type) || !isBinaryType(meta.type)) return false;
  return (
    metadata?.get("variant") === "true" ||
    children.some((f) => f.metadata.get("variant") === "true")
  );
}

function isBinaryType(type: DataType): boolean {
  return DataType.isBinary(type) || DataType.isLargeBinary(type);
}

// ---------------------------------------------------------------------------------------------
// Buffers. apache-arrow's conventions: `values` and `valueOffsets` are already sliced to the
// Data's window (index i is slot i), except Bool values, which like the validity bitmap are
// addressed by bit `data.offset + i`.

function validityOf(data: Data): Uint8Array | null {
  return data.nullCount > 0 ? (data.nullBitmap as Uint8Array) : null;
}

function isValidAt(bitmap: Uint8Array, bit: number): boolean {
  return (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/** Generic loop for the less common types: `read(i)` for valid slots, `null` otherwise. */
function fill(
  data: Data,
  start: number,
  end: number,
  out: unknown[],
  at: number,
  read: (i: number) => unknown,
): void {
  const bitmap = validityOf(data);
  if (bitmap === null) {
    for (let i = start; i < end; i++) out[at++] = read(i);
  } else {
    const offset = data.offset;
    for (let i = start; i < end; i++) out[at++] = isValidAt(bitmap, offset + i) ? read(i) : null;
  }
}

/** Offsets as numbers (Int32Array, or BigInt64Array for the Large types). */
function offsetsOf(data: Data, start: number, end: number): ArrayLike<number> {
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  if (offsets instanceof Int32Array) return offsets;
  const out = new Float64Array(end + 1);
  for (let i = start; i <= end; i++) out[i] = Number(offsets[i]!);
  return out;
}

const convertNull: Converter = (_data, start, end, out, at) => {
  for (let i = start; i < end; i++) out[at++] = null;
};

const convertBool: Converter = (data, start, end, out, at) => {
  const values = data.values as Uint8Array;
  const offset = data.offset;
  const bitmap = validityOf(data);
  for (let i = start; i < end; i++) {
    const bit = offset + i;
    out[at++] = bitmap !== null && !isValidAt(bitmap, bit) ? null : isValidAt(values, bit);
  }
};

/** Int8–32, Uint8–32, Float32/64, Interval(YEAR_MONTH): the typed array holds the value. */
const convertNumbers: Converter = (data, start, end, out, at) => {
  const values = data.values as Int32Array;
  const bitmap = validityOf(data);
  if (bitmap === null) {
    for (let i = start; i < end; i++) out[at++] = values[i];
  } else {
    const offset = data.offset;
    for (let i = start; i < end; i++) {
      out[at++] = isValidAt(bitmap, offset + i) ? values[i] : null;
    }
  }
};

const convertBigInts: Converter = (data, start, end, out, at) => {
  const values = data.values as BigInt64Array;
  const bitmap = validityOf(data);
  if (bitmap === null) {
    for (let i = start; i < end; i++) out[at++] = values[i];
  } else {
    const offset = data.offset;
    for (let i = start; i < end; i++) {
      out[at++] = isValidAt(bitmap, offset + i) ? values[i] : null;
    }
  }
};

const convertInt64AsNumber: Converter = (data, start, end, out, at) => {
  const values = data.values as BigInt64Array;
  fill(data, start, end, out, at, (i) => Number(values[i]!));
};

const utf8 = new TextDecoder();

const convertUtf8: Converter = (data, start, end, out, at) => {
  const bytes = data.values as Uint8Array;
  const offsets = offsetsOf(data, start, end);
  const bitmap = validityOf(data);
  const offset = data.offset;
  const first = offsets[start]!;
  const last = offsets[end]!;
  if (isAscii(bytes, first, last)) {
    // One decode for the whole window; each value is a slice of it (byte = char for ASCII).
    const all = utf8.decode(bytes.subarray(first, last));
    for (let i = start; i < end; i++) {
      out[at++] =
        bitmap !== null && !isValidAt(bitmap, offset + i)
          ? null
          : all.slice(offsets[i]! - first, offsets[i + 1]! - first);
    }
    return;
  }
  for (let i = start; i < end; i++) {
    out[at++] =
      bitmap !== null && !isValidAt(bitmap, offset + i)
        ? null
        : utf8.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
  }
};

function isAscii(bytes: Uint8Array, from: number, to: number): boolean {
  let i = from;
  // Word at a time where the buffer is aligned.
  while (i < to && (bytes.byteOffset + i) % 4 !== 0) if (bytes[i++]! > 0x7f) return false;
  const wordEnd = i + ((to - i) & ~3);
  if (wordEnd > i) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (wordEnd - i) >> 2);
    for (let w = 0; w < words.length; w++) if ((words[w]! & 0x80808080) !== 0) return false;
    i = wordEnd;
  }
  while (i < to) if (bytes[i++]! > 0x7f) return false;
  return true;
}

const convertBinary: Converter = (data, start, end, out, at) => {
  const bytes = data.values as Uint8Array;
  const offsets = offsetsOf(data, start, end);
  fill(data, start, end, out, at, (i) => bytes.slice(offsets[i]!, offsets[i + 1]!));
};

function decimalConverter(scale: number, bitWidth: number, options: ArrowValueOptions): Converter {
  const stride = bitWidth / 32;
  const asNumber = options.decimalAs === "number";
  // Up to 15 fraction digits, a number below 2^53 formats exactly with number arithmetic.
  const pow = scale > 0 && scale <= 15 ? 10 ** scale : 0;
  return (data, start, end, out, at) => {
    const words = data.values as Uint32Array;
    const bitmap = validityOf(data);
    const offset = data.offset;
    for (let i = start; i < end; i++) {
      if (bitmap !== null && !isValidAt(bitmap, offset + i)) {
        out[at++] = null;
        continue;
      }
      const small = readSmallUnscaled(words, i, stride);
      const text =
        small === undefined
          ? formatDecimal(readUnscaled(words, i, stride), scale)
          : pow === 0
            ? formatDecimal(small, scale)
            : formatSmallDecimal(small, scale, pow);
      out[at++] = asNumber ? Number(text) : text;
    }
  };
}

const ZEROS = "000000000000000";

/** `formatDecimal` for |unscaled| < 2^53 and 1 ≤ scale ≤ 15 (`pow` = 10^scale), in doubles. */
function formatSmallDecimal(unscaled: number, scale: number, pow: number): string {
  const negative = unscaled < 0;
  const magnitude = negative ? -unscaled : unscaled;
  let whole = Math.floor(magnitude / pow);
  let fraction = magnitude - whole * pow;
  // The division may round across an integer; the products are exact, so correct by one.
  if (fraction < 0) {
    whole--;
    fraction += pow;
  } else if (fraction >= pow) {
    whole++;
    fraction -= pow;
  }
  const digits = String(fraction);
  const padded = digits.length < scale ? ZEROS.slice(0, scale - digits.length) + digits : digits;
  return `${negative ? "-" : ""}${whole}.${padded}`;
}

const DAY_MS = 86_400_000;

const convertDateDay: Converter = (data, start, end, out, at) => {
  const days = data.values as Int32Array;
  const bitmap = validityOf(data);
  const offset = data.offset;
  for (let i = start; i < end; i++) {
    out[at++] =
      bitmap !== null && !isValidAt(bitmap, offset + i) ? null : new Date(days[i]! * DAY_MS);
  }
};

const convertDateMillisecond: Converter = (data, start, end, out, at) => {
  const values = data.values as BigInt64Array | Int32Array;
  if (values instanceof BigInt64Array) {
    fill(data, start, end, out, at, (i) => new Date(Number(values[i]!)));
  } else {
    // Older layouts keep Date(MILLISECOND) as pairs of 32-bit words.
    fill(data, start, end, out, at, (i) => {
      return new Date(values[2 * i + 1]! * 4294967296 + (values[2 * i]! >>> 0));
    });
  }
};

/** Multiplier to microseconds (or divisor, for nanoseconds). */
function microsFactor(unit: TimeUnit): bigint {
  switch (unit) {
    case TimeUnit.SECOND:
      return 1_000_000n;
    case TimeUnit.MILLISECOND:
      return 1000n;
    default:
      return 1n;
  }
}

function timestampConverter(unit: TimeUnit, timeZone: string | null): Converter {
  if (unit === TimeUnit.MICROSECOND) {
    return (data, start, end, out, at) => {
      const values = data.values as BigInt64Array;
      // Two 32-bit halves: most timestamps (years 1685–2255) fit a double exactly, which spares a
      // bigint per value.
      const halves = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
      const bitmap = validityOf(data);
      const offset = data.offset;
      for (let i = start; i < end; i++) {
        if (bitmap !== null && !isValidAt(bitmap, offset + i)) {
          out[at++] = null;
          continue;
        }
        const hi = halves[2 * i + 1]!;
        out[at++] =
          hi > -0x200000 && hi < 0x200000
            ? new Timestamp(hi * 4294967296 + (halves[2 * i]! >>> 0), timeZone)
            : new Timestamp(values[i]!, timeZone);
      }
    };
  }
  if (unit === TimeUnit.NANOSECOND) {
    // Spark 4.3's nanosecond timestamps: every nanosecond kept.
    return (data, start, end, out, at) => {
      const values = data.values as BigInt64Array;
      fill(data, start, end, out, at, (i) => Timestamp.fromEpochNanos(values[i]!, timeZone));
    };
  }
  const factor = microsFactor(unit);
  return (data, start, end, out, at) => {
    const values = data.values as BigInt64Array;
    fill(data, start, end, out, at, (i) => new Timestamp(values[i]! * factor, timeZone));
  };
}

function durationConverter(unit: TimeUnit): Converter {
  const factor = microsFactor(unit);
  const nanos = unit === TimeUnit.NANOSECOND;
  if (unit === TimeUnit.MICROSECOND) return convertBigInts;
  return (data, start, end, out, at) => {
    const values = data.values as BigInt64Array;
    fill(data, start, end, out, at, (i) => {
      const v = values[i]!;
      if (!nanos) return v * factor;
      // Intervals are bigint microseconds: a nanosecond remainder cannot be kept, so it is an
      // error rather than a rounded value.
      if (v % 1000n !== 0n) {
        throw new SparkProtocolError(
          `A duration of ${v} nanoseconds has no exact value in microseconds.`,
          {
            errorClass: "ARROW_VALUE_NOT_REPRESENTABLE",
            messageParameters: { value: `${v}`, unit: "NANOSECOND" },
          },
        );
      }
      return v / 1000n;
    });
  };
}

function timeConverter(unit: TimeUnit): Converter {
  const toNanos =
    unit === TimeUnit.SECOND
      ? 1e9
      : unit === TimeUnit.MILLISECOND
        ? 1e6
        : unit === TimeUnit.MICROSECOND
          ? 1e3
          : 1;
  return (data, start, end, out, at) => {
    const values = data.values as Int32Array | BigInt64Array;
    fill(data, start, end, out, at, (i) => formatTimeOfDay(Number(values[i]!) * toNanos));
  };
}

/** `"HH:MM:SS"` plus the fraction without trailing zeros (as Temporal.PlainTime prints). */
function formatTimeOfDay(nanosOfDay: number): string {
  const seconds = Math.floor(nanosOfDay / 1e9);
  const fraction = nanosOfDay - seconds * 1e9;
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  let text = `${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  if (fraction > 0) text += `.${String(fraction).padStart(9, "0").replace(/0+$/, "")}`;
  return text;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Interval(MONTH_DAY_NANO): per value, int32 months, int32 days, int64 nanoseconds. */
const convertMonthDayNano: Converter = (data, start, end, out, at) => {
  const words = data.values as Int32Array;
  fill(data, start, end, out, at, (i): CalendarInterval => {
    const base = 4 * i;
    const nanos = (BigInt(words[base + 3]!) << 32n) | BigInt(words[base + 2]! >>> 0);
    return { months: words[base]!, days: words[base + 1]!, microseconds: nanos / 1000n };
  });
};

function listConverter(element: Converter): Converter {
  return (data, start, end, out, at) => {
    const offsets = offsetsOf(data, start, end);
    const first = offsets[start]!;
    const last = offsets[end]!;
    const elements = new Array<unknown>(last - first);
    element(data.children[0]!, first, last, elements, 0);
    fill(data, start, end, out, at, (i) =>
      elements.slice(offsets[i]! - first, offsets[i + 1]! - first),
    );
  };
}

function mapConverter(key: Converter, value: Converter): Converter {
  return (data, start, end, out, at) => {
    const offsets = offsetsOf(data, start, end);
    const first = offsets[start]!;
    const last = offsets[end]!;
    const entries = data.children[0]!;
    const keys = new Array<unknown>(last - first);
    const values = new Array<unknown>(last - first);
    key(entries.children[0]!, first, last, keys, 0);
    value(entries.children[1]!, first, last, values, 0);
    fill(data, start, end, out, at, (i) => {
      const map = new Map<unknown, unknown>();
      for (let e = offsets[i]! - first, stop = offsets[i + 1]! - first; e < stop; e++) {
        map.set(keys[e], values[e]);
      }
      return map;
    });
  };
}

function structConverter(names: readonly string[], children: readonly Converter[]): Converter {
  const factory = rowFactory(names);
  return (data, start, end, out, at) => {
    const n = end - start;
    // Struct children are sliced with their parent: child slot i is the struct's slot i.
    const columns = children.map((convert, c) => {
      const column = new Array<unknown>(n);
      convert(data.children[c]!, start, end, column, 0);
      return column;
    });
    const rows = factory.fromColumns(columns, n);
    fill(data, start, end, out, at, (i) => rows[i - start]);
  };
}

const convertVariant: Converter = (data, start, end, out, at) => {
  const type = data.type as DataType & { children: Field[] };
  const valueIndex = type.children.findIndex((f) => f.name === "value");
  const metadataIndex = type.children.findIndex((f) => f.name === "metadata");
  const n = end - start;
  const value = new Array<unknown>(n);
  const metadata = new Array<unknown>(n);
  convertBinary(data.children[valueIndex]!, start, end, value, 0);
  convertBinary(data.children[metadataIndex]!, start, end, metadata, 0);

  fill(data, start, end, out, at, (i): VariantValue | null => {
    const v = value[i - start];
    const m = metadata[i - start];
    return v instanceof Uint8Array && m instanceof Uint8Array ? { value: v, metadata: m } : null;
  });
};
