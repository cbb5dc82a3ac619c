import { DataTypeBase, invalidDataType } from "./data-type.js";

/** A field of a year-month interval, from the largest to the smallest. */
export type YearMonthIntervalField = "year" | "month";

/** A field of a day-time interval, from the largest to the smallest. */
export type DayTimeIntervalField = "day" | "hour" | "minute" | "second";

/** The fields of a year-month interval in proto order: the index is the proto's field number. */
export const YEAR_MONTH_INTERVAL_FIELDS: readonly YearMonthIntervalField[] = Object.freeze([
  "year",
  "month",
]);

/** The fields of a day-time interval in proto order: the index is the proto's field number. */
export const DAY_TIME_INTERVAL_FIELDS: readonly DayTimeIntervalField[] = Object.freeze([
  "day",
  "hour",
  "minute",
  "second",
]);

function checkFields<F extends string>(what: string, all: readonly F[], start: F, end: F): [F, F] {
  const s = all.indexOf(start);
  const e = all.indexOf(end);
  if (s < 0 || e < 0 || s > e) {
    throw invalidDataType(
      `invalid ${what} interval fields ${String(start)} to ${String(end)}: each must be one of ${all.join(", ")}, the start no smaller than the end`,
    );
  }
  return [start, end];
}

function intervalString(start: string, end: string): string {
  return start === end ? `interval ${start}` : `interval ${start} to ${end}`;
}

/**
 * `INTERVAL YEAR TO MONTH` and its sub-ranges (`INTERVAL YEAR`, `INTERVAL MONTH`): an ANSI
 * interval of months. With no arguments, `year` to `month`; with one, that single field.
 *
 * @example new YearMonthIntervalType("month").simpleString() // "interval month"
 */
export class YearMonthIntervalType extends DataTypeBase {
  readonly kind = "yearMonthInterval" as const;
  /** The largest field. */
  readonly startField: YearMonthIntervalField;
  /** The smallest field. */
  readonly endField: YearMonthIntervalField;

  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` when the start field is smaller than the end. */
  constructor(startField?: YearMonthIntervalField, endField?: YearMonthIntervalField) {
    super();
    const start = startField ?? "year";
    const end = endField ?? (startField === undefined ? "month" : start);
    [this.startField, this.endField] = checkFields(
      "year-month",
      YEAR_MONTH_INTERVAL_FIELDS,
      start,
      end,
    );
    Object.freeze(this);
  }
  typeName(): string {
    return "yearmonthinterval";
  }
  override simpleString(): string {
    return intervalString(this.startField, this.endField);
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof YearMonthIntervalType &&
      other.startField === this.startField &&
      other.endField === this.endField
    );
  }
}

/**
 * `INTERVAL DAY TO SECOND` and its sub-ranges (`INTERVAL HOUR TO MINUTE`, `INTERVAL SECOND`…):
 * an ANSI interval of microseconds. With no arguments, `day` to `second`; with one, that single
 * field.
 *
 * @example new DayTimeIntervalType("hour", "second").sql() // "INTERVAL HOUR TO SECOND"
 */
export class DayTimeIntervalType extends DataTypeBase {
  readonly kind = "dayTimeInterval" as const;
  /** The largest field. */
  readonly startField: DayTimeIntervalField;
  /** The smallest field. */
  readonly endField: DayTimeIntervalField;

  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` when the start field is smaller than the end. */
  constructor(startField?: DayTimeIntervalField, endField?: DayTimeIntervalField) {
    super();
    const start = startField ?? "day";
    const end = endField ?? (startField === undefined ? "second" : start);
    [this.startField, this.endField] = checkFields(
      "day-time",
      DAY_TIME_INTERVAL_FIELDS,
      start,
      end,
    );
    Object.freeze(this);
  }
  typeName(): string {
    return "daytimeinterval";
  }
  override simpleString(): string {
    return intervalString(this.startField, this.endField);
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof DayTimeIntervalType &&
      other.startField === this.startField &&
      other.endField === this.endField
    );
  }
}

/** `INTERVAL` (legacy): a calendar interval of months, days and microseconds. */
export class CalendarIntervalType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: CalendarIntervalType = new CalendarIntervalType();
  readonly kind = "calendarInterval" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "interval";
  }
}
