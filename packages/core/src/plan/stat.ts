import type { Expression } from "../expressions/expression.js";
import type { Literal } from "../expressions/literal.js";
import type { Relation } from "../gen/spark/connect/relations_pb.js";
import { LogicalPlan, type RelationKind } from "./logical-plan.js";

const frozen = <T>(xs: readonly T[]): readonly T[] => Object.freeze([...xs]);

/** `df.na.fill`: replace nulls in the columns (all when empty) by values. */
export class FillNa extends LogicalPlan {
  readonly kind = "fillNa" satisfies RelationKind;
  readonly cols: readonly string[];
  readonly values: readonly Literal[];
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    cols: readonly string[],
    values: readonly Literal[],
  ) {
    super(planId);
    this.cols = frozen(cols);
    this.values = frozen(values);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "fillNa",
      value: {
        $typeName: "spark.connect.NAFill",
        input: this.input.toRelation(),
        cols: [...this.cols],
        values: this.values.map((v) => v.toLiteral()),
      },
    };
  }
}

/** `df.na.drop`: drop rows with fewer than `minNonNulls` non-null values in the columns. */
export class DropNa extends LogicalPlan {
  readonly kind = "dropNa" satisfies RelationKind;
  readonly cols: readonly string[];
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    cols: readonly string[],
    readonly minNonNulls?: number,
  ) {
    super(planId);
    this.cols = frozen(cols);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "dropNa",
      value: {
        $typeName: "spark.connect.NADrop",
        input: this.input.toRelation(),
        cols: [...this.cols],
        ...(this.minNonNulls === undefined ? {} : { minNonNulls: this.minNonNulls }),
      },
    };
  }
}

/** `df.na.replace`: replace values in the columns (all when empty). */
export class ReplaceNa extends LogicalPlan {
  readonly kind = "replace" satisfies RelationKind;
  readonly cols: readonly string[];
  readonly replacements: readonly (readonly [Literal, Literal])[];
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    cols: readonly string[],
    replacements: readonly (readonly [Literal, Literal])[],
  ) {
    super(planId);
    this.cols = frozen(cols);
    this.replacements = Object.freeze(replacements.map(([a, b]) => Object.freeze([a, b] as const)));
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "replace",
      value: {
        $typeName: "spark.connect.NAReplace",
        input: this.input.toRelation(),
        cols: [...this.cols],
        replacements: this.replacements.map(([oldValue, newValue]) => ({
          $typeName: "spark.connect.NAReplace.Replacement" as const,
          oldValue: oldValue.toLiteral(),
          newValue: newValue.toLiteral(),
        })),
      },
    };
  }
}

/** `df.summary(...statistics)`. */
export class StatSummary extends LogicalPlan {
  readonly kind = "summary" satisfies RelationKind;
  readonly statistics: readonly string[];
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    statistics: readonly string[],
  ) {
    super(planId);
    this.statistics = frozen(statistics);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "summary",
      value: {
        $typeName: "spark.connect.StatSummary",
        input: this.input.toRelation(),
        statistics: [...this.statistics],
      },
    };
  }
}

/** `df.describe(...cols)`. */
export class StatDescribe extends LogicalPlan {
  readonly kind = "describe" satisfies RelationKind;
  readonly cols: readonly string[];
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    cols: readonly string[],
  ) {
    super(planId);
    this.cols = frozen(cols);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "describe",
      value: {
        $typeName: "spark.connect.StatDescribe",
        input: this.input.toRelation(),
        cols: [...this.cols],
      },
    };
  }
}

/** `df.stat.crosstab(col1, col2)`. */
export class StatCrosstab extends LogicalPlan {
  readonly kind = "crosstab" satisfies RelationKind;
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    readonly col1: string,
    readonly col2: string,
  ) {
    super(planId);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "crosstab",
      value: {
        $typeName: "spark.connect.StatCrosstab",
        input: this.input.toRelation(),
        col1: this.col1,
        col2: this.col2,
      },
    };
  }
}

/** `df.stat.cov(col1, col2)`. */
export class StatCov extends LogicalPlan {
  readonly kind = "cov" satisfies RelationKind;
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    readonly col1: string,
    readonly col2: string,
  ) {
    super(planId);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "cov",
      value: {
        $typeName: "spark.connect.StatCov",
        input: this.input.toRelation(),
        col1: this.col1,
        col2: this.col2,
      },
    };
  }
}

/** `df.stat.corr(col1, col2, method)`. */
export class StatCorr extends LogicalPlan {
  readonly kind = "corr" satisfies RelationKind;
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    readonly col1: string,
    readonly col2: string,
    readonly method = "pearson",
  ) {
    super(planId);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "corr",
      value: {
        $typeName: "spark.connect.StatCorr",
        input: this.input.toRelation(),
        col1: this.col1,
        col2: this.col2,
        method: this.method,
      },
    };
  }
}

/** `df.stat.approxQuantile(cols, probabilities, relativeError)`. */
export class StatApproxQuantile extends LogicalPlan {
  readonly kind = "approxQuantile" satisfies RelationKind;
  readonly cols: readonly string[];
  readonly probabilities: readonly number[];
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    cols: readonly string[],
    probabilities: readonly number[],
    readonly relativeError: number,
  ) {
    super(planId);
    this.cols = frozen(cols);
    this.probabilities = frozen(probabilities);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "approxQuantile",
      value: {
        $typeName: "spark.connect.StatApproxQuantile",
        input: this.input.toRelation(),
        cols: [...this.cols],
        probabilities: [...this.probabilities],
        relativeError: this.relativeError,
      },
    };
  }
}

/** `df.stat.freqItems(cols, support)`. */
export class StatFreqItems extends LogicalPlan {
  readonly kind = "freqItems" satisfies RelationKind;
  readonly cols: readonly string[];
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    cols: readonly string[],
    readonly support?: number,
  ) {
    super(planId);
    this.cols = frozen(cols);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "freqItems",
      value: {
        $typeName: "spark.connect.StatFreqItems",
        input: this.input.toRelation(),
        cols: [...this.cols],
        ...(this.support === undefined ? {} : { support: this.support }),
      },
    };
  }
}

/** `df.stat.sampleBy(col, fractions, seed)`: a stratified sample. */
export class StatSampleBy extends LogicalPlan {
  readonly kind = "sampleBy" satisfies RelationKind;
  readonly fractions: readonly (readonly [Literal, number])[];
  constructor(
    planId: number,
    readonly input: LogicalPlan,
    readonly column: Expression,
    fractions: readonly (readonly [Literal, number])[],
    readonly seed: bigint,
  ) {
    super(planId);
    this.fractions = Object.freeze(fractions.map(([s, f]) => Object.freeze([s, f] as const)));
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "sampleBy",
      value: {
        $typeName: "spark.connect.StatSampleBy",
        input: this.input.toRelation(),
        col: this.column.toProto(),
        fractions: this.fractions.map(([stratum, fraction]) => ({
          $typeName: "spark.connect.StatSampleBy.Fraction" as const,
          stratum: stratum.toLiteral(),
          fraction,
        })),
        seed: this.seed,
      },
    };
  }
}
