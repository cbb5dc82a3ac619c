import {
  ArrayType,
  CalendarIntervalType,
  DayTimeIntervalType,
  IntegerType,
  MapType,
  Row,
  StringType,
  StructField,
  StructType,
  Timestamp,
  YearMonthIntervalType,
} from "@spark-connect/core";
import { describe, expect, test } from "vitest";
import { formatValue } from "./render.js";

describe("formatValue", () => {
  test("scalars: NULL, exact numbers, binary, dates and timestamps", () => {
    expect(formatValue(null)).toBe("NULL");
    expect(formatValue(9223372036854775807n)).toBe("9223372036854775807");
    expect(formatValue("-12.340")).toBe("-12.340");
    expect(formatValue(new Uint8Array([0xca, 0xfe, 0]))).toBe("0xCAFE00");
    expect(formatValue(new Date(Date.UTC(2024, 1, 29)))).toBe("2024-02-29");
    expect(formatValue(new Timestamp(1_709_251_199_123_456n, "UTC"))).toBe(
      "2024-02-29T23:59:59.123456Z",
    );
  });

  test("ANSI intervals need their type; calendar intervals do not", () => {
    expect(formatValue(14)).toBe("14");
    expect(formatValue(14, new YearMonthIntervalType())).toBe("INTERVAL '1-2' YEAR TO MONTH");
    expect(formatValue(273_906_789_000n, new DayTimeIntervalType())).toBe(
      "INTERVAL '3 04:05:06.789' DAY TO SECOND",
    );
    const calendar = { months: 14, days: 3, microseconds: 0n };
    expect(formatValue(calendar)).toBe("1 years 2 months 3 days");
    expect(formatValue(calendar, CalendarIntervalType.INSTANCE)).toBe("1 years 2 months 3 days");
  });

  test("types reach into arrays, maps and structs", () => {
    const months = new YearMonthIntervalType("month");
    expect(formatValue([1, null, 25], new ArrayType(months))).toBe(
      "[INTERVAL '1' MONTH, NULL, INTERVAL '25' MONTH]",
    );
    expect(formatValue(new Map([["a", 2]]), new MapType(StringType.INSTANCE, months))).toBe(
      "{a -> INTERVAL '2' MONTH}",
    );
    const struct = new StructType([
      new StructField("n", IntegerType.INSTANCE),
      new StructField("m", months),
    ]);
    const row = Row.fromObject({ n: 1, m: 3 });
    expect(formatValue(row, struct)).toBe("{n: 1, m: INTERVAL '3' MONTH}");
    expect(formatValue(row)).toBe("{n: 1, m: 3}");
  });

  test("variants as JSON", () => {
    // parse_json('{"k":[1,2.5,null]}') as Spark 4.1 encodes it.
    const value = new Uint8Array([2, 1, 0, 0, 15, 3, 3, 0, 2, 8, 9, 12, 1, 32, 1, 25, 0, 0, 0, 0]);
    const metadata = new Uint8Array([1, 1, 0, 1, 107]);
    expect(formatValue({ value, metadata })).toBe('{"k":[1,2.5,null]}');
  });
});
