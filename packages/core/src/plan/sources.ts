/**
 * Source relations: the leaves of a plan (SQL text, ranges, tables, files, local data and plugin
 * relations). Nodes with inputs are in `relations.ts`.
 *
 * @module
 */
import { clone } from "@bufbuild/protobuf";
import { type Any, AnySchema } from "@bufbuild/protobuf/wkt";
import type { Expression } from "../expressions/expression.js";
import { LogicalPlan, type RelationKind, type RelTypeInit } from "./logical-plan.js";

const protos = (exprs: readonly Expression[]) => exprs.map((e) => e.toProto());
const frozen = <T>(xs: readonly T[]): readonly T[] => Object.freeze([...xs]);

/** `spark.sql(query, args)`: positional args (a list) or named args (a record), as expressions. */
export class Sql extends LogicalPlan {
  readonly kind = "sql" satisfies RelationKind;
  constructor(
    planId: number,
    readonly query: string,
    readonly positional: readonly Expression[] = [],
    readonly named: Readonly<Record<string, Expression>> = {},
  ) {
    super(planId);
    this.positional = frozen(positional);
    this.named = Object.freeze({ ...named });
    Object.freeze(this);
  }
  protected relType(): RelTypeInit {
    return {
      case: "sql",
      value: {
        query: this.query,
        namedArguments: Object.fromEntries(
          Object.entries(this.named).map(([k, v]) => [k, v.toProto()]),
        ),
        posArguments: protos(this.positional),
      },
    };
  }
}

/** `spark.range(start, end, step, numPartitions)`. */
export class Range extends LogicalPlan {
  readonly kind = "range" satisfies RelationKind;
  constructor(
    planId: number,
    readonly start: bigint,
    readonly end: bigint,
    readonly step: bigint,
    readonly numPartitions?: number,
  ) {
    super(planId);
    Object.freeze(this);
  }
  protected relType(): RelTypeInit {
    return {
      case: "range",
      value: {
        start: this.start,
        end: this.end,
        step: this.step,
        ...(this.numPartitions === undefined ? {} : { numPartitions: this.numPartitions }),
      },
    };
  }
}

/** `spark.table(name)` / `spark.read.table(name)`. */
export class ReadNamedTable extends LogicalPlan {
  readonly kind = "read" satisfies RelationKind;
  constructor(
    planId: number,
    readonly name: string,
    readonly options: Readonly<Record<string, string>> = {},
    readonly isStreaming = false,
  ) {
    super(planId);
    this.options = Object.freeze({ ...options });
    Object.freeze(this);
  }
  protected relType(): RelTypeInit {
    return {
      case: "read",
      value: {
        isStreaming: this.isStreaming,
        readType: {
          case: "namedTable",
          value: {
            unparsedIdentifier: this.name,
            options: { ...this.options },
          },
        },
      },
    };
  }
}

/** `spark.read.format(f).schema(s).options(o).load(paths)`. */
export class ReadDataSource extends LogicalPlan {
  readonly kind = "read" satisfies RelationKind;
  readonly paths: readonly string[];
  readonly predicates: readonly string[];
  constructor(
    planId: number,
    readonly format: string | undefined,
    readonly schema: string | undefined,
    readonly options: Readonly<Record<string, string>>,
    paths: readonly string[],
    predicates: readonly string[] = [],
    readonly isStreaming = false,
  ) {
    super(planId);
    this.options = Object.freeze({ ...options });
    this.paths = frozen(paths);
    this.predicates = frozen(predicates);
    Object.freeze(this);
  }
  protected relType(): RelTypeInit {
    return {
      case: "read",
      value: {
        isStreaming: this.isStreaming,
        readType: {
          case: "dataSource",
          value: {
            ...(this.format === undefined ? {} : { format: this.format }),
            ...(this.schema === undefined ? {} : { schema: this.schema }),
            options: { ...this.options },
            paths: [...this.paths],
            predicates: [...this.predicates],
          },
        },
      },
    };
  }
}

/** Local data sent inline as Arrow IPC stream bytes, with an optional schema (DDL or JSON). */
export class LocalRelation extends LogicalPlan {
  readonly kind = "localRelation" satisfies RelationKind;
  readonly #data: Uint8Array | undefined;
  constructor(
    planId: number,
    data: Uint8Array | undefined,
    readonly schema?: string,
  ) {
    super(planId);
    this.#data = data?.slice();
    Object.freeze(this);
  }
  /** The size of the Arrow data in bytes. */
  get byteLength(): number {
    return this.#data?.byteLength ?? 0;
  }
  protected relType(): RelTypeInit {
    return {
      case: "localRelation",
      value: {
        ...(this.#data === undefined ? {} : { data: this.#data.slice() }),
        ...(this.schema === undefined ? {} : { schema: this.schema }),
      },
    };
  }
}

/** A relation served by a server-side plugin: a `google.protobuf.Any` the plugin unpacks. */
export class ExtensionRelation extends LogicalPlan {
  readonly kind = "extension" satisfies RelationKind;
  readonly #any: Any;
  constructor(planId: number, any: Any) {
    super(planId);
    this.#any = clone(AnySchema, any);
    Object.freeze(this);
  }
  protected relType(): RelTypeInit {
    return { case: "extension", value: clone(AnySchema, this.#any) };
  }
}
