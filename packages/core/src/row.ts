/**
 * `Row`: one result row, shaped like PySpark's `Row`.
 *
 * A Row *is* an array of its values (as PySpark's Row is a tuple): `row[0]`, `row.length`,
 * `const [name, age] = row` and `for…of` all work. Field names come from the result's schema:
 * `row.get("name")`, `row.fieldNames`, and, for names that are free, plain properties (`row.name`).
 *
 * Every result gets one Row subclass whose prototype carries the field names and one getter per
 * usable name, so a million rows share one prototype and no row holds a proxy or a name table.
 *
 * Duplicate column names (`SELECT a.id, b.id …`) are kept positionally: `row[0]` and `row[1]`
 * are both there and `row.fieldNames` lists `id` twice. Name-based access (`get`, the getters,
 * `asDict`, `toObject`, `toJSON`) sees the FIRST column of a name; reach the others by position.
 * Nested Rows of a struct with duplicate field names (`named_struct('a', 1, 'a', 2)`) are the
 * same: `fieldNames` is `["a", "a"]`, `get("a")` is 1 and `[1]` is 2, as in PySpark.
 *
 * This module is a leaf: it imports nothing but the errors, so the Arrow decoder can build nested
 * rows without depending on anything above it.
 *
 * @module
 */

import { SparkArgumentError } from "./errors.js";

/** Where a Row subclass keeps its field names (on the prototype, never on the row). */
const SHAPE: unique symbol = Symbol("@spark-connect/core.row-shape");

/** The names of a result's fields and the first position of each name. */
interface RowShape {
  readonly names: readonly string[];
  readonly positions: ReadonlyMap<string, number>;
}

function makeShape(fieldNames: readonly string[]): RowShape {
  const names = Object.freeze([...fieldNames]);
  const positions = new Map<string, number>();
  names.forEach((name, i) => {
    if (!positions.has(name)) positions.set(name, i);
  });
  return { names, positions };
}

/**
 * One result row: an array of values with field names.
 *
 * ```ts
 * const [row] = await df.select("name", "age").collect();
 * row[0];           // "Alice"
 * row.get("age");   // 11
 * row.age;          // 11 (a getter on the result's Row prototype)
 * row.fieldNames;   // ["name", "age"]
 * row.asDict();     // { name: "Alice", age: 11 }
 * JSON.stringify(row); // '{"name":"Alice","age":11}'
 * ```
 *
 * Build rows yourself with {@link Row.fromObject} or {@link rowFactory}; `new Row(…)` follows
 * `Array`'s constructor and gives a row without field names. Array methods that make new arrays
 * (`map`, `filter`, `slice`, `concat`…) return plain arrays, not Rows.
 */
export class Row extends Array<unknown> {
  /** Field values by name, for names that do not clash with Array or Row members. */
  [field: string]: unknown;
  declare readonly [SHAPE]: RowShape;

  /** Array methods that create arrays create plain arrays. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /**
   * A Row with the object's own enumerable keys as field names, in the object's key order.
   *
   * ```ts
   * Row.fromObject({ name: "Alice", age: 11 }); // Row ["Alice", 11], fieldNames ["name", "age"]
   * ```
   */
  static fromObject(object: Readonly<Record<string, unknown>>): Row {
    const names = Object.keys(object);
    return rowFactory(names).create(names.map((name) => object[name]));
  }

  /** The field names, in column order; duplicates are kept. */
  get fieldNames(): readonly string[] {
    return this[SHAPE].names;
  }

  /**
   * The value of a field, by name (the first column of that name) or by position (negative
   * positions count from the end, like `Array.prototype.at`).
   *
   * @throws SparkArgumentError `FIELD_NOT_FOUND` for an unknown name, `INDEX_OUT_OF_RANGE` for a
   *   position outside the row.
   */
  get(field: string | number): unknown {
    if (typeof field === "number") {
      const i = field < 0 ? this.length + field : field;
      if (!Number.isInteger(i) || i < 0 || i >= this.length) {
        throw new SparkArgumentError(
          `Position ${field} is outside a row of ${this.length} fields.`,
          {
            errorClass: "INDEX_OUT_OF_RANGE",
            messageParameters: { index: String(field), length: String(this.length) },
          },
        );
      }
      return this[i];
    }
    const i = this[SHAPE].positions.get(field);
    if (i === undefined) {
      throw new SparkArgumentError(
        `No field named "${field}"; the row has ${describeNames(this[SHAPE].names)}.`,
        {
          errorClass: "FIELD_NOT_FOUND",
          messageParameters: { field, fieldNames: this[SHAPE].names.join(", ") },
        },
      );
    }
    return this[i];
  }

