/**
 * DataFrame transformations, part one: projection, filters, columns, joins, set operations,
 * grouping, ordering, limits and deduplication. All synchronous and pure.
 *
 * @module
 */
import { Column, toColumnExpression } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import {
  type Cols,
  checkCount,
  checkSameSession,
  DataFrameBase,
  type FacadeInternals,
  flat,
  internalsOf,
  planOf,
  sortOrderOf,
} from "./dataframe-base.js";
import { SparkArgumentError } from "./errors.js";
import type { Expression } from "./expressions/expression.js";
import { Alias, ExpressionString, UnresolvedAttribute } from "./expressions/nodes.js";
import { type ColumnOrName, col as colFn } from "./functions/core.js";
import { GroupedData } from "./grouped-data.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import {
  Deduplicate,
  Drop,
  Filter,
  Join,
  type JoinType,
  joinTypeOf,
  Limit,
  Offset,
  Project,
  SetOperation,
  Sort,
  ToDF,
  WithColumns,
  WithColumnsRenamed,
} from "./plan/relations.js";

/** The relational transformations of a {@link DataFrame} (the public class). */
export abstract class DataFrameTransformations extends DataFrameBase {
  get #plan(): LogicalPlan {
    return planOf(this);
  }

  get #internals(): FacadeInternals {
    return internalsOf(this);
  }

  #id(): number {
    return this.#internals.nextPlanId();
  }

  #with(plan: LogicalPlan): DataFrame {
    return this.#internals.dataFrame(plan);
  }

  // Projection ------------------------------------------------------------------------------------

  /** `SELECT cols`: columns, column names, or `"*"`. */
  select(...cols: Cols): DataFrame {
    const list = flat(cols);
    return this.#with(
      new Project(
        this.#id(),
        this.#plan,
        list.map((c) => (typeof c === "string" ? colFn(c).expr : toColumnExpression(c))),
      ),
    );
  }

  /** `SELECT` of SQL expression strings. */
  selectExpr(...exprs: (string | readonly string[])[]): DataFrame {
    const list = exprs.flat() as string[];
    for (const e of list) {
      if (typeof e !== "string") {
        throw new SparkArgumentError("selectExpr takes SQL strings", { errorClass: "NOT_STR" });
      }
    }
    return this.#with(
      new Project(
        this.#id(),
        this.#plan,
        list.map((e) => new ExpressionString(e)),
      ),
    );
  }

  /** Rows where the condition (a Column or a SQL string) holds. */
  filter(condition: Column | string): DataFrame {
    const expr =
      typeof condition === "string"
        ? new ExpressionString(condition)
        : condition instanceof Column
          ? condition.expr
          : undefined;
    if (!expr) {
      throw new SparkArgumentError("filter needs a Column or a SQL string", {
        errorClass: "NOT_COLUMN_OR_STR",
        messageParameters: { arg_name: "condition" },
      });
    }
    return this.#with(new Filter(this.#id(), this.#plan, expr));
  }

  /** Alias of {@link filter}. */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** Adds or replaces a column. */
  withColumn(name: string, column: Column): DataFrame {
    return this.withColumns({ [name]: column });
  }

  /** Adds or replaces several columns, in order. */
  withColumns(columns: Readonly<Record<string, Column>> | ReadonlyMap<string, Column>): DataFrame {
    const entries = columns instanceof Map ? [...columns.entries()] : Object.entries(columns);
    const aliases = entries.map(([name, c]) => {
      if (!(c instanceof Column)) {
        throw new SparkArgumentError(
          `the value for column ${JSON.stringify(name)} must be a Column`,
          {
            errorClass: "NOT_COLUMN",
            messageParameters: { arg_name: "col" },
          },
        );
      }
      return new Alias(c.expr, [name]);
    });
    return this.#with(new WithColumns(this.#id(), this.#plan, aliases));
  }

  /** Renames a column (no-op when there is none by that name). */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [existing]: newName });
  }

  /** Renames several columns. */
  withColumnsRenamed(
    renames: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
  ): DataFrame {
    const entries = renames instanceof Map ? [...renames.entries()] : Object.entries(renames);
    for (const [a, b] of entries) {
      if (typeof a !== "string" || typeof b !== "string") {
        throw new SparkArgumentError("withColumnsRenamed takes old name → new name strings", {
          errorClass: "NOT_STR",
        });
      }
    }
    return this.#with(new WithColumnsRenamed(this.#id(), this.#plan, entries));
  }

  /** Sets a column's metadata. */
  withMetadata(columnName: string, metadata: Readonly<Record<string, unknown>>): DataFrame {
    // As PySpark (`self[columnName]`): the column is tied to this DataFrame's plan.
    const alias = new Alias(
      new UnresolvedAttribute(columnName, this.#plan.planId),
      [columnName],
      JSON.stringify(metadata),
    );
    return this.#with(new WithColumns(this.#id(), this.#plan, [alias]));
  }

  /** Drops columns (names or Columns); unknown names are ignored, as in Spark. */
  drop(...cols: Cols): DataFrame {
    const list = flat(cols);
    const names = list.filter((c): c is string => typeof c === "string");
    const exprs = list
      .filter((c): c is Column => typeof c !== "string")
      .map((c) => toColumnExpression(c));
    return this.#with(new Drop(this.#id(), this.#plan, exprs, names));
  }

  /** Renames all columns, by position. */
  toDF(...names: string[]): DataFrame {
    return this.#with(new ToDF(this.#id(), this.#plan, names));
  }

  // Joins and set operations ---------------------------------------------------------------------

  /**
   * Joins with another DataFrame: on a column name, a list of names (USING), or a condition.
   * `how`: inner (default), cross, outer/full/fullouter/full_outer, left/leftouter/left_outer,
   * right/rightouter/right_outer, semi/leftsemi/left_semi, anti/leftanti/left_anti.
   */
  join(
    other: DataFrame,
    on?: string | readonly string[] | Column | readonly Column[],
    how = "inner",
  ): DataFrame {
    checkSameSession(this, other, "join");
    const joinType = joinTypeOf(String(how));
    if (!joinType) {
      throw new SparkArgumentError(`unknown join type ${JSON.stringify(how)}`, {
        errorClass: "UNSUPPORTED_JOIN_TYPE",
        messageParameters: { join_type: String(how) },
      });
    }
    let condition: Expression | undefined;
    let using: string[] = [];
    if (typeof on === "string") using = [on];
    else if (on instanceof Column) condition = on.expr;
    else if (Array.isArray(on)) {
      if (on.every((x) => typeof x === "string")) using = [...(on as string[])];
      else if (on.every((x) => x instanceof Column)) {
        condition = (on as Column[]).reduce((a, b) => a.and(b)).expr;
      } else {
        throw new SparkArgumentError("join's `on` must be names or Columns, not a mix", {
          errorClass: "NOT_COLUMN_OR_STR",
        });
      }
    } else if (on !== undefined) {
      throw new SparkArgumentError("join's `on` must be a name, a list of names or a Column", {
        errorClass: "NOT_COLUMN_OR_STR",
      });
    }
    const type: JoinType = on === undefined && joinType === "inner" ? "inner" : joinType;
    return this.#with(new Join(this.#id(), this.#plan, planOf(other), type, condition, using));
  }

  /** The Cartesian product with another DataFrame. */
  crossJoin(other: DataFrame): DataFrame {
    checkSameSession(this, other, "crossJoin");
    return this.#with(new Join(this.#id(), this.#plan, planOf(other), "cross", undefined));
  }

  #setOp(
    other: DataFrame,
    op: "union" | "intersect" | "except",
    isAll: boolean,
    what: string,
  ): DataFrame {
    checkSameSession(this, other, what);
    return this.#with(new SetOperation(this.#id(), this.#plan, planOf(other), op, isAll));
  }

  /** All rows of both, by position (`UNION ALL`). */
  union(other: DataFrame): DataFrame {
    return this.#setOp(other, "union", true, "union");
  }
  /** Alias of {@link union}. */
  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }
  /** All rows of both, matching columns by name; missing columns become null when allowed. */
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    checkSameSession(this, other, "unionByName");
    return this.#with(
      new SetOperation(
        this.#id(),
        this.#plan,
        planOf(other),
        "union",
        true,
        true,
        allowMissingColumns,
      ),
    );
  }
  /** Distinct rows in both. */
  intersect(other: DataFrame): DataFrame {
    return this.#setOp(other, "intersect", false, "intersect");
  }
  /** Rows in both, keeping duplicates. */
  intersectAll(other: DataFrame): DataFrame {
    return this.#setOp(other, "intersect", true, "intersectAll");
  }
  /** Distinct rows of this not in other. */
  subtract(other: DataFrame): DataFrame {
    return this.#setOp(other, "except", false, "subtract");
  }
  /** Rows of this not in other, keeping duplicates. */
  exceptAll(other: DataFrame): DataFrame {
    return this.#setOp(other, "except", true, "exceptAll");
  }

  // Grouping ---------------------------------------------------------------------------------------

  /** Groups by columns, for aggregation with `.agg()`, `.count()`, `.sum()`… or `.pivot()`. */
  groupBy(...cols: Cols): GroupedData {
    return new GroupedData(
      this.#internals,
      this.#plan,
      "groupBy",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /** Alias of {@link groupBy}. */
  groupby(...cols: Cols): GroupedData {
    return this.groupBy(...cols);
  }
  /** Multi-level subtotals (`GROUP BY ROLLUP`). */
  rollup(...cols: Cols): GroupedData {
    return new GroupedData(
      this.#internals,
      this.#plan,
      "rollup",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /** All combinations of subtotals (`GROUP BY CUBE`). */
  cube(...cols: Cols): GroupedData {
    return new GroupedData(
      this.#internals,
      this.#plan,
      "cube",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /** Explicit grouping sets over the grouping columns. */
  groupingSets(sets: readonly (readonly ColumnOrName[])[], ...cols: Cols): GroupedData {
    return new GroupedData(
      this.#internals,
      this.#plan,
      "groupingSets",
      flat(cols).map((c) => toColumnExpression(c)),
      sets.map((s) => s.map((c) => toColumnExpression(c))),
    );
  }
  /** Aggregates over all rows (`groupBy().agg(...)`). */
  agg(...exprs: (Column | readonly Column[] | Readonly<Record<string, string>>)[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  // Ordering and limits ----------------------------------------------------------------------------

  /**
   * Sorts globally. Plain columns sort ascending (or as `ascending` says: one boolean for all, or
   * one per column).
   */
  orderBy(
    ...args: (
      | ColumnOrName
      | readonly ColumnOrName[]
      | { ascending: boolean | readonly boolean[] }
    )[]
  ): DataFrame {
    return this.#sort(args, true);
  }
  /** Alias of {@link orderBy}. */
  sort(
    ...args: (
      | ColumnOrName
      | readonly ColumnOrName[]
      | { ascending: boolean | readonly boolean[] }
    )[]
  ): DataFrame {
    return this.#sort(args, true);
  }
  /** Sorts each partition on its own (`SORT BY`). */
  sortWithinPartitions(
    ...args: (
      | ColumnOrName
      | readonly ColumnOrName[]
      | { ascending: boolean | readonly boolean[] }
    )[]
  ): DataFrame {
    return this.#sort(args, false);
  }

  #sort(args: unknown[], isGlobal: boolean): DataFrame {
    let ascending: boolean | readonly boolean[] = true;
    const last = args[args.length - 1];
    if (
      last &&
      typeof last === "object" &&
      !(last instanceof Column) &&
      !Array.isArray(last) &&
      "ascending" in last
    ) {
      ascending = (last as { ascending: boolean | readonly boolean[] }).ascending;
      args = args.slice(0, -1);
    }
    const cols = flat(args as Cols);
    if (cols.length === 0) {
      throw new SparkArgumentError("sorting needs at least one column", {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    if (Array.isArray(ascending) && ascending.length !== cols.length) {
      throw new SparkArgumentError("ascending must have one value per sort column", {
        errorClass: "LENGTH_SHOULD_BE_THE_SAME",
      });
    }
    const orders = cols.map((c, i) =>
      sortOrderOf(c, Array.isArray(ascending) ? (ascending[i] as boolean) : (ascending as boolean)),
    );
    return this.#with(new Sort(this.#id(), this.#plan, orders, isGlobal));
  }

  /** The first n rows. */
  limit(n: number): DataFrame {
    return this.#with(new Limit(this.#id(), this.#plan, checkCount(n, "limit")));
  }
  /** All rows but the first n. */
  offset(n: number): DataFrame {
    return this.#with(new Offset(this.#id(), this.#plan, checkCount(n, "offset")));
  }
  /** Distinct rows. */
  distinct(): DataFrame {
    return this.#with(new Deduplicate(this.#id(), this.#plan, undefined));
  }
  /** Distinct rows, or rows distinct in a subset of columns. */
  dropDuplicates(subset?: readonly string[]): DataFrame {
    if (
      subset !== undefined &&
      (!Array.isArray(subset) || subset.some((s) => typeof s !== "string"))
    ) {
      throw new SparkArgumentError("dropDuplicates takes a list of column names", {
        errorClass: "NOT_LIST_OR_TUPLE",
        messageParameters: { arg_name: "subset" },
      });
    }
    return this.#with(new Deduplicate(this.#id(), this.#plan, subset));
  }
  /** Alias of {@link dropDuplicates}. */
  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }
  /** Streaming deduplication within the watermark. */
  dropDuplicatesWithinWatermark(subset?: readonly string[]): DataFrame {
    return this.#with(new Deduplicate(this.#id(), this.#plan, subset, true));
  }
}
