import { SparkArgumentError } from "../errors.js";
import { ArrayType } from "./array-type.js";
import {
  BinaryType,
  BooleanType,
  ByteType,
  CharType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  StringType,
  TimestampNTZType,
  TimestampType,
  TimeType,
  VarcharType,
  VariantType,
} from "./atomic-types.js";
import type { DataType, Metadata } from "./data-type.js";
import {
  CalendarIntervalType,
  type DayTimeIntervalField,
  DayTimeIntervalType,
  type YearMonthIntervalField,
  YearMonthIntervalType,
} from "./interval-types.js";
import { MapType } from "./map-type.js";
import { crsToSrid, GEOGRAPHY_ALGORITHM, GeographyType, GeometryType } from "./spatial-types.js";
import { COLLATIONS_METADATA_KEY, StructField, StructType } from "./struct-type.js";
import { UserDefinedType } from "./user-defined-type.js";

const ERROR_CLASS = "INVALID_JSON_DATA_TYPE";

function invalidJson(path: string, reason: string, cause?: unknown): SparkArgumentError {
  return new SparkArgumentError(`Cannot read the JSON data type at ${path}: ${reason}`, {
    errorClass: ERROR_CLASS,
    messageParameters: { path, reason },
    cause,
  });
}

/** Runs a constructor, turning its argument errors into JSON errors at `path`. */
function build<T>(path: string, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (e instanceof SparkArgumentError && e.errorClass !== ERROR_CLASS) {
      throw invalidJson(path, e.message.replace(/^\[[A-Z_]+\] /, ""), e);
    }
    throw e;
  }
}

const NAMED_TYPES: ReadonlyMap<string, () => DataType> = new Map<string, () => DataType>([
  ["void", () => NullType.INSTANCE],
  ["null", () => NullType.INSTANCE],
  ["boolean", () => BooleanType.INSTANCE],
  ["byte", () => ByteType.INSTANCE],
  ["short", () => ShortType.INSTANCE],
  ["integer", () => IntegerType.INSTANCE],
  ["long", () => LongType.INSTANCE],
  ["float", () => FloatType.INSTANCE],
  ["double", () => DoubleType.INSTANCE],
  ["decimal", () => new DecimalType()],
  ["string", () => StringType.INSTANCE],
  ["binary", () => BinaryType.INSTANCE],
  ["date", () => DateType.INSTANCE],
  ["timestamp", () => TimestampType.INSTANCE],
  ["timestamp_ltz", () => TimestampType.INSTANCE],
  ["timestamp_ntz", () => TimestampNTZType.INSTANCE],
  ["interval", () => CalendarIntervalType.INSTANCE],
  ["variant", () => VariantType.INSTANCE],
  ["geometry", () => new GeometryType(4326)],
  ["geography", () => new GeographyType(4326)],
]);

const FIXED_DECIMAL = /^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/;
const CHAR = /^char\(\s*(\d+)\s*\)$/;
const VARCHAR = /^varchar\(\s*(\d+)\s*\)$/;
const TIME = /^time\(\s*(\d+)\s*\)$/;
const COLLATED_STRING = /^string\s+collate\s+(\w+)$/;
const YEAR_MONTH = /^interval (year|month)(?: to (year|month))?$/;
const DAY_TIME = /^interval (day|hour|minute|second)(?: to (day|hour|minute|second))?$/;
const GEOMETRY_CRS = /^geometry\(\s*(\w+:-?\w+)\s*\)$/;
const GEOGRAPHY_CRS = /^geography\(\s*(\w+:-?\w+)\s*(?:,\s*(\w+)\s*)?\)$/;
const GEOGRAPHY_ALGORITHM_ONLY = /^geography\(\s*(\w+)\s*\)$/;

function spatialSrid(path: string, crs: string): number {
  const srid = crsToSrid(crs);
  if (srid === undefined) throw invalidJson(path, `unknown CRS ${JSON.stringify(crs)}`);
  return srid;
}

