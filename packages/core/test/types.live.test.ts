/**
 * Every Spark data type round-trips: JS values → createDataFrame (Arrow LocalRelation) → collect,
 * SQL literals → collect, and lit() → collect, with the documented JS value for each type.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Timestamp } from "../src/arrow/timestamp.js";
import { lit } from "../src/functions/core.js";
import { Row } from "../src/row.js";
import type { SparkSession } from "../src/session.js";
import { knownDifference } from "./known-difference.js";
import { live, liveSession, versionOf } from "./live-session.js";

let spark: SparkSession;
beforeAll(() => {
  spark = liveSession();
});
afterAll(async () => {
  await spark?.stop();
});

const plain = (v: unknown): unknown => {
  if (v instanceof Row) return Object.fromEntries(v.fieldNames.map((n, i) => [n, plain(v[i])]));
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [plain(k), plain(x)]));
  if (v instanceof Timestamp) return { micros: v.epochMicros, ntz: v.timeZone === null };
  if (v instanceof Date) return { date: v.toISOString() };
  return v;
};

const SCHEMA = [
  "b BOOLEAN",
  "y TINYINT",
  "s SMALLINT",
  "i INT",
  "l BIGINT",
  "f FLOAT",
  "d DOUBLE",
  "dec DECIMAL(38,18)",
  "small DECIMAL(5,2)",
  "str STRING",
  "bin BINARY",
  "dt DATE",
  "ts TIMESTAMP",
  "ntz TIMESTAMP_NTZ",
  "ym INTERVAL YEAR TO MONTH",
  "ds INTERVAL DAY TO SECOND",
  "arr ARRAY<INT>",
  "m MAP<STRING, BIGINT>",
  "st STRUCT<a: INT, b: STRING>",
  "nested ARRAY<STRUCT<k: STRING, v: ARRAY<DOUBLE>>>",
].join(", ");

const VALUES = [
  true,
  -128,
  32767,
  -2147483648,
  2n ** 62n + 1n,
  1.5,
  0.1,
  "-12345678901234567890.123456789012345678",
  "123.45",
  "héllo 🌍",
  new Uint8Array([0, 1, 255]),
  new Date(Date.UTC(2024, 1, 29)),
  new Timestamp(1_700_000_000_123_456n),
  new Timestamp(-1_000_001n, null),
  14,
  90_061_000_001n,
  [1, null, 3],
  new Map([
    ["a", 1n],
    ["b", null],
  ]),
  { a: 7, b: "x" },
  [{ k: "p", v: [1.25, Number.NaN] }],
];

describe("createDataFrame → collect keeps every value", () => {
  test("a row of every type, and a row of nulls", async () => {
    const df = spark.createDataFrame([VALUES, VALUES.map(() => null)], SCHEMA);
    const rows = await df.collect();
    expect(rows).toHaveLength(2);
    const got = rows[0]!.map(plain);
    const want = VALUES.map(plain);
    // Structs come back as Rows: compare them as objects.
    expect(got).toEqual(want);
    expect([...rows[1]!]).toEqual(VALUES.map(() => null));
    expect((await df.schema()).toDDL()).toBe(
      "b BOOLEAN, y TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, dec DECIMAL(38,18), small DECIMAL(5,2), str STRING, bin BINARY, dt DATE, ts TIMESTAMP, ntz TIMESTAMP_NTZ, ym INTERVAL YEAR TO MONTH, ds INTERVAL DAY TO SECOND, arr ARRAY<INT>, m MAP<STRING, BIGINT>, st STRUCT<a: INT, b: STRING>, nested ARRAY<STRUCT<k: STRING, v: ARRAY<DOUBLE>>>",
    );
  });

  test("the server computes on the values it received (not just echoes bytes)", async () => {
    const df = spark.createDataFrame([VALUES], SCHEMA);
    const [row] = await df
      .selectExpr(
        "l + 1 AS l1",
        "dec = CAST('-12345678901234567890.123456789012345678' AS DECIMAL(38,18)) AS exact",
        "date_add(dt, 1) AS next",
        "unix_micros(ts) AS us",
        "ym + INTERVAL '1' MONTH AS ym1",
        "size(arr) AS n",
        "m['a'] AS ma",
        "st.b AS sb",
        "hex(bin) AS h",
        "length(str) AS len",
      )
      .collect();
    expect([...row!].map(plain)).toEqual([
      2n ** 62n + 2n,
      true,
      { date: "2024-03-01T00:00:00.000Z" },
      1_700_000_000_123_456n,
      15,
      3,
      1n,
      "x",
      "0001FF",
      7,
    ]);
  });

  test("an apache-arrow Table goes in as is", async () => {
    const arrow = await spark.range(3).selectExpr("id", "CAST(id AS STRING) AS s").toArrow();
    const back = await spark.createDataFrame(arrow).collect();
    expect(back.map((r) => [...r])).toEqual([
      [0n, "0"],
      [1n, "1"],
      [2n, "2"],
    ]);
  });

  test("without a schema, types are inferred as PySpark infers them", async () => {
    const df = spark.createDataFrame([
      {
        n: 1,
        x: 1.5,
        s: "a",
        b: true,
        big: 2n ** 40n,
        t: new Timestamp(1n),
        arr: [1, 2],
        m: new Map([["k", "v"]]),
      },
    ]);
    expect((await df.schema()).simpleString()).toBe(
      "struct<n:bigint,x:double,s:string,b:boolean,big:bigint,t:timestamp,arr:array<bigint>,m:map<string,string>>",
    );
  });
});

describe("SQL literals → collect", () => {
  test("every type from SQL, with the documented JS values", async () => {
    const df = await spark.sql(`SELECT
      true, CAST(-1 AS TINYINT), CAST(2 AS SMALLINT), 3, 9007199254740993L, CAST(1.25 AS FLOAT), 2.5D,
      CAST('0.000000000000000001' AS DECIMAL(38,18)), 12.30BD, 'str', X'CAFE', DATE'0001-01-01', DATE'9999-12-31',
      TIMESTAMP'2024-06-01 12:34:56.789012', TIMESTAMP_NTZ'1969-12-31 23:59:59.999999',
      INTERVAL '2-3' YEAR TO MONTH, INTERVAL '1 02:03:04.000005' DAY TO SECOND, make_interval(1, 2, 0, 3, 4, 5, 6.000007),
      array(1, 2), map('k', 1), named_struct('a', 1, 'b', array('x')), NULL, CAST(NULL AS STRING)`);
    const [row] = await df.collect();
    expect([...row!].map(plain)).toEqual([
      true,
      -1,
      2,
      3,
      9007199254740993n,
      1.25,
      2.5,
      "0.000000000000000001",
      "12.30",
      "str",
      new Uint8Array([0xca, 0xfe]),
      { date: "0001-01-01T00:00:00.000Z" },
      { date: "9999-12-31T00:00:00.000Z" },
      { micros: 1_717_245_296_789_012n, ntz: false },
      { micros: -1n, ntz: true },
      27,
      93_784_000_005n,
      { months: 14, days: 3, microseconds: 14_706_000_007n },
      [1, 2],
      new Map([["k", 1]]),
      { a: 1, b: ["x"] },
      null,
      null,
    ]);
  });

  test("variant values arrive as their binary encoding", async () => {
    const [row] = await (await spark.sql(`SELECT parse_json('{"a": 1}') AS v`)).collect();
    const v = row?.get("v") as { value: Uint8Array; metadata: Uint8Array };
    expect(v.value).toBeInstanceOf(Uint8Array);
    expect(v.metadata).toBeInstanceOf(Uint8Array);
    // The server reads back what it sent when given the same bytes.
    const [json] = await (await spark.sql(`SELECT to_json(parse_json('{"a": 1}')) AS j`)).collect();
    expect(json?.get("j")).toBe('{"a":1}');
  });

  test("TIME values (Spark 4.1)", async (context) => {
    const [major, minor] = versionOf(live.version);
    if (major === 4 && minor < 1) {
      context.skip("the TIME type is new in Spark 4.1");
    }
    const s = liveSession();
    try {
      await s.conf.set("spark.sql.timeType.enabled", true);
      const [row] = await (await s.sql("SELECT TIME'12:34:56.123456' AS t")).collect();
      expect(row?.get("t")).toBe("12:34:56.123456");
    } finally {
      await s.stop();
    }
  });
});

describe("Spark 4.1 types", () => {
  const is41 = () => {
    const [major, minor] = versionOf(live.version);
    return major > 4 || (major === 4 && minor >= 1);
  };

  test("TIME through createDataFrame and back", async (context) => {
    if (!is41()) context.skip("the TIME type is new in Spark 4.1");
    const s = liveSession();
    try {
      await s.conf.set("spark.sql.timeType.enabled", true);
      const df = s.createDataFrame([["12:34:56.123456"], ["00:00:00"], [null]], "t TIME(6)");
      expect((await df.collect()).map((r) => r[0])).toEqual(["12:34:56.123456", "00:00:00", null]);
      const [row] = await df.limit(1).selectExpr("hour(t) AS h", "minute(t) AS m").collect();
      expect([...row!]).toEqual([12, 34]);
    } finally {
      await s.stop();
    }
  });

  test(
    "GEOMETRY and GEOGRAPHY arrive as rows of srid and WKB bytes",
    knownDifference("sail", "GEOMETRY and GEOGRAPHY values differ"),
    async (context) => {
      if (!is41()) context.skip("the GEOMETRY and GEOGRAPHY types are new in Spark 4.1");
      const s = liveSession();
      try {
        await s.conf.set("spark.sql.geospatial.enabled", true);
        // POINT(1 2) in little-endian WKB.
        const wkb = "0101000000000000000000F03F0000000000000040";
        const df = await s.sql(
          `SELECT ST_GeomFromWKB(X'${wkb}') AS g, ST_GeogFromWKB(X'${wkb}') AS geo`,
        );
        expect((await df.schema()).simpleString()).toBe(
          "struct<g:geometry(0),geo:geography(4326)>",
        );
        const [row] = await df.collect();
        const bytes = Uint8Array.from(wkb.match(/../g)!.map((h) => Number.parseInt(h, 16)));
        expect([...row!].map(plain)).toEqual([
          { srid: 0, wkb: bytes },
          { srid: 4326, wkb: bytes },
        ]);
      } finally {
        await s.stop();
      }
    },
  );
});

describe("lit() → collect", () => {
  test("JS literals come back with the value they went in with", async () => {
    const values = [
      true,
      7,
      2 ** 40,
      2n ** 63n - 1n,
      0.5,
      "é",
      new Uint8Array([9]),
      new Timestamp(1_234_567n),
      new Timestamp(-1n, null),
      [1, 2.5],
      new Map([["k", [1]]]),
    ];
    const [row] = await spark
      .range(1)
      .select(...values.map((v, i) => lit(v as never).alias(`c${i}`)))
      .collect();
    expect([...row!].map(plain)).toEqual([
      true,
      7,
      2n ** 40n,
      2n ** 63n - 1n,
      0.5,
      "é",
      new Uint8Array([9]),
      { micros: 1_234_567n, ntz: false },
      { micros: -1n, ntz: true },
      [1, 2.5],
      new Map([["k", [1]]]),
    ]);
  });
});
