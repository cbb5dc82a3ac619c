import { describe, expect, it, vi } from "vitest";
import type { Column } from "../column.js";
import { a, d, fn, i, json, thrown } from "../testing/expressions.js";
import { col, lit } from "./core.js";
import {
  atan2,
  ceil,
  conv,
  e,
  greatest,
  least,
  log,
  negate,
  pmod,
  power,
  rand,
  randn,
  random,
  round,
  toDegrees,
  uniform,
  widthBucket,
} from "./math.js";

const seedOf = (c: Column) =>
  (
    json(c) as { unresolvedFunction: { arguments: { literal: Record<string, unknown> }[] } }
  ).unresolvedFunction.arguments.at(-1)?.literal;

/** Runs `body` while crypto.getRandomValues fills every byte with `byte`. */
function withRandomBytes(byte: number, body: () => void): void {
  const spy = vi.spyOn(crypto, "getRandomValues").mockImplementation((a: ArrayBufferView) => {
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength).fill(byte);
    return a;
  });
  try {
    body();
  } finally {
    spy.mockRestore();
  }
}

describe("math functions", () => {
  it("round sends the scale as a literal only when given", () => {
    expect(json(round(col("x"), 2))).toEqual(fn("round", a("x"), i(2)));
    expect(json(round("x"))).toEqual(fn("round", a("x")));
    expect(json(ceil("x", lit(1)))).toEqual(fn("ceil", a("x"), i(1)));
  });

  it("rand(42) sends the seed; without one a random seed is drawn into the plan", () => {
    expect(json(rand(42))).toEqual(fn("rand", i(42)));
    expect(json(random(7))).toEqual(fn("rand", i(7)));
    expect(json(randn(1))).toEqual(fn("randn", i(1)));
    // The random seed is in [0, 2^63-1]: all bits drawn set give the largest long, not -1…
    withRandomBytes(0xff, () => expect(seedOf(rand())).toEqual({ long: "9223372036854775807" }));
    // …and a small one is sent as an INT.
    withRandomBytes(0x00, () => expect(json(rand())).toEqual(fn("rand", i(0))));
  });

  it("uniform sends min, max and a seed (a random one when not given)", () => {
    expect(json(uniform(1, 7, 42))).toEqual(fn("uniform", i(1), i(7), i(42)));
    withRandomBytes(0x00, () =>
      expect(json(uniform(0, 1))).toEqual(fn("uniform", i(0), i(1), i(0))),
    );
  });

  it("log with one argument is ln, with two the base comes first", () => {
    expect(json(log("x"))).toEqual(fn("ln", a("x")));
    expect(json(log(2, "x"))).toEqual(fn("log", i(2), a("x")));
  });

  it("binary math functions take numbers as literals and strings as columns", () => {
    expect(json(pmod("m", 60))).toEqual(fn("pmod", a("m"), i(60)));
    expect(json(atan2(1.5, col("x")))).toEqual(fn("atan2", d(1.5), a("x")));
    expect(json(power("b", 2))).toEqual(fn("power", a("b"), i(2)));
  });

  it("aliases send the canonical Spark names", () => {
    expect(json(negate("x"))).toEqual(fn("negative", a("x")));
    expect(json(toDegrees("x"))).toEqual(fn("degrees", a("x")));
    expect(json(e())).toEqual(fn("e"));
  });

  it("conv and widthBucket send their literal arguments", () => {
    expect(json(conv("h", 16, 10))).toEqual(fn("conv", a("h"), i(16), i(10)));
    expect(json(widthBucket("v", lit(0), lit(100), 10))).toEqual(
      fn("width_bucket", a("v"), i(0), i(100), i(10)),
    );
  });

  it("greatest and least need two columns", () => {
    expect(json(greatest("a", "b"))).toEqual(fn("greatest", a("a"), a("b")));
    expect(thrown(() => greatest("a")).errorClass).toBe("WRONG_NUM_COLUMNS");
    expect(thrown(() => least()).messageParameters).toEqual({
      func_name: "least",
      num_cols: "2",
    });
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => round(3 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
