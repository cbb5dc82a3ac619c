import { describe, expect, test } from "vitest";
import { batchToRows, decodeArrowBatch } from "./arrow/index.js";
import type { DataFrame } from "./dataframe.js";
import { SparkArgumentError } from "./errors.js";
import { lit } from "./functions/core.js";
import { testSession } from "./testing/session.js";

function localRelation(df: DataFrame): { schema: string; rows: unknown[][] } {
  const p = df.toPlan();
  if (p.opType.case !== "root" || p.opType.value.relType.case !== "localRelation") {
    throw new Error("not a LocalRelation");
  }
  const { data, schema } = p.opType.value.relType.value;
  const decoded = decodeArrowBatch(data ?? new Uint8Array());
  return {
    schema: schema ?? "",
    rows: decoded.batches.flatMap((b) => batchToRows(b)).map((r) => [...r]),
  };
}

const ddl = (df: DataFrame) =>
  (
    JSON.parse(localRelation(df).schema) as { fields: { name: string; type: unknown }[] }
  ).fields.map((f) => [f.name, f.type]);

function thrown(f: () => unknown): SparkArgumentError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkArgumentError);
    return e as SparkArgumentError;
  }
  throw new Error("expected a throw");
}

describe("createDataFrame schema inference over every row", () => {
  test("keys missing from the first row are kept: the union of keys, in order of appearance", () => {
    const spark = testSession();
    const df = spark.createDataFrame([{ a: 1 }, { b: 2 }, { c: "x", a: 3 }]);
    expect(ddl(df)).toEqual([
      ["a", "long"],
      ["b", "long"],
      ["c", "string"],
    ]);
    expect(localRelation(df).rows).toEqual([
      [1n, null, null],
      [null, 2n, null],
      [3n, null, "x"],
    ]);
  });

  test("types widen across rows (bigint → double, null yields); nested structs merge by name", () => {
    const spark = testSession();
    const df = spark.createDataFrame([
      { n: 1, m: null, l: [1] },
      { n: 2.5, m: "x", l: [null, 2.5] },
    ]);
    expect(ddl(df)).toEqual([
      ["n", "double"],
      ["m", "string"],
      ["l", { type: "array", elementType: "double", containsNull: true }],
    ]);
    expect(localRelation(df).rows).toEqual([
      [1, null, [1]],
      [2.5, "x", [null, 2.5]],
    ]);
  });

  test("a circular row is a typed error, in inference and in lit()", () => {
    const spark = testSession();
    const row: Record<string, unknown> = { a: 1 };
    row.self = row;
    const err = thrown(() => spark.createDataFrame([row]));
    expect([err.name, err.errorClass]).toEqual(["SparkArgumentError", "CIRCULAR_REFERENCE"]);
    const list: unknown[] = [1];
    list.push(list);
    expect(thrown(() => spark.createDataFrame([{ l: list }])).errorClass).toBe(
      "CIRCULAR_REFERENCE",
    );
    expect(thrown(() => lit(row)).errorClass).toBe("CIRCULAR_REFERENCE");
    expect(thrown(() => lit(list)).errorClass).toBe("CIRCULAR_REFERENCE");
    // The same object twice (not nested in itself) is fine.
    const shared = [1];
    expect(ddl(spark.createDataFrame([{ a: shared, b: shared }]))).toEqual([
      ["a", { type: "array", elementType: "long", containsNull: true }],
      ["b", { type: "array", elementType: "long", containsNull: true }],
    ]);
  });
});
