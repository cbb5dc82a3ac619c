import type { Any } from "@bufbuild/protobuf/wkt";
import type { Transport } from "@connectrpc/connect";
import { analyze } from "./analysis.js";
import { type AddArtifactsOptions, type ArtifactSource, addArtifacts } from "./artifacts.js";
import { Catalog } from "./catalog.js";
import {
  type CallControl,
  SparkConnectClient,
  type SparkConnectClientOptions,
} from "./client/client.js";
import { type ConnectionString, parseConnectionString } from "./client/connection-string.js";
import { Column, toExpression } from "./column.js";
import { DataFrame } from "./dataframe.js";
import type { FacadeInternals } from "./dataframe-base.js";
import { SparkArgumentError, SparkError } from "./errors.js";
import { type ActionOptions, runCommand } from "./execution.js";
import {
  type CommandResult,
  type ExecuteCommandOptions,
  executeExtensionCommand,
} from "./extensions.js";
import { INTERNALS } from "./internal.js";
import { createLocalRelation, type LocalData, type LocalSchema } from "./local-data.js";
import { ProtoRelation, SqlCommand } from "./plan/commands.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import { Range, ReadNamedTable, Sql } from "./plan/sources.js";
import { DataFrameReader } from "./reader.js";
import { RuntimeConfig } from "./runtime-config.js";
import { explainUnboundPositional } from "./sql-parameters.js";
import { DataStreamReader } from "./streaming/data-stream-reader.js";
import { StreamingQueryManager } from "./streaming/streaming-query-manager.js";
import { UDFRegistration } from "./udf-registration.js";

/** Options of {@link SparkSession.create}. */
export interface SparkSessionOptions extends SparkConnectClientOptions {
  /** Reads a local file for `addArtifacts(path)`; `@spark-connect/core/node` sets it. Default: none. */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** SQL parameters: positional (`?` markers) or named (`:name` markers). */
export type SqlArgs = readonly unknown[] | Readonly<Record<string, unknown>>;

const MAX_RANGE = 2n ** 63n - 1n;

function toBigInt(value: number | bigint, what: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) {
    throw new SparkArgumentError(`${what} must be a whole number (or a bigint), not ${value}`, {
      errorClass: "NOT_INT",
      messageParameters: { arg_name: what },
    });
  }
  return BigInt(value);
}

function checkTag(tag: unknown): string {
  if (typeof tag !== "string" || tag === "" || tag.includes(",")) {
    throw new SparkArgumentError("a tag must be a non-empty string without commas", {
      errorClass: "VALUE_NOT_ALLOWED",
      messageParameters: { arg_name: "tag" },
    });
  }
  return tag;
}

/**
 * The entry point: a session on a Spark Connect server. It owns the client and the session's
 * plan-id counter; DataFrames made from it belong to it.
 *
 * In a browser use `connect()` from `@spark-connect/web`; in Node, `connect()` from
 * `@spark-connect/core/node`; or pass any connect `Transport` to {@link SparkSession.create}.
 *
 * @example
 * ```ts
 * const spark = SparkSession.create({ transport });
 * const df = await spark.sql("SELECT id, id * 2 AS twice FROM range(3)");
 * const rows = await df.collect();
 * await spark.stop();
 * ```
 */
export class SparkSession {
  readonly #transport: Transport;
  readonly #options: SparkSessionOptions;
  readonly #client: SparkConnectClient;
  readonly #tags = new Set<string>();
  #nextPlanId = 0;
  #stopped = false;
  /** Aborts the session's running actions when it stops. */
  readonly #stopping = new AbortController();
  /** @internal */
  readonly [INTERNALS]: FacadeInternals;

