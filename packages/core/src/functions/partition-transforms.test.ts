import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
import { lit } from "./core.js";
import { bucket, days, hours, months, years } from "./partition-transforms.js";

const json = (c: Column) => toJson(ExpressionSchema, c.expr.toProto());
const a = (name: string) => ({ unresolvedAttribute: { unparsedIdentifier: name } });
const fn = (name: string, ...args: object[]) => ({
  unresolvedFunction: { functionName: name, ...(args.length ? { arguments: args } : {}) },
});
const i = (value: number) => ({ literal: { integer: value } });

/** Runs `build` and returns what it threw, failing when it did not throw. */
function thrown(build: () => unknown): SparkArgumentError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkArgumentError);
    return e as SparkArgumentError;
  }
  throw new Error("expected a SparkArgumentError");
}

describe("partition transforms", () => {
  it("name the transforms", () => {
    expect([years("d"), months("d"), days("d"), hours("t")].map(json)).toEqual([
      fn("years", a("d")),
      fn("months", a("d")),
      fn("days", a("d")),
      fn("hours", a("t")),
    ]);
  });

  it("bucket takes a number or a Column, then the column", () => {
    expect(json(bucket(16, "id"))).toEqual(fn("bucket", i(16), a("id")));
    expect(json(bucket(lit(8), "id"))).toEqual(fn("bucket", i(8), a("id")));
    const e = thrown(() => bucket("16" as unknown as number, "id"));
    expect(e.errorClass).toBe("NOT_COLUMN_OR_INT");
  });
});
