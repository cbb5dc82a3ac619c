/**
 * DataFrame transformations, part two: sampling, partitioning, hints, reshaping (unpivot,
 * transpose, schema reconciliation), observed metrics, and the `na`/`stat` helpers with their
 * shortcuts.
 *
 * @module
 */
import { type Column, type ColumnOrLiteral, toColumnExpression, toExpression } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import {
  checkCount,
  type FacadeInternals,
  internalsOf,
  planOf,
  sortOrderOf,
} from "./dataframe-base.js";
import { DataFrameJoins } from "./dataframe-joins.js";
import { DataFrameNaFunctions } from "./dataframe-na.js";
import { DataFrameStatFunctions, seedArg } from "./dataframe-stat.js";
import { SparkArgumentError } from "./errors.js";
import type { ActionOptions } from "./execution.js";
import { randomSeed } from "./functions/args.js";
import type { ColumnOrName } from "./functions/core.js";
import { Observation } from "./observation.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import {
  CollectMetrics,
  Hint,
  Repartition,
  RepartitionByExpression,
  Sample,
  SubqueryAlias,
  ToSchema,
  Transpose,
  Unpivot,
  WithWatermark,
} from "./plan/relations.js";
import { StatDescribe, StatSummary } from "./plan/stat.js";
import {
  parseSchema,
  type StructType,
  StructType as StructTypeClass,
  toProtoDataType,
} from "./types/index.js";

/** A partition count for repartition: a whole number ≥ 1 (PySpark's VALUE_NOT_POSITIVE). */
function positivePartitions(n: number): number {
  if (Number.isInteger(n) && n <= 0) {
    throw new SparkArgumentError(`numPartitions must be positive, not ${n}`, {
      errorClass: "VALUE_NOT_POSITIVE",
      messageParameters: { arg_name: "numPartitions", arg_value: String(n) },
    });
  }
  return checkCount(n, "numPartitions");
}

/** The sampling, partitioning and reshaping transformations of a {@link DataFrame}. */
export abstract class DataFrameReshaping extends DataFrameJoins {
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

  // Sampling and partitioning ----------------------------------------------------------------------

  /**
   * A random sample of about `fraction` of the rows.
   *
   * @example
   * ```ts
   * await spark.range(100).sample(1.0, { seed: 7 }).count(); // 100
   * ```
   */
  sample(
    fraction: number,
    options: { withReplacement?: boolean; seed?: number | bigint } = {},
  ): DataFrame {
    if (typeof fraction !== "number" || !(fraction >= 0)) {
      throw new SparkArgumentError(`fraction must be a number ≥ 0, not ${fraction}`, {
        errorClass: "VALUE_NOT_POSITIVE",
        messageParameters: { arg_name: "fraction", arg_value: String(fraction) },
      });
    }
    const withReplacement = options.withReplacement ?? false;
    // Spark refuses these without an error class; say so before sending anything.
    if (!Number.isFinite(fraction) || (!withReplacement && fraction > 1)) {
      const max = withReplacement ? "a finite number" : "1";
      throw new SparkArgumentError(
        `fraction must be between 0 and ${max}${withReplacement ? "" : " without replacement"}, not ${fraction}`,
        {
          errorClass: "VALUE_NOT_BETWEEN",
          messageParameters: { arg_name: "fraction", min: "0", max },
        },
      );
    }
    const seed = options.seed === undefined ? randomSeed() : seedArg(options.seed);
    return this.#with(new Sample(this.#id(), this.#plan, 0, fraction, withReplacement, seed));
  }

  /**
   * Splits the rows randomly by weights (normalised to sum to 1).
   *
   * @example
   * ```ts
   * const parts = spark.range(100).randomSplit([1, 1], 42); (await parts[0].count()) + (await parts[1].count()); // 100
   * ```
   */
  randomSplit(weights: readonly number[], seed?: number | bigint): DataFrame[] {
    if (weights.length < 2 || weights.some((w) => !(w >= 0))) {
      throw new SparkArgumentError("randomSplit needs at least two weights ≥ 0", {
        errorClass: "VALUE_NOT_POSITIVE",
        messageParameters: { arg_name: "weights" },
      });
    }
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) {
      throw new SparkArgumentError("the weights of randomSplit must not all be 0", {
        errorClass: "VALUE_NOT_POSITIVE",
      });
    }
    const s = seed === undefined ? randomSeed() : seedArg(seed);
    const out: DataFrame[] = [];
    let lower = 0;
    for (const w of weights) {
      const upper = lower + w / total;
      out.push(this.#with(new Sample(this.#id(), this.#plan, lower, upper, false, s, true)));
      lower = upper;
    }
    return out;
  }

