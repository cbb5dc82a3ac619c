import { type JsonValue as ProtoJson, toJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import { DataTypeSchema } from "../gen/spark/connect/types_pb.js";
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  CalendarIntervalType,
  CharType,
  type DataType,
  DataTypes,
  DateType,
  DayTimeIntervalType,
  DecimalType,
  DoubleType,
  FloatType,
  fromJson,
  fromProtoDataType,
  GeographyType,
  GeometryType,
  IntegerType,
  isDataType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  TimeType,
  toProtoDataType,
  UnparsedDataType,
  UserDefinedType,
  VarcharType,
  VariantType,
  YearMonthIntervalType,
} from "./index.js";

const vectorUdt = new UserDefinedType({
  jvmClass: "org.apache.spark.ml.linalg.VectorUDT",
  pythonClass: "pyspark.ml.linalg.VectorUDT",
  sqlType: new StructType([
    new StructField("type", ByteType.INSTANCE, false),
    new StructField("size", IntegerType.INSTANCE),
    new StructField("values", new ArrayType(DoubleType.INSTANCE, false)),
  ]),
});

interface Row {
  type: DataType;
  typeName: string;
  simpleString: string;
  sql: string;
  json: string;
  proto: ProtoJson;
}

// Every type with its exact forms: Spark's simpleString, SQL, JSON, and the proto as JSON.
const ROWS: [string, Row][] = [
  [
    "null",
    {
      type: NullType.INSTANCE,
      typeName: "void",
      simpleString: "void",
      sql: "VOID",
      json: '"void"',
      proto: { null: {} },
    },
  ],
  [
    "boolean",
    {
      type: BooleanType.INSTANCE,
      typeName: "boolean",
      simpleString: "boolean",
      sql: "BOOLEAN",
      json: '"boolean"',
      proto: { boolean: {} },
    },
  ],
  [
    "byte",
    {
      type: ByteType.INSTANCE,
      typeName: "byte",
      simpleString: "tinyint",
      sql: "TINYINT",
      json: '"byte"',
      proto: { byte: {} },
    },
  ],
  [
    "short",
    {
      type: ShortType.INSTANCE,
      typeName: "short",
      simpleString: "smallint",
      sql: "SMALLINT",
      json: '"short"',
      proto: { short: {} },
    },
  ],
  [
    "integer",
    {
      type: IntegerType.INSTANCE,
      typeName: "integer",
      simpleString: "int",
      sql: "INT",
      json: '"integer"',
      proto: { integer: {} },
    },
  ],
  [
    "long",
    {
      type: LongType.INSTANCE,
      typeName: "long",
      simpleString: "bigint",
      sql: "BIGINT",
      json: '"long"',
      proto: { long: {} },
    },
  ],
  [
    "float",
    {
      type: FloatType.INSTANCE,
      typeName: "float",
      simpleString: "float",
      sql: "FLOAT",
      json: '"float"',
      proto: { float: {} },
    },
  ],
  [
    "double",
    {
      type: DoubleType.INSTANCE,
      typeName: "double",
      simpleString: "double",
      sql: "DOUBLE",
      json: '"double"',
      proto: { double: {} },
    },
  ],
  [
    "decimal (default)",
    {
      type: new DecimalType(),
      typeName: "decimal",
      simpleString: "decimal(10,0)",
      sql: "DECIMAL(10,0)",
      json: '"decimal(10,0)"',
      proto: { decimal: { scale: 0, precision: 10 } },
    },
  ],
  [
    "decimal(38,18)",
    {
      type: new DecimalType(38, 18),
      typeName: "decimal",
      simpleString: "decimal(38,18)",
      sql: "DECIMAL(38,18)",
      json: '"decimal(38,18)"',
      proto: { decimal: { scale: 18, precision: 38 } },
    },
  ],
  [
    "string",
    {
      type: StringType.INSTANCE,
      typeName: "string",
      simpleString: "string",
      sql: "STRING",
      json: '"string"',
      proto: { string: { collation: "UTF8_BINARY" } },
    },
  ],
  [
    "string collate UTF8_LCASE",
    {
      type: new StringType("UTF8_LCASE"),
      typeName: "string",
      simpleString: "string collate UTF8_LCASE",
      sql: "STRING COLLATE UTF8_LCASE",
      json: '"string collate UTF8_LCASE"',
      proto: { string: { collation: "UTF8_LCASE" } },
    },
  ],
  [
    "char",
    {
      type: new CharType(5),
      typeName: "char",
      simpleString: "char(5)",
      sql: "CHAR(5)",
      json: '"char(5)"',
      proto: { char: { length: 5 } },
    },
  ],
  [
    "varchar",
    {
      type: new VarcharType(10),
      typeName: "varchar",
      simpleString: "varchar(10)",
      sql: "VARCHAR(10)",
      json: '"varchar(10)"',
      proto: { varChar: { length: 10 } },
    },
  ],
  [
    "binary",
    {
      type: BinaryType.INSTANCE,
      typeName: "binary",
      simpleString: "binary",
      sql: "BINARY",
      json: '"binary"',
      proto: { binary: {} },
    },
  ],
  [
    "date",
    {
      type: DateType.INSTANCE,
      typeName: "date",
      simpleString: "date",
      sql: "DATE",
      json: '"date"',
      proto: { date: {} },
    },
  ],
  [
    "timestamp",
    {
      type: TimestampType.INSTANCE,
      typeName: "timestamp",
      simpleString: "timestamp",
      sql: "TIMESTAMP",
      json: '"timestamp"',
      proto: { timestamp: {} },
    },
  ],
  [
    "timestamp_ntz",
    {
      type: TimestampNTZType.INSTANCE,
      typeName: "timestamp_ntz",
      simpleString: "timestamp_ntz",
      sql: "TIMESTAMP_NTZ",
      json: '"timestamp_ntz"',
      proto: { timestampNtz: {} },
    },
  ],
  [
    "time (default)",
    {
      type: new TimeType(),
      typeName: "time",
      simpleString: "time(6)",
      sql: "TIME(6)",
      json: '"time(6)"',
      proto: { time: { precision: 6 } },
    },
  ],
  [
    "time(0)",
    {
      type: new TimeType(0),
      typeName: "time",
      simpleString: "time(0)",
      sql: "TIME(0)",
      json: '"time(0)"',
      proto: { time: { precision: 0 } },
    },
  ],
  [
    "year-month interval (default)",
    {
      type: new YearMonthIntervalType(),
      typeName: "yearmonthinterval",
      simpleString: "interval year to month",
      sql: "INTERVAL YEAR TO MONTH",
      json: '"interval year to month"',
      proto: { yearMonthInterval: { startField: 0, endField: 1 } },
    },
  ],
  [
    "interval month",
    {
      type: new YearMonthIntervalType("month"),
      typeName: "yearmonthinterval",
      simpleString: "interval month",
      sql: "INTERVAL MONTH",
      json: '"interval month"',
      proto: { yearMonthInterval: { startField: 1, endField: 1 } },
    },
  ],
  [
    "day-time interval (default)",
    {
      type: new DayTimeIntervalType(),
      typeName: "daytimeinterval",
      simpleString: "interval day to second",
      sql: "INTERVAL DAY TO SECOND",
      json: '"interval day to second"',
      proto: { dayTimeInterval: { startField: 0, endField: 3 } },
    },
  ],
  [
    "interval hour to minute",
    {
      type: new DayTimeIntervalType("hour", "minute"),
      typeName: "daytimeinterval",
      simpleString: "interval hour to minute",
      sql: "INTERVAL HOUR TO MINUTE",
      json: '"interval hour to minute"',
      proto: { dayTimeInterval: { startField: 1, endField: 2 } },
    },
  ],
  [
    "calendar interval",
    {
      type: CalendarIntervalType.INSTANCE,
      typeName: "interval",
      simpleString: "interval",
      sql: "INTERVAL",
      json: '"interval"',
      proto: { calendarInterval: {} },
    },
  ],
  [
    "variant",
    {
      type: VariantType.INSTANCE,
      typeName: "variant",
      simpleString: "variant",
      sql: "VARIANT",
      json: '"variant"',
      proto: { variant: {} },
    },
  ],
  [
    "geometry(4326)",
    {
      type: new GeometryType(4326),
      typeName: "geometry",
      simpleString: "geometry(4326)",
      sql: "GEOMETRY(4326)",
      json: '"geometry(OGC:CRS84)"',
      proto: { geometry: { srid: 4326 } },
    },
  ],
  [
    "geometry(0)",
    {
      type: new GeometryType(0),
      typeName: "geometry",
      simpleString: "geometry(0)",
      sql: "GEOMETRY(0)",
      json: '"geometry(SRID:0)"',
      proto: { geometry: {} },
    },
  ],
  [
    "geometry(any)",
    {
      type: new GeometryType("ANY"),
      typeName: "geometry",
      simpleString: "geometry(any)",
      sql: "GEOMETRY(ANY)",
      json: '"geometry(SRID:ANY)"',
      proto: { geometry: { srid: -1 } },
    },
  ],
  [
    "geography(4326)",
    {
      type: new GeographyType(4326),
      typeName: "geography",
      simpleString: "geography(4326)",
      sql: "GEOGRAPHY(4326)",
      json: '"geography(OGC:CRS84, SPHERICAL)"',
      proto: { geography: { srid: 4326 } },
    },
  ],
  [
    "geography(any)",
    {
      type: new GeographyType("ANY"),
      typeName: "geography",
      simpleString: "geography(any)",
      sql: "GEOGRAPHY(ANY)",
      json: '"geography(SRID:ANY, SPHERICAL)"',
      proto: { geography: { srid: -1 } },
    },
  ],
  [
    "array",
    {
      type: new ArrayType(IntegerType.INSTANCE),
      typeName: "array",
      simpleString: "array<int>",
      sql: "ARRAY<INT>",
      json: '{"type":"array","elementType":"integer","containsNull":true}',
      proto: { array: { elementType: { integer: {} }, containsNull: true } },
    },
  ],
  [
    "array without nulls",
    {
      type: new ArrayType(new DecimalType(5, 2), false),
      typeName: "array",
      simpleString: "array<decimal(5,2)>",
      sql: "ARRAY<DECIMAL(5,2)>",
      json: '{"type":"array","elementType":"decimal(5,2)","containsNull":false}',
      proto: { array: { elementType: { decimal: { scale: 2, precision: 5 } } } },
    },
  ],
  [
    "map",
    {
      type: new MapType(StringType.INSTANCE, LongType.INSTANCE),
      typeName: "map",
      simpleString: "map<string,bigint>",
      sql: "MAP<STRING, BIGINT>",
      json: '{"type":"map","keyType":"string","valueType":"long","valueContainsNull":true}',
      proto: {
        map: {
          keyType: { string: { collation: "UTF8_BINARY" } },
          valueType: { long: {} },
          valueContainsNull: true,
        },
      },
    },
  ],
  [
    "struct",
    {
      type: new StructType([
        new StructField("a", IntegerType.INSTANCE),
        new StructField("b c", StringType.INSTANCE, false, { comment: "it's" }),
      ]),
      typeName: "struct",
      simpleString: "struct<a:int,b c:string>",
      sql: "STRUCT<a: INT, `b c`: STRING NOT NULL COMMENT 'it\\'s'>",
      json:
        '{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}},' +
        '{"name":"b c","type":"string","nullable":false,"metadata":{"comment":"it\'s"}}]}',
      proto: {
        struct: {
          fields: [
            { name: "a", dataType: { integer: {} }, nullable: true },
            {
              name: "b c",
              dataType: { string: { collation: "UTF8_BINARY" } },
              metadata: '{"comment":"it\'s"}',
            },
          ],
        },
      },
    },
  ],
  [
    "empty struct",
    {
      type: new StructType(),
      typeName: "struct",
      simpleString: "struct<>",
      sql: "STRUCT<>",
      json: '{"type":"struct","fields":[]}',
      proto: { struct: {} },
    },
  ],
  [
    "udt",
    {
      type: vectorUdt,
      typeName: "udt",
      simpleString: "vector",
      sql: "STRUCT<type: TINYINT NOT NULL, size: INT, values: ARRAY<DOUBLE>>",
      json:
        '{"type":"udt","class":"org.apache.spark.ml.linalg.VectorUDT","pyClass":"pyspark.ml.linalg.VectorUDT",' +
        '"sqlType":{"type":"struct","fields":[' +
        '{"name":"type","type":"byte","nullable":false,"metadata":{}},' +
        '{"name":"size","type":"integer","nullable":true,"metadata":{}},' +
        '{"name":"values","type":{"type":"array","elementType":"double","containsNull":false},"nullable":true,"metadata":{}}]}}',
      proto: {
        udt: {
          type: "udt",
          jvmClass: "org.apache.spark.ml.linalg.VectorUDT",
          pythonClass: "pyspark.ml.linalg.VectorUDT",
          sqlType: {
            struct: {
              fields: [
                { name: "type", dataType: { byte: {} } },
                { name: "size", dataType: { integer: {} }, nullable: true },
                {
                  name: "values",
                  dataType: { array: { elementType: { double: {} } } },
                  nullable: true,
                },
              ],
            },
          },
        },
      },
    },
  ],
];