  /**
   * The row as an object keyed by field name, like PySpark's `Row.asDict`. A name that appears
   * more than once maps to its first column. With `recursive`, nested Rows (also inside arrays
   * and map values) become objects too; other values are kept as they are.
   */
  asDict(recursive = false): Record<string, unknown> {
    const names = this[SHAPE].names;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (Object.hasOwn(out, name)) continue;
      setOwn(out, name, recursive ? toPlain(this[i]) : this[i]);
    }
    return out;
  }

  /**
   * The row as a plain object, nested Rows included (`asDict(true)`): the form most JavaScript
   * code wants. Values keep their types (bigint, Date, Map, Uint8Array…); see {@link Row.toJSON}
   * for a JSON-ready form.
   */
  toObject(): Record<string, unknown> {
    return this.asDict(true);
  }

  /**
   * A JSON-ready object, used by `JSON.stringify(row)`: keyed by field name (the first column of
   * a duplicated name wins) with values made JSON-safe by `toJsonValue` (in `row.ts`).
   */
  toJSON(): Record<string, unknown> {
    const names = this[SHAPE].names;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (Object.hasOwn(out, name)) continue;
      setOwn(out, name, toJsonValue(this[i]));
    }
    return out;
  }
}

Object.defineProperty(Row.prototype, SHAPE, {
  value: makeShape([]),
  enumerable: false,
  writable: false,
});

/** Makes Rows of one shape: the per-result Row subclass and its fast constructors. */
export interface RowFactory {
  /** The field names of the rows this factory makes. */
  readonly fieldNames: readonly string[];
  /** A Row of the given values, in field order (missing values become `undefined`). */
  create(values: ArrayLike<unknown>): Row;
  /**
   * Rows assembled column by column: row `i` holds `columns[c][i]` for every column `c`.
   * This is how query results are materialised (no per-cell work beyond one array store).
   */
  fromColumns(columns: readonly (readonly unknown[])[], rowCount: number): Row[];
}

/**
 * A factory for Rows with these field names: one Row subclass, with a getter for every name that
 * is not an array index, not a member of Row, Array or Object, and not a repeat of an earlier
 * name.
 *
 * ```ts
 * const people = rowFactory(["name", "age"]);
 * const row = people.create(["Alice", 11]);
 * row.name; // "Alice"
 * ```
 */
export function rowFactory(fieldNames: readonly string[]): RowFactory {
  const shape = makeShape(fieldNames);
  const width = shape.names.length;
  // Never constructed: rows are array literals given this prototype (see `assemble`).
  const ResultRow = class extends Row {};
  Object.defineProperty(ResultRow, "name", { value: "Row" });
  const proto = ResultRow.prototype;
  Object.defineProperty(proto, SHAPE, { value: shape, enumerable: false, writable: false });
  for (const [name, i] of shape.positions) {
    if (isArrayIndex(name) || name in proto) continue;
    Object.defineProperty(proto, name, {
      get(this: Row) {
        return this[i];
      },
      enumerable: false,
      configurable: true,
    });
  }
  return {
    fieldNames: shape.names,
    create(values) {
      const row: unknown[] = [];
      for (let c = 0; c < width; c++) row.push(values[c]);
      return Object.setPrototypeOf(row, proto) as Row;
    },
    fromColumns(columns, rowCount) {
      if (columns.length !== width) {
        throw new SparkArgumentError(`Expected ${width} columns, got ${columns.length}.`, {
          errorClass: "COLUMN_COUNT_MISMATCH",
          messageParameters: { expected: String(width), actual: String(columns.length) },
        });
      }
      return assemble(columns, rowCount, proto);
    },
  };
}

/**
 * Row `i` = `[columns[0][i], columns[1][i], …]` with `proto` as its prototype.
 *
 * Built as an array literal and then given the Row prototype: V8 allocates a literal of known
 * size in one step, while constructing an Array subclass (`new ResultRow(n)`) takes a slow
 * generic path, several times slower per row. The literal is unrolled for up to 8 columns.
 */
