import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import { type DataType, DataTypeSchema } from "../gen/spark/connect/types_pb.js";
import { arrowSchemaFromProto, columnsFromProtoSchema } from "./proto-schema.js";
import { emptyTable } from "./table-from-rows.js";
import { tableToRows } from "./table-to-rows.js";

type Kind = MessageInitShape<typeof DataTypeSchema>["kind"];

function dt(kind: Kind): DataType {
  return create(DataTypeSchema, { kind });
}

type SimpleCase = "integer" | "long" | "double" | "boolean" | "string" | "timestamp" | "variant";

const simple = (name: SimpleCase | "timestampNtz" | "dayTimeInterval"): DataType =>
  dt({ case: name, value: {} });

function field(name: string, dataType: DataType, nullable = true) {
  return { name, dataType, nullable };
}

function struct(...fields: ReturnType<typeof field>[]): DataType {
  return dt({ case: "struct", value: { fields } });
}

describe("proto schema → columns → Arrow schema", () => {
  test("maps every Spark type onto a column type", () => {
    const schema = struct(
      field("i", simple("integer"), false),
      field("c", dt({ case: "char", value: { length: 3 } })),
      field("vc", dt({ case: "varChar", value: { length: 9 } })),
      field("dec", dt({ case: "decimal", value: { precision: 12, scale: 3 } })),
      field("dflt", dt({ case: "decimal", value: {} })),
      field("t", dt({ case: "time", value: { precision: 3 } })),
      field("ts", simple("timestamp")),
      field("ntz", simple("timestampNtz")),
      field("dti", simple("dayTimeInterval")),
      field(
        "arr",
        dt({
          case: "array",
          value: { elementType: simple("string"), containsNull: false },
        }),
      ),
      field(
        "m",
        dt({
          case: "map",
          value: { keyType: simple("long"), valueType: simple("variant"), valueContainsNull: true },
        }),
      ),
      field("st", struct(field("x", simple("boolean")))),
      field(
        "udt",
        dt({
          case: "udt",
          value: { type: "udt", sqlType: simple("double") },
        }),
      ),
    );
    expect(columnsFromProtoSchema(schema)).toEqual([
      { name: "i", type: { kind: "integer" }, nullable: false },
      { name: "c", type: { kind: "string" }, nullable: true },
      { name: "vc", type: { kind: "string" }, nullable: true },
      { name: "dec", type: { kind: "decimal", precision: 12, scale: 3 }, nullable: true },
      { name: "dflt", type: { kind: "decimal", precision: 10, scale: 0 }, nullable: true },
      { name: "t", type: { kind: "time", precision: 3 }, nullable: true },
      { name: "ts", type: { kind: "timestamp" }, nullable: true },
      { name: "ntz", type: { kind: "timestampNtz" }, nullable: true },
      { name: "dti", type: { kind: "dayTimeInterval" }, nullable: true },
      {
        name: "arr",
        type: { kind: "array", elementType: { kind: "string" }, containsNull: false },
        nullable: true,
      },
      {
        name: "m",
        type: {
          kind: "map",
          keyType: { kind: "long" },
          valueType: { kind: "variant" },
          valueContainsNull: true,
        },
        nullable: true,
      },
      {
        name: "st",
        type: {
          kind: "struct",
          fields: [{ name: "x", type: { kind: "boolean" }, nullable: true }],
        },
        nullable: true,
      },
      { name: "udt", type: { kind: "double" }, nullable: true },
    ]);
    const arrow = arrowSchemaFromProto(schema, { timeZone: "Europe/Paris" });
    expect(arrow.fields.map((f) => String(f.type))).toEqual([
      "Int32",
      "Utf8",
      "Utf8",
      "Decimal[12e+3]",
      "Decimal[10e0]",
      "Time64<NANOSECOND>",
      "Timestamp<MICROSECOND, Europe/Paris>",
      "Timestamp<MICROSECOND>",
      "Duration<MICROSECOND>",
      "List<Utf8>",
      "Map<{key:Int64, value:Struct<{value:Binary, metadata:Binary}>}>",
      "Struct<{x:Bool}>",
      "Float64",
    ]);
    // An empty result of that schema.
    const table = emptyTable(arrow);
    expect(table.numRows).toBe(0);
    expect(tableToRows(table)).toEqual([]);
  });

  test("a non-struct schema is one column named value", () => {
    expect(columnsFromProtoSchema(simple("long"))).toEqual([
      { name: "value", type: { kind: "long" }, nullable: true },
    ]);
  });

  test("types without an Arrow encoding throw UNSUPPORTED_DATA_TYPE", () => {
    for (const [type, dataType, column] of [
      [struct(field("g", dt({ case: "geometry", value: { srid: 4326 } }))), "geometry", "g"],
      [
        struct(field("u", dt({ case: "unparsed", value: { dataTypeString: "x" } }))),
        "unparsed",
        "u",
      ],
      [struct(field("s", struct(field("n", dt({ case: undefined }))))), "unset", "s.n"],
    ] as const) {
      try {
        columnsFromProtoSchema(type);
        throw new Error("expected an error");
      } catch (e) {
        expect(e).toBeInstanceOf(SparkArgumentError);
        expect((e as SparkArgumentError).errorClass).toBe("UNSUPPORTED_DATA_TYPE");
        expect((e as SparkArgumentError).messageParameters).toEqual({ column, dataType });
      }
    }
  });
});
