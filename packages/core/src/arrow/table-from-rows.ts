/**
 * JavaScript → Arrow, for `createDataFrame`: rows and column descriptors → an apache-arrow
 * `Table` with the Arrow types Spark expects, → IPC stream bytes for a `LocalRelation`.
 *
 * ## Column types and the values they accept
 *
 * The descriptor kinds are the case names of Spark Connect's `DataType` proto oneof, so a Spark
 * `StructType` maps onto descriptors field by field. The Arrow types are those of Spark's
 * `ArrowUtils.toArrowType` (what the server's `fromArrowSchema` reads back).
 *
 * | kind | Arrow type | accepted JavaScript values |
 * |---|---|---|
 * | `null` | Null | `null`, `undefined` |
 * | `boolean` | Bool | `boolean` |
 * | `byte`, `short`, `integer` | Int(8/16/32) | integer `number` or `bigint` in range |
 * | `long` | Int(64) | `bigint` in range, or a safe-integer `number` |
 * | `float` | FloatingPoint(SINGLE) | `number` (finite values must stay finite in 32 bits) |
 * | `double` | FloatingPoint(DOUBLE) | `number` |
 * | `decimal` | Decimal(precision, scale, 128) | decimal `string` (`"-12.34"`, `"1e3"`), finite `number` (its shortest decimal form), `bigint`; fraction digits beyond `scale` must be zeros (nothing is rounded) |
 * | `string` | Utf8 | `string` |
 * | `binary` | Binary | `Uint8Array`, `ArrayBuffer` |
 * | `date` | Date(DAY) | `Date` (its UTC day; time of day ignored), `"YYYY-MM-DD"` |
 * | `timestamp` | Timestamp(MICROSECOND, "UTC") | `Timestamp` (exact micros), `Date`, `bigint` epoch micros |
 * | `timestampNtz` | Timestamp(MICROSECOND) (no zone) | same; a `Date`'s UTC fields are the wall-clock time |
 * | `time` | Time(NANOSECOND, 64) | `"HH:MM[:SS[.fraction]]"`, `bigint` nanoseconds of the day (Spark 4.1 with `spark.sql.timeType.enabled`) |
 * | `dayTimeInterval` | Duration(MICROSECOND) | `bigint` or safe-integer `number` of microseconds |
 * | `yearMonthInterval` | Interval(YEAR_MONTH) | integer `number` of months (32-bit) |
 * | `calendarInterval` | Interval(MONTH_DAY_NANO) | `{ months, days, microseconds }` |
 * | `variant` | Struct(value: Binary, metadata: Binary), tagged `variant = "true"` on the `metadata` child (Spark 4.1) and on the field | `{ value, metadata }` (`Uint8Array`s) |
 * | `array` | List(element) | a JavaScript array |
 * | `map` | Map(entries: Struct(key, value)) | a `Map`, or a plain object (string keys) |
 * | `struct` | Struct | an array / Row (by position) or a plain object (by field name) |
 *
 * `null` and `undefined` are nulls; a null where the descriptor says not nullable throws
 * `FIELD_NOT_NULLABLE`. A value the column cannot hold exactly throws `CANNOT_CONVERT_VALUE`;
 * nothing is coerced from strings to numbers or rounded silently. A string with a lone UTF-16
 * surrogate (which has no UTF-8 form) throws `INVALID_UTF8_STRING`.
 *
 * @module
 */

import {
  type DataType as ArrowDataType,
  Binary,
  Bool,
  type Data,
  DateDay,
  Decimal,
  DurationMicrosecond,
  Field,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  IntervalMonthDayNano,
  IntervalYearMonth,
  List,
  Map_,
  makeData,
  Null,
  Schema,
  Struct,
  Table,
  TimeNanosecond,
  TimestampMicrosecond,
  tableToIPC,
  Utf8,
} from "apache-arrow";
import { SparkArgumentError } from "../errors.js";
import { invalidUtf16, isWellFormed } from "../util/well-formed.js";
import { parseDecimal, writeUnscaled } from "./decimal.js";
import { makeRecordBatch } from "./record-batch.js";
import { Timestamp } from "./timestamp.js";

