import type { Relation } from "../gen/spark/connect/relations_pb.js";
import { LogicalPlan } from "./logical-plan.js";

/**
 * Spark 4.3's `Zip`: the columns of two DataFrames side by side. The server requires both to be
 * the same plan apart from their outer projections (e.g. two `select`s of one DataFrame).
 */
export class Zip extends LogicalPlan {
  readonly kind = "zip";
  constructor(
    planId: number,
    readonly left: LogicalPlan,
    readonly right: LogicalPlan,
  ) {
    super(planId);
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return {
      case: "zip",
      value: {
        $typeName: "spark.connect.Zip",
        left: this.left.toRelation(),
        right: this.right.toRelation(),
      },
    };
  }
}
