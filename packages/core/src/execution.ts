/**
 * Running plans for the facade: the bridge between the client (protobuf responses) and the Arrow
 * decoder (tables, rows). Nothing here is public API except the option types.
 *
 * @module
 */
import type { RecordBatch, Table } from "apache-arrow";
import {
  ArrowResultCollector,
  type ArrowValueOptions,
  arrowSchemaFromProto,
} from "./arrow/index.js";
import type { ExecutionProgress } from "./client/client.js";
import type { ExecutePlanResponse, Plan } from "./gen/spark/connect/base_pb.js";
import type { SessionInternals } from "./internal.js";
import { literalRow } from "./literal-values.js";
import { checkMessageStrings } from "./util/well-formed.js";

/** Options of every action. */
export interface ActionOptions {
  /**
   * Cancels the action: the call stops and the server is asked to interrupt the operation; the
   * action rejects with a SparkCancelledError (OPERATION_CANCELED).
   */
  signal?: AbortSignal;
  /** Called with the server's progress reports (stages, tasks done and total, bytes read). */
  onProgress?: (progress: ExecutionProgress) => void;
  /**
   * The action's overall deadline in milliseconds, retries and reattaches included: past it the
   * action rejects with a SparkCancelledError `DEADLINE_EXCEEDED` and the operation is
   * interrupted on the server. Default: the session's `timeoutMs` (none unless set).
   */
  timeoutMs?: number;
}

/** Options of actions that return rows: how longs and decimals become JS values. */
export interface CollectOptions extends ActionOptions, ArrowValueOptions {}

/**
 * The controllers following each signal, with one abort listener per signal however many
 * actions follow it: a session's stop signal outlives its actions, and one listener per action
 * would trip Node's MaxListenersExceededWarning past ten concurrent actions.
 */
const followers = new WeakMap<AbortSignal, Set<AbortController>>();

function follow(signal: AbortSignal, controller: AbortController): () => void {
  let set = followers.get(signal);
  if (set === undefined) {
    const created = new Set<AbortController>();
    set = created;
    followers.set(signal, created);
    signal.addEventListener(
      "abort",
      () => {
        followers.delete(signal);
        for (const c of created) c.abort(signal.reason);
        created.clear();
      },
      { once: true },
    );
  }
  set.add(controller);
  const mine = set;
  return () => {
    mine.delete(controller);
  };
}

/**
 * A signal that aborts, with the same reason, as soon as one of `signals` does; `release` stops
 * following them.
 */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): {
  signal: AbortSignal;
  release(): void;
} {
  const controller = new AbortController();
  const releases: (() => void)[] = [];
  for (const s of signals) {
    if (s === undefined) continue;
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    releases.push(follow(s, controller));
  }
  const release = () => {
    for (const r of releases) r();
  };
  return { signal: controller.signal, release };
}

/**
 * Runs a plan and yields its responses, in order, exactly once. The action is cancelled by its
 * own signal or by the session's `stop()`.
 */
export async function* execute(
  internals: SessionInternals,
  plan: Plan,
  options: ActionOptions,
): AsyncGenerator<ExecutePlanResponse> {
  internals.assertActive();
  checkMessageStrings(plan);
  const { signal, release } = anySignal([options.signal, internals.stopped]);
  try {
    const responses = internals.client.execute(plan, {
      signal,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      tags: internals.tags(),
    });
    for await (const response of responses) {
      for (const metrics of response.observedMetrics) {
        internals.observations.get(metrics.name)?.deliver(literalRow(metrics.keys, metrics.values));
      }
      yield response;
    }
  } finally {
    release();
  }
}

/** Runs a plan and collects its Arrow result into one Table. */
export async function collectTable(
  internals: SessionInternals,
  plan: Plan,
  options: ActionOptions,
): Promise<Table> {
  const collector = new ArrowResultCollector();
  let schema: ExecutePlanResponse["schema"];
  for await (const response of execute(internals, plan, options)) {
    if (response.responseType.case === "arrowBatch") collector.add(response.responseType.value);
    if (response.schema) {
      schema = response.schema;
      collector.setSparkSchema(response.schema);
    }
  }
  // The schema message only matters for a result without batches (batches carry their own).
  if (collector.schema === undefined && schema) collector.setSchema(arrowSchemaFromProto(schema));
  return collector.toTable();
}

/** Runs a plan and yields its Arrow record batches as they arrive, holding none of them. */
export async function* streamBatches(
  internals: SessionInternals,
  plan: Plan,
  options: ActionOptions,
): AsyncGenerator<RecordBatch> {
  const collector = new ArrowResultCollector();
  for await (const response of execute(internals, plan, options)) {
    if (response.schema) collector.setSparkSchema(response.schema);
    if (response.responseType.case === "arrowBatch") {
      collector.add(response.responseType.value);
      yield* collector.takeBatches();
    }
  }
  collector.toTable(); // checks that no chunked batch was left incomplete
}

/** Runs a command plan and returns all its responses. */
export async function runCommand(
  internals: SessionInternals,
  plan: Plan,
  options: ActionOptions,
): Promise<ExecutePlanResponse[]> {
  const responses: ExecutePlanResponse[] = [];
  for await (const response of execute(internals, plan, options)) responses.push(response);
  return responses;
}
