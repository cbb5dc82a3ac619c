/**
 * Spark data types: immutable classes for every type, with Spark's simple-string, SQL/DDL and
 * JSON forms, conversion to and from the Spark Connect `DataType` message, and client-side
 * parsers for DDL strings and JSON schemas.
 *
 * Parameterless types are singletons (`IntegerType.INSTANCE`); parameterized ones are built with
 * `new` (`new DecimalType(10, 2)`). `DataTypes` offers short factories for all of them.
 *
 * @example
 * import { DataTypes as T, parseSchema } from "@spark-connect/core";
 * const schema = T.struct([T.field("id", T.long(), false), T.field("tags", T.array(T.string()))]);
 * schema.toDDL();                     // "id BIGINT NOT NULL, tags ARRAY<STRING>"
 * parseSchema(schema.toDDL()).equals(schema); // true
 *
 * @module
 */

/** `ARRAY<elementType>`. */
export { ArrayType } from "./array-type.js";
export {
  /** `BINARY`. */
  BinaryType,
  /** `BOOLEAN`. */
  BooleanType,
  /** `TINYINT` (JSON `byte`). */
  ByteType,
  /** `CHAR(n)`. */
  CharType,
  /** `DATE`. */
  DateType,
  /** The largest decimal precision, 38. */
  DECIMAL_MAX_PRECISION,
  /** `UTF8_BINARY`, the default string collation. */
  DEFAULT_COLLATION,
  /** `DECIMAL(p,s)`. */
  DecimalType,
  /** `DOUBLE`. */
  DoubleType,
  /** `FLOAT`. */
  FloatType,
  /** `INT` (JSON `integer`). */
  IntegerType,
  /** `BIGINT` (JSON `long`). */
  LongType,
  /** `VOID`, the type of untyped nulls. */
  NullType,
  /** `SMALLINT` (JSON `short`). */
  ShortType,
  /** `STRING [COLLATE c]`. */
  StringType,
  /** `TIMESTAMP_NTZ`. */
  TimestampNTZType,
  /** `TIMESTAMP` (local time zone). */
  TimestampType,
  /** `TIME(p)` (Spark 4.1). */
  TimeType,
  /** `VARCHAR(n)`. */
  VarcharType,
  /** `VARIANT` (Spark 4.0). */
  VariantType,
} from "./atomic-types.js";
export {
  /** Any data type: the closed union of the type classes, discriminated by `kind`. */
  type DataType,
  /** The base class of every type class (shared methods). */
  DataTypeBase,
  /** The `kind` of a data type: its proto oneof case name. */
  type DataTypeKind,
  /** True for an instance of one of the type classes. */
  isDataType,
  /** A JSON value. */
  type JsonValue,
  /** Struct field metadata: a JSON object. */
  type Metadata,
} from "./data-type.js";
/** Short factories: `DataTypes.integer()`, `DataTypes.decimal(10, 2)`, `DataTypes.array(…)`… */
export * as DataTypes from "./data-types.js";
/** Client-side DDL parsing: `parseDataType("array<int>")`, `parseSchema("a INT, b STRING")`. */
export { parseDataType, parseSchema } from "./ddl-parser.js";
export {
  /** `INTERVAL` (legacy calendar interval). */
  CalendarIntervalType,
  /** The day-time interval fields, in proto order (index = proto field number). */
  DAY_TIME_INTERVAL_FIELDS,
  /** `"day" | "hour" | "minute" | "second"`. */
  type DayTimeIntervalField,
  /** `INTERVAL DAY TO SECOND` and its sub-ranges. */
  DayTimeIntervalType,
  /** The year-month interval fields, in proto order (index = proto field number). */
  YEAR_MONTH_INTERVAL_FIELDS,
  /** `"year" | "month"`. */
  type YearMonthIntervalField,
  /** `INTERVAL YEAR TO MONTH` and its sub-ranges. */
  YearMonthIntervalType,
} from "./interval-types.js";
/** Spark's JSON schema format: `fromJson(text)`, `fromJsonValue(value)`, `parseJsonSchema(text)`. */
export { fromJson, fromJsonValue, parseJsonSchema } from "./json-schema.js";
/** `MAP<keyType, valueType>`. */
export { MapType } from "./map-type.js";
/** Conversion to and from the Spark Connect `DataType` message. */
export { fromProtoDataType, toProtoDataType } from "./proto-data-type.js";
export {
  /** `GEOGRAPHY(srid | ANY)` (Spark 4.1). */
  GeographyType,
  /** `GEOMETRY(srid | ANY)` (Spark 4.1). */
  GeometryType,
  /** The SRID of `GEOMETRY(ANY)` / `GEOGRAPHY(ANY)`: -1. */
  MIXED_SRID,
  /** A spatial reference id, or `"ANY"`. */
  type Srid,
} from "./spatial-types.js";
export {
  /** The metadata key of a field comment, `comment`. */
  COMMENT_METADATA_KEY,
  /** A field of a struct. */
  StructField,
  /** `STRUCT<…>`, and the type of a schema. */
  StructType,
} from "./struct-type.js";
/** A type the server resolves from its string (the proto's `unparsed`). */
export { UnparsedDataType } from "./unparsed-data-type.js";
/** A user-defined type as the server describes it (read-only). */
export { UserDefinedType, type UserDefinedTypeOptions } from "./user-defined-type.js";