describe("every data type", () => {
  test.each(ROWS)("%s: typeName, simpleString, sql, json", (_, row) => {
    const { type } = row;
    expect({
      typeName: type.typeName(),
      simpleString: type.simpleString(),
      sql: type.sql(),
      json: type.json(),
      toString: String(type),
    }).toEqual({
      typeName: row.typeName,
      simpleString: row.simpleString,
      sql: row.sql,
      json: row.json,
      toString: row.simpleString,
    });
  });

  test.each(ROWS)("%s: proto, and its kind is the oneof case", (_, row) => {
    const proto = toProtoDataType(row.type);
    expect(toJson(DataTypeSchema, proto)).toEqual(row.proto);
    expect(proto.kind.case).toBe(row.type.kind);
  });

  test.each(ROWS)("%s: round trips through proto and JSON", (_, row) => {
    const viaProto = fromProtoDataType(toProtoDataType(row.type));
    expect(viaProto.equals(row.type)).toBe(true);
    expect(viaProto.sql()).toBe(row.sql);
    const viaJson = fromJson(row.type.json());
    expect(viaJson.equals(row.type)).toBe(true);
    expect(viaJson.json()).toBe(row.json);
  });

  test("each kind appears once in the table", () => {
    const kinds = new Set(ROWS.map(([, r]) => r.type.kind));
    expect([...kinds].sort()).toEqual(
      [
        "array",
        "binary",
        "boolean",
        "byte",
        "calendarInterval",
        "char",
        "date",
        "dayTimeInterval",
        "decimal",
        "double",
        "float",
        "geography",
        "geometry",
        "integer",
        "long",
        "map",
        "null",
        "short",
        "string",
        "struct",
        "time",
        "timestamp",
        "timestampNtz",
        "udt",
        "varChar",
        "variant",
        "yearMonthInterval",
      ].sort(),
    );
  });
});

