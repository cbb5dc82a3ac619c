/**
 * Protobuf literals the server sends (observed metrics, …) → JS values, following the same value
 * table as Arrow results.
 *
 * @module
 */
import { formatDecimal } from "./arrow/decimal.js";
import { Timestamp } from "./arrow/timestamp.js";
import type { Expression_Literal } from "./gen/spark/connect/expressions_pb.js";
import { Row } from "./row.js";

/** The JS value of a literal. */
export function literalValue(literal: Expression_Literal): unknown {
  const l = literal.literalType;
  switch (l.case) {
    case undefined:
    case "null":
      return null;
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "float":
    case "double":
    case "string":
    case "long":
    case "dayTimeInterval":
    case "yearMonthInterval":
      return l.value;
    case "binary":
      return l.value.slice();
    case "decimal": {
      const { value, scale } = l.value;
      if (scale === undefined || !/^-?\d+$/.test(value)) return value;
      return formatDecimal(BigInt(value), scale);
    }
    case "date":
      return new Date(l.value * 86_400_000);
    case "timestamp":
      return new Timestamp(l.value);
    case "timestampNtz":
      return new Timestamp(l.value, null);
    case "calendarInterval":
      return { months: l.value.months, days: l.value.days, microseconds: l.value.microseconds };
    case "array":
      return l.value.elements.map(literalValue);
    case "map":
      return new Map(
        l.value.keys.map((k, i) => [literalValue(k), literalValue(l.value.values[i] ?? k)]),
      );
    case "struct": {
      const type = l.value.structType?.kind;
      const names =
        type?.case === "struct"
          ? type.value.fields.map((f) => f.name)
          : l.value.elements.map((_, i) => `col${i + 1}`);
      return Row.fromObject(
        Object.fromEntries(
          names.map((n, i) => [n, literalValue(l.value.elements[i] as Expression_Literal)]),
        ),
      );
    }
    default:
      return String(l.value);
  }
}

/** A Row of named literals. */
export function literalRow(keys: readonly string[], values: readonly Expression_Literal[]): Row {
  const names = keys.length === values.length ? keys : values.map((_, i) => `col${i + 1}`);
  return Row.fromObject(
    Object.fromEntries(names.map((k, i) => [k, literalValue(values[i] as Expression_Literal)])),
  );
}