function geography(path: string, crs: string, algorithm: string | undefined): GeographyType {
  if (algorithm !== undefined && algorithm.toUpperCase() !== GEOGRAPHY_ALGORITHM) {
    throw invalidJson(path, `unknown geography algorithm ${JSON.stringify(algorithm)}`);
  }
  return build(path, () => new GeographyType(spatialSrid(path, crs)));
}

type PatternReader = (groups: readonly (string | undefined)[], path: string) => DataType;

const PATTERNS: readonly (readonly [RegExp, PatternReader])[] = [
  [FIXED_DECIMAL, ([, p, s], path) => build(path, () => new DecimalType(Number(p), Number(s)))],
  [CHAR, ([, n], path) => build(path, () => new CharType(Number(n)))],
  [VARCHAR, ([, n], path) => build(path, () => new VarcharType(Number(n)))],
  [TIME, ([, p], path) => build(path, () => new TimeType(Number(p)))],
  [COLLATED_STRING, ([, c], path) => build(path, () => new StringType(c))],
  [
    YEAR_MONTH,
    ([, s, e], path) =>
      build(
        path,
        () => new YearMonthIntervalType(s as YearMonthIntervalField, e as YearMonthIntervalField),
      ),
  ],
  [
    DAY_TIME,
    ([, s, e], path) =>
      build(
        path,
        () => new DayTimeIntervalType(s as DayTimeIntervalField, e as DayTimeIntervalField),
      ),
  ],
  [
    GEOMETRY_CRS,
    ([, crs], path) => build(path, () => new GeometryType(spatialSrid(path, crs ?? ""))),
  ],
  [GEOGRAPHY_CRS, ([, crs, algorithm], path) => geography(path, crs ?? "", algorithm)],
  [GEOGRAPHY_ALGORITHM_ONLY, ([, algorithm], path) => geography(path, "OGC:CRS84", algorithm)],
];

function typeFromName(name: string, path: string): DataType {
  const named = NAMED_TYPES.get(name);
  if (named) return named();
  for (const [pattern, read] of PATTERNS) {
    const m = pattern.exec(name);
    if (m) return read(m, path);
  }
  throw invalidJson(path, `unknown type name ${JSON.stringify(name)}`);
}

type JsonObject = { readonly [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requireBoolean(o: JsonObject, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== "boolean") throw invalidJson(`${path}.${key}`, "expected true or false");
  return v;
}

function optionalString(o: JsonObject, key: string, path: string): string | undefined {
  const v = o[key];
  if (v !== undefined && typeof v !== "string")
    throw invalidJson(`${path}.${key}`, "expected a string");
  return v;
}

function childPath(base: string, name: string): string {
  return base === "" ? name : `${base}.${name}`;
}

/**
 * Reads one type. `fieldPath` is the type's place inside the enclosing struct field (`a`,
 * `a.element`, `a.key`…), which the field's `__COLLATIONS` metadata refers to.
 */
function readType(
  value: unknown,
  path: string,
  fieldPath: string,
  collations: ReadonlyMap<string, string>,
): DataType {
  const collation = collations.get(fieldPath);
  if (typeof value === "string") {
    if (collation === undefined) return typeFromName(value, path);
    if (value !== "string") {
      throw invalidJson(path, `a collation is given for ${fieldPath}, which is not a string type`);
    }
    return build(path, () => new StringType(collation));
  }
  if (!isObject(value)) throw invalidJson(path, "expected a type name or a type object");
  const type = value.type;
  if (collation !== undefined) {
    throw invalidJson(path, `a collation is given for ${fieldPath}, which is not a string type`);
  }
  switch (type) {
    case "array":
      return new ArrayType(
        readType(
          value.elementType,
          `${path}.elementType`,
          childPath(fieldPath, "element"),
          collations,
        ),
        requireBoolean(value, "containsNull", path),
      );
    case "map":
      return new MapType(
        readType(value.keyType, `${path}.keyType`, childPath(fieldPath, "key"), collations),
        readType(value.valueType, `${path}.valueType`, childPath(fieldPath, "value"), collations),
        requireBoolean(value, "valueContainsNull", path),
      );
    case "struct": {
      const fields = value.fields;
      if (!Array.isArray(fields)) throw invalidJson(`${path}.fields`, "expected an array");
      return new StructType(fields.map((f, i) => readField(f, `${path}.fields[${i}]`)));
    }
    case "udt": {
      const sqlType = value.sqlType;
      return build(
        path,
        () =>
          new UserDefinedType({
            jvmClass: optionalString(value, "class", path),
            pythonClass: optionalString(value, "pyClass", path),
            serializedPythonClass: optionalString(value, "serializedClass", path),
            sqlType:
              sqlType === undefined
                ? undefined
                : readType(sqlType, `${path}.sqlType`, "", new Map()),
          }),
      );
    }
    default:
      throw invalidJson(`${path}.type`, `unknown type ${JSON.stringify(type)}`);
  }
}

function readCollations(value: unknown, path: string): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined) return out;
  if (!isObject(value)) throw invalidJson(path, "expected an object");
  for (const [fieldPath, qualified] of Object.entries(value)) {
    const dot = typeof qualified === "string" ? qualified.indexOf(".") : -1;
    const provider = dot > 0 ? (qualified as string).slice(0, dot).toLowerCase() : "";
    if (provider !== "spark" && provider !== "icu") {
      throw invalidJson(
        `${path}.${fieldPath}`,
        `expected "spark.<collation>" or "icu.<collation>", got ${JSON.stringify(qualified)}`,
      );
    }
    out.set(fieldPath, (qualified as string).slice(dot + 1));
  }
  return out;
}

