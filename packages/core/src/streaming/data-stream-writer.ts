import { SparkArgumentError, SparkProtocolError } from "../errors.js";
import { type ActionOptions, runCommand } from "../execution.js";
import type { SessionInternals } from "../internal.js";
import type { LogicalPlan } from "../plan/logical-plan.js";
import {
  type StreamingTrigger,
  WriteStreamOperationStart,
  type WriteStreamSpec,
} from "../plan/streaming.js";
import { StreamingQuery } from "./streaming-query.js";

type OptionValue = string | number | boolean;

/**
 * How a streaming query writes each batch: `append` (default) only new rows, `complete` the
 * whole result every time (aggregations), `update` the rows that changed.
 */
export type OutputMode = "append" | "complete" | "update";

const OUTPUT_MODES = new Set<string>(["append", "complete", "update"]);

/**
 * Starts a streaming query over a streaming DataFrame (`df.writeStream`): a builder whose
 * settings accumulate, then `start()` or `toTable()` starts the query on the server and
 * resolves with its {@link StreamingQuery}.
 *
 * Sinks as Spark ships them: files (`parquet`, `json`, `csv`, `orc`, `text`: a path and a
 * `checkpointLocation`), `memory` (an in-memory table named by `queryName`, for tests and
 * demos), `console` (the server's stdout), `noop`, tables (`toTable`). `foreach` and
 * `foreachBatch` run client code on the server and are not available.
 *
 * @example
 * ```ts
 * const q = await df.writeStream.format("memory").queryName("rates").trigger({ processingTime: "1 second" }).start();
 * ```
 */
export class DataStreamWriter {
  readonly #internals: SessionInternals;
  readonly #input: LogicalPlan;
  #format: string | undefined;
  #outputMode: OutputMode | undefined;
  #options: Record<string, string> = {};
  #partitionBy: string[] = [];
  #clusterBy: string[] = [];
  #queryName: string | undefined;
  #trigger: StreamingTrigger | undefined;

  /** @internal */
  constructor(internals: SessionInternals, input: LogicalPlan) {
    this.#internals = internals;
    this.#input = input;
  }

  /** The sink: parquet, json, csv, orc, text, memory, console, noop, … */
  format(source: string): this {
    this.#format = source;
    return this;
  }
  /** The output mode: append (the default), complete or update. */
  outputMode(mode: OutputMode): this {
    const m = String(mode).toLowerCase();
    if (!OUTPUT_MODES.has(m)) {
      throw new SparkArgumentError(`unknown output mode ${JSON.stringify(mode)}`, {
        errorClass: "UNKNOWN_OUTPUT_MODE",
        messageParameters: { output_mode: String(mode) },
      });
    }
    this.#outputMode = m as OutputMode;
    return this;
  }
  /** A sink option (e.g. `checkpointLocation`, `path`). */
  option(key: string, value: OptionValue): this {
    this.#options[key] = String(value);
    return this;
  }
  /** Several sink options. */
  options(options: Readonly<Record<string, OptionValue>>): this {
    for (const [k, v] of Object.entries(options)) this.#options[k] = String(v);
    return this;
  }
  /** Partitions file output by columns. */
  partitionBy(...cols: (string | readonly string[])[]): this {
    this.#partitionBy = cols.flat() as string[];
    return this;
  }
  /** Clusters table output by columns. */
  clusterBy(...cols: (string | readonly string[])[]): this {
    this.#clusterBy = cols.flat() as string[];
    return this;
  }
  /** The query's name, unique among the session's active queries (the memory sink's table). */
  queryName(name: string): this {
    if (typeof name !== "string" || name.trim() === "") {
      throw new SparkArgumentError("queryName must be a non-empty string", {
        errorClass: "VALUE_NOT_NON_EMPTY_STR",
        messageParameters: { arg_name: "queryName", arg_value: String(name) },
      });
    }
    this.#queryName = name;
    return this;
  }
  /**
   * When batches run (default: as soon as the previous one is done): exactly one of
   * `{ processingTime: "1 second" }`, `{ once: true }`, `{ availableNow: true }`,
   * `{ continuous: "1 second" }`.
   */
  trigger(trigger: StreamingTrigger): this {
    const keys = trigger && typeof trigger === "object" ? Object.keys(trigger) : [];
    const [key] = keys;
    if (keys.length !== 1 || key === undefined) {
      throw new SparkArgumentError(
        "trigger takes exactly one of processingTime, once, availableNow, continuous",
        { errorClass: "ONLY_ALLOW_SINGLE_TRIGGER" },
      );
    }
    const value = (trigger as Record<string, unknown>)[key];
    if (key === "processingTime" || key === "continuous") {
      if (typeof value !== "string" || value.trim() === "") {
        throw new SparkArgumentError(`${key} must be a non-empty interval string`, {
          errorClass: "VALUE_NOT_NON_EMPTY_STR",
          messageParameters: { arg_name: key, arg_value: String(value) },
        });
      }
    } else if (key === "once" || key === "availableNow") {
      if (value !== true) {
        throw new SparkArgumentError(`${key} must be true`, {
          errorClass: "VALUE_NOT_TRUE",
          messageParameters: { arg_name: key, arg_value: String(value) },
        });
      }
    } else {
      throw new SparkArgumentError(`unknown trigger ${JSON.stringify(key)}`, {
        errorClass: "ONLY_ALLOW_SINGLE_TRIGGER",
      });
    }
    this.#trigger = { ...trigger };
    return this;
  }

