import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import { col, lit } from "../functions/core.js";
import { SparkConnectService } from "../gen/spark/connect/base_pb.js";
import { testSession } from "../testing/session.js";
import { checkMessageStrings, isWellFormed, wellFormed } from "./well-formed.js";

const LONE = "a\uD800b";

/** A session whose server counts the requests it gets (and fails them). */
function counting() {
  const calls: string[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      // biome-ignore lint/correctness/useYield: the server fails before answering
      async *executePlan() {
        calls.push("executePlan");
        throw new Error("not reached");
      },
      async analyzePlan() {
        calls.push("analyzePlan");
        throw new Error("not reached");
      },
    }),
  );
  return { spark, calls };
}

async function rejection(p: Promise<unknown>): Promise<SparkArgumentError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SparkArgumentError);
  return err as SparkArgumentError;
}

describe("lone UTF-16 surrogates", () => {
  test("isWellFormed / wellFormed: pairs are fine, lone halves are not", () => {
    expect(["", "abc", "😀", "a\uD83D\uDE00b"].map(isWellFormed)).toEqual([true, true, true, true]);
    expect(["\uD800", "\uDC00", "\uDE00\uD83D", LONE].map(isWellFormed)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(wellFormed("ok", "x")).toBe("ok");
    const err = (() => {
      try {
        wellFormed(LONE, "the name");
      } catch (e) {
        return e as SparkArgumentError;
      }
    })();
    expect([err?.name, err?.errorClass, err?.messageParameters]).toEqual([
      "SparkArgumentError",
      "INVALID_UTF8_STRING",
      { str: '"a\\ud800b"', where: "the name", position: "1" },
    ]);
  });

  test("one typed error everywhere: lit, createDataFrame, column names and SQL text", async () => {
    const { spark, calls } = counting();
    const classOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as SparkArgumentError).name, (e as SparkArgumentError).errorClass];
      }
      return "no error";
    };
    const expected = ["SparkArgumentError", "INVALID_UTF8_STRING"];
    // Built at once: literals and local data.
    expect(classOf(() => lit(LONE))).toEqual(expected);
    expect(classOf(() => lit({ [LONE]: 1 }))).toEqual(expected);
    expect(classOf(() => spark.createDataFrame([{ a: LONE }]))).toEqual(expected);
    expect(classOf(() => spark.createDataFrame([[["x", LONE]]], "l array<string>"))).toEqual(
      expected,
    );
    // Sent later: checked before the request.
    const byName = await rejection(spark.range(1).select(col(LONE)).collect());
    expect([byName.name, byName.errorClass]).toEqual(expected);
    expect(byName.messageParameters.where).toMatch(/^the plan\..*unparsedIdentifier$/);
    const sql = await rejection(spark.sql(`SELECT '${LONE}'`));
    expect([sql.name, sql.errorClass]).toEqual(expected);
    const schema = await rejection(spark.range(1).select(col(LONE)).schema());
    expect([schema.name, schema.errorClass]).toEqual(expected);
    expect(classOf(() => spark.createDataFrame([{ [LONE]: 1 }]))).toEqual(expected);
    expect(calls).toEqual([]);
  });

  test("checkMessageStrings skips bytes and walks deep plans without overflowing", () => {
    let deep: Record<string, unknown> = { s: "ok" };
    for (let i = 0; i < 50_000; i++) deep = { child: deep };
    expect(() => checkMessageStrings({ deep, data: new Uint8Array([0xff]) })).not.toThrow();
    (deep as { s?: string }).s = LONE;
    expect(() => checkMessageStrings(deep)).toThrow(SparkArgumentError);
  });
});
