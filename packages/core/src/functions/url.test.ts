import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
import { lit } from "./core.js";
import { parseUrl, tryParseUrl, urlEncode } from "./url.js";

const json = (c: Column) => toJson(ExpressionSchema, c.expr.toProto());
const a = (name: string) => ({ unresolvedAttribute: { unparsedIdentifier: name } });
const fn = (name: string, ...args: object[]) => ({
  unresolvedFunction: { functionName: name, ...(args.length ? { arguments: args } : {}) },
});
const s = (value: string) => ({ literal: { string: value } });

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

describe("URL functions", () => {
  it("parseUrl sends the key only when given", () => {
    expect(json(parseUrl("u", lit("HOST")))).toEqual(fn("parse_url", a("u"), s("HOST")));
    expect(json(tryParseUrl("u", lit("QUERY"), lit("q")))).toEqual(
      fn("try_parse_url", a("u"), s("QUERY"), s("q")),
    );
    expect(json(urlEncode("s"))).toEqual(fn("url_encode", a("s")));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => urlEncode(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
