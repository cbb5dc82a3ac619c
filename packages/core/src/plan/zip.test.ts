import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import { col } from "../functions/core.js";
import { planJson, testSession } from "../testing/session.js";

describe("zip (Spark 4.3's Zip relation)", () => {
  test("builds a Zip of both plans", () => {
    const spark = testSession();
    const t = spark.table("t");
    const zipped = t.select(col("a")).zip(t.select(col("b")));
    const table = { common: { planId: "0" }, read: { namedTable: { unparsedIdentifier: "t" } } };
    const project = (id: number, name: string) => ({
      common: { planId: String(id) },
      project: {
        input: table,
        expressions: [{ unresolvedAttribute: { unparsedIdentifier: name } }],
      },
    });
    expect(planJson(zipped)).toEqual({
      root: { common: { planId: "3" }, zip: { left: project(1, "a"), right: project(2, "b") } },
    });
  });

  test("refuses a DataFrame of another session", () => {
    const t = testSession().table("t");
    let caught: unknown;
    try {
      t.zip(testSession().table("u"));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SparkArgumentError);
    expect((caught as SparkArgumentError).errorClass).toBe("SESSION_NOT_SAME");
  });
});
