import { describe, expect, it } from "vitest";
import { a, fn, i, json, thrown } from "../testing/expressions.js";
import { lit } from "./core.js";
import { bucket, days, hours, months, years } from "./partition-transforms.js";

describe("partition transforms", () => {
  it("name the transforms", () => {
    expect([years("d"), months("d"), days("d"), hours("t")].map(json)).toEqual([
      fn("years", a("d")),
      fn("months", a("d")),
      fn("days", a("d")),
      fn("hours", a("t")),
    ]);
  });

  it("bucket takes a number or a Column, then the column", () => {
    expect(json(bucket(16, "id"))).toEqual(fn("bucket", i(16), a("id")));
    expect(json(bucket(lit(8), "id"))).toEqual(fn("bucket", i(8), a("id")));
    const e = thrown(() => bucket("16" as unknown as number, "id"));
    expect(e.errorClass).toBe("NOT_COLUMN_OR_INT");
  });
});
