/**
 * DataFrame actions and metadata: collecting rows and Arrow tables, counting, showing, and the
 * analysis calls (schema, explain, semantics). All `async`, all accept `{ signal }`.
 *
 * @module
 */
import { create } from "@bufbuild/protobuf";
import type { RecordBatch, Table } from "apache-arrow";
import { analyze, missingResult } from "./analysis.js";
import { batchToRows, tableToRows } from "./arrow/index.js";
import { Column } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import {
  checkCount,
  checkSameSession,
  type FacadeInternals,
  internalsOf,
  planOf,
} from "./dataframe-base.js";
import { DataFrameReshaping } from "./dataframe-reshaping.js";
import { SparkArgumentError } from "./errors.js";
import {
  type ActionOptions,
  type CollectOptions,
  collectTable,
  streamBatches,
} from "./execution.js";
import { Literal } from "./expressions/literal.js";
import { UnresolvedFunction } from "./expressions/nodes.js";
import {
  AnalyzePlanRequest_Explain_ExplainMode,
  AnalyzePlanRequest_ExplainSchema,
} from "./gen/spark/connect/base_pb.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import { ShowString, Tail } from "./plan/relations.js";
import type { Row } from "./row.js";
import { fromProtoDataType, type StructType } from "./types/index.js";

/** Modes of {@link DataFrame.explain}. */
export type ExplainMode = "simple" | "extended" | "codegen" | "cost" | "formatted";

const EXPLAIN_MODES: Record<ExplainMode, AnalyzePlanRequest_Explain_ExplainMode> = {
  simple: AnalyzePlanRequest_Explain_ExplainMode.SIMPLE,
  extended: AnalyzePlanRequest_Explain_ExplainMode.EXTENDED,
  codegen: AnalyzePlanRequest_Explain_ExplainMode.CODEGEN,
  cost: AnalyzePlanRequest_Explain_ExplainMode.COST,
  formatted: AnalyzePlanRequest_Explain_ExplainMode.FORMATTED,
};

/** Options of {@link DataFrame.show}. */
export interface ShowOptions extends ActionOptions {
  /** Rows to show. Default 20. */
  n?: number;
  /** Truncate cells to 20 characters (true), to n characters (a number), or not (false). Default true. */
  truncate?: boolean | number;
  /** One line per column value. Default false. */
  vertical?: boolean;
  /**
   * Where the text goes: it gets the server's string unchanged (with its final newline when the
   * server's ends in one). Default `console.log`, which adds a line break as PySpark's `print`
   * does, so stdout gets the bytes PySpark prints; `null` prints nothing.
   */
  print?: ((text: string) => void) | null;
}

