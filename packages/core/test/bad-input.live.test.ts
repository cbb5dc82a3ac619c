/**
 * Malformed input, one case per test: each asserts the exact error type and error class, and
 * that the session still works afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../../../tools/process.js";
import { connect as webConnect } from "../../web/src/connect.js";
import { parseConnectionString } from "../src/client/connection-string.js";
import {
  AnalysisError,
  ArithmeticError,
  ArrayIndexOutOfBoundsError,
  DateTimeError,
  NumberFormatError,
  ParseError,
  SparkArgumentError,
  SparkConnectionError,
  SparkError,
  SparkRuntimeError,
} from "../src/errors.js";
import { col, lit } from "../src/functions/core.js";
import { connect } from "../src/node.js";
import type { SparkSession } from "../src/session.js";
import { parseSchema } from "../src/types/index.js";
import { Window } from "../src/window.js";
import { knownDifference } from "./known-difference.js";
import { live, liveSession, versionOf } from "./live-session.js";

type ErrorType = abstract new (...args: never[]) => SparkError;

let spark: SparkSession;
beforeAll(async () => {
  spark = liveSession();
  await spark.range(3).createOrReplaceTempView("bad_t");
});
afterAll(async () => {
  await spark?.stop();
});

async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  return undefined;
}

// Spark 4.1 renamed the error class of changing a static conf.
const STATIC_CONF_CLASS = (() => {
  const [major, minor] = versionOf(live.version);
  return major > 4 || (major === 4 && minor >= 1)
    ? "CANNOT_MODIFY_STATIC_CONFIG"
    : "CANNOT_MODIFY_CONFIG";
})();

const serverCases: [string, () => Promise<unknown>, ErrorType, string][] = [
  ["misspelled keyword", () => spark.sql("SELEC 1"), ParseError, "PARSE_SYNTAX_ERROR"],
  [
    "unbalanced parenthesis",
    () => spark.sql("SELECT (1 + 2 FROM bad_t"),
    ParseError,
    "PARSE_SYNTAX_ERROR",
  ],
  [
    "unknown column in SQL",
    () => spark.sql("SELECT nope FROM bad_t"),
    AnalysisError,
    "UNRESOLVED_COLUMN.WITH_SUGGESTION",
  ],
  [
    "unknown column in select()",
    () => spark.table("bad_t").select("nope").collect(),
    AnalysisError,
    "UNRESOLVED_COLUMN.WITH_SUGGESTION",
  ],
  [
    "unknown table",
    () => spark.table("no_such_table").collect(),
    AnalysisError,
    "TABLE_OR_VIEW_NOT_FOUND",
  ],
  [
    "unknown function",
    () => spark.sql("SELECT no_such_fn(1)"),
    AnalysisError,
    "UNRESOLVED_ROUTINE",
  ],
  [
    "wrong argument type",
    () => spark.sql("SELECT array_contains(1, 1)"),
    AnalysisError,
    "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
  ],
  [
    "wrong number of arguments",
    () => spark.sql("SELECT substr()"),
    AnalysisError,
    "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
  ],
  [
    "aggregate without GROUP BY",
    () => spark.sql("SELECT id, count(*) FROM bad_t"),
    AnalysisError,
    "MISSING_GROUP_BY",
  ],
  [
    "ambiguous column in a self-join",
    () => spark.table("bad_t").crossJoin(spark.table("bad_t")).select("id").collect(),
    AnalysisError,
    "AMBIGUOUS_REFERENCE",
  ],
  [
    "division by zero under ANSI",
    () => spark.sql("SELECT 1 / 0 AS x").then((d) => d.collect()),
    ArithmeticError,
    "DIVIDE_BY_ZERO",
  ],
  [
    "integer overflow under ANSI",
    () => spark.sql("SELECT 9223372036854775807L + id AS x FROM bad_t").then((d) => d.collect()),
    ArithmeticError,
    "ARITHMETIC_OVERFLOW",
  ],
  [
    "invalid cast under ANSI",
    () => spark.range(1).select(lit("abc").cast("int")).collect(),
    NumberFormatError,
    "CAST_INVALID_INPUT",
  ],
  [
    "array index out of bounds",
    () => spark.sql("SELECT element_at(array(1), 5) AS x").then((d) => d.collect()),
    ArrayIndexOutOfBoundsError,
    "INVALID_ARRAY_INDEX_IN_ELEMENT_AT",
  ],
  [
    "unparseable date",
    () => spark.sql("SELECT to_date('2024-13-45', 'yyyy-MM-dd') AS d").then((d) => d.collect()),
    DateTimeError,
    "CANNOT_PARSE_TIMESTAMP",
  ],
  [
    "raise_error",
    () => spark.sql("SELECT raise_error('boom') AS x").then((d) => d.collect()),
    SparkRuntimeError,
    "USER_RAISED_EXCEPTION",
  ],
  [
    "duplicate temp view",
    () => spark.range(1).createTempView("bad_t"),
    AnalysisError,
    "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS",
  ],
  [
    "unknown conf without default",
    () => spark.conf.get("spark.no.such.conf"),
    SparkError,
    "SQL_CONF_NOT_FOUND",
  ],
  [
    "static conf at runtime",
    () => spark.conf.set("spark.sql.warehouse.dir", "/tmp/x"),
    AnalysisError,
    STATIC_CONF_CLASS,
  ],
  [
    "bad schema string for a reader",
    () => spark.read.schema("a INTT").json("/nonexistent").collect(),
    ParseError,
    "UNSUPPORTED_DATATYPE",
  ],
];

/** The server cases that differ on Sail: it sends no Spark error class or SQL state. */
const SAIL_DIFFERS = new Set([
  "misspelled keyword",
  "unbalanced parenthesis",
  "unknown column in SQL",
  "unknown function",
  "wrong argument type",
  "wrong number of arguments",
  "aggregate without GROUP BY",
  "static conf at runtime",
  "unknown column in select()",
  "unknown table",
  "ambiguous column in a self-join",
  "division by zero under ANSI",
  "integer overflow under ANSI",
  "invalid cast under ANSI",
  "array index out of bounds",
  "unparseable date",
  "raise_error",
  "duplicate temp view",
  "unknown conf without default",
  "bad schema string for a reader",
]);