function readField(value: unknown, path: string): StructField {
  if (!isObject(value)) throw invalidJson(path, "expected a struct field object");
  const name = value.name;
  if (typeof name !== "string") throw invalidJson(`${path}.name`, "expected a string");
  if (!("type" in value)) throw invalidJson(`${path}.type`, "missing");
  const nullable = value.nullable === undefined ? true : requireBoolean(value, "nullable", path);
  const rawMetadata = value.metadata ?? {};
  if (!isObject(rawMetadata)) throw invalidJson(`${path}.metadata`, "expected an object");
  const { [COLLATIONS_METADATA_KEY]: collationJson, ...metadata } = rawMetadata;
  const collations = readCollations(collationJson, `${path}.metadata.${COLLATIONS_METADATA_KEY}`);
  const dataType = readType(value.type, `${path}.type`, name, collations);
  return build(path, () => new StructField(name, dataType, nullable, metadata as Metadata));
}

/**
 * The data type of a value in Spark's JSON schema format, already parsed (e.g. what
 * `jsonValue()` returns).
 *
 * @throws {SparkArgumentError} `INVALID_JSON_DATA_TYPE`, with the JSON path of the problem.
 */
export function fromJsonValue(value: unknown): DataType {
  return readType(value, "$", "", new Map());
}

/**
 * The data type of a JSON text in Spark's JSON schema format (Spark's `DataType.fromJson`).
 * Accepts what Spark and PySpark write, including `__COLLATIONS` metadata and the older
 * `"null"` and `"timestamp_ltz"` names. Type names are case-sensitive, as in Spark.
 *
 * @example fromJson('{"type":"array","elementType":"integer","containsNull":false}')
 * // ArrayType(IntegerType, containsNull = false)
 * @throws {SparkArgumentError} `INVALID_JSON_DATA_TYPE`, with the JSON path of the problem.
 */
export function fromJson(json: string): DataType {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw invalidJson("$", `not valid JSON (${e instanceof Error ? e.message : String(e)})`, e);
  }
  return fromJsonValue(value);
}

/**
 * The schema of a JSON text in Spark's JSON schema format, which must describe a struct.
 *
 * @example parseJsonSchema('{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}}]}').toDDL()
 * // "a INT"
 * @throws {SparkArgumentError} `INVALID_JSON_DATA_TYPE` for invalid JSON or a type that is not a struct.
 */
export function parseJsonSchema(json: string): StructType {
  const type = fromJson(json);
  if (type.kind !== "struct") {
    throw invalidJson("$", `expected a struct schema, got ${type.simpleString()}`);
  }
  return type;
}
