/**
 * Hash, encryption and miscellaneous functions: checksums, AES, assertions, session and
 * environment information, row identifiers, reflection.
 *
 * @module
 */
import type { Column } from "../column.js";
import { SparkArgumentError } from "../errors.js";
import { Literal } from "../expressions/literal.js";
import { colArgs, seedArg, strOrCol } from "./args.js";
import { type ColumnOrName, call, colArg } from "./core.js";

// Hashes -----------------------------------------------------------------------------------------

/** The CRC32 checksum of a binary, as a bigint. */
export function crc32(col: ColumnOrName): Column {
  return call("crc32", colArg(col));
}

/** The MD5 digest, as a 32-character hex string. */
export function md5(col: ColumnOrName): Column {
  return call("md5", colArg(col));
}

/** The SHA-1 digest, as a 40-character hex string. */
export function sha1(col: ColumnOrName): Column {
  return call("sha1", colArg(col));
}

/** The SHA-1 digest, as {@link sha1}. */
export function sha(col: ColumnOrName): Column {
  return call("sha", colArg(col));
}

/**
 * The SHA-2 digest as a hex string: `numBits` is 224, 256, 384, 512, or 0 (meaning 256).
 *
 * @example
 * ```ts
 * sha2("email", 256)
 * ```
 */
export function sha2(col: ColumnOrName, numBits: number): Column {
  if (![0, 224, 256, 384, 512].includes(numBits)) {
    throw new SparkArgumentError("numBits must be one of 0, 224, 256, 384, 512", {
      errorClass: "VALUE_NOT_ALLOWED",
      messageParameters: { arg_name: "numBits", allowed_values: "[0, 224, 256, 384, 512]" },
    });
  }
  return call("sha2", colArg(col), new Literal(numBits));
}

/** A 32-bit Murmur3 hash of the columns. */
export function hash(...cols: ColumnOrName[]): Column {
  return call("hash", ...colArgs(cols));
}

/** A 64-bit xxHash of the columns. */
export function xxhash64(...cols: ColumnOrName[]): Column {
  return call("xxhash64", ...colArgs(cols));
}

// Encryption -------------------------------------------------------------------------------------

/**
 * The input encrypted with AES. `mode` (`"GCM"` by default, `"CBC"`, `"ECB"`), `padding`
 * (`"DEFAULT"`, `"NONE"`, `"PKCS"`), the initialization vector `iv` and the additional
 * authenticated data `aad` are columns (use `lit`); the defaults are sent when omitted.
 *
 * @example
 * ```ts
 * aesEncrypt("ssn", lit("0123456789abcdef"))
 * ```
 */
export function aesEncrypt(
  input: ColumnOrName,
  key: ColumnOrName,
  mode?: ColumnOrName,
  padding?: ColumnOrName,
  iv?: ColumnOrName,
  aad?: ColumnOrName,
): Column {
  return call(
    "aes_encrypt",
    colArg(input, "input"),
    colArg(key, "key"),
    orDefault(mode, "GCM", "mode"),
    orDefault(padding, "DEFAULT", "padding"),
    orDefault(iv, "", "iv"),
    orDefault(aad, "", "aad"),
  );
}

/** The input decrypted with AES; parameters as in {@link aesEncrypt}. */
export function aesDecrypt(
  input: ColumnOrName,
  key: ColumnOrName,
  mode?: ColumnOrName,
  padding?: ColumnOrName,
  aad?: ColumnOrName,
): Column {
  return call(
    "aes_decrypt",
    colArg(input, "input"),
    colArg(key, "key"),
    orDefault(mode, "GCM", "mode"),
    orDefault(padding, "DEFAULT", "padding"),
    orDefault(aad, "", "aad"),
  );
}

/** As {@link aesDecrypt}, null instead of an error. */
export function tryAesDecrypt(
  input: ColumnOrName,
  key: ColumnOrName,
  mode?: ColumnOrName,
  padding?: ColumnOrName,
  aad?: ColumnOrName,
): Column {
  return call(
    "try_aes_decrypt",
    colArg(input, "input"),
    colArg(key, "key"),
    orDefault(mode, "GCM", "mode"),
    orDefault(padding, "DEFAULT", "padding"),
    orDefault(aad, "", "aad"),
  );
}

