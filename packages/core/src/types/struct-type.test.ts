import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import {
  ArrayType,
  DecimalType,
  fromJson,
  IntegerType,
  LongType,
  MapType,
  StringType,
  StructField,
  StructType,
  TimeType,
} from "./index.js";

const base = new StructType()
  .add("id", LongType.INSTANCE, false)
  .add(new StructField("name", StringType.INSTANCE, true, { comment: "the name" }));

describe("StructType basics", () => {
  test("fields, names, length, iteration", () => {
    expect(base.length).toBe(2);
    expect(base.fieldNames()).toEqual(["id", "name"]);
    expect([...base].map((f) => f.toDDL())).toEqual([
      "id BIGINT NOT NULL",
      "name STRING COMMENT 'the name'",
    ]);
    expect(base.fields.map((f) => [f.name, f.nullable, f.metadata])).toEqual([
      ["id", false, {}],
      ["name", true, { comment: "the name" }],
    ]);
  });

  test("add returns a new struct and leaves the original alone", () => {
    const more = base.add("score", new DecimalType(5, 2));
    expect(more.fieldNames()).toEqual(["id", "name", "score"]);
    expect(base.fieldNames()).toEqual(["id", "name"]);
    expect(more.get("score")?.dataType.sql()).toBe("DECIMAL(5,2)");
  });

  test("lookup by name and index", () => {
    const dup = base.add("id", IntegerType.INSTANCE);
    expect(dup.get("id")?.dataType).toBe(LongType.INSTANCE);
    expect(dup.get(2)?.dataType).toBe(IntegerType.INSTANCE);
    expect(dup.get("ID")).toBeUndefined();
    expect(dup.get(7)).toBeUndefined();
    expect(dup.has("name")).toBe(true);
    expect(dup.has("nope")).toBe(false);
    expect(dup.fieldIndex("name")).toBe(1);
    expect(dup.fieldIndex("id")).toBe(0);
  });

  test("fieldIndex of a missing name throws FIELD_NOT_FOUND", () => {
    let error: unknown;
    try {
      base.fieldIndex("age");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparkArgumentError);
    expect(error).toMatchObject({
      errorClass: "FIELD_NOT_FOUND",
      messageParameters: { fieldName: "age" },
      message: '[FIELD_NOT_FOUND] no field named "age"; the fields are ["id","name"]',
    });
  });

  test("comments", () => {
    const f = new StructField("a", IntegerType.INSTANCE);
    expect(f.getComment()).toBeUndefined();
    const g = f.withComment("x");
    expect(g.getComment()).toBe("x");
    expect(g.metadata).toEqual({ comment: "x" });
    expect(f.metadata).toEqual({});
    expect(new StructField("a", IntegerType.INSTANCE, true, { comment: 3 }).getComment()).toBe(
      undefined,
    );
  });
});

describe("DDL and SQL forms", () => {
  test("names are quoted only when needed, backticks doubled", () => {
    const s = new StructType(
      ["plain_1", "_x", "a b", "1a", "a`b", "ümlaut", "select", ""].map(
        (n) => new StructField(n, IntegerType.INSTANCE),
      ),
    );
    expect(s.toDDL()).toBe(
      "plain_1 INT, _x INT, `a b` INT, `1a` INT, `a``b` INT, `ümlaut` INT, select INT, `` INT",
    );
    expect(s.sql()).toBe(
      "STRUCT<plain_1: INT, _x: INT, `a b`: INT, `1a`: INT, `a``b`: INT, `ümlaut`: INT, select: INT, ``: INT>",
    );
    expect(s.simpleString()).toBe(
      "struct<plain_1:int,_x:int,a b:int,1a:int,a`b:int,ümlaut:int,select:int,:int>",
    );
  });

  test("comments are escaped, nullability and nesting kept", () => {
    const inner = new StructType([
      new StructField("x", IntegerType.INSTANCE, false, { comment: "inner" }),
    ]);
    const s = new StructType([
      new StructField("c", StringType.INSTANCE, false, { comment: "it's a \\ path" }),
      new StructField("s", inner),
      new StructField("m", new MapType(StringType.INSTANCE, new ArrayType(inner))),
    ]);
    expect(s.toDDL()).toBe(
      "c STRING NOT NULL COMMENT 'it\\'s a \\\\ path', s STRUCT<x: INT NOT NULL COMMENT 'inner'>, " +
        "m MAP<STRING, ARRAY<STRUCT<x: INT NOT NULL COMMENT 'inner'>>>",
    );
    expect(s.fields[0]?.sql()).toBe("c: STRING NOT NULL COMMENT 'it\\'s a \\\\ path'");
  });
});

