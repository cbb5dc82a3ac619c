import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { Timestamp } from "./arrow/timestamp.js";
import { Expression_LiteralSchema } from "./gen/spark/connect/expressions_pb.js";
import { DataTypeSchema } from "./gen/spark/connect/types_pb.js";
import { literalRow, literalValue } from "./literal-values.js";

type Init = MessageInitShape<typeof Expression_LiteralSchema>;
const lit = (init: Init) => create(Expression_LiteralSchema, init);
const dbl = { kind: { case: "double", value: {} } } as const;
const int = { kind: { case: "integer", value: {} } } as const;
const dec = (precision: number, scale: number) =>
  ({ kind: { case: "decimal", value: { precision, scale } } }) as const;

describe("literalValue", () => {
  test("scalars as collect() gives them", () => {
    expect(literalValue(lit({ literalType: { case: "double", value: 4.5 } }))).toBe(4.5);
    expect(literalValue(lit({ literalType: { case: "long", value: 10n } }))).toBe(10n);
    expect(literalValue(lit({ literalType: { case: "date", value: 19723 } }))).toEqual(
      new Date("2024-01-01T00:00:00Z"),
    );
    expect(literalValue(lit({ literalType: { case: "timestamp", value: 1n } }))).toEqual(
      new Timestamp(1n),
    );
    expect(literalValue(lit({ literalType: { case: "null", value: dbl } }))).toBeNull();
  });

  test("decimals are exact strings with the type's scale, whatever form the value has", () => {
    const d = (value: string, scale?: number, dataType?: ReturnType<typeof dec>) =>
      literalValue(
        lit({
          literalType: {
            case: "decimal",
            value: { value, ...(scale === undefined ? {} : { precision: 10, scale }) },
          },
          ...(dataType ? { dataType } : {}),
        }),
      );
    expect(d("45.00", 2)).toBe("45.00");
    expect(d("45", 2)).toBe("45.00");
    expect(d("-0.5", 3)).toBe("-0.500");
    expect(d("1E+3", 0)).toBe("1000");
    expect(d("12.345")).toBe("12.345");
    expect(d("12.3", undefined, dec(5, 3))).toBe("12.300");
    expect(d("12.345", 1)).toBe("12.345"); // more digits than the scale: kept as sent, never rounded
  });

  test("a literal's data_type sets the value's type: a long sent for a double is a number", () => {
    expect(literalValue(lit({ literalType: { case: "long", value: 45n }, dataType: dbl }))).toBe(
      45,
    );
    expect(
      literalValue(lit({ literalType: { case: "long", value: 4500n }, dataType: dec(6, 2) })),
    ).toBe("4500.00");
  });

  test("structs keep their field names, duplicates included, and their fields' types", () => {
    const structType = create(DataTypeSchema, {
      kind: {
        case: "struct",
        value: {
          fields: [
            { name: "a", dataType: int, nullable: true },
            { name: "a", dataType: dbl, nullable: true },
            { name: "d", dataType: dec(4, 2), nullable: true },
          ],
        },
      },
    });
    const elements = [
      lit({ literalType: { case: "integer", value: 1 } }),
      lit({ literalType: { case: "double", value: 2.5 } }),
      lit({ literalType: { case: "decimal", value: { value: "1.5" } } }),
    ];
    // Spark 4.1: the type on the literal; before: struct_type inside the struct.
    for (const literal of [
      lit({ literalType: { case: "struct", value: { elements } }, dataType: structType }),
      lit({ literalType: { case: "struct", value: { elements, structType } } }),
    ]) {
      const row = literalValue(literal) as unknown[] & { fieldNames: string[] };
      expect(row.fieldNames).toEqual(["a", "a", "d"]);
      expect([...row]).toEqual([1, 2.5, "1.50"]);
    }
  });

  test("arrays and maps pass their element types down; specialized arrays", () => {
    const arr = lit({
      literalType: {
        case: "array",
        value: { elements: [{ literalType: { case: "decimal", value: { value: "1" } } }] },
      },
      dataType: { kind: { case: "array", value: { elementType: dec(3, 1), containsNull: true } } },
    });
    expect(literalValue(arr)).toEqual(["1.0"]);
    const map = lit({
      literalType: {
        case: "map",
        value: {
          keyType: { kind: { case: "string", value: {} } },
          valueType: dbl,
          keys: [{ literalType: { case: "string", value: "x" } }],
          values: [{ literalType: { case: "long", value: 2n } }],
        },
      },
    });
    expect(literalValue(map)).toEqual(new Map([["x", 2]]));
    const longs = lit({
      literalType: {
        case: "specializedArray",
        value: { valueType: { case: "longs", value: { values: [1n, 2n] } } },
      },
    });
    expect(literalValue(longs)).toEqual([1n, 2n]);
  });
});

describe("literalRow", () => {
  test("keys are the field names, duplicates kept; no keys give col1, col2…", () => {
    const values = [
      lit({ literalType: { case: "long", value: 1n } }),
      lit({ literalType: { case: "double", value: 0.5 } }),
    ];
    const row = literalRow(["n", "n"], values);
    expect(row.fieldNames).toEqual(["n", "n"]);
    expect([...row]).toEqual([1n, 0.5]);
    expect(row.get("n")).toBe(1n);
    expect(literalRow([], values).fieldNames).toEqual(["col1", "col2"]);
  });
});
