import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { a, fn, i, json, s, thrown } from "../testing/expressions.js";
import { col, lit } from "./core.js";
import {
  convertTimezone,
  currentTime,
  dateAdd,
  dateFormat,
  dateTrunc,
  fromUnixtime,
  makeDtInterval,
  makeInterval,
  makeTimestamp,
  makeTimestampNtz,
  sessionWindow,
  timestampAdd,
  timestampDiff,
  toDate,
  tryToTimestamp,
  unixTimestamp,
  window,
} from "./datetime.js";

const decimal0 = { literal: { decimal: { value: "0", precision: 10, scale: 0 } } };

describe("date and time functions", () => {
  it("dateFormat sends the format as a literal", () => {
    expect(json(dateFormat("d", "yyyy-MM"))).toEqual(fn("date_format", a("d"), s("yyyy-MM")));
  });

  it("toDate sends the format only when given", () => {
    expect(json(toDate("s"))).toEqual(fn("to_date", a("s")));
    expect(json(toDate("s", "dd.MM.yyyy"))).toEqual(fn("to_date", a("s"), s("dd.MM.yyyy")));
    expect(json(tryToTimestamp("s", lit("yyyy")))).toEqual(
      fn("try_to_timestamp", a("s"), s("yyyy")),
    );
  });

  it("timestampAdd and timestampDiff send Spark's timestampadd and timestampdiff", () => {
    expect(json(timestampDiff("MINUTE", "a", "b"))).toEqual(
      fn("timestampdiff", s("MINUTE"), a("a"), a("b")),
    );
    expect(json(timestampAdd("HOUR", lit(3), "ts"))).toEqual(
      fn("timestampadd", s("HOUR"), i(3), a("ts")),
    );
  });

  it("dateAdd takes a number as a literal and a string as a column", () => {
    expect(json(dateAdd("d", 7))).toEqual(fn("date_add", a("d"), i(7)));
    expect(json(dateAdd("d", "n"))).toEqual(fn("date_add", a("d"), a("n")));
  });

  it("dateTrunc puts the format first", () => {
    expect(json(dateTrunc("hour", "ts"))).toEqual(fn("date_trunc", s("hour"), a("ts")));
  });

  it("fromUnixtime and unixTimestamp send the default format", () => {
    expect(json(fromUnixtime("e"))).toEqual(fn("from_unixtime", a("e"), s("yyyy-MM-dd HH:mm:ss")));
    expect(json(unixTimestamp())).toEqual(fn("unix_timestamp"));
    expect(json(unixTimestamp("t", "yyyy"))).toEqual(fn("unix_timestamp", a("t"), s("yyyy")));
  });

  it("currentTime sends the precision only when given", () => {
    expect(json(currentTime())).toEqual(fn("current_time"));
    expect(json(currentTime(3))).toEqual(fn("current_time", i(3)));
  });

  it("convertTimezone leaves out a missing source zone", () => {
    expect(json(convertTimezone(null, lit("Asia/Tokyo"), "ts"))).toEqual(
      fn("convert_timezone", s("Asia/Tokyo"), a("ts")),
    );
    expect(json(convertTimezone(lit("UTC"), lit("Asia/Tokyo"), "ts"))).toEqual(
      fn("convert_timezone", s("UTC"), s("Asia/Tokyo"), a("ts")),
    );
  });

  it("interval constructors fill missing parts with 0 and DECIMAL(10,0) seconds", () => {
    expect(json(makeDtInterval("d"))).toEqual(fn("make_dt_interval", a("d"), i(0), i(0), decimal0));
    expect(
      json(makeInterval(undefined, "m", undefined, undefined, undefined, undefined, "s")),
    ).toEqual(fn("make_interval", i(0), a("m"), i(0), i(0), i(0), i(0), a("s")));
  });

  it("makeTimestamp takes six parts and a zone, or { date, time, timezone }", () => {
    expect(json(makeTimestamp("y", "mo", "d", "h", "mi", "s"))).toEqual(
      fn("make_timestamp", a("y"), a("mo"), a("d"), a("h"), a("mi"), a("s")),
    );
    expect(json(makeTimestamp("y", "mo", "d", "h", "mi", "s", lit("UTC")))).toEqual(
      fn("make_timestamp", a("y"), a("mo"), a("d"), a("h"), a("mi"), a("s"), s("UTC")),
    );
    expect(json(makeTimestamp({ date: "d", time: "t", timezone: lit("UTC") }))).toEqual(
      fn("make_timestamp", a("d"), a("t"), s("UTC")),
    );
    expect(json(makeTimestampNtz({ date: "d", time: col("t") }))).toEqual(
      fn("make_timestamp_ntz", a("d"), a("t")),
    );
    const mixed = thrown(() =>
      (makeTimestamp as (...args: unknown[]) => Column)({ date: "d", time: "t" }, "x"),
    );
    expect(mixed.errorClass).toBe("CANNOT_SET_TOGETHER");
    const missing = thrown(() =>
      (makeTimestamp as (...args: unknown[]) => Column)("y", undefined, "d", "h", "mi", "s"),
    );
    expect(missing.errorClass).toBe("CANNOT_BE_NONE");
    expect(missing.messageParameters).toEqual({ arg_name: "months" });
  });

  it("window sends the durations PySpark sends", () => {
    expect(json(window("ts", "1 hour"))).toEqual(fn("window", a("ts"), s("1 hour")));
    expect(json(window("ts", "10 minutes", "5 minutes"))).toEqual(
      fn("window", a("ts"), s("10 minutes"), s("5 minutes")),
    );
    // A start time without a slide slides by the window duration.
    expect(json(window("ts", "1 hour", undefined, "15 minutes"))).toEqual(
      fn("window", a("ts"), s("1 hour"), s("1 hour"), s("15 minutes")),
    );
    const e = thrown(() => window("ts", 60 as unknown as string));
    expect(e.errorClass).toBe("NOT_STR");
    expect(e.messageParameters).toMatchObject({ arg_name: "windowDuration" });
  });

  it("sessionWindow takes a literal gap or a column", () => {
    expect(json(sessionWindow("ts", "5 minutes"))).toEqual(
      fn("session_window", a("ts"), s("5 minutes")),
    );
    expect(json(sessionWindow("ts", col("gap")))).toEqual(fn("session_window", a("ts"), a("gap")));
    expect(thrown(() => sessionWindow("ts", 5 as unknown as string)).errorClass).toBe(
      "NOT_COLUMN_OR_STR",
    );
  });
});