/** A Spark data type, as the Arrow encoder needs it (kinds = Spark Connect's proto case names). */
export type ColumnType =
  | {
      readonly kind:
        | "null"
        | "boolean"
        | "byte"
        | "short"
        | "integer"
        | "long"
        | "float"
        | "double"
        | "string"
        | "binary"
        | "date"
        | "timestamp"
        | "timestampNtz"
        | "dayTimeInterval"
        | "yearMonthInterval"
        | "calendarInterval"
        | "variant";
    }
  | { readonly kind: "decimal"; readonly precision: number; readonly scale: number }
  | { readonly kind: "time"; readonly precision?: number }
  | {
      readonly kind: "array";
      readonly elementType: ColumnType;
      readonly containsNull: boolean;
    }
  | {
      readonly kind: "map";
      readonly keyType: ColumnType;
      readonly valueType: ColumnType;
      readonly valueContainsNull: boolean;
    }
  | { readonly kind: "struct"; readonly fields: readonly ColumnDescriptor[] };

/** One column (or struct field): Spark's `StructField` without metadata. */
export interface ColumnDescriptor {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
}

/** Options of {@link arrowSchemaFromColumns} and {@link tableFromRows}. */
export interface ArrowEncodeOptions {
  /**
   * The Arrow time zone of `timestamp` columns. Default `"UTC"`, which is what Spark expects
   * from clients: the values are instants either way.
   */
  timeZone?: string;
}

/**
 * The Arrow schema Spark expects for these columns.
 *
 * ```ts
 * arrowSchemaFromColumns([{ name: "id", type: { kind: "long" }, nullable: false }]);
 * // Schema<{ id: Int64 }>
 * ```
 *
 * @throws SparkArgumentError `INVALID_COLUMN_TYPE` for an unknown kind or a bad decimal.
 */
export function arrowSchemaFromColumns(
  columns: readonly ColumnDescriptor[],
  options: ArrowEncodeOptions = {},
): Schema {
  const timeZone = options.timeZone ?? "UTC";
  return new Schema(columns.map((c) => toField(c, timeZone)));
}

/**
 * An Arrow table of the rows, typed by the column descriptors. Rows are arrays (by position,
 * `Row`s included) or plain objects (by column name; a missing key is null).
 *
 * ```ts
 * const table = tableFromRows(
 *   [[1n, "a"], { id: 2n, name: null }],
 *   [
 *     { name: "id", type: { kind: "long" }, nullable: false },
 *     { name: "name", type: { kind: "string" }, nullable: true },
 *   ],
 * );
 * const bytes = tableToIpcStream(table); // LocalRelation.data
 * ```
 *
 * @throws SparkArgumentError `CANNOT_CONVERT_VALUE` (a value the column cannot hold),
 *   `FIELD_NOT_NULLABLE` (a null in a non-nullable column), `ROW_LENGTH_MISMATCH`,
 *   `INVALID_ROW`, `INVALID_COLUMN_TYPE`.
 */
export function tableFromRows(
  rows: Iterable<readonly unknown[] | Readonly<Record<string, unknown>>>,
  columns: readonly ColumnDescriptor[],
  options: ArrowEncodeOptions = {},
): Table {
  const schema = arrowSchemaFromColumns(columns, options);
  const width = columns.length;
  const names = columns.map((c) => c.name);
  const values = columns.map(() => [] as unknown[]);
  let n = 0;
  for (const row of rows) {
    if (Array.isArray(row)) {
      if (row.length !== width) {
        throw new SparkArgumentError(
          `Row ${n} has ${row.length} values but there are ${width} columns.`,
          {
            errorClass: "ROW_LENGTH_MISMATCH",
            messageParameters: {
              row: String(n),
              expected: String(width),
              actual: String(row.length),
            },
          },
        );
      }
      for (let c = 0; c < width; c++) values[c]!.push(row[c]);
    } else if (isPlainObject(row)) {
      for (let c = 0; c < width; c++) values[c]!.push((row as Record<string, unknown>)[names[c]!]);
    } else {
      throw new SparkArgumentError(
        `Row ${n} is ${describe(row)}; a row is an array of values or an object keyed by column name.`,
        { errorClass: "INVALID_ROW", messageParameters: { row: String(n), value: describe(row) } },
      );
    }
    n++;
  }
  const children = columns.map((column, c) => {
    const encoder = compile(column.type, schema.fields[c]!.type, column.name);
    return encoder(values[c]!, column.nullable, (i) => `rows[${i}]${member(column.name)}`);
  });
  const data = makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children });
  return new Table(schema, [makeRecordBatch(schema, data)]);
}

