import { type Column, toColumnExpression, type WindowSpecLike } from "./column.js";
import { SparkArgumentError } from "./errors.js";
import type { Expression } from "./expressions/expression.js";
import { Literal } from "./expressions/literal.js";
import {
  type FrameBoundary,
  SortOrder,
  WindowExpression,
  type WindowFrame,
} from "./expressions/nodes.js";

type ColumnRef = string | Column;

function sortOrderOf(c: ColumnRef): SortOrder {
  const e = toColumnExpression(c, "orderBy column");
  return e instanceof SortOrder ? e : new SortOrder(e, "ascending");
}

/** Frame bounds beyond these are unbounded, as in Spark. */
const UNBOUNDED = 2n ** 63n - 1n;

function boundary(
  value: number | bigint,
  side: "start" | "end",
  frameType: "row" | "range",
): FrameBoundary {
  const v = BigInt(value);
  if ((side === "start" && v <= -UNBOUNDED) || (side === "end" && v >= UNBOUNDED)) {
    return { type: "unbounded" };
  }
  if (v === 0n) return { type: "currentRow" };
  const isInt = v >= -(2n ** 31n) && v < 2n ** 31n;
  if (frameType === "row" && !isInt) {
    // Spark's row frames take int offsets only (PySpark refuses the same values).
    throw new SparkArgumentError(
      `a row frame ${side} must be unbounded or from -2^31 to 2^31-1, not ${v}`,
      {
        errorClass: "VALUE_NOT_BETWEEN",
        messageParameters: {
          arg_name: side,
          min: String(-(2n ** 31n)),
          max: String(2n ** 31n - 1n),
        },
      },
    );
  }
  return { type: "value", value: new Literal(isInt ? Number(v) : v) };
}

/**
 * A window specification: partitioning, ordering and frame. Immutable; build it from
 * {@link Window}.
 *
 * @example
 * ```ts
 * const w = Window.partitionBy("dept").orderBy(col("salary").desc());
 * rank().over(w)
 * ```
 */
export class WindowSpec implements WindowSpecLike {
  readonly #partitionSpec: readonly Expression[];
  readonly #orderSpec: readonly SortOrder[];
  readonly #frame: WindowFrame | undefined;

  constructor(
    partitionSpec: readonly Expression[] = [],
    orderSpec: readonly SortOrder[] = [],
    frame?: WindowFrame,
  ) {
    this.#partitionSpec = Object.freeze([...partitionSpec]);
    this.#orderSpec = Object.freeze([...orderSpec]);
    this.#frame = frame;
    Object.freeze(this);
  }

  /** Partitions by these columns (replacing earlier partitioning). */
  partitionBy(...cols: (ColumnRef | readonly ColumnRef[])[]): WindowSpec {
    const list = cols.flat() as ColumnRef[];
    return new WindowSpec(
      list.map((c) => toColumnExpression(c, "partitionBy column")),
      this.#orderSpec,
      this.#frame,
    );
  }

  /** Orders by these columns (replacing earlier ordering); plain columns sort ascending. */
  orderBy(...cols: (ColumnRef | readonly ColumnRef[])[]): WindowSpec {
    const list = cols.flat() as ColumnRef[];
    return new WindowSpec(this.#partitionSpec, list.map(sortOrderOf), this.#frame);
  }

  /**
   * A row frame, relative to the current row: `rowsBetween(Window.unboundedPreceding,
   * Window.currentRow)`. Values at or beyond ±2^63-1 (and the Window constants) are unbounded;
   * other offsets must fit in an int (-2^31 to 2^31-1), as Spark's row frames require.
   */
  rowsBetween(start: number | bigint, end: number | bigint): WindowSpec {
    return this.#between("row", start, end);
  }

  /** A range frame over the ordering value: `rangeBetween(-10, 10)`. */
  rangeBetween(start: number | bigint, end: number | bigint): WindowSpec {
    return this.#between("range", start, end);
  }

  #between(frameType: "row" | "range", start: number | bigint, end: number | bigint): WindowSpec {
    for (const [name, v] of [
      ["start", start],
      ["end", end],
    ] as const) {
      if (
        typeof v !== "bigint" &&
        !Number.isInteger(v) &&
        Math.abs(v) !== Number.POSITIVE_INFINITY
      ) {
        throw new SparkArgumentError(`window frame ${name} must be a whole number, not ${v}`, {
          errorClass: "INVALID_WINDOW_BOUND",
        });
      }
    }
    const toBig = (v: number | bigint) =>
      typeof v === "bigint" ? v : Number.isFinite(v) ? BigInt(v) : v > 0 ? UNBOUNDED : -UNBOUNDED;
    return new WindowSpec(this.#partitionSpec, this.#orderSpec, {
      frameType,
      lower: boundary(toBig(start), "start", frameType),
      upper: boundary(toBig(end), "end", frameType),
    });
  }

  /** The window expression of `fn OVER (this)` (what {@link Column.over} sends). */
  toWindow(fn: Expression): WindowExpression {
    return new WindowExpression(fn, this.#partitionSpec, this.#orderSpec, this.#frame);
  }
}

/**
 * Entry points for window specifications, as in Spark.
 *
 * @example
 * ```ts
 * Window.partitionBy("k").orderBy("t").rowsBetween(Window.unboundedPreceding, Window.currentRow)
 * ```
 */
export const Window = Object.freeze({
  /** The first row of the partition (a frame start). */
  unboundedPreceding: -(2n ** 63n),
  /** The last row of the partition (a frame end). */
  unboundedFollowing: 2n ** 63n - 1n,
  /** The current row. */
  currentRow: 0n,
  partitionBy: (...cols: (ColumnRef | readonly ColumnRef[])[]) =>
    new WindowSpec().partitionBy(...cols),
  orderBy: (...cols: (ColumnRef | readonly ColumnRef[])[]) => new WindowSpec().orderBy(...cols),
  rowsBetween: (start: number | bigint, end: number | bigint) =>
    new WindowSpec().rowsBetween(start, end),
  rangeBetween: (start: number | bigint, end: number | bigint) =>
    new WindowSpec().rangeBetween(start, end),
});
