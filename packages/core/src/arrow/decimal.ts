/**
 * Exact decimal arithmetic for Arrow's Decimal128/256: unscaled two's-complement words ↔ bigint
 * ↔ decimal strings. Never goes through floating point.
 *
 * @module
 */

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/**
 * The unscaled value stored at `index` of a decimal buffer: `stride` little-endian 32-bit words
 * (4 for Decimal128, 8 for Decimal256), two's complement.
 */
export function readUnscaled(words: Uint32Array, index: number, stride: number): bigint {
  const base = index * stride;
  let value = 0n;
  for (let w = stride - 1; w >= 0; w--) value = (value << 32n) | BigInt(words[base + w]!);
  return BigInt.asIntN(stride * 32, value);
}

/**
 * The unscaled value at `index` as a number when its magnitude is below 2^53 (exact), else
 * `undefined`. Avoids bigint work for the common small decimals.
 */
export function readSmallUnscaled(
  words: Uint32Array,
  index: number,
  stride: number,
): number | undefined {
  const base = index * stride;
  const lo = words[base]!;
  const hi = words[base + 1]!;
  const fill = hi & 0x80000000 ? 0xffffffff : 0;
  for (let w = 2; w < stride; w++) if (words[base + w] !== fill) return undefined;
  // 64-bit value = hi:lo; exact in a double when |value| < 2^53.
  const value = fill === 0 ? hi * TWO_32 + lo : (hi - TWO_32) * TWO_32 + lo;
  return value > -TWO_53 && value < TWO_53 ? value : undefined;
}

/** Writes `value` as `stride` little-endian 32-bit words at `index` (two's complement). */
export function writeUnscaled(
  words: Uint32Array,
  index: number,
  stride: number,
  value: bigint,
): void {
  let v = BigInt.asUintN(stride * 32, value);
  const base = index * stride;
  for (let w = 0; w < stride; w++) {
    words[base + w] = Number(v & 0xffffffffn);
    v >>= 32n;
  }
}

/**
 * The decimal string of `unscaled × 10^-scale` with exactly `scale` fraction digits:
 * `formatDecimal(-1234000n, 5)` → `"-12.34000"`, `formatDecimal(5n, 0)` → `"5"`. A negative
 * scale multiplies (`formatDecimal(12n, -2)` → `"1200"`).
 */
export function formatDecimal(unscaled: bigint | number, scale: number): string {
  const negative = unscaled < 0;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (scale <= 0) {
    if (scale < 0 && digits !== "0") digits += "0".repeat(-scale);
    return negative ? `-${digits}` : digits;
  }
  if (digits.length <= scale) digits = digits.padStart(scale + 1, "0");
  const point = digits.length - scale;
  return `${negative ? "-" : ""}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The unscaled bigint of a decimal value at `scale`, or a reason why it cannot be represented
 * exactly with `precision` digits. Accepts a decimal string (`"-12.34"`, `"1e3"`), a finite
 * number (read through its shortest round-trip string, so `0.1` is exactly 0.1) or a bigint.
 * Digits beyond `scale` are an error unless they are zeros: nothing is rounded.
 */
export function parseDecimal(
  value: string | number | bigint,
  precision: number,
  scale: number,
): { unscaled: bigint } | { reason: string } {
  let text: string;
  if (typeof value === "bigint") text = value.toString();
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) return { reason: "a decimal must be finite" };
    text = String(value);
  } else text = value.trim();
  const m = DECIMAL_TEXT.exec(text);
  const intPart = m?.[2] ?? "";
  const fracPart = m?.[3] ?? "";
  if (!m || (intPart === "" && fracPart === "")) return { reason: "not a decimal number" };
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent)) return { reason: "exponent out of range" };
  // value = digits × 10^(exponent − fracPart.length); we need digits × 10^(shift) at `scale`.
  let digits = (intPart + fracPart).replace(/^0+/, "");
  const shift = exponent - fracPart.length + scale;
  if (shift >= 0) {
    if (digits !== "") {
      if (shift > precision) return { reason: `more than ${precision} digits` };
      digits += "0".repeat(shift);
    }
  } else {
    const drop = -shift;
    const kept = digits.length > drop ? digits.slice(0, digits.length - drop) : "";
    const dropped = digits.length > drop ? digits.slice(digits.length - drop) : digits;
    if (/[1-9]/.test(dropped)) return { reason: `more than ${scale} fraction digits` };
    digits = kept;
  }
  digits = digits.replace(/^0+/, "");
  if (digits.length > precision) {
    return { reason: `more than ${precision} digits (precision ${precision}, scale ${scale})` };
  }
  const unscaled = digits === "" ? 0n : BigInt(digits);
  return { unscaled: m[1] === "-" ? -unscaled : unscaled };
}
