import { clone, create } from "@bufbuild/protobuf";
import { Timestamp } from "../arrow/timestamp.js";
import { SparkArgumentError } from "../errors.js";
import {
  Expression_LiteralSchema,
  ExpressionSchema,
  type Expression as ProtoExpression,
  type Expression_Literal as ProtoLiteral,
} from "../gen/spark/connect/expressions_pb.js";
import { DataTypeSchema, type DataType as ProtoDataType } from "../gen/spark/connect/types_pb.js";
import { wellFormed } from "../util/well-formed.js";
import { Decimal } from "../values/decimal.js";
import { LocalDate } from "../values/local-date.js";
import type { Expression, ExpressionKind } from "./expression.js";

/**
 * JS values that become Spark literals, and the Spark type each one gets (as PySpark infers it):
 *
 * | JS value | Spark type |
 * |---|---|
 * | `null` | null (void) |
 * | `boolean` | boolean |
 * | `number`, whole and within int32 | int |
 * | `number`, whole beyond int32 (safe integer) | bigint |
 * | `number`, fractional, NaN or ±Infinity | double |
 * | `bigint` (int64 range) | bigint |
 * | `string` | string |
 * | `Uint8Array` | binary |
 * | `Date` (valid); with an `epochMicros: bigint` field, microseconds are kept | timestamp |
 * | `Timestamp` without a zone (`timeZone === null`) | timestamp_ntz |
 * | {@link Decimal} (`decimal("12.345")`) | decimal(precision, scale): `decimal(5,3)` |
 * | {@link LocalDate} (`localDate("2026-01-31")`) | date |
 * | array | array of the elements' common type |
 * | `Map`, or a plain object (string keys) | map of the keys' and values' common types |
 */
export type LiteralValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | Date
  | Decimal
  | LocalDate
  | readonly LiteralValue[]
  | ReadonlyMap<LiteralValue, LiteralValue>
  | { readonly [key: string]: LiteralValue };

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

type Kind = ProtoDataType["kind"]["case"];

function simpleType(kind: Exclude<Kind, undefined>): ProtoDataType {
  // Every parameterless DataType message has an optional type_variation_reference only.
  return create(DataTypeSchema, { kind: { case: kind, value: {} } } as Parameters<
    typeof create<typeof DataTypeSchema>
  >[1]);
}

function cannotRepresent(value: unknown, why: string): SparkArgumentError {
  let shown: string;
  try {
    shown = typeof value === "bigint" ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    shown = String(value);
  }
  return new SparkArgumentError(`cannot use ${shown} as a Spark literal: ${why}`, {
    errorClass: "UNSUPPORTED_LITERAL",
    messageParameters: { value: shown },
  });
}

interface Built {
  literal: ProtoLiteral;
  type: ProtoDataType;
}

function lit(literalType: ProtoLiteral["literalType"], type: ProtoDataType): Built {
  return { literal: create(Expression_LiteralSchema, { literalType }), type };
}

/** The common type of several literal types, widening numbers; undefined when they differ. */
function commonType(types: readonly ProtoDataType[]): ProtoDataType | undefined {
  const nonNull = types.filter((t) => t.kind.case !== "null");
  if (nonNull.length === 0) return simpleType("null");
  const rank: Partial<Record<string, number>> = { integer: 1, long: 2, double: 3 };
  const first = nonNull[0] as ProtoDataType;
  if (nonNull.every((t) => rank[t.kind.case ?? ""] !== undefined)) {
    return nonNull.reduce((a, b) =>
      (rank[b.kind.case ?? ""] ?? 0) > (rank[a.kind.case ?? ""] ?? 0) ? b : a,
    );
  }
  const key = (t: ProtoDataType) =>
    JSON.stringify(t, (_k, v) => (typeof v === "bigint" ? `${v}` : v));
  const k = key(first);
  return nonNull.every((t) => key(t) === k) ? first : undefined;
}

