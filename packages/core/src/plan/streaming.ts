/**
 * Structured Streaming command nodes: starting a query (`df.writeStream…start()`), commands to
 * one running query (`StreamingQuery`) and to the session's query manager (`spark.streams`).
 *
 * @module
 */
import { create, type MessageInitShape } from "@bufbuild/protobuf";
import {
  type Command,
  StreamingQueryCommandSchema,
  StreamingQueryManagerCommandSchema,
  WriteStreamOperationStartSchema,
} from "../gen/spark/connect/commands_pb.js";
import { type CommandKind, CommandPlan } from "./commands.js";
import type { LogicalPlan } from "./logical-plan.js";

/**
 * When a streaming query runs its batches:
 * - `{ processingTime: "5 seconds" }`: a micro-batch every interval (`"0 seconds"`: as fast as it can);
 * - `{ once: true }`: one batch over everything available, then stop (deprecated by Spark: use
 *   availableNow);
 * - `{ availableNow: true }`: everything available now, in as many batches as the source
 *   limits allow, then stop;
 * - `{ continuous: "1 second" }`: continuous processing, checkpointing every interval.
 */
export type StreamingTrigger =
  | { readonly processingTime: string }
  | { readonly once: true }
  | { readonly availableNow: true }
  | { readonly continuous: string };

/** Everything `df.writeStream…start()/toTable()` says. */
export interface WriteStreamSpec {
  readonly format?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly partitioningColumnNames?: readonly string[];
  readonly clusteringColumnNames?: readonly string[];
  readonly trigger?: StreamingTrigger;
  readonly outputMode?: string;
  readonly queryName?: string;
  readonly sink?: { readonly path: string } | { readonly tableName: string };
}

function triggerCase(
  t: StreamingTrigger | undefined,
): MessageInitShape<typeof WriteStreamOperationStartSchema>["trigger"] {
  if (t === undefined) return { case: undefined };
  if ("processingTime" in t) return { case: "processingTimeInterval", value: t.processingTime };
  if ("continuous" in t) return { case: "continuousCheckpointInterval", value: t.continuous };
  if ("availableNow" in t) return { case: "availableNow", value: true };
  return { case: "once", value: true };
}

/** `df.writeStream…start()`: starts a streaming query on the server. */
export class WriteStreamOperationStart extends CommandPlan {
  readonly kind = "writeStreamOperationStart" satisfies CommandKind;
  constructor(
    readonly input: LogicalPlan,
    readonly spec: WriteStreamSpec,
  ) {
    super();
    Object.freeze(this);
  }
  protected commandType(): Command["commandType"] {
    const s = this.spec;
    const sink = s.sink;
    return {
      case: "writeStreamOperationStart",
      value: create(WriteStreamOperationStartSchema, {
        input: this.input.toRelation(),
        format: s.format ?? "",
        options: { ...s.options },
        partitioningColumnNames: [...(s.partitioningColumnNames ?? [])],
        clusteringColumnNames: [...(s.clusteringColumnNames ?? [])],
        trigger: triggerCase(s.trigger),
        outputMode: s.outputMode ?? "",
        queryName: s.queryName ?? "",
        sinkDestination:
          sink === undefined
            ? { case: undefined }
            : "path" in sink
              ? { case: "path", value: sink.path }
              : { case: "tableName", value: sink.tableName },
      }),
    };
  }
}

/** The identity of a running query: its id (kept across restarts) and the id of this run. */
export interface StreamingQueryInstance {
  readonly id: string;
  readonly runId: string;
}

/** What a {@link StreamingQueryCommand} asks of a query. */
export type StreamingQueryRequest =
  | { readonly case: "status" }
  | { readonly case: "lastProgress" }
  | { readonly case: "recentProgress" }
  | { readonly case: "stop" }
  | { readonly case: "processAllAvailable" }
  | { readonly case: "exception" }
  | { readonly case: "explain"; readonly extended: boolean }
  | { readonly case: "awaitTermination"; readonly timeoutMs?: number };

/** A command to one streaming query of the session. */
export class StreamingQueryCommand extends CommandPlan {
  readonly kind = "streamingQueryCommand" satisfies CommandKind;
  constructor(
    readonly query: StreamingQueryInstance,
    readonly request: StreamingQueryRequest,
  ) {
    super();
    Object.freeze(this);
  }
  protected commandType(): Command["commandType"] {
    const r = this.request;
    const command =
      r.case === "explain"
        ? ({ case: "explain", value: { extended: r.extended } } as const)
        : r.case === "awaitTermination"
          ? ({
              case: "awaitTermination",
              value: r.timeoutMs === undefined ? {} : { timeoutMs: BigInt(r.timeoutMs) },
            } as const)
          : ({ case: r.case, value: true } as const);
    return {
      case: "streamingQueryCommand",
      value: create(StreamingQueryCommandSchema, {
        queryId: { id: this.query.id, runId: this.query.runId },
        command,
      }),
    };
  }
}

/** What a {@link StreamingQueryManagerCommand} asks of `spark.streams`. */
export type StreamingQueryManagerRequest =
  | { readonly case: "active" }
  | { readonly case: "getQuery"; readonly id: string }
  | { readonly case: "awaitAnyTermination"; readonly timeoutMs?: number }
  | { readonly case: "resetTerminated" };

/** A command to the session's streaming query manager. */
export class StreamingQueryManagerCommand extends CommandPlan {
  readonly kind = "streamingQueryManagerCommand" satisfies CommandKind;
  constructor(readonly request: StreamingQueryManagerRequest) {
    super();
    Object.freeze(this);
  }
  protected commandType(): Command["commandType"] {
    const r = this.request;
    const command =
      r.case === "getQuery"
        ? ({ case: "getQuery", value: r.id } as const)
        : r.case === "awaitAnyTermination"
          ? ({
              case: "awaitAnyTermination",
              value: r.timeoutMs === undefined ? {} : { timeoutMs: BigInt(r.timeoutMs) },
            } as const)
          : ({ case: r.case, value: true } as const);
    return {
      case: "streamingQueryManagerCommand",
      value: create(StreamingQueryManagerCommandSchema, { command }),
    };
  }
}
