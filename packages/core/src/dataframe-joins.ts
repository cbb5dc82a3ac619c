/**
 * DataFrame transformations, part two: joins, set operations and grouping (`groupBy`, `rollup`,
 * `cube`, `groupingSets`, `agg`). All synchronous and pure.
 *
 * @module
 */
import { Column, toColumnExpression } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import {
  type Cols,
  checkSameSession,
  type FacadeInternals,
  flat,
  internalsOf,
  planOf,
} from "./dataframe-base.js";
import { DataFrameTransformations } from "./dataframe-transformations.js";
import { SparkArgumentError } from "./errors.js";
import type { Expression } from "./expressions/expression.js";
import type { ColumnOrName } from "./functions/core.js";
import { GroupedData } from "./grouped-data.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import { Join, type JoinType, joinTypeOf, SetOperation } from "./plan/relations.js";
import { Zip } from "./plan/zip.js";

/** The joins, set operations and groupings of a {@link DataFrame} (the public class). */
export abstract class DataFrameJoins extends DataFrameTransformations {
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

  // Joins and set operations ---------------------------------------------------------------------

  /**
   * Joins with another DataFrame: on a column name, a list of names (USING), or a condition.
   * `how`: inner (default), cross, outer/full/fullouter/full_outer, left/leftouter/left_outer,
   * right/rightouter/right_outer, semi/leftsemi/left_semi, anti/leftanti/left_anti.
   *
   * @example
   * ```ts
   * await spark.range(3).join(spark.range(1, 5), "id").count(); // 2
   * ```
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

  /**
   * The Cartesian product with another DataFrame.
   *
   * @example
   * ```ts
   * await spark.range(3).crossJoin(spark.range(2).toDF("n")).count(); // 6
   * ```
   */
  crossJoin(other: DataFrame): DataFrame {
    checkSameSession(this, other, "crossJoin");
    return this.#with(new Join(this.#id(), this.#plan, planOf(other), "cross", undefined));
  }

  /**
   * The columns of this and `other` side by side, row by row (Spark 4.3+). Both must be the same
   * plan apart from their outer `select`s, e.g. two projections of one DataFrame. An older server
   * answers with an {@link UnsupportedOperationError} (`UNSUPPORTED_BY_SERVER`) naming `Zip` and
   * its version:
   *
   * ```ts
   * const df = spark.range(3);
   * await df.select(col("id")).zip(df.select(col("id").multiply(10).alias("x"))).collect();
   * // [Row(id=0, x=0), Row(id=1, x=10), Row(id=2, x=20)] on Spark 4.3
   * ```
   */
  zip(other: DataFrame): DataFrame {
    checkSameSession(this, other, "zip");
    return this.#with(new Zip(this.#id(), this.#plan, planOf(other)));
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

  /**
   * All rows of both, by position (`UNION ALL`).
   *
   * @example
   * ```ts
   * await spark.range(2).union(spark.range(3)).count(); // 5
   * ```
   */
  union(other: DataFrame): DataFrame {
    return this.#setOp(other, "union", true, "union");
  }
  /**
   * Alias of {@link union}.
   *
   * @example
   * ```ts
   * await spark.range(2).unionAll(spark.range(3)).count(); // 5
   * ```
   */
  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }
  /**
   * All rows of both, matching columns by name; missing columns become null when allowed.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(1).selectExpr("1 AS a", "2 AS b").unionByName(spark.range(1).selectExpr("3 AS b", "4 AS a")).collect()); // '[{"a":1,"b":2},{"a":4,"b":3}]'
   * ```
   */
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
  /**
   * Distinct rows in both.
   *
   * @example
   * ```ts
   * await spark.range(5).intersect(spark.range(3, 8)).count(); // 2
   * ```
   */
  intersect(other: DataFrame): DataFrame {
    return this.#setOp(other, "intersect", false, "intersect");
  }
  /**
   * Rows in both, keeping duplicates.
   *
   * @example
   * ```ts
   * await spark.range(3).union(spark.range(3)).intersectAll(spark.range(2).union(spark.range(2))).count(); // 4
   * ```
   */
  intersectAll(other: DataFrame): DataFrame {
    return this.#setOp(other, "intersect", true, "intersectAll");
  }
  /**
   * Distinct rows of this not in other.
   *
   * @example
   * ```ts
   * await spark.range(5).subtract(spark.range(3)).count(); // 2
   * ```
   */
  subtract(other: DataFrame): DataFrame {
    return this.#setOp(other, "except", false, "subtract");
  }
  /**
   * Rows of this not in other, keeping duplicates.
   *
   * @example
   * ```ts
   * await spark.range(3).union(spark.range(3)).exceptAll(spark.range(2)).count(); // 4
   * ```
   */
  exceptAll(other: DataFrame): DataFrame {
    return this.#setOp(other, "except", true, "exceptAll");
  }

  // Grouping ---------------------------------------------------------------------------------------

  /**
   * Groups by columns, for aggregation with `.agg()`, `.count()`, `.sum()`… or `.pivot()`.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(6).groupBy(col("id").mod(2).alias("odd")).count().orderBy("odd").collect()); // '[{"odd":0,"count":3},{"odd":1,"count":3}]'
   * ```
   */
  groupBy(...cols: Cols): GroupedData {
    return new GroupedData(
      this.#internals,
      this.#plan,
      "groupBy",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /**
   * Alias of {@link groupBy}.
   *
   * @example
   * ```ts
   * await spark.range(6).groupby(col("id").mod(3)).count().count(); // 3
   * ```
   */
  groupby(...cols: Cols): GroupedData {
    return this.groupBy(...cols);
  }
  /**
   * Multi-level subtotals (`GROUP BY ROLLUP`).
   *
   * @example
   * ```ts
   * await spark.range(4).rollup(col("id").mod(2).alias("k")).count().count(); // 3
   * ```
   */
  rollup(...cols: Cols): GroupedData {
    return new GroupedData(
      this.#internals,
      this.#plan,
      "rollup",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /**
   * All combinations of subtotals (`GROUP BY CUBE`).
   *
   * @example
   * ```ts
   * await spark.range(4).selectExpr("id % 2 AS a", "id % 3 AS b").cube("a", "b").count().count(); // 10
   * ```
   */
  cube(...cols: Cols): GroupedData {
    return new GroupedData(
      this.#internals,
      this.#plan,
      "cube",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /**
   * Explicit grouping sets over the grouping columns.
   *
   * @example
   * ```ts
   * await spark.range(4).selectExpr("id % 2 AS a", "id % 3 AS b").groupingSets([["a"], ["b"]], "a", "b").count().count(); // 5
   * ```
   */
  groupingSets(sets: readonly (readonly ColumnOrName[])[], ...cols: Cols): GroupedData {
    return new GroupedData(
      this.#internals,
      this.#plan,
      "groupingSets",
      flat(cols).map((c) => toColumnExpression(c)),
      sets.map((s) => s.map((c) => toColumnExpression(c))),
    );
  }
  /**
   * Aggregates over all rows (`groupBy().agg(...)`).
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(5).agg(sum("id").alias("total"), max("id").alias("top")).collect()); // '[{"total":10,"top":4}]'
   * ```
   */
  agg(...exprs: (Column | readonly Column[] | Readonly<Record<string, string>>)[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }
}
