import { describe, expect, test } from "vitest";
import {
  formatDecimal,
  parseDecimal,
  readSmallUnscaled,
  readUnscaled,
  writeUnscaled,
} from "./decimal.js";

describe("decimal words", () => {
  const extremes = [0n, 1n, -1n, 2n ** 53n - 1n, -(2n ** 53n), 2n ** 64n + 5n, 10n ** 38n - 1n];
  test("round-trip through little-endian two's complement words (128 and 256 bits)", () => {
    for (const stride of [4, 8]) {
      const words = new Uint32Array(extremes.length * stride);
      extremes.forEach((v, i) => {
        writeUnscaled(words, i, stride, v);
      });
      expect(extremes.map((_, i) => readUnscaled(words, i, stride))).toEqual(extremes);
      expect(extremes.map((_, i) => readSmallUnscaled(words, i, stride))).toEqual([
        0,
        1,
        -1,
        2 ** 53 - 1,
        undefined,
        undefined,
        undefined,
      ]);
    }
    const words = new Uint32Array(4);
    writeUnscaled(words, 0, 4, -(10n ** 38n - 1n));
    expect(readUnscaled(words, 0, 4)).toBe(-(10n ** 38n - 1n));
  });
});

describe("formatDecimal", () => {
  test("gives exactly `scale` fraction digits", () => {
    expect(formatDecimal(-123400n, 4)).toBe("-12.3400");
    expect(formatDecimal(5n, 3)).toBe("0.005");
    expect(formatDecimal(-5n, 3)).toBe("-0.005");
    expect(formatDecimal(0n, 2)).toBe("0.00");
    expect(formatDecimal(42n, 0)).toBe("42");
    expect(formatDecimal(-42, 0)).toBe("-42");
    expect(formatDecimal(12n, -2)).toBe("1200");
    expect(formatDecimal(10n ** 38n - 1n, 38)).toBe(`0.${"9".repeat(38)}`);
    expect(formatDecimal(-(10n ** 38n - 1n), 0)).toBe(`-${"9".repeat(38)}`);
  });
});

describe("parseDecimal", () => {
  const ok = (v: string | number | bigint, p: number, s: number) => {
    const r = parseDecimal(v, p, s);
    if ("reason" in r) throw new Error(r.reason);
    return r.unscaled;
  };
  const reason = (v: string | number | bigint, p: number, s: number) => {
    const r = parseDecimal(v, p, s);
    return "reason" in r ? r.reason : undefined;
  };

  test("reads strings, numbers and bigints exactly", () => {
    expect(ok("-12.34", 6, 4)).toBe(-123400n);
    expect(ok("+.5", 3, 2)).toBe(50n);
    expect(ok("7.", 3, 0)).toBe(7n);
    expect(ok("1e3", 6, 2)).toBe(100000n);
    expect(ok("1.250E-1", 5, 3)).toBe(125n);
    expect(ok("1.2000", 3, 1)).toBe(12n);
    expect(ok(0.1, 5, 3)).toBe(100n);
    expect(ok(1e21, 30, 0)).toBe(10n ** 21n);
    expect(ok(-7n, 5, 2)).toBe(-700n);
    expect(ok("0000.000", 1, 0)).toBe(0n);
    expect(ok(`${"9".repeat(38)}`, 38, 0)).toBe(10n ** 38n - 1n);
  });

  test("refuses what it cannot hold exactly", () => {
    expect(reason("1.234", 10, 2)).toBe("more than 2 fraction digits");
    expect(reason(0.1 + 0.2, 10, 2)).toBe("more than 2 fraction digits");
    expect(reason("123.4", 4, 2)).toBe("more than 4 digits (precision 4, scale 2)");
    expect(reason("1e40", 38, 0)).toBe("more than 38 digits");
    expect(reason(Number.POSITIVE_INFINITY, 10, 2)).toBe("a decimal must be finite");
    expect(reason(Number.NaN, 10, 2)).toBe("a decimal must be finite");
    expect(reason("abc", 10, 2)).toBe("not a decimal number");
    expect(reason("", 10, 2)).toBe("not a decimal number");
    expect(reason(".", 10, 2)).toBe("not a decimal number");
  });
});