describe("server-side rejections", () => {
  for (const [name, run, type, errorClass] of serverCases) {
    const sail = SAIL_DIFFERS.has(name)
      ? "Sail sends no Spark error class or SQL state, only a Java exception class"
      : undefined;
    test(name, knownDifference("sail", sail), async () => {
      const err = await failure(run);
      expect(err).toBeInstanceOf(type);
      expect((err as SparkError).errorClass).toBe(errorClass);
      expect((err as SparkError).message.startsWith(`[${errorClass}]`)).toBe(true);
      expect(await spark.range(2).count()).toBe(2);
    });
  }
});

const clientCases: [string, () => unknown, string][] = [
  [
    "connection string without sc://",
    () => parseConnectionString("http://localhost:15002"),
    "INVALID_CONNECTION_STRING",
  ],
  [
    "connection string with port 0",
    () => parseConnectionString("sc://localhost:0"),
    "INVALID_CONNECTION_STRING",
  ],
  [
    "connection string with a bad session id",
    () => parseConnectionString("sc://h/;session_id=nope"),
    "INVALID_CONNECTION_STRING",
  ],
  [
    "connection string with a malformed parameter",
    () => connect("sc://h/;novalue"),
    "INVALID_CONNECTION_STRING",
  ],
  ["undefined as a literal", () => lit(undefined as never), "UNSUPPORTED_LITERAL"],
  ["bigint beyond 64 bits", () => lit(2n ** 64n), "UNSUPPORTED_LITERAL"],
  ["a function as a literal", () => lit((() => 1) as never), "UNSUPPORTED_LITERAL"],
  ["an invalid Date", () => lit(new Date("nope")), "UNSUPPORTED_LITERAL"],
  ["mixed-type array literal", () => lit([1, "a"] as never), "UNSUPPORTED_LITERAL"],
  [
    "unknown join type",
    () => spark.range(1).join(spark.range(1), "id", "sideways"),
    "UNSUPPORTED_JOIN_TYPE",
  ],
  ["negative limit", () => spark.range(1).limit(-1), "VALUE_NOT_NON_NEGATIVE_INT"],
  [
    "a number where a column is needed",
    () => spark.range(1).select(42 as never),
    "NOT_COLUMN_OR_STR",
  ],
  ["a number as a filter", () => spark.range(1).filter(1 as never), "NOT_COLUMN_OR_STR"],
  [
    "an all-null column without a schema",
    () => spark.createDataFrame([{ a: null }]),
    "CANNOT_DETERMINE_TYPE",
  ],
  [
    "values of different types",
    () => spark.createDataFrame([{ a: 1 }, { a: "x" }]),
    "CANNOT_MERGE_TYPE",
  ],
  [
    "a fraction in an INT column",
    () => spark.createDataFrame([{ a: 1.5 }], "a INT"),
    "CANNOT_CONVERT_VALUE",
  ],
  ["an invalid DDL schema", () => parseSchema("a INTT"), "INVALID_DATA_TYPE"],
  ["range with step 0", () => spark.range(0, 10, 0), "VALUE_NOT_NONZERO"],
  ["a fractional window bound", () => Window.rowsBetween(0.5, 1), "INVALID_WINDOW_BOUND"],
  ["a tag with a comma", () => spark.addTag("a,b"), "VALUE_NOT_ALLOWED"],
  [
    "na.drop with an unknown how",
    () => spark.range(1).na.drop({ how: "some" as never }),
    "VALUE_NOT_ANY_OR_ALL",
  ],
  [
    "explain with an unknown mode",
    () => spark.range(1).explain("verbose" as never),
    "UNKNOWN_EXPLAIN_MODE",
  ],
  ["otherwise without when", () => col("a").otherwise(1), "INVALID_OTHERWISE_USAGE"],
];