describe("JSON form", () => {
  test("is Spark's, with metadata kept", () => {
    const s = new StructType([
      new StructField("a", IntegerType.INSTANCE, true, { comment: "x", n: 1.5, tags: ["p"] }),
    ]);
    expect(s.json()).toBe(
      '{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{"comment":"x","n":1.5,"tags":["p"]}}]}',
    );
    expect(s.fields[0]?.json()).toBe(
      '{"name":"a","type":"integer","nullable":true,"metadata":{"comment":"x","n":1.5,"tags":["p"]}}',
    );
  });

  test("collated strings are written as string, their collations in __COLLATIONS", () => {
    const lcase = new StringType("UTF8_LCASE");
    const s = new StructType([
      new StructField("s", lcase, true, { comment: "c" }),
      new StructField("m", new MapType(new StringType("UNICODE_CI"), new ArrayType(lcase))),
      new StructField("n", new ArrayType(new StructType([new StructField("x", lcase)]))),
      new StructField("plain", StringType.INSTANCE),
    ]);
    expect(JSON.parse(s.json())).toEqual({
      type: "struct",
      fields: [
        {
          name: "s",
          type: "string",
          nullable: true,
          metadata: { comment: "c", __COLLATIONS: { s: "spark.UTF8_LCASE" } },
        },
        {
          name: "m",
          type: {
            type: "map",
            keyType: "string",
            valueType: { type: "array", elementType: "string", containsNull: true },
            valueContainsNull: true,
          },
          nullable: true,
          metadata: {
            __COLLATIONS: { "m.key": "icu.UNICODE_CI", "m.value.element": "spark.UTF8_LCASE" },
          },
        },
        {
          name: "n",
          type: {
            type: "array",
            elementType: {
              type: "struct",
              fields: [
                {
                  name: "x",
                  type: "string",
                  nullable: true,
                  metadata: { __COLLATIONS: { x: "spark.UTF8_LCASE" } },
                },
              ],
            },
            containsNull: true,
          },
          nullable: true,
          metadata: {},
        },
        { name: "plain", type: "string", nullable: true, metadata: {} },
      ],
    });
    // The collations come back, and the metadata does not keep __COLLATIONS.
    const back = fromJson(s.json());
    expect(back.equals(s)).toBe(true);
    expect(back.kind === "struct" && back.fields[0]?.metadata).toEqual({ comment: "c" });
  });
});

describe("treeString", () => {
  const s = new StructType([
    new StructField("id", LongType.INSTANCE, false),
    new StructField("amount", new DecimalType(10, 2)),
    new StructField("at", new TimeType(3)),
    new StructField("tags", new ArrayType(StringType.INSTANCE, false)),
    new StructField(
      "props",
      new MapType(
        StringType.INSTANCE,
        new StructType([new StructField("v", IntegerType.INSTANCE)]),
        false,
      ),
    ),
    new StructField("a\tb", new StringType("UTF8_LCASE")),
  ]);

  test("as printSchema shows it", () => {
    expect(s.treeString()).toBe(
      [
        "root",
        " |-- id: long (nullable = false)",
        " |-- amount: decimal(10,2) (nullable = true)",
        " |-- at: time(3) (nullable = true)",
        " |-- tags: array (nullable = true)",
        " |    |-- element: string (containsNull = false)",
        " |-- props: map (nullable = true)",
        " |    |-- key: string",
        " |    |-- value: struct (valueContainsNull = false)",
        " |    |    |-- v: integer (nullable = true)",
        " |-- a\\tb: string collate UTF8_LCASE (nullable = true)",
        "",
      ].join("\n"),
    );
  });

  test("to a depth", () => {
    expect(s.treeString(2)).toBe(
      [
        "root",
        " |-- id: long (nullable = false)",
        " |-- amount: decimal(10,2) (nullable = true)",
        " |-- at: time(3) (nullable = true)",
        " |-- tags: array (nullable = true)",
        " |    |-- element: string (containsNull = false)",
        " |-- props: map (nullable = true)",
        " |    |-- key: string",
        " |    |-- value: struct (valueContainsNull = false)",
        " |-- a\\tb: string collate UTF8_LCASE (nullable = true)",
        "",
      ].join("\n"),
    );
    expect(s.treeString(1).split("\n").length).toBe(8);
  });
});