describe("UnparsedDataType", () => {
  const t = new UnparsedDataType("a INT, b  string");
  test("keeps the string for the server", () => {
    expect([t.kind, t.typeName(), t.simpleString(), t.sql()]).toEqual([
      "unparsed",
      "unparsed",
      "a INT, b  string",
      "a INT, b  string",
    ]);
    expect(toJson(DataTypeSchema, toProtoDataType(t))).toEqual({
      unparsed: { dataTypeString: "a INT, b  string" },
    });
    expect(fromProtoDataType(toProtoDataType(t)).equals(t)).toBe(true);
    expect(t.equals(new UnparsedDataType("a INT, b string"))).toBe(false);
  });

  test("has no JSON form", () => {
    expect(() => t.json()).toThrow(
      '[INVALID_DATA_TYPE] the unparsed data type "a INT, b  string" has no JSON form until the server resolves it',
    );
  });
});

describe("singletons and immutability", () => {
  test("parameterless types are singletons everywhere", () => {
    expect(fromProtoDataType(toProtoDataType(IntegerType.INSTANCE))).toBe(IntegerType.INSTANCE);
    expect(fromJson('"string"')).toBe(StringType.INSTANCE);
    expect(DataTypes.integer()).toBe(IntegerType.INSTANCE);
    expect(DataTypes.string()).toBe(StringType.INSTANCE);
  });

  test("instances are frozen", () => {
    const d = new DecimalType(10, 2);
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(IntegerType.INSTANCE)).toBe(true);
    expect(() => {
      (d as { precision: number }).precision = 5;
    }).toThrow(TypeError);
    const s = new StructType([new StructField("a", IntegerType.INSTANCE, true, { k: [1, 2] })]);
    expect(Object.isFrozen(s.fields)).toBe(true);
    expect(Object.isFrozen(s.fields[0]?.metadata.k)).toBe(true);
  });

  test("isDataType", () => {
    expect(isDataType(LongType.INSTANCE)).toBe(true);
    expect(isDataType(new StructType())).toBe(true);
    expect(isDataType(new StructField("a", LongType.INSTANCE))).toBe(false);
    expect(isDataType("int")).toBe(false);
  });
});

