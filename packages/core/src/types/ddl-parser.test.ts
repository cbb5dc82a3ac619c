import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import {
  ArrayType,
  BooleanType,
  CalendarIntervalType,
  type DataType,
  DecimalType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  parseDataType,
  parseSchema,
  StringType,
  StructField,
  StructType,
  DataTypes as T,
  TimestampNTZType,
  TimestampType,
} from "./index.js";

describe("parseDataType", () => {
  test.each([
    ["int", "int"],
    ["INTEGER", "int"],
    ["bigint", "bigint"],
    ["Long", "bigint"],
    ["smallint", "smallint"],
    ["short", "smallint"],
    ["tinyint", "tinyint"],
    ["byte", "tinyint"],
    ["real", "float"],
    ["float", "float"],
    ["double", "double"],
    ["bool", "boolean"],
    ["BOOLEAN", "boolean"],
    ["string", "string"],
    ["STRING COLLATE utf8_lcase", "string collate utf8_lcase"],
    ["char(3)", "char(3)"],
    ["CHARACTER ( 4 )", "char(4)"],
    ["varchar(20)", "varchar(20)"],
    ["binary", "binary"],
    ["date", "date"],
    ["timestamp", "timestamp"],
    ["timestamp_ltz", "timestamp"],
    ["TIMESTAMP WITH LOCAL TIME ZONE", "timestamp"],
    ["timestamp_ntz", "timestamp_ntz"],
    ["timestamp without time zone", "timestamp_ntz"],
    ["time", "time(6)"],
    ["time(3)", "time(3)"],
    ["TIME(0) WITHOUT TIME ZONE", "time(0)"],
    ["decimal", "decimal(10,0)"],
    ["decimal(12)", "decimal(12,0)"],
    ["decimal(10, 2)", "decimal(10,2)"],
    ["dec(5,5)", "decimal(5,5)"],
    ["NUMERIC( 38 , 0 )", "decimal(38,0)"],
    ["interval", "interval"],
    ["interval year", "interval year"],
    ["INTERVAL YEAR TO MONTH", "interval year to month"],
    ["interval month", "interval month"],
    ["interval day", "interval day"],
    ["interval day to hour", "interval day to hour"],
    ["interval day to second", "interval day to second"],
    ["interval hour to minute", "interval hour to minute"],
    ["interval Minute To Second", "interval minute to second"],
    ["interval second", "interval second"],
    ["variant", "variant"],
    ["void", "void"],
    ["null", "void"],
    ["geometry(4326)", "geometry(4326)"],
    ["GEOMETRY(any)", "geometry(any)"],
    ["geography(4326)", "geography(4326)"],
    ["array<int>", "array<int>"],
    ["ARRAY < ARRAY<string> >", "array<array<string>>"],
    ["map<string,int>", "map<string,int>"],
    ["MAP<STRING, ARRAY<DOUBLE>>", "map<string,array<double>>"],
    ["map<struct<a:int>,map<int,int>>", "map<struct<a:int>,map<int,int>>"],
    ["struct<>", "struct<>"],
    ["struct<a:int,b:string>", "struct<a:int,b:string>"],
    ["struct<a int, b string>", "struct<a:int,b:string>"],
    ["array<struct<a:int,b:string>>", "array<struct<a:int,b:string>>"],
    [
      "  struct < `a b` : int , `c``d`: map<string , string> >  ",
      "struct<a b:int,c`d:map<string,string>>",
    ],
    ["\tdecimal(\n10,\n2)\n", "decimal(10,2)"],
  ])("%s → %s", (ddl, simpleString) => {
    expect(parseDataType(ddl).simpleString()).toBe(simpleString);
  });

  test("builds the exact types", () => {
    expect(parseDataType("int")).toBe(IntegerType.INSTANCE);
    expect(parseDataType("null")).toBe(NullType.INSTANCE);
    expect(parseDataType("interval")).toBe(CalendarIntervalType.INSTANCE);
    expect(parseDataType("timestamp_ltz")).toBe(TimestampType.INSTANCE);
    expect(parseDataType("timestamp_ntz")).toBe(TimestampNTZType.INSTANCE);
    expect(parseDataType("decimal(10, 2)").equals(new DecimalType(10, 2))).toBe(true);
    expect(
      parseDataType("array<struct<a:int,b:string>>").equals(
        new ArrayType(
          new StructType([
            new StructField("a", IntegerType.INSTANCE),
            new StructField("b", StringType.INSTANCE),
          ]),
        ),
      ),
    ).toBe(true);
    expect(
      parseDataType("map<string, boolean>").equals(
        new MapType(StringType.INSTANCE, BooleanType.INSTANCE, true),
      ),
    ).toBe(true);
  });

  test("struct fields take NOT NULL and COMMENT", () => {
    const t = parseDataType(
      "struct<a: int NOT NULL COMMENT 'x', b string not null, c: long comment \"y\">",
    );
    expect(
      t.equals(
        new StructType([
          new StructField("a", IntegerType.INSTANCE, false, { comment: "x" }),
          new StructField("b", StringType.INSTANCE, false),
          new StructField("c", LongType.INSTANCE, true, { comment: "y" }),
        ]),
      ),
    ).toBe(true);
  });

  test("a column list gives a struct, as Spark's DataType.fromDDL", () => {
    expect(parseDataType("a int, b string").simpleString()).toBe("struct<a:int,b:string>");
    expect(parseDataType("a: byte, b: decimal(  16 , 8   ) ").simpleString()).toBe(
      "struct<a:tinyint,b:decimal(16,8)>",
    );
    expect(parseDataType("date DATE, value INT").simpleString()).toBe(
      "struct<date:date,value:int>",
    );
    expect(parseDataType("array int").simpleString()).toBe("struct<array:int>");
  });
});

