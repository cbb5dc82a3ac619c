import type { Column } from "./column.js";
import { toColumnExpression } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import type { FacadeInternals } from "./dataframe-base.js";
import { SparkArgumentError } from "./errors.js";
import type { ActionOptions } from "./execution.js";
import { Literal } from "./expressions/literal.js";
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

  /** A stratified sample: per value of `col`, the fraction of its rows to keep. */
  sampleBy(
    col: string | Column,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<string | number | boolean, number>,
    seed?: number | bigint,
  ): DataFrame {
    const entries = fractions instanceof Map ? [...fractions.entries()] : Object.entries(fractions);
    for (const [, f] of entries) {
      if (typeof f !== "number" || f < 0 || f > 1) {
        throw new SparkArgumentError("fractions must be numbers from 0 to 1", {
          errorClass: "NOT_FLOAT_OR_INT",
          messageParameters: { arg_name: "fractions" },
        });
      }
    }
    const s = seed === undefined ? randomSeed() : BigInt(seed);
    return this.#internals.dataFrame(
      new StatSampleBy(
        this.#internals.nextPlanId(),
        this.#plan,
        toColumnExpression(col, "col"),
        entries.map(([k, f]) => [new Literal(k), f] as const),
        s,
      ),
    );
  }
}
