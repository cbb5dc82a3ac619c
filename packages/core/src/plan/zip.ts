import { LogicalPlan, type RelationKind, type RelTypeInit } from "./logical-plan.js";

/**
 * Spark 4.3's `Zip`: the columns of two DataFrames side by side. The server requires both to be
 * the same plan apart from their outer projections (e.g. two `select`s of one DataFrame).
 */
export class Zip extends LogicalPlan {
  readonly kind = "zip" satisfies RelationKind;
  constructor(
    planId: number,
    readonly left: LogicalPlan,
    readonly right: LogicalPlan,
  ) {
    super(planId);
    Object.freeze(this);
  }
  protected relType(): RelTypeInit {
    return {
      case: "zip",
      value: {
        left: this.left.toRelation(),
        right: this.right.toRelation(),
      },
    };
  }
}
