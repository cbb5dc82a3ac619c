import { toJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import { Timestamp } from "../arrow/timestamp.js";
import { SparkArgumentError } from "../errors.js";
import { toProtoLiteral } from "../expressions/literal.js";
import { Expression_LiteralSchema } from "../gen/spark/connect/expressions_pb.js";
import { Decimal, decimal } from "./decimal.js";
import { LocalDate, localDate } from "./local-date.js";

const json = (value: unknown) => toJson(Expression_LiteralSchema, toProtoLiteral(value));

function thrown(f: () => unknown): SparkArgumentError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkArgumentError);
    return e as SparkArgumentError;
  }
  throw new Error("expected a throw");
}

describe("Decimal", () => {
  test("precision and scale are read off the digits, as Spark reads a BigDecimal", () => {
    const cases: [string | number | bigint, number, number, string][] = [
      ["12.345", 5, 3, "12.345"],
      ["-0.001", 3, 3, "-0.001"],
      ["0", 1, 0, "0"],
      ["100", 3, 0, "100"],
      ["1e3", 4, 0, "1000"],
      ["1.50", 3, 2, "1.50"],
      [0.1, 1, 1, "0.1"],
      [123n, 3, 0, "123"],
      [
        "12345678901234567890.123456789012345678",
        38,
        18,
        "12345678901234567890.123456789012345678",
      ],
    ];
    for (const [value, precision, scale, text] of cases) {
      const d = new Decimal(value);
      expect([d.precision, d.scale, d.toString()]).toEqual([precision, scale, text]);
    }
  });

  test("an explicit scale pads the fraction; nothing is rounded", () => {
    const d = decimal("12.3", 2);
    expect([d.precision, d.scale, d.unscaled, d.toString(), JSON.stringify(d)]).toEqual([
      4,
      2,
      1230n,
      "12.30",
      '"12.30"',
    ]);
    expect(Object.isFrozen(d)).toBe(true);
    expect(thrown(() => decimal("12.345", 2)).errorClass).toBe("CANNOT_PARSE_DECIMAL");
    expect(decimal("12.300", 1).toString()).toBe("12.3");
    expect(decimal("0.001", 5).precision).toBe(5);
    expect(thrown(() => decimal("abc")).errorClass).toBe("CANNOT_PARSE_DECIMAL");
    expect(thrown(() => decimal(Number.NaN)).errorClass).toBe("CANNOT_PARSE_DECIMAL");
    const big = thrown(() => decimal("1".repeat(39)));
    expect([big.errorClass, big.messageParameters]).toEqual([
      "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
      { precision: "39", maxPrecision: "38" },
    ]);
  });

  test("is a decimal literal with its precision and scale", () => {
    expect(json(decimal("12.345"))).toEqual({
      decimal: { value: "12.345", precision: 5, scale: 3 },
    });
    expect(json([decimal("1.5"), decimal("2.5")])).toEqual({
      array: {
        elementType: { decimal: { precision: 2, scale: 1 } },
        elements: [
          { decimal: { value: "1.5", precision: 2, scale: 1 } },
          { decimal: { value: "2.5", precision: 2, scale: 1 } },
        ],
      },
    });
  });
});

describe("LocalDate", () => {
  test("a YYYY-MM-DD date or days since the epoch; a DATE literal", () => {
    expect(new LocalDate("2026-01-31").epochDays).toBe(20484);
    expect(new LocalDate("1970-01-01").epochDays).toBe(0);
    expect(new LocalDate("1969-12-31").epochDays).toBe(-1);
    expect(new LocalDate("0001-01-01").toString()).toBe("0001-01-01");
    expect(localDate(20484).toString()).toBe("2026-01-31");
    expect(localDate("2024-02-29").toDate()).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(JSON.stringify({ d: localDate("2026-01-31") })).toBe('{"d":"2026-01-31"}');
    expect(json(localDate("2026-01-31"))).toEqual({ date: 20484 });
    // A JS Date stays a TIMESTAMP.
    expect(json(new Date("2026-01-31T00:00:00Z"))).toEqual({ timestamp: "1769817600000000" });
  });

  test("anything else is a typed error", () => {
    for (const bad of ["2026-02-30", "2026-1-31", "31/01/2026", "", 1.5]) {
      const err = thrown(() => new LocalDate(bad));
      expect([err.name, err.errorClass]).toEqual(["SparkArgumentError", "INVALID_DATE"]);
    }
  });
});

describe("nanosecond Timestamps as literals", () => {
  test("are refused (a Spark timestamp literal has microseconds), never rounded", () => {
    const err = thrown(() => toProtoLiteral(Timestamp.fromEpochNanos(1700000000123456789n)));
    expect([err.name, err.errorClass]).toEqual(["SparkArgumentError", "UNSUPPORTED_LITERAL"]);
    expect(err.message).toContain("has nanoseconds");
    // Whole microseconds are fine.
    expect(json(Timestamp.fromEpochNanos(1700000000123456000n))).toEqual({
      timestamp: "1700000000123456",
    });
  });
});