/** The table as Arrow IPC *stream* bytes (the format of `LocalRelation.data`). */
export function tableToIpcStream(table: Table): Uint8Array {
  return tableToIPC(table, "stream");
}

/**
 * A table of the schema with no rows (an empty result), holding one empty batch whose nested
 * columns are complete: apache-arrow's own empty batches give structs no children, which writes
 * IPC bytes that readers (Spark's too) cannot follow.
 */
export function emptyTable(schema: Schema): Table {
  const data = makeData({
    type: new Struct(schema.fields),
    length: 0,
    nullCount: 0,
    children: schema.fields.map((f) => emptyData(f.type)),
  });
  return new Table(schema, [makeRecordBatch(schema, data)]);
}

/** Zero-length data of any type, with every nested child present. */
function emptyData(type: ArrowDataType): Data {
  const children = (type.children ?? []).map((f: Field) => emptyData(f.type));
  const props = {
    type,
    length: 0,
    nullCount: 0,
    data: new Uint8Array(0),
    valueOffsets: new Int32Array(1),
    children,
    child: children[0],
  };
  return makeData(props);
}

/** Names made unique as Spark's Arrow encoding does: the k-th of several `a` becomes `a_k`. */
function uniqueFieldNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  if (counts.size === names.length) return [...names];
  const seen = new Map<string, number>();
  return names.map((n) => {
    if ((counts.get(n) ?? 0) < 2) return n;
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    return `${n}_${k}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Schema

function invalidType(path: string, reason: string): SparkArgumentError {
  return new SparkArgumentError(`Invalid type for column "${path}": ${reason}.`, {
    errorClass: "INVALID_COLUMN_TYPE",
    messageParameters: { column: path, reason },
  });
}

const VARIANT_TAG = new Map([["variant", "true"]]);

function toField(column: ColumnDescriptor, timeZone: string, path = column.name): Field {
  const metadata = column.type.kind === "variant" ? VARIANT_TAG : null;
  return new Field(column.name, arrowType(column.type, timeZone, path), column.nullable, metadata);
}

function arrowType(type: ColumnType, timeZone: string, path: string): ArrowDataType {
  switch (type.kind) {
    case "null":
      return new Null();
    case "boolean":
      return new Bool();
    case "byte":
      return new Int8();
    case "short":
      return new Int16();
    case "integer":
      return new Int32();
    case "long":
      return new Int64();
    case "float":
      return new Float32();
    case "double":
      return new Float64();
    case "decimal": {
      const { precision, scale } = type;
      if (!Number.isInteger(precision) || precision < 1 || precision > 38) {
        throw invalidType(path, `decimal precision must be 1 to 38, got ${precision}`);
      }
      if (!Number.isInteger(scale) || scale < 0 || scale > precision) {
        throw invalidType(path, `decimal scale must be 0 to ${precision}, got ${scale}`);
      }
      return new Decimal(scale, precision, 128);
    }
    case "string":
      return new Utf8();
    case "binary":
      return new Binary();
    case "date":
      return new DateDay();
    case "timestamp":
      return new TimestampMicrosecond(timeZone);
    case "timestampNtz":
      return new TimestampMicrosecond(null);
    case "time":
      return new TimeNanosecond();
    case "dayTimeInterval":
      return new DurationMicrosecond();
    case "yearMonthInterval":
      return new IntervalYearMonth();
    case "calendarInterval":
      return new IntervalMonthDayNano();
    case "variant":
      return new Struct([
        new Field("value", new Binary(), false),
        new Field("metadata", new Binary(), false, VARIANT_TAG),
      ]);
    case "array":
      return new List(
        new Field("element", arrowType(type.elementType, timeZone, `${path}[]`), type.containsNull),
      );
    case "map":
      return new Map_(
        new Field(
          "entries",
          new Struct<{ key: ArrowDataType; value: ArrowDataType }>([
            new Field("key", arrowType(type.keyType, timeZone, `${path}.key`), false),
            new Field(
              "value",
              arrowType(type.valueType, timeZone, `${path}.value`),
              type.valueContainsNull,
            ),
          ]),
          false,
        ),
        false,
      );
    case "struct": {
      // Spark's Arrow Java builds struct vectors by child name, so two children named `a` would
      // become one: duplicate names are sent as Spark itself sends them (`a_0`, `a_1`), and the
      // schema sent beside the data gives back the real names.
      const names = uniqueFieldNames(type.fields.map((f) => f.name));
      return new Struct(
        type.fields.map((f, i) =>
          toField({ ...f, name: names[i] ?? f.name }, timeZone, `${path}.${f.name}`),
        ),
      );
    }
    default:
      throw invalidType(path, `unknown kind ${JSON.stringify((type as { kind: unknown }).kind)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Values

/** Marks a slot under a null struct: encoded as null, exempt from the nullability check. */
const SKIP: unique symbol = Symbol("skip");

/** Describes where `values[i]` came from, for error messages (`rows[3].tags[1]`). */
type Locate = (i: number) => string;

/** Encodes a column's values (with nulls) as Arrow Data of its type. */
type Encoder = (values: readonly unknown[], nullable: boolean, locate: Locate) => Data;

/** Converts one non-null value into the column's storage, or throws. */
type Setter<A> = (target: A, i: number, value: unknown, where: Locate) => void;

/** Int8Array, Int16Array, Int32Array… */
type NumberStore = { [i: number]: number };

function compile(type: ColumnType, arrow: ArrowDataType, path: string): Encoder {
  const label = sparkTypeName(type);
  const fixed = <A extends ArrayLike<unknown>>(
    make: (n: number) => A,
    set: NoInfer<Setter<A>>,
  ): Encoder => fixedWidth(arrow, label, make, set);
  switch (type.kind) {
    case "null":
      return (values, _nullable, locate) => {
        values.forEach((v, i) => {
          if (!isNull(v)) throw cannotConvert(v, label, locate(i), "only null fits a void column");
        });
        return makeData({ type: arrow as Null, length: values.length, nullCount: values.length });
      };
    case "boolean":
      return (values, nullable, locate) => {
        const { bitmap, nullCount } = validity(values, nullable, label, locate);
        const bits = new Uint8Array(bitmapLength(values.length));
        values.forEach((v, i) => {
          if (isNull(v)) return;
          if (typeof v !== "boolean") throw cannotConvert(v, label, locate(i), "not a boolean");
          if (v) bits[i >> 3]! |= 1 << (i & 7);
        });
        return makeData({
          type: arrow as Bool,
          length: values.length,
          nullCount,
          nullBitmap: bitmap,
          data: bits,
        });
      };
    case "byte":
      return fixed((n: number) => new Int8Array(n), intSetter(label, -128, 127));
    case "short":
      return fixed((n: number) => new Int16Array(n), intSetter(label, -32768, 32767));
    case "integer":
      return fixed((n: number) => new Int32Array(n), intSetter(label, -2147483648, 2147483647));
    case "yearMonthInterval":
      return fixed((n: number) => new Int32Array(n), intSetter(label, -2147483648, 2147483647));
    case "long":
      return fixed((n: number) => new BigInt64Array(n), int64Setter(label));
    case "dayTimeInterval":
      return fixed((n: number) => new BigInt64Array(n), int64Setter(label));
    case "float":
      return fixed(
        (n: number) => new Float32Array(n),
        (target, i, v, where) => {
          if (typeof v !== "number") throw cannotConvert(v, label, where(i), "not a number");
          const f = Math.fround(v);
          if (Number.isFinite(v) && !Number.isFinite(f)) {
            throw cannotConvert(v, label, where(i), "out of the 32-bit float range");
          }
          target[i] = f;
        },
      );
    case "double":
      return fixed(
        (n: number) => new Float64Array(n),
        (target, i, v, where) => {
          if (typeof v !== "number") throw cannotConvert(v, label, where(i), "not a number");
          target[i] = v;
        },
      );
    case "decimal": {
      const { precision, scale } = type;
      return fixedStride(arrow, label, 4, (words, i, v, where) => {
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "bigint") {
          throw cannotConvert(v, label, where(i), "not a decimal string, number or bigint");
        }
        const parsed = parseDecimal(v, precision, scale);
        if ("reason" in parsed) throw cannotConvert(v, label, where(i), parsed.reason);
        writeUnscaled(words, i, 4, parsed.unscaled);
      });
    }
    case "string":
      return variableWidth(arrow, label, (v, i, where) => {
        if (typeof v !== "string") throw cannotConvert(v, label, where(i), "not a string");
        return v;
      });
    case "binary":
      return variableWidth(arrow, label, (v, i, where) => {
        if (v instanceof Uint8Array) return v;
        if (v instanceof ArrayBuffer) return new Uint8Array(v);
        throw cannotConvert(v, label, where(i), "not a Uint8Array or ArrayBuffer");
      });
    case "date":
      return fixed((n: number) => new Int32Array(n), dateSetter(label));
    case "timestamp":
    case "timestampNtz":
      return fixed((n: number) => new BigInt64Array(n), timestampSetter(label));
    case "time":
      return fixed((n: number) => new BigInt64Array(n), timeSetter(label));
    case "calendarInterval":
      return fixedStride(arrow, label, 4, calendarIntervalSetter(label));
    case "variant":
      return variantEncoder(arrow as Struct, label);
    case "array":
      return listEncoder(
        arrow as List,
        label,
        type.containsNull,
        compile(type.elementType, (arrow as List).children[0]!.type, `${path}[]`),
      );
    case "map": {
      const entries = (arrow as Map_).children[0]!.type as Struct;
      return mapEncoder(
        arrow as Map_,
        label,
        type.keyType.kind === "string",
        type.valueContainsNull,
        compile(type.keyType, entries.children[0]!.type, `${path}.key`),
        compile(type.valueType, entries.children[1]!.type, `${path}.value`),
      );
    }
    case "struct":
      return structEncoder(
        arrow as Struct,
        label,
        type.fields,
        type.fields.map((f, c) =>
          compile(f.type, (arrow as Struct).children[c]!.type, `${path}.${f.name}`),
        ),
      );
  }
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined || v === SKIP;
}

function bitmapLength(n: number): number {
  return (n + 7) >> 3;
}

/** The validity bitmap (undefined when nothing is null) and null count; checks nullability. */
function validity(
  values: readonly unknown[],
  nullable: boolean,
  label: string,
  locate: Locate,
): { bitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      if (!nullable) {
        throw new SparkArgumentError(
          `${locate(i)} is null, but its ${label} field is not nullable.`,
          {
            errorClass: "FIELD_NOT_NULLABLE",
            messageParameters: { location: locate(i), type: label },
          },
        );
      }
      nullCount++;
    } else if (v === SKIP) nullCount++;
  }
  if (nullCount === 0) return { bitmap: undefined, nullCount };
  const bitmap = new Uint8Array(bitmapLength(values.length));
  for (let i = 0; i < values.length; i++) {
    if (!isNull(values[i])) bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap, nullCount };
}