/** Re-types a literal built for one numeric type as a wider one (int → long → double). */
function widen(built: Built, to: ProtoDataType): ProtoLiteral {
  const from = built.literal.literalType;
  const target = to.kind.case;
  if (from.case === "null" || from.case === target) return built.literal;
  if (from.case === "integer" && target === "long") {
    return create(Expression_LiteralSchema, {
      literalType: { case: "long", value: BigInt(from.value) },
    });
  }
  if ((from.case === "integer" || from.case === "long") && target === "double") {
    return create(Expression_LiteralSchema, {
      literalType: { case: "double", value: Number(from.value) },
    });
  }
  return built.literal;
}

function nullOf(type: ProtoDataType): ProtoLiteral {
  return create(Expression_LiteralSchema, { literalType: { case: "null", value: type } });
}

/** The arrays and objects being built around the current value (a repeat is a cycle). */
const open = new Set<object>();

function build(value: unknown, path: string): Built {
  if (typeof value !== "object" || value === null) return buildValue(value, path);
  if (open.has(value)) {
    throw new SparkArgumentError(
      `${path} contains itself (a circular reference), which has no Spark value`,
      { errorClass: "CIRCULAR_REFERENCE", messageParameters: { path } },
    );
  }
  open.add(value);
  try {
    return buildValue(value, path);
  } finally {
    open.delete(value);
  }
}

