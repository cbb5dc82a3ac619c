/**
 * Shared helpers for expression tests (not exported from the package): the whole expression as
 * protobuf JSON, the JSON of common nodes to compare it with, and the argument error a builder
 * throws.
 *
 * @module
 */
import { toJson } from "@bufbuild/protobuf";
import { expect } from "vitest";
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";

/** The whole expression of a Column as protobuf JSON. */
export const json = (c: Column) => toJson(ExpressionSchema, c.expr.toProto());

/** The JSON of a column reference by name. */
export const a = (name: string) => ({ unresolvedAttribute: { unparsedIdentifier: name } });

/** The JSON of a call of the Spark function `name` (no `arguments` key without arguments). */
export const fn = (name: string, ...args: unknown[]) => ({
  unresolvedFunction: { functionName: name, ...(args.length ? { arguments: args } : {}) },
});

/** The JSON of an INT literal. */
export const i = (value: number) => ({ literal: { integer: value } });
/** The JSON of a DOUBLE literal. */
export const d = (value: number) => ({ literal: { double: value } });
/** The JSON of a STRING literal. */
export const s = (value: string) => ({ literal: { string: value } });
/** The JSON of a BOOLEAN literal. */
export const b = (value: boolean) => ({ literal: { boolean: value } });

/** Runs `build` and returns the SparkArgumentError it threw, failing when it did not throw. */
export function thrown(build: () => unknown): SparkArgumentError {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkArgumentError);
    return e as SparkArgumentError;
  }
  throw new Error("expected a SparkArgumentError");
}