function fixedWidth<A extends ArrayLike<unknown>>(
  type: ArrowDataType,
  label: string,
  make: (n: number) => A,
  set: Setter<A>,
): Encoder {
  return (values, nullable, locate) => {
    const { bitmap, nullCount } = validity(values, nullable, label, locate);
    const data = make(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!isNull(v)) set(data, i, v, locate);
    }
    // A non-literal props object: makeData dispatches on `type` at run time.
    const props = { type, length: values.length, nullCount, nullBitmap: bitmap, data };
    return makeData(props);
  };
}

/** Fixed-width values of `stride` 32-bit words each (Decimal128, Interval(MONTH_DAY_NANO)). */
function fixedStride(
  type: ArrowDataType,
  label: string,
  stride: number,
  set: Setter<Uint32Array>,
): Encoder {
  return fixedWidth(type, label, (n) => new Uint32Array(n * stride), set);
}

function intSetter(label: string, min: number, max: number): Setter<NumberStore> {
  return (target, i, v, where) => {
    let n: number;
    if (typeof v === "number") {
      if (!Number.isInteger(v)) throw cannotConvert(v, label, where(i), "not an integer");
      n = v;
    } else if (typeof v === "bigint") {
      if (v < BigInt(min) || v > BigInt(max)) {
        throw cannotConvert(v, label, where(i), `out of range [${min}, ${max}]`);
      }
      n = Number(v);
    } else throw cannotConvert(v, label, where(i), "not an integer number or bigint");
    if (n < min || n > max)
      throw cannotConvert(v, label, where(i), `out of range [${min}, ${max}]`);
    target[i] = n;
  };
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function toInt64(v: unknown, label: string, where: string): bigint {
  if (typeof v === "bigint") {
    if (v < INT64_MIN || v > INT64_MAX)
      throw cannotConvert(v, label, where, "out of the 64-bit range");
    return v;
  }
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) {
      throw cannotConvert(
        v,
        label,
        where,
        Number.isInteger(v) ? "beyond ±2^53, pass a bigint" : "not an integer",
      );
    }
    return BigInt(v);
  }
  throw cannotConvert(v, label, where, "not a bigint or integer number");
}

