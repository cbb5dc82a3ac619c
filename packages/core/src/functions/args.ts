/**
 * Internal argument helpers shared by the function catalogue. Not exported from the package: every
 * public function converts its arguments here so that the rules stay in one place.
 *
 * @module
 */
import { create } from "@bufbuild/protobuf";
import { Column, type ColumnOrLiteral, lambda } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import type { Expression } from "../expressions/expression.js";
import { Literal } from "../expressions/literal.js";
import type { LambdaFunction } from "../expressions/nodes.js";
import { Expression_LiteralSchema } from "../gen/spark/connect/expressions_pb.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

/** Options of the CSV, JSON and XML functions: sent as a `map<string, string>`. */
export type FunctionOptions = Readonly<Record<string, string | number | boolean>>;

/** A Spark data type object, accepted structurally: anything with a `json()` method. */
export interface DataTypeLike {
  json(): string;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Column) return "Column";
  return typeof value;
}

/** Column arguments of a variadic function. */
export function colArgs(values: readonly ColumnOrName[], what = "cols"): Expression[] {
  return values.map((v) => colArg(v, what));
}

/**
 * The columns of a variadic function that, like PySpark, also accepts a single array of columns
 * (`array([a, b])` as well as `array(a, b)`).
 */
export function spreadCols(
  values: readonly (ColumnOrName | readonly ColumnOrName[])[],
  what = "cols",
): Expression[] {
  const first = values[0];
  const list = values.length === 1 && Array.isArray(first) ? first : values;
  return (list as readonly ColumnOrName[]).map((v) => colArg(v, what));
}

/**
 * An argument PySpark types `ColumnOrName | int`: a number (or bigint) becomes a literal, a string
 * names a column, a Column passes through.
 */
export function intOrCol(value: ColumnOrName | number | bigint, what: string): Expression {
  if (typeof value === "number" || typeof value === "bigint") return new Literal(value);
  if (typeof value === "string" || value instanceof Column) return colArg(value, what);
  throw new SparkArgumentError(`${what} must be a Column, a column name or a number`, {
    errorClass: "NOT_COLUMN_OR_INT_OR_STR",
    messageParameters: { arg_name: what, arg_type: typeName(value) },
  });
}

/** An argument PySpark types `Column | str`, sent as a literal when a string. */
export function strOrCol(value: Column | string, what: string): Expression {
  if (typeof value === "string" || value instanceof Column) return litArg(value, what);
  throw new SparkArgumentError(`${what} must be a Column or a string`, {
    errorClass: "NOT_COLUMN_OR_STR",
    messageParameters: { arg_name: what, arg_type: typeName(value) },
  });
}

/** A string argument PySpark requires to be a Python `str`. */
export function strArg(value: string, what: string): Expression {
  if (typeof value === "string") return new Literal(value);
  throw new SparkArgumentError(`${what} must be a string`, {
    errorClass: "NOT_STR",
    messageParameters: { arg_name: what, arg_type: typeName(value) },
  });
}

/** A literal argument that may be absent: undefined (and null, as PySpark's None) yield nothing. */
export function optionalLit(value: ColumnOrLiteral | undefined, what: string): Expression[] {
  return value === undefined || value === null ? [] : [litArg(value, what)];
}

/** A column argument that may be absent. */
export function optionalCol(value: ColumnOrName | undefined | null, what: string): Expression[] {
  return value === undefined || value === null ? [] : [colArg(value, what)];
}

/** The `map(k1, v1, …)` of string options that the CSV/JSON/XML functions take. */
export function optionsArg(options: FunctionOptions | undefined): Expression[] {
  if (options === undefined || options === null) return [];
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new SparkArgumentError("options must be an object of option names to values", {
      errorClass: "NOT_DICT",
      messageParameters: { arg_name: "options", arg_type: typeName(options) },
    });
  }
  const entries = Object.entries(options).flatMap(([k, v]) => [
    new Literal(k),
    new Literal(String(v)),
  ]);
  return [call("map", ...entries).expr];
}

const INT_MAX = 2n ** 31n - 1n;

/**
 * A random seed in [0, 2^63 - 1], as PySpark draws one when no seed is given (`rand()`,
 * `shuffle()`, `sample()`, `randomSplit()`, `sampleBy()`…), so that the seed is fixed in the plan
 * and a retried query sees the same numbers. The SDK's only source of seeds.
 */
export function randomSeed(): bigint {
  const words = new BigUint64Array(1);
  crypto.getRandomValues(words);
  return (words[0] ?? 0n) >> 1n;
}

/** A seed argument: the given one, or a random one (an INT literal when it fits, else a BIGINT). */
export function seedArg(seed: Column | number | bigint | undefined | null): Expression {
  if (seed !== undefined && seed !== null) return litArg(seed, "seed");
  const random = randomSeed();
  return new Literal(random <= INT_MAX ? Number(random) : random);
}

/** `Decimal(0)` as PySpark sends it for a missing seconds argument: DECIMAL(10, 0). */
export function decimalZero(): Expression {
  return Literal.fromProto(
    create(Expression_LiteralSchema, {
      literalType: { case: "decimal", value: { value: "0", precision: 10, scale: 0 } },
    }),
  );
}

/** A literal percentage or an `array(…)` of literal percentages, as PySpark sends a list. */
export function percentageArg(percentage: Column | number | readonly number[]): Expression {
  if (Array.isArray(percentage)) {
    return call("array", ...(percentage as readonly number[]).map((p) => new Literal(p))).expr;
  }
  return litArg(percentage as Column | number, "percentage");
}

/**
 * A lambda for a higher-order function. `arities` lists the parameter counts Spark accepts; a
 * function declaring more parameters is an error, and one whose `.length` says nothing (rest or
 * default parameters) gets the smallest accepted arity.
 */
export function lambdaArg(
  fn: (...args: Column[]) => Column,
  arities: readonly number[],
  what = "f",
): LambdaFunction {
  if (typeof fn !== "function") {
    throw new SparkArgumentError(`${what} must be a function`, {
      errorClass: "NOT_CALLABLE",
      messageParameters: { arg_name: what, arg_type: typeName(fn) },
    });
  }
  const max = Math.max(...arities);
  if (fn.length > max) {
    throw new SparkArgumentError(
      `${what} takes at most ${max} parameter${max === 1 ? "" : "s"}, not ${fn.length}`,
      {
        errorClass: "WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION",
        messageParameters: { func_name: what, num_args: String(fn.length) },
      },
    );
  }
  const arity = arities.includes(fn.length) ? fn.length : Math.min(...arities);
  return lambda(fn, arity);
}

/** A DataType's JSON, a DDL string or a Column, as `from_json`/`from_xml` take a schema. */
export function schemaArg(
  schema: Column | string | DataTypeLike,
  errorClass: string,
  expected: string,
): Expression {
  if (typeof schema === "string" || schema instanceof Column) return litArg(schema, "schema");
  if (typeof schema === "object" && schema !== null && typeof schema.json === "function") {
    return new Literal(schema.json());
  }
  throw new SparkArgumentError(`schema must be ${expected}`, {
    errorClass,
    messageParameters: { arg_name: "schema", arg_type: typeName(schema) },
  });
}
