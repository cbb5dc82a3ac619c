import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import {
  ArrayType,
  fromJson,
  fromJsonValue,
  GeographyType,
  GeometryType,
  IntegerType,
  NullType,
  parseJsonSchema,
  StringType,
  StructField,
  StructType,
  DataTypes as T,
  TimestampType,
} from "./index.js";

describe("fromJson", () => {
  test("reads Spark's schema JSON", () => {
    const json =
      '{"type":"struct","fields":[' +
      '{"name":"id","type":"long","nullable":false,"metadata":{}},' +
      '{"name":"tags","type":{"type":"array","elementType":"string","containsNull":true},"nullable":true,"metadata":{"comment":"t"}},' +
      '{"name":"m","type":{"type":"map","keyType":"string","valueType":"decimal(10,2)","valueContainsNull":false},"nullable":true,"metadata":{}}]}';
    const t = parseJsonSchema(json);
    expect(t.toDDL()).toBe(
      "id BIGINT NOT NULL, tags ARRAY<STRING> COMMENT 't', m MAP<STRING, DECIMAL(10,2)>",
    );
    expect(t.json()).toBe(json);
  });

  test("reads PySpark's sorted-key JSON", () => {
    const t = fromJson(
      '{"fields":[{"metadata":{},"name":"a","nullable":true,"type":{"containsNull":false,"elementType":"integer","type":"array"}}],"type":"struct"}',
    );
    expect(
      t.equals(new StructType([new StructField("a", new ArrayType(IntegerType.INSTANCE, false))])),
    ).toBe(true);
  });

  test("fields may omit nullable and metadata", () => {
    const t = parseJsonSchema('{"type":"struct","fields":[{"name":"a","type":"integer"}]}');
    expect(t.fields[0]).toMatchObject({ name: "a", nullable: true, metadata: {} });
  });

  test.each([
    ['"void"', "void"],
    ['"null"', "void"],
    ['"timestamp_ltz"', "timestamp"],
    ['"timestamp"', "timestamp"],
    ['"decimal"', "decimal(10,0)"],
    ['"decimal( 12 , 4 )"', "decimal(12,4)"],
    ['"char( 3 )"', "char(3)"],
    ['"varchar(7)"', "varchar(7)"],
    ['"time(2)"', "time(2)"],
    ['"string collate UNICODE_CI"', "string collate UNICODE_CI"],
    ['"interval year"', "interval year"],
    ['"interval year to month"', "interval year to month"],
    ['"interval minute to second"', "interval minute to second"],
    ['"interval"', "interval"],
    ['"variant"', "variant"],
    ['"geometry"', "geometry(4326)"],
    ['"geometry(OGC:CRS84)"', "geometry(4326)"],
    ['"geometry(EPSG:3857)"', "geometry(3857)"],
    ['"geometry(SRID:0)"', "geometry(0)"],
    ['"geometry(srid:any)"', "geometry(any)"],
    ['"geography"', "geography(4326)"],
    ['"geography(OGC:CRS84)"', "geography(4326)"],
    ['"geography(SRID:ANY, SPHERICAL)"', "geography(any)"],
    ['"geography(spherical)"', "geography(4326)"],
  ])("type name %s", (json, simpleString) => {
    expect(fromJson(json).simpleString()).toBe(simpleString);
  });

  test("singletons and spatial types", () => {
    expect(fromJson('"null"')).toBe(NullType.INSTANCE);
    expect(fromJson('"timestamp_ltz"')).toBe(TimestampType.INSTANCE);
    expect(fromJson('"geography(OGC:CRS84, SPHERICAL)"').equals(new GeographyType(4326))).toBe(
      true,
    );
    expect(fromJson('"geometry(EPSG:32633)"').equals(new GeometryType(32633))).toBe(true);
    expect(new GeometryType(32633).json()).toBe('"geometry(EPSG:32633)"');
  });

  test("UDTs, Scala and Python", () => {
    const scala = fromJson(
      '{"type":"udt","class":"org.apache.spark.ml.linalg.MatrixUDT","pyClass":"pyspark.ml.linalg.MatrixUDT","sqlType":"binary"}',
    );
    expect(scala).toMatchObject({
      kind: "udt",
      jvmClass: "org.apache.spark.ml.linalg.MatrixUDT",
      pythonClass: "pyspark.ml.linalg.MatrixUDT",
      serializedPythonClass: undefined,
    });
    expect(scala.simpleString()).toBe("matrix");
    const python = fromJson(
      '{"type":"udt","pyClass":"m.P","serializedClass":"AA==","sqlType":{"type":"array","elementType":"double","containsNull":false}}',
    );
    expect(python.json()).toBe(
      '{"type":"udt","pyClass":"m.P","serializedClass":"AA==","sqlType":{"type":"array","elementType":"double","containsNull":false}}',
    );
  });

  test("collations in metadata apply to the paths they name", () => {
    const t = parseJsonSchema(
      JSON.stringify({
        type: "struct",
        fields: [
          {
            name: "m",
            type: {
              type: "map",
              keyType: "string",
              valueType: { type: "array", elementType: "string", containsNull: true },
              valueContainsNull: true,
            },
            nullable: true,
            metadata: {
              comment: "k",
              __COLLATIONS: { "m.key": "ICU.UNICODE", "m.value.element": "spark.UTF8_LCASE" },
            },
          },
        ],
      }),
    );
    expect(t.toDDL()).toBe(
      "m MAP<STRING COLLATE UNICODE, ARRAY<STRING COLLATE UTF8_LCASE>> COMMENT 'k'",
    );
    expect(t.fields[0]?.metadata).toEqual({ comment: "k" });
  });

  test("fromJsonValue reads an already parsed value", () => {
    const value = T.map(T.string(), T.array(T.long())).jsonValue();
    expect(fromJsonValue(value).sql()).toBe("MAP<STRING, ARRAY<BIGINT>>");
    expect(fromJsonValue("string")).toBe(StringType.INSTANCE);
  });
});

