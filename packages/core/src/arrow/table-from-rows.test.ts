import { DataType, type Table } from "apache-arrow";
import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import { Row, rowFactory } from "../row.js";
import { decodeArrowBatch } from "./decode-batch.js";
import { ArrowResultCollector } from "./result-collector.js";
import {
  arrowSchemaFromColumns,
  type ColumnDescriptor,
  type ColumnType,
  emptyTable,
  tableFromRows,
  tableToIpcStream,
} from "./table-from-rows.js";
import { tableToRows } from "./table-to-rows.js";
import { Timestamp } from "./timestamp.js";

const col = (name: string, type: ColumnType, nullable = true): ColumnDescriptor => ({
  name,
  type,
  nullable,
});

/** Values in a form `toEqual` compares exactly. */
function show(value: unknown): unknown {
  if (value instanceof Row) return value.map(show);
  if (Array.isArray(value)) return value.map(show);
  if (value instanceof Timestamp)
    return `Timestamp(${value.toISOStringMicros()}, ${value.timeZone})`;
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `bytes(${[...value].join(",")})`;
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [show(k), show(v)]) };
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, show(v)]));
  }
  return value;
}

/** Encode → IPC stream bytes → decode as a result → rows. */
function roundTrip(table: Table): Row[] {
  const bytes = tableToIpcStream(table);
  const collector = new ArrowResultCollector();
  collector.add({ data: bytes, rowCount: BigInt(table.numRows), startOffset: 0n });
  return tableToRows(collector.toTable());
}

function argumentError(fn: () => unknown): SparkArgumentError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkArgumentError);
    return e as SparkArgumentError;
  }
  throw new Error("expected a SparkArgumentError");
}

const everyKind: ColumnDescriptor[] = [
  col("n", { kind: "null" }),
  col("b", { kind: "boolean" }),
  col("y", { kind: "byte" }),
  col("sh", { kind: "short" }),
  col("i", { kind: "integer" }, false),
  col("l", { kind: "long" }),
  col("f", { kind: "float" }),
  col("d", { kind: "double" }),
  col("dec", { kind: "decimal", precision: 38, scale: 10 }),
  col("s", { kind: "string" }),
  col("bin", { kind: "binary" }),
  col("dt", { kind: "date" }),
  col("ts", { kind: "timestamp" }),
  col("ntz", { kind: "timestampNtz" }),
  col("t", { kind: "time", precision: 6 }),
  col("dti", { kind: "dayTimeInterval" }),
  col("ymi", { kind: "yearMonthInterval" }),
  col("ci", { kind: "calendarInterval" }),
  col("v", { kind: "variant" }),
  col("arr", { kind: "array", elementType: { kind: "integer" }, containsNull: true }),
  col("m", {
    kind: "map",
    keyType: { kind: "string" },
    valueType: { kind: "double" },
    valueContainsNull: true,
  }),
  col("st", {
    kind: "struct",
    fields: [col("x", { kind: "integer" }, false), col("y", { kind: "string" })],
  }),
];

