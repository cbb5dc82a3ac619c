import { describe, expect, it } from "vitest";
import type { Column } from "../column.js";
import { a, fn, i, json, thrown } from "../testing/expressions.js";
import { col, lit } from "./core.js";
import {
  aggregate,
  arraySort,
  exists,
  filter,
  forall,
  mapFilter,
  mapZipWith,
  reduce,
  transform,
  transformKeys,
  transformValues,
  zipWith,
} from "./higher-order.js";
import { length, upper } from "./string.js";

const v = (name: string) => ({ unresolvedNamedLambdaVariable: { nameParts: [name] } });
const lambda = (body: object, ...names: string[]) => ({
  lambdaFunction: { function: body, arguments: names.map((n) => ({ nameParts: [n] })) },
});

describe("higher-order functions", () => {
  it("transform turns a JS arrow function into a lambda", () => {
    expect(json(transform(col("xs"), (x) => x.plus(1)))).toEqual(
      fn("transform", a("xs"), lambda(fn("+", v("x_0"), i(1)), "x_0")),
    );
  });

  it("transform and filter pass the index when the function takes two parameters", () => {
    expect(json(transform("xs", (x, idx) => x.plus(idx)))).toEqual(
      fn("transform", a("xs"), lambda(fn("+", v("x_0"), v("y_0")), "x_0", "y_0")),
    );
    expect(json(filter("xs", (x) => x.gt(0)))).toEqual(
      fn("filter", a("xs"), lambda(fn(">", v("x_0"), i(0)), "x_0")),
    );
  });

  it("exists and forall take one parameter", () => {
    expect(json(exists("xs", (x) => x.isNull()))).toEqual(
      fn("exists", a("xs"), lambda(fn("isnull", v("x_0")), "x_0")),
    );
    expect(json(forall("xs", (x) => x.isNotNull()))).toEqual(
      fn("forall", a("xs"), lambda(fn("isnotnull", v("x_0")), "x_0")),
    );
    const e = thrown(() =>
      exists("xs", ((x: Column, y: Column) => x.plus(y)) as (x: Column) => Column),
    );
    expect(e.errorClass).toBe("WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION");
  });

  it("aggregate and reduce take merge and an optional finish", () => {
    const merge = fn("+", v("x_0"), v("y_0"));
    expect(json(aggregate("xs", lit(0), (acc, x) => acc.plus(x)))).toEqual(
      fn("aggregate", a("xs"), i(0), lambda(merge, "x_0", "y_0")),
    );
    expect(
      json(
        reduce(
          "xs",
          lit(0),
          (acc, x) => acc.plus(x),
          (acc) => acc.multiply(10),
        ),
      ),
    ).toEqual(
      fn(
        "reduce",
        a("xs"),
        i(0),
        lambda(merge, "x_0", "y_0"),
        lambda(fn("*", v("x_0"), i(10)), "x_0"),
      ),
    );
  });

  it("two-parameter lambdas get two variables even when the function declares fewer", () => {
    expect(json(transformValues("m", (k) => k))).toEqual(
      fn("transform_values", a("m"), lambda(v("x_0"), "x_0", "y_0")),
    );
    expect(json(transformKeys("m", (k) => upper(k)))).toEqual(
      fn("transform_keys", a("m"), lambda(fn("upper", v("x_0")), "x_0", "y_0")),
    );
    expect(json(mapFilter("m", (_k, val) => val.gt(0)))).toEqual(
      fn("map_filter", a("m"), lambda(fn(">", v("y_0"), i(0)), "x_0", "y_0")),
    );
    expect(json(zipWith("xs", "ys", (x, y) => x.plus(y)))).toEqual(
      fn("zip_with", a("xs"), a("ys"), lambda(fn("+", v("x_0"), v("y_0")), "x_0", "y_0")),
    );
  });

  it("mapZipWith takes three parameters", () => {
    expect(json(mapZipWith("m1", "m2", (_k, v1, v2) => v1.multiply(v2)))).toEqual(
      fn(
        "map_zip_with",
        a("m1"),
        a("m2"),
        lambda(fn("*", v("y_0"), v("z_0")), "x_0", "y_0", "z_0"),
      ),
    );
  });

  it("arraySort sends a comparator only when given", () => {
    expect(json(arraySort("xs"))).toEqual(fn("array_sort", a("xs")));
    expect(json(arraySort("w", (l, r) => length(r).minus(length(l))))).toEqual(
      fn(
        "array_sort",
        a("w"),
        lambda(fn("-", fn("length", v("y_0")), fn("length", v("x_0"))), "x_0", "y_0"),
      ),
    );
  });

  it("nested lambdas get distinct variable names", () => {
    expect(json(transform("xss", (xs) => transform(xs, (x) => x.plus(1))))).toEqual(
      fn(
        "transform",
        a("xss"),
        lambda(fn("transform", v("x_0"), lambda(fn("+", v("x_1"), i(1)), "x_1")), "x_0"),
      ),
    );
  });

  it("a function whose length says nothing gets the smallest arity", () => {
    expect(json(transform("xs", (...args: Column[]) => args[0] as Column))).toEqual(
      fn("transform", a("xs"), lambda(v("x_0"), "x_0")),
    );
  });

  it("rejects a non-function and a lambda that returns no Column", () => {
    const notFn = thrown(() => transform("xs", 1 as unknown as (x: Column) => Column));
    expect(notFn.errorClass).toBe("NOT_CALLABLE");
    const noColumn = thrown(() => transform("xs", (() => 1) as unknown as (x: Column) => Column));
    expect(noColumn.errorClass).toBe("HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN");
  });
});
