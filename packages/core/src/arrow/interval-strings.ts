/**
 * Interval values as Spark writes them (`CAST(x AS STRING)`, `show()`), for display: ANSI
 * year-month and day-time intervals arrive as plain numbers of months and microseconds, so the
 * text depends on the column's type.
 *
 * @module
 */
import { DayTimeIntervalType, YearMonthIntervalType } from "../types/interval-types.js";
import type { CalendarInterval } from "./values.js";

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_MINUTE = 60n * MICROS_PER_SECOND;
const MICROS_PER_HOUR = 60n * MICROS_PER_MINUTE;
const MICROS_PER_DAY = 24n * MICROS_PER_HOUR;
const DAY_TIME_ORDER = ["day", "hour", "minute", "second"] as const;

/** Seconds with up to six fraction digits, trailing zeros dropped: 6789000n → "6.789". */
function seconds(micros: bigint): string {
  const whole = micros / MICROS_PER_SECOND;
  const fraction = (micros % MICROS_PER_SECOND).toString().padStart(6, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

function fieldsText(start: string, end: string): string {
  return start === end ? start.toUpperCase() : `${start.toUpperCase()} TO ${end.toUpperCase()}`;
}

/**
 * A year-month interval of `months` as Spark writes it for its type (default `YEAR TO MONTH`).
 *
 * @example yearMonthIntervalToString(-14) // "INTERVAL '-1-2' YEAR TO MONTH"
 */
export function yearMonthIntervalToString(
  months: number,
  type: YearMonthIntervalType = new YearMonthIntervalType(),
): string {
  const sign = months < 0 ? "-" : "";
  const abs = Math.abs(months);
  const years = Math.floor(abs / 12);
  let value: string;
  if (type.startField === "month") value = `${months}`;
  else if (type.endField === "year") value = `${sign}${years}`;
  else value = `${sign}${years}-${abs % 12}`;
  return `INTERVAL '${value}' ${fieldsText(type.startField, type.endField)}`;
}

/**
 * A day-time interval of `micros` microseconds as Spark writes it for its type (default
 * `DAY TO SECOND`): the first field unbounded, the others two digits, seconds with their fraction.
 *
 * @example dayTimeIntervalToString(273_906_789_000n) // "INTERVAL '3 04:05:06.789' DAY TO SECOND"
 */
export function dayTimeIntervalToString(
  micros: bigint | number,
  type: DayTimeIntervalType = new DayTimeIntervalType(),
): string {
  let rest = BigInt(micros);
  const sign = rest < 0n ? "-" : "";
  if (rest < 0n) rest = -rest;
  const start = DAY_TIME_ORDER.indexOf(type.startField);
  const end = DAY_TIME_ORDER.indexOf(type.endField);
  const units = [MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE];
  let text = sign;
  for (let f = start; f <= end; f++) {
    const separator = f === start ? "" : f === 1 ? " " : ":";
    if (f === 3) {
      const lead = rest < 10n * MICROS_PER_SECOND ? "0" : "";
      text += `${separator}${lead}${seconds(rest)}`;
      break;
    }
    const unit = units[f] as bigint;
    const value = rest / unit;
    rest %= unit;
    text += `${separator}${f === 0 ? `${value}` : `${value}`.padStart(2, "0")}`;
  }
  return `INTERVAL '${text}' ${fieldsText(type.startField, type.endField)}`;
}

/**
 * A calendar interval as Spark's `CalendarInterval.toString` writes it.
 *
 * @example calendarIntervalToString({ months: 14, days: 3, microseconds: 3_600_000_001n })
 * // "1 years 2 months 3 days 1 hours 0.000001 seconds"
 */
export function calendarIntervalToString(value: CalendarInterval): string {
  const { months, days, microseconds } = value;
  if (months === 0 && days === 0 && microseconds === 0n) return "0 seconds";
  const parts: string[] = [];
  const unit = (n: number | bigint, name: string) => {
    if (n !== 0 && n !== 0n) parts.push(`${n} ${name}`);
  };
  unit(Math.trunc(months / 12), "years");
  unit(months % 12, "months");
  unit(days, "days");
  let rest = microseconds;
  unit(rest / MICROS_PER_HOUR, "hours");
  rest %= MICROS_PER_HOUR;
  unit(rest / MICROS_PER_MINUTE, "minutes");
  rest %= MICROS_PER_MINUTE;
  if (rest !== 0n) {
    const negative = rest < 0n;
    parts.push(`${negative ? "-" : ""}${seconds(negative ? -rest : rest)} seconds`);
  }
  return parts.join(" ");
}
