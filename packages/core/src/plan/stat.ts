import type { Expression } from "../expressions/expression.js";
import type { Literal } from "../expressions/literal.js";
import {
  type LogicalPlan,
  type OneInputFields,
  OneInputPlan,
  type RelationKind,
} from "./logical-plan.js";

const frozen = <T>(xs: readonly T[]): readonly T[] => Object.freeze([...xs]);

/** `df.na.fill`: replace nulls in the columns (all when empty) by values. */
export class FillNa extends OneInputPlan<"fillNa"> {
  readonly kind = "fillNa" satisfies RelationKind;
  readonly cols: readonly string[];
  readonly values: readonly Literal[];
  constructor(
    planId: number,
    input: LogicalPlan,
    cols: readonly string[],
    values: readonly Literal[],
  ) {
    super(planId, input);
    this.cols = frozen(cols);
    this.values = frozen(values);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"fillNa"> {
    return {
      cols: [...this.cols],
      values: this.values.map((v) => v.toLiteral()),
    };
  }
}

/** `df.na.drop`: drop rows with fewer than `minNonNulls` non-null values in the columns. */
export class DropNa extends OneInputPlan<"dropNa"> {
  readonly kind = "dropNa" satisfies RelationKind;
  readonly cols: readonly string[];
  constructor(
    planId: number,
    input: LogicalPlan,
    cols: readonly string[],
    readonly minNonNulls?: number,
  ) {
    super(planId, input);
    this.cols = frozen(cols);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"dropNa"> {
    return {
      cols: [...this.cols],
      ...(this.minNonNulls === undefined ? {} : { minNonNulls: this.minNonNulls }),
    };
  }
}

/** `df.na.replace`: replace values in the columns (all when empty). */
export class ReplaceNa extends OneInputPlan<"replace"> {
  readonly kind = "replace" satisfies RelationKind;
  readonly cols: readonly string[];
  readonly replacements: readonly (readonly [Literal, Literal])[];
  constructor(
    planId: number,
    input: LogicalPlan,
    cols: readonly string[],
    replacements: readonly (readonly [Literal, Literal])[],
  ) {
    super(planId, input);
    this.cols = frozen(cols);
    this.replacements = Object.freeze(replacements.map(([a, b]) => Object.freeze([a, b] as const)));
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"replace"> {
    return {
      cols: [...this.cols],
      replacements: this.replacements.map(([oldValue, newValue]) => ({
        oldValue: oldValue.toLiteral(),
        newValue: newValue.toLiteral(),
      })),
    };
  }
}

/** `df.summary(...statistics)`. */
export class StatSummary extends OneInputPlan<"summary"> {
  readonly kind = "summary" satisfies RelationKind;
  readonly statistics: readonly string[];
  constructor(planId: number, input: LogicalPlan, statistics: readonly string[]) {
    super(planId, input);
    this.statistics = frozen(statistics);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"summary"> {
    return {
      statistics: [...this.statistics],
    };
  }
}

/** `df.describe(...cols)`. */
export class StatDescribe extends OneInputPlan<"describe"> {
  readonly kind = "describe" satisfies RelationKind;
  readonly cols: readonly string[];
  constructor(planId: number, input: LogicalPlan, cols: readonly string[]) {
    super(planId, input);
    this.cols = frozen(cols);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"describe"> {
    return {
      cols: [...this.cols],
    };
  }
}

/** `df.stat.crosstab(col1, col2)`. */
export class StatCrosstab extends OneInputPlan<"crosstab"> {
  readonly kind = "crosstab" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly col1: string,
    readonly col2: string,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"crosstab"> {
    return {
      col1: this.col1,
      col2: this.col2,
    };
  }
}

/** `df.stat.cov(col1, col2)`. */
export class StatCov extends OneInputPlan<"cov"> {
  readonly kind = "cov" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly col1: string,
    readonly col2: string,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"cov"> {
    return {
      col1: this.col1,
      col2: this.col2,
    };
  }
}

/** `df.stat.corr(col1, col2, method)`. */
export class StatCorr extends OneInputPlan<"corr"> {
  readonly kind = "corr" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly col1: string,
    readonly col2: string,
    readonly method = "pearson",
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"corr"> {
    return {
      col1: this.col1,
      col2: this.col2,
      method: this.method,
    };
  }
}

/** `df.stat.approxQuantile(cols, probabilities, relativeError)`. */
export class StatApproxQuantile extends OneInputPlan<"approxQuantile"> {
  readonly kind = "approxQuantile" satisfies RelationKind;
  readonly cols: readonly string[];
  readonly probabilities: readonly number[];
  constructor(
    planId: number,
    input: LogicalPlan,
    cols: readonly string[],
    probabilities: readonly number[],
    readonly relativeError: number,
  ) {
    super(planId, input);
    this.cols = frozen(cols);
    this.probabilities = frozen(probabilities);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"approxQuantile"> {
    return {
      cols: [...this.cols],
      probabilities: [...this.probabilities],
      relativeError: this.relativeError,
    };
  }
}

/** `df.stat.freqItems(cols, support)`. */
export class StatFreqItems extends OneInputPlan<"freqItems"> {
  readonly kind = "freqItems" satisfies RelationKind;
  readonly cols: readonly string[];
  constructor(
    planId: number,
    input: LogicalPlan,
    cols: readonly string[],
    readonly support?: number,
  ) {
    super(planId, input);
    this.cols = frozen(cols);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"freqItems"> {
    return {
      cols: [...this.cols],
      ...(this.support === undefined ? {} : { support: this.support }),
    };
  }
}

/** `df.stat.sampleBy(col, fractions, seed)`: a stratified sample. */
export class StatSampleBy extends OneInputPlan<"sampleBy"> {
  readonly kind = "sampleBy" satisfies RelationKind;
  readonly fractions: readonly (readonly [Literal, number])[];
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly column: Expression,
    fractions: readonly (readonly [Literal, number])[],
    readonly seed: bigint,
  ) {
    super(planId, input);
    this.fractions = Object.freeze(fractions.map(([s, f]) => Object.freeze([s, f] as const)));
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"sampleBy"> {
    return {
      col: this.column.toProto(),
      fractions: this.fractions.map(([stratum, fraction]) => ({
        stratum: stratum.toLiteral(),
        fraction,
      })),
      seed: this.seed,
    };
  }
}