describe("arrowSchemaFromColumns", () => {
  test("uses the Arrow types of Spark's ArrowUtils.toArrowType", () => {
    const schema = arrowSchemaFromColumns(everyKind);
    expect(
      schema.fields.map((f) => `${f.name}: ${String(f.type)}${f.nullable ? "" : " NOT NULL"}`),
    ).toEqual([
      "n: Null",
      "b: Bool",
      "y: Int8",
      "sh: Int16",
      "i: Int32 NOT NULL",
      "l: Int64",
      "f: Float32",
      "d: Float64",
      "dec: Decimal[38e+10]",
      "s: Utf8",
      "bin: Binary",
      "dt: Date32<DAY>",
      "ts: Timestamp<MICROSECOND, UTC>",
      "ntz: Timestamp<MICROSECOND>",
      "t: Time64<NANOSECOND>",
      "dti: Duration<MICROSECOND>",
      "ymi: Interval<YEAR_MONTH>",
      "ci: Interval<MONTH_DAY_NANO>",
      "v: Struct<{value:Binary, metadata:Binary}>",
      "arr: List<Int32>",
      "m: Map<{key:Utf8, value:Float64}>",
      "st: Struct<{x:Int32, y:Utf8}>",
    ]);
    const field = (name: string) => schema.fields.find((f) => f.name === name)!;
    expect((field("dec").type as unknown as { bitWidth: number }).bitWidth).toBe(128);
    // Spark 4.1 reads the variant tag on the `metadata` child; older builds on the field.
    const variant = field("v");
    expect(variant.metadata.get("variant")).toBe("true");
    expect(DataType.isStruct(variant.type)).toBe(true);
    expect(
      (variant.type as unknown as { children: { name: string; nullable: boolean }[] }).children.map(
        (c) => `${c.name} ${c.nullable}`,
      ),
    ).toEqual(["value false", "metadata false"]);
    const arr = field("arr").type as unknown as { children: { name: string; nullable: boolean }[] };
    expect(arr.children.map((c) => `${c.name} ${c.nullable}`)).toEqual(["element true"]);
    const entries = (field("m").type as unknown as { children: { name: string; type: unknown }[] })
      .children[0]!;
    expect(entries.name).toBe("entries");
    expect(
      (entries.type as { children: { name: string; nullable: boolean }[] }).children.map(
        (c) => `${c.name} ${c.nullable}`,
      ),
    ).toEqual(["key false", "value true"]);
    expect(
      String(
        arrowSchemaFromColumns([col("ts", { kind: "timestamp" })], { timeZone: "Asia/Tokyo" })
          .fields[0]!.type,
      ),
    ).toBe("Timestamp<MICROSECOND, Asia/Tokyo>");
  });

  test("rejects bad decimals and unknown kinds with INVALID_COLUMN_TYPE", () => {
    for (const [type, reason] of [
      [{ kind: "decimal", precision: 39, scale: 0 }, "decimal precision must be 1 to 38, got 39"],
      [{ kind: "decimal", precision: 5, scale: 6 }, "decimal scale must be 0 to 5, got 6"],
      [{ kind: "decimal", precision: 5, scale: -1 }, "decimal scale must be 0 to 5, got -1"],
      [{ kind: "interval" }, 'unknown kind "interval"'],
    ] as const) {
      const e = argumentError(() => arrowSchemaFromColumns([col("c", type as ColumnType)]));
      expect(e.errorClass).toBe("INVALID_COLUMN_TYPE");
      expect(e.messageParameters).toEqual({ column: "c", reason });
    }
    const nested = argumentError(() =>
      arrowSchemaFromColumns([
        col("a", {
          kind: "array",
          elementType: { kind: "decimal", precision: 0, scale: 0 },
          containsNull: true,
        }),
      ]),
    );
    expect(nested.messageParameters.column).toBe("a[]");
  });
});

