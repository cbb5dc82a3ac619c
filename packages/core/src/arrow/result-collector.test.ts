import {
  Field,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  type Table,
  tableFromArrays,
  tableToIPC,
  Utf8,
} from "apache-arrow";
import { describe, expect, test } from "vitest";
import { SparkProtocolError } from "../errors.js";
import { ArrowResultCollector } from "./result-collector.js";
import { type ColumnDescriptor, tableFromRows } from "./table-from-rows.js";
import { tableToRows } from "./table-to-rows.js";

const columnA: ColumnDescriptor[] = [{ name: "a", type: { kind: "integer" }, nullable: true }];

function ipc(values: number[]): Uint8Array {
  return tableToIPC(
    tableFromRows(
      values.map((v) => [v]),
      columnA,
    ),
    "stream",
  );
}

function errorOf(fn: () => unknown): SparkProtocolError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkProtocolError);
    return e as SparkProtocolError;
  }
  throw new Error("expected a SparkProtocolError");
}

function values(table: Table): unknown[] {
  return [...table.getChildAt(0)!];
}

describe("ArrowResultCollector", () => {
  test("joins batches in order, checking contiguous offsets", () => {
    const c = new ArrowResultCollector();
    c.add({ data: ipc([1, 2]), rowCount: 2n, startOffset: 0n });
    c.add({ data: ipc([3]), rowCount: 1n, startOffset: 2n });
    c.add({ data: ipc([]), rowCount: 0n, startOffset: 3n });
    c.add({ data: ipc([4, 5]), rowCount: 2 });
    expect(c.rowCount).toBe(5);
    const table = c.toTable();
    expect(table.numRows).toBe(5);
    expect(table.batches).toHaveLength(4);
    expect(values(table)).toEqual([1, 2, 3, 4, 5]);
  });

  test("takeBatches hands over complete batches and keeps checking offsets", () => {
    const c = new ArrowResultCollector();
    expect(c.takeBatches()).toEqual([]);
    c.add({ data: ipc([1, 2]), rowCount: 2n, startOffset: 0n });
    c.add({ data: ipc([3]), rowCount: 1n, startOffset: 2n });
    const first = c.takeBatches();
    expect(first.map((b) => [...b.getChildAt(0)!])).toEqual([[1, 2], [3]]);
    expect(c.takeBatches()).toEqual([]);
    expect(errorOf(() => c.add({ data: ipc([4]), rowCount: 1n, startOffset: 0n })).errorClass).toBe(
      "ARROW_BATCH_OFFSET_MISMATCH",
    );
    c.add({ data: ipc([4]), rowCount: 1n, startOffset: 3n });
    expect(c.rowCount).toBe(4);
    expect(values(c.toTable())).toEqual([4]);
  });

  test("a gap or an overlap in start offsets throws ARROW_BATCH_OFFSET_MISMATCH", () => {
    for (const [offset, message] of [
      [3n, "Expected the next Arrow batch at row offset 2, got a batch at offset 3."],
      [1n, "Expected the next Arrow batch at row offset 2, got a batch at offset 1."],
    ] as const) {
      const c = new ArrowResultCollector();
      c.add({ data: ipc([1, 2]), rowCount: 2n, startOffset: 0n });
      const e = errorOf(() => c.add({ data: ipc([3]), rowCount: 1n, startOffset: offset }));
      expect(e.errorClass).toBe("ARROW_BATCH_OFFSET_MISMATCH");
      expect(e.message).toBe(`[ARROW_BATCH_OFFSET_MISMATCH] ${message}`);
      expect(e.messageParameters).toEqual({ expected: "2", actual: String(offset) });
    }
    const first = new ArrowResultCollector();
    expect(
      errorOf(() => first.add({ data: ipc([1]), rowCount: 1n, startOffset: 5n })).errorClass,
    ).toBe("ARROW_BATCH_OFFSET_MISMATCH");
  });

  test("a wrong declared row count throws ARROW_BATCH_ROW_COUNT_MISMATCH", () => {
    const c = new ArrowResultCollector();
    const e = errorOf(() => c.add({ data: ipc([1, 2]), rowCount: 3n, startOffset: 0n }));
    expect(e.errorClass).toBe("ARROW_BATCH_ROW_COUNT_MISMATCH");
    expect(c.rowCount).toBe(0);
  });

  test("a batch with another schema throws ARROW_SCHEMA_MISMATCH", () => {
    const c = new ArrowResultCollector();
    c.add({ data: ipc([1]), rowCount: 1n, startOffset: 0n });
    const other = tableToIPC(tableFromArrays({ b: Int32Array.from([2]) }), "stream");
    const e = errorOf(() => c.add({ data: other, rowCount: 1n, startOffset: 1n }));
    expect(e.errorClass).toBe("ARROW_SCHEMA_MISMATCH");
    expect(e.messageParameters).toEqual({ expected: "a: Int32", actual: "b: Int32 NOT NULL" });
    const notNull = tableToIPC(tableFromArrays({ a: Int32Array.from([2]) }), "stream");
    expect(errorOf(() => c.add({ data: notNull, rowCount: 1n })).message).toBe(
      "[ARROW_SCHEMA_MISMATCH] An Arrow batch's schema (a: Int32 NOT NULL) differs from the " +
        "result's schema (a: Int32).",
    );
  });

  test("reassembles a batch the server split into chunks", () => {
    const bytes = ipc([7, 8, 9]);
    const cuts = [0, 50, 120, bytes.length];
    const c = new ArrowResultCollector();
    c.add({ data: ipc([6]), rowCount: 1n, startOffset: 0n });
    for (let i = 0; i < 3; i++) {
      c.add({
        data: bytes.subarray(cuts[i], cuts[i + 1]),
        rowCount: 3n,
        startOffset: 1n,
        chunkIndex: BigInt(i),
        numChunksInBatch: 3n,
      });
      expect(c.rowCount).toBe(i < 2 ? 1 : 4);
    }
    expect(values(c.toTable())).toEqual([6, 7, 8, 9]);
  });

  test("chunks out of order, a changed chunk count or a truncated batch are errors", () => {
    const bytes = ipc([7, 8, 9]);
    const chunk = (i: number, of = 2) => ({
      data: i === 0 ? bytes.subarray(0, 60) : bytes.subarray(60),
      rowCount: 3n,
      startOffset: 0n,
      chunkIndex: BigInt(i),
      numChunksInBatch: BigInt(of),
    });
    expect(errorOf(() => new ArrowResultCollector().add(chunk(1))).errorClass).toBe(
      "ARROW_BATCH_CHUNK_MISMATCH",
    );
    const a = new ArrowResultCollector();
    a.add(chunk(0));
    expect(errorOf(() => a.add(chunk(1, 3))).errorClass).toBe("ARROW_BATCH_CHUNK_MISMATCH");
    const b = new ArrowResultCollector();
    b.add(chunk(0));
    expect(errorOf(() => b.add({ data: ipc([1]), rowCount: 1n })).errorClass).toBe(
      "ARROW_BATCH_CHUNK_MISMATCH",
    );
    const truncated = new ArrowResultCollector();
    truncated.add(chunk(0));
    const e = errorOf(() => truncated.toTable());
    expect(e.errorClass).toBe("ARROW_BATCH_CHUNK_MISMATCH");
    expect(e.message).toBe(
      "[ARROW_BATCH_CHUNK_MISMATCH] The result ended inside a chunked Arrow batch (1 of 2 chunks received).",
    );
  });

  test("empty results: a zero-row batch, a fallback schema, or nothing", () => {
    const zero = new ArrowResultCollector();
    zero.add({ data: ipc([]), rowCount: 0n, startOffset: 0n });
    const table = zero.toTable();
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["a"]);

    const schema = new Schema([new Field("x", new Utf8(), true)]);
    const fallback = new ArrowResultCollector();
    fallback.setSchema(schema);
    expect(fallback.schema).toBe(schema);
    expect(fallback.toTable().schema).toBe(schema);
    expect(fallback.toTable().numRows).toBe(0);
    expect(tableToRows(fallback.toTable())).toEqual([]);

    const batchWins = new ArrowResultCollector();
    batchWins.setSchema(schema);
    batchWins.add({ data: ipc([1]), rowCount: 1n });
    expect(batchWins.toTable().schema.fields[0]!.name).toBe("a");

    const nothing = new ArrowResultCollector().toTable();
    expect(nothing.numRows).toBe(0);
    expect(nothing.numCols).toBe(0);
  });

  test("keeps duplicate column names (apache-arrow's RecordBatch would merge them)", () => {
    const schema = new Schema([
      new Field("id", new Int32(), true),
      new Field("id", new Utf8(), true),
    ]);
    const ints = makeData({ type: new Int32(), length: 2, data: Int32Array.from([1, 2]) });
    const strings = makeData({
      type: new Utf8(),
      length: 2,
      valueOffsets: Int32Array.from([0, 3, 6]),
      data: new TextEncoder().encode("onetwo"),
    });
    const batch = new RecordBatch(
      schema,
      makeData({ type: new Struct(schema.fields), length: 2, children: [ints, strings] }),
    );
    // The upstream behaviour this works around: the batch's own schema loses the Int32 field.
    expect(batch.schema.fields.map((f) => String(f.type))).toEqual(["Utf8", "Utf8"]);
    const bytes = tableToIPC(
      tableFromRows(
        [
          [1, "one"],
          [2, "two"],
        ],
        [
          { name: "id", type: { kind: "integer" }, nullable: true },
          { name: "id", type: { kind: "string" }, nullable: true },
        ],
      ),
      "stream",
    );
    const c = new ArrowResultCollector();
    c.add({ data: bytes, rowCount: 2n, startOffset: 0n });
    c.add({ data: bytes, rowCount: 2n, startOffset: 2n });
    const table = c.toTable();
    expect(table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual([
      "id: Int32",
      "id: Utf8",
    ]);
    expect(tableToRows(table).map((r) => [...r])).toEqual([
      [1, "one"],
      [2, "two"],
      [1, "one"],
      [2, "two"],
    ]);
  });
});
