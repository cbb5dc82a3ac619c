import type { Column } from "./column.js";
import { SparkArgumentError } from "./errors.js";
import { type ActionOptions, runCommand } from "./execution.js";
import type { SessionInternals } from "./internal.js";
import {
  type SaveMode,
  WriteOperation,
  WriteOperationV2,
  type WriteSpec,
  type WriteV2Mode,
} from "./plan/commands.js";
import type { LogicalPlan } from "./plan/logical-plan.js";

const SAVE_MODES = new Set<string>(["append", "overwrite", "error", "errorifexists", "ignore"]);

type OptionValue = string | number | boolean;

/**
 * Saves a DataFrame (`df.write`): a builder whose settings accumulate, then `save`,
 * `saveAsTable` or `insertInto` runs the write.
 *
 * @example
 * ```ts
 * await df.write.format("parquet").mode("overwrite").partitionBy("year").save("/data/out");
 * ```
 */
export class DataFrameWriter {
  readonly #internals: SessionInternals;
  readonly #input: LogicalPlan;
  #source: string | undefined;
  #mode: SaveMode | undefined;
  #options: Record<string, string> = {};
  #partitionBy: string[] = [];
  #sortBy: string[] = [];
  #bucketBy: { columns: string[]; numBuckets: number } | undefined;
  #clusterBy: string[] = [];

  /** @internal */
  constructor(internals: SessionInternals, input: LogicalPlan) {
    this.#internals = internals;
    this.#input = input;
  }

  /** The save mode: append, overwrite, error/errorifexists (default), ignore. */
  mode(mode: SaveMode): this {
    const m = String(mode).toLowerCase();
    if (!SAVE_MODES.has(m)) {
      throw new SparkArgumentError(`unknown save mode ${JSON.stringify(mode)}`, {
        errorClass: "INVALID_SAVE_MODE",
      });
    }
    this.#mode = m as SaveMode;
    return this;
  }
  /** The data source: parquet, json, csv, orc, text, … */
  format(source: string): this {
    this.#source = source;
    return this;
  }
  /** A data source option. */
  option(key: string, value: OptionValue): this {
    this.#options[key] = String(value);
    return this;
  }
  /** Several data source options. */
  options(options: Readonly<Record<string, OptionValue>>): this {
    for (const [k, v] of Object.entries(options)) this.#options[k] = String(v);
    return this;
  }
  /** Partitions the output by columns. */
  partitionBy(...cols: (string | readonly string[])[]): this {
    this.#partitionBy = cols.flat() as string[];
    return this;
  }
  /** Buckets the output (tables only). */
  bucketBy(numBuckets: number, ...cols: (string | readonly string[])[]): this {
    this.#bucketBy = { numBuckets, columns: cols.flat() as string[] };
    return this;
  }
  /** Sorts each bucket (with bucketBy). */
  sortBy(...cols: (string | readonly string[])[]): this {
    this.#sortBy = cols.flat() as string[];
    return this;
  }
  /** Clusters the output by columns. */
  clusterBy(...cols: (string | readonly string[])[]): this {
    this.#clusterBy = cols.flat() as string[];
    return this;
  }

