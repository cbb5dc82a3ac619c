/**
 * Bitwise functions. (The bitwise aggregates `bitAnd`, `bitOr`, `bitXor` are in the aggregate
 * functions; `&`, `|`, `^` are Column methods.)
 *
 * @module
 */
import type { Column } from "../column.js";
import { type ColumnOrName, call, colArg, litArg } from "./core.js";

/** The number of bits set. */
export function bitCount(col: ColumnOrName): Column {
  return call("bit_count", colArg(col));
}

/**
 * The bit (0 or 1) at position `pos` (0 is the rightmost bit; a column: use `lit`).
 *
 * @example
 * ```ts
 * bitGet("flags", lit(3))
 * ```
 */
export function bitGet(col: ColumnOrName, pos: ColumnOrName): Column {
  return call("bit_get", colArg(col), colArg(pos, "pos"));
}

/** The bit at position `pos`, as {@link bitGet}. */
export function getbit(col: ColumnOrName, pos: ColumnOrName): Column {
  return call("getbit", colArg(col), colArg(pos, "pos"));
}

/** Bitwise NOT (`~col`). */
export function bitwiseNot(col: ColumnOrName): Column {
  return call("~", colArg(col));
}

/** Bitwise NOT (legacy name of {@link bitwiseNot}). */
export function bitwiseNOT(col: ColumnOrName): Column {
  return bitwiseNot(col);
}

/** Shifts left by `numBits` bits. */
export function shiftleft(col: ColumnOrName, numBits: number): Column {
  return call("shiftleft", colArg(col), litArg(numBits, "numBits"));
}

/** Shifts left (legacy name of {@link shiftleft}). */
export function shiftLeft(col: ColumnOrName, numBits: number): Column {
  return shiftleft(col, numBits);
}

/** Shifts right by `numBits` bits, keeping the sign. */
export function shiftright(col: ColumnOrName, numBits: number): Column {
  return call("shiftright", colArg(col), litArg(numBits, "numBits"));
}

/** Shifts right, keeping the sign (legacy name of {@link shiftright}). */
export function shiftRight(col: ColumnOrName, numBits: number): Column {
  return shiftright(col, numBits);
}

/** Shifts right by `numBits` bits, filling with zeros. */
export function shiftrightunsigned(col: ColumnOrName, numBits: number): Column {
  return call("shiftrightunsigned", colArg(col), litArg(numBits, "numBits"));
}

/** Shifts right, filling with zeros (legacy name of {@link shiftrightunsigned}). */
export function shiftRightUnsigned(col: ColumnOrName, numBits: number): Column {
  return shiftrightunsigned(col, numBits);
}
