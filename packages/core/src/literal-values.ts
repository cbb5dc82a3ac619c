/**
 * Protobuf literals the server sends (observed metrics, …) → JS values, following the same value
 * table as Arrow results (`collect()`).
 *
 * The type of a value comes from the literal's own `data_type` when the server sets it (Spark 4.1
 * sends it on nested literals, whose elements may then leave out their types), else from the type
 * of the enclosing array, map or struct, else from the literal's case. A value is converted to
 * that type as `collect()` gives it: a double is a number, a bigint a bigint, a decimal its exact
 * string with the type's scale (`"45.00"` for `decimal(4,2)`), a struct a Row with its field
 * names, duplicates kept.
 *
 * @module
 */
import { formatDecimal } from "./arrow/decimal.js";
import { Timestamp } from "./arrow/timestamp.js";
import type { Expression_Literal } from "./gen/spark/connect/expressions_pb.js";
import type { DataType } from "./gen/spark/connect/types_pb.js";
import { type Row, rowFactory } from "./row.js";

/**
 * A decimal literal's value (Spark sends `BigDecimal.toString()`: `"45.00"`, `"-0.5"`, `"1E+3"`)
 * as the exact decimal string `collect()` gives: plain digits with exactly `scale` fraction digits.
 */
function decimalString(value: string, scale: number | undefined): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(value.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return value;
  const [, sign, int = "", frac = "", exp = "0"] = m;
  // unscaled × 10^-fracScale
  const unscaled = BigInt(`${int}${frac}` || "0");
  const valueScale = frac.length - Number(exp);
  const target = scale ?? Math.max(valueScale, 0);
  let scaled: bigint;
  if (target >= valueScale) {
    scaled = unscaled * 10n ** BigInt(target - valueScale);
  } else {
    // More digits than the type's scale: only exact (trailing zeros) reductions; else keep as sent.
    const div = 10n ** BigInt(valueScale - target);
    if (unscaled % div !== 0n) return value;
    scaled = unscaled / div;
  }
  return formatDecimal(sign === "-" ? -scaled : scaled, target);
}

function structNames(type: DataType | undefined, count: number): (string | undefined)[] {
  const fields = type?.kind.case === "struct" ? type.kind.value.fields : [];
  return Array.from({ length: count }, (_, i) => fields[i]?.name);
}

/** The JS value of a literal (of the given type, when the enclosing literal says it). */
export function literalValue(literal: Expression_Literal, type?: DataType): unknown {
  const t = literal.dataType ?? type;
  const l = literal.literalType;
  switch (l.case) {
    case undefined:
    case "null":
      return null;
    case "boolean":
    case "string":
    case "dayTimeInterval":
    case "yearMonthInterval":
      return l.value;
    case "byte":
    case "short":
    case "integer":
    case "float":
    case "double":
    case "long":
      switch (t?.kind.case) {
        case "double":
        case "float":
        case "integer":
        case "short":
        case "byte":
          return Number(l.value);
        case "long":
          return BigInt(l.value);
        case "decimal":
          return decimalString(String(l.value), t.kind.value.scale);
        default:
          return l.value;
      }
    case "binary":
      return l.value.slice();
    case "decimal": {
      const scale =
        t?.kind.case === "decimal" ? (t.kind.value.scale ?? l.value.scale) : l.value.scale;
      return decimalString(l.value.value, scale);
    }
    case "date":
      return new Date(l.value * 86_400_000);
    case "timestamp":
      return new Timestamp(l.value);
    case "timestampNtz":
      return new Timestamp(l.value, null);
    case "calendarInterval":
      return { months: l.value.months, days: l.value.days, microseconds: l.value.microseconds };
    case "array": {
      const elementType =
        (t?.kind.case === "array" ? t.kind.value.elementType : undefined) ?? l.value.elementType;
      return l.value.elements.map((e) => literalValue(e, elementType));
    }
    case "map": {
      const keyType =
        (t?.kind.case === "map" ? t.kind.value.keyType : undefined) ?? l.value.keyType;
      const valueType =
        (t?.kind.case === "map" ? t.kind.value.valueType : undefined) ?? l.value.valueType;
      return new Map(
        l.value.keys.map((k, i) => {
          const v = l.value.values[i];
          return [literalValue(k, keyType), v === undefined ? null : literalValue(v, valueType)];
        }),
      );
    }
    case "struct": {
      const structType = t?.kind.case === "struct" ? t : l.value.structType;
      const fields = structType?.kind.case === "struct" ? structType.kind.value.fields : [];
      const names = structNames(structType, l.value.elements.length).map(
        (n, i) => n ?? `col${i + 1}`,
      );
      return rowFactory(names).create(
        l.value.elements.map((e, i) => literalValue(e, fields[i]?.dataType)),
      );
    }
    case "specializedArray":
      return l.value.valueType.case === undefined ? [] : [...l.value.valueType.value.values];
    default:
      return String(l.value);
  }
}

/**
 * A Row of named literals (observed metrics: the keys and their values). Names are kept as the
 * server sends them, duplicates included; without keys, the fields are `col1`, `col2`…
 */
export function literalRow(keys: readonly string[], values: readonly Expression_Literal[]): Row {
  const names = keys.length === values.length ? keys : values.map((_, i) => `col${i + 1}`);
  return rowFactory(names).create(values.map((v) => literalValue(v)));
}