describe("parseSchema", () => {
  test("the column list from the docs", () => {
    const s = parseSchema(
      "a INT, b STRING NOT NULL COMMENT 'x', `weird name` MAP<STRING, ARRAY<DOUBLE>>",
    );
    expect(
      s.equals(
        new StructType([
          new StructField("a", IntegerType.INSTANCE),
          new StructField("b", StringType.INSTANCE, false, { comment: "x" }),
          new StructField("weird name", T.map(T.string(), T.array(T.double()))),
        ]),
      ),
    ).toBe(true);
    expect(s.toDDL()).toBe(
      "a INT, b STRING NOT NULL COMMENT 'x', `weird name` MAP<STRING, ARRAY<DOUBLE>>",
    );
  });

  test("comment literals: escapes, doubled quotes, raw strings, concatenation", () => {
    const s = parseSchema(
      "a INT COMMENT 'it\\'s \\\\ \\n ok', b INT COMMENT 'don''t', c INT COMMENT r'C:\\dir', " +
        "d INT COMMENT 'ab' \"cd\", e INT COMMENT '\\u00e9\\101'",
    );
    expect(s.fields.map((f) => f.getComment())).toEqual([
      "it's \\ \n ok",
      "don't",
      "C:\\dir",
      "abcd",
      "éA",
    ]);
  });

  test("keywords are fine as names; names keep their case", () => {
    const s = parseSchema("Date DATE, struct STRUCT<Map: MAP<INT, INT>>, `select` INT");
    expect(s.fieldNames()).toEqual(["Date", "struct", "select"]);
    expect(s.toDDL()).toBe("Date DATE, struct STRUCT<Map: MAP<INT, INT>>, select INT");
  });

  test("a whole STRUCT<…>, an empty string, a legacy colon list", () => {
    expect(parseSchema("STRUCT<a: INT, b: STRING>").toDDL()).toBe("a INT, b STRING");
    expect(parseSchema("  ").length).toBe(0);
    expect(parseSchema("a: int, b: string").toDDL()).toBe("a INT, b STRING");
  });

  const roundTrips = [
    "a INT, b STRING NOT NULL COMMENT 'x', `weird name` MAP<STRING, ARRAY<DOUBLE>>",
    "id BIGINT NOT NULL, amount DECIMAL(38,18), at TIMESTAMP, ntz TIMESTAMP_NTZ, t TIME(3)",
    "s STRING COLLATE UTF8_LCASE COMMENT 'it\\'s', c CHAR(1), v VARCHAR(255), b BINARY, d DATE",
    "i1 INTERVAL YEAR TO MONTH, i2 INTERVAL MONTH, i3 INTERVAL DAY TO SECOND, i4 INTERVAL HOUR, i5 INTERVAL",
    "v VARIANT, n VOID, g GEOMETRY(ANY), h GEOGRAPHY(4326), x TINYINT, y SMALLINT, z FLOAT, w BOOLEAN",
    "deep ARRAY<MAP<STRING, STRUCT<`a b`: INT NOT NULL COMMENT 'c', e: STRUCT<>>>> NOT NULL",
  ];

  test.each(roundTrips)("DDL → class → DDL: %s", (ddl) => {
    expect(parseSchema(ddl).toDDL()).toBe(ddl);
  });

  test("class → DDL → class for every parseable type", () => {
    const types: DataType[] = [
      T.nullType(),
      T.boolean(),
      T.byte(),
      T.short(),
      T.integer(),
      T.long(),
      T.float(),
      T.double(),
      T.decimal(7, 3),
      T.string(),
      T.string("UNICODE_CI_AI"),
      T.char(9),
      T.varchar(9),
      T.binary(),
      T.date(),
      T.timestamp(),
      T.timestampNtz(),
      T.time(1),
      T.yearMonthInterval(),
      T.yearMonthInterval("year"),
      T.dayTimeInterval("minute"),
      T.dayTimeInterval("day", "minute"),
      T.calendarInterval(),
      T.variant(),
      T.geometry(0),
      T.geography("ANY"),
      T.array(T.integer()),
      // Nullable nested fields: simpleString does not carry NOT NULL.
      T.map(T.string(), T.array(T.struct([T.field("q", T.long())]))),
      T.struct(),
    ];
    const schema = new StructType(types.map((t, i) => new StructField(`c${i}`, t, i % 2 === 0)));
    expect(parseSchema(schema.toDDL()).equals(schema)).toBe(true);
    for (const t of types) expect(parseDataType(t.sql()).equals(t)).toBe(true);
    for (const t of types) expect(parseDataType(t.simpleString()).equals(t)).toBe(true);
  });
});

