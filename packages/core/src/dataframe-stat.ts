import type { Column } from "./column.js";
import { toColumnExpression } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import type { FacadeInternals } from "./dataframe-base.js";
import { SparkArgumentError } from "./errors.js";
import type { ActionOptions } from "./execution.js";
import { Literal } from "./expressions/literal.js";
import { Cast } from "./expressions/nodes.js";
import { randomSeed } from "./functions/args.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import {
  StatApproxQuantile,
  StatCorr,
  StatCov,
  StatCrosstab,
  StatFreqItems,
  StatSampleBy,
} from "./plan/stat.js";

function checkName(v: unknown, what: string): string {
  if (typeof v !== "string") {
    throw new SparkArgumentError(`${what} must be a column name`, {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: what },
    });
  }
  return v;
}

/** Statistics functions of a DataFrame (`df.stat`). */
export class DataFrameStatFunctions {
  readonly #internals: FacadeInternals;
  readonly #plan: LogicalPlan;
  /** @internal */
  constructor(internals: FacadeInternals, plan: LogicalPlan) {
    this.#internals = internals;
    this.#plan = plan;
    Object.freeze(this);
  }

  async #single(plan: LogicalPlan, options: ActionOptions): Promise<number> {
    const rows = await this.#internals.dataFrame(plan).collect(options);
    return rows[0]?.[0] as number;
  }

  /** The correlation of two columns (only "pearson" is supported by Spark). */
  async corr(
    col1: string,
    col2: string,
    method = "pearson",
    options: ActionOptions = {},
  ): Promise<number> {
    if (method !== "pearson") {
      throw new SparkArgumentError(`only the pearson correlation is supported, not ${method}`, {
        errorClass: "VALUE_NOT_PEARSON",
        messageParameters: { arg_name: "method", arg_value: method },
      });
    }
    return this.#single(
      new StatCorr(
        this.#internals.nextPlanId(),
        this.#plan,
        checkName(col1, "col1"),
        checkName(col2, "col2"),
        method,
      ),
      options,
    );
  }

  /** The sample covariance of two columns. */
  async cov(col1: string, col2: string, options: ActionOptions = {}): Promise<number> {
    return this.#single(
      new StatCov(
        this.#internals.nextPlanId(),
        this.#plan,
        checkName(col1, "col1"),
        checkName(col2, "col2"),
      ),
      options,
    );
  }

  /** A contingency table of two columns. */
  crosstab(col1: string, col2: string): DataFrame {
    return this.#internals.dataFrame(
      new StatCrosstab(
        this.#internals.nextPlanId(),
        this.#plan,
        checkName(col1, "col1"),
        checkName(col2, "col2"),
      ),
    );
  }

  /** Frequent items of columns (support: minimum frequency, default 1%). */
  freqItems(cols: readonly string[], support?: number): DataFrame {
    return this.#internals.dataFrame(
      new StatFreqItems(
        this.#internals.nextPlanId(),
        this.#plan,
        cols.map((c) => checkName(c, "cols")),
        support,
      ),
    );
  }

  /**
   * Approximate quantiles of numeric columns: one list per column, one value per probability.
   * With one column name (not a list), one list of values.
   */
  async approxQuantile(
    col: string,
    probabilities: readonly number[],
    relativeError: number,
    options?: ActionOptions,
  ): Promise<number[]>;
  async approxQuantile(
    cols: readonly string[],
    probabilities: readonly number[],
    relativeError: number,
    options?: ActionOptions,
  ): Promise<number[][]>;
  async approxQuantile(
    cols: string | readonly string[],
    probabilities: readonly number[],
    relativeError: number,
    options: ActionOptions = {},
  ): Promise<number[] | number[][]> {
    const names = typeof cols === "string" ? [cols] : [...cols];
    for (const p of probabilities) {
      if (typeof p !== "number" || p < 0 || p > 1) {
        throw new SparkArgumentError("probabilities must be numbers from 0 to 1", {
          errorClass: "NOT_LIST_OF_FLOAT_OR_INT",
          messageParameters: { arg_name: "probabilities" },
        });
      }
    }
    if (typeof relativeError !== "number" || relativeError < 0) {
      throw new SparkArgumentError("relativeError must be a number ≥ 0", {
        errorClass: "NEGATIVE_VALUE",
        messageParameters: { arg_name: "relativeError" },
      });
    }
    const rows = await this.#internals
      .dataFrame(
        new StatApproxQuantile(
          this.#internals.nextPlanId(),
          this.#plan,
          names.map((c) => checkName(c, "col")),
          probabilities,
          relativeError,
        ),
      )
      .collect(options);
    const result = (rows[0]?.[0] ?? []) as number[][];
    return typeof cols === "string" ? (result[0] ?? []) : result;
  }

  /**
   * A stratified sample: per value of `col` (a stratum), the fraction of its rows to keep; rows
   * of strata not listed are dropped. The seed (default: a random one) is a whole number within
   * the range of a 64-bit long.
   *
   * With a `Map`, the keys are sent as literals of their JS types (numbers, bigints, booleans,
   * strings), as PySpark sends a dict's keys, and Spark matches them against the column's values
   * (numbers of any numeric type match a numeric column). A plain object's keys are always strings
   * in JavaScript (`{ 0: 0.5 }` has the key `"0"`), so with a plain object the column is compared
   * by its string form, `CAST(col AS STRING)`: `{ 0: 0.5 }` samples the stratum 0 of a bigint
   * column, `{ true: 0.5 }` the true stratum of a boolean one, `{ "2026-01-31": 0.5 }` a date.
   * Spark's string form of a double or decimal has its fraction digits (`"1.0"`), so for those
   * columns use a `Map` with number keys.
   *
   * @example
   * ```ts
   * const df = spark.range(100).select(col("id").mod(3).alias("key"));
   * await df.stat.sampleBy("key", { 0: 0.1, 1: 0.2 }, 0).count();                // as PySpark's
   * await df.stat.sampleBy("key", new Map([[0, 0.1], [1, 0.2]]), 0).count();     // the same rows
   * ```
   */
  sampleBy(
    col: string | Column,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<string | number | boolean, number>,
    seed?: number | bigint,
  ): DataFrame {
    const isMap = fractions instanceof Map;
    if (!isMap && (typeof fractions !== "object" || fractions === null)) {
      throw new SparkArgumentError("fractions must be a Map or an object of strata to fractions", {
        errorClass: "NOT_DICT",
        messageParameters: { arg_name: "fractions", arg_type: typeof fractions },
      });
    }
    const entries = isMap ? [...fractions.entries()] : Object.entries(fractions);
    for (const [, f] of entries) {
      if (typeof f !== "number" || !(f >= 0 && f <= 1)) {
        throw new SparkArgumentError("fractions must be numbers from 0 to 1", {
          errorClass: "NOT_FLOAT_OR_INT",
          messageParameters: { arg_name: "fractions" },
        });
      }
    }
    const s = seed === undefined ? randomSeed() : seedArg(seed);
    const column = toColumnExpression(col, "col");
    return this.#internals.dataFrame(
      new StatSampleBy(
        this.#internals.nextPlanId(),
        this.#plan,
        isMap ? column : new Cast(column, "string"),
        entries.map(([k, f]) => [new Literal(k), f] as const),
        s,
      ),
    );
  }
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * A random seed: a whole number or bigint within a 64-bit long (Spark's `Long` seed).
 *
 * @throws SparkArgumentError `NOT_INT` for NaN, a fraction or another type, `VALUE_OUT_OF_BOUNDS`
 *   beyond the range of a long.
 */
export function seedArg(seed: unknown): bigint {
  const shown = typeof seed === "bigint" ? `${seed}n` : String(seed);
  if ((typeof seed !== "number" || !Number.isInteger(seed)) && typeof seed !== "bigint") {
    throw new SparkArgumentError(`seed must be a whole number, not ${shown}`, {
      errorClass: "NOT_INT",
      messageParameters: { arg_name: "seed", arg_type: typeof seed },
    });
  }
  const big = BigInt(seed);
  if (big < LONG_MIN || big > LONG_MAX) {
    throw new SparkArgumentError(`seed must be within the range of a 64-bit long, not ${shown}`, {
      errorClass: "VALUE_OUT_OF_BOUNDS",
      messageParameters: {
        arg_name: "seed",
        lower_bound: String(LONG_MIN),
        upper_bound: String(LONG_MAX),
        actual: String(big),
      },
    });
  }
  return big;
}