function assemble(
  columns: readonly (readonly unknown[])[],
  rowCount: number,
  proto: object,
): Row[] {
  const width = columns.length;
  const rows = new Array<Row>(rowCount);
  const empty: readonly unknown[] = [];
  const [c0 = empty, c1 = empty, c2 = empty, c3 = empty] = columns;
  const [, , , , c4 = empty, c5 = empty, c6 = empty, c7 = empty] = columns;
  for (let i = 0; i < rowCount; i++) {
    let row: unknown[];
    switch (width) {
      case 0:
        row = [];
        break;
      case 1:
        row = [c0[i]];
        break;
      case 2:
        row = [c0[i], c1[i]];
        break;
      case 3:
        row = [c0[i], c1[i], c2[i]];
        break;
      case 4:
        row = [c0[i], c1[i], c2[i], c3[i]];
        break;
      case 5:
        row = [c0[i], c1[i], c2[i], c3[i], c4[i]];
        break;
      case 6:
        row = [c0[i], c1[i], c2[i], c3[i], c4[i], c5[i]];
        break;
      case 7:
        row = [c0[i], c1[i], c2[i], c3[i], c4[i], c5[i], c6[i]];
        break;
      default:
        row = [c0[i], c1[i], c2[i], c3[i], c4[i], c5[i], c6[i], c7[i]];
        for (let c = 8; c < width; c++) row.push(columns[c]![i]);
    }
    rows[i] = Object.setPrototypeOf(row, proto) as Row;
  }
  return rows;
}

/**
 * A JSON-safe copy of a result value, as {@link Row.toJSON} uses it:
 *
 * | value | JSON form |
 * |---|---|
 * | `null`, `undefined` | `null` |
 * | bigint | a number when it is a safe integer (|v| ≤ 2^53 − 1), otherwise its decimal string |
 * | Row | an object keyed by field name (first of duplicates) |
 * | array | an array of JSON-safe values |
 * | Map | an object when every key is a string, otherwise an array of `[key, value]` pairs |
 * | Uint8Array | a base64 string |
 * | Date | `date.toJSON()`: ISO 8601; a `Timestamp` gives microseconds (and no `Z` when it has no zone) |
 * | plain object (interval, variant) | an object of JSON-safe values |
 * | number, string, boolean | unchanged (`JSON.stringify` writes non-finite numbers as `null`) |
 */
export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "bigint":
      return value <= MAX_SAFE && value >= MIN_SAFE ? Number(value) : value.toString();
    case "object":
      break;
    case "function":
    case "symbol":
      return null;
    default:
      return value;
  }
  if (value instanceof Row) return value.toJSON();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Uint8Array) return toBase64(value);
  if (value instanceof Date) return value.toJSON();
  if (value instanceof Map) {
    let stringKeys = true;
    for (const key of value.keys()) {
      if (typeof key !== "string") {
        stringKeys = false;
        break;
      }
    }
    if (stringKeys) {
      const out: Record<string, unknown> = {};
      for (const [key, v] of value as Map<string, unknown>) setOwn(out, key, toJsonValue(v));
      return out;
    }
    return Array.from(value, ([key, v]) => [toJsonValue(key), toJsonValue(v)]);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    setOwn(out, key, toJsonValue((value as Record<string, unknown>)[key]));
  }
  return out;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** Nested Rows → objects, recursively through arrays and map values. */
function toPlain(value: unknown): unknown {
  if (value instanceof Row) return value.asDict(true);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const [key, v] of value) out.set(key, toPlain(v));
    return out;
  }
  return value;
}

/** Assigns an own enumerable property, even for `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

function isArrayIndex(name: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(name);
}

function describeNames(names: readonly string[]): string {
  return names.length === 0 ? "no fields" : `fields ${names.map((n) => `"${n}"`).join(", ")}`;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 (RFC 4648, with padding). */
function toBase64(bytes: Uint8Array): string {
  let out = "";
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += BASE64[v >> 18]! + BASE64[(v >> 12) & 63]! + BASE64[(v >> 6) & 63]! + BASE64[v & 63]!;
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | (i + 1 < n ? bytes[i + 1]! << 8 : 0);
    out += BASE64[v >> 18]! + BASE64[(v >> 12) & 63]!;
    out += i + 1 < n ? `${BASE64[(v >> 6) & 63]!}=` : "==";
  }
  return out;
}
