import { toJson } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { Column } from "../column.js";
import * as F from "../functions/index.js";
import { ExpressionSchema } from "../gen/spark/connect/expressions_pb.js";
import {
  CALLER_NAMED_FUNCTIONS,
  INTERNAL_SPARK_FUNCTION_NAMES,
  SPARK_FUNCTION_NAMES,
} from "./spark-names.js";

type Exported = keyof typeof F;

/** Every Spark function name in the expression tree of a column. */
function functionNames(c: Column): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "unresolvedFunction" || key === "callFunction") {
          names.add((value as { functionName: string }).functionName);
        }
        walk(value);
      }
    }
  };
  walk(toJson(ExpressionSchema, c.expr.toProto()));
  return names;
}

const { col, lit } = F;
const id = (x: F.ColumnOrName) => (typeof x === "string" ? col(x) : x);

/**
 * Calls for functions that the generic call (every parameter a column name) does not fit, or whose
 * optional arguments add nested calls. Together a function's calls must produce exactly the names
 * the table lists, so lambdas here return their variables (no operator calls).
 */
const samples: Partial<Record<Exported, (() => unknown)[]>> = {
  // Core
  callFunction: [() => F.callFunction("my_fn", "a")],
  callUdf: [() => F.callUdf("my_fn", "a")],
  unresolvedCall: [() => F.unresolvedCall("my_fn")],
  namedArgument: [() => F.namedArgument("k", 1)],
  when: [() => F.when(col("a"), 1)],
  colRegex: [() => F.colRegex("`a.*`")],
  lit: [() => F.lit(1)],
  // Aggregates with list percentages
  percentile: [() => F.percentile("v", 0.5), () => F.percentile("v", [0.1, 0.9])],
  percentileApprox: [() => F.percentileApprox("v", [0.5])],
  approxPercentile: [() => F.approxPercentile("v", [0.5])],
  // Options maps
  fromJson: [() => F.fromJson("j", "a INT", { mode: "FAILFAST" })],
  toJson: [() => F.toJson("s", { pretty: true })],
  schemaOfJson: [() => F.schemaOfJson("{}", { allowComments: true })],
  fromCsv: [() => F.fromCsv("l", "a INT", { sep: ";" })],
  toCsv: [() => F.toCsv("s", { sep: ";" })],
  schemaOfCsv: [() => F.schemaOfCsv("1,2", { sep: "," })],
  fromXml: [() => F.fromXml("x", "a INT", { rowTag: "r" })],
  toXml: [() => F.toXml("s", { rowTag: "r" })],
  schemaOfXml: [() => F.schemaOfXml("<a/>", { rowTag: "a" })],
  // Two forms
  log: [() => F.log("x"), () => F.log(2, "x")],
  // Numbers where PySpark wants them, and variadic functions with a minimum
  greatest: [() => F.greatest("a", "b")],
  least: [() => F.least("a", "b")],
  jsonTuple: [() => F.jsonTuple("j", "a")],
  sha2: [() => F.sha2("a", 256)],
  ntile: [() => F.ntile(2)],
  nthValue: [() => F.nthValue("a", 1)],
  // Timestamps of parts or of a date and a time
  makeTimestamp: [() => F.makeTimestamp("y", "mo", "d", "h", "mi", "s")],
  tryMakeTimestamp: [() => F.tryMakeTimestamp({ date: "d", time: "t" })],
  makeTimestampNtz: [() => F.makeTimestampNtz("y", "mo", "d", "h", "mi", "s")],
  tryMakeTimestampNtz: [() => F.tryMakeTimestampNtz({ date: "d", time: "t" })],
  convertTimezone: [() => F.convertTimezone(lit("UTC"), lit("UTC"), "ts")],
  bucket: [() => F.bucket(4, "a")],
  // Higher-order functions
  aggregate: [() => F.aggregate("xs", lit(0), (acc) => acc, id)],
  reduce: [() => F.reduce("xs", lit(0), (acc) => acc, id)],
  arraySort: [() => F.arraySort("xs"), () => F.arraySort("xs", (x) => x)],
  exists: [() => F.exists("xs", (x) => x)],
  filter: [() => F.filter("xs", (x) => x)],
  forall: [() => F.forall("xs", (x) => x)],
  mapFilter: [() => F.mapFilter("m", (_k, v) => v)],
  mapZipWith: [() => F.mapZipWith("m1", "m2", (_k, v1) => v1)],
  transform: [() => F.transform("xs", (x) => x)],
  transformKeys: [() => F.transformKeys("m", (k) => k)],
  transformValues: [() => F.transformValues("m", (_k, v) => v)],
  zipWith: [() => F.zipWith("xs", "ys", (x) => x)],
};

type AnyFunction = (...args: never[]) => unknown;

/** The generic call: every declared parameter a column name. */
function genericCall(f: AnyFunction): unknown {
  return f(...(Array.from({ length: f.length }, () => "a") as never[]));
}

const table: Readonly<Record<string, readonly string[]>> = SPARK_FUNCTION_NAMES;
const sampleCalls: Readonly<Record<string, (() => unknown)[] | undefined>> = samples;
const exported = Object.entries(F).flatMap(([name, f]) =>
  typeof f === "function" ? [{ name, f: f as AnyFunction }] : [],
);

describe("SPARK_FUNCTION_NAMES", () => {
  it("has exactly one entry per exported function", () => {
    expect(Object.keys(SPARK_FUNCTION_NAMES).sort()).toEqual(exported.map((e) => e.name).sort());
    expect(Object.values(F).every((v) => typeof v === "function")).toBe(true);
  });

  it("is frozen, lists included", () => {
    expect(Object.isFrozen(SPARK_FUNCTION_NAMES)).toBe(true);
    expect(Object.values(SPARK_FUNCTION_NAMES).every((names) => Object.isFrozen(names))).toBe(true);
    expect(Object.isFrozen(INTERNAL_SPARK_FUNCTION_NAMES)).toBe(true);
  });

  it.each(exported)("$name produces exactly the names the table lists", ({ name, f }) => {
    const calls = sampleCalls[name] ?? [() => genericCall(f)];
    const produced = new Set<string>();
    for (const build of calls) {
      const result = build();
      expect(result).toBeInstanceOf(Column);
      for (const n of functionNames(result as Column)) produced.add(n);
    }
    if (CALLER_NAMED_FUNCTIONS.includes(name)) {
      expect(table[name]).toEqual([]);
      expect([...produced]).toEqual(["my_fn"]);
    } else {
      expect([...produced].sort()).toEqual([...(table[name] ?? ["<missing>"])].sort());
    }
  });

  it("lists internal names that some function produces", () => {
    const all = new Set(Object.values(SPARK_FUNCTION_NAMES).flat());
    for (const n of INTERNAL_SPARK_FUNCTION_NAMES) expect(all.has(n)).toBe(true);
  });
});
