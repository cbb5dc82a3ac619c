import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
import {
  bitCount,
  bitGet,
  bitwiseNOT,
  bitwiseNot,
  shiftLeft,
  shiftrightunsigned,
} from "./bitwise.js";
import { lit } from "./core.js";

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

describe("bitwise functions", () => {
  it("bitwiseNot and its legacy name send the ~ operator", () => {
    expect(json(bitwiseNot("a"))).toEqual(fn("~", a("a")));
    expect(json(bitwiseNOT("a"))).toEqual(fn("~", a("a")));
  });

  it("shifts take a literal bit count", () => {
    expect(json(shiftLeft("a", 2))).toEqual(fn("shiftleft", a("a"), i(2)));
    expect(json(shiftrightunsigned("a", 1))).toEqual(fn("shiftrightunsigned", a("a"), i(1)));
  });

  it("bitGet takes the position as a column", () => {
    expect(json(bitGet("f", lit(3)))).toEqual(fn("bit_get", a("f"), i(3)));
    expect(json(bitCount("f"))).toEqual(fn("bit_count", a("f")));
    expect(thrown(() => bitGet("f", 3 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