function int64Setter(label: string): Setter<BigInt64Array> {
  return (target, i, v, where) => {
    target[i] = toInt64(v, label, where(i));
  };
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^([+-]?\d{4,6})-(\d{2})-(\d{2})$/;

function dateSetter(label: string): Setter<Int32Array> {
  return (target, i, v, where) => {
    let ms: number;
    if (v instanceof Date) {
      ms = v.getTime();
      if (!Number.isFinite(ms)) throw cannotConvert(v, label, where(i), "an invalid Date");
    } else if (typeof v === "string") {
      const m = ISO_DATE.exec(v);
      const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
      const day = new Date(0);
      day.setUTCFullYear(y, mo - 1, d);
      ms = day.getTime();
      if (
        !m ||
        day.getUTCFullYear() !== y ||
        day.getUTCMonth() !== mo - 1 ||
        day.getUTCDate() !== d
      ) {
        throw cannotConvert(v, label, where(i), "not a valid YYYY-MM-DD date");
      }
    } else throw cannotConvert(v, label, where(i), "not a Date or YYYY-MM-DD string");
    target[i] = Math.floor(ms / DAY_MS);
  };
}

function timestampSetter(label: string): Setter<BigInt64Array> {
  return (target, i, v, where) => {
    if (v instanceof Timestamp) {
      if (v.getNanoseconds() !== 0) {
        throw cannotConvert(v, label, where(i), "a timestamp with nanoseconds (microseconds only)");
      }
      target[i] = v.epochMicros;
    } else if (v instanceof Date) {
      const ms = v.getTime();
      if (!Number.isFinite(ms)) throw cannotConvert(v, label, where(i), "an invalid Date");
      target[i] = BigInt(ms) * 1000n;
    } else if (typeof v === "bigint") target[i] = toInt64(v, label, where(i));
    else throw cannotConvert(v, label, where(i), "not a Timestamp, Date or bigint of microseconds");
  };
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const DAY_NANOS = 86_400_000_000_000n;

function timeSetter(label: string): Setter<BigInt64Array> {
  return (target, i, v, where) => {
    if (typeof v === "bigint") {
      if (v < 0n || v >= DAY_NANOS) {
        throw cannotConvert(v, label, where(i), "nanoseconds of the day must be in [0, 86400e9)");
      }
      target[i] = v;
      return;
    }
    const m = typeof v === "string" ? TIME_OF_DAY.exec(v) : null;
    if (!m) throw cannotConvert(v, label, where(i), "not an HH:MM:SS[.fraction] string or bigint");
    const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) throw cannotConvert(v, label, where(i), "not a time of day");
    const fraction = BigInt((m[4] ?? "").padEnd(9, "0"));
    target[i] = BigInt((h * 3600 + mi * 60 + s) * 1e9) + fraction;
  };
}

function calendarIntervalSetter(label: string): Setter<Uint32Array> {
  return (words, i, v, where) => {
    if (typeof v !== "object" || v === null) {
      throw cannotConvert(v, label, where(i), "not a { months, days, microseconds } object");
    }
    const { months, days, microseconds } = v as Record<string, unknown>;
    const int32 = (x: unknown, part: string): number => {
      if (typeof x !== "number" || !Number.isInteger(x) || x < -2147483648 || x > 2147483647) {
        throw cannotConvert(v, label, where(i), `${part} must be a 32-bit integer`);
      }
      return x;
    };
    const nanos = toInt64(microseconds ?? 0, label, where(i)) * 1000n;
    if (nanos < INT64_MIN || nanos > INT64_MAX) {
      throw cannotConvert(v, label, where(i), "microseconds out of range");
    }
    const base = 4 * i;
    words[base] = int32(months ?? 0, "months") >>> 0;
    words[base + 1] = int32(days ?? 0, "days") >>> 0;
    const u = BigInt.asUintN(64, nanos);
    words[base + 2] = Number(u & 0xffffffffn);
    words[base + 3] = Number(u >> 32n);
  };
}

const textEncoder = new TextEncoder();

/** Utf8 / Binary: offsets plus concatenated bytes. */
function variableWidth(
  type: ArrowDataType,
  label: string,
  check: (v: unknown, i: number, where: Locate) => string | Uint8Array,
): Encoder {
  return (values, nullable, locate) => {
    const { bitmap, nullCount } = validity(values, nullable, label, locate);
    const offsets = new Int32Array(values.length + 1);
    let bytes = new Uint8Array(64);
    let at = 0;
    const reserve = (extra: number) => {
      if (at + extra <= bytes.length) return;
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + extra));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    };
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!isNull(v)) {
        const item = check(v, i, locate);
        if (typeof item === "string") {
          if (!isWellFormed(item)) throw invalidUtf16(item, `the ${label} value at ${locate(i)}`);
          reserve(item.length);
          let result = textEncoder.encodeInto(item, bytes.subarray(at));
          if (result.read < item.length) {
            reserve(item.length * 3);
            result = textEncoder.encodeInto(item, bytes.subarray(at));
          }
          at += result.written;
        } else {
          reserve(item.length);
          bytes.set(item, at);
          at += item.length;
        }
        if (at > 0x7fffffff) {
          throw cannotConvert(v, label, locate(i), "the column holds more than 2 GiB");
        }
      }
      offsets[i + 1] = at;
    }
    const props = {
      type,
      length: values.length,
      nullCount,
      nullBitmap: bitmap,
      valueOffsets: offsets,
      data: bytes.subarray(0, at),
    };
    return makeData(props);
  };
}