describe("tableFromRows", () => {
  const full = [
    null,
    true,
    -128,
    32767,
    -2147483648,
    -(2n ** 63n),
    1.5,
    -0.1,
    "-1234567890123456789.0123456789",
    "héllo ✓",
    new Uint8Array([0, 1, 255]),
    "1969-12-31",
    new Timestamp(1700000000123456n),
    new Timestamp(-1n, null),
    "13:45:07.123456",
    -90061000001n,
    -14,
    { months: 1, days: 2, microseconds: 3n },
    { value: new Uint8Array([12, 12]), metadata: new Uint8Array([1, 0, 0]) },
    [1, null, 3],
    new Map([
      ["a", 1.5],
      ["b", null],
    ]),
    { x: 7, y: "z" },
  ];

  test("round-trips every kind, nulls and nested values through IPC stream bytes", () => {
    const rows = [
      full,
      everyKind.map((c) => (c.nullable ? null : 0)),
      [
        undefined,
        false,
        127,
        -32768,
        2147483647,
        2n ** 63n - 1n,
        Number.NaN,
        Number.NEGATIVE_INFINITY,
        0,
        "",
        new ArrayBuffer(2),
        new Date(Date.UTC(9999, 11, 31, 23, 59)),
        new Date(-1),
        -62135596800000000n,
        "00:00",
        Number.MAX_SAFE_INTEGER,
        2147483647,
        { months: -1, days: -2, microseconds: -3000001 },
        { value: new Uint8Array(), metadata: new Uint8Array([1]) },
        [],
        { k: 2 },
        [0, null],
      ],
    ];
    const table = tableFromRows(rows, everyKind);
    expect(table.numRows).toBe(3);
    const back = roundTrip(table);
    expect(back[0]!.fieldNames).toEqual(everyKind.map((c) => c.name));
    expect(back.map(show)).toEqual([
      [
        null,
        true,
        -128,
        32767,
        -2147483648,
        -(2n ** 63n),
        1.5,
        -0.1,
        "-1234567890123456789.0123456789",
        "héllo ✓",
        "bytes(0,1,255)",
        "Date(1969-12-31T00:00:00.000Z)",
        "Timestamp(2023-11-14T22:13:20.123456Z, UTC)",
        "Timestamp(1969-12-31T23:59:59.999999, null)",
        "13:45:07.123456",
        -90061000001n,
        -14,
        { months: 1, days: 2, microseconds: 3n },
        { value: "bytes(12,12)", metadata: "bytes(1,0,0)" },
        [1, null, 3],
        {
          map: [
            ["a", 1.5],
            ["b", null],
          ],
        },
        [7, "z"],
      ],
      everyKind.map((c) => (c.nullable ? null : 0)),
      [
        null,
        false,
        127,
        -32768,
        2147483647,
        2n ** 63n - 1n,
        Number.NaN,
        Number.NEGATIVE_INFINITY,
        "0.0000000000",
        "",
        "bytes(0,0)",
        "Date(9999-12-31T00:00:00.000Z)",
        "Timestamp(1969-12-31T23:59:59.999000Z, UTC)",
        "Timestamp(0001-01-01T00:00:00.000000, null)",
        "00:00:00",
        BigInt(Number.MAX_SAFE_INTEGER),
        2147483647,
        { months: -1, days: -2, microseconds: -3000001n },
        { value: "bytes()", metadata: "bytes(1)" },
        [],
        { map: [["k", 2]] },
        [0, null],
      ],
    ]);
  });

  test("rows are arrays (Rows included) or objects by column name", () => {
    const columns = [col("id", { kind: "long" }, false), col("name", { kind: "string" })];
    const row = rowFactory(["whatever", "names"]).create([3n, "c"]);
    const table = tableFromRows([[1n, "a"], { id: 2, name: "b" }, row, { id: 4n }], columns);
    expect(roundTrip(table).map((r) => [...r])).toEqual([
      [1n, "a"],
      [2n, "b"],
      [3n, "c"],
      [4n, null],
    ]);
  });

  test("duplicate column names are kept", () => {
    const columns = [col("id", { kind: "integer" }), col("id", { kind: "string" })];
    const table = tableFromRows([[1, "one"]], columns);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(["Int32", "Utf8"]);
    expect(roundTrip(table).map((r) => [...r])).toEqual([[1, "one"]]);
  });

  test("a Timestamp with nanoseconds cannot go into a microsecond column", () => {
    let err: unknown;
    try {
      tableFromRows([[Timestamp.fromEpochNanos(1n)]], [col("t", { kind: "timestamp" })]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SparkArgumentError);
    expect((err as SparkArgumentError).errorClass).toBe("CANNOT_CONVERT_VALUE");
  });

  test("duplicate struct field names are encoded as Spark encodes them (a_0, a_1), others kept", () => {
    const columns = [
      col("s", {
        kind: "struct",
        fields: [
          col("a", { kind: "integer" }),
          col("b", { kind: "string" }),
          col("a", { kind: "integer" }),
        ],
      }),
    ];
    const table = tableFromRows([[[1, "x", 2]]], columns);
    expect(String(table.schema.fields[0]?.type)).toBe("Struct<{a_0:Int32, b:Utf8, a_1:Int32}>");
    const [row] = roundTrip(table);
    expect([...((row as Row)[0] as Row)]).toEqual([1, "x", 2]);
  });

  test("a null struct may hide non-nullable fields; deep nesting round-trips", () => {
    const columns = [
      col("s", {
        kind: "struct",
        fields: [
          col("a", { kind: "integer" }, false),
          col(
            "tags",
            { kind: "array", elementType: { kind: "string" }, containsNull: false },
            false,
          ),
          col(
            "m",
            {
              kind: "map",
              keyType: { kind: "integer" },
              valueType: { kind: "variant" },
              valueContainsNull: false,
            },
            false,
          ),
        ],
      }),
      col("deep", {
        kind: "array",
        containsNull: true,
        elementType: {
          kind: "map",
          keyType: { kind: "string" },
          valueType: { kind: "array", elementType: { kind: "date" }, containsNull: true },
          valueContainsNull: true,
        },
      }),
    ];
    const variant = { value: new Uint8Array([1]), metadata: new Uint8Array([2]) };
    const table = tableFromRows(
      [
        [null, [null, new Map([["x", ["2020-02-29", null]]])]],
        [{ a: 1, tags: ["p", "q"], m: new Map([[5, variant]]) }, [{ y: null }]],
      ],
      columns,
    );
    expect(roundTrip(table).map(show)).toEqual([
      [null, [null, { map: [["x", ["Date(2020-02-29T00:00:00.000Z)", null]]] }]],
      [
        [1, ["p", "q"], { map: [[5, { value: "bytes(1)", metadata: "bytes(2)" }]] }],
        [{ map: [["y", null]] }],
      ],
    ]);
  });

  test("no rows: a table of the schema with no rows", () => {
    const table = tableFromRows([], everyKind);
    expect(table.numRows).toBe(0);
    const decoded = decodeArrowBatch(tableToIpcStream(table), 0n);
    expect(decoded.schema.fields).toHaveLength(everyKind.length);
    const empty = emptyTable(arrowSchemaFromColumns(everyKind));
    expect(empty.numRows).toBe(0);
    expect(roundTrip(empty)).toEqual([]);
  });

  test("values a column cannot hold throw CANNOT_CONVERT_VALUE with where and why", () => {
    const cases: [ColumnType, unknown, string][] = [
      [{ kind: "integer" }, 1.5, "Cannot convert 1.5 at rows[1].c to int: not an integer."],
      [
        { kind: "integer" },
        2147483648,
        "Cannot convert 2147483648 at rows[1].c to int: out of range [-2147483648, 2147483647].",
      ],
      [
        { kind: "byte" },
        128n,
        "Cannot convert 128n at rows[1].c to tinyint: out of range [-128, 127].",
      ],
      [
        { kind: "short" },
        "1",
        'Cannot convert "1" at rows[1].c to smallint: not an integer number or bigint.',
      ],
      [
        { kind: "long" },
        2 ** 53,
        "Cannot convert 9007199254740992 at rows[1].c to bigint: beyond ±2^53, pass a bigint.",
      ],
      [
        { kind: "long" },
        2n ** 63n,
        "Cannot convert 9223372036854775808n at rows[1].c to bigint: out of the 64-bit range.",
      ],
      [
        { kind: "float" },
        1e39,
        "Cannot convert 1e+39 at rows[1].c to float: out of the 32-bit float range.",
      ],
      [{ kind: "double" }, 1n, "Cannot convert 1n at rows[1].c to double: not a number."],
      [
        { kind: "decimal", precision: 10, scale: 2 },
        Number.POSITIVE_INFINITY,
        "Cannot convert Infinity at rows[1].c to decimal(10,2): a decimal must be finite.",
      ],
      [
        { kind: "decimal", precision: 10, scale: 2 },
        "1.234",
        'Cannot convert "1.234" at rows[1].c to decimal(10,2): more than 2 fraction digits.',
      ],
      [
        { kind: "decimal", precision: 4, scale: 2 },
        123,
        "Cannot convert 123 at rows[1].c to decimal(4,2): more than 4 digits (precision 4, scale 2).",
      ],
      [{ kind: "string" }, 5, "Cannot convert 5 at rows[1].c to string: not a string."],
      [
        { kind: "binary" },
        [1],
        "Cannot convert a Array at rows[1].c to binary: not a Uint8Array or ArrayBuffer.",
      ],
      [{ kind: "boolean" }, 0, "Cannot convert 0 at rows[1].c to boolean: not a boolean."],
      [
        { kind: "date" },
        "2021-02-29",
        'Cannot convert "2021-02-29" at rows[1].c to date: not a valid YYYY-MM-DD date.',
      ],
      [
        { kind: "date" },
        new Date(Number.NaN),
        "Cannot convert Invalid Date at rows[1].c to date: an invalid Date.",
      ],
      [
        { kind: "timestamp" },
        "2020-01-01T00:00:00Z",
        'Cannot convert "2020-01-01T00:00:00Z" at rows[1].c to timestamp: not a Timestamp, Date or bigint of microseconds.',
      ],
      [
        { kind: "time" },
        "24:00",
        'Cannot convert "24:00" at rows[1].c to time(6): not a time of day.',
      ],
      [
        { kind: "time" },
        86400000000000n,
        "Cannot convert 86400000000000n at rows[1].c to time(6): nanoseconds of the day must be in [0, 86400e9).",
      ],
      [
        { kind: "yearMonthInterval" },
        0.5,
        "Cannot convert 0.5 at rows[1].c to interval year to month: not an integer.",
      ],
      [
        { kind: "calendarInterval" },
        { months: 1.5 },
        "Cannot convert an object at rows[1].c to interval: months must be a 32-bit integer.",
      ],
      [
        { kind: "variant" },
        { value: "x" },
        "Cannot convert an object at rows[1].c to variant: not a { value, metadata } pair of Uint8Arrays.",
      ],
      [{ kind: "null" }, 0, "Cannot convert 0 at rows[1].c to void: only null fits a void column."],
      [
        { kind: "array", elementType: { kind: "integer" }, containsNull: true },
        [1, 2, 3.5],
        "Cannot convert 3.5 at rows[1].c[2] to int: not an integer.",
      ],
      [
        {
          kind: "map",
          keyType: { kind: "string" },
          valueType: { kind: "long" },
          valueContainsNull: true,
        },
        { k: 1.5 },
        'Cannot convert 1.5 at rows[1].c["k"] to bigint: not an integer.',
      ],
      [
        {
          kind: "map",
          keyType: { kind: "integer" },
          valueType: { kind: "long" },
          valueContainsNull: true,
        },
        { k: 1 },
        "Cannot convert an object at rows[1].c to map<int,bigint>: not a Map.",
      ],
      [
        { kind: "struct", fields: [col("a", { kind: "integer" })] },
        { a: "x" },
        'Cannot convert "x" at rows[1].c.a to int: not an integer number or bigint.',
      ],
      [
        { kind: "struct", fields: [col("a", { kind: "integer" })] },
        [1, 2],
        "Cannot convert a Array at rows[1].c to struct<a:int>: 2 values for 1 struct fields.",
      ],
    ];
    for (const [type, value, message] of cases) {
      const e = argumentError(() => tableFromRows([[null], [value]], [col("c", type)]));
      expect(e.errorClass).toBe("CANNOT_CONVERT_VALUE");
      expect(e.message).toBe(`[CANNOT_CONVERT_VALUE] ${message}`);
      expect(e.messageParameters.location).toMatch(/^rows\[1\]\.c/);
    }
  });

  test("nulls where the descriptor forbids them throw FIELD_NOT_NULLABLE", () => {
    const cases: [ColumnDescriptor, unknown, string][] = [
      [col("c", { kind: "integer" }, false), null, "rows[0].c"],
      [col("c", { kind: "string" }, false), undefined, "rows[0].c"],
      [
        col("c", { kind: "array", elementType: { kind: "integer" }, containsNull: false }),
        [1, null],
        "rows[0].c[1]",
      ],
      [
        col("c", {
          kind: "map",
          keyType: { kind: "string" },
          valueType: { kind: "integer" },
          valueContainsNull: false,
        }),
        { a: null },
        'rows[0].c["a"]',
      ],
      [
        col("c", {
          kind: "map",
          keyType: { kind: "string" },
          valueType: { kind: "integer" },
          valueContainsNull: true,
        }),
        new Map([[null, 1]]),
        "rows[0].c (key null)",
      ],
      [
        col("c", { kind: "struct", fields: [col("a", { kind: "integer" }, false)] }),
        {},
        "rows[0].c.a",
      ],
      [col("first name", { kind: "integer" }, false), null, 'rows[0]["first name"]'],
    ];
    for (const [column, value, location] of cases) {
      const e = argumentError(() => tableFromRows([[value]], [column]));
      expect(e.errorClass).toBe("FIELD_NOT_NULLABLE");
      expect(e.messageParameters.location).toBe(location);
    }
  });

  test("rows of the wrong shape", () => {
    const columns = [col("a", { kind: "integer" }), col("b", { kind: "integer" })];
    const short = argumentError(() => tableFromRows([[1, 2], [1]], columns));
    expect(short.errorClass).toBe("ROW_LENGTH_MISMATCH");
    expect(short.message).toBe("[ROW_LENGTH_MISMATCH] Row 1 has 1 values but there are 2 columns.");
    for (const bad of [null, 5, "ab", new Map()]) {
      const e = argumentError(() => tableFromRows([bad as unknown as unknown[]], columns));
      expect(e.errorClass).toBe("INVALID_ROW");
    }
  });
});
