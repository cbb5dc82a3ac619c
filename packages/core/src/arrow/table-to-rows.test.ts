import {
  Binary,
  Bool,
  type Data,
  type DataType,
  DateDay,
  DateMillisecond,
  Decimal,
  Dictionary,
  DurationMicrosecond,
  DurationMillisecond,
  DurationNanosecond,
  DurationSecond,
  Field,
  FixedSizeList,
  Float16,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  IntervalDayTime,
  IntervalMonthDayNano,
  IntervalYearMonth,
  LargeBinary,
  LargeList,
  LargeUtf8,
  List,
  Map_,
  makeData,
  Null,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeMicrosecond,
  TimeMillisecond,
  TimeNanosecond,
  TimeSecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  tableFromIPC,
  tableToIPC,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
  Vector,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, test, vi } from "vitest";
import { SparkProtocolError } from "../errors.js";
import { Row } from "../row.js";
import { decodeArrowBatch } from "./decode-batch.js";
import { withSchema } from "./record-batch.js";
import { batchToRows, tableToColumns, tableToRows, vectorToArray } from "./table-to-rows.js";
import { Timestamp } from "./timestamp.js";

// ---------------------------------------------------------------------------------------------
// Building Arrow data with apache-arrow alone (independent of our encoder).

/** Validity bitmap: `null`/`undefined` entries are nulls. */
function validity(values: readonly unknown[]): { nullBitmap?: Uint8Array; nullCount: number } {
  const nullCount = values.filter((v) => v === null || v === undefined).length;
  if (nullCount === 0) return { nullCount };
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

/** Fixed-width data from raw storage values (nulls stored as 0). */
function fixed(type: DataType, storage: ArrayLike<unknown>, values: readonly unknown[]): Data {
  const props = { type, length: values.length, data: storage, ...validity(values) };
  return makeData(props);
}

interface Column {
  name: string;
  data: Data;
  metadata?: Map<string, string>;
}

function tableOf(columns: readonly Column[]): Table {
  const fields = columns.map((c) => new Field(c.name, c.data.type, true, c.metadata ?? null));
  const schema = new Schema(fields);
  const length = columns[0]?.data.length ?? 0;
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length, children: columns.map((c) => c.data) }),
  );
  return new Table(schema, [withSchema(batch, schema)]);
}

/** Through IPC bytes, decoded as results are. */
function viaIpc(table: Table): Table {
  const decoded = decodeArrowBatch(tableToIPC(table, "stream"));
  return new Table(decoded.schema, [...decoded.batches]);
}

/** Values in a form `toEqual` compares exactly (microseconds, zones, bytes, map order, rows). */
function show(value: unknown): unknown {
  if (value instanceof Row) return { row: value.fieldNames, values: value.map(show) };
  if (Array.isArray(value)) return value.map(show);
  if (value instanceof Timestamp) {
    const iso = value.getNanoseconds() ? value.toISOStringNanos() : value.toISOStringMicros();
    return `Timestamp(${iso}, ${value.timeZone})`;
  }
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `bytes(${[...value].join(",")})`;
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [show(k), show(v)]) };
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, show(v)]));
  }
  return value;
}

/** One column's converted values, straight and through IPC bytes. */
function column(data: Data, metadata?: Map<string, string>): unknown[] {
  const table = tableOf([{ name: "c", data, ...(metadata ? { metadata } : {}) }]);
  const direct = tableToRows(table).map((r) => show(r[0]));
  const decoded = tableToRows(viaIpc(table)).map((r) => show(r[0]));
  expect(decoded).toEqual(direct);
  return direct;
}

function protocolError(fn: () => unknown): SparkProtocolError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkProtocolError);
    return e as SparkProtocolError;
  }
  throw new Error("expected a SparkProtocolError");
}

const bits = (values: readonly (boolean | null)[]) => {
  const out = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v) out[i >> 3]! |= 1 << (i & 7);
  });
  return out;
};

