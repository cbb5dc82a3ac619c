/**
 * `createDataFrame`: local JS data (or an Arrow table) → a `LocalRelation` of Arrow IPC bytes,
 * with the schema given or inferred the way PySpark infers it.
 *
 * @module
 */
import type { Table } from "apache-arrow";
import { columnsFromProtoSchema, tableFromRows, tableToIpcStream } from "./arrow/index.js";
import { SparkArgumentError } from "./errors.js";
import { LocalRelation } from "./plan/sources.js";
import { Row } from "./row.js";
import {
  ArrayType,
  BinaryType,
  BooleanType,
  type DataType,
  DoubleType,
  isDataType,
  LongType,
  MapType,
  NullType,
  parseSchema,
  StringType,
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  toProtoDataType,
} from "./types/index.js";
import { checkMessageStrings } from "./util/well-formed.js";

/** Rows for `createDataFrame`: objects (by column name) or arrays (by position), or an Arrow Table. */
export type LocalData = readonly (Readonly<Record<string, unknown>> | readonly unknown[])[] | Table;

/** A schema for `createDataFrame`: DDL (`"a INT, b STRING"`), a StructType, or column names. */
export type LocalSchema = string | StructType | readonly string[];

function isArrowTable(value: unknown): value is Table {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    "schema" in value &&
    "batches" in value &&
    typeof (value as { numRows?: unknown }).numRows === "number"
  );
}

function cannotInfer(message: string, errorClass: string): SparkArgumentError {
  return new SparkArgumentError(message, { errorClass });
}

function circular(path: string): SparkArgumentError {
  return new SparkArgumentError(
    `${path} contains itself (a circular reference), which has no Spark value`,
    { errorClass: "CIRCULAR_REFERENCE", messageParameters: { path } },
  );
}

/**
 * The Spark type PySpark would infer for a JS value (null for null). `open` holds the objects
 * being inferred around this one: meeting one again is a circular reference.
 */
export function inferType(value: unknown, path: string, open: Set<object> = new Set()): DataType {
  if (value === null || value === undefined) return NullType.INSTANCE;
  if (typeof value === "object") {
    if (open.has(value)) throw circular(path);
    open.add(value);
    try {
      return inferObjectType(value, path, open);
    } finally {
      open.delete(value);
    }
  }
  return inferObjectType(value, path, open);
}

function inferObjectType(value: unknown, path: string, open: Set<object>): DataType {
  switch (typeof value) {
    case "boolean":
      return BooleanType.INSTANCE;
    case "number":
      return Number.isInteger(value) ? LongType.INSTANCE : DoubleType.INSTANCE;
    case "bigint":
      return LongType.INSTANCE;
    case "string":
      return StringType.INSTANCE;
  }
  if (value instanceof Uint8Array) return BinaryType.INSTANCE;
  if (value instanceof Date) {
    return (value as { timeZone?: unknown }).timeZone === null
      ? TimestampNTZType.INSTANCE
      : TimestampType.INSTANCE;
  }
  if (value instanceof Row) {
    const names = value.fieldNames;
    return new StructType(
      names.map((n, i) => new StructField(n, inferType(value[i], `${path}.${n}`, open), true)),
    );
  }
  if (Array.isArray(value)) {
    let element: DataType = NullType.INSTANCE;
    value.forEach((v, i) => {
      element = mergeTypes(element, inferType(v, `${path}[${i}]`, open), path);
    });
    return new ArrayType(element, true);
  }
  if (
    value instanceof Map ||
    (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
  ) {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
    let key: DataType = NullType.INSTANCE;
    let val: DataType = NullType.INSTANCE;
    for (const [k, v] of entries) {
      key = mergeTypes(key, inferType(k, `${path} key`, open), path);
      val = mergeTypes(val, inferType(v, `${path}[${String(k)}]`, open), path);
    }
    return new MapType(key, val, true);
  }
  throw cannotInfer(
    `cannot infer a Spark type for ${path}, a ${(value as object).constructor?.name ?? typeof value}`,
    "CANNOT_INFER_TYPE_FOR_FIELD",
  );
}

/** Merges two inferred types: null yields to anything, bigint widens to double. */
function mergeTypes(a: DataType, b: DataType, path: string): DataType {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.equals(b)) return a;
  if ((a.kind === "long" && b.kind === "double") || (a.kind === "double" && b.kind === "long")) {
    return DoubleType.INSTANCE;
  }
  if (a instanceof ArrayType && b instanceof ArrayType) {
    return new ArrayType(mergeTypes(a.elementType, b.elementType, path), true);
  }
  if (a instanceof MapType && b instanceof MapType) {
    return new MapType(
      mergeTypes(a.keyType, b.keyType, path),
      mergeTypes(a.valueType, b.valueType, path),
      true,
    );
  }
  if (a instanceof StructType && b instanceof StructType) {
    // By name, as PySpark merges: a's fields (merged with b's of the same name), then b's new ones.
    const bNames = new Set(b.fields.map((f) => f.name));
    const aNames = new Set(a.fields.map((f) => f.name));
    return new StructType([
      ...a.fields.map((f) => {
        const g = bNames.has(f.name) ? b.fields.find((x) => x.name === f.name) : undefined;
        const type = g ? mergeTypes(f.dataType, g.dataType, `${path}.${f.name}`) : f.dataType;
        return new StructField(f.name, type, true);
      }),
      ...b.fields
        .filter((g) => !aNames.has(g.name))
        .map((g) => new StructField(g.name, g.dataType, true)),
    ]);
  }
  throw mergeError(a, b, path);
}

