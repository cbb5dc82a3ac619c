import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { DataTypeSchema } from "../gen/spark/connect/types_pb.js";
import type { Row } from "../row.js";
import { ArrowResultCollector } from "./result-collector.js";
import { type ColumnDescriptor, tableFromRows, tableToIpcStream } from "./table-from-rows.js";
import { batchToRows, tableToRows } from "./table-to-rows.js";

const int = { kind: "integer" } as const;
/** What Spark sends for `named_struct('a', 1, 'a', 2) AS s, array(named_struct('b', 1, 'b', 'x')) AS arr`. */
const arrowColumns: ColumnDescriptor[] = [
  {
    name: "s",
    nullable: false,
    type: {
      kind: "struct",
      fields: [
        { name: "a_0", type: int, nullable: false },
        { name: "a_1", type: int, nullable: false },
      ],
    },
  },
  {
    name: "arr",
    nullable: false,
    type: {
      kind: "array",
      containsNull: false,
      elementType: {
        kind: "struct",
        fields: [
          { name: "b_0", type: int, nullable: false },
          { name: "b_1", type: { kind: "string" }, nullable: false },
        ],
      },
    },
  },
];
const intType = { kind: { case: "integer", value: {} } } as const;
const sparkSchema = create(DataTypeSchema, {
  kind: {
    case: "struct",
    value: {
      fields: [
        {
          name: "s",
          dataType: {
            kind: {
              case: "struct",
              value: {
                fields: [
                  { name: "a", dataType: intType },
                  { name: "a", dataType: intType },
                ],
              },
            },
          },
        },
        {
          name: "arr",
          dataType: {
            kind: {
              case: "array",
              value: {
                elementType: {
                  kind: {
                    case: "struct",
                    value: {
                      fields: [
                        { name: "b", dataType: intType },
                        { name: "b", dataType: { kind: { case: "string", value: {} } } },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
  },
});

function collector(withSparkSchema: boolean): ArrowResultCollector {
  const c = new ArrowResultCollector();
  if (withSparkSchema) c.setSparkSchema(sparkSchema);
  const table = tableFromRows([[[1, 2], [[3, "x"]]]], arrowColumns);
  c.add({ rowCount: 1, data: tableToIpcStream(table) });
  return c;
}

function shape(row: Row | undefined) {
  if (!row) throw new Error("no row");
  const s = row[0] as Row;
  const element = (row[1] as Row[])[0] as Row;
  return {
    s: [s.fieldNames, [...s], s.get("a_0" in s ? "a_0" : "a")],
    arr: [element.fieldNames, [...element]],
  };
}

describe("nested field names from the result's Spark schema", () => {
  test("tableToRows: duplicate struct field names are kept (a, a), at every depth", () => {
    const [row] = tableToRows(collector(true).toTable());
    expect(shape(row)).toEqual({
      s: [["a", "a"], [1, 2], 1],
      arr: [
        ["b", "b"],
        [3, "x"],
      ],
    });
  });

  test("batchToRows of streamed batches too", () => {
    const [row] = collector(true)
      .takeBatches()
      .flatMap((b) => batchToRows(b));
    expect(shape(row)).toEqual({
      s: [["a", "a"], [1, 2], 1],
      arr: [
        ["b", "b"],
        [3, "x"],
      ],
    });
  });

  test("without a Spark schema the Arrow names stay", () => {
    const [row] = tableToRows(collector(false).toTable());
    expect(shape(row)).toEqual({
      s: [["a_0", "a_1"], [1, 2], 1],
      arr: [
        ["b_0", "b_1"],
        [3, "x"],
      ],
    });
  });
});
