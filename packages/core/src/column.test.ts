import { describe, expect, test } from "vitest";
import { Timestamp } from "./arrow/timestamp.js";
import type { Column } from "./column.js";
import { col, expr, lit, when } from "./functions/core.js";
import { rank } from "./functions/window-functions.js";
import { a, json, thrown } from "./testing/expressions.js";
import { ArrayType, DecimalType, StringType } from "./types/index.js";
import { Window } from "./window.js";

/** The whole expression as protobuf JSON. */
const fn = (functionName: string, ...args: unknown[]) => ({
  unresolvedFunction: { functionName, ...(args.length ? { arguments: args } : {}) },
});
const int = (integer: number) => ({ literal: { integer } });
const str = (string: string) => ({ literal: { string } });
const bool = (boolean: boolean) => ({ literal: { boolean } });
const order = (child: unknown, direction: "ASCENDING" | "DESCENDING", nulls: "FIRST" | "LAST") => ({
  sortOrder: {
    child,
    direction: `SORT_DIRECTION_${direction}`,
    nullOrdering: `SORT_NULLS_${nulls}`,
  },
});

describe("Column operators", () => {
  test("arithmetic takes Columns and literals", () => {
    const x = col("x");
    const cases: [Column, unknown][] = [
      [x.plus(1), fn("+", a("x"), int(1))],
      [x.minus(col("y")), fn("-", a("x"), a("y"))],
      [x.multiply(2.5), fn("*", a("x"), { literal: { double: 2.5 } })],
      [x.divide(4), fn("/", a("x"), int(4))],
      [x.mod(3), fn("%", a("x"), int(3))],
      [x.pow(2), fn("power", a("x"), int(2))],
      [x.negate(), fn("negative", a("x"))],
    ];
    for (const [c, expected] of cases) expect(json(c)).toEqual(expected);
  });

  test("comparison: equalTo/eq, notEqual as NOT (a = b), eqNullSafe, ordering, between", () => {
    const x = col("x");
    const cases: [Column, unknown][] = [
      [x.equalTo(1), fn("==", a("x"), int(1))],
      [x.eq("s"), fn("==", a("x"), str("s"))],
      // PySpark's `!=` and the Scala client's `=!=` send not(==): Spark has no `!=` function.
      [x.notEqual(col("y")), fn("not", fn("==", a("x"), a("y")))],
      [x.eqNullSafe(null), fn("<=>", a("x"), { literal: { null: { null: {} } } })],
      [x.gt(1), fn(">", a("x"), int(1))],
      [x.lt(1), fn("<", a("x"), int(1))],
      [x.geq(1), fn(">=", a("x"), int(1))],
      [x.leq(1), fn("<=", a("x"), int(1))],
      [x.between(1, col("hi")), fn("and", fn(">=", a("x"), int(1)), fn("<=", a("x"), a("hi")))],
    ];
    for (const [c, expected] of cases) expect(json(c)).toEqual(expected);
  });

  test("logic and bits", () => {
    const p = col("p");
    const cases: [Column, unknown][] = [
      [p.and(col("q")), fn("and", a("p"), a("q"))],
      [p.or(true), fn("or", a("p"), bool(true))],
      [p.not(), fn("not", a("p"))],
      [p.bitwiseAND(12), fn("&", a("p"), int(12))],
      [p.bitwiseOR(col("q")), fn("|", a("p"), a("q"))],
      [p.bitwiseXOR(1), fn("^", a("p"), int(1))],
    ];
    for (const [c, expected] of cases) expect(json(c)).toEqual(expected);
  });

  test("null and NaN tests", () => {
    expect(json(col("x").isNull())).toEqual(fn("isnull", a("x")));
    expect(json(col("x").isNotNull())).toEqual(fn("isnotnull", a("x")));
    expect(json(col("x").isNaN())).toEqual(fn("isnan", a("x")));
  });

  test("isin takes values as varargs or as one array", () => {
    const expected = fn("in", a("x"), int(1), str("b"), a("y"));
    expect(json(col("x").isin(1, "b", col("y")))).toEqual(expected);
    expect(json(col("x").isin([1, "b", col("y")]))).toEqual(expected);
    expect(json(col("x").isin())).toEqual(fn("in", a("x")));
  });

  test("string predicates", () => {
    const s = col("s");
    const cases: [Column, unknown][] = [
      [s.like("a%"), fn("like", a("s"), str("a%"))],
      [s.ilike(col("p")), fn("ilike", a("s"), a("p"))],
      [s.rlike("^a.*$"), fn("rlike", a("s"), str("^a.*$"))],
      [s.startsWith("pre"), fn("startswith", a("s"), str("pre"))],
      [s.endsWith(col("suf")), fn("endswith", a("s"), a("suf"))],
      [s.contains("mid"), fn("contains", a("s"), str("mid"))],
    ];
    for (const [c, expected] of cases) expect(json(c)).toEqual(expected);
  });

  test("substr takes two numbers or two Columns", () => {
    expect(json(col("s").substr(2, 3))).toEqual(fn("substr", a("s"), int(2), int(3)));
    expect(json(col("s").substr(col("i"), col("n")))).toEqual(fn("substr", a("s"), a("i"), a("n")));
    expect(thrown(() => col("s").substr(1, col("n"))).errorClass).toBe("NOT_SAME_TYPE");
  });

  test("operands that are not Columns or literals are refused", () => {
    expect(thrown(() => col("a").plus(undefined as never)).errorClass).toBe(
      "NOT_COLUMN_OR_LITERAL",
    );
    expect(thrown(() => col("a").equalTo({ a: undefined } as never)).errorClass).toBe(
      "UNSUPPORTED_LITERAL",
    );
  });
});

