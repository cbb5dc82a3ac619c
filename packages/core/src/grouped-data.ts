import { Column, toColumnExpression } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import type { FacadeInternals } from "./dataframe-base.js";
import { columnOf } from "./dataframe-base.js";
import { SparkArgumentError } from "./errors.js";
import type { Expression } from "./expressions/expression.js";
import { Literal } from "./expressions/literal.js";
import {
  Alias,
  UnresolvedAttribute,
  UnresolvedFunction,
  UnresolvedStar,
} from "./expressions/nodes.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import { Aggregate, type GroupType } from "./plan/relations.js";

type PivotValue = null | boolean | number | bigint | string | Date;

/**
 * Rows grouped by `groupBy`, `rollup`, `cube` or `groupingSets`, waiting for aggregates. Immutable.
 *
 * @example
 * ```ts
 * df.groupBy("dept").agg(avg("salary").alias("avg"), count("*").alias("n"))
 * df.groupBy("year").pivot("quarter", ["Q1", "Q2"]).sum("revenue")
 * ```
 */
export class GroupedData {
  readonly #internals: FacadeInternals;
  readonly #input: LogicalPlan;
  readonly #groupType: GroupType;
  readonly #grouping: readonly Expression[];
  readonly #sets: readonly (readonly Expression[])[];
  readonly #pivot: { column: Expression; values?: readonly Literal[] } | undefined;

  /** @internal */
  constructor(
    internals: FacadeInternals,
    input: LogicalPlan,
    groupType: GroupType,
    grouping: readonly Expression[],
    sets: readonly (readonly Expression[])[] = [],
    pivot?: { column: Expression; values?: readonly Literal[] },
  ) {
    this.#internals = internals;
    this.#input = input;
    this.#groupType = groupType;
    this.#grouping = Object.freeze([...grouping]);
    this.#sets = Object.freeze(sets.map((s) => Object.freeze([...s])));
    this.#pivot = pivot;
    Object.freeze(this);
  }

  #aggregate(exprs: readonly Expression[]): DataFrame {
    return this.#internals.dataFrame(
      new Aggregate(
        this.#internals.nextPlanId(),
        this.#input,
        this.#groupType,
        this.#grouping,
        exprs,
        this.#pivot,
        this.#sets,
      ),
    );
  }

  /**
   * Aggregates: Columns (`sum("x").alias("total")`), or a record of column → aggregate name
   * (`{ x: "max", y: "avg" }`, names: avg/mean, max, min, sum, count).
   */
  agg(...exprs: (Column | readonly Column[] | Readonly<Record<string, string>>)[]): DataFrame {
    if (exprs.length === 1 && !(exprs[0] instanceof Column) && !Array.isArray(exprs[0])) {
      // As PySpark: each entry calls the named aggregate on the column; the server names it.
      const record = exprs[0] as Readonly<Record<string, string>>;
      return this.#aggregate(
        Object.entries(record).map(([column, name]) => {
          if (typeof name !== "string" || name === "") {
            throw new SparkArgumentError(
              `the aggregate for ${JSON.stringify(column)} must be a function name`,
              {
                errorClass: "NOT_STR",
              },
            );
          }
          const arg = column === "*" ? new UnresolvedStar() : new UnresolvedAttribute(column);
          return new UnresolvedFunction(name, [arg]);
        }),
      );
    }
    const list = exprs.flat() as unknown[];
    if (list.length === 0) {
      throw new SparkArgumentError("agg needs at least one aggregate", {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    return this.#aggregate(
      list.map((c) => {
        if (!(c instanceof Column)) {
          throw new SparkArgumentError(
            "agg takes Columns or one record of column → aggregate name",
            {
              errorClass: "NOT_COLUMN",
            },
          );
        }
        return c.expr;
      }),
    );
  }

  #numeric(fn: string, cols: string[]): DataFrame {
    if (cols.length === 0 || cols.some((c) => typeof c !== "string")) {
      // PySpark fills in every numeric column from the schema, which needs a server round trip;
      // here transformations stay synchronous, so the columns must be named.
      throw new SparkArgumentError(`${fn} needs the names of the columns to aggregate`, {
        errorClass: "CANNOT_BE_EMPTY",
        messageParameters: { item: "cols" },
      });
    }
    return this.#aggregate(
      cols.map((c) => new UnresolvedFunction(fn, [new UnresolvedAttribute(c)])),
    );
  }

  /** The number of rows per group, as column `count`. */
  count(): DataFrame {
    return this.#aggregate([
      new Alias(new UnresolvedFunction("count", [new Literal(1)]), ["count"]),
    ]);
  }
  /** The mean of the named numeric columns. */
  mean(...cols: string[]): DataFrame {
    return this.#numeric("avg", cols);
  }
  /** Alias of {@link mean}. */
  avg(...cols: string[]): DataFrame {
    return this.#numeric("avg", cols);
  }
  /** The maximum of numeric columns. */
  max(...cols: string[]): DataFrame {
    return this.#numeric("max", cols);
  }
  /** The minimum of numeric columns. */
  min(...cols: string[]): DataFrame {
    return this.#numeric("min", cols);
  }
  /** The sum of numeric columns. */
  sum(...cols: string[]): DataFrame {
    return this.#numeric("sum", cols);
  }

  /**
   * Pivots a column: one output column per value (given, or all distinct values computed by the
   * server when omitted). Only after `groupBy`.
   */
  pivot(pivotCol: string | Column, values?: readonly PivotValue[]): GroupedData {
    // A pivoted GroupedData has group type "pivot": check for a repeated pivot first.
    if (this.#pivot) {
      throw new SparkArgumentError("pivot can be called only once", {
        errorClass: "REPEATED_PIVOT",
      });
    }
    if (this.#groupType !== "groupBy") {
      throw new SparkArgumentError("pivot is only allowed after groupBy", {
        errorClass: "NOT_SUPPORTED_PIVOT",
      });
    }
    // As PySpark (`self._df[pivot_col]`): a named pivot column is tied to the grouped DataFrame.
    const column =
      typeof pivotCol === "string"
        ? columnOf(this.#input, pivotCol).expr
        : toColumnExpression(pivotCol, "pivot_col");
    const literals = values?.map((v) => new Literal(v));
    return new GroupedData(this.#internals, this.#input, "pivot", this.#grouping, this.#sets, {
      column,
      ...(literals ? { values: literals } : {}),
    });
  }
}