describe("equals", () => {
  test("compares parameters, nested types and metadata", () => {
    expect(new DecimalType(10, 2).equals(new DecimalType(10, 2))).toBe(true);
    expect(new DecimalType(10, 2).equals(new DecimalType(10, 3))).toBe(false);
    expect(new DecimalType(10, 2).equals(DoubleType.INSTANCE)).toBe(false);
    expect(new StringType("utf8_lcase").equals(new StringType("UTF8_LCASE"))).toBe(true);
    expect(new StringType("UTF8_LCASE").equals(StringType.INSTANCE)).toBe(false);
    expect(new StringType("UTF8_BINARY").equals(StringType.INSTANCE)).toBe(true);
    expect(new CharType(3).equals(new VarcharType(3))).toBe(false);
    expect(
      new ArrayType(IntegerType.INSTANCE).equals(new ArrayType(IntegerType.INSTANCE, false)),
    ).toBe(false);
    expect(
      new MapType(StringType.INSTANCE, IntegerType.INSTANCE).equals(
        new MapType(StringType.INSTANCE, LongType.INSTANCE),
      ),
    ).toBe(false);
    expect(new DayTimeIntervalType("day").equals(new DayTimeIntervalType("day", "day"))).toBe(true);
    expect(new GeometryType("ANY").equals(new GeometryType(-1))).toBe(true);
    expect(new GeometryType(4326).equals(new GeographyType(4326))).toBe(false);
    const a = new StructField("a", IntegerType.INSTANCE, true, { x: 1, y: { z: [true] } });
    const b = new StructField("a", IntegerType.INSTANCE, true, { y: { z: [true] }, x: 1 });
    expect(new StructType([a]).equals(new StructType([b]))).toBe(true);
    expect(
      a.equals(new StructField("a", IntegerType.INSTANCE, true, { x: 2, y: { z: [true] } })),
    ).toBe(false);
    expect(a.equals(new StructField("a", IntegerType.INSTANCE, false, a.metadata))).toBe(false);
    expect(new StructType([a]).equals(new StructType([a, a]))).toBe(false);
    expect(
      vectorUdt.equals(new UserDefinedType({ jvmClass: "org.apache.spark.ml.linalg.VectorUDT" })),
    ).toBe(false);
  });
});

