import { create } from "@bufbuild/protobuf";
import {
  DataType_StructFieldSchema,
  DataTypeSchema,
  type DataType as ProtoDataType,
} from "../gen/spark/connect/types_pb.js";
import { ArrayType } from "./array-type.js";
import {
  BinaryType,
  BooleanType,
  ByteType,
  CharType,
  DateType,
  DEFAULT_COLLATION,
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
import { type DataType, invalidDataType, type Metadata } from "./data-type.js";
import {
  CalendarIntervalType,
  DAY_TIME_INTERVAL_FIELDS,
  DayTimeIntervalType,
  YEAR_MONTH_INTERVAL_FIELDS,
  YearMonthIntervalType,
} from "./interval-types.js";
import { MapType } from "./map-type.js";
import { GeographyType, GeometryType } from "./spatial-types.js";
import { StructField, StructType } from "./struct-type.js";
import { UnparsedDataType } from "./unparsed-data-type.js";
import { UserDefinedType } from "./user-defined-type.js";

/**
 * The Spark Connect `DataType` message for a data type: a fresh message on every call.
 *
 * As Spark's own clients do, decimals always carry precision and scale, intervals both fields,
 * `TIME` its precision, strings their collation (`UTF8_BINARY` by default), and struct fields
 * their metadata as JSON text only when it is not empty.
 *
 * @example toJson(DataTypeSchema, toProtoDataType(new DecimalType(10, 2)))
 * // { decimal: { scale: 2, precision: 10 } }
 */
export function toProtoDataType(t: DataType): ProtoDataType {
  switch (t.kind) {
    case "null":
    case "binary":
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "date":
    case "timestamp":
    case "timestampNtz":
    case "calendarInterval":
    case "variant":
      return create(DataTypeSchema, { kind: { case: t.kind, value: {} } });
    case "decimal":
      return create(DataTypeSchema, {
        kind: { case: "decimal", value: { precision: t.precision, scale: t.scale } },
      });
    case "string":
      return create(DataTypeSchema, {
        kind: { case: "string", value: { collation: t.collation } },
      });
    case "char":
      return create(DataTypeSchema, { kind: { case: "char", value: { length: t.length } } });
    case "varChar":
      return create(DataTypeSchema, { kind: { case: "varChar", value: { length: t.length } } });
    case "time":
      return create(DataTypeSchema, { kind: { case: "time", value: { precision: t.precision } } });
    case "yearMonthInterval":
      return create(DataTypeSchema, {
        kind: {
          case: "yearMonthInterval",
          value: {
            startField: YEAR_MONTH_INTERVAL_FIELDS.indexOf(t.startField),
            endField: YEAR_MONTH_INTERVAL_FIELDS.indexOf(t.endField),
          },
        },
      });
    case "dayTimeInterval":
      return create(DataTypeSchema, {
        kind: {
          case: "dayTimeInterval",
          value: {
            startField: DAY_TIME_INTERVAL_FIELDS.indexOf(t.startField),
            endField: DAY_TIME_INTERVAL_FIELDS.indexOf(t.endField),
          },
        },
      });
    case "array":
      return create(DataTypeSchema, {
        kind: {
          case: "array",
          value: { elementType: toProtoDataType(t.elementType), containsNull: t.containsNull },
        },
      });
    case "map":
      return create(DataTypeSchema, {
        kind: {
          case: "map",
          value: {
            keyType: toProtoDataType(t.keyType),
            valueType: toProtoDataType(t.valueType),
            valueContainsNull: t.valueContainsNull,
          },
        },
      });
    case "struct":
      return create(DataTypeSchema, {
        kind: {
          case: "struct",
          value: {
            fields: t.fields.map((f) =>
              create(DataType_StructFieldSchema, {
                name: f.name,
                dataType: toProtoDataType(f.dataType),
                nullable: f.nullable,
                metadata:
                  Object.keys(f.metadata).length > 0 ? JSON.stringify(f.metadata) : undefined,
              }),
            ),
          },
        },
      });
    case "geometry":
      return create(DataTypeSchema, { kind: { case: "geometry", value: { srid: t.srid } } });
    case "geography":
      return create(DataTypeSchema, { kind: { case: "geography", value: { srid: t.srid } } });
    case "udt":
      return create(DataTypeSchema, {
        kind: {
          case: "udt",
          value: {
            type: "udt",
            jvmClass: t.jvmClass,
            pythonClass: t.pythonClass,
            serializedPythonClass: t.serializedPythonClass,
            sqlType: t.sqlType === undefined ? undefined : toProtoDataType(t.sqlType),
          },
        },
      });
    case "unparsed":
      return create(DataTypeSchema, {
        kind: { case: "unparsed", value: { dataTypeString: t.dataTypeString } },
      });
  }
}

function required(message: ProtoDataType | undefined, what: string): DataType {
  if (message === undefined) throw invalidDataType(`the proto DataType has no ${what}`);
  return fromProtoDataType(message);
}

function intervalField<F extends string>(
  all: readonly F[],
  value: number | undefined,
  what: string,
): F | undefined {
  if (value === undefined) return undefined;
  const field = all[value];
  if (field === undefined) {
    throw invalidDataType(`the proto DataType has an unknown ${what} interval field ${value}`);
  }
  return field;
}

function parseMetadata(text: string | undefined, name: string): Metadata {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidDataType(`the metadata of field ${JSON.stringify(name)} is not valid JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidDataType(`the metadata of field ${JSON.stringify(name)} is not a JSON object`);
  }
  return value as Metadata;
}

/**
 * The data type a Spark Connect `DataType` message describes (e.g. an `AnalyzePlan` schema).
 * Unset optional fields take Spark's defaults (`decimal(10,0)`, `time(6)`, `interval day to
 * second`; an interval with only a start field covers that field alone), an empty collation is
 * `UTF8_BINARY`, and `unparsed` becomes an {@link UnparsedDataType} that keeps the string.
 *
 * @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a message with no kind, a missing nested
 * type, an unknown interval field or metadata that is not a JSON object.
 */
export function fromProtoDataType(message: ProtoDataType): DataType {
  const kind = message.kind;
  switch (kind.case) {
    case "null":
      return NullType.INSTANCE;
    case "binary":
      return BinaryType.INSTANCE;
    case "boolean":
      return BooleanType.INSTANCE;
    case "byte":
      return ByteType.INSTANCE;
    case "short":
      return ShortType.INSTANCE;
    case "integer":
      return IntegerType.INSTANCE;
    case "long":
      return LongType.INSTANCE;
    case "float":
      return FloatType.INSTANCE;
    case "double":
      return DoubleType.INSTANCE;
    case "date":
      return DateType.INSTANCE;
    case "timestamp":
      return TimestampType.INSTANCE;
    case "timestampNtz":
      return TimestampNTZType.INSTANCE;
    case "calendarInterval":
      return CalendarIntervalType.INSTANCE;
    case "variant":
      return VariantType.INSTANCE;
    case "decimal":
      return new DecimalType(kind.value.precision ?? 10, kind.value.scale ?? 0);
    case "string":
      return kind.value.collation === "" || kind.value.collation === DEFAULT_COLLATION
        ? StringType.INSTANCE
        : new StringType(kind.value.collation);
    case "char":
      return new CharType(kind.value.length);
    case "varChar":
      return new VarcharType(kind.value.length);
    case "time":
      return new TimeType(kind.value.precision ?? 6);
    case "yearMonthInterval":
      return new YearMonthIntervalType(
        intervalField(YEAR_MONTH_INTERVAL_FIELDS, kind.value.startField, "year-month"),
        intervalField(YEAR_MONTH_INTERVAL_FIELDS, kind.value.endField, "year-month"),
      );
    case "dayTimeInterval":
      return new DayTimeIntervalType(
        intervalField(DAY_TIME_INTERVAL_FIELDS, kind.value.startField, "day-time"),
        intervalField(DAY_TIME_INTERVAL_FIELDS, kind.value.endField, "day-time"),
      );
    case "array":
      return new ArrayType(
        required(kind.value.elementType, "array element type"),
        kind.value.containsNull,
      );
    case "map":
      return new MapType(
        required(kind.value.keyType, "map key type"),
        required(kind.value.valueType, "map value type"),
        kind.value.valueContainsNull,
      );
    case "struct":
      return new StructType(
        kind.value.fields.map(
          (f) =>
            new StructField(
              f.name,
              required(f.dataType, `type for struct field ${JSON.stringify(f.name)}`),
              f.nullable,
              parseMetadata(f.metadata, f.name),
            ),
        ),
      );
    case "geometry":
      return new GeometryType(kind.value.srid);
    case "geography":
      return new GeographyType(kind.value.srid);
    case "udt": {
      if (kind.value.type !== "udt") {
        throw invalidDataType(
          `a proto UDT must have type "udt", got ${JSON.stringify(kind.value.type)}`,
        );
      }
      return new UserDefinedType({
        jvmClass: kind.value.jvmClass,
        pythonClass: kind.value.pythonClass,
        serializedPythonClass: kind.value.serializedPythonClass,
        sqlType:
          kind.value.sqlType === undefined ? undefined : fromProtoDataType(kind.value.sqlType),
      });
    }
    case "unparsed":
      return new UnparsedDataType(kind.value.dataTypeString);
    case "timestampNtzNanos":
    case "timestampLtzNanos":
      // Spark 4.3's nanosecond timestamps (behind spark.sql.timestampNanosTypes.enabled).
      throw invalidDataType(
        `this client does not support Spark 4.3's nanosecond timestamp types yet (${kind.case}, precision ${kind.value.precision ?? 9})`,
      );
    case undefined:
      throw invalidDataType(
        "the proto DataType has no kind set, or one this client does not know (a newer Spark?)",
      );
  }
}
