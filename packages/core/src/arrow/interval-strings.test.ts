import { describe, expect, test } from "vitest";
import { DayTimeIntervalType, YearMonthIntervalType } from "../types/interval-types.js";
import {
  calendarIntervalToString,
  dayTimeIntervalToString,
  yearMonthIntervalToString,
} from "./interval-strings.js";

describe("interval texts (checked against Spark in test/interval-strings.live.test.ts)", () => {
  test("year-month", () => {
    expect(yearMonthIntervalToString(14)).toBe("INTERVAL '1-2' YEAR TO MONTH");
    expect(yearMonthIntervalToString(-14)).toBe("INTERVAL '-1-2' YEAR TO MONTH");
    expect(yearMonthIntervalToString(-144, new YearMonthIntervalType("year"))).toBe(
      "INTERVAL '-12' YEAR",
    );
    expect(yearMonthIntervalToString(-25, new YearMonthIntervalType("month"))).toBe(
      "INTERVAL '-25' MONTH",
    );
  });

  test("day-time", () => {
    expect(dayTimeIntervalToString(273_906_789_000n)).toBe(
      "INTERVAL '3 04:05:06.789' DAY TO SECOND",
    );
    expect(dayTimeIntervalToString(-1n)).toBe("INTERVAL '-0 00:00:00.000001' DAY TO SECOND");
    expect(
      dayTimeIntervalToString(360_300_000_000n, new DayTimeIntervalType("hour", "minute")),
    ).toBe("INTERVAL '100:05' HOUR TO MINUTE");
    expect(dayTimeIntervalToString(6_789_000, new DayTimeIntervalType("second"))).toBe(
      "INTERVAL '06.789' SECOND",
    );
  });

  test("calendar", () => {
    expect(calendarIntervalToString({ months: 0, days: 0, microseconds: 0n })).toBe("0 seconds");
    expect(calendarIntervalToString({ months: 14, days: 3, microseconds: 14_706_000_007n })).toBe(
      "1 years 2 months 3 days 4 hours 5 minutes 6.000007 seconds",
    );
    expect(calendarIntervalToString({ months: -14, days: 0, microseconds: -1_500_000n })).toBe(
      "-1 years -2 months -1.5 seconds",
    );
  });
});
