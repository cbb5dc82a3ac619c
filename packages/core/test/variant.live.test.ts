/**
 * VARIANT values decoded on the client read as the server reads them: for each variant,
 * `variantToJson` gives the very text of Spark's own `to_json(v)` (in a non-UTC session time
 * zone), and `variantToValue` the values Spark's typed columns decode to.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Timestamp } from "../src/arrow/timestamp.js";
import type { VariantValue } from "../src/arrow/values.js";
import { variantToJson, variantToValue } from "../src/arrow/variant.js";
import type { SparkSession } from "../src/session.js";
import { knownDifference } from "./known-difference.js";
import { liveSession } from "./live-session.js";

/** A zone with summer time and a local-mean-time offset with seconds before 1883 (-07:52:58). */
const TIME_ZONE = "America/Los_Angeles";

let spark: SparkSession;
beforeAll(async () => {
  spark = liveSession();
  await spark.conf.set("spark.sql.session.timeZone", TIME_ZONE);
});
afterAll(async () => {
  await spark?.stop();
});

/** The variant `expr` evaluates to, and Spark's `to_json` of it. */
async function fromServer(expr: string): Promise<{ v: VariantValue | null; json: string | null }> {
  const df = await spark.sql(`SELECT v, to_json(v) AS j FROM (SELECT ${expr} AS v)`);
  const [row] = await df.collect();
  return { v: row!.get("v") as VariantValue | null, json: row!.get("j") as string | null };
}

const quote = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
const parseJson = (text: string) => `parse_json(${quote(text)})`;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** [name, SQL expression of a VARIANT]: every case runs on both lanes (4.0 and 4.1). */
const CASES: [string, string][] = [
  [
    "an object: keys sorted, decimals without trailing zeros",
    parseJson('{"b": [1, 2.50, "x"], "a": null, "c": {"z": true, "y": false}}'),
  ],
  ["empty objects and arrays", parseJson('{"e": {}, "f": [], "g": [{}, []]}')],
  ["deep nesting", parseJson('{"z": {"y": {"x": [1, [2, [3, {"w": null}]]]}}}')],
  [
    "integers of every width",
    parseJson(
      "[0, -128, 127, 128, 32767, -32768, 2147483647, -2147483648, 9223372036854775807, -9223372036854775808]",
    ),
  ],
  [
    "numbers beyond long: decimals, then doubles",
    parseJson(
      "[12345678901234567890, 123456789012345678901234567890123456789, 0.000001, 3.140, -0.0]",
    ),
  ],
  ["numbers with exponents: doubles", parseJson("[1E2, 1.5e-7, 2.5e300, 1e-5, 1e7, 12345.678e3]")],
  [
    "strings that need escapes",
    parseJson(
      String.raw`["q\"uote", "back\\slash", "\n\t\r\b\f", "\u0001\u001f\u007f", "\u2028 / ok"]`,
    ),
  ],
  [
    "unicode keys and strings",
    parseJson('{"ключ": "héllo 🌍 日本語", "é": 1, "a": "\\ud83d\\ude00"}'),
  ],
  ["a string longer than 63 bytes", parseJson(JSON.stringify("long é ".repeat(20)))],
  [
    "an array of more than 255 elements",
    parseJson(JSON.stringify(range(300).map((i) => (i % 3 === 0 ? `s${i}` : i)))),
  ],
  [
    "an object of more than 255 keys",
    parseJson(JSON.stringify(Object.fromEntries(range(300).map((i) => [`key${i}`, i * 1000])))),
  ],
  ["more than 64 KiB of data (3-byte offsets)", parseJson(JSON.stringify(["x".repeat(70_000), 1]))],
  ["JSON literals", parseJson("[true, false, null]")],
  ["a JSON null", parseJson("null")],
  ["CAST(boolean)", "CAST(true AS VARIANT)"],
  ["CAST(tinyint)", "CAST(CAST(-7 AS TINYINT) AS VARIANT)"],
  ["CAST(smallint)", "CAST(CAST(-300 AS SMALLINT) AS VARIANT)"],
  ["CAST(int)", "CAST(2147483647 AS VARIANT)"],
  ["CAST(bigint)", "CAST(-9223372036854775808L AS VARIANT)"],
  ["CAST(decimal) with trailing zeros", "CAST(CAST(1.50 AS DECIMAL(10, 2)) AS VARIANT)"],
  ["CAST(decimal) zero", "CAST(CAST(0 AS DECIMAL(5, 2)) AS VARIANT)"],
  [
    "CAST(decimal(38, 18))",
    "CAST(CAST('-12345678901234567890.123456789012345678' AS DECIMAL(38, 18)) AS VARIANT)",
  ],
  ["CAST(decimal) integral", "CAST(CAST(1200 AS DECIMAL(6, 0)) AS VARIANT)"],
  [
    "CAST(double), non-finite ones quoted",
    "CAST(array(0.1D, 1e7D, 1.5e-4D, 100D, 1e-3D, -2.5D, 0.30000000000000004D, -0.0D, " +
      "CAST('NaN' AS DOUBLE), CAST('Infinity' AS DOUBLE), CAST('-Infinity' AS DOUBLE)) AS VARIANT)",
  ],
  [
    "CAST(float)",
    "CAST(array(CAST(0.1 AS FLOAT), CAST(1e10 AS FLOAT), CAST(3.5 AS FLOAT), " +
      "CAST(16777216 AS FLOAT), CAST(-1e-3 AS FLOAT), CAST('NaN' AS FLOAT)) AS VARIANT)",
  ],
  [
    "CAST(date)",
    "CAST(array(DATE'2024-02-29', DATE'0001-01-01', DATE'9999-12-31', DATE'1969-12-31') AS VARIANT)",
  ],
  [
    "CAST(timestamp) in the session time zone",
    "CAST(array(TIMESTAMP'2024-07-01 12:34:56.123456', TIMESTAMP'2024-01-01 00:00:00', " +
      "TIMESTAMP'2024-03-10 03:30:00.1', TIMESTAMP'1883-11-18 11:00:00', " +
      "TIMESTAMP'0001-01-01 00:00:00', TIMESTAMP'9999-12-31 23:59:59.999999') AS VARIANT)",
  ],
  [
    "CAST(timestamp_ntz)",
    "CAST(array(TIMESTAMP_NTZ'2024-01-02 03:04:05.5', TIMESTAMP_NTZ'0001-01-01 00:00:00', " +
      "TIMESTAMP_NTZ'9999-12-31 23:59:59.999999', TIMESTAMP_NTZ'1969-12-31 23:59:59.000001') AS VARIANT)",
  ],
  ["CAST(binary): base64", "CAST(array(X'', X'00FF10', X'68656C6C6F', X'FFFE') AS VARIANT)"],
  ["CAST(string)", "CAST('héllo \"w\"' AS VARIANT)"],
  ["CAST(array) with nulls", "CAST(array(1, NULL, 3) AS VARIANT)"],
  [
    "to_variant_object of a struct",
    "to_variant_object(named_struct('b', 1, 'a', 'x', 'c', array(1, 2), " +
      "'d', named_struct('e', CAST(NULL AS INT), 'f', CAST(2.5 AS DECIMAL(3, 1))), " +
      "'t', TIMESTAMP'2024-01-02 03:04:05', 'bin', X'01'))",
  ],
  [
    "a variant nested in a variant object",
    `to_variant_object(named_struct('inner', ${parseJson('{"k": [1.25, "v"]}')}, 'n', 1L))`,
  ],
];