describe("Column nested data", () => {
  test("getItem by index, key or Column; getField by name", () => {
    const extract = (extraction: unknown) => ({
      unresolvedExtractValue: { child: a("c"), extraction },
    });
    expect(json(col("c").getItem(0))).toEqual(extract(int(0)));
    expect(json(col("c").getItem("k"))).toEqual(extract(str("k")));
    expect(json(col("c").getItem(col("i")))).toEqual(extract(a("i")));
    expect(json(col("c").getField("f"))).toEqual(extract(str("f")));
  });

  test("withField adds a field; dropFields chains one UpdateFields per name", () => {
    expect(json(col("s").withField("f", lit(1)))).toEqual({
      updateFields: { structExpression: a("s"), fieldName: "f", valueExpression: int(1) },
    });
    expect(json(col("s").dropFields("a"))).toEqual({
      updateFields: { structExpression: a("s"), fieldName: "a" },
    });
    expect(json(col("s").dropFields("a", "b"))).toEqual({
      updateFields: {
        structExpression: { updateFields: { structExpression: a("s"), fieldName: "a" } },
        fieldName: "b",
      },
    });
    expect(thrown(() => col("s").dropFields()).errorClass).toBe("CANNOT_BE_EMPTY");
    expect(thrown(() => col("s").withField("f", 1 as never)).errorClass).toBe("NOT_COLUMN");
  });
});

describe("Column naming and types", () => {
  test("alias with one name, several names, metadata; name and as", () => {
    const x = fn("+", a("x"), int(1));
    const c = col("x").plus(1);
    expect(json(c.alias("y"))).toEqual({ alias: { expr: x, name: ["y"] } });
    expect(json(c.alias("k", "v"))).toEqual({ alias: { expr: x, name: ["k", "v"] } });
    expect(json(c.alias("y", { metadata: { comment: "one more", max: 3 } }))).toEqual({
      alias: { expr: x, name: ["y"], metadata: '{"comment":"one more","max":3}' },
    });
    expect(json(c.name("y"))).toEqual({ alias: { expr: x, name: ["y"] } });
    expect(json(c.as("y"))).toEqual({ alias: { expr: x, name: ["y"] } });
  });

  test("cast, tryCast and astype to a type string or a DataType", () => {
    expect(json(col("x").cast("decimal(10,2)"))).toEqual({
      cast: { expr: a("x"), typeStr: "decimal(10,2)" },
    });
    expect(json(col("x").cast(new DecimalType(10, 2)))).toEqual({
      cast: { expr: a("x"), type: { decimal: { scale: 2, precision: 10 } } },
    });
    expect(json(col("x").astype(new ArrayType(StringType.INSTANCE, false)))).toEqual({
      cast: {
        expr: a("x"),
        type: { array: { elementType: { string: { collation: "UTF8_BINARY" } } } },
      },
    });
    expect(json(col("x").tryCast("int"))).toEqual({
      cast: { expr: a("x"), typeStr: "int", evalMode: "EVAL_MODE_TRY" },
    });
    expect(json(col("x").tryCast(new DecimalType(5, 0)))).toEqual({
      cast: {
        expr: a("x"),
        type: { decimal: { scale: 0, precision: 5 } },
        evalMode: "EVAL_MODE_TRY",
      },
    });
    expect(json(col("x").cast("bigint", "ansi"))).toEqual({
      cast: { expr: a("x"), typeStr: "bigint", evalMode: "EVAL_MODE_ANSI" },
    });
    expect(thrown(() => col("x").cast(42 as never)).errorClass).toBe("NOT_DATATYPE_OR_STR");
  });

  test("sort orders: asc nulls first and desc nulls last by default", () => {
    const x = col("x");
    expect(json(x.asc())).toEqual(order(a("x"), "ASCENDING", "FIRST"));
    expect(json(x.ascNullsFirst())).toEqual(order(a("x"), "ASCENDING", "FIRST"));
    expect(json(x.ascNullsLast())).toEqual(order(a("x"), "ASCENDING", "LAST"));
    expect(json(x.desc())).toEqual(order(a("x"), "DESCENDING", "LAST"));
    expect(json(x.descNullsFirst())).toEqual(order(a("x"), "DESCENDING", "FIRST"));
    expect(json(x.descNullsLast())).toEqual(order(a("x"), "DESCENDING", "LAST"));
  });
});