function decimalWords(values: readonly (bigint | null)[], stride = 4): Uint32Array {
  const words = new Uint32Array(values.length * stride);
  values.forEach((v, i) => {
    let u = BigInt.asUintN(stride * 32, v ?? 0n);
    for (let w = 0; w < stride; w++) {
      words[i * stride + w] = Number(u & 0xffffffffn);
      u >>= 32n;
    }
  });
  return words;
}

function mdn(values: readonly ([number, number, bigint] | null)[]): Int32Array {
  const words = new Int32Array(values.length * 4);
  values.forEach((v, i) => {
    if (!v) return;
    const nanos = BigInt.asUintN(64, v[2]);
    words.set([v[0], v[1], Number(nanos & 0xffffffffn) | 0, Number(nanos >> 32n) | 0], i * 4);
  });
  return words;
}

// ---------------------------------------------------------------------------------------------

describe("the value table", () => {
  test("boolean → boolean", () => {
    const values = [true, false, null, true];
    expect(column(fixed(new Bool(), bits(values), values))).toEqual(values);
  });

  test("byte, short, int (and unsigned) → number", () => {
    const values = [-128, 0, null, 127];
    expect(column(fixed(new Int8(), Int8Array.from(values, Number), values))).toEqual(values);
    const shorts = [-32768, null, 32767];
    expect(column(fixed(new Int16(), Int16Array.from(shorts, Number), shorts))).toEqual(shorts);
    const ints = [-2147483648, 2147483647, null, 0];
    expect(column(fixed(new Int32(), Int32Array.from(ints, Number), ints))).toEqual(ints);
    expect(column(vectorFromArray([255, null], new Uint8()).data[0]!)).toEqual([255, null]);
    expect(column(vectorFromArray([65535], new Uint16()).data[0]!)).toEqual([65535]);
    expect(column(vectorFromArray([4294967295], new Uint32()).data[0]!)).toEqual([4294967295]);
  });

  test("long → bigint, or number with int64As: number", () => {
    const values = [-(2n ** 63n), 2n ** 53n + 1n, null, 0n, 2n ** 63n - 1n];
    const data = fixed(
      new Int64(),
      BigInt64Array.from(values, (v) => v ?? 0n),
      values,
    );
    expect(column(data)).toEqual(values);
    const table = tableOf([{ name: "l", data }]);
    expect(tableToRows(table, { int64As: "number" }).map((r) => r[0])).toEqual([
      -(2 ** 63),
      2 ** 53,
      null,
      0,
      2 ** 63,
    ]);
    const unsigned = [2n ** 64n - 1n, null];
    expect(
      column(
        fixed(
          new Uint64(),
          BigUint64Array.from(unsigned, (v) => v ?? 0n),
          unsigned,
        ),
      ),
    ).toEqual(unsigned);
  });

  test("float, double → number", () => {
    const floats = [1.5, null, Number.NaN, Number.NEGATIVE_INFINITY];
    expect(column(fixed(new Float32(), Float32Array.from(floats, Number), floats))).toEqual(floats);
    const doubles = [-0.1, 1e308, null];
    expect(column(fixed(new Float64(), Float64Array.from(doubles, Number), doubles))).toEqual(
      doubles,
    );
  });

  test("decimal → exact string with exactly `scale` digits, or number with decimalAs", () => {
    const values = [-123400n, 5n, null, 0n, 10n ** 38n - 1n, -(2n ** 70n), 2n ** 53n, -(2n ** 53n)];
    const data = fixed(new Decimal(4, 38, 128), decimalWords(values), values);
    const expected = [
      "-12.3400",
      "0.0005",
      null,
      "0.0000",
      "9999999999999999999999999999999999.9999",
      "-118059162071741130.3424",
      "900719925474.0992",
      "-900719925474.0992",
    ];
    expect(column(data)).toEqual(expected);
    const table = tableOf([{ name: "d", data }]);
    expect(tableToRows(table, { decimalAs: "number" }).map((r) => r[0])).toEqual(
      expected.map((v) => (v === null ? null : Number(v))),
    );
    // Scale 0, a scale beyond the double fast path, and Decimal256.
    expect(column(fixed(new Decimal(0, 10, 128), decimalWords([-42n]), [-42n]))).toEqual(["-42"]);
    expect(column(fixed(new Decimal(20, 38, 128), decimalWords([-7n]), [-7n]))).toEqual([
      "-0.00000000000000000007",
    ]);
    const wide = [-(10n ** 60n) - 1n];
    expect(column(fixed(new Decimal(2, 76, 256), decimalWords(wide, 8), wide))).toEqual([
      `-${"1".padEnd(59, "0")}.01`,
    ]);
  });

  test("string → string (ASCII, non-ASCII, large)", () => {
    const ascii = ["abc", null, "", "hello world"];
    expect(column(vectorFromArray(ascii, new Utf8()).data[0]!)).toEqual(ascii);
    const mixed = ["héllo", "日本語", null, "a\u0000b", "😀 emoji"];
    expect(column(vectorFromArray(mixed, new Utf8()).data[0]!)).toEqual(mixed);
    expect(column(vectorFromArray(["big", null, "ü"], new LargeUtf8()).data[0]!)).toEqual([
      "big",
      null,
      "ü",
    ]);
  });

  test("binary → Uint8Array copies", () => {
    const data = vectorFromArray([new Uint8Array([1, 2]), null, new Uint8Array()], new Binary())
      .data[0]!;
    expect(column(data)).toEqual(["bytes(1,2)", null, "bytes()"]);
    const table = tableOf([{ name: "b", data }]);
    const first = tableToRows(table)[0]![0] as Uint8Array;
    first[0] = 99;
    expect((tableToRows(table)[0]![0] as Uint8Array)[0]).toBe(1);
    const large = vectorFromArray([new Uint8Array([7])], new LargeBinary()).data[0]!;
    expect(column(large)).toEqual(["bytes(7)"]);
  });

  test("date → Date at UTC midnight", () => {
    const days = [0, -1, null, 2932896, -719162];
    expect(column(fixed(new DateDay(), Int32Array.from(days, Number), days))).toEqual([
      "Date(1970-01-01T00:00:00.000Z)",
      "Date(1969-12-31T00:00:00.000Z)",
      null,
      "Date(9999-12-31T00:00:00.000Z)",
      "Date(0001-01-01T00:00:00.000Z)",
    ]);
    const ms = [86400000n, null];
    expect(
      column(
        fixed(
          new DateMillisecond(),
          BigInt64Array.from(ms, (v) => v ?? 0n),
          ms,
        ),
      ),
    ).toEqual(["Date(1970-01-02T00:00:00.000Z)", null]);
  });

  test("timestamp → Timestamp with microseconds and the Arrow zone", () => {
    const micros = [1700000000123456n, -1n, null, 253402300799999999n, -62135596800000000n];
    const storage = BigInt64Array.from(micros, (v) => v ?? 0n);
    expect(column(fixed(new TimestampMicrosecond("Europe/Paris"), storage, micros))).toEqual([
      "Timestamp(2023-11-14T22:13:20.123456Z, Europe/Paris)",
      "Timestamp(1969-12-31T23:59:59.999999Z, Europe/Paris)",
      null,
      "Timestamp(9999-12-31T23:59:59.999999Z, Europe/Paris)",
      "Timestamp(0001-01-01T00:00:00.000000Z, Europe/Paris)",
    ]);
    const table = tableOf([
      { name: "t", data: fixed(new TimestampMicrosecond("UTC"), storage, micros) },
    ]);
    expect(tableToRows(table).map((r) => (r[0] as Timestamp | null)?.epochMicros ?? null)).toEqual(
      micros,
    );
  });

  test("timestamp_ntz → Timestamp with timeZone null", () => {
    const micros = [1700000000123456n, null];
    const data = fixed(
      new TimestampMicrosecond(),
      BigInt64Array.from(micros, (v) => v ?? 0n),
      micros,
    );
    expect(column(data)).toEqual(["Timestamp(2023-11-14T22:13:20.123456, null)", null]);
  });

  test("Spark 4.3's nanosecond timestamps keep every nanosecond (through IPC bytes too)", () => {
    const nanos = [1700000000123456789n, -1n, null, 1n, -9223372036854775807n];
    const storage = BigInt64Array.from(nanos, (v) => v ?? 0n);
    expect(column(fixed(new TimestampNanosecond("UTC"), storage, nanos))).toEqual([
      "Timestamp(2023-11-14T22:13:20.123456789Z, UTC)",
      "Timestamp(1969-12-31T23:59:59.999999999Z, UTC)",
      null,
      "Timestamp(1970-01-01T00:00:00.000000001Z, UTC)",
      "Timestamp(1677-09-21T00:12:43.145224193Z, UTC)",
    ]);
    const ntz = tableOf([{ name: "t", data: fixed(new TimestampNanosecond(), storage, nanos) }]);
    const rows = tableToRows(viaIpc(ntz)).map((r) => r[0] as Timestamp | null);
    expect(rows.map((t) => t?.epochNanos ?? null)).toEqual(nanos);
    expect(rows.map((t) => (t ? [t.epochMicros, t.getNanoseconds(), t.timeZone] : null))).toEqual([
      [1700000000123456n, 789, null],
      [-1n, 999, null],
      null,
      [0n, 1, null],
      [-9223372036854776n, 193, null],
    ]);
    expect(JSON.stringify(rows[0])).toBe('"2023-11-14T22:13:20.123456789"');
  });

  test("timestamps in seconds and milliseconds become microseconds", () => {
    const one = (type: DataType, v: bigint) => column(fixed(type, BigInt64Array.of(v), [v]));
    expect(one(new TimestampSecond("UTC"), -1n)).toEqual([
      "Timestamp(1969-12-31T23:59:59.000000Z, UTC)",
    ]);
    expect(one(new TimestampMillisecond("UTC"), 1500n)).toEqual([
      "Timestamp(1970-01-01T00:00:01.500000Z, UTC)",
    ]);
  });

  test("time → HH:MM:SS with the fraction's trailing zeros dropped", () => {
    const nanos = [49507123456000n, 0n, null, 86399999999999n, 1000n];
    expect(
      column(
        fixed(
          new TimeNanosecond(),
          BigInt64Array.from(nanos, (v) => v ?? 0n),
          nanos,
        ),
      ),
    ).toEqual(["13:45:07.123456", "00:00:00", null, "23:59:59.999999999", "00:00:00.000001"]);
    expect(column(fixed(new TimeMicrosecond(), BigInt64Array.of(1500000n), [1n]))).toEqual([
      "00:00:01.5",
    ]);
    expect(column(fixed(new TimeMillisecond(), Int32Array.of(3723004), [1]))).toEqual([
      "01:02:03.004",
    ]);
    expect(column(fixed(new TimeSecond(), Int32Array.of(59), [1]))).toEqual(["00:00:59"]);
  });

  test("day-time interval → bigint microseconds", () => {
    const micros = [-90061000001n, null, 0n];
    expect(
      column(
        fixed(
          new DurationMicrosecond(),
          BigInt64Array.from(micros, (v) => v ?? 0n),
          micros,
        ),
      ),
    ).toEqual(micros);
    const one = (type: DataType, v: bigint) => column(fixed(type, BigInt64Array.of(v), [v]));
    expect(one(new DurationSecond(), 2n)).toEqual([2000000n]);
    expect(one(new DurationMillisecond(), -3n)).toEqual([-3000n]);
    expect(one(new DurationNanosecond(), -2000n)).toEqual([-2n]);
    // Not whole microseconds: an error, never a rounded interval.
    const err = protocolError(() =>
      tableToRows(
        tableOf([
          { name: "d", data: fixed(new DurationNanosecond(), BigInt64Array.of(-1500n), [1n]) },
        ]),
      ),
    );
    expect([err.errorClass, err.messageParameters]).toEqual([
      "ARROW_VALUE_NOT_REPRESENTABLE",
      { value: "-1500", unit: "NANOSECOND" },
    ]);
  });

  test("year-month interval → number of months", () => {
    const months = [-14, null, 2147483647];
    expect(column(fixed(new IntervalYearMonth(), Int32Array.from(months, Number), months))).toEqual(
      months,
    );
  });

  test("calendar interval → { months, days, microseconds }", () => {
    const values: ([number, number, bigint] | null)[] = [
      [1, 2, 3000n],
      null,
      [-1, -2, -3000001000n],
      [0, 0, 2n ** 62n],
    ];
    expect(column(fixed(new IntervalMonthDayNano(), mdn(values), values))).toEqual([
      { months: 1, days: 2, microseconds: 3n },
      null,
      { months: -1, days: -2, microseconds: -3000001n },
      { months: 0, days: 0, microseconds: 2n ** 62n / 1000n },
    ]);
  });

  test("null type → null", () => {
    expect(column(makeData({ type: new Null(), length: 2, nullCount: 2 }))).toEqual([null, null]);
  });

  test("array → array, with nulls, empties and large lists", () => {
    const values = [[1, null, 3], null, [], [4]];
    const type = new List(new Field("element", new Int32(), true));
    expect(column(vectorFromArray(values, type).data[0]!)).toEqual(values);
    const large = new LargeList(new Field("element", new Utf8(), true));
    const child = vectorFromArray(["a", "b", null], new Utf8()).data[0]!;
    const data = makeData({
      type: large,
      length: 2,
      valueOffsets: BigInt64Array.of(0n, 2n, 3n),
      child,
    });
    expect(tableToRows(tableOf([{ name: "l", data }])).map((r) => r[0])).toEqual([
      ["a", "b"],
      [null],
    ]);
  });

  test("map → Map in entry order", () => {
    const type = new Map_(
      new Field(
        "entries",
        new Struct<{ key: Utf8; value: Int32 }>([
          new Field("key", new Utf8(), false),
          new Field("value", new Int32(), true),
        ]),
        false,
      ),
    );
    const values = [
      new Map([
        ["z", 1],
        ["a", null],
      ]),
      null,
      new Map(),
    ];
    expect(column(vectorFromArray(values, type).data[0]!)).toEqual([
      {
        map: [
          ["z", 1],
          ["a", null],
        ],
      },
      null,
      { map: [] },
    ]);
  });

  test("struct → a nested Row, one prototype per struct shape", () => {
    const type = new Struct([
      new Field("x", new Int32(), true),
      new Field("y", new Utf8(), true),
      new Field("inner", new Struct([new Field("z", new Bool(), true)]), true),
    ]);
    const values = [{ x: 1, y: "a", inner: { z: true } }, null, { x: null, y: null, inner: null }];
    expect(column(vectorFromArray(values, type).data[0]!)).toEqual([
      {
        row: ["x", "y", "inner"],
        values: [1, "a", { row: ["z"], values: [true] }],
      },
      null,
      { row: ["x", "y", "inner"], values: [null, null, null] },
    ]);
    const rows = tableToRows(
      tableOf([{ name: "s", data: vectorFromArray(values, type).data[0]! }]),
    );
    const [a, , c] = rows.map((r) => r[0] as Row);
    expect(a!.x).toBe(1);
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(c));
  });

  test("array of structs of arrays", () => {
    const type = new List(
      new Field(
        "element",
        new Struct([
          new Field("k", new Utf8(), true),
          new Field("v", new List(new Field("element", new Int64(), true)), true),
        ]),
        true,
      ),
    );
    const values = [[{ k: "a", v: [1n, null] }, null], [], null, [{ k: null, v: null }]];
    const rows = tableToRows(
      viaIpc(tableOf([{ name: "n", data: vectorFromArray(values, type).data[0]! }])),
    );
    expect(rows.map((r) => show(r[0]))).toEqual([
      [{ row: ["k", "v"], values: ["a", [1n, null]] }, null],
      [],
      null,
      [{ row: ["k", "v"], values: [null, null] }],
    ]);
  });

  test("variant → { value, metadata }, tagged on the child (Spark 4.1) or on the field", () => {
    const binary = (values: (number[] | null)[]) =>
      vectorFromArray(
        values.map((v) => (v ? new Uint8Array(v) : null)),
        new Binary(),
      ).data[0]!;
    const tag = new Map([["variant", "true"]]);
    const data = (childTag: boolean) =>
      makeData({
        type: new Struct([
          new Field("value", new Binary(), false),
          new Field("metadata", new Binary(), false, childTag ? tag : null),
        ]),
        length: 2,
        nullCount: 1,
        nullBitmap: Uint8Array.of(0b01),
        children: [binary([[12, 12], []]), binary([[1, 0, 0], []])],
      });
    const expected = [{ value: "bytes(12,12)", metadata: "bytes(1,0,0)" }, null];
    expect(column(data(true))).toEqual(expected);
    expect(column(data(false), tag)).toEqual(expected);
    // Without the tag it is an ordinary struct.
    expect(column(data(false))).toEqual([
      { row: ["value", "metadata"], values: ["bytes(12,12)", "bytes(1,0,0)"] },
      null,
    ]);
  });

  test("other Arrow types throw UNSUPPORTED_ARROW_TYPE naming the type and the column", () => {
    const cases: [Data, string, string][] = [
      [makeData({ type: new Float16(), length: 1, data: Uint16Array.of(0) }), "Float16", "c"],
      [
        makeData({ type: new IntervalDayTime(), length: 1, data: Int32Array.of(0, 0) }),
        "Interval<DAY_TIME>",
        "c",
      ],
      [
        makeData({
          type: new Dictionary(new Utf8(), new Int32()),
          length: 1,
          data: Int32Array.of(0),
          dictionary: vectorFromArray(["a"], new Utf8()),
        }),
        "Dictionary<Int32, Utf8>",
        "c",
      ],
      [
        makeData({
          type: new FixedSizeList(2, new Field("e", new Int32(), true)),
          length: 1,
          child: makeData({ type: new Int32(), length: 2, data: Int32Array.of(1, 2) }),
        }),
        "FixedSizeList[2]<Int32>",
        "c",
      ],
      [
        vectorFromArray([[0.5]], new List(new Field("element", new Float16(), true))).data[0]!,
        "Float16",
        "c[]",
      ],
    ];
    for (const [data, arrowType, columnPath] of cases) {
      const e = protocolError(() => tableToRows(tableOf([{ name: "c", data }])));
      expect(e.errorClass).toBe("UNSUPPORTED_ARROW_TYPE");
      expect(e.messageParameters).toEqual({ arrowType, column: columnPath });
      expect(e.message).toBe(
        `[UNSUPPORTED_ARROW_TYPE] Cannot convert column "${columnPath}" of Arrow type ${arrowType} to a JavaScript value.`,
      );
    }
  });
});

