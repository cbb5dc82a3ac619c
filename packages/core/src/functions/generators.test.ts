import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
import { lit } from "./core.js";
import { explode, inline, posexplodeOuter, stack } from "./generators.js";

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

describe("generator functions", () => {
  it("name the generators", () => {
    expect(json(explode("tags"))).toEqual(fn("explode", a("tags")));
    expect(json(posexplodeOuter("tags"))).toEqual(fn("posexplode_outer", a("tags")));
    expect(json(inline("rows"))).toEqual(fn("inline", a("rows")));
    expect(json(stack(lit(2), "a", "b"))).toEqual(fn("stack", i(2), a("a"), a("b")));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => explode(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
