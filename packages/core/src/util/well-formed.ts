/**
 * Lone UTF-16 surrogates: JavaScript strings may hold them, UTF-8 (protobuf, Arrow) cannot. Every
 * string the SDK sends is checked, and one holding a lone surrogate is one typed error everywhere
 * (SQL text, column and table names, literals, createDataFrame values), never a silent U+FFFD.
 *
 * @module
 */
import { SparkArgumentError } from "../errors.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The error for a string with a lone surrogate (Spark's class for a string that is not UTF-8). */
export function invalidUtf16(value: string, where: string): SparkArgumentError {
  const at = LONE_SURROGATE.exec(value)?.index ?? 0;
  const unit = value.charCodeAt(at).toString(16).toUpperCase();
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return new SparkArgumentError(
    `${where} holds a lone UTF-16 surrogate (U+${unit} at position ${at} of ${shown}), which ` +
      "has no UTF-8 form; pair it or remove it",
    {
      errorClass: "INVALID_UTF8_STRING",
      messageParameters: { str: shown, where, position: String(at) },
    },
  );
}

/** Whether a string is well-formed UTF-16 (no lone surrogate). */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** `value`, checked: throws `INVALID_UTF8_STRING` for a lone surrogate. */
export function wellFormed(value: string, where: string): string {
  if (!LONE_SURROGATE.test(value)) return value;
  throw invalidUtf16(value, where);
}

/**
 * Checks every string (and map key) of a protobuf message tree, e.g. a plan before it is sent.
 * Byte fields (Arrow data) are not strings and are skipped.
 *
 * @throws SparkArgumentError `INVALID_UTF8_STRING`, naming the field path.
 */
export function checkMessageStrings(message: unknown, path = "the plan"): void {
  // Iterative, so that a deeply nested plan cannot overflow the stack here.
  const stack: [unknown, string][] = [[message, path]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, where] = next;
    if (typeof value === "string") {
      if (LONE_SURROGATE.test(value)) throw invalidUtf16(value, where);
      continue;
    }
    if (typeof value !== "object" || value === null || value instanceof Uint8Array) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], where]);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === "$typeName") continue;
      if (LONE_SURROGATE.test(key)) throw invalidUtf16(key, `${where} (a map key)`);
      stack.push([(value as Record<string, unknown>)[key], `${where}.${key}`]);
    }
  }
}