  #spec(sink: WriteStreamSpec["sink"], format?: string): WriteStreamSpec {
    const f = format ?? this.#format;
    return {
      ...(f === undefined ? {} : { format: f }),
      options: { ...this.#options },
      partitioningColumnNames: [...this.#partitionBy],
      clusteringColumnNames: [...this.#clusterBy],
      ...(this.#trigger === undefined ? {} : { trigger: this.#trigger }),
      ...(this.#outputMode === undefined ? {} : { outputMode: this.#outputMode }),
      ...(this.#queryName === undefined ? {} : { queryName: this.#queryName }),
      ...(sink === undefined ? {} : { sink }),
    };
  }

  async #start(spec: WriteStreamSpec, options: ActionOptions): Promise<StreamingQuery> {
    const plan = new WriteStreamOperationStart(this.#input, spec).toPlan();
    const responses = await runCommand(this.#internals, plan, options);
    const found = responses.find((r) => r.responseType.case === "writeStreamOperationStartResult");
    if (found?.responseType.case !== "writeStreamOperationStartResult") {
      throw new SparkProtocolError("the server started the streaming query but sent no query id", {
        errorClass: "MISSING_RESULT",
      });
    }
    const r = found.responseType.value;
    return new StreamingQuery(
      this.#internals,
      { id: r.queryId?.id ?? "", runId: r.queryId?.runId ?? "" },
      r.name === "" ? null : r.name,
    );
  }

  /**
   * Starts the query, writing to `path` (file sinks) or to the sink its options name, and
   * resolves with it once the server has started it (an analysis error rejects here).
   */
  start(
    path?: string,
    options: ActionOptions & { format?: string; outputMode?: OutputMode; queryName?: string } = {},
  ): Promise<StreamingQuery> {
    if (options.outputMode !== undefined) this.outputMode(options.outputMode);
    if (options.queryName !== undefined) this.queryName(options.queryName);
    return this.#start(
      this.#spec(path === undefined ? undefined : { path }, options.format),
      options,
    );
  }

  /** Starts the query, appending to a table (created when it does not exist). */
  toTable(
    tableName: string,
    options: ActionOptions & { format?: string; outputMode?: OutputMode; queryName?: string } = {},
  ): Promise<StreamingQuery> {
    if (typeof tableName !== "string" || tableName === "") {
      throw new SparkArgumentError("toTable needs a table name", { errorClass: "NOT_STR" });
    }
    if (options.outputMode !== undefined) this.outputMode(options.outputMode);
    if (options.queryName !== undefined) this.queryName(options.queryName);
    return this.#start(this.#spec({ tableName }, options.format), options);
  }
}