  private constructor(options: SparkSessionOptions) {
    this.#transport = options.transport;
    this.#options = options;
    this.#client = new SparkConnectClient(options);
    this[INTERNALS] = Object.freeze({
      client: this.#client,
      nextPlanId: () => this.#nextPlanId++,
      dataFrame: (plan: LogicalPlan) => new DataFrame(this, plan),
      tags: () => [...this.#tags],
      assertActive: () => this.#assertActive(),
      stopped: this.#stopping.signal,
      observations: new Map(),
    });
  }

  /** A session over any connect transport. */
  static create(options: SparkSessionOptions): SparkSession {
    if (!options || typeof options.transport !== "object") {
      throw new SparkArgumentError("SparkSession.create needs a connect transport", {
        errorClass: "MISSING_TRANSPORT",
      });
    }
    return new SparkSession(options);
  }

  /**
   * A session from an `sc://` connection string, with a transport made by `createTransport`
   * for the parsed settings (platform packages do this for you).
   */
  static fromConnectionString(
    url: string,
    createTransport: (connection: ConnectionString) => Transport,
    overrides: Partial<Omit<SparkSessionOptions, "transport">> = {},
  ): SparkSession {
    const c = parseConnectionString(url);
    return SparkSession.create({
      transport: createTransport(c),
      ...(c.sessionId === undefined ? {} : { sessionId: c.sessionId }),
      ...(c.userId === undefined ? {} : { userId: c.userId }),
      ...(c.userAgent === undefined ? {} : { userAgent: c.userAgent }),
      ...(c.token === undefined ? {} : { token: c.token }),
      ...(c.grpcMaxMessageSize === undefined ? {} : { maxMessageSize: c.grpcMaxMessageSize }),
      headers: c.metadata,
      ...overrides,
    });
  }

  #assertActive(): void {
    if (this.#stopped) {
      throw new SparkError("this SparkSession has been stopped; create a new one", {
        errorClass: "SESSION_STOPPED",
      });
    }
  }

  /** The session id (a UUID) sent with every request. */
  get sessionId(): string {
    return this.#client.sessionId;
  }

  /**
   * Runs SQL. As in PySpark, the statement is sent at once: commands (DDL, DML, `SET`…) run now;
   * queries come back as a DataFrame to transform or collect. Parameters: positional (`?`) as an
   * array, or named (`:name`) as a record; values are literals or Columns.
   *
   * @example
   * ```ts
   * await spark.sql("CREATE TEMP VIEW v AS SELECT 1 AS x");
   * const df = await spark.sql("SELECT * FROM range(10) WHERE id > :lo", { lo: 5 });
   * ```
   */
  async sql(query: string, args?: SqlArgs, options: ActionOptions = {}): Promise<DataFrame> {
    if (typeof query !== "string") {
      throw new SparkArgumentError("sql() takes a SQL string", { errorClass: "NOT_STR" });
    }
    let positional: ReturnType<typeof toExpression>[] = [];
    let named: Record<string, ReturnType<typeof toExpression>> = {};
    if (Array.isArray(args)) {
      positional = args.map((a, i) => toExpression(a, `args[${i}]`));
    } else if (args !== undefined && args !== null) {
      if (typeof args !== "object" || args instanceof Column) {
        throw new SparkArgumentError("sql() args must be an array or a record", {
          errorClass: "INVALID_TYPE",
          messageParameters: { arg_name: "args" },
        });
      }
      named = Object.fromEntries(
        Object.entries(args).map(([k, v]) => [k, toExpression(v, `args.${k}`)]),
      );
    }
    const internals = this[INTERNALS];
    const relation = new Sql(internals.nextPlanId(), query, positional, named);
    const responses = await runCommand(internals, new SqlCommand(relation).toPlan(), options).catch(
      (err: unknown) => {
        throw Array.isArray(args) ? explainUnboundPositional(err, query, args.length) : err;
      },
    );
    const result = responses.find((r) => r.responseType.case === "sqlCommandResult");
    if (result?.responseType.case === "sqlCommandResult" && result.responseType.value.relation) {
      return internals.dataFrame(
        new ProtoRelation(internals.nextPlanId(), result.responseType.value.relation),
      );
    }
    return internals.dataFrame(relation);
  }