function variantEncoder(type: Struct, label: string): Encoder {
  const binary = compile({ kind: "binary" }, new Binary(), "variant");
  return (values, nullable, locate) => {
    const { bitmap, nullCount } = validity(values, nullable, label, locate);
    const value: unknown[] = [];
    const metadata: unknown[] = [];
    values.forEach((v, i) => {
      if (isNull(v)) {
        value.push(new Uint8Array(0));
        metadata.push(new Uint8Array(0));
        return;
      }
      const parts = typeof v === "object" ? (v as Record<string, unknown>) : {};
      if (!(parts.value instanceof Uint8Array) || !(parts.metadata instanceof Uint8Array)) {
        throw cannotConvert(v, label, locate(i), "not a { value, metadata } pair of Uint8Arrays");
      }
      value.push(parts.value);
      metadata.push(parts.metadata);
    });
    const children = [
      binary(value, false, (i) => `${locate(i)}.value`),
      binary(metadata, false, (i) => `${locate(i)}.metadata`),
    ];
    return makeData({ type, length: values.length, nullCount, nullBitmap: bitmap, children });
  };
}

function listEncoder(type: List, label: string, containsNull: boolean, element: Encoder): Encoder {
  return (values, nullable, locate) => {
    const { bitmap, nullCount } = validity(values, nullable, label, locate);
    const offsets = new Int32Array(values.length + 1);
    const elements: unknown[] = [];
    const parents: number[] = [];
    values.forEach((v, i) => {
      if (!isNull(v)) {
        if (!Array.isArray(v)) throw cannotConvert(v, label, locate(i), "not an array");
        for (const e of v) {
          elements.push(e);
          parents.push(i);
        }
      }
      offsets[i + 1] = elements.length;
    });
    const child = element(elements, containsNull, (j) => {
      const p = parents[j]!;
      return `${locate(p)}[${j - offsets[p]!}]`;
    });
    return makeData({
      type,
      length: values.length,
      nullCount,
      nullBitmap: bitmap,
      valueOffsets: offsets,
      child,
    });
  };
}