describe("errors", () => {
  function parseError(run: () => unknown): SparkArgumentError {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(SparkArgumentError);
      return e as SparkArgumentError;
    }
    throw new Error("expected an error");
  }

  test("the message points at the position", () => {
    const e = parseError(() => parseDataType("array<int"));
    expect(e.name).toBe("SparkArgumentError");
    expect(e.errorClass).toBe("INVALID_DATA_TYPE");
    expect(e.messageParameters).toEqual({
      input: "array<int",
      position: "9",
      reason: "expected '>' to close ARRAY<, found the end of the input",
    });
    expect(e.message).toBe(
      "[INVALID_DATA_TYPE] Cannot parse the data type \"array<int\": expected '>' to close ARRAY<, " +
        "found the end of the input (position 9)\narray<int\n         ^",
    );
  });

  test("on the line of a multi-line input", () => {
    const e = parseError(() => parseSchema("a INT,\n  b STRNG"));
    expect(e.message).toBe(
      '[INVALID_DATA_TYPE] Cannot parse the data type "a INT,\\n  b STRNG": unknown data type "STRNG" (position 11)\n' +
        "  b STRNG\n    ^",
    );
  });

  const cases: [() => unknown, number, string][] = [
    [() => parseDataType(""), 0, "expected a data type, found the end of the input"],
    [() => parseDataType("foo"), 0, 'unknown data type "foo"'],
    [
      () => parseDataType("decimal(50,2)"),
      8,
      "decimal precision must be an integer from 1 to 38, got 50",
    ],
    [
      () => parseDataType("decimal(5,6)"),
      8,
      "decimal scale must be an integer from -38 to 5, got 6",
    ],
    [
      () => parseDataType("decimal(a)"),
      8,
      "expected an integer for the decimal precision, found 'a'",
    ],
    [() => parseDataType("char"), 4, "expected '(' before the length, found the end of the input"],
    [() => parseDataType("varchar(99999999999)"), 8, "the integer 99999999999 is too large"],
    [() => parseDataType("time(7)"), 5, "time precision must be an integer from 0 to 6, got 7"],
    [() => parseDataType("timestamp(3)"), 9, "TIMESTAMP takes no precision here"],
    [
      () => parseDataType("timestamp with time zone"),
      10,
      "unexpected 'with' after the end of the type",
    ],
    [
      () => parseDataType("interval hour to day"),
      17,
      "expected a field smaller than HOUR after TO (one of MINUTE, SECOND), found 'day'",
    ],
    [
      () => parseDataType("interval month to month"),
      18,
      "expected a field smaller than MONTH after TO (one of ), found 'month'",
    ],
    [() => parseDataType("geometry(x)"), 9, "expected an integer or ANY for the SRID, found 'x'"],
    [
      () => parseDataType("string collate 'x'"),
      15,
      "expected a collation name after COLLATE, found a string literal",
    ],
    [
      () => parseDataType("map<int>"),
      7,
      "expected ',' between the key and value types of MAP<, found '>'",
    ],
    [() => parseDataType("map<int,int>>"), 12, "unexpected '>' after the end of the type"],
    [() => parseDataType("struct<a int, b>"), 15, "expected a data type, found '>'"],
    [() => parseDataType("struct<a int,>"), 13, "expected a field name, found '>'"],
    [() => parseDataType("struct<a int not nul>"), 17, "expected NULL after NOT, found 'nul'"],
    [
      () => parseDataType("struct<a int comment>"),
      20,
      "expected a string literal after COMMENT, found '>'",
    ],
    [() => parseDataType("a int, b"), 8, "expected a data type, found the end of the input"],
    [() => parseDataType("date DATE, value INTT"), 17, 'unknown data type "INTT"'],
    [() => parseSchema("a int,"), 6, "expected a field name, found the end of the input"],
    [() => parseSchema("a int b int"), 6, "expected ',' or the end of the input, found 'b'"],
    [() => parseSchema("`a int"), 0, "unterminated quoted name"],
    [() => parseSchema("a int comment 'x"), 14, "unterminated string literal"],
    [() => parseSchema("a int; b int"), 5, 'unexpected character ";"'],
    [() => parseSchema("1 int"), 0, "expected a field name, found '1'"],
  ];

  test.each(cases.map(([run, position, reason]) => [reason, position, run] as const))(
    "%s (position %i)",
    (reason, position, run) => {
      const e = parseError(run);
      expect(e.messageParameters).toMatchObject({ position: String(position), reason });
    },
  );
});
