/**
 * Short factories for every data type, meant to be imported as a namespace:
 * `DataTypes.integer()`, `DataTypes.decimal(10, 2)`, `DataTypes.array(DataTypes.string())`.
 * Parameterless types return their singleton.
 *
 * @module
 */
import { ArrayType } from "./array-type.js";
import {
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
import type { DataType, Metadata } from "./data-type.js";
import {
  CalendarIntervalType,
  type DayTimeIntervalField,
  DayTimeIntervalType,
  type YearMonthIntervalField,
  YearMonthIntervalType,
} from "./interval-types.js";
import { MapType } from "./map-type.js";
import { GeographyType, GeometryType, type Srid } from "./spatial-types.js";
import { StructField, StructType } from "./struct-type.js";

/** `VOID`: the type of untyped nulls. */
export function nullType(): NullType {
  return NullType.INSTANCE;
}
/** `BOOLEAN`. */
export function boolean(): BooleanType {
  return BooleanType.INSTANCE;
}
/** `TINYINT`. */
export function byte(): ByteType {
  return ByteType.INSTANCE;
}
/** `SMALLINT`. */
export function short(): ShortType {
  return ShortType.INSTANCE;
}
/** `INT`. */
export function integer(): IntegerType {
  return IntegerType.INSTANCE;
}
/** `BIGINT`. */
export function long(): LongType {
  return LongType.INSTANCE;
}
/** `FLOAT`. */
export function float(): FloatType {
  return FloatType.INSTANCE;
}
/** `DOUBLE`. */
export function double(): DoubleType {
  return DoubleType.INSTANCE;
}
/** `DECIMAL(precision, scale)`, `decimal(10,0)` by default. */
export function decimal(precision = 10, scale = 0): DecimalType {
  return new DecimalType(precision, scale);
}
/** `STRING`, or `STRING COLLATE collation`. */
export function string(collation?: string): StringType {
  return collation === undefined ? StringType.INSTANCE : new StringType(collation);
}
/** `CHAR(length)`. */
export function char(length: number): CharType {
  return new CharType(length);
}
/** `VARCHAR(length)`. */
export function varchar(length: number): VarcharType {
  return new VarcharType(length);
}
/** `BINARY`. */
export function binary(): BinaryType {
  return BinaryType.INSTANCE;
}
/** `DATE`. */
export function date(): DateType {
  return DateType.INSTANCE;
}
/** `TIMESTAMP` (with the session time zone). */
export function timestamp(): TimestampType {
  return TimestampType.INSTANCE;
}
/** `TIMESTAMP_NTZ` (no time zone). */
export function timestampNtz(): TimestampNTZType {
  return TimestampNTZType.INSTANCE;
}
/** `TIME(precision)`, `time(6)` by default (Spark 4.1). */
export function time(precision = 6): TimeType {
  return new TimeType(precision);
}
/** `INTERVAL YEAR TO MONTH` or a sub-range. */
export function yearMonthInterval(
  startField?: YearMonthIntervalField,
  endField?: YearMonthIntervalField,
): YearMonthIntervalType {
  return new YearMonthIntervalType(startField, endField);
}
/** `INTERVAL DAY TO SECOND` or a sub-range. */
export function dayTimeInterval(
  startField?: DayTimeIntervalField,
  endField?: DayTimeIntervalField,
): DayTimeIntervalType {
  return new DayTimeIntervalType(startField, endField);
}
/** `INTERVAL`: the legacy calendar interval. */
export function calendarInterval(): CalendarIntervalType {
  return CalendarIntervalType.INSTANCE;
}
/** `VARIANT` (Spark 4.0). */
export function variant(): VariantType {
  return VariantType.INSTANCE;
}
/** `GEOMETRY(srid)` or `GEOMETRY(ANY)` (Spark 4.1). */
export function geometry(srid: Srid): GeometryType {
  return new GeometryType(srid);
}
/** `GEOGRAPHY(srid)` or `GEOGRAPHY(ANY)` (Spark 4.1). */
export function geography(srid: Srid): GeographyType {
  return new GeographyType(srid);
}
/** `ARRAY<elementType>`. */
export function array(elementType: DataType, containsNull = true): ArrayType {
  return new ArrayType(elementType, containsNull);
}
/** `MAP<keyType, valueType>`. */
export function map(keyType: DataType, valueType: DataType, valueContainsNull = true): MapType {
  return new MapType(keyType, valueType, valueContainsNull);
}
/** `STRUCT<…>` of the given fields. */
export function struct(fields: Iterable<StructField> = []): StructType {
  return new StructType(fields);
}
/** A struct field. */
export function field(
  name: string,
  dataType: DataType,
  nullable = true,
  metadata: Metadata = {},
): StructField {
  return new StructField(name, dataType, nullable, metadata);
}
