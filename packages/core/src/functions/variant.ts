/**
 * VARIANT functions: semi-structured values parsed once from JSON and queried by path.
 *
 * @module
 */
import type { Column } from "../column.js";
import { strOrCol } from "./args.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

/** A JSON string parsed into a VARIANT; malformed JSON is an error. */
export function parseJson(col: ColumnOrName): Column {
  return call("parse_json", colArg(col));
}

/** A JSON string parsed into a VARIANT; null for malformed JSON. */
export function tryParseJson(col: ColumnOrName): Column {
  return call("try_parse_json", colArg(col));
}

/** A nested struct, map or array converted to a VARIANT object. */
export function toVariantObject(col: ColumnOrName): Column {
  return call("to_variant_object", colArg(col));
}

/** True when the VARIANT is a VARIANT null (not a SQL null). */
export function isVariantNull(v: ColumnOrName): Column {
  return call("is_variant_null", colArg(v, "v"));
}

/**
 * The value at a JSON path (`$.a.b[0]`) of a VARIANT, cast to `targetType` (a type string); an
 * error when the cast fails. `path` is a literal string or a Column.
 *
 * @example
 * ```ts
 * variantGet("v", "$.user.id", "bigint")
 * ```
 */
export function variantGet(v: ColumnOrName, path: Column | string, targetType: string): Column {
  return call(
    "variant_get",
    colArg(v, "v"),
    strOrCol(path, "path"),
    litArg(targetType, "targetType"),
  );
}

/** As {@link variantGet}, null instead of an error when the cast fails. */
export function tryVariantGet(v: ColumnOrName, path: Column | string, targetType: string): Column {
  return call(
    "try_variant_get",
    colArg(v, "v"),
    strOrCol(path, "path"),
    litArg(targetType, "targetType"),
  );
}

/** The schema of a VARIANT, as a DDL string. */
export function schemaOfVariant(v: ColumnOrName): Column {
  return call("schema_of_variant", colArg(v, "v"));
}

/** The merged schema of the VARIANTs of a group (an aggregate), as a DDL string. */
export function schemaOfVariantAgg(v: ColumnOrName): Column {
  return call("schema_of_variant_agg", colArg(v, "v"));
}