/** The cases that differ on Sail, with the difference seen. */
const SAIL_DIFFERS: Record<string, string> = {
  "numbers beyond long: decimals, then doubles":
    "to_json prints variant numbers in Java's notation (1.0E7)",
  "numbers with exponents: doubles": "to_json prints variant numbers in Java's notation (1.0E7)",
  "CAST(double), non-finite ones quoted":
    "to_json prints variant numbers in Java's notation (1.0E7)",
  "CAST(float)": "to_json prints variant numbers in Java's notation (1.0E7)",
  "strings that need escapes": "to_json escapes variant strings differently",
  "CAST(bigint)": "invalid argument: bigint: 9223372036854775808",
  "CAST(timestamp) in the session time zone": "to_json prints variant timestamps in another format",
  "CAST(timestamp_ntz)": "to_json prints variant timestamps in another format",
  "to_variant_object of a struct": "to_json of a variant object differs",
};

describe("variantToJson equals Spark's to_json", () => {
  for (const [name, expr] of CASES) {
    test(name, knownDifference("sail", SAIL_DIFFERS[name]), async () => {
      const { v, json } = await fromServer(expr);
      expect(v).not.toBeNull();
      expect(json).not.toBeNull();
      expect(variantToJson(v!, { timeZone: TIME_ZONE })).toBe(json);
    });
  }

  test("a SQL NULL is no variant at all", async () => {
    expect(await fromServer("CAST(NULL AS VARIANT)")).toEqual({ v: null, json: null });
  });

  test(
    "timestamps in other session time zones, offsets included",
    knownDifference("sail", "to_json prints variant timestamps in another format"),
    async () => {
      const expr =
        "CAST(array(TIMESTAMP'2024-07-01 12:34:56.5', TIMESTAMP'1900-01-01 00:00:00', " +
        "TIMESTAMP'2024-12-31 23:59:59.999999') AS VARIANT)";
      const s = liveSession();
      try {
        for (const timeZone of [
          "UTC",
          "Europe/Paris",
          "Asia/Kolkata",
          "+05:45",
          "Africa/Monrovia",
        ]) {
          await s.conf.set("spark.sql.session.timeZone", timeZone);
          const df = await s.sql(`SELECT v, to_json(v) AS j FROM (SELECT ${expr} AS v)`);
          const [row] = await df.collect();
          expect(variantToJson(row!.get("v") as VariantValue, { timeZone }), timeZone).toBe(
            row!.get("j"),
          );
        }
      } finally {
        await s.stop();
      }
    },
  );

  test(
    "doubles and floats that Java 17 prints with other digits",
    knownDifference("sail", "not supported: function java_method"),
    async () => {
      const [java] = await (
        await spark.sql("SELECT java_method('java.lang.System', 'getProperty', 'java.version')")
      ).collect();
      const javaMajor = Number(String(java![0]).split(".")[0]);
      const { v, json } = await fromServer(
        "to_variant_object(named_struct('a', 1e23D, 'b', 2e23D, " +
          "'c', CAST(4.1e10 AS FLOAT), 'd', CAST(1e11 AS FLOAT)))",
      );
      const ours = variantToJson(v!, { timeZone: TIME_ZONE });
      // Java 19+ (JDK-4511638): the shortest digits, as here.
      expect(ours).toBe('{"a":1.0E23,"b":2.0E23,"c":4.1E10,"d":1.0E11}');
      if (javaMajor >= 19) {
        expect(json).toBe(ours);
      } else {
        expect(json).toBe(
          '{"a":9.999999999999999E22,"b":1.9999999999999998E23,"c":4.1000002E10,"d":9.9999998E10}',
        );
      }
      // The same numbers either way (the floats' digits read back as the same float).
      const numbers = (text: string) =>
        Object.values(JSON.parse(text) as Record<string, number>).map((x, i) =>
          i < 2 ? x : Math.fround(x),
        );
      expect(numbers(ours)).toEqual(numbers(json!));
    },
  );
});