describe("constructor arguments", () => {
  test.each([
    [
      "decimal precision 0",
      () => new DecimalType(0),
      "decimal precision must be an integer from 1 to 38, got 0",
    ],
    [
      "decimal precision 39",
      () => new DecimalType(39),
      "decimal precision must be an integer from 1 to 38, got 39",
    ],
    [
      "decimal scale above precision",
      () => new DecimalType(5, 6),
      "decimal scale must be an integer from -38 to 5, got 6",
    ],
    [
      "fractional precision",
      () => new DecimalType(10.5),
      "decimal precision must be an integer from 1 to 38, got 10.5",
    ],
    [
      "time precision 7",
      () => new TimeType(7),
      "time precision must be an integer from 0 to 6, got 7",
    ],
    [
      "negative char length",
      () => new CharType(-1),
      "char length must be an integer from 0 to 2147483647, got -1",
    ],
    ["bad collation", () => new StringType("a b"), 'invalid collation name "a b"'],
    [
      "reversed interval",
      () => new DayTimeIntervalType("second", "day"),
      "invalid day-time interval fields second to day: each must be one of day, hour, minute, second, the start no smaller than the end",
    ],
    [
      "unknown interval field",
      () => new YearMonthIntervalType("day" as "year"),
      "invalid year-month interval fields day to day: each must be one of year, month, the start no smaller than the end",
    ],
    [
      "negative SRID",
      () => new GeometryType(-2),
      'geometry SRID must be a non-negative integer or "ANY", got -2',
    ],
    [
      "fractional SRID",
      () => new GeographyType(1.5),
      'geography SRID must be a non-negative integer or "ANY", got 1.5',
    ],
    [
      "UDT without class",
      () => new UserDefinedType({}),
      "a user-defined type needs a jvmClass or a pythonClass",
    ],
    [
      "array of a non-type",
      () => new ArrayType("int" as unknown as DataType),
      "array element type must be a data type, got int",
    ],
    [
      "field with a non-string name",
      () => new StructField(1 as unknown as string, IntegerType.INSTANCE),
      "a field name must be a string, got 1",
    ],
    [
      "field with array metadata",
      () =>
        new StructField("a", IntegerType.INSTANCE, true, [] as unknown as Record<string, never>),
      'the metadata of field "a" must be a JSON object',
    ],
    [
      "struct of non-fields",
      () => new StructType([IntegerType.INSTANCE as unknown as StructField]),
      "struct field 0 is not a StructField: int",
    ],
  ])("%s", (_, make, message) => {
    let error: unknown;
    try {
      make();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparkArgumentError);
    expect(error).toMatchObject({
      name: "SparkArgumentError",
      errorClass: "INVALID_DATA_TYPE",
      message: `[INVALID_DATA_TYPE] ${message}`,
    });
  });
});

