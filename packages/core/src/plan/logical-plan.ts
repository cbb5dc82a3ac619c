import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Plan, PlanSchema } from "../gen/spark/connect/base_pb.js";
import { type Relation, RelationSchema } from "../gen/spark/connect/relations_pb.js";

/** The `kind` of a relation node: the protobuf oneof case it produces. */
export type RelationKind = Exclude<Relation["relType"]["case"], undefined>;

/**
 * A relation's oneof as a protobuf init shape: `{ case, value }` where `value` names only the
 * fields it sets (no `$typeName`, no empty defaults); `create()` fills in the rest.
 */
export type RelTypeInit = NonNullable<MessageInitShape<typeof RelationSchema>["relType"]>;

/** The init shape of the message of the relation case `K` (e.g. `"filter"` → `Filter`). */
export type RelationInit<K extends RelationKind> = Extract<RelTypeInit, { case: K }>["value"];

/** The fields of a one-input relation's message besides `input`. */
export type OneInputFields<K extends RelationKind> = Omit<RelationInit<K>, "input">;

/**
 * An immutable relation node. `toRelation()` builds a fresh protobuf message on every call, with
 * the node's plan id (allocated by the session, so plans are reproducible in tests) in
 * `common.plan_id`.
 */
export abstract class LogicalPlan {
  abstract readonly kind: RelationKind;

  constructor(readonly planId: number) {}

  /** This node's own oneof value (an init shape), with fresh protobuf children. */
  protected abstract relType(): RelTypeInit;

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

/**
 * A relation with one input (`Filter`, `Project`, `Limit`…): its message is the input, built
 * fresh, plus {@link fields}. A new one-input relation is a constructor and a `fields()`:
 *
 * ```ts
 * class Limit extends OneInputPlan<"limit"> {
 *   readonly kind = "limit";
 *   constructor(planId: number, input: LogicalPlan, readonly limit: number) {
 *     super(planId, input);
 *     Object.freeze(this);
 *   }
 *   protected fields(): OneInputFields<"limit"> {
 *     return { limit: this.limit };
 *   }
 * }
 * ```
 */
export abstract class OneInputPlan<K extends RelationKind> extends LogicalPlan {
  abstract override readonly kind: K;

  constructor(
    planId: number,
    readonly input: LogicalPlan,
  ) {
    super(planId);
  }

  /** The message's fields besides `input`, built fresh on every call. */
  protected abstract fields(): OneInputFields<K>;

  protected relType(): RelTypeInit {
    // One cast for every subclass: `kind` and `fields()` agree on K, which TypeScript cannot
    // carry through a union of { case, value } pairs.
    return {
      case: this.kind,
      value: { input: this.input.toRelation(), ...this.fields() },
    } as RelTypeInit;
  }
}
