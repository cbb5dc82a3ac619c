import { describe, expect, test } from "vitest";
import { AnalysisError, SparkArgumentError } from "./errors.js";
import { explainUnboundPositional, markerOrdinal } from "./sql-parameters.js";

const unbound = (name: string) =>
  new AnalysisError(`[UNBOUND_SQL_PARAMETER] Found the unbound parameter: ${name}.`, {
    errorClass: "UNBOUND_SQL_PARAMETER",
    messageParameters: { name },
    sqlState: "42P02",
  });

describe("unbound positional parameters", () => {
  test("markerOrdinal counts the ? outside quotes and comments", () => {
    expect(markerOrdinal("SELECT ?, ?", 7)).toBe(1);
    expect(markerOrdinal("SELECT ?, ?", 10)).toBe(2);
    expect(markerOrdinal("SELECT '?', ?, ?", 15)).toBe(2);
    expect(markerOrdinal("SELECT `a?`, /* ? */ ? -- ?\n, ?", 30)).toBe(2);
    expect(markerOrdinal("SELECT ?", 3)).toBeUndefined();
  });

  test("Spark's _<offset> becomes the marker's number; class, state and parameters stay", () => {
    const err = explainUnboundPositional(unbound("_10"), "SELECT ?, ?", 1) as AnalysisError;
    expect(err).toBeInstanceOf(AnalysisError);
    expect([err.name, err.errorClass, err.sqlState, err.messageParameters]).toEqual([
      "AnalysisError",
      "UNBOUND_SQL_PARAMETER",
      "42P02",
      { name: "_10" },
    ]);
    expect(err.message).toBe(
      "[UNBOUND_SQL_PARAMETER] The 2nd `?` (at character 10 of the query) has no value: 1 " +
        "positional argument was given. Pass one argument per `?`, in order. (Spark names this " +
        "parameter _10.)",
    );
  });

  test("named parameters and other errors are left alone", () => {
    const named = unbound("b");
    expect((explainUnboundPositional(named, "SELECT :a, :b", 1) as Error).message).toBe(
      "[UNBOUND_SQL_PARAMETER] Found the unbound parameter: b.",
    );
    const other = new SparkArgumentError("x", { errorClass: "NOT_STR" });
    expect(explainUnboundPositional(other, "SELECT ?", 0)).toBe(other);
  });
});