describe("DataTypes factories", () => {
  test("build the same types as the classes", () => {
    const T = DataTypes;
    const schema = T.struct([
      T.field("n", T.nullType()),
      T.field("b", T.boolean()),
      T.field("i8", T.byte()),
      T.field("i16", T.short()),
      T.field("i32", T.integer()),
      T.field("i64", T.long(), false),
      T.field("f", T.float()),
      T.field("d", T.double()),
      T.field("dec", T.decimal(12, 3)),
      T.field("s", T.string("UNICODE_CI")),
      T.field("c", T.char(2)),
      T.field("v", T.varchar(3)),
      T.field("bin", T.binary()),
      T.field("dt", T.date()),
      T.field("ts", T.timestamp()),
      T.field("ntz", T.timestampNtz()),
      T.field("t", T.time(3)),
      T.field("ym", T.yearMonthInterval("year")),
      T.field("dti", T.dayTimeInterval("minute", "second")),
      T.field("ci", T.calendarInterval()),
      T.field("var", T.variant()),
      T.field("geo", T.geometry(3857)),
      T.field("geog", T.geography("ANY")),
      T.field("arr", T.array(T.integer(), false)),
      T.field("m", T.map(T.string(), T.double(), false), true, { comment: "m" }),
    ]);
    expect(schema.toDDL()).toBe(
      "n VOID, b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INT, i64 BIGINT NOT NULL, f FLOAT, " +
        "d DOUBLE, dec DECIMAL(12,3), s STRING COLLATE UNICODE_CI, c CHAR(2), v VARCHAR(3), " +
        "bin BINARY, dt DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, t TIME(3), ym INTERVAL YEAR, " +
        "dti INTERVAL MINUTE TO SECOND, ci INTERVAL, var VARIANT, geo GEOMETRY(3857), " +
        "geog GEOGRAPHY(ANY), arr ARRAY<INT>, m MAP<STRING, DOUBLE> COMMENT 'm'",
    );
    expect(
      schema.equals(
        new StructType([
          new StructField("n", NullType.INSTANCE),
          new StructField("b", BooleanType.INSTANCE),
          new StructField("i8", ByteType.INSTANCE),
          new StructField("i16", ShortType.INSTANCE),
          new StructField("i32", IntegerType.INSTANCE),
          new StructField("i64", LongType.INSTANCE, false),
          new StructField("f", FloatType.INSTANCE),
          new StructField("d", DoubleType.INSTANCE),
          new StructField("dec", new DecimalType(12, 3)),
          new StructField("s", new StringType("UNICODE_CI")),
          new StructField("c", new CharType(2)),
          new StructField("v", new VarcharType(3)),
          new StructField("bin", BinaryType.INSTANCE),
          new StructField("dt", DateType.INSTANCE),
          new StructField("ts", TimestampType.INSTANCE),
          new StructField("ntz", TimestampNTZType.INSTANCE),
          new StructField("t", new TimeType(3)),
          new StructField("ym", new YearMonthIntervalType("year", "year")),
          new StructField("dti", new DayTimeIntervalType("minute", "second")),
          new StructField("ci", CalendarIntervalType.INSTANCE),
          new StructField("var", VariantType.INSTANCE),
          new StructField("geo", new GeometryType(3857)),
          new StructField("geog", new GeographyType(-1)),
          new StructField("arr", new ArrayType(IntegerType.INSTANCE, false)),
          new StructField("m", new MapType(StringType.INSTANCE, DoubleType.INSTANCE, false), true, {
            comment: "m",
          }),
        ]),
      ),
    ).toBe(true);
  });
});
