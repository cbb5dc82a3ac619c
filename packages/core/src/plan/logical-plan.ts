import { create } from "@bufbuild/protobuf";
import { type Plan, PlanSchema } from "../gen/spark/connect/base_pb.js";
import { type Relation, RelationSchema } from "../gen/spark/connect/relations_pb.js";

/** The `kind` of a relation node: the protobuf oneof case it produces. */
export type RelationKind = Exclude<Relation["relType"]["case"], undefined>;

/**
 * An immutable relation node. `toRelation()` builds a fresh protobuf message on every call, with
 * the node's plan id (allocated by the session, so plans are reproducible in tests) in
 * `common.plan_id`.
 */
export abstract class LogicalPlan {
  abstract readonly kind: RelationKind;

  constructor(readonly planId: number) {}

  /** This node's own oneof value, with fresh protobuf children. */
  protected abstract relType(): Relation["relType"];

  /** The relation, built fresh. */
  toRelation(): Relation {
    return create(RelationSchema, {
      common: { planId: BigInt(this.planId) },
      relType: this.relType(),
    });
  }

  /** The relation wrapped as the root of a `Plan`, built fresh. */
  toPlan(): Plan {
    return create(PlanSchema, { opType: { case: "root", value: this.toRelation() } });
  }
}
