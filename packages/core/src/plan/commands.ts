import { clone, create, type MessageInitShape } from "@bufbuild/protobuf";
import { type Any, AnySchema } from "@bufbuild/protobuf/wkt";
import type { Expression } from "../expressions/expression.js";
import { type Plan, PlanSchema } from "../gen/spark/connect/base_pb.js";
import {
  type Command,
  CommandSchema,
  WriteOperation_SaveMode,
  WriteOperation_SaveTable_TableSaveMethod,
  WriteOperationV2_Mode,
} from "../gen/spark/connect/commands_pb.js";
import {
  type Relation,
  RelationCommonSchema,
  RelationSchema,
} from "../gen/spark/connect/relations_pb.js";
import { LogicalPlan, type RelationKind } from "./logical-plan.js";

/** The `kind` of a command node: the protobuf oneof case it produces. */
export type CommandKind = Exclude<Command["commandType"]["case"], undefined>;

/** A command's oneof as a protobuf init shape (no `$typeName`s, no empty defaults). */
export type CommandTypeInit = NonNullable<MessageInitShape<typeof CommandSchema>["commandType"]>;

/** An immutable command node: a plan with side effects, run eagerly by the facade. */
export abstract class CommandPlan {
  abstract readonly kind: CommandKind;
  protected abstract commandType(): CommandTypeInit;

  /** The command, built fresh. */
  toCommand(): Command {
    return create(CommandSchema, { commandType: this.commandType() });
  }

  /** The command wrapped in a `Plan`, built fresh. */
  toPlan(): Plan {
    return create(PlanSchema, { opType: { case: "command", value: this.toCommand() } });
  }
}

