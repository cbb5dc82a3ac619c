/**
 * Interval values written as text on the client equal Spark's own `CAST(x AS STRING)`, for every
 * year-month and day-time field range, negative values, and calendar intervals.
 */
import { expect, test } from "vitest";
import {
  calendarIntervalToString,
  dayTimeIntervalToString,
  yearMonthIntervalToString,
} from "../src/arrow/interval-strings.js";
import type { CalendarInterval } from "../src/arrow/values.js";
import { DayTimeIntervalType, YearMonthIntervalType } from "../src/types/interval-types.js";
import { withSession } from "./live-session.js";

const LITERALS = [
  "INTERVAL '1-2' YEAR TO MONTH",
  "INTERVAL '-1-2' YEAR TO MONTH",
  "INTERVAL '0-0' YEAR TO MONTH",
  "INTERVAL '178956970-7' YEAR TO MONTH",
  "INTERVAL '12' YEAR",
  "INTERVAL '-12' YEAR",
  "INTERVAL '25' MONTH",
  "INTERVAL '-25' MONTH",
  "INTERVAL '3 04:05:06.789' DAY TO SECOND",
  "INTERVAL '-3 04:05:06.000001' DAY TO SECOND",
  "INTERVAL '0 00:00:00' DAY TO SECOND",
  "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND",
  "INTERVAL '3 04' DAY TO HOUR",
  "INTERVAL '3 04:05' DAY TO MINUTE",
  "INTERVAL '123' DAY",
  "INTERVAL '100:05' HOUR TO MINUTE",
  "INTERVAL '-04:05:06.5' HOUR TO SECOND",
  "INTERVAL '7' HOUR",
  "INTERVAL '05:06.123' MINUTE TO SECOND",
  "INTERVAL '1000' MINUTE",
  "INTERVAL '6.789' SECOND",
  "INTERVAL '-61.5' SECOND",
  "INTERVAL '12.000000' SECOND",
  "make_interval(1, 2, 0, 3, 4, 5, 6.000007)",
  "make_interval(0, -14, 0, -3, -4, -5, -6.5)",
  "make_interval(0, 0, 0, 0, 0, 0, 0)",
  "make_interval(0, 0, 1, 0, 0, 0, 0.000001)",
  "make_interval(2, 0, 0, 0, 25, 0, 0)",
];

test("interval texts match Spark's CAST(x AS STRING) for every field range", async () => {
  await withSession(async (spark) => {
    const select = LITERALS.map((l, i) => `${l} AS v${i}, CAST(${l} AS STRING) AS s${i}`);
    const df = await spark.sql(`SELECT ${select.join(", ")}`);
    const [row] = await df.collect();
    const schema = await df.schema();
    const mismatches: string[] = [];
    LITERALS.forEach((literal, i) => {
      const value = row?.[2 * i];
      const type = schema.fields[2 * i]?.dataType;
      let text: string;
      if (type instanceof YearMonthIntervalType)
        text = yearMonthIntervalToString(value as number, type);
      else if (type instanceof DayTimeIntervalType)
        text = dayTimeIntervalToString(value as bigint, type);
      else text = calendarIntervalToString(value as CalendarInterval);
      const spark = row?.[2 * i + 1];
      if (text !== spark) mismatches.push(`${literal}: ours ${text}, Spark's ${spark}`);
    });
    expect(mismatches).toEqual([]);
  });
});
