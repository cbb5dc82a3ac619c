import { makeTable, Schema, Table, tableFromArrays, tableToIPC } from "apache-arrow";
import { describe, expect, test } from "vitest";
import { SparkProtocolError } from "../errors.js";
import { decodeArrowBatch } from "./decode-batch.js";

function ipc(values: number[]): Uint8Array {
  return tableToIPC(tableFromArrays({ a: Int32Array.from(values) }), "stream");
}

function thrown(fn: () => unknown): SparkProtocolError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkProtocolError);
    return e as SparkProtocolError;
  }
  throw new Error("expected a SparkProtocolError");
}

describe("decodeArrowBatch", () => {
  test("decodes one stream and checks the declared row count", () => {
    const decoded = decodeArrowBatch(ipc([1, 2, 3]), 3n);
    expect(decoded.rowCount).toBe(3);
    expect(decoded.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual(["a: Int32"]);
    expect(decoded.batches.map((b) => [...b.getChildAt(0)!])).toEqual([[1, 2, 3]]);
    expect(decodeArrowBatch(ipc([1]), 1).rowCount).toBe(1);
    expect(decodeArrowBatch(ipc([1, 2])).rowCount).toBe(2);
  });

  test("a row count that differs from the declared one is a protocol error", () => {
    const e = thrown(() => decodeArrowBatch(ipc([1, 2, 3]), 4n));
    expect(e.errorClass).toBe("ARROW_BATCH_ROW_COUNT_MISMATCH");
    expect(e.message).toBe(
      "[ARROW_BATCH_ROW_COUNT_MISMATCH] The Arrow batch declares 4 rows but holds 3.",
    );
    expect(e.messageParameters).toEqual({ expected: "4", actual: "3" });
  });

  test("refuses concatenated streams instead of silently reading the first", () => {
    const a = ipc([1, 2]);
    const b = ipc([3]);
    const both = new Uint8Array(a.length + b.length);
    both.set(a);
    both.set(b, a.length);
    const e = thrown(() => decodeArrowBatch(both));
    expect(e.errorClass).toBe("ARROW_DECODE_FAILED");
    expect(e.messageParameters.reason).toBe("the bytes hold more than one Arrow IPC stream");
  });

  test("garbage, truncated and empty bytes are protocol errors", () => {
    for (const bytes of [
      new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]),
      ipc([1, 2]).subarray(0, 40),
    ]) {
      const e = thrown(() => decodeArrowBatch(bytes));
      expect(e.errorClass).toBe("ARROW_DECODE_FAILED");
      expect(e.cause).toBeInstanceOf(Error);
    }
    const e = thrown(() => decodeArrowBatch(new Uint8Array(0)));
    expect(e.errorClass).toBe("ARROW_DECODE_FAILED");
    expect(e.messageParameters.reason).toBe("the bytes hold no Arrow IPC stream");
  });

  test("an empty result: the schema and no rows", () => {
    const schema = new Schema(makeTable({ a: Int32Array.from([]) }).schema.fields);
    const decoded = decodeArrowBatch(tableToIPC(new Table(schema), "stream"), 0n);
    expect(decoded.rowCount).toBe(0);
    expect(String(decoded.schema.fields[0]!.type)).toBe("Int32");
  });
});