  /**
   * Runs a command of a server-side plugin (Spark Server Libraries): the plugin unpacks
   * `extension` (a `google.protobuf.Any`, see `packExtension`) and runs it now. Resolves with what
   * the server streamed back (rows, a SQL command result, or nothing), with the same errors,
   * retries, reattach, tags and `signal` as every action.
   *
   * @example
   * ```ts
   * await spark.executeCommand(packExtension(ExampleRecordNotesSchema, { viewName: "notes", notes: ["a"] }));
   * await (await spark.sql("SELECT * FROM notes")).collect(); // [Row(position=1, note='a')]
   * ```
   */
  executeCommand(extension: Any, options: ExecuteCommandOptions = {}): Promise<CommandResult> {
    const internals = this[INTERNALS];
    return executeExtensionCommand(
      internals,
      (plan) => internals.dataFrame(plan),
      extension,
      options,
    );
  }

  /**
   * Rows with one column `id` (bigint) from `start` (inclusive) to `end` (exclusive) by `step`;
   * `range(n)` is 0 to n.
   */
  range(end: number | bigint): DataFrame;
  range(
    start: number | bigint,
    end: number | bigint,
    step?: number | bigint,
    numPartitions?: number,
  ): DataFrame;
  range(
    a: number | bigint,
    b?: number | bigint,
    step: number | bigint = 1,
    numPartitions?: number,
  ): DataFrame {
    const [start, end] =
      b === undefined ? [0n, toBigInt(a, "end")] : [toBigInt(a, "start"), toBigInt(b, "end")];
    const s = toBigInt(step, "step");
    if (s === 0n) {
      throw new SparkArgumentError("range's step must not be 0", {
        errorClass: "VALUE_NOT_NONZERO",
        messageParameters: { arg_name: "step" },
      });
    }
    for (const [name, v] of [
      ["start", start],
      ["end", end],
      ["step", s],
    ] as const) {
      if (v > MAX_RANGE || v < -MAX_RANGE - 1n) {
        throw new SparkArgumentError(`range's ${name} is outside the 64-bit range`, {
          errorClass: "VALUE_OUT_OF_BOUNDS",
          messageParameters: { arg_name: name },
        });
      }
    }
    if (numPartitions !== undefined && (!Number.isInteger(numPartitions) || numPartitions < 1)) {
      throw new SparkArgumentError("numPartitions must be a whole number ≥ 1", {
        errorClass: "VALUE_NOT_POSITIVE",
        messageParameters: { arg_name: "numPartitions" },
      });
    }
    const internals = this[INTERNALS];
    return internals.dataFrame(new Range(internals.nextPlanId(), start, end, s, numPartitions));
  }

  /** A table or view by name. */
  table(name: string): DataFrame {
    if (typeof name !== "string" || name === "") {
      throw new SparkArgumentError("table() takes a table name", { errorClass: "NOT_STR" });
    }
    const internals = this[INTERNALS];
    return internals.dataFrame(new ReadNamedTable(internals.nextPlanId(), name));
  }

  /**
   * A DataFrame of local data, sent inline as Arrow: JS objects (keys are column names) or arrays
   * (by position), or an apache-arrow Table. The schema (a DDL string such as
   * `"name STRING, age INT"`, a StructType, or a list of column names) fixes the types; without
   * it they are inferred from the values as `lit()` does.
   *
   * @example
   * ```ts
   * spark.createDataFrame([{ name: "Ana", age: 31 }], "name STRING, age INT")
   * ```
   */
  createDataFrame(data: LocalData, schema?: LocalSchema): DataFrame {
    const internals = this[INTERNALS];
    return internals.dataFrame(createLocalRelation(internals.nextPlanId(), data, schema));
  }

  /** Reads data sources and tables. */
  get read(): DataFrameReader {
    return new DataFrameReader(this[INTERNALS]);
  }

