import { describe, expect, it } from "vitest";
import { a, fn, i, json, s, thrown } from "../testing/expressions.js";
import { col, lit } from "./core.js";
import {
  concatWs,
  formatString,
  locate,
  lpad,
  ltrim,
  mask,
  overlay,
  randstr,
  regexpExtract,
  regexpExtractAll,
  regexpReplace,
  sentences,
  split,
  substring,
  substringIndex,
  toBinary,
  translate,
  trim,
} from "./string.js";

describe("string functions", () => {
  it("regexpExtract sends the pattern and group index as literals", () => {
    expect(json(regexpExtract("s", "(\\d+)", 1))).toEqual(
      fn("regexp_extract", a("s"), s("(\\d+)"), i(1)),
    );
  });

  it("regexpExtractAll takes the pattern as a column and the index only when given", () => {
    expect(json(regexpExtractAll("s", lit("(\\d+)")))).toEqual(
      fn("regexp_extract_all", a("s"), s("(\\d+)")),
    );
    expect(json(regexpExtractAll("s", lit("(\\d+)"), 1))).toEqual(
      fn("regexp_extract_all", a("s"), s("(\\d+)"), i(1)),
    );
  });

  it("regexpReplace takes literal strings", () => {
    expect(json(regexpReplace("p", "[^0-9]", ""))).toEqual(
      fn("regexp_replace", a("p"), s("[^0-9]"), s("")),
    );
  });

  it("trim functions put the characters first, as Spark's trim(trimStr, str)", () => {
    expect(json(trim("s"))).toEqual(fn("trim", a("s")));
    expect(json(ltrim("s", lit("x")))).toEqual(fn("ltrim", s("x"), a("s")));
  });

  it("split always sends the limit, -1 by default", () => {
    expect(json(split("csv", ",\\s*"))).toEqual(fn("split", a("csv"), s(",\\s*"), i(-1)));
    expect(json(split("csv", ",", 2))).toEqual(fn("split", a("csv"), s(","), i(2)));
  });

  it("substring takes numbers as literals and strings as columns", () => {
    expect(json(substring("p", 1, 3))).toEqual(fn("substring", a("p"), i(1), i(3)));
    expect(json(substring("p", "start", col("n")))).toEqual(
      fn("substring", a("p"), a("start"), a("n")),
    );
  });

  it("overlay always sends len, -1 by default, and rejects other types", () => {
    expect(json(overlay("c", lit("****"), 1))).toEqual(
      fn("overlay", a("c"), s("****"), i(1), i(-1)),
    );
    const e = thrown(() => overlay("c", "r", true as unknown as number));
    expect(e.errorClass).toBe("NOT_COLUMN_OR_INT_OR_STR");
    expect(e.messageParameters).toMatchObject({ arg_name: "pos" });
  });

  it("mask fills in PySpark's defaults", () => {
    expect(json(mask("c"))).toEqual(
      fn("mask", a("c"), s("X"), s("x"), s("n"), { literal: { null: { null: {} } } }),
    );
  });

  it("sentences sends empty language and country by default", () => {
    expect(json(sentences("t"))).toEqual(fn("sentences", a("t"), s(""), s("")));
  });

  it("functions with literal parameters send literals", () => {
    expect(json(concatWs("-", "y", "m"))).toEqual(fn("concat_ws", s("-"), a("y"), a("m")));
    expect(json(formatString("%s=%d", "k", "v"))).toEqual(
      fn("format_string", s("%s=%d"), a("k"), a("v")),
    );
    expect(json(locate("@", "email"))).toEqual(fn("locate", s("@"), a("email"), i(1)));
    expect(json(lpad("id", 8, "0"))).toEqual(fn("lpad", a("id"), i(8), s("0")));
    expect(json(substringIndex("h", ".", -2))).toEqual(
      fn("substring_index", a("h"), s("."), i(-2)),
    );
    expect(json(translate("s", "abc", "xy"))).toEqual(fn("translate", a("s"), s("abc"), s("xy")));
  });

  it("optional column parameters are left out when absent", () => {
    expect(json(toBinary("s"))).toEqual(fn("to_binary", a("s")));
    expect(json(toBinary("s", lit("hex")))).toEqual(fn("to_binary", a("s"), s("hex")));
  });

  it("randstr sends a seed", () => {
    expect(json(randstr(5, 1))).toEqual(fn("randstr", i(5), i(1)));
  });
});
