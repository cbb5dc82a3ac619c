/**
 * DataFrame transformations, part one: projection, filters, columns, ordering, limits and
 * deduplication. All synchronous and pure.
 *
 * @module
 */
import { Column, toColumnExpression } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import {
  type Cols,
  checkCount,
  DataFrameBase,
  type FacadeInternals,
  flat,
  internalsOf,
  planOf,
  sortOrderOf,
} from "./dataframe-base.js";
import { SparkArgumentError } from "./errors.js";
import { Alias, ExpressionString, UnresolvedAttribute } from "./expressions/nodes.js";
import { type ColumnOrName, col as colFn } from "./functions/core.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import {
  Deduplicate,
  Drop,
  Filter,
  Limit,
  Offset,
  Project,
  Sort,
  ToDF,
  WithColumns,
  WithColumnsRenamed,
} from "./plan/relations.js";

/** The projections, filters, orderings and limits of a {@link DataFrame} (the public class). */
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

  /**
   * `SELECT cols`: columns, column names, or `"*"`.
   *
   * @example
   * ```ts
   * await spark.range(1).select("id", col("id").plus(1).alias("next")).columns(); // ["id", "next"]
   * ```
   */
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

  /**
   * `SELECT` of SQL expression strings.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(2).selectExpr("id * 10 AS x").collect()); // '[{"x":0},{"x":10}]'
   * ```
   */
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

  /**
   * Rows where the condition (a Column or a SQL string) holds.
   *
   * @example
   * ```ts
   * await spark.range(10).filter(col("id").gt(6)).count(); // 3
   * ```
   */
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

  /**
   * Alias of {@link filter}.
   *
   * @example
   * ```ts
   * await spark.range(10).where("id % 2 = 0").count(); // 5
   * ```
   */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /**
   * Adds or replaces a column.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(2).withColumn("twice", col("id").multiply(2)).collect()); // '[{"id":0,"twice":0},{"id":1,"twice":2}]'
   * ```
   */
  withColumn(name: string, column: Column): DataFrame {
    return this.withColumns({ [name]: column });
  }

  /**
   * Adds or replaces several columns, in order.
   *
   * @example
   * ```ts
   * await spark.range(1).withColumns({ a: lit(1), b: lit("x") }).columns(); // ["id", "a", "b"]
   * ```
   */
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

  /**
   * Renames a column (no-op when there is none by that name).
   *
   * @example
   * ```ts
   * await spark.range(1).withColumnRenamed("id", "n").columns(); // ["n"]
   * ```
   */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [existing]: newName });
  }

  /**
   * Renames several columns.
   *
   * @example
   * ```ts
   * await spark.range(1).withColumn("x", lit(1)).withColumnsRenamed({ id: "a", x: "b" }).columns(); // ["a", "b"]
   * ```
   */
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

  /**
   * Sets a column's metadata.
   *
   * @example
   * ```ts
   * (await spark.range(1).withMetadata("id", { unit: "s" }).schema()).fields[0].metadata; // { unit: "s" }
   * ```
   */
  withMetadata(columnName: string, metadata: Readonly<Record<string, unknown>>): DataFrame {
    // As PySpark (`self[columnName]`): the column is tied to this DataFrame's plan.
    const alias = new Alias(
      new UnresolvedAttribute(columnName, this.#plan.planId),
      [columnName],
      JSON.stringify(metadata),
    );
    return this.#with(new WithColumns(this.#id(), this.#plan, [alias]));
  }

  /**
   * Drops columns (names or Columns); unknown names are ignored, as in Spark.
   *
   * @example
   * ```ts
   * await spark.range(1).withColumn("x", lit(1)).drop("id").columns(); // ["x"]
   * ```
   */
  drop(...cols: Cols): DataFrame {
    const list = flat(cols);
    const names = list.filter((c): c is string => typeof c === "string");
    const exprs = list
      .filter((c): c is Column => typeof c !== "string")
      .map((c) => toColumnExpression(c));
    return this.#with(new Drop(this.#id(), this.#plan, exprs, names));
  }

  /**
   * Renames all columns, by position.
   *
   * @example
   * ```ts
   * await spark.range(1).withColumn("x", lit(1)).toDF("a", "b").columns(); // ["a", "b"]
   * ```
   */
  toDF(...names: string[]): DataFrame {
    return this.#with(new ToDF(this.#id(), this.#plan, names));
  }

  // Ordering and limits ----------------------------------------------------------------------------

  /**
   * Sorts globally. Plain columns sort ascending (or as `ascending` says: one boolean for all, or
   * one per column).
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(3).orderBy(col("id").desc()).collect()); // '[{"id":2},{"id":1},{"id":0}]'
   * ```
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
  /**
   * Alias of {@link orderBy}.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(3).sort("id", { ascending: false }).collect()); // '[{"id":2},{"id":1},{"id":0}]'
   * ```
   */
  sort(
    ...args: (
      | ColumnOrName
      | readonly ColumnOrName[]
      | { ascending: boolean | readonly boolean[] }
    )[]
  ): DataFrame {
    return this.#sort(args, true);
  }
  /**
   * Sorts each partition on its own (`SORT BY`).
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(0, 3, 1, 1).sortWithinPartitions(col("id").desc()).collect()); // '[{"id":2},{"id":1},{"id":0}]'
   * ```
   */
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

  /**
   * The first n rows.
   *
   * @example
   * ```ts
   * await spark.range(100).limit(3).count(); // 3
   * ```
   */
  limit(n: number): DataFrame {
    return this.#with(new Limit(this.#id(), this.#plan, checkCount(n, "limit")));
  }
  /**
   * All rows but the first n.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(5).offset(3).collect()); // '[{"id":3},{"id":4}]'
   * ```
   */
  offset(n: number): DataFrame {
    return this.#with(new Offset(this.#id(), this.#plan, checkCount(n, "offset")));
  }
  /**
   * Distinct rows.
   *
   * @example
   * ```ts
   * await spark.range(6).select(col("id").mod(3).alias("m")).distinct().count(); // 3
   * ```
   */
  distinct(): DataFrame {
    return this.#with(new Deduplicate(this.#id(), this.#plan, undefined));
  }
  /**
   * Distinct rows, or rows distinct in a subset of columns.
   *
   * @example
   * ```ts
   * await spark.range(6).selectExpr("id % 2 AS a", "id % 3 AS b").dropDuplicates(["a"]).count(); // 2
   * ```
   */
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
  /**
   * Alias of {@link dropDuplicates}.
   *
   * @example
   * ```ts
   * await spark.range(6).selectExpr("id % 2 AS a").drop_duplicates().count(); // 2
   * ```
   */
  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }
  /**
   * Streaming deduplication within the watermark.
   *
   * @example
   * ```ts
   * events.withWatermark("ts", "10 minutes").dropDuplicatesWithinWatermark(["id"]); // a streaming DataFrame
   * ```
   */
  dropDuplicatesWithinWatermark(subset?: readonly string[]): DataFrame {
    return this.#with(new Deduplicate(this.#id(), this.#plan, subset, true));
  }
}