describe("variantToValue", () => {
  test(
    "a JSON document becomes plain objects, arrays and numbers",
    knownDifference("sail", "parse_json keeps other numeric types"),
    async () => {
      const { v } = await fromServer(
        parseJson(
          '{"id": 12345678901, "n": 7, "price": 9.90, "ratio": 1.5e-3, "tags": ["a", null, true], "o": {}}',
        ),
      );
      expect(variantToValue(v!)).toEqual({
        id: 12345678901n,
        n: 7,
        o: {},
        price: "9.90",
        ratio: 0.0015,
        tags: ["a", null, true],
      });
      expect(Object.keys(variantToValue(v!) as object)).toEqual([
        "id",
        "n",
        "o",
        "price",
        "ratio",
        "tags",
      ]);
    },
  );

  test("typed values decode as the same columns decode without a variant", async () => {
    const columns = [
      "CAST(-5 AS TINYINT)",
      "CAST(300 AS SMALLINT)",
      "70000",
      "9007199254740993L",
      "0.1D",
      "CAST(0.1 AS FLOAT)",
      "CAST(-12.340 AS DECIMAL(10, 3))",
      "DATE'2024-02-29'",
      "TIMESTAMP'2024-07-01 12:34:56.123456'",
      "TIMESTAMP_NTZ'0001-01-01 00:00:00.000001'",
      "X'00FF'",
      "'héllo'",
      "true",
    ];
    const select = columns
      .map((c, i) => `${c} AS c${i}, CAST(${c} AS VARIANT) AS v${i}`)
      .join(", ");
    const [row] = await (await spark.sql(`SELECT ${select}`)).collect();
    const comparable = (x: unknown): unknown =>
      x instanceof Timestamp ? { micros: x.epochMicros, ntz: x.isNtz } : x;
    columns.forEach((c, i) => {
      const decoded = variantToValue(row!.get(`v${i}`) as VariantValue);
      expect(comparable(decoded), c).toEqual(comparable(row!.get(`c${i}`)));
    });
  });
});