/** A relation the server handed back (e.g. the result of a SQL command), replayed as is. */
export class ProtoRelation extends LogicalPlan {
  readonly kind: RelationKind;
  readonly #relation: Relation;
  constructor(planId: number, relation: Relation) {
    super(planId);
    this.#relation = clone(RelationSchema, relation);
    this.kind = (relation.relType.case ?? "unknown") as RelationKind;
    Object.freeze(this);
  }
  protected relType(): Relation["relType"] {
    return clone(RelationSchema, this.#relation).relType;
  }
  override toRelation(): Relation {
    // As PySpark's CachedRelation: the relation carries this node's plan id (the server leaves it
    // unset), so columns of the DataFrame (`df.col("a")`) resolve against it.
    const relation = clone(RelationSchema, this.#relation);
    relation.common ??= create(RelationCommonSchema);
    relation.common.planId = BigInt(this.planId);
    return relation;
  }
}

/** `spark.sql(query)` run eagerly: the server runs DDL/DML now and returns a relation. */
export class SqlCommand extends CommandPlan {
  readonly kind = "sqlCommand" satisfies CommandKind;
  constructor(readonly input: LogicalPlan) {
    super();
    Object.freeze(this);
  }
  protected commandType(): CommandTypeInit {
    return {
      case: "sqlCommand",
      value: { input: this.input.toRelation() },
    };
  }
}

/** `createTempView` and friends. */
export class CreateDataFrameView extends CommandPlan {
  readonly kind = "createDataframeView" satisfies CommandKind;
  constructor(
    readonly input: LogicalPlan,
    readonly name: string,
    readonly isGlobal: boolean,
    readonly replace: boolean,
  ) {
    super();
    Object.freeze(this);
  }
  protected commandType(): CommandTypeInit {
    return {
      case: "createDataframeView",
      value: {
        input: this.input.toRelation(),
        name: this.name,
        isGlobal: this.isGlobal,
        replace: this.replace,
      },
    };
  }
}

/** Save modes of `df.write`. */
export type SaveMode = "append" | "overwrite" | "error" | "errorifexists" | "ignore";

const SAVE_MODES: Record<SaveMode, WriteOperation_SaveMode> = {
  append: WriteOperation_SaveMode.APPEND,
  overwrite: WriteOperation_SaveMode.OVERWRITE,
  error: WriteOperation_SaveMode.ERROR_IF_EXISTS,
  errorifexists: WriteOperation_SaveMode.ERROR_IF_EXISTS,
  ignore: WriteOperation_SaveMode.IGNORE,
};

/** Everything `df.write…save()/saveAsTable()/insertInto()` says. */
export interface WriteSpec {
  readonly source?: string;
  readonly target:
    | { readonly path?: string }
    | { readonly table: string; readonly insertInto: boolean };
  readonly mode?: SaveMode;
  readonly sortColumnNames?: readonly string[];
  readonly partitioningColumns?: readonly string[];
  readonly bucketBy?: { readonly columns: readonly string[]; readonly numBuckets: number };
  readonly options?: Readonly<Record<string, string>>;
  readonly clusteringColumns?: readonly string[];
}

/** `df.write` (the V1 writer). */
export class WriteOperation extends CommandPlan {
  readonly kind = "writeOperation" satisfies CommandKind;
  constructor(
    readonly input: LogicalPlan,
    readonly spec: WriteSpec,
  ) {
    super();
    Object.freeze(this);
  }
  protected commandType(): CommandTypeInit {
    const s = this.spec;
    const target = s.target;
    return {
      case: "writeOperation",
      value: {
        input: this.input.toRelation(),
        ...(s.source === undefined ? {} : { source: s.source }),
        saveType:
          "table" in target
            ? {
                case: "table",
                value: {
                  tableName: target.table,
                  saveMethod: target.insertInto
                    ? WriteOperation_SaveTable_TableSaveMethod.INSERT_INTO
                    : WriteOperation_SaveTable_TableSaveMethod.SAVE_AS_TABLE,
                },
              }
            : target.path === undefined
              ? { case: undefined }
              : { case: "path", value: target.path },
        mode: s.mode ? SAVE_MODES[s.mode] : WriteOperation_SaveMode.UNSPECIFIED,
        sortColumnNames: [...(s.sortColumnNames ?? [])],
        partitioningColumns: [...(s.partitioningColumns ?? [])],
        ...(s.bucketBy
          ? {
              bucketBy: {
                bucketColumnNames: [...s.bucketBy.columns],
                numBuckets: s.bucketBy.numBuckets,
              },
            }
          : {}),
        options: { ...(s.options ?? {}) },
        clusteringColumns: [...(s.clusteringColumns ?? [])],
        // Spark 4.3's schema evolution on write; false is the field's default (older servers
        // never see it on the wire).
        withSchemaEvolution: false,
      },
    };
  }
}

/** Modes of `df.writeTo(table)`. */
export type WriteV2Mode =
  | "create"
  | "overwrite"
  | "overwritePartitions"
  | "append"
  | "replace"
  | "createOrReplace";

const V2_MODES: Record<WriteV2Mode, WriteOperationV2_Mode> = {
  create: WriteOperationV2_Mode.CREATE,
  overwrite: WriteOperationV2_Mode.OVERWRITE,
  overwritePartitions: WriteOperationV2_Mode.OVERWRITE_PARTITIONS,
  append: WriteOperationV2_Mode.APPEND,
  replace: WriteOperationV2_Mode.REPLACE,
  createOrReplace: WriteOperationV2_Mode.CREATE_OR_REPLACE,
};

/** `df.writeTo(table)` (the V2 writer). */
export class WriteOperationV2 extends CommandPlan {
  readonly kind = "writeOperationV2" satisfies CommandKind;
  constructor(
    readonly input: LogicalPlan,
    readonly tableName: string,
    readonly mode: WriteV2Mode,
    readonly spec: {
      readonly provider?: string;
      readonly partitioning?: readonly Expression[];
      readonly options?: Readonly<Record<string, string>>;
      readonly tableProperties?: Readonly<Record<string, string>>;
      readonly overwriteCondition?: Expression;
      readonly clusteringColumns?: readonly string[];
    } = {},
  ) {
    super();
    Object.freeze(this);
  }
  protected commandType(): CommandTypeInit {
    const s = this.spec;
    return {
      case: "writeOperationV2",
      value: {
        input: this.input.toRelation(),
        tableName: this.tableName,
        ...(s.provider === undefined ? {} : { provider: s.provider }),
        partitioningColumns: (s.partitioning ?? []).map((e) => e.toProto()),
        options: { ...(s.options ?? {}) },
        tableProperties: { ...(s.tableProperties ?? {}) },
        mode: V2_MODES[this.mode],
        ...(s.overwriteCondition ? { overwriteCondition: s.overwriteCondition.toProto() } : {}),
        clusteringColumns: [...(s.clusteringColumns ?? [])],
        // Spark 4.3's schema evolution on write; false is the field's default (older servers
        // never see it on the wire).
        withSchemaEvolution: false,
      },
    };
  }
}

/** `df.checkpoint()` / `df.localCheckpoint()`. */
export class Checkpoint extends CommandPlan {
  readonly kind = "checkpointCommand" satisfies CommandKind;
  constructor(
    readonly input: LogicalPlan,
    readonly local: boolean,
    readonly eager: boolean,
  ) {
    super();
    Object.freeze(this);
  }
  protected commandType(): CommandTypeInit {
    return {
      case: "checkpointCommand",
      value: {
        relation: this.input.toRelation(),
        local: this.local,
        eager: this.eager,
      },
    };
  }
}

/** A command served by a server-side plugin: a `google.protobuf.Any` the plugin unpacks. */
export class ExtensionCommand extends CommandPlan {
  readonly kind = "extension" satisfies CommandKind;
  readonly #any: Any;
  constructor(any: Any) {
    super();
    this.#any = clone(AnySchema, any);
    Object.freeze(this);
  }
  protected commandType(): CommandTypeInit {
    return { case: "extension", value: clone(AnySchema, this.#any) };
  }
}