describe("client-side rejections", () => {
  test.each(clientCases)("%s", async (_name, run, errorClass) => {
    const err = await failure(run);
    expect(err).toBeInstanceOf(SparkArgumentError);
    expect((err as SparkArgumentError).errorClass).toBe(errorClass);
    expect(await spark.range(1).count()).toBe(1);
  });
});

describe("transport and size trouble", () => {
  test("a plan deeper than protobuf's default nesting limit works", async () => {
    let df = spark.range(3);
    for (let i = 0; i < 150; i++) df = df.withColumn(`c${i % 5}`, col("id").plus(i));
    expect(await df.count()).toBe(3);
    const schema = await df.schema();
    expect(schema.fieldNames()).toEqual(["id", "c0", "c1", "c2", "c3", "c4"]);
  });

  test("an oversized local relation fails before it is sent", async () => {
    const small = connect(
      `${live.remote}/;grpc_max_message_size=100000`,
      live.token ? { token: live.token } : {},
    );
    try {
      const rows = Array.from({ length: 20_000 }, (_, i) => ({ i, s: `row ${i}` }));
      const err = await failure(() => small.createDataFrame(rows).count());
      expect(err).toBeInstanceOf(SparkArgumentError);
      expect((err as SparkArgumentError).errorClass).toBe("REQUEST_TOO_LARGE");
      expect(await small.range(1).count()).toBe(1);
    } finally {
      await small.stop();
    }
  });

  test("a dead server is a connection error, not a hang", async () => {
    const dead = connect(`sc://127.0.0.1:${await freePort()}`, { retryPolicy: false });
    const err = await failure(() => dead.version());
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect((err as SparkConnectionError).errorClass).toBe("CONNECTION_UNAVAILABLE");
    await dead.stop().catch(() => undefined);
  });

  test("a wrong proxy path is a connection error that says what to check", async () => {
    const wrong = webConnect({
      baseUrl: `${live.envoyUrl}/not-spark`,
      releaseOnPageHide: false,
      retryPolicy: false,
    });
    const err = await failure(() => wrong.version());
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect((err as SparkConnectionError).errorClass).toBe("PROXY_PATH_NOT_FOUND");
    expect((err as Error).message).toMatch(/gRPC-Web proxy/);
  });
});
