/**
 * URL functions.
 *
 * @module
 */
import type { Column } from "../column.js";
import { optionalCol } from "./args.js";
import { type ColumnOrName, call, colArg } from "./core.js";

/**
 * A part of a URL: `partToExtract` is `HOST`, `PATH`, `QUERY`, `REF`, `PROTOCOL`, `FILE`,
 * `AUTHORITY` or `USERINFO` (a column: use `lit`); `key` picks one query parameter.
 *
 * @example
 * ```ts
 * parseUrl("url", lit("QUERY"), lit("utm_source"))
 * ```
 */
export function parseUrl(
  url: ColumnOrName,
  partToExtract: ColumnOrName,
  key?: ColumnOrName,
): Column {
  return call(
    "parse_url",
    colArg(url, "url"),
    colArg(partToExtract, "partToExtract"),
    ...optionalCol(key, "key"),
  );
}

/** As {@link parseUrl}, null instead of an error on an invalid URL. */
export function tryParseUrl(
  url: ColumnOrName,
  partToExtract: ColumnOrName,
  key?: ColumnOrName,
): Column {
  return call(
    "try_parse_url",
    colArg(url, "url"),
    colArg(partToExtract, "partToExtract"),
    ...optionalCol(key, "key"),
  );
}

/** A string decoded from `application/x-www-form-urlencoded`; an error on bad input. */
export function urlDecode(str: ColumnOrName): Column {
  return call("url_decode", colArg(str, "str"));
}

/** A string decoded from `application/x-www-form-urlencoded`; null on bad input. */
export function tryUrlDecode(str: ColumnOrName): Column {
  return call("try_url_decode", colArg(str, "str"));
}

/** A string encoded as `application/x-www-form-urlencoded`. */
export function urlEncode(str: ColumnOrName): Column {
  return call("url_encode", colArg(str, "str"));
}