function buildValue(value: unknown, path: string): Built {
  if (value === null) return lit({ case: "null", value: simpleType("null") }, simpleType("null"));
  switch (typeof value) {
    case "boolean":
      return lit({ case: "boolean", value }, simpleType("boolean"));
    case "number":
      if (
        Number.isInteger(value) &&
        value >= INT_MIN &&
        value <= INT_MAX &&
        !Object.is(value, -0)
      ) {
        return lit({ case: "integer", value }, simpleType("integer"));
      }
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
        return lit({ case: "long", value: BigInt(value) }, simpleType("long"));
      }
      return lit({ case: "double", value }, simpleType("double"));
    case "bigint":
      if (value < LONG_MIN || value > LONG_MAX) {
        throw cannotRepresent(value, `${path} is outside the range of a 64-bit bigint`);
      }
      return lit({ case: "long", value }, simpleType("long"));
    case "string":
      return lit({ case: "string", value: wellFormed(value, path) }, simpleType("string"));
    case "undefined":
      throw cannotRepresent(value, `${path} is undefined; use null for a SQL NULL`);
    case "function":
    case "symbol":
      throw cannotRepresent(String(value), `${path} is a ${typeof value}`);
  }
  if (value instanceof Uint8Array) {
    return lit({ case: "binary", value: value.slice() }, simpleType("binary"));
  }
  if (value instanceof Decimal) {
    const { precision, scale } = value;
    return lit(
      {
        case: "decimal",
        value: {
          $typeName: "spark.connect.Expression.Literal.Decimal",
          value: value.toString(),
          precision,
          scale,
        },
      },
      create(DataTypeSchema, { kind: { case: "decimal", value: { precision, scale } } }),
    );
  }
  if (value instanceof LocalDate) {
    return lit({ case: "date", value: value.epochDays }, simpleType("date"));
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw cannotRepresent(value, `${path} is an invalid Date`);
    const { epochMicros, timeZone } = value as { epochMicros?: unknown; timeZone?: unknown };
    if (value instanceof Timestamp && value.getNanoseconds() !== 0) {
      throw cannotRepresent(
        value,
        `${path} has nanoseconds; a Spark timestamp literal has microseconds`,
      );
    }
    const micros = typeof epochMicros === "bigint" ? epochMicros : BigInt(ms) * 1000n;
    // A Timestamp without a zone is a TIMESTAMP_NTZ value (a wall-clock time read as UTC).
    if (value instanceof Timestamp && timeZone === null) {
      return lit({ case: "timestampNtz", value: micros }, simpleType("timestampNtz"));
    }
    return lit({ case: "timestamp", value: micros }, simpleType("timestamp"));
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) => build(v, `${path}[${i}]`));
    const elementType = commonType(items.map((b) => b.type));
    if (!elementType) throw cannotRepresent(value, `the elements of ${path} have different types`);
    const type = create(DataTypeSchema, {
      kind: {
        case: "array",
        value: { elementType: clone(DataTypeSchema, elementType), containsNull: true },
      },
    });
    return lit(
      {
        case: "array",
        value: {
          $typeName: "spark.connect.Expression.Literal.Array",
          elementType: clone(DataTypeSchema, elementType),
          elements: items.map((b) =>
            b.literal.literalType.case === "null"
              ? nullOf(clone(DataTypeSchema, elementType))
              : widen(b, elementType),
          ),
        },
      },
      type,
    );
  }
  let entries: [unknown, unknown][];
  if (value instanceof Map) {
    entries = [...value.entries()];
  } else if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    entries = Object.entries(value as Record<string, unknown>);
  } else {
    throw cannotRepresent(
      value,
      `${path} is a ${(value as object).constructor?.name ?? "object"}, which has no Spark type`,
    );
  }
  const keys = entries.map(([k], i) => build(k, `${path} key ${i}`));
  const values = entries.map(([k, v]) => build(v, `${path}[${String(k)}]`));
  if (keys.some((k) => k.literal.literalType.case === "null")) {
    throw cannotRepresent(value, `${path} has a null map key`);
  }
  const keyType = entries.length ? commonType(keys.map((b) => b.type)) : simpleType("null");
  const valueType = entries.length ? commonType(values.map((b) => b.type)) : simpleType("null");
  if (!keyType || !valueType)
    throw cannotRepresent(value, `the keys or values of ${path} have different types`);
  return lit(
    {
      case: "map",
      value: {
        $typeName: "spark.connect.Expression.Literal.Map",
        keyType: clone(DataTypeSchema, keyType),
        valueType: clone(DataTypeSchema, valueType),
        keys: keys.map((b) => widen(b, keyType)),
        values: values.map((b) =>
          b.literal.literalType.case === "null"
            ? nullOf(clone(DataTypeSchema, valueType))
            : widen(b, valueType),
        ),
      },
    },
    create(DataTypeSchema, {
      kind: {
        case: "map",
        value: {
          keyType: clone(DataTypeSchema, keyType),
          valueType: clone(DataTypeSchema, valueType),
          valueContainsNull: true,
        },
      },
    }),
  );
}

/** Builds the protobuf literal for a JS value; throws SparkArgumentError (UNSUPPORTED_LITERAL). */
export function toProtoLiteral(value: unknown): ProtoLiteral {
  return build(value, "the value").literal;
}

/** A literal value. Validated when built: a value Spark cannot represent throws at once. */
export class Literal implements Expression {
  readonly kind = "literal" satisfies ExpressionKind;
  readonly #literal: ProtoLiteral;
  /**
   * @param value a JS value (see {@link LiteralValue}) or a ready protobuf literal (for typed
   *   literals such as decimals and dates built by the SDK).
   */
  constructor(value: unknown, raw = false) {
    this.#literal = raw
      ? clone(Expression_LiteralSchema, value as ProtoLiteral)
      : toProtoLiteral(value);
    Object.freeze(this);
  }
  /** A literal from a ready protobuf literal. */
  static fromProto(literal: ProtoLiteral): Literal {
    return new Literal(literal, true);
  }
  /** A fresh copy of the protobuf literal. */
  toLiteral(): ProtoLiteral {
    return clone(Expression_LiteralSchema, this.#literal);
  }
  toProto(): ProtoExpression {
    return create(ExpressionSchema, { exprType: { case: "literal", value: this.toLiteral() } });
  }
}