describe("Column conditionals and windows", () => {
  test("when chains flatten into one `when` call, otherwise appends the else value", () => {
    const chain = when(col("a").lt(18), "minor").when(col("a").lt(65), "adult");
    const branches = [
      fn("<", a("a"), int(18)),
      str("minor"),
      fn("<", a("a"), int(65)),
      str("adult"),
    ];
    expect(json(chain)).toEqual(fn("when", ...branches));
    expect(json(chain.otherwise(col("fallback")))).toEqual(fn("when", ...branches, a("fallback")));
    expect(json(when(col("p"), null).otherwise(0))).toEqual(
      fn("when", a("p"), { literal: { null: { null: {} } } }, int(0)),
    );
  });

  test("when and otherwise only follow when(...), and only before otherwise", () => {
    const done = when(col("p"), 1).otherwise(0);
    expect(thrown(() => col("a").when(col("b"), 1)).errorClass).toBe("INVALID_WHEN_USAGE");
    expect(thrown(() => done.when(col("q"), 2)).errorClass).toBe("INVALID_WHEN_USAGE");
    expect(thrown(() => col("a").otherwise(0)).errorClass).toBe("INVALID_OTHERWISE_USAGE");
    expect(thrown(() => done.otherwise(2)).errorClass).toBe("INVALID_OTHERWISE_USAGE");
  });

  test("over wraps the function in a Window expression", () => {
    const w = Window.partitionBy("k").orderBy("t").rowsBetween(-1, 1);
    expect(json(expr("sum(v)").over(w))).toEqual({
      window: {
        windowFunction: { expressionString: { expression: "sum(v)" } },
        partitionSpec: [a("k")],
        orderSpec: [
          {
            child: a("t"),
            direction: "SORT_DIRECTION_ASCENDING",
            nullOrdering: "SORT_NULLS_FIRST",
          },
        ],
        frameSpec: {
          frameType: "FRAME_TYPE_ROW",
          lower: { value: int(-1) },
          upper: { value: int(1) },
        },
      },
    });
    expect(json(rank().over(Window.orderBy(col("t").desc())))).toEqual({
      window: {
        windowFunction: fn("rank"),
        orderSpec: [
          {
            child: a("t"),
            direction: "SORT_DIRECTION_DESCENDING",
            nullOrdering: "SORT_NULLS_LAST",
          },
        ],
      },
    });
  });
});

