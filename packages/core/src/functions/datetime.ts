/**
 * Date, time, timestamp and interval functions. Formats are Spark's datetime patterns
 * (`yyyy-MM-dd HH:mm:ss`); results depend on the session time zone (`spark.sql.session.timeZone`).
 *
 * @module
 */
import { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import type { Expression } from "../expressions/expression.js";
import { Literal } from "../expressions/literal.js";
import { decimalZero, intOrCol, optionalCol, optionalLit, strArg } from "./args.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

function unary(name: string, col: ColumnOrName): Column {
  return call(name, colArg(col));
}

/** A missing interval part: PySpark sends 0 (and DECIMAL 0 for seconds). */
function partOrZero(value: ColumnOrName | undefined, what: string): Expression {
  return value === undefined || value === null ? new Literal(0) : colArg(value, what);
}

// Current date and time --------------------------------------------------------------------------

/** The current date, at the start of the query. */
export function currentDate(): Column {
  return call("current_date");
}

/** The current date, as {@link currentDate}. */
export function curdate(): Column {
  return call("curdate");
}

/** The current time of day, at the start of the query, with `precision` (0–6) second digits. */
export function currentTime(precision?: number): Column {
  return call("current_time", ...optionalLit(precision, "precision"));
}

/** The current timestamp, at the start of the query. */
export function currentTimestamp(): Column {
  return call("current_timestamp");
}

/** The current timestamp, as {@link currentTimestamp}. */
export function now(): Column {
  return call("now");
}

/** The current timestamp without time zone, at the start of the query. */
export function localtimestamp(): Column {
  return call("localtimestamp");
}

/** The session time zone. */
export function currentTimezone(): Column {
  return call("current_timezone");
}

// Parts of dates and times -----------------------------------------------------------------------

/** The year. */
export function year(col: ColumnOrName): Column {
  return unary("year", col);
}

/** The quarter (1–4). */
export function quarter(col: ColumnOrName): Column {
  return unary("quarter", col);
}

/** The month (1–12). */
export function month(col: ColumnOrName): Column {
  return unary("month", col);
}

/** The day of the month (1–31). */
export function day(col: ColumnOrName): Column {
  return unary("day", col);
}

/** The day of the month (1–31). */
export function dayofmonth(col: ColumnOrName): Column {
  return unary("dayofmonth", col);
}

/** The day of the week, 1 (Sunday) to 7 (Saturday). */
export function dayofweek(col: ColumnOrName): Column {
  return unary("dayofweek", col);
}

/** The day of the week, 0 (Monday) to 6 (Sunday). */
export function weekday(col: ColumnOrName): Column {
  return unary("weekday", col);
}

/** The day of the year (1–366). */
export function dayofyear(col: ColumnOrName): Column {
  return unary("dayofyear", col);
}

/** The ISO 8601 week of the year (weeks start on Monday). */
export function weekofyear(col: ColumnOrName): Column {
  return unary("weekofyear", col);
}

/** The three-letter month name (`Jan`…). */
export function monthname(col: ColumnOrName): Column {
  return unary("monthname", col);
}

/** The three-letter day name (`Mon`…). */
export function dayname(col: ColumnOrName): Column {
  return unary("dayname", col);
}

/** The hour. */
export function hour(col: ColumnOrName): Column {
  return unary("hour", col);
}

/** The minute. */
export function minute(col: ColumnOrName): Column {
  return unary("minute", col);
}

/** The second. */
export function second(col: ColumnOrName): Column {
  return unary("second", col);
}

/**
 * A part of a date, timestamp or interval: `field` is a literal column such as `lit("YEAR")`,
 * `lit("DOW")`, `lit("SECOND")`.
 *
 * @example
 * ```ts
 * extract(lit("YEAR"), "ts")
 * ```
 */
export function extract(field: Column, source: ColumnOrName): Column {
  return call("extract", colArg(field, "field"), colArg(source, "source"));
}

/** A part of a date, timestamp or interval, as {@link extract}. */
export function datePart(field: Column, source: ColumnOrName): Column {
  return call("date_part", colArg(field, "field"), colArg(source, "source"));
}

/** A part of a date, timestamp or interval, as {@link extract}. */
export function datepart(field: Column, source: ColumnOrName): Column {
  return call("datepart", colArg(field, "field"), colArg(source, "source"));
}

// Arithmetic -------------------------------------------------------------------------------------

/**
 * The date `days` days after `start`. A number is a literal, a string names a column.
 *
 * @example
 * ```ts
 * dateAdd("start", 7)
 * ```
 */
export function dateAdd(start: ColumnOrName, days: ColumnOrName | number): Column {
  return call("date_add", colArg(start, "start"), intOrCol(days, "days"));
}

/** The date `days` days after `start`, as {@link dateAdd}. */
export function dateadd(start: ColumnOrName, days: ColumnOrName | number): Column {
  return call("dateadd", colArg(start, "start"), intOrCol(days, "days"));
}

/** The date `days` days before `start`. A number is a literal, a string names a column. */
export function dateSub(start: ColumnOrName, days: ColumnOrName | number): Column {
  return call("date_sub", colArg(start, "start"), intOrCol(days, "days"));
}

/** The date `months` months after `start`. A number is a literal, a string names a column. */
export function addMonths(start: ColumnOrName, months: ColumnOrName | number): Column {
  return call("add_months", colArg(start, "start"), intOrCol(months, "months"));
}

/** The number of days from `start` to `end`. */
export function datediff(end: ColumnOrName, start: ColumnOrName): Column {
  return call("datediff", colArg(end, "end"), colArg(start, "start"));
}

/** The number of days from `start` to `end`, as {@link datediff}. */
export function dateDiff(end: ColumnOrName, start: ColumnOrName): Column {
  return call("date_diff", colArg(end, "end"), colArg(start, "start"));
}

/**
 * The number of months between `date1` and `date2` (positive when `date1` is later), rounded to
 * 8 digits unless `roundOff` is false.
 */
export function monthsBetween(date1: ColumnOrName, date2: ColumnOrName, roundOff = true): Column {
  return call(
    "months_between",
    colArg(date1, "date1"),
    colArg(date2, "date2"),
    litArg(roundOff, "roundOff"),
  );
}

/**
 * The timestamp `quantity` `unit`s after `ts`; `unit` is `"YEAR"`, `"MONTH"`, `"DAY"`, `"HOUR"`…
 *
 * @example
 * ```ts
 * timestampAdd("HOUR", lit(3), "ts")
 * ```
 */
export function timestampAdd(unit: string, quantity: ColumnOrName, ts: ColumnOrName): Column {
  return call("timestampadd", litArg(unit, "unit"), colArg(quantity, "quantity"), colArg(ts, "ts"));
}

/**
 * The number of whole `unit`s from `start` to `end`; `unit` is `"YEAR"`, `"MONTH"`, `"DAY"`,
 * `"HOUR"`…
 *
 * @example
 * ```ts
 * timestampDiff("MINUTE", "started", "ended")
 * ```
 */
export function timestampDiff(unit: string, start: ColumnOrName, end: ColumnOrName): Column {
  return call("timestampdiff", litArg(unit, "unit"), colArg(start, "start"), colArg(end, "end"));
}

/** The number of whole `unit`s between two times; `unit` is a column (use `lit("HOUR")`). */
export function timeDiff(unit: ColumnOrName, start: ColumnOrName, end: ColumnOrName): Column {
  return call("time_diff", colArg(unit, "unit"), colArg(start, "start"), colArg(end, "end"));
}

/** The time truncated to `unit` (a column: use `lit("MINUTE")`). */
export function timeTrunc(unit: ColumnOrName, time: ColumnOrName): Column {
  return call("time_trunc", colArg(unit, "unit"), colArg(time, "time"));
}

// Truncation and calendar ------------------------------------------------------------------------

/** The date truncated to `format`: `"year"`/`"yyyy"`/`"yy"`, `"quarter"`, `"month"`/`"mm"`, `"week"`. */
export function trunc(date: ColumnOrName, format: string): Column {
  return call("trunc", colArg(date, "date"), litArg(format, "format"));
}

/**
 * The timestamp truncated to `format`: `"year"`, `"quarter"`, `"month"`, `"week"`, `"day"`,
 * `"hour"`, `"minute"`, `"second"`…
 *
 * @example
 * ```ts
 * dateTrunc("hour", "ts")
 * ```
 */
export function dateTrunc(format: string, timestamp: ColumnOrName): Column {
  return call("date_trunc", litArg(format, "format"), colArg(timestamp, "timestamp"));
}

/** The first date after `date` that falls on `dayOfWeek` (`"Mon"`, `"Tue"`…). */
export function nextDay(date: ColumnOrName, dayOfWeek: string): Column {
  return call("next_day", colArg(date, "date"), litArg(dayOfWeek, "dayOfWeek"));
}

/** The last day of the date's month. */
export function lastDay(date: ColumnOrName): Column {
  return call("last_day", colArg(date, "date"));
}

// Formatting and parsing -------------------------------------------------------------------------

/**
 * The date or timestamp formatted with `format`.
 *
 * @example
 * ```ts
 * dateFormat("d", "yyyy-MM")
 * ```
 */
export function dateFormat(date: ColumnOrName, format: string): Column {
  return call("date_format", colArg(date, "date"), litArg(format, "format"));
}

/**
 * A date parsed from a string with `format` (or cast when omitted).
 *
 * @example
 * ```ts
 * toDate("s", "dd.MM.yyyy")
 * ```
 */
export function toDate(col: ColumnOrName, format?: string): Column {
  return call("to_date", colArg(col), ...optionalLit(format, "format"));
}

/** As {@link toDate}, null instead of an error on bad input. */
export function tryToDate(col: ColumnOrName, format?: string): Column {
  return call("try_to_date", colArg(col), ...optionalLit(format, "format"));
}

/** A timestamp parsed from a string with `format` (or cast when omitted). */
export function toTimestamp(col: ColumnOrName, format?: string): Column {
  return call("to_timestamp", colArg(col), ...optionalLit(format, "format"));
}

/** As {@link toTimestamp}, null instead of an error; `format` is a column (use `lit`). */
export function tryToTimestamp(col: ColumnOrName, format?: ColumnOrName): Column {
  return call("try_to_timestamp", colArg(col), ...optionalCol(format, "format"));
}

/** A timestamp with local time zone parsed with `format` (a column: use `lit`). */
export function toTimestampLtz(timestamp: ColumnOrName, format?: ColumnOrName): Column {
  return call("to_timestamp_ltz", colArg(timestamp, "timestamp"), ...optionalCol(format, "format"));
}

/** A timestamp without time zone parsed with `format` (a column: use `lit`). */
export function toTimestampNtz(timestamp: ColumnOrName, format?: ColumnOrName): Column {
  return call("to_timestamp_ntz", colArg(timestamp, "timestamp"), ...optionalCol(format, "format"));
}

/** A time of day parsed from a string with `format` (a column: use `lit`). */
export function toTime(str: ColumnOrName, format?: ColumnOrName): Column {
  return call("to_time", colArg(str, "str"), ...optionalCol(format, "format"));
}

/** As {@link toTime}, null instead of an error on bad input. */
export function tryToTime(str: ColumnOrName, format?: ColumnOrName): Column {
  return call("try_to_time", colArg(str, "str"), ...optionalCol(format, "format"));
}

/** The seconds since the epoch of a time string parsed with `format` (a column: use `lit`). */
export function toUnixTimestamp(timestamp: ColumnOrName, format?: ColumnOrName): Column {
  return call(
    "to_unix_timestamp",
    colArg(timestamp, "timestamp"),
    ...optionalCol(format, "format"),
  );
}

/**
 * Seconds since the epoch formatted as a string in the session time zone.
 *
 * @example
 * ```ts
 * fromUnixtime("epoch", "yyyy-MM-dd")
 * ```
 */
export function fromUnixtime(timestamp: ColumnOrName, format = "yyyy-MM-dd HH:mm:ss"): Column {
  return call("from_unixtime", colArg(timestamp, "timestamp"), litArg(format, "format"));
}

/**
 * The seconds since the epoch of a time string parsed with `format`; without arguments, of the
 * current time.
 */
export function unixTimestamp(timestamp?: ColumnOrName, format = "yyyy-MM-dd HH:mm:ss"): Column {
  if (timestamp === undefined || timestamp === null) return call("unix_timestamp");
  return call("unix_timestamp", colArg(timestamp, "timestamp"), litArg(format, "format"));
}

// Epoch conversions ------------------------------------------------------------------------------

/** The date `days` days after 1970-01-01. */
export function dateFromUnixDate(days: ColumnOrName): Column {
  return call("date_from_unix_date", colArg(days, "days"));
}

/** The number of days since 1970-01-01. */
export function unixDate(col: ColumnOrName): Column {
  return unary("unix_date", col);
}

/** The number of microseconds since the epoch. */
export function unixMicros(col: ColumnOrName): Column {
  return unary("unix_micros", col);
}

/** The number of milliseconds since the epoch. */
export function unixMillis(col: ColumnOrName): Column {
  return unary("unix_millis", col);
}

/** The number of seconds since the epoch. */
export function unixSeconds(col: ColumnOrName): Column {
  return unary("unix_seconds", col);
}

/** The timestamp of a number of seconds since the epoch. */
export function timestampSeconds(col: ColumnOrName): Column {
  return unary("timestamp_seconds", col);
}

/** The timestamp of a number of milliseconds since the epoch. */
export function timestampMillis(col: ColumnOrName): Column {
  return unary("timestamp_millis", col);
}

/** The timestamp of a number of microseconds since the epoch. */
export function timestampMicros(col: ColumnOrName): Column {
  return unary("timestamp_micros", col);
}

// Time zones -------------------------------------------------------------------------------------

/** A UTC timestamp shown as wall-clock time in `tz` (a zone id such as `"Europe/Zurich"`). */
export function fromUtcTimestamp(timestamp: ColumnOrName, tz: Column | string): Column {
  return call("from_utc_timestamp", colArg(timestamp, "timestamp"), litArg(tz, "tz"));
}

/** A wall-clock time in `tz` converted to UTC. */
export function toUtcTimestamp(timestamp: ColumnOrName, tz: Column | string): Column {
  return call("to_utc_timestamp", colArg(timestamp, "timestamp"), litArg(tz, "tz"));
}

/**
 * A timestamp without time zone converted from `sourceTz` (the session time zone when null) to
 * `targetTz`; the zones are literal columns.
 *
 * @example
 * ```ts
 * convertTimezone(lit("UTC"), lit("Asia/Tokyo"), "ts")
 * convertTimezone(null, lit("Asia/Tokyo"), "ts")
 * ```
 */
export function convertTimezone(
  sourceTz: Column | null | undefined,
  targetTz: Column,
  sourceTs: ColumnOrName,
): Column {
  return call(
    "convert_timezone",
    ...optionalCol(sourceTz, "sourceTz"),
    colArg(targetTz, "targetTz"),
    colArg(sourceTs, "sourceTs"),
  );
}

// Constructing dates, times, timestamps and intervals --------------------------------------------

/** The date of a year, month and day. */
export function makeDate(
  yearCol: ColumnOrName,
  monthCol: ColumnOrName,
  dayCol: ColumnOrName,
): Column {
  return call(
    "make_date",
    colArg(yearCol, "year"),
    colArg(monthCol, "month"),
    colArg(dayCol, "day"),
  );
}

/** The time of day of an hour, minute and (fractional) second. */
export function makeTime(
  hourCol: ColumnOrName,
  minuteCol: ColumnOrName,
  secondCol: ColumnOrName,
): Column {
  return call(
    "make_time",
    colArg(hourCol, "hour"),
    colArg(minuteCol, "minute"),
    colArg(secondCol, "second"),
  );
}

/** A date column and a time column combined into a timestamp (`makeTimestamp({ date, time })`). */
export interface DateAndTime {
  date: ColumnOrName;
  time: ColumnOrName;
  /** The time zone of the result (session time zone when omitted). */
  timezone?: ColumnOrName;
}

function isDateAndTime(value: unknown): value is DateAndTime {
  return (
    typeof value === "object" && value !== null && !(value instanceof Column) && "date" in value
  );
}

function makeTimestampArgs(
  fn: string,
  args: readonly (ColumnOrName | DateAndTime | undefined)[],
  allowTimezone: boolean,
): Column {
  const first = args[0];
  if (isDateAndTime(first)) {
    if (args.length > 1) {
      throw new SparkArgumentError(
        "pass either years, months, days, hours, mins, secs or { date, time }",
        {
          errorClass: "CANNOT_SET_TOGETHER",
          messageParameters: { arg_list: "years|months|days|hours|mins|secs and date|time" },
        },
      );
    }
    return call(
      fn,
      colArg(first.date, "date"),
      colArg(first.time, "time"),
      ...(allowTimezone ? optionalCol(first.timezone, "timezone") : []),
    );
  }
  const names = ["years", "months", "days", "hours", "mins", "secs"] as const;
  const parts = names.map((name, i) => {
    const part = args[i];
    if (part === undefined || part === null || isDateAndTime(part)) {
      throw new SparkArgumentError(`${fn} needs years, months, days, hours, mins and secs`, {
        errorClass: "CANNOT_BE_NONE",
        messageParameters: { arg_name: name },
      });
    }
    return colArg(part, name);
  });
  const timezone = allowTimezone ? args[6] : undefined;
  if (isDateAndTime(timezone)) {
    throw new SparkArgumentError("timezone must be a Column or a column name", {
      errorClass: "NOT_COLUMN_OR_STR",
      messageParameters: { arg_name: "timezone", arg_type: "object" },
    });
  }
  return call(fn, ...parts, ...optionalCol(timezone, "timezone"));
}

/**
 * A timestamp of years, months, days, hours, minutes and (fractional) seconds, in `timezone`
 * when given; or of a date and a time column.
 *
 * @example
 * ```ts
 * makeTimestamp("y", "mo", "d", "h", "mi", "s")
 * makeTimestamp({ date: "d", time: "t", timezone: lit("UTC") })
 * ```
 */
export function makeTimestamp(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
  timezone?: ColumnOrName,
): Column;
export function makeTimestamp(dateAndTime: DateAndTime): Column;
export function makeTimestamp(...args: (ColumnOrName | DateAndTime | undefined)[]): Column {
  return makeTimestampArgs("make_timestamp", args, true);
}

/** As {@link makeTimestamp}, null instead of an error on invalid input. */
export function tryMakeTimestamp(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
  timezone?: ColumnOrName,
): Column;
export function tryMakeTimestamp(dateAndTime: DateAndTime): Column;
export function tryMakeTimestamp(...args: (ColumnOrName | DateAndTime | undefined)[]): Column {
  return makeTimestampArgs("try_make_timestamp", args, true);
}

/** A timestamp without time zone of its parts, or of a date and a time column. */
export function makeTimestampNtz(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
): Column;
export function makeTimestampNtz(dateAndTime: Omit<DateAndTime, "timezone">): Column;
export function makeTimestampNtz(...args: (ColumnOrName | DateAndTime | undefined)[]): Column {
  return makeTimestampArgs("make_timestamp_ntz", args, false);
}

/** As {@link makeTimestampNtz}, null instead of an error on invalid input. */
export function tryMakeTimestampNtz(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
): Column;
export function tryMakeTimestampNtz(dateAndTime: Omit<DateAndTime, "timezone">): Column;
export function tryMakeTimestampNtz(...args: (ColumnOrName | DateAndTime | undefined)[]): Column {
  return makeTimestampArgs("try_make_timestamp_ntz", args, false);
}

/** A timestamp with local time zone of its parts, in `timezone` when given. */
export function makeTimestampLtz(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
  timezone?: ColumnOrName,
): Column {
  return makeTimestampArgs(
    "make_timestamp_ltz",
    [years, months, days, hours, mins, secs, timezone],
    true,
  );
}

/** As {@link makeTimestampLtz}, null instead of an error on invalid input. */
export function tryMakeTimestampLtz(
  years: ColumnOrName,
  months: ColumnOrName,
  days: ColumnOrName,
  hours: ColumnOrName,
  mins: ColumnOrName,
  secs: ColumnOrName,
  timezone?: ColumnOrName,
): Column {
  return makeTimestampArgs(
    "try_make_timestamp_ltz",
    [years, months, days, hours, mins, secs, timezone],
    true,
  );
}

/** The parts of an interval; missing parts are 0. */
interface IntervalParts {
  years?: ColumnOrName;
  months?: ColumnOrName;
  weeks?: ColumnOrName;
  days?: ColumnOrName;
  hours?: ColumnOrName;
  mins?: ColumnOrName;
  /** Fractional seconds. */
  secs?: ColumnOrName;
}

/**
 * A calendar interval of years, months, weeks, days, hours, minutes and seconds (columns; missing
 * parts are 0), positional as in PySpark.
 *
 * @example
 * ```ts
 * makeInterval("y", "m")
 * makeInterval(undefined, undefined, undefined, "d")
 * ```
 */
export function makeInterval(
  years?: ColumnOrName,
  months?: ColumnOrName,
  weeks?: ColumnOrName,
  days?: ColumnOrName,
  hours?: ColumnOrName,
  mins?: ColumnOrName,
  secs?: ColumnOrName,
): Column {
  return call("make_interval", ...intervalArgs({ years, months, weeks, days, hours, mins, secs }));
}

/** As {@link makeInterval}, null instead of an error on overflow. */
export function tryMakeInterval(
  years?: ColumnOrName,
  months?: ColumnOrName,
  weeks?: ColumnOrName,
  days?: ColumnOrName,
  hours?: ColumnOrName,
  mins?: ColumnOrName,
  secs?: ColumnOrName,
): Column {
  return call(
    "try_make_interval",
    ...intervalArgs({ years, months, weeks, days, hours, mins, secs }),
  );
}

function intervalArgs(p: IntervalParts): Expression[] {
  return [
    partOrZero(p.years, "years"),
    partOrZero(p.months, "months"),
    partOrZero(p.weeks, "weeks"),
    partOrZero(p.days, "days"),
    partOrZero(p.hours, "hours"),
    partOrZero(p.mins, "mins"),
    p.secs === undefined || p.secs === null ? decimalZero() : colArg(p.secs, "secs"),
  ];
}

/** A day-time interval of days, hours, minutes and seconds (columns; missing parts are 0). */
export function makeDtInterval(
  days?: ColumnOrName,
  hours?: ColumnOrName,
  mins?: ColumnOrName,
  secs?: ColumnOrName,
): Column {
  return call(
    "make_dt_interval",
    partOrZero(days, "days"),
    partOrZero(hours, "hours"),
    partOrZero(mins, "mins"),
    secs === undefined || secs === null ? decimalZero() : colArg(secs, "secs"),
  );
}

/** A year-month interval of years and months (columns; missing parts are 0). */
export function makeYmInterval(years?: ColumnOrName, months?: ColumnOrName): Column {
  return call("make_ym_interval", partOrZero(years, "years"), partOrZero(months, "months"));
}

// Time windows -----------------------------------------------------------------------------------

/**
 * Buckets rows into tumbling (or, with `slideDuration`, sliding) time windows: a struct column
 * `{start, end}`. Durations are strings such as `"10 minutes"`; `startTime` offsets the windows.
 *
 * @example
 * ```ts
 * df.groupBy(window("ts", "1 hour")).agg(count("*"))
 * window("ts", "10 minutes", "5 minutes")
 * ```
 */
export function window(
  timeColumn: ColumnOrName,
  windowDuration: string,
  slideDuration?: string,
  startTime?: string,
): Column {
  const duration = strArg(windowDuration, "windowDuration");
  const slide = slideDuration === undefined || slideDuration === null ? undefined : slideDuration;
  const start = startTime === undefined || startTime === null ? undefined : startTime;
  const slideExpr = slide === undefined ? undefined : strArg(slide, "slideDuration");
  const startExpr = start === undefined ? undefined : strArg(start, "startTime");
  const time = colArg(timeColumn, "timeColumn");
  if (slideExpr && startExpr) return call("window", time, duration, slideExpr, startExpr);
  if (slideExpr) return call("window", time, duration, slideExpr);
  // With a start time but no slide, the slide is the window duration.
  if (startExpr) return call("window", time, duration, new Literal(windowDuration), startExpr);
  return call("window", time, duration);
}

/**
 * Buckets rows into session windows that close after `gapDuration` without events (a string
 * such as `"5 minutes"`, or a Column for a per-row gap).
 *
 * @example
 * ```ts
 * df.groupBy(sessionWindow("ts", "5 minutes"), "user").count()
 * ```
 */
export function sessionWindow(timeColumn: ColumnOrName, gapDuration: Column | string): Column {
  if (typeof gapDuration !== "string" && !(gapDuration instanceof Column)) {
    throw new SparkArgumentError("gapDuration must be a Column or a string", {
      errorClass: "NOT_COLUMN_OR_STR",
      messageParameters: { arg_name: "gapDuration", arg_type: typeof gapDuration },
    });
  }
  return call("session_window", colArg(timeColumn, "timeColumn"), litArg(gapDuration));
}

/** The event time of a time window column: its end minus one microsecond. */
export function windowTime(windowColumn: ColumnOrName): Column {
  return call("window_time", colArg(windowColumn, "windowColumn"));
}