  /**
   * Repartitions into n partitions, or by columns (hash), or both.
   *
   * @example
   * ```ts
   * await spark.range(10).repartition(3).select(sparkPartitionId()).distinct().count(); // 3
   * ```
   */
  repartition(numPartitionsOrCol: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    if (typeof numPartitionsOrCol === "number") {
      const n = positivePartitions(numPartitionsOrCol);
      if (cols.length === 0) return this.#with(new Repartition(this.#id(), this.#plan, n, true));
      return this.#with(
        new RepartitionByExpression(
          this.#id(),
          this.#plan,
          cols.map((c) => toColumnExpression(c)),
          n,
        ),
      );
    }
    const all = [numPartitionsOrCol, ...cols];
    return this.#with(
      new RepartitionByExpression(
        this.#id(),
        this.#plan,
        all.map((c) => toColumnExpression(c)),
      ),
    );
  }

  /**
   * Repartitions into ranges of the sort columns.
   *
   * @example
   * ```ts
   * await spark.range(10).repartitionByRange(2, "id").select(sparkPartitionId()).distinct().count(); // 2
   * ```
   */
  repartitionByRange(
    numPartitionsOrCol: number | ColumnOrName,
    ...cols: ColumnOrName[]
  ): DataFrame {
    const n =
      typeof numPartitionsOrCol === "number" ? positivePartitions(numPartitionsOrCol) : undefined;
    const all = typeof numPartitionsOrCol === "number" ? cols : [numPartitionsOrCol, ...cols];
    if (all.length === 0) {
      throw new SparkArgumentError("repartitionByRange needs at least one column", {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    return this.#with(
      new RepartitionByExpression(
        this.#id(),
        this.#plan,
        all.map((c) => sortOrderOf(c)),
        n,
      ),
    );
  }

  /**
   * Fewer partitions without a shuffle.
   *
   * @example
   * ```ts
   * await spark.range(0, 10, 1, 4).coalesce(1).select(sparkPartitionId()).distinct().count(); // 1
   * ```
   */
  coalesce(numPartitions: number): DataFrame {
    return this.#with(
      new Repartition(this.#id(), this.#plan, checkCount(numPartitions, "numPartitions"), false),
    );
  }

  /**
   * Names this DataFrame, for qualified column references (`alias("t")` then `col("t.a")`).
   *
   * @example
   * ```ts
   * await spark.range(2).alias("t").select(col("t.id")).count(); // 2
   * ```
   */
  alias(name: string): DataFrame {
    return this.#with(new SubqueryAlias(this.#id(), this.#plan, name));
  }

  /**
   * A query hint such as `"broadcast"`. As in PySpark, one array argument is the parameter list
   * (`hint("h", [1, 2])` is `hint("h", 1, 2)`); an array among several parameters is one array
   * literal.
   *
   * @example
   * ```ts
   * await spark.range(3).join(spark.range(2).hint("broadcast"), "id").count(); // 2
   * ```
   */
  hint(name: string, ...parameters: (ColumnOrLiteral | readonly unknown[])[]): DataFrame {
    const list =
      parameters.length === 1 && Array.isArray(parameters[0])
        ? (parameters[0] as readonly unknown[])
        : parameters;
    return this.#with(
      new Hint(
        this.#id(),
        this.#plan,
        name,
        list.map((p) => toExpression(p)),
      ),
    );
  }

  /**
   * Unpivots value columns into `variableColumnName`/`valueColumnName` rows (all non-ids when values is null).
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(1).selectExpr("id", "1 AS a", "2 AS b").unpivot("id", ["a", "b"], "col", "val").collect()); // '[{"id":0,"col":"a","val":1},{"id":0,"col":"b","val":2}]'
   * ```
   */
  unpivot(
    ids: ColumnOrName | readonly ColumnOrName[],
    values: ColumnOrName | readonly ColumnOrName[] | null,
    variableColumnName: string,
    valueColumnName: string,
  ): DataFrame {
    const list = (v: ColumnOrName | readonly ColumnOrName[]) =>
      (Array.isArray(v) ? v : [v]) as ColumnOrName[];
    return this.#with(
      new Unpivot(
        this.#id(),
        this.#plan,
        list(ids).map((c) => toColumnExpression(c)),
        values === null ? undefined : list(values).map((c) => toColumnExpression(c)),
        variableColumnName,
        valueColumnName,
      ),
    );
  }
  /**
   * Alias of {@link unpivot}.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(1).selectExpr("id", "1 AS a", "2 AS b").melt("id", ["a", "b"], "col", "val").collect()); // '[{"id":0,"col":"a","val":1},{"id":0,"col":"b","val":2}]'
   * ```
   */
  melt(
    ids: ColumnOrName | readonly ColumnOrName[],
    values: ColumnOrName | readonly ColumnOrName[] | null,
    variableColumnName: string,
    valueColumnName: string,
  ): DataFrame {
    return this.unpivot(ids, values, variableColumnName, valueColumnName);
  }

  /**
   * Swaps rows and columns; the index column (default: the first) names the new columns.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(1).selectExpr("'x' AS k", "1 AS a", "2 AS b").transpose().collect()); // '[{"key":"a","x":1},{"key":"b","x":2}]'
   * ```
   */
  transpose(indexColumn?: ColumnOrName): DataFrame {
    return this.#with(
      new Transpose(
        this.#id(),
        this.#plan,
        indexColumn === undefined ? [] : [toColumnExpression(indexColumn)],
      ),
    );
  }

  /**
   * Observes named metrics while the query runs; read them from the {@link Observation} after an
   * action.
   *
   * @example
   * ```ts
   * const o = new Observation("m"); await spark.range(5).observe(o, count(lit(1)).alias("n")).collect(); JSON.stringify(await o.get()); // '{"n":5}'
   * ```
   */
  observe(observation: Observation | string, ...exprs: Column[]): DataFrame {
    if (exprs.length === 0) {
      throw new SparkArgumentError("observe needs at least one metric", {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    const name = typeof observation === "string" ? observation : observation.name;
    const df = this.#with(
      new CollectMetrics(
        this.#id(),
        this.#plan,
        name,
        exprs.map((e) => e.expr),
      ),
    );
    if (observation instanceof Observation) {
      observation.attach(planOf(df).planId);
      this.#internals.observations.set(name, observation);
    }
    return df;
  }

  /**
   * Count, mean, stddev, min and max of numeric and string columns (all when none named).
   *
   * @example
   * ```ts
   * (await spark.range(5).describe("id").collect()).map((r) => r.get("summary")); // ["count", "mean", "stddev", "min", "max"]
   * ```
   */
  describe(...cols: (string | readonly string[])[]): DataFrame {
    return this.#with(new StatDescribe(this.#id(), this.#plan, cols.flat() as string[]));
  }

  /**
   * Statistics by name: count, mean, stddev, min, max, percentiles like "25%", count_distinct…
   *
   * @example
   * ```ts
   * (await spark.range(5).summary("min", "max").collect()).map((r) => r.get("id")); // ["0", "4"]
   * ```
   */
  summary(...statistics: string[]): DataFrame {
    return this.#with(new StatSummary(this.#id(), this.#plan, statistics));
  }

  /**
   * Missing-value functions: `fill`, `drop`, `replace`.
   *
   * @example
   * ```ts
   * await spark.range(3).selectExpr("IF(id = 1, NULL, id) AS v").na.drop().count(); // 2
   * ```
   */
  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this.#internals, this.#plan);
  }

  /**
   * Statistics functions: `corr`, `cov`, `crosstab`, `freqItems`, `approxQuantile`, `sampleBy`.
   *
   * @example
   * ```ts
   * await spark.range(3).stat.cov("id", "id"); // 1
   * ```
   */
  get stat(): DataFrameStatFunctions {
    return new DataFrameStatFunctions(this.#internals, this.#plan);
  }

  /**
   * Alias of `na.fill`.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(2).selectExpr("IF(id = 0, NULL, id) AS v").fillna(9).collect()); // '[{"v":9},{"v":1}]'
   * ```
   */
  fillna(
    value: Parameters<DataFrameNaFunctions["fill"]>[0],
    subset?: readonly string[],
  ): DataFrame {
    return this.na.fill(value, subset);
  }
  /**
   * Alias of `na.drop`.
   *
   * @example
   * ```ts
   * await spark.range(3).selectExpr("IF(id = 1, NULL, id) AS v").dropna().count(); // 2
   * ```
   */
  dropna(options: Parameters<DataFrameNaFunctions["drop"]>[0] = {}): DataFrame {
    return this.na.drop(options);
  }
  /**
   * Alias of `na.replace`.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(3).replace(1, 10).collect()); // '[{"id":0},{"id":10},{"id":2}]'
   * ```
   */
  replace(
    toReplace: Parameters<DataFrameNaFunctions["replace"]>[0],
    value?: Parameters<DataFrameNaFunctions["replace"]>[1],
    subset?: readonly string[],
  ): DataFrame {
    return this.na.replace(toReplace, value, subset);
  }

  /**
   * Reconciles the DataFrame with a schema: reorders, casts and checks columns (`df.to(schema)`).
   *
   * @example
   * ```ts
   * await spark.range(1).to("id STRING").dtypes(); // [["id", "string"]]
   * ```
   */
  to(schema: StructType | string): DataFrame {
    const struct = typeof schema === "string" ? parseSchema(schema) : schema;
    if (!(struct instanceof StructTypeClass)) {
      throw new SparkArgumentError("to() needs a StructType or a DDL schema string", {
        errorClass: "NOT_STRUCT",
      });
    }
    return this.#with(new ToSchema(this.#id(), this.#plan, toProtoDataType(struct)));
  }

  /**
   * Sets an event-time watermark (streaming): `withWatermark("ts", "10 minutes")`.
   *
   * @example
   * ```ts
   * await spark.range(1).selectExpr("current_timestamp() AS ts").withWatermark("ts", "10 minutes").count(); // 1
   * ```
   */
  withWatermark(eventTime: string, delayThreshold: string): DataFrame {
    if (typeof eventTime !== "string" || typeof delayThreshold !== "string") {
      throw new SparkArgumentError("withWatermark takes a column name and a delay string", {
        errorClass: "NOT_STR",
      });
    }
    return this.#with(new WithWatermark(this.#id(), this.#plan, eventTime, delayThreshold));
  }

  /**
   * Shortcut of `stat.corr`.
   *
   * @example
   * ```ts
   * Math.round(await spark.range(10).selectExpr("id", "id * 2 AS y").corr("id", "y")); // 1
   * ```
   */
  corr(
    col1: string,
    col2: string,
    method = "pearson",
    options: ActionOptions = {},
  ): Promise<number> {
    return this.stat.corr(col1, col2, method, options);
  }
  /**
   * Shortcut of `stat.cov`.
   *
   * @example
   * ```ts
   * await spark.range(3).cov("id", "id"); // 1
   * ```
   */
  cov(col1: string, col2: string, options: ActionOptions = {}): Promise<number> {
    return this.stat.cov(col1, col2, options);
  }
  /**
   * Shortcut of `stat.crosstab`.
   *
   * @example
   * ```ts
   * await spark.range(4).selectExpr("id % 2 AS a", "id % 2 AS b").crosstab("a", "b").columns(); // ["a_b", "0", "1"]
   * ```
   */
  crosstab(col1: string, col2: string): DataFrame {
    return this.stat.crosstab(col1, col2);
  }
  /**
   * Shortcut of `stat.freqItems`.
   *
   * @example
   * ```ts
   * await spark.range(4).freqItems(["id"]).columns(); // ["id_freqItems"]
   * ```
   */
  freqItems(cols: readonly string[], support?: number): DataFrame {
    return this.stat.freqItems(cols, support);
  }
  /**
   * Shortcut of `stat.approxQuantile`.
   *
   * @example
   * ```ts
   * await spark.range(101).approxQuantile(["id"], [0.5], 0); // [[50]]
   * ```
   */
  approxQuantile(
    cols: readonly string[],
    probabilities: readonly number[],
    relativeError: number,
    options: ActionOptions = {},
  ): Promise<number[][]> {
    return this.stat.approxQuantile(cols, probabilities, relativeError, options);
  }
  /**
   * Shortcut of `stat.sampleBy`.
   *
   * @example
   * ```ts
   * await spark.range(10).selectExpr("IF(id % 2 = 0, 'even', 'odd') AS k").sampleBy("k", { even: 1.0 }, 3).count(); // 5
   * ```
   */
  sampleBy(
    col: string | Column,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<string | number | boolean, number>,
    seed?: number | bigint,
  ): DataFrame {
    return this.stat.sampleBy(col, fractions, seed);
  }
}