  #spec(target: WriteSpec["target"], format?: string): WriteSpec {
    const source = format ?? this.#source;
    return {
      ...(source === undefined ? {} : { source }),
      target,
      ...(this.#mode === undefined ? {} : { mode: this.#mode }),
      sortColumnNames: this.#sortBy,
      partitioningColumns: this.#partitionBy,
      ...(this.#bucketBy ? { bucketBy: this.#bucketBy } : {}),
      options: this.#options,
      clusteringColumns: this.#clusterBy,
    };
  }

  async #run(spec: WriteSpec, options: ActionOptions): Promise<void> {
    await runCommand(this.#internals, new WriteOperation(this.#input, spec).toPlan(), options);
  }

  /** Writes to a path (or to the source's own location when none). */
  async save(
    path?: string,
    options: ActionOptions & { format?: string; mode?: SaveMode } = {},
  ): Promise<void> {
    if (options.mode) this.mode(options.mode);
    await this.#run(this.#spec(path === undefined ? {} : { path }, options.format), options);
  }
  /** Writes as a table. */
  async saveAsTable(
    name: string,
    options: ActionOptions & { format?: string; mode?: SaveMode } = {},
  ): Promise<void> {
    if (options.mode) this.mode(options.mode);
    await this.#run(this.#spec({ table: name, insertInto: false }, options.format), options);
  }
  /** Inserts into an existing table (by position). */
  async insertInto(name: string, overwrite?: boolean, options: ActionOptions = {}): Promise<void> {
    if (overwrite !== undefined) this.mode(overwrite ? "overwrite" : "append");
    await this.#run(this.#spec({ table: name, insertInto: true }), options);
  }
  /** `format("parquet").save(path)`. */
  parquet(path: string, options: ActionOptions = {}): Promise<void> {
    return this.#run(this.#spec({ path }, "parquet"), options);
  }
  /** `format("json").save(path)`. */
  json(path: string, options: ActionOptions = {}): Promise<void> {
    return this.#run(this.#spec({ path }, "json"), options);
  }
  /** `format("csv").save(path)`. */
  csv(path: string, options: ActionOptions = {}): Promise<void> {
    return this.#run(this.#spec({ path }, "csv"), options);
  }
  /** `format("orc").save(path)`. */
  orc(path: string, options: ActionOptions = {}): Promise<void> {
    return this.#run(this.#spec({ path }, "orc"), options);
  }
  /** `format("text").save(path)`. */
  text(path: string, options: ActionOptions = {}): Promise<void> {
    return this.#run(this.#spec({ path }, "text"), options);
  }
  /** `format("xml").save(path)`. */
  xml(path: string, options: ActionOptions = {}): Promise<void> {
    return this.#run(this.#spec({ path }, "xml"), options);
  }
}

/**
 * Writes a DataFrame to a table through the V2 API (`df.writeTo(table)`).
 *
 * @example
 * ```ts
 * await df.writeTo("catalog.db.events").using("parquet").partitionedBy(col("day")).createOrReplace();
 * ```
 */
export class DataFrameWriterV2 {
  readonly #internals: SessionInternals;
  readonly #input: LogicalPlan;
  readonly #table: string;
  #provider: string | undefined;
  #options: Record<string, string> = {};
  #properties: Record<string, string> = {};
  #partitioning: Column[] = [];
  #clusterBy: string[] = [];

  /** @internal */
  constructor(internals: SessionInternals, input: LogicalPlan, table: string) {
    this.#internals = internals;
    this.#input = input;
    this.#table = table;
  }
  /** The table provider (format). */
  using(provider: string): this {
    this.#provider = provider;
    return this;
  }
  /** A write option. */
  option(key: string, value: OptionValue): this {
    this.#options[key] = String(value);
    return this;
  }
  /** Several write options. */
  options(options: Readonly<Record<string, OptionValue>>): this {
    for (const [k, v] of Object.entries(options)) this.#options[k] = String(v);
    return this;
  }
  /** A table property. */
  tableProperty(key: string, value: string): this {
    this.#properties[key] = value;
    return this;
  }
  /** Partitions the table by columns or transforms (`years(col("ts"))`). */
  partitionedBy(...cols: Column[]): this {
    this.#partitioning = cols;
    return this;
  }
  /** Clusters the table by columns. */
  clusterBy(...cols: string[]): this {
    this.#clusterBy = cols;
    return this;
  }

  async #run(mode: WriteV2Mode, options: ActionOptions, condition?: Column): Promise<void> {
    const plan = new WriteOperationV2(this.#input, this.#table, mode, {
      ...(this.#provider === undefined ? {} : { provider: this.#provider }),
      partitioning: this.#partitioning.map((c) => c.expr),
      options: this.#options,
      tableProperties: this.#properties,
      ...(condition ? { overwriteCondition: condition.expr } : {}),
      clusteringColumns: this.#clusterBy,
    });
    await runCommand(this.#internals, plan.toPlan(), options);
  }

  /** Creates the table; fails if it exists. */
  create(options: ActionOptions = {}): Promise<void> {
    return this.#run("create", options);
  }
  /** Replaces the table; fails if it does not exist. */
  replace(options: ActionOptions = {}): Promise<void> {
    return this.#run("replace", options);
  }
  /** Creates or replaces the table. */
  createOrReplace(options: ActionOptions = {}): Promise<void> {
    return this.#run("createOrReplace", options);
  }
  /** Appends to the table. */
  append(options: ActionOptions = {}): Promise<void> {
    return this.#run("append", options);
  }
  /** Overwrites the rows matching the condition. */
  overwrite(condition: Column, options: ActionOptions = {}): Promise<void> {
    return this.#run("overwrite", options, condition);
  }
  /** Overwrites the partitions the data has rows in. */
  overwritePartitions(options: ActionOptions = {}): Promise<void> {
    return this.#run("overwritePartitions", options);
  }
}