/** The actions and metadata calls of a {@link DataFrame}. */
export abstract class DataFrameActions extends DataFrameReshaping {
  get #plan(): LogicalPlan {
    return planOf(this);
  }

  get #internals(): FacadeInternals {
    return internalsOf(this);
  }

  #id(): number {
    return this.#internals.nextPlanId();
  }

  #with(plan: LogicalPlan): DataFrame {
    return this.#internals.dataFrame(plan);
  }

  // Actions ---------------------------------------------------------------------------------------

  /**
   * All rows. Options: `int64As: "bigint" | "number"`, `decimalAs: "string" | "number"`, `signal`.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(2).collect()); // '[{"id":0},{"id":1}]'
   * ```
   */
  async collect(options: CollectOptions = {}): Promise<Row[]> {
    const table = await this.toArrow(options);
    return tableToRows(table, options);
  }

  /**
   * All rows as an apache-arrow Table (columnar; the fastest way to read large results).
   *
   * @example
   * ```ts
   * (await spark.range(3).toArrow()).numRows; // 3
   * ```
   */
  async toArrow(options: ActionOptions = {}): Promise<Table> {
    return collectTable(this.#internals, this.toPlan(), options);
  }

  /**
   * The result as an async iterator of Arrow record batches, in order, one at a time: never
   * holds the whole result.
   *
   * @example
   * ```ts
   * for await (const batch of df.toArrowBatches()) console.log(batch.numRows);
   * ```
   */
  toArrowBatches(options: ActionOptions = {}): AsyncIterable<RecordBatch> {
    return streamBatches(this.#internals, this.toPlan(), options);
  }

  /**
   * The rows, batch by batch, as an async iterator (like PySpark's `toLocalIterator`).
   *
   * @example
   * ```ts
   * let n = 0; for await (const row of spark.range(4).toLocalIterator()) n += Number(row.get("id")); n; // 6
   * ```
   */
  async *toLocalIterator(options: CollectOptions = {}): AsyncGenerator<Row> {
    for await (const batch of this.toArrowBatches(options)) {
      yield* batchToRows(batch, options);
    }
  }

  /**
   * The number of rows.
   *
   * @example
   * ```ts
   * await spark.range(7).count(); // 7
   * ```
   */
  async count(options: ActionOptions = {}): Promise<number> {
    const count = new Column(new UnresolvedFunction("count", [new Literal(1)]));
    const rows = await this.groupBy()
      .agg(count)
      .collect({ ...options, int64As: "number" });
    return rows[0]?.[0] as number;
  }

  /**
   * The first n rows (default 1: the first row, or undefined when there is none).
   *
   * @example
   * ```ts
   * (await spark.range(5).head(2)).length; // 2
   * ```
   */
  async head(): Promise<Row | undefined>;
  async head(n: number, options?: CollectOptions): Promise<Row[]>;
  async head(n?: number, options: CollectOptions = {}): Promise<Row | Row[] | undefined> {
    if (n === undefined) return (await this.limit(1).collect(options))[0];
    return this.limit(n).collect(options);
  }
  /**
   * The first row, or undefined for an empty result.
   *
   * @example
   * ```ts
   * (await spark.range(5).first())?.get("id"); // 0n
   * ```
   */
  async first(options: CollectOptions = {}): Promise<Row | undefined> {
    return (await this.limit(1).collect(options))[0];
  }
  /**
   * The first n rows.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(5).take(2)); // '[{"id":0},{"id":1}]'
   * ```
   */
  async take(n: number, options: CollectOptions = {}): Promise<Row[]> {
    return this.limit(n).collect(options);
  }
  /**
   * The last n rows.
   *
   * @example
   * ```ts
   * JSON.stringify(await spark.range(5).tail(2)); // '[{"id":3},{"id":4}]'
   * ```
   */
  async tail(n: number, options: CollectOptions = {}): Promise<Row[]> {
    return this.#with(new Tail(this.#id(), this.#plan, checkCount(n, "tail"))).collect(options);
  }
  /**
   * True when there are no rows.
   *
   * @example
   * ```ts
   * await spark.range(0).isEmpty(); // true
   * ```
   */
  async isEmpty(options: ActionOptions = {}): Promise<boolean> {
    return (await this.select().limit(1).toArrow(options)).numRows === 0;
  }

  /**
   * Prints (and returns) the first rows as text, exactly as PySpark's `show()` does (the server
   * renders it).
   *
   * @example
   * ```ts
   * await spark.range(2).show({ print: null }); // "+---+\n| id|\n+---+\n|  0|\n|  1|\n+---+\n"
   * ```
   */
  async show(
    nOrOptions: number | ShowOptions = {},
    truncate?: boolean | number,
    vertical?: boolean,
  ): Promise<string> {
    const options: ShowOptions =
      typeof nOrOptions === "number" ? { n: nOrOptions, truncate, vertical } : nOrOptions;
    const n = checkCount(options.n ?? 20, "n");
    const t = options.truncate ?? true;
    const truncateAt = t === true ? 20 : t === false ? 0 : checkCount(t, "truncate");
    const plan = new ShowString(this.#id(), this.#plan, n, truncateAt, options.vertical ?? false);
    const table = await collectTable(this.#internals, plan.toPlan(), options);
    const text = String(table.getChildAt(0)?.get(0) ?? "");
    const print = options.print === undefined ? (s: string) => console.log(s) : options.print;
    print?.(text);
    return text;
  }

  /**
   * The schema, as analysed by the server.
   *
   * @example
   * ```ts
   * (await spark.range(1).schema()).simpleString(); // "struct<id:bigint>"
   * ```
   */
  async schema(options: ActionOptions = {}): Promise<StructType> {
    const r = await analyze(
      this.#internals,
      { case: "schema", value: { plan: this.toPlan() } },
      options,
    );
    if (!r.schema) throw missingResult("schema");
    return fromProtoDataType(r.schema) as StructType;
  }

  /**
   * The column names.
   *
   * @example
   * ```ts
   * await spark.range(1).columns(); // ["id"]
   * ```
   */
  async columns(options: ActionOptions = {}): Promise<string[]> {
    return (await this.schema(options)).fieldNames();
  }

  /**
   * Column names with their types' simple strings, e.g. `[["id", "bigint"]]`.
   *
   * @example
   * ```ts
   * await spark.range(1).dtypes(); // [["id", "bigint"]]
   * ```
   */
  async dtypes(options: ActionOptions = {}): Promise<[string, string][]> {
    return (await this.schema(options)).fields.map((f) => [f.name, f.dataType.simpleString()]);
  }

  /**
   * Prints (and returns) the schema as a tree, as PySpark's `printSchema()`: `print` gets the
   * server's string unchanged, as in {@link ShowOptions.print}.
   *
   * @example
   * ```ts
   * await spark.range(1).printSchema(undefined, { print: null }); // "root\n |-- id: long (nullable = false)\n"
   * ```
   */
  async printSchema(
    level?: number,
    options: ActionOptions & { print?: ((text: string) => void) | null } = {},
  ): Promise<string> {
    const { treeString: text } = await analyze(
      this.#internals,
      {
        case: "treeString",
        value: { plan: this.toPlan(), ...(level === undefined ? {} : { level }) },
      },
      options,
    );
    const print = options.print === undefined ? (s: string) => console.log(s) : options.print;
    print?.(text);
    return text;
  }

  /**
   * Prints (and returns) the plans: mode simple (default), extended, codegen, cost or formatted;
   * `print` gets the server's string unchanged, as in {@link ShowOptions.print}.
   *
   * @example
   * ```ts
   * (await spark.range(1).explain("simple", { print: null })).startsWith("== Physical Plan =="); // true
   * ```
   */
  async explain(
    mode: ExplainMode | boolean = "simple",
    options: ActionOptions & { print?: ((text: string) => void) | null } = {},
  ): Promise<string> {
    const m: ExplainMode = mode === true ? "extended" : mode === false ? "simple" : mode;
    const explainMode = EXPLAIN_MODES[m];
    if (explainMode === undefined) {
      throw new SparkArgumentError(`unknown explain mode ${JSON.stringify(mode)}`, {
        errorClass: "UNKNOWN_EXPLAIN_MODE",
        messageParameters: { explain_mode: String(mode) },
      });
    }
    const { explainString: text } = await analyze(
      this.#internals,
      {
        case: "explain",
        value: create(AnalyzePlanRequest_ExplainSchema, { plan: this.toPlan(), explainMode }),
      },
      options,
    );
    const print = options.print === undefined ? (s: string) => console.log(s) : options.print;
    print?.(text);
    return text;
  }

  /**
   * True when collect() and take() can run locally without executors.
   *
   * @example
   * ```ts
   * await spark.range(1).isLocal(); // false
   * ```
   */
  async isLocal(options: ActionOptions = {}): Promise<boolean> {
    const plan = this.toPlan();
    return (await analyze(this.#internals, { case: "isLocal", value: { plan } }, options)).isLocal;
  }
  /**
   * True when the DataFrame reads a streaming source.
   *
   * @example
   * ```ts
   * await spark.range(1).isStreaming(); // false
   * ```
   */
  async isStreaming(options: ActionOptions = {}): Promise<boolean> {
    const plan = this.toPlan();
    const r = await analyze(this.#internals, { case: "isStreaming", value: { plan } }, options);
    return r.isStreaming;
  }
  /**
   * The files the DataFrame reads (best effort).
   *
   * @example
   * ```ts
   * await spark.range(1).inputFiles(); // []
   * ```
   */
  async inputFiles(options: ActionOptions = {}): Promise<string[]> {
    const plan = this.toPlan();
    const r = await analyze(this.#internals, { case: "inputFiles", value: { plan } }, options);
    return [...r.files];
  }
  /**
   * True when both plans compute the same result.
   *
   * @example
   * ```ts
   * await spark.range(3).sameSemantics(spark.range(3)); // true
   * ```
   */
  async sameSemantics(other: DataFrame, options: ActionOptions = {}): Promise<boolean> {
    checkSameSession(this, other, "sameSemantics");
    const value = { targetPlan: this.toPlan(), otherPlan: other.toPlan() };
    return (await analyze(this.#internals, { case: "sameSemantics", value }, options)).result;
  }
  /**
   * A hash of the plan's semantics.
   *
   * @example
   * ```ts
   * (await spark.range(3).semanticHash()) === (await spark.range(3).semanticHash()); // true
   * ```
   */
  async semanticHash(options: ActionOptions = {}): Promise<number> {
    const plan = this.toPlan();
    return (await analyze(this.#internals, { case: "semanticHash", value: { plan } }, options))
      .result;
  }
}
