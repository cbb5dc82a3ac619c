/**
 * Relations with inputs: one-input nodes (each a small {@link OneInputPlan}), joins and set
 * operations, and aggregation. The leaves (SQL, ranges, tables, files, local data) are in
 * `sources.ts`.
 *
 * @module
 */
import { clone } from "@bufbuild/protobuf";
import type { Expression } from "../expressions/expression.js";
import type { Literal } from "../expressions/literal.js";
import type { Alias, SortOrder } from "../expressions/nodes.js";
import {
  Aggregate_GroupType,
  Join_JoinType,
  SetOperation_SetOpType,
} from "../gen/spark/connect/relations_pb.js";
import { DataTypeSchema, type DataType as ProtoDataType } from "../gen/spark/connect/types_pb.js";
import {
  LogicalPlan,
  type OneInputFields,
  OneInputPlan,
  type RelationKind,
  type RelTypeInit,
} from "./logical-plan.js";

const protos = (exprs: readonly Expression[]) => exprs.map((e) => e.toProto());
const frozen = <T>(xs: readonly T[]): readonly T[] => Object.freeze([...xs]);

// Transformations with one input ----------------------------------------------------------------

/** `SELECT expressions FROM input`. */
export class Project extends OneInputPlan<"project"> {
  readonly kind = "project" satisfies RelationKind;
  readonly expressions: readonly Expression[];
  constructor(planId: number, input: LogicalPlan, expressions: readonly Expression[]) {
    super(planId, input);
    this.expressions = frozen(expressions);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"project"> {
    return {
      expressions: protos(this.expressions),
    };
  }
}

/** `WHERE condition`. */
export class Filter extends OneInputPlan<"filter"> {
  readonly kind = "filter" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly condition: Expression,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"filter"> {
    return {
      condition: this.condition.toProto(),
    };
  }
}

/** `ORDER BY` (global) or `SORT BY` (within partitions). */
export class Sort extends OneInputPlan<"sort"> {
  readonly kind = "sort" satisfies RelationKind;
  readonly order: readonly SortOrder[];
  constructor(
    planId: number,
    input: LogicalPlan,
    order: readonly SortOrder[],
    readonly isGlobal: boolean,
  ) {
    super(planId, input);
    this.order = frozen(order);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"sort"> {
    return {
      order: this.order.map((o) => o.toSortOrder()),
      isGlobal: this.isGlobal,
    };
  }
}

/** `LIMIT n`. */
export class Limit extends OneInputPlan<"limit"> {
  readonly kind = "limit" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly limit: number,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"limit"> {
    return {
      limit: this.limit,
    };
  }
}

/** `OFFSET n`. */
export class Offset extends OneInputPlan<"offset"> {
  readonly kind = "offset" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly offset: number,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"offset"> {
    return {
      offset: this.offset,
    };
  }
}

/** The last n rows. */
export class Tail extends OneInputPlan<"tail"> {
  readonly kind = "tail" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly limit: number,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"tail"> {
    return { limit: this.limit };
  }
}

/** `DISTINCT` over all columns, or over a subset of column names. */
export class Deduplicate extends OneInputPlan<"deduplicate"> {
  readonly kind = "deduplicate" satisfies RelationKind;
  readonly columnNames: readonly string[] | undefined;
  constructor(
    planId: number,
    input: LogicalPlan,
    columnNames: readonly string[] | undefined,
    readonly withinWatermark = false,
  ) {
    super(planId, input);
    this.columnNames = columnNames && frozen(columnNames);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"deduplicate"> {
    return {
      columnNames: [...(this.columnNames ?? [])],
      ...(this.columnNames === undefined ? { allColumnsAsKeys: true } : {}),
      ...(this.withinWatermark ? { withinWatermark: true } : {}),
    };
  }
}

/** A random sample of the rows: those whose random value falls in [lower, upper). */
export class Sample extends OneInputPlan<"sample"> {
  readonly kind = "sample" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly lowerBound: number,
    readonly upperBound: number,
    readonly withReplacement: boolean,
    readonly seed: bigint | undefined,
    readonly deterministicOrder = false,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"sample"> {
    return {
      lowerBound: this.lowerBound,
      upperBound: this.upperBound,
      withReplacement: this.withReplacement,
      ...(this.seed === undefined ? {} : { seed: this.seed }),
      deterministicOrder: this.deterministicOrder,
    };
  }
}

/** `input AS alias`. */
export class SubqueryAlias extends OneInputPlan<"subqueryAlias"> {
  readonly kind = "subqueryAlias" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly alias: string,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"subqueryAlias"> {
    return {
      alias: this.alias,
    };
  }
}

/** `repartition(n)` (shuffle) or `coalesce(n)` (no shuffle). */
export class Repartition extends OneInputPlan<"repartition"> {
  readonly kind = "repartition" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly numPartitions: number,
    readonly shuffle: boolean,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"repartition"> {
    return {
      numPartitions: this.numPartitions,
      shuffle: this.shuffle,
    };
  }
}

/** `repartition(n?, exprs)`; sort orders among the expressions make it a range repartition. */
export class RepartitionByExpression extends OneInputPlan<"repartitionByExpression"> {
  readonly kind = "repartitionByExpression" satisfies RelationKind;
  readonly partitionExprs: readonly Expression[];
  constructor(
    planId: number,
    input: LogicalPlan,
    partitionExprs: readonly Expression[],
    readonly numPartitions?: number,
  ) {
    super(planId, input);
    this.partitionExprs = frozen(partitionExprs);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"repartitionByExpression"> {
    return {
      partitionExprs: protos(this.partitionExprs),
      ...(this.numPartitions === undefined ? {} : { numPartitions: this.numPartitions }),
    };
  }
}

/** A query hint, e.g. `broadcast`. */
export class Hint extends OneInputPlan<"hint"> {
  readonly kind = "hint" satisfies RelationKind;
  readonly parameters: readonly Expression[];
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly name: string,
    parameters: readonly Expression[],
  ) {
    super(planId, input);
    this.parameters = frozen(parameters);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"hint"> {
    return {
      name: this.name,
      parameters: protos(this.parameters),
    };
  }
}

/** Adds or replaces columns (`withColumn(s)`, `withMetadata`). */
export class WithColumns extends OneInputPlan<"withColumns"> {
  readonly kind = "withColumns" satisfies RelationKind;
  readonly aliases: readonly Alias[];
  constructor(planId: number, input: LogicalPlan, aliases: readonly Alias[]) {
    super(planId, input);
    this.aliases = frozen(aliases);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"withColumns"> {
    return {
      aliases: this.aliases.map((a) => {
        const p = a.toProto();
        if (p.exprType.case !== "alias") throw new Error("unreachable: Alias without alias");
        return p.exprType.value;
      }),
    };
  }
}

/** Renames columns, in order. */
export class WithColumnsRenamed extends OneInputPlan<"withColumnsRenamed"> {
  readonly kind = "withColumnsRenamed" satisfies RelationKind;
  readonly renames: readonly (readonly [string, string])[];
  constructor(planId: number, input: LogicalPlan, renames: readonly (readonly [string, string])[]) {
    super(planId, input);
    this.renames = Object.freeze(renames.map(([a, b]) => Object.freeze([a, b] as const)));
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"withColumnsRenamed"> {
    return {
      renames: this.renames.map(([colName, newColName]) => ({
        colName,
        newColName,
      })),
    };
  }
}

/** Drops columns given as expressions or names. */
export class Drop extends OneInputPlan<"drop"> {
  readonly kind = "drop" satisfies RelationKind;
  readonly columns: readonly Expression[];
  readonly columnNames: readonly string[];
  constructor(
    planId: number,
    input: LogicalPlan,
    columns: readonly Expression[],
    columnNames: readonly string[],
  ) {
    super(planId, input);
    this.columns = frozen(columns);
    this.columnNames = frozen(columnNames);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"drop"> {
    return {
      columns: protos(this.columns),
      columnNames: [...this.columnNames],
    };
  }
}

/** Renames all columns, by position. */
export class ToDF extends OneInputPlan<"toDf"> {
  readonly kind = "toDf" satisfies RelationKind;
  readonly columnNames: readonly string[];
  constructor(planId: number, input: LogicalPlan, columnNames: readonly string[]) {
    super(planId, input);
    this.columnNames = frozen(columnNames);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"toDf"> {
    return {
      columnNames: [...this.columnNames],
    };
  }
}

/** Reconciles the input with a schema (`df.to(schema)`). */
export class ToSchema extends OneInputPlan<"toSchema"> {
  readonly kind = "toSchema" satisfies RelationKind;
  readonly #schema: ProtoDataType;
  constructor(planId: number, input: LogicalPlan, schema: ProtoDataType) {
    super(planId, input);
    this.#schema = clone(DataTypeSchema, schema);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"toSchema"> {
    return {
      schema: clone(DataTypeSchema, this.#schema),
    };
  }
}

/** Unpivots value columns into (variable, value) rows; no values means all non-id columns. */
export class Unpivot extends OneInputPlan<"unpivot"> {
  readonly kind = "unpivot" satisfies RelationKind;
  readonly ids: readonly Expression[];
  readonly values: readonly Expression[] | undefined;
  constructor(
    planId: number,
    input: LogicalPlan,
    ids: readonly Expression[],
    values: readonly Expression[] | undefined,
    readonly variableColumnName: string,
    readonly valueColumnName: string,
  ) {
    super(planId, input);
    this.ids = frozen(ids);
    this.values = values && frozen(values);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"unpivot"> {
    return {
      ids: protos(this.ids),
      ...(this.values === undefined ? {} : { values: { values: protos(this.values) } }),
      variableColumnName: this.variableColumnName,
      valueColumnName: this.valueColumnName,
    };
  }
}

/** Swaps rows and columns around an index column. */
export class Transpose extends OneInputPlan<"transpose"> {
  readonly kind = "transpose" satisfies RelationKind;
  readonly indexColumns: readonly Expression[];
  constructor(planId: number, input: LogicalPlan, indexColumns: readonly Expression[]) {
    super(planId, input);
    this.indexColumns = frozen(indexColumns);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"transpose"> {
    return {
      indexColumns: protos(this.indexColumns),
    };
  }
}

/** Named metrics observed while the query runs (`df.observe`). */
export class CollectMetrics extends OneInputPlan<"collectMetrics"> {
  readonly kind = "collectMetrics" satisfies RelationKind;
  readonly metrics: readonly Expression[];
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly name: string,
    metrics: readonly Expression[],
  ) {
    super(planId, input);
    this.metrics = frozen(metrics);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"collectMetrics"> {
    return {
      name: this.name,
      metrics: protos(this.metrics),
    };
  }
}

/** The text `df.show()` prints, computed by the server. */
export class ShowString extends OneInputPlan<"showString"> {
  readonly kind = "showString" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly numRows: number,
    readonly truncate: number,
    readonly vertical: boolean,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"showString"> {
    return {
      numRows: this.numRows,
      truncate: this.truncate,
      vertical: this.vertical,
    };
  }
}

// Two inputs --------------------------------------------------------------------------------------

/** Join types, as PySpark accepts them (aliases normalised by `joinTypeOf`). */
export type JoinType = "inner" | "cross" | "outer" | "left" | "right" | "semi" | "anti";

const JOIN_TYPES: Record<JoinType, Join_JoinType> = {
  inner: Join_JoinType.INNER,
  cross: Join_JoinType.CROSS,
  outer: Join_JoinType.FULL_OUTER,
  left: Join_JoinType.LEFT_OUTER,
  right: Join_JoinType.RIGHT_OUTER,
  semi: Join_JoinType.LEFT_SEMI,
  anti: Join_JoinType.LEFT_ANTI,
};

const JOIN_ALIASES: Record<string, JoinType> = {
  inner: "inner",
  cross: "cross",
  outer: "outer",
  full: "outer",
  fullouter: "outer",
  full_outer: "outer",
  left: "left",
  leftouter: "left",
  left_outer: "left",
  right: "right",
  rightouter: "right",
  right_outer: "right",
  semi: "semi",
  leftsemi: "semi",
  left_semi: "semi",
  anti: "anti",
  leftanti: "anti",
  left_anti: "anti",
};

/** Normalises a join type name as Spark does (case-insensitive, `left_outer` = `left`…). */
export function joinTypeOf(how: string): JoinType | undefined {
  return JOIN_ALIASES[how.toLowerCase()];
}

/** A join on a condition or on `USING` columns. */
export class Join extends LogicalPlan {
  readonly kind = "join" satisfies RelationKind;
  readonly usingColumns: readonly string[];
  constructor(
    planId: number,
    readonly left: LogicalPlan,
    readonly right: LogicalPlan,
    readonly joinType: JoinType,
    readonly condition: Expression | undefined,
    usingColumns: readonly string[] = [],
  ) {
    super(planId);
    this.usingColumns = frozen(usingColumns);
    Object.freeze(this);
  }
  protected relType(): RelTypeInit {
    return {
      case: "join",
      value: {
        left: this.left.toRelation(),
        right: this.right.toRelation(),
        ...(this.condition ? { joinCondition: this.condition.toProto() } : {}),
        joinType: JOIN_TYPES[this.joinType],
        usingColumns: [...this.usingColumns],
      },
    };
  }
}

/** UNION, INTERSECT or EXCEPT, by position or by name. */
export class SetOperation extends LogicalPlan {
  readonly kind = "setOp" satisfies RelationKind;
  constructor(
    planId: number,
    readonly left: LogicalPlan,
    readonly right: LogicalPlan,
    readonly op: "union" | "intersect" | "except",
    readonly isAll: boolean,
    readonly byName = false,
    readonly allowMissingColumns = false,
  ) {
    super(planId);
    Object.freeze(this);
  }
  protected relType(): RelTypeInit {
    const types = {
      union: SetOperation_SetOpType.UNION,
      intersect: SetOperation_SetOpType.INTERSECT,
      except: SetOperation_SetOpType.EXCEPT,
    };
    return {
      case: "setOp",
      value: {
        leftInput: this.left.toRelation(),
        rightInput: this.right.toRelation(),
        setOpType: types[this.op],
        isAll: this.isAll,
        byName: this.byName,
        allowMissingColumns: this.allowMissingColumns,
      },
    };
  }
}

// Aggregation ------------------------------------------------------------------------------------

/** How rows are grouped. */
export type GroupType = "groupBy" | "rollup" | "cube" | "pivot" | "groupingSets";

const GROUP_TYPES: Record<GroupType, Aggregate_GroupType> = {
  groupBy: Aggregate_GroupType.GROUPBY,
  rollup: Aggregate_GroupType.ROLLUP,
  cube: Aggregate_GroupType.CUBE,
  pivot: Aggregate_GroupType.PIVOT,
  groupingSets: Aggregate_GroupType.GROUPING_SETS,
};

/** `GROUP BY` (or rollup, cube, grouping sets, pivot) with aggregate expressions. */
export class Aggregate extends OneInputPlan<"aggregate"> {
  readonly kind = "aggregate" satisfies RelationKind;
  readonly groupingExpressions: readonly Expression[];
  readonly aggregateExpressions: readonly Expression[];
  readonly groupingSets: readonly (readonly Expression[])[];
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly groupType: GroupType,
    groupingExpressions: readonly Expression[],
    aggregateExpressions: readonly Expression[],
    readonly pivot?: { readonly column: Expression; readonly values?: readonly Literal[] },
    groupingSets: readonly (readonly Expression[])[] = [],
  ) {
    super(planId, input);
    this.groupingExpressions = frozen(groupingExpressions);
    this.aggregateExpressions = frozen(aggregateExpressions);
    this.groupingSets = Object.freeze(groupingSets.map((s) => frozen(s)));
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"aggregate"> {
    return {
      groupType: GROUP_TYPES[this.groupType],
      groupingExpressions: protos(this.groupingExpressions),
      aggregateExpressions: protos(this.aggregateExpressions),
      ...(this.pivot
        ? {
            pivot: {
              col: this.pivot.column.toProto(),
              values: (this.pivot.values ?? []).map((v) => v.toLiteral()),
            },
          }
        : {}),
      groupingSets: this.groupingSets.map((set) => ({
        groupingSet: protos(set),
      })),
    };
  }
}

/** An event-time watermark for streaming (`withWatermark`). */
export class WithWatermark extends OneInputPlan<"withWatermark"> {
  readonly kind = "withWatermark" satisfies RelationKind;
  constructor(
    planId: number,
    input: LogicalPlan,
    readonly eventTime: string,
    readonly delayThreshold: string,
  ) {
    super(planId, input);
    Object.freeze(this);
  }
  protected fields(): OneInputFields<"withWatermark"> {
    return {
      eventTime: this.eventTime,
      delayThreshold: this.delayThreshold,
    };
  }
}
