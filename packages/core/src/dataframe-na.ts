import type { DataFrame } from "./dataframe.js";
import type { FacadeInternals } from "./dataframe-base.js";
import { SparkArgumentError } from "./errors.js";
import { Literal } from "./expressions/literal.js";

/**
 * A fill value as the server's fill accepts it: long, double, string or boolean (whole numbers
 * become longs, as Python ints do in PySpark).
 */
function fillLiteral(v: NaValue): Literal {
  return new Literal(typeof v === "number" && Number.isInteger(v) ? BigInt(v) : v);
}

import type { LogicalPlan } from "./plan/logical-plan.js";
import { DropNa, FillNa, ReplaceNa } from "./plan/stat.js";

/** A value `fill` and `replace` accept. */
export type NaValue = boolean | number | bigint | string;

function checkValue(v: unknown, what: string): asserts v is NaValue | null {
  if (v !== null && !["boolean", "number", "bigint", "string"].includes(typeof v)) {
    throw new SparkArgumentError(`${what} must be a boolean, number, bigint or string`, {
      errorClass: "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR",
      messageParameters: { arg_name: what },
    });
  }
}

function checkSubset(subset: readonly string[] | string | undefined): string[] {
  if (subset === undefined) return [];
  const list = typeof subset === "string" ? [subset] : [...subset];
  if (list.some((c) => typeof c !== "string")) {
    throw new SparkArgumentError("subset must be column names", {
      errorClass: "NOT_LIST_OR_STR_OR_TUPLE",
      messageParameters: { arg_name: "subset" },
    });
  }
  return list;
}

/** Missing-value functions of a DataFrame (`df.na`). */
export class DataFrameNaFunctions {
  readonly #internals: FacadeInternals;
  readonly #plan: LogicalPlan;
  /** @internal */
  constructor(internals: FacadeInternals, plan: LogicalPlan) {
    this.#internals = internals;
    this.#plan = plan;
    Object.freeze(this);
  }

  /**
   * Replaces nulls: with one value in every column of a matching type (or in `subset`), or per
   * column with a record `{ column: value }`.
   */
  fill(
    value: NaValue | Readonly<Record<string, NaValue>>,
    subset?: readonly string[] | string,
  ): DataFrame {
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      if (entries.length === 0) {
        throw new SparkArgumentError("fill's record of values is empty", {
          errorClass: "CANNOT_BE_EMPTY",
        });
      }
      for (const [, v] of entries) checkValue(v, "value");
      return this.#internals.dataFrame(
        new FillNa(
          this.#internals.nextPlanId(),
          this.#plan,
          entries.map(([k]) => k),
          entries.map(([, v]) => fillLiteral(v)),
        ),
      );
    }
    checkValue(value, "value");
    if (value === null) {
      throw new SparkArgumentError("fill's value must not be null", {
        errorClass: "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR",
      });
    }
    return this.#internals.dataFrame(
      new FillNa(this.#internals.nextPlanId(), this.#plan, checkSubset(subset), [
        fillLiteral(value),
      ]),
    );
  }

  /**
   * Drops rows with nulls: `how: "any"` (default) drops a row with any null, `"all"` only rows
   * of nulls; `thresh` keeps rows with at least that many non-nulls (and wins over `how`).
   */
  drop(
    options: { how?: "any" | "all"; thresh?: number; subset?: readonly string[] | string } = {},
  ): DataFrame {
    const cols = checkSubset(options.subset);
    let min: number | undefined;
    if (options.thresh !== undefined) {
      if (!Number.isInteger(options.thresh) || options.thresh < 0) {
        throw new SparkArgumentError("thresh must be a whole number ≥ 0", {
          errorClass: "NOT_INT",
        });
      }
      min = options.thresh;
    } else if ((options.how ?? "any") === "all") {
      min = 1;
    } else if (options.how !== undefined && options.how !== "any") {
      throw new SparkArgumentError(
        `how must be "any" or "all", not ${JSON.stringify(options.how)}`,
        {
          errorClass: "VALUE_NOT_ANY_OR_ALL",
          messageParameters: { arg_name: "how", arg_value: String(options.how) },
        },
      );
    }
    return this.#internals.dataFrame(
      new DropNa(this.#internals.nextPlanId(), this.#plan, cols, min),
    );
  }

  /**
   * Replaces values: `replace(old, new)`, `replace([a, b], [x, y])`, `replace([a, b], x)` or
   * `replace({ a: x, b: y })`; null values are allowed on both sides.
   */
  replace(
    toReplace:
      | NaValue
      | null
      | readonly (NaValue | null)[]
      | Readonly<Record<string, NaValue | null>>,
    value?: NaValue | null | readonly (NaValue | null)[],
    subset?: readonly string[] | string,
  ): DataFrame {
    let pairs: [unknown, unknown][];
    if (toReplace !== null && typeof toReplace === "object" && !Array.isArray(toReplace)) {
      pairs = Object.entries(toReplace);
    } else {
      const olds = Array.isArray(toReplace) ? [...toReplace] : [toReplace];
      if (value === undefined) {
        throw new SparkArgumentError("replace needs a value unless to_replace is a record", {
          errorClass: "ARGUMENT_REQUIRED",
          messageParameters: { arg_name: "value" },
        });
      }
      const news = Array.isArray(value) ? [...value] : olds.map(() => value);
      if (news.length !== olds.length) {
        throw new SparkArgumentError("to_replace and value lists must have the same length", {
          errorClass: "LENGTH_SHOULD_BE_THE_SAME",
        });
      }
      pairs = olds.map((o, i) => [o, news[i]]);
    }
    for (const [o, n] of pairs) {
      checkValue(o, "to_replace");
      checkValue(n, "value");
    }
    return this.#internals.dataFrame(
      new ReplaceNa(
        this.#internals.nextPlanId(),
        this.#plan,
        checkSubset(subset),
        pairs.map(([o, n]) => [new Literal(o), new Literal(n)] as const),
      ),
    );
  }
}