describe("tables", () => {
  function mixed(): Table {
    const ints = [1, null, 3, 4, 5];
    const strings = ["a", "bé", null, "d", "e"];
    const decimals = [100n, null, -5n, 0n, 7n];
    const lists = [[1], null, [], [2, 3], [4]];
    const structs = [{ x: 1 }, null, { x: 3 }, { x: null }, { x: 5 }];
    const flags = [true, false, null, true, false];
    return tableOf([
      { name: "i", data: fixed(new Int32(), Int32Array.from(ints, Number), ints) },
      { name: "s", data: vectorFromArray(strings, new Utf8()).data[0]! },
      { name: "d", data: fixed(new Decimal(2, 10, 128), decimalWords(decimals), decimals) },
      {
        name: "l",
        data: vectorFromArray(lists, new List(new Field("element", new Int32(), true))).data[0]!,
      },
      {
        name: "st",
        data: vectorFromArray(structs, new Struct([new Field("x", new Int32(), true)])).data[0]!,
      },
      { name: "b", data: fixed(new Bool(), bits(flags), flags) },
    ]);
  }

  test("several batches and sliced tables convert like the whole", () => {
    const table = mixed();
    const whole = tableToRows(table).map(show);
    expect(whole[2]).toEqual({
      row: ["i", "s", "d", "l", "st", "b"],
      values: [3, null, "-0.05", [], { row: ["x"], values: [3] }, null],
    });
    const twice = new Table(table.schema, [...table.batches, ...table.batches]);
    expect(tableToRows(twice).map(show)).toEqual([...whole, ...whole]);
    for (const [begin, end] of [
      [1, 4],
      [3, 5],
      [0, 1],
      [2, 2],
    ] as const) {
      expect(tableToRows(table.slice(begin, end)).map(show)).toEqual(whole.slice(begin, end));
    }
  });

  test("duplicate column names: rows keep both, columns keep both, byName takes the first", () => {
    const table = tableOf([
      { name: "id", data: vectorFromArray([1, 2], new Int32()).data[0]! },
      { name: "id", data: vectorFromArray(["one", "two"], new Utf8()).data[0]! },
      { name: "x", data: vectorFromArray([true, false], new Bool()).data[0]! },
    ]);
    const rows = tableToRows(viaIpc(table));
    expect(rows.map((r) => [...r])).toEqual([
      [1, "one", true],
      [2, "two", false],
    ]);
    expect(rows[0]!.fieldNames).toEqual(["id", "id", "x"]);
    expect(rows[1]!.get("id")).toBe(2);
    expect(rows[1]!.id).toBe(2);
    // apache-arrow's own tableFromIPC gives such a table a schema rebuilt by name (both `id`
    // fields typed Utf8); the data's types still decide.
    const mangled = tableFromIPC(tableToIPC(table, "stream"));
    expect(mangled.schema.fields.map((f) => String(f.type))).toEqual(["Utf8", "Utf8", "Bool"]);
    expect(tableToRows(mangled).map((r) => [...r])).toEqual([
      [1, "one", true],
      [2, "two", false],
    ]);
    const columns = tableToColumns(table);
    expect(columns.fieldNames).toEqual(["id", "id", "x"]);
    expect(columns.columns).toEqual([
      [1, 2],
      ["one", "two"],
      [true, false],
    ]);
    expect(columns.byName).toEqual({ id: [1, 2], x: [true, false] });
  });

  test("batchToRows converts one record batch, duplicate names included", () => {
    const table = viaIpc(
      tableOf([
        { name: "id", data: vectorFromArray([1, 2], new Int32()).data[0]! },
        { name: "id", data: vectorFromArray(["one", null], new Utf8()).data[0]! },
      ]),
    );
    const rows = batchToRows(table.batches[0]!);
    expect(rows.map((r) => [...r])).toEqual([
      [1, "one"],
      [2, null],
    ]);
    expect(rows[0]!.fieldNames).toEqual(["id", "id"]);
    // Even from apache-arrow's own decoding, whose batch schema lost the Int32 field.
    const mangled = tableFromIPC(tableToIPC(table, "stream")).batches[0]!;
    expect(batchToRows(mangled, { int64As: "number" }).map((r) => [...r])).toEqual([
      [1, "one"],
      [2, null],
    ]);
  });

  test("vectorToArray converts one column", () => {
    const table = mixed();
    expect(vectorToArray(table.getChild("d")!)).toEqual(["1.00", null, "-0.05", "0.00", "0.07"]);
    expect(vectorToArray(table.getChild("d")!, { decimalAs: "number" })).toEqual([
      1,
      null,
      -0.05,
      0,
      0.07,
    ]);
    expect(vectorToArray(new Table(table.schema).getChild("s")!)).toEqual([]);
  });

  test("an empty table has no rows and no columns' values", () => {
    const table = new Table(mixed().schema);
    expect(tableToRows(table)).toEqual([]);
    expect(tableToColumns(table).columns).toEqual([[], [], [], [], [], []]);
    expect(tableToRows(new Table())).toEqual([]);
  });

  test("a million rows are materialised column by column, with no per-cell proxies", () => {
    const n = 1_000_000;
    const ids = new Int32Array(n);
    const amounts = new BigInt64Array(n);
    const scores = new Float64Array(n);
    const micros = new BigInt64Array(n);
    const words = new Uint32Array(n * 4);
    const offsets = new Int32Array(n + 1);
    const labels = ["alpha", "beta", "gamma"];
    let text = "";
    for (let i = 0; i < n; i++) {
      ids[i] = i;
      amounts[i] = BigInt(i) * 3n;
      scores[i] = i / 4;
      micros[i] = 1700000000000000n + BigInt(i);
      words[i * 4] = i;
      text += labels[i % 3];
      offsets[i + 1] = text.length;
    }
    const scoreValidity = new Uint8Array(n >> 3).fill(0xff);
    scoreValidity[0] = 0xfe; // row 0 is null
    const table = tableOf([
      { name: "id", data: makeData({ type: new Int32(), length: n, data: ids }) },
      { name: "amount", data: makeData({ type: new Int64(), length: n, data: amounts }) },
      {
        name: "score",
        data: makeData({
          type: new Float64(),
          length: n,
          nullCount: 1,
          nullBitmap: scoreValidity,
          data: scores,
        }),
      },
      {
        name: "label",
        data: makeData({
          type: new Utf8(),
          length: n,
          valueOffsets: offsets,
          data: new TextEncoder().encode(text),
        }),
      },
      {
        name: "at",
        data: makeData({ type: new TimestampMicrosecond("UTC"), length: n, data: micros }),
      },
      { name: "price", data: makeData({ type: new Decimal(2, 12, 128), length: n, data: words }) },
    ]);
    // Row-wise access paths of apache-arrow must stay untouched.
    const spies = [
      vi.spyOn(Vector.prototype, "get"),
      vi.spyOn(Vector.prototype, "at"),
      vi.spyOn(Vector.prototype, "toArray"),
      vi.spyOn(Table.prototype, "get"),
      vi.spyOn(Table.prototype, "toArray"),
    ];
    try {
      const rows = tableToRows(table);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect(rows).toHaveLength(n);
      const proto = Object.getPrototypeOf(rows[0]);
      for (const i of [0, 1, 2, 499_999, 999_999]) {
        const row = rows[i]!;
        expect(Object.getPrototypeOf(row)).toBe(proto);
        expect(Object.getOwnPropertyNames(row)).toEqual(["0", "1", "2", "3", "4", "5", "length"]);
        expect(row[0]).toBe(i);
        expect(row[1]).toBe(BigInt(i) * 3n);
        expect(row[2]).toBe(i === 0 ? null : i / 4);
        expect(row[3]).toBe(labels[i % 3]);
        expect((row[4] as Timestamp).epochMicros).toBe(1700000000000000n + BigInt(i));
        expect(row[5]).toBe(`${Math.floor(i / 100)}.${String(i % 100).padStart(2, "0")}`);
        expect(row.label).toBe(labels[i % 3]);
      }
      expect(rows[999_999]!.toJSON()).toEqual({
        id: 999999,
        amount: 2999997,
        score: 249999.75,
        label: "alpha",
        at: "2023-11-14T22:13:20.999999Z",
        price: "9999.99",
      });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