function mapEncoder(
  type: Map_,
  label: string,
  stringKeys: boolean,
  valueContainsNull: boolean,
  key: Encoder,
  value: Encoder,
): Encoder {
  const entriesType = type.children[0]!.type as Struct;
  return (values, nullable, locate) => {
    const { bitmap, nullCount } = validity(values, nullable, label, locate);
    const offsets = new Int32Array(values.length + 1);
    const keys: unknown[] = [];
    const vals: unknown[] = [];
    const parents: number[] = [];
    values.forEach((v, i) => {
      if (!isNull(v)) {
        let entries: Iterable<readonly [unknown, unknown]>;
        if (v instanceof Map) entries = v;
        else if (stringKeys && isPlainObject(v)) entries = Object.entries(v as object);
        else {
          throw cannotConvert(
            v,
            label,
            locate(i),
            stringKeys ? "not a Map or plain object" : "not a Map",
          );
        }
        for (const [k, x] of entries) {
          keys.push(k);
          vals.push(x);
          parents.push(i);
        }
      }
      offsets[i + 1] = keys.length;
    });
    const keyData = key(keys, false, (j) => `${locate(parents[j]!)} (key ${describe(keys[j])})`);
    const valueData = value(
      vals,
      valueContainsNull,
      (j) => `${locate(parents[j]!)}[${describe(keys[j])}]`,
    );
    const child = makeData({
      type: entriesType,
      length: keys.length,
      nullCount: 0,
      children: [keyData, valueData],
    });
    return makeData({
      type,
      length: values.length,
      nullCount,
      nullBitmap: bitmap,
      valueOffsets: offsets,
      child,
    });
  };
}