function orDefault(value: ColumnOrName | undefined, fallback: string, what: string) {
  return value === undefined || value === null ? new Literal(fallback) : colArg(value, what);
}

// Assertions and errors --------------------------------------------------------------------------

/**
 * Null when the condition is true; fails the query otherwise, with `errMsg` when given (a literal
 * string or a Column).
 */
export function assertTrue(col: ColumnOrName, errMsg?: Column | string): Column {
  if (errMsg === undefined || errMsg === null) return call("assert_true", colArg(col));
  return call("assert_true", colArg(col), strOrCol(errMsg, "errMsg"));
}

/**
 * Fails the query with the message `errMsg` (a literal string or a Column).
 *
 * @example
 * ```ts
 * when(col("qty").lt(0), raiseError("negative quantity")).otherwise(col("qty"))
 * ```
 */
export function raiseError(errMsg: Column | string): Column {
  return call("raise_error", strOrCol(errMsg, "errMsg"));
}

// Session and environment ------------------------------------------------------------------------

/** The current catalog. */
export function currentCatalog(): Column {
  return call("current_catalog");
}

/** The current database (schema). */
export function currentDatabase(): Column {
  return call("current_database");
}

/** The current schema (database). */
export function currentSchema(): Column {
  return call("current_schema");
}

/** The user name of the current execution context. */
export function currentUser(): Column {
  return call("current_user");
}

/** The user name of the current execution context, as {@link currentUser}. */
export function user(): Column {
  return call("user");
}

/** The user name of the session, as {@link currentUser}. */
export function sessionUser(): Column {
  return call("session_user");
}

/** The Spark version and git revision, as a string. */
export function version(): Column {
  return call("version");
}

/**
 * The Spark SQL type of the value, as a DDL string. Named `typeof_` because `typeof` is a
 * JavaScript operator.
 */
export function typeof_(col: ColumnOrName): Column {
  return call("typeof", colArg(col));
}

// Rows and input files ---------------------------------------------------------------------------

/**
 * A unique, increasing (not consecutive) 64-bit id per row: the partition id in the upper bits,
 * the row's number in the partition in the lower bits.
 */
export function monotonicallyIncreasingId(): Column {
  return call("monotonically_increasing_id");
}

/** The id of the partition the row is in. */
export function sparkPartitionId(): Column {
  return call("spark_partition_id");
}

/** The name of the file the row was read from, or "". */
export function inputFileName(): Column {
  return call("input_file_name");
}

/** The length of the file block the row was read from, or -1. */
export function inputFileBlockLength(): Column {
  return call("input_file_block_length");
}

/** The start offset of the file block the row was read from, or -1. */
export function inputFileBlockStart(): Column {
  return call("input_file_block_start");
}

/**
 * A random UUID string per row. Without a seed, a random seed is drawn now (so a retried query
 * yields the same UUIDs).
 */
export function uuid(seed?: Column | number | bigint): Column {
  return call("uuid", seedArg(seed));
}

// Reflection, UDFs and UDTs ----------------------------------------------------------------------

/**
 * Calls a static Java method on the server: `reflect(lit("java.util.UUID"), lit("randomUUID"))`;
 * the class and method names are literal columns, then the arguments.
 */
export function reflect(...cols: ColumnOrName[]): Column {
  return call("reflect", ...colArgs(cols));
}

/** Calls a static Java method on the server, as {@link reflect}. */
export function javaMethod(...cols: ColumnOrName[]): Column {
  return call("java_method", ...colArgs(cols));
}

/** As {@link reflect}, null instead of an error when the method throws. */
export function tryReflect(...cols: ColumnOrName[]): Column {
  return call("try_reflect", ...colArgs(cols));
}

/**
 * Calls a function registered on the server (a UDF registered in SQL, Scala or Java) by name.
 *
 * @example
 * ```ts
 * callUdf("normalize_phone", "phone")
 * ```
 */
export function callUdf(udfName: string, ...cols: ColumnOrName[]): Column {
  if (typeof udfName !== "string") {
    throw new SparkArgumentError("udfName must be a string", {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: "udfName", arg_type: typeof udfName },
    });
  }
  return call(udfName, ...colArgs(cols));
}

/** The SQL value underneath a user-defined type (UDT) column. */
export function unwrapUdt(col: ColumnOrName): Column {
  return call("unwrap_udt", colArg(col));
}
