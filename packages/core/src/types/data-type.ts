import { SparkArgumentError } from "../errors.js";
import type { ArrayType } from "./array-type.js";
import type {
  BinaryType,
  BooleanType,
  ByteType,
  CharType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  StringType,
  TimestampNTZType,
  TimestampType,
  TimeType,
  VarcharType,
  VariantType,
} from "./atomic-types.js";
import type {
  CalendarIntervalType,
  DayTimeIntervalType,
  YearMonthIntervalType,
} from "./interval-types.js";
import type { MapType } from "./map-type.js";
import type { GeographyType, GeometryType } from "./spatial-types.js";
import type { StructType } from "./struct-type.js";
import type { UnparsedDataType } from "./unparsed-data-type.js";
import type { UserDefinedType } from "./user-defined-type.js";

/**
 * The kind of a data type: the name of the `kind` oneof case of the Spark Connect `DataType`
 * message that carries it.
 */
export type DataTypeKind =
  | "null"
  | "binary"
  | "boolean"
  | "byte"
  | "short"
  | "integer"
  | "long"
  | "float"
  | "double"
  | "decimal"
  | "string"
  | "char"
  | "varChar"
  | "date"
  | "timestamp"
  | "timestampNtz"
  | "time"
  | "calendarInterval"
  | "yearMonthInterval"
  | "dayTimeInterval"
  | "array"
  | "struct"
  | "map"
  | "variant"
  | "udt"
  | "geometry"
  | "geography"
  | "unparsed";

/**
 * Any Spark data type. A closed union discriminated by `kind`, so a `switch (t.kind)` can be
 * exhaustive.
 */
export type DataType =
  | NullType
  | BinaryType
  | BooleanType
  | ByteType
  | ShortType
  | IntegerType
  | LongType
  | FloatType
  | DoubleType
  | DecimalType
  | StringType
  | CharType
  | VarcharType
  | DateType
  | TimestampType
  | TimestampNTZType
  | TimeType
  | CalendarIntervalType
  | YearMonthIntervalType
  | DayTimeIntervalType
  | ArrayType
  | StructType
  | MapType
  | VariantType
  | UserDefinedType
  | GeometryType
  | GeographyType
  | UnparsedDataType;

/** A JSON value, as found in Spark's JSON schemas and in struct field metadata. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** The metadata of a struct field: a JSON object (Spark's `Metadata`). */
export type Metadata = { readonly [key: string]: JsonValue };

/**
 * The base class of every data type class. Use the {@link DataType} union in signatures; this
 * class carries the behaviour the types share.
 */
export abstract class DataTypeBase {
  /** The proto oneof case of this type. */
  abstract readonly kind: DataTypeKind;

  /** The name of the type's family, as PySpark's `typeName()` (e.g. `"integer"`, `"decimal"`). */
  abstract typeName(): string;

  /** Spark's readable form, e.g. `int`, `decimal(10,2)`, `array<string>`. */
  simpleString(): string {
    return this.typeName();
  }

  /** The SQL / DDL form, e.g. `INT`, `DECIMAL(10,2)`, `ARRAY<STRING>`. */
  sql(): string {
    return this.simpleString().toUpperCase();
  }

  /** The type in Spark's JSON schema format, as a JSON value (e.g. `"integer"`). */
  jsonValue(): JsonValue {
    return this.typeName();
  }

  /** The type in Spark's JSON schema format, compact (e.g. `"\"integer\""`). */
  json(): string {
    return JSON.stringify(this.jsonValue());
  }

  /** Structural equality: same kind and same parameters (nested types included). */
  equals(other: unknown): boolean {
    return other instanceof DataTypeBase && other.kind === this.kind;
  }

  /** The same as {@link simpleString}. */
  toString(): string {
    return this.simpleString();
  }
}

/** True if `value` is one of this module's data types. */
export function isDataType(value: unknown): value is DataType {
  return value instanceof DataTypeBase;
}

/** The error thrown for a data type that cannot be built, parsed or converted. */
export function invalidDataType(
  message: string,
  parameters: Readonly<Record<string, string>> = {},
): SparkArgumentError {
  return new SparkArgumentError(message, {
    errorClass: "INVALID_DATA_TYPE",
    messageParameters: parameters,
  });
}

/** Throws unless `value` is an integer within [min, max]. */
export function checkInteger(what: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidDataType(`${what} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a data type. */
export function checkDataType(what: string, value: unknown): DataType {
  if (!isDataType(value))
    throw invalidDataType(`${what} must be a data type, got ${String(value)}`);
  return value;
}

const PLAIN_IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Spark's `quoteIfNeeded`: a name as is when it is a plain identifier, else in backticks. */
export function quoteIfNeeded(name: string): string {
  return PLAIN_IDENTIFIER.test(name) ? name : "`" + name.replaceAll("`", "``") + "`";
}

/** A SQL string literal in single quotes, with `\` and `'` escaped by a backslash. */
export function sqlStringLiteral(text: string): string {
  return "'" + text.replaceAll("\\", "\\\\").replaceAll("'", "\\'") + "'";
}

/** A deep, frozen copy of a JSON value; throws on anything JSON cannot hold. */
export function frozenJson(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalidDataType(`${path} is not a finite number`);
    return value;
  }
  if (Array.isArray(value)) {
    return Object.freeze(value.map((v, i) => frozenJson(v, `${path}[${i}]`)));
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = frozenJson(v, `${path}.${k}`);
    return Object.freeze(out);
  }
  throw invalidDataType(`${path} is not a JSON value`);
}

/** Deep equality of JSON values; object key order does not matter. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v: JsonValue, i: number) => jsonEquals(v, b[i] as JsonValue));
  }
  const ao = a as Metadata;
  const bo = b as Metadata;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  return keys.every(
    (k) => Object.hasOwn(bo, k) && jsonEquals(ao[k] as JsonValue, bo[k] as JsonValue),
  );
}
