/**
 * JSON, CSV and XML functions: parse strings into structured columns, write them back, infer
 * schemas, and query with JSON paths and XPath.
 *
 * Options are the data source options of the format (e.g. `{ mode: "FAILFAST" }`), sent as a
 * `map<string, string>`.
 *
 * @module
 */
import { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import type { Expression } from "../expressions/expression.js";
import {
  type DataTypeLike,
  type FunctionOptions,
  optionsArg,
  schemaArg,
  strOrCol,
} from "./args.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

/** A sample document for the schema_of_* functions: a literal string, or a Column. */
function sampleArg(value: Column | string, what: string): Expression {
  return strOrCol(value, what);
}

// JSON -------------------------------------------------------------------------------------------

/**
 * A JSON string parsed into a struct, array or map of the given schema: a DDL string
 * (`"a INT, b STRING"`), a JSON schema string, a data type object (its `json()` is sent), or a
 * Column (e.g. `schemaOfJson(…)`).
 *
 * @example
 * ```ts
 * fromJson("payload", "id BIGINT, tags ARRAY<STRING>")
 * fromJson("payload", schema, { mode: "FAILFAST" })
 * ```
 */
export function fromJson(
  col: ColumnOrName,
  schema: Column | string | DataTypeLike,
  options?: FunctionOptions,
): Column {
  return call(
    "from_json",
    colArg(col),
    schemaArg(schema, "NOT_COLUMN_OR_DATATYPE_OR_STR", "a Column, a string or a DataType"),
    ...optionsArg(options),
  );
}

/**
 * A struct, array, map or variant written as a JSON string.
 *
 * @example
 * ```ts
 * toJson(struct("*"))
 * ```
 */
export function toJson(col: ColumnOrName, options?: FunctionOptions): Column {
  return call("to_json", colArg(col), ...optionsArg(options));
}

/**
 * The schema (as a DDL string) inferred from a sample JSON document: a literal string or a
 * Column.
 *
 * @example
 * ```ts
 * schemaOfJson('{"a": 1, "b": [true]}')
 * ```
 */
export function schemaOfJson(json: Column | string, options?: FunctionOptions): Column {
  return call("schema_of_json", sampleArg(json, "json"), ...optionsArg(options));
}

/**
 * The value at a JSON path (`$.a.b[0]`) of a JSON string, as a string.
 *
 * @example
 * ```ts
 * getJsonObject("payload", "$.user.id")
 * ```
 */
export function getJsonObject(col: ColumnOrName, path: string): Column {
  return call("get_json_object", colArg(col), litArg(path, "path"));
}

/** The number of elements of the outermost JSON array (null if not an array). */
export function jsonArrayLength(col: ColumnOrName): Column {
  return call("json_array_length", colArg(col));
}

/** The keys of the outermost JSON object, as an array (null if not an object). */
export function jsonObjectKeys(col: ColumnOrName): Column {
  return call("json_object_keys", colArg(col));
}

/**
 * Top-level fields of a JSON string, as columns `c0`, `c1`… (a generator).
 *
 * @example
 * ```ts
 * df.select(jsonTuple("payload", "id", "name"))
 * ```
 */
export function jsonTuple(col: ColumnOrName, ...fields: string[]): Column {
  if (fields.length === 0) {
    throw new SparkArgumentError("jsonTuple needs at least one field", {
      errorClass: "CANNOT_BE_EMPTY",
      messageParameters: { item: "field" },
    });
  }
  return call("json_tuple", colArg(col), ...fields.map((f) => litArg(f, "fields")));
}

// CSV --------------------------------------------------------------------------------------------

/**
 * A CSV line parsed into a struct of the given schema: a DDL string (`"a INT, b STRING"`) or a
 * Column.
 *
 * @example
 * ```ts
 * fromCsv("line", "id INT, name STRING", { sep: ";" })
 * ```
 */
export function fromCsv(
  col: ColumnOrName,
  schema: Column | string,
  options?: FunctionOptions,
): Column {
  if (typeof schema !== "string" && !(schema instanceof Column)) {
    throw new SparkArgumentError("schema must be a Column or a string", {
      errorClass: "NOT_COLUMN_OR_STR",
      messageParameters: { arg_name: "schema", arg_type: typeof schema },
    });
  }
  return call("from_csv", colArg(col), litArg(schema, "schema"), ...optionsArg(options));
}

/** A struct written as a CSV line. */
export function toCsv(col: ColumnOrName, options?: FunctionOptions): Column {
  return call("to_csv", colArg(col), ...optionsArg(options));
}

/** The schema (as a DDL string) inferred from a sample CSV line: a literal string or a Column. */
export function schemaOfCsv(csv: Column | string, options?: FunctionOptions): Column {
  return call("schema_of_csv", sampleArg(csv, "csv"), ...optionsArg(options));
}

// XML --------------------------------------------------------------------------------------------

/**
 * An XML string parsed into a struct of the given schema: a DDL string, a struct type object
 * (its `json()` is sent), or a Column.
 *
 * @example
 * ```ts
 * fromXml("doc", "a INT, b STRING", { rowTag: "row" })
 * ```
 */
export function fromXml(
  col: ColumnOrName,
  schema: Column | string | DataTypeLike,
  options?: FunctionOptions,
): Column {
  return call(
    "from_xml",
    colArg(col),
    schemaArg(schema, "NOT_COLUMN_OR_STR_OR_STRUCT", "a Column, a string or a StructType"),
    ...optionsArg(options),
  );
}

/** A struct written as an XML string. */
export function toXml(col: ColumnOrName, options?: FunctionOptions): Column {
  return call("to_xml", colArg(col), ...optionsArg(options));
}

/** The schema (as a DDL string) inferred from a sample XML document: a literal string or a Column. */
export function schemaOfXml(xml: Column | string, options?: FunctionOptions): Column {
  return call("schema_of_xml", sampleArg(xml, "xml"), ...optionsArg(options));
}

// XPath (the path is a column: use lit("a/b")) ----------------------------------------------------

/**
 * The values of the nodes an XPath expression matches, as an array of strings.
 *
 * @example
 * ```ts
 * xpath("doc", lit("a/b/text()"))
 * ```
 */
export function xpath(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath", colArg(xml, "xml"), colArg(path, "path"));
}

/** True when the XPath expression matches, or evaluates to true. */
export function xpathBoolean(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath_boolean", colArg(xml, "xml"), colArg(path, "path"));
}

/** The XPath expression's value as a double (0 when nothing matches, NaN if not a number). */
export function xpathDouble(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath_double", colArg(xml, "xml"), colArg(path, "path"));
}

/** The XPath expression's value as a double, as {@link xpathDouble}. */
export function xpathNumber(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath_number", colArg(xml, "xml"), colArg(path, "path"));
}

/** The XPath expression's value as a float. */
export function xpathFloat(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath_float", colArg(xml, "xml"), colArg(path, "path"));
}

/** The XPath expression's value as an int. */
export function xpathInt(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath_int", colArg(xml, "xml"), colArg(path, "path"));
}

/** The XPath expression's value as a long. */
export function xpathLong(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath_long", colArg(xml, "xml"), colArg(path, "path"));
}

/** The XPath expression's value as a short. */
export function xpathShort(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath_short", colArg(xml, "xml"), colArg(path, "path"));
}

/** The text of the first node the XPath expression matches. */
export function xpathString(xml: ColumnOrName, path: ColumnOrName): Column {
  return call("xpath_string", colArg(xml, "xml"), colArg(path, "path"));
}