function mergeError(a: DataType, b: DataType, path: string): SparkArgumentError {
  return new SparkArgumentError(
    `${path} has values of different types: ${a.simpleString()} and ${b.simpleString()}`,
    {
      errorClass: "CANNOT_MERGE_TYPE",
      messageParameters: { data_type1: a.simpleString(), data_type2: b.simpleString() },
    },
  );
}

/**
 * Infers a schema from rows, as PySpark does: arrays are positional (`_1`, `_2`…); objects give
 * the union of their keys in order of first appearance (a key missing from a row is null there),
 * and each column's type is merged over every row (bigint widens to double; null yields).
 */
function inferSchema(rows: readonly unknown[], names: readonly string[] | undefined): StructType {
  if (rows.length === 0) {
    throw cannotInfer(
      "cannot infer a schema from no rows; pass a schema",
      "CANNOT_INFER_EMPTY_SCHEMA",
    );
  }
  const first = rows[0];
  let columnNames: string[];
  if (Array.isArray(first)) {
    columnNames = names ? [...names] : first.map((_, i) => `_${i + 1}`);
  } else if (first !== null && typeof first === "object") {
    if (names) columnNames = [...names];
    else {
      const keys = new Set<string>();
      for (const row of rows) {
        if (row === null || typeof row !== "object" || Array.isArray(row)) continue;
        for (const k of row instanceof Row ? row.fieldNames : Object.keys(row)) keys.add(k);
      }
      columnNames = [...keys];
    }
  } else {
    throw cannotInfer("rows must be objects or arrays", "INVALID_ROW");
  }
  const types: DataType[] = columnNames.map(() => NullType.INSTANCE);
  rows.forEach((row, r) => {
    if (row === null || typeof row !== "object") {
      throw cannotInfer(`row ${r} is not an object or an array`, "INVALID_ROW");
    }
    columnNames.forEach((name, i) => {
      const value = Array.isArray(row)
        ? row[i]
        : row instanceof Row
          ? row.fieldNames.includes(name)
            ? row.get(name)
            : null
          : Object.hasOwn(row, name)
            ? (row as Record<string, unknown>)[name]
            : null;
      types[i] = mergeTypes(
        types[i] as DataType,
        inferType(value, `column ${name}`),
        `column ${name}`,
      );
    });
  });
  const unknown = columnNames.filter((_, i) => types[i]?.kind === "null");
  if (unknown.length) {
    throw cannotInfer(
      `cannot determine the type of column(s) ${unknown.join(", ")}: every value is null; pass a schema`,
      "CANNOT_DETERMINE_TYPE",
    );
  }
  return new StructType(columnNames.map((n, i) => new StructField(n, types[i] as DataType, true)));
}

/** The LocalRelation node for `createDataFrame(data, schema)`. */
export function createLocalRelation(
  planId: number,
  data: LocalData,
  schema?: LocalSchema,
): LocalRelation {
  if (isArrowTable(data)) {
    if (schema !== undefined) {
      throw new SparkArgumentError("an Arrow table carries its own schema; do not pass one", {
        errorClass: "CANNOT_ACCEPT_SCHEMA",
      });
    }
    return new LocalRelation(planId, tableToIpcStream(data));
  }
  if (!Array.isArray(data)) {
    throw new SparkArgumentError(
      "createDataFrame takes an array of rows or an apache-arrow Table",
      {
        errorClass: "INVALID_TYPE",
        messageParameters: { arg_name: "data" },
      },
    );
  }
  let struct: StructType;
  if (typeof schema === "string") {
    struct = parseSchema(schema);
  } else if (schema instanceof StructType) {
    struct = schema;
  } else if (schema === undefined || Array.isArray(schema)) {
    if (schema?.some((n) => typeof n !== "string")) {
      throw new SparkArgumentError("column names must be strings", { errorClass: "NOT_STR" });
    }
    struct = inferSchema(data, schema as readonly string[] | undefined);
  } else if (isDataType(schema)) {
    throw new SparkArgumentError("a schema must be a StructType (or DDL), not a single type", {
      errorClass: "NOT_STRUCT",
    });
  } else {
    throw new SparkArgumentError("schema must be a DDL string, a StructType or a list of names", {
      errorClass: "INVALID_TYPE",
      messageParameters: { arg_name: "schema" },
    });
  }
  const protoSchema = toProtoDataType(struct);
  // Field names too: the schema goes as JSON, whose escapes would carry a lone surrogate along.
  checkMessageStrings(protoSchema, "the schema");
  const columns = columnsFromProtoSchema(protoSchema);
  const table = tableFromRows(
    data as readonly unknown[] as Parameters<typeof tableFromRows>[0],
    columns,
  );
  return new LocalRelation(planId, tableToIpcStream(table), struct.json());
}