describe("errors", () => {
  test.each([
    ["{", "$", /^not valid JSON \(/],
    ['"integr"', "$", 'unknown type name "integr"'],
    ['"Integer"', "$", 'unknown type name "Integer"'],
    ['"decimal(10,2) "', "$", 'unknown type name "decimal(10,2) "'],
    ['"decimal(40,2)"', "$", "decimal precision must be an integer from 1 to 38, got 40"],
    ['"interval second to day"', "$", /^invalid day-time interval fields second to day/],
    ['"geometry(FOO:1)"', "$", 'unknown CRS "FOO:1"'],
    ['"geography(OGC:CRS84, PLANAR)"', "$", 'unknown geography algorithm "PLANAR"'],
    ["42", "$", "expected a type name or a type object"],
    ['{"type":"list"}', "$.type", 'unknown type "list"'],
    ['{"type":"array","elementType":"integer"}', "$.containsNull", "expected true or false"],
    [
      '{"type":"map","keyType":"integer","valueType":"nope","valueContainsNull":true}',
      "$.valueType",
      'unknown type name "nope"',
    ],
    ['{"type":"struct"}', "$.fields", "expected an array"],
    ['{"type":"struct","fields":[{"type":"integer"}]}', "$.fields[0].name", "expected a string"],
    ['{"type":"struct","fields":[{"name":"a"}]}', "$.fields[0].type", "missing"],
    [
      '{"type":"struct","fields":[{"name":"a","type":"integer","nullable":"yes"}]}',
      "$.fields[0].nullable",
      "expected true or false",
    ],
    [
      '{"type":"struct","fields":[{"name":"a","type":"integer","metadata":[]}]}',
      "$.fields[0].metadata",
      "expected an object",
    ],
    [
      '{"type":"struct","fields":[{"name":"a","type":"integer","metadata":{"__COLLATIONS":{"a":"spark.UTF8_LCASE"}}}]}',
      "$.fields[0].type",
      "a collation is given for a, which is not a string type",
    ],
    [
      '{"type":"struct","fields":[{"name":"a","type":"string","metadata":{"__COLLATIONS":{"a":"UTF8_LCASE"}}}]}',
      "$.fields[0].metadata.__COLLATIONS.a",
      'expected "spark.<collation>" or "icu.<collation>", got "UTF8_LCASE"',
    ],
    [
      '{"type":"udt","sqlType":"binary"}',
      "$",
      "a user-defined type needs a jvmClass or a pythonClass",
    ],
  ])("%s", (json, path, reason) => {
    let error: unknown;
    try {
      fromJson(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparkArgumentError);
    const e = error as SparkArgumentError;
    expect([e.name, e.errorClass, e.messageParameters.path]).toEqual([
      "SparkArgumentError",
      "INVALID_JSON_DATA_TYPE",
      path,
    ]);
    if (typeof reason === "string") {
      expect(e.message).toBe(
        `[INVALID_JSON_DATA_TYPE] Cannot read the JSON data type at ${path}: ${reason}`,
      );
    } else {
      expect(e.messageParameters.reason).toMatch(reason);
    }
  });

  test("parseJsonSchema wants a struct", () => {
    expect(() => parseJsonSchema('"integer"')).toThrow(
      "[INVALID_JSON_DATA_TYPE] Cannot read the JSON data type at $: expected a struct schema, got int",
    );
  });
});
