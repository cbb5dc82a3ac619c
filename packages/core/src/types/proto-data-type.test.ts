import { create, equals, fromJson as protoFromJson, toJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import { DataTypeSchema, type DataType as ProtoDataType } from "../gen/spark/connect/types_pb.js";
import {
  DayTimeIntervalType,
  DecimalType,
  fromProtoDataType,
  StringType,
  type StructType,
  DataTypes as T,
  TimeType,
  toProtoDataType,
  YearMonthIntervalType,
} from "./index.js";

const proto = (json: Parameters<typeof protoFromJson<typeof DataTypeSchema>>[1]): ProtoDataType =>
  protoFromJson(DataTypeSchema, json);

describe("fromProtoDataType", () => {
  test("a schema as the server sends it", () => {
    const t = fromProtoDataType(
      proto({
        struct: {
          fields: [
            { name: "id", dataType: { long: {} } },
            {
              name: "name",
              dataType: { string: { collation: "UTF8_BINARY" } },
              nullable: true,
              metadata: '{"comment":"who"}',
            },
            {
              name: "scores",
              dataType: {
                map: {
                  keyType: { string: { collation: "UTF8_LCASE" } },
                  valueType: { array: { elementType: { decimal: { precision: 10, scale: 2 } } } },
                  valueContainsNull: true,
                },
              },
              nullable: true,
            },
            { name: "at", dataType: { time: { precision: 3 } }, nullable: true },
          ],
        },
      }),
    );
    expect(t.kind).toBe("struct");
    expect((t as StructType).toDDL()).toBe(
      "id BIGINT NOT NULL, name STRING COMMENT 'who', " +
        "scores MAP<STRING COLLATE UTF8_LCASE, ARRAY<DECIMAL(10,2)>>, at TIME(3)",
    );
  });

  test("unset optional fields take Spark's defaults", () => {
    expect(fromProtoDataType(proto({ decimal: {} })).equals(new DecimalType(10, 0))).toBe(true);
    expect(
      fromProtoDataType(proto({ decimal: { precision: 20 } })).equals(new DecimalType(20, 0)),
    ).toBe(true);
    expect(fromProtoDataType(proto({ time: {} })).equals(new TimeType(6))).toBe(true);
    expect(fromProtoDataType(proto({ string: {} }))).toBe(StringType.INSTANCE);
    expect(fromProtoDataType(proto({ dayTimeInterval: {} })).simpleString()).toBe(
      "interval day to second",
    );
    expect(fromProtoDataType(proto({ dayTimeInterval: { startField: 1 } })).simpleString()).toBe(
      "interval hour",
    );
    expect(fromProtoDataType(proto({ yearMonthInterval: {} })).simpleString()).toBe(
      "interval year to month",
    );
    expect(
      fromProtoDataType(proto({ yearMonthInterval: { startField: 1, endField: 1 } })).equals(
        new YearMonthIntervalType("month"),
      ),
    ).toBe(true);
    expect(fromProtoDataType(proto({ geometry: {} })).simpleString()).toBe("geometry(0)");
    expect(fromProtoDataType(proto({ array: { elementType: { null: {} } } })).simpleString()).toBe(
      "array<void>",
    );
  });

  test("a UDT keeps its classes and SQL type", () => {
    const t = fromProtoDataType(
      proto({
        udt: {
          type: "udt",
          pythonClass: "mod.PointUDT",
          serializedPythonClass: "gAN9cQA=",
          sqlType: { array: { elementType: { double: {} } } },
        },
      }),
    );
    expect(t.kind).toBe("udt");
    expect(t.json()).toBe(
      '{"type":"udt","pyClass":"mod.PointUDT","serializedClass":"gAN9cQA=",' +
        '"sqlType":{"type":"array","elementType":"double","containsNull":false}}',
    );
    expect([t.simpleString(), t.sql()]).toEqual(["point", "ARRAY<DOUBLE>"]);
  });

  test.each([
    [
      "no kind",
      create(DataTypeSchema),
      "the proto DataType has no kind set, or one this client does not know (a newer Spark?)",
    ],
    [
      "an array without element type",
      proto({ array: {} }),
      "the proto DataType has no array element type",
    ],
    [
      "a map without value type",
      proto({ map: { keyType: { integer: {} } } }),
      "the proto DataType has no map value type",
    ],
    [
      "a field without type",
      proto({ struct: { fields: [{ name: "a" }] } }),
      'the proto DataType has no type for struct field "a"',
    ],
    [
      "metadata that is not JSON",
      proto({ struct: { fields: [{ name: "a", dataType: { integer: {} }, metadata: "{" }] } }),
      'the metadata of field "a" is not valid JSON',
    ],
    [
      "metadata that is not an object",
      proto({ struct: { fields: [{ name: "a", dataType: { integer: {} }, metadata: "[1]" }] } }),
      'the metadata of field "a" is not a JSON object',
    ],
    [
      "an unknown interval field",
      proto({ dayTimeInterval: { startField: 0, endField: 4 } }),
      "the proto DataType has an unknown day-time interval field 4",
    ],
    [
      "a reversed interval",
      proto({ yearMonthInterval: { startField: 1, endField: 0 } }),
      "invalid year-month interval fields month to year: each must be one of year, month, the start no smaller than the end",
    ],
    [
      "a UDT of another type",
      proto({ udt: { type: "other", jvmClass: "x.Y" } }),
      'a proto UDT must have type "udt", got "other"',
    ],
    [
      "a decimal out of range",
      proto({ decimal: { precision: 40, scale: 0 } }),
      "decimal precision must be an integer from 1 to 38, got 40",
    ],
  ])("rejects %s", (_, message, text) => {
    let error: unknown;
    try {
      fromProtoDataType(message);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparkArgumentError);
    expect(error).toMatchObject({
      errorClass: "INVALID_DATA_TYPE",
      message: `[INVALID_DATA_TYPE] ${text}`,
    });
  });
});

describe("round trips", () => {
  const schema = T.struct([
    T.field("id", T.long(), false),
    T.field("s", T.string("UTF8_LCASE"), true, { comment: "c", nested: { a: [1, null, "x"] } }),
    T.field("dec", T.decimal(38, 0)),
    T.field("iv", T.dayTimeInterval("hour", "second")),
    T.field("ym", T.yearMonthInterval()),
    T.field("g", T.geography("ANY")),
    T.field(
      "deep",
      T.array(
        T.map(T.integer(), T.struct([T.field("t", T.time(0)), T.field("v", T.variant())]), false),
      ),
    ),
    T.field("e", T.struct()),
  ]);

  test("class → proto → class", () => {
    expect(fromProtoDataType(toProtoDataType(schema)).equals(schema)).toBe(true);
  });

  test("proto → class → proto is the same message", () => {
    const message = toProtoDataType(schema);
    const again = toProtoDataType(fromProtoDataType(message));
    expect(equals(DataTypeSchema, again, message)).toBe(true);
    expect(toJson(DataTypeSchema, again)).toEqual(toJson(DataTypeSchema, message));
  });

  test("the metadata travels as compact JSON text", () => {
    const message = toProtoDataType(schema);
    expect(message.kind.case === "struct" && message.kind.value.fields[1]?.metadata).toBe(
      '{"comment":"c","nested":{"a":[1,null,"x"]}}',
    );
  });

  test("every call builds a fresh message", () => {
    const a = toProtoDataType(schema);
    const b = toProtoDataType(schema);
    expect(a).not.toBe(b);
    expect(a.kind.value).not.toBe(b.kind.value);
  });

  test("day-time intervals with every field pair", () => {
    const fields = ["day", "hour", "minute", "second"] as const;
    fields.forEach((start, i) => {
      for (const end of fields.slice(i)) {
        const t = new DayTimeIntervalType(start, end);
        expect(toJson(DataTypeSchema, toProtoDataType(t))).toEqual({
          dayTimeInterval: { startField: i, endField: fields.indexOf(end) },
        });
        expect(fromProtoDataType(toProtoDataType(t)).equals(t)).toBe(true);
      }
    });
  });
});