  /**
   * Uploads jars (default), files (`{ file: true }`) or archives (`{ archive: true }`) to the
   * session, in PySpark's chunks with CRC-32 checks; resolves with their names on the server
   * (`["jars/udf.jar"]`). Local paths need `@spark-connect/core/node`; in a browser it throws
   * UnsupportedOperationError (gRPC-Web has no client streaming).
   */
  addArtifacts(
    sources: ArtifactSource | readonly ArtifactSource[],
    options: AddArtifactsOptions = {},
  ): Promise<string[]> {
    const list = Array.isArray(sources) ? sources : [sources as ArtifactSource];
    return addArtifacts(this[INTERNALS], this.#options, list, options);
  }

  /** Registers user-defined functions (JVM classes) for the session. */
  get udf(): UDFRegistration {
    return new UDFRegistration(this[INTERNALS]);
  }

  /** Reads streams (`spark.readStream.format("rate").load()`). */
  get readStream(): DataStreamReader {
    return new DataStreamReader(this[INTERNALS]);
  }
  /** The session's streaming queries. */
  get streams(): StreamingQueryManager {
    return new StreamingQueryManager(this[INTERNALS]);
  }

  /** The catalog: databases, tables, views, functions and the table cache. */
  get catalog(): Catalog {
    return new Catalog(this[INTERNALS]);
  }

  /** The runtime configuration. */
  get conf(): RuntimeConfig {
    return new RuntimeConfig(this[INTERNALS]);
  }

  /** The server's Spark version, e.g. "4.1.4". */
  async version(control: CallControl = {}): Promise<string> {
    return (await analyze(this[INTERNALS], { case: "sparkVersion", value: {} }, control)).version;
  }

  /** A new session on the same server and transport: separate temp views, conf and tags. */
  newSession(): SparkSession {
    this.#assertActive();
    const { sessionId: _ignored, ...rest } = this.#options;
    return new SparkSession({ ...rest, transport: this.#transport });
  }

  /** Adds a tag to every operation this session starts from now on. */
  addTag(tag: string): void {
    this.#tags.add(checkTag(tag));
  }
  /** Removes a tag. */
  removeTag(tag: string): void {
    this.#tags.delete(checkTag(tag));
  }
  /** The current tags. */
  getTags(): string[] {
    return [...this.#tags];
  }
  /** Removes all tags. */
  clearTags(): void {
    this.#tags.clear();
  }

  /** Interrupts every running operation of the session; resolves with their ids. */
  async interruptAll(control: CallControl = {}): Promise<string[]> {
    this.#assertActive();
    return this.#client.interrupt({ all: true }, control);
  }
  /** Interrupts the running operations with a tag. */
  async interruptTag(tag: string, control: CallControl = {}): Promise<string[]> {
    this.#assertActive();
    return this.#client.interrupt({ tag: checkTag(tag) }, control);
  }
  /** Interrupts one operation by id. */
  async interruptOperation(operationId: string, control: CallControl = {}): Promise<string[]> {
    this.#assertActive();
    return this.#client.interrupt({ operationId }, control);
  }

  /**
   * Interrupts the session's running operations, ends the session on the server (its temp
   * views and cached data go) and makes it unusable: later actions throw SESSION_STOPPED. It
   * returns within a few seconds (`CLOSE_BUDGET_MS`, 5 s) whatever the server's state: the
   * InterruptAll and the release get a short, capped budget, and their failures are ignored.
   * Actions still running reject with a SparkCancelledError (OPERATION_CANCELED) whose cause is
   * the SESSION_STOPPED error. Calling it again does nothing.
   *
   * `interrupt: false` skips the InterruptAll request and sends only the release (the server
   * closes the session's operations with it): one request, sent at once, for a page that is
   * going away and gets no second chance.
   */
  async stop(control: CallControl & { interrupt?: boolean } = {}): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const { interrupt = true, ...call } = control;
    // This session's running actions stop waiting and interrupt their own operations.
    this.#stopping.abort(
      new SparkError("the SparkSession was stopped", { errorClass: "SESSION_STOPPED" }),
    );
    // Operations still running would otherwise go on (detached) until the server notices; this
    // also reaches those started under the same session id by other clients. The release waits
    // for it: Spark 4.0 can fail a release that races an interrupt (INTERNAL, "status
    // ReadyForExecution is not within statuses … for event Closed").
    await this.#client.close({ ...call, interrupt });
  }

  /** True once {@link stop} has been called. */
  get isStopped(): boolean {
    return this.#stopped;
  }
}
