import { describe, expect, test } from "vitest";
import { Timestamp } from "./timestamp.js";

describe("Timestamp", () => {
  test("keeps microseconds next to the Date's milliseconds", () => {
    const t = new Timestamp(1700000000123456n);
    expect(t).toBeInstanceOf(Date);
    expect(t.epochMicros).toBe(1700000000123456n);
    expect(t.getTime()).toBe(1700000000123);
    expect(t.getMilliseconds()).toBe(123);
    expect(t.getMicroseconds()).toBe(456);
    expect(t.timeZone).toBe("UTC");
    expect(t.isNtz).toBe(false);
    expect(t.toISOString()).toBe("2023-11-14T22:13:20.123Z");
    expect(t.toISOStringMicros()).toBe("2023-11-14T22:13:20.123456Z");
    expect(JSON.stringify({ t })).toBe('{"t":"2023-11-14T22:13:20.123456Z"}');
  });

  test("floors before the epoch, from a bigint or a number", () => {
    for (const micros of [-1n, -1]) {
      const t = new Timestamp(micros);
      expect(t.getTime()).toBe(-1);
      expect(t.getMicroseconds()).toBe(999);
      expect(t.epochMicros).toBe(-1n);
      expect(t.toISOStringMicros()).toBe("1969-12-31T23:59:59.999999Z");
    }
    const first = new Timestamp(-62135596800000000n, null);
    expect(first.toISOStringMicros()).toBe("0001-01-01T00:00:00.000000");
    expect(new Timestamp(253402300799999999n).toISOStringMicros()).toBe(
      "9999-12-31T23:59:59.999999Z",
    );
    expect(() => new Timestamp(0.5)).toThrow(RangeError);
  });

  test("TIMESTAMP_NTZ has no zone and no Z", () => {
    const t = new Timestamp(1700000000123456n, null);
    expect(t.isNtz).toBe(true);
    expect(t.timeZone).toBeNull();
    expect(t.toISOStringMicros()).toBe("2023-11-14T22:13:20.123456");
    expect(t.toJSON()).toBe("2023-11-14T22:13:20.123456");
    expect(t.getUTCHours()).toBe(22);
  });

  test("fromDate, and Date setters keep the microseconds within the millisecond", () => {
    const t = Timestamp.fromDate(new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6)), "Europe/Paris");
    expect(t.epochMicros).toBe(1577934245006000n);
    expect(t.timeZone).toBe("Europe/Paris");
    const u = new Timestamp(1000001n);
    u.setTime(5);
    expect(u.epochMicros).toBe(5001n);
    expect(() => Timestamp.fromDate(new Date(Number.NaN))).toThrow(RangeError);
    u.setTime(Number.NaN);
    expect(() => u.epochMicros).toThrow(RangeError);
  });
});

describe("nanoseconds (Spark 4.3)", () => {
  test("fromEpochNanos keeps the nanoseconds; micros, millis and Date stay consistent", () => {
    const t = Timestamp.fromEpochNanos(1700000000123456789n);
    expect([
      t.epochNanos,
      t.epochMicros,
      t.getMicroseconds(),
      t.getNanoseconds(),
      t.getTime(),
    ]).toEqual([1700000000123456789n, 1700000000123456n, 456, 789, 1700000000123]);
    expect(t.toISOStringNanos()).toBe("2023-11-14T22:13:20.123456789Z");
    expect(t.toISOStringMicros()).toBe("2023-11-14T22:13:20.123456Z");
    expect(t.toJSON()).toBe("2023-11-14T22:13:20.123456789Z");
    const before = Timestamp.fromEpochNanos(-1n, null);
    expect([before.epochMicros, before.getNanoseconds(), before.toISOStringNanos()]).toEqual([
      -1n,
      999,
      "1969-12-31T23:59:59.999999999",
    ]);
    // Without nanoseconds JSON keeps its six digits.
    expect(new Timestamp(1n).toJSON()).toBe("1970-01-01T00:00:00.000001Z");
    expect(() => new Timestamp(0n, "UTC", 1000)).toThrow(RangeError);
  });
});
