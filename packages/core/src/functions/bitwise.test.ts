import { describe, expect, it } from "vitest";
import { a, fn, i, json, thrown } from "../testing/expressions.js";
import {
  bitCount,
  bitGet,
  bitwiseNOT,
  bitwiseNot,
  shiftLeft,
  shiftrightunsigned,
} from "./bitwise.js";
import { lit } from "./core.js";

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