describe("literal inference", () => {
  const type = (kind: string) => ({ [kind]: {} });

  test("scalars: every JS value kind gets the Spark type PySpark would give it", () => {
    const cases: [unknown, unknown][] = [
      [null, { null: type("null") }],
      [true, { boolean: true }],
      [false, { boolean: false }],
      [42, { integer: 42 }],
      [-(2 ** 31), { integer: -2147483648 }],
      [2 ** 31 - 1, { integer: 2147483647 }],
      // A whole number beyond int32 but safe is a bigint (long), sent as a string.
      [2 ** 31, { long: "2147483648" }],
      [-(2 ** 40), { long: "-1099511627776" }],
      [Number.MAX_SAFE_INTEGER, { long: "9007199254740991" }],
      // Fractional, non-finite, negative zero and unsafe whole numbers are doubles.
      [2.5, { double: 2.5 }],
      [Number.NaN, { double: "NaN" }],
      [Number.POSITIVE_INFINITY, { double: "Infinity" }],
      [-0, { double: -0 }],
      [2 ** 53, { double: 9007199254740992 }],
      [12n, { long: "12" }],
      [-(2n ** 63n), { long: "-9223372036854775808" }],
      [2n ** 63n - 1n, { long: "9223372036854775807" }],
      ["héllo", { string: "héllo" }],
      ["", { string: "" }],
      [new Uint8Array([1, 2, 255]), { binary: "AQL/" }],
      [new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), { timestamp: "1704164645678000" }],
      [new Timestamp(1700000000123456n), { timestamp: "1700000000123456" }],
      [new Timestamp(1700000000123456n, null), { timestampNtz: "1700000000123456" }],
    ];
    for (const [value, literal] of cases) {
      expect(json(lit(value as never)), String(value)).toEqual({ literal });
    }
    // -0 keeps its sign (a long would turn it into 0).
    const negZero = json(lit(-0)) as { literal: { double: number } };
    expect(Object.is(negZero.literal.double, -0)).toBe(true);
  });

  test("arrays take the widest numeric type of their elements; nulls become typed nulls", () => {
    expect(json(lit([1, 2]))).toEqual({
      literal: {
        array: { elementType: type("integer"), elements: [{ integer: 1 }, { integer: 2 }] },
      },
    });
    expect(json(lit([1, 2 ** 40, null]))).toEqual({
      literal: {
        array: {
          elementType: type("long"),
          elements: [{ long: "1" }, { long: "1099511627776" }, { null: type("long") }],
        },
      },
    });
    expect(json(lit([1, 5n, 0.5]))).toEqual({
      literal: {
        array: {
          elementType: type("double"),
          elements: [{ double: 1 }, { double: 5 }, { double: 0.5 }],
        },
      },
    });
    expect(json(lit([["a"], ["b", null]]))).toEqual({
      literal: {
        array: {
          elementType: { array: { elementType: { string: {} }, containsNull: true } },
          elements: [
            { array: { elementType: { string: {} }, elements: [{ string: "a" }] } },
            {
              array: {
                elementType: { string: {} },
                elements: [{ string: "b" }, { null: { string: {} } }],
              },
            },
          ],
        },
      },
    });
    expect(json(lit([]))).toEqual({ literal: { array: { elementType: type("null") } } });
  });

  test("a Map and a plain object become map literals", () => {
    expect(
      json(
        lit(
          new Map<unknown, unknown>([
            [1, "a"],
            [2 ** 40, null],
          ]),
        ),
      ),
    ).toEqual({
      literal: {
        map: {
          keyType: type("long"),
          valueType: type("string"),
          keys: [{ long: "1" }, { long: "1099511627776" }],
          values: [{ string: "a" }, { null: type("string") }],
        },
      },
    });
    expect(json(lit({ a: 1, b: 2.5 }))).toEqual({
      literal: {
        map: {
          keyType: type("string"),
          valueType: type("double"),
          keys: [{ string: "a" }, { string: "b" }],
          values: [{ double: 1 }, { double: 2.5 }],
        },
      },
    });
    expect(json(lit({}))).toEqual({
      literal: { map: { keyType: type("null"), valueType: type("null") } },
    });
  });

  test("values Spark cannot represent are refused when the literal is built", () => {
    const cases: [() => unknown, string][] = [
      [() => lit(undefined as never), "undefined"],
      [() => lit(2n ** 63n), "outside the range of a 64-bit bigint"],
      [() => lit(-(2n ** 63n) - 1n), "outside the range of a 64-bit bigint"],
      [() => lit(new Date(Number.NaN)), "invalid Date"],
      [() => lit(Symbol("s") as never), "is a symbol"],
      [() => lit((() => 1) as never), "is a function"],
      [() => lit([1, "a"]), "have different types"],
      [() => lit([[1], ["a"]]), "have different types"],
      [() => lit({ a: 1, b: "x" }), "have different types"],
      [() => lit(new Map([[null, 1]])), "null map key"],
      [() => lit(new Set([1]) as never), "is a Set"],
      [() => lit([undefined] as never), "the value[0] is undefined"],
    ];
    for (const [build, message] of cases) {
      const error = thrown(build);
      expect(error.name).toBe("SparkArgumentError");
      expect(error.errorClass, message).toBe("UNSUPPORTED_LITERAL");
      expect(error.message).toContain(message);
    }
  });
});