function structEncoder(
  type: Struct,
  label: string,
  fields: readonly ColumnDescriptor[],
  children: readonly Encoder[],
): Encoder {
  return (values, nullable, locate) => {
    const { bitmap, nullCount } = validity(values, nullable, label, locate);
    const columns = fields.map(() => new Array<unknown>(values.length));
    values.forEach((v, i) => {
      if (isNull(v)) {
        for (const column of columns) column[i] = SKIP;
      } else if (Array.isArray(v)) {
        if (v.length !== fields.length) {
          throw cannotConvert(
            v,
            label,
            locate(i),
            `${v.length} values for ${fields.length} struct fields`,
          );
        }
        columns.forEach((column, c) => {
          column[i] = v[c];
        });
      } else if (isPlainObject(v)) {
        columns.forEach((column, c) => {
          column[i] = (v as Record<string, unknown>)[fields[c]!.name];
        });
      } else {
        throw cannotConvert(v, label, locate(i), "not an array, Row or plain object");
      }
    });
    const data = children.map((encode, c) =>
      encode(columns[c]!, fields[c]!.nullable, (i) => `${locate(i)}${member(fields[c]!.name)}`),
    );
    return makeData({ type, length: values.length, nullCount, nullBitmap: bitmap, children: data });
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Spark's simpleString of the type, for messages (`int`, `decimal(10,2)`, `array<string>`). */
function sparkTypeName(type: ColumnType): string {
  switch (type.kind) {
    case "byte":
      return "tinyint";
    case "short":
      return "smallint";
    case "integer":
      return "int";
    case "long":
      return "bigint";
    case "null":
      return "void";
    case "timestampNtz":
      return "timestamp_ntz";
    case "dayTimeInterval":
      return "interval day to second";
    case "yearMonthInterval":
      return "interval year to month";
    case "calendarInterval":
      return "interval";
    case "decimal":
      return `decimal(${type.precision},${type.scale})`;
    case "time":
      return `time(${type.precision ?? 6})`;
    case "array":
      return `array<${sparkTypeName(type.elementType)}>`;
    case "map":
      return `map<${sparkTypeName(type.keyType)},${sparkTypeName(type.valueType)}>`;
    case "struct":
      return `struct<${type.fields.map((f) => `${f.name}:${sparkTypeName(f.type)}`).join(",")}>`;
    default:
      return type.kind;
  }
}

function cannotConvert(
  value: unknown,
  type: string,
  location: string,
  reason: string,
): SparkArgumentError {
  const shown = describe(value);
  return new SparkArgumentError(`Cannot convert ${shown} at ${location} to ${type}: ${reason}.`, {
    errorClass: "CANNOT_CONVERT_VALUE",
    messageParameters: { value: shown, type, location, reason },
  });
}

/** A short description of a value for messages. */
function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case "bigint":
      return `${value}n`;
    case "number":
    case "boolean":
    case "undefined":
      return String(value);
    case "object": {
      if (value === null) return "null";
      if (value instanceof Date) {
        return Number.isFinite(value.getTime()) ? `Date(${value.toISOString()})` : "Invalid Date";
      }
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      return typeof name === "string" && name !== "Object" ? `a ${name}` : "an object";
    }
    default:
      return `a ${typeof value}`;
  }
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function member(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}
