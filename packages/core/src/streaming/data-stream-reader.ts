import type { DataFrame } from "../dataframe.js";
import type { FacadeInternals } from "../dataframe-base.js";
import { SparkArgumentError } from "../errors.js";
import { ReadDataSource, ReadNamedTable } from "../plan/sources.js";

type OptionValue = string | number | boolean;

/**
 * Reads a stream into a streaming DataFrame (`spark.readStream`): a builder whose settings
 * accumulate, then `load`, `table`, `json`, `csv`… returns the DataFrame, which runs once
 * `df.writeStream…start()` starts a query over it.
 *
 * Sources as Spark ships them: `rate` (`rowsPerSecond`, `numPartitions`), `rate-micro-batch`
 * (`rowsPerBatch`), files (`json`, `csv`, `parquet`, `orc`, `text`, `xml`: a directory watched for
 * new files; a schema is required except for text), `socket` (`host`, `port`), tables.
 *
 * @example
 * ```ts
 * const rates = spark.readStream.format("rate").option("rowsPerSecond", 10).load();
 * // columns: timestamp TIMESTAMP, value BIGINT
 * ```
 */
export class DataStreamReader {
  readonly #internals: FacadeInternals;
  #format: string | undefined;
  #schema: string | undefined;
  #options: Record<string, string> = {};

  /** @internal */
  constructor(internals: FacadeInternals) {
    this.#internals = internals;
  }

  /** The source: rate, rate-micro-batch, socket, json, csv, parquet, orc, text, xml, … */
  format(source: string): this {
    this.#format = source;
    return this;
  }
  /** The schema, as a DDL string or a data type with a `json()` method. */
  schema(schema: string | { json(): string }): this {
    if (typeof schema === "string") this.#schema = schema;
    else if (schema && typeof schema.json === "function") this.#schema = schema.json();
    else {
      throw new SparkArgumentError("schema must be a DDL string or a StructType", {
        errorClass: "NOT_STR_OR_STRUCT",
      });
    }
    return this;
  }
  /** A source option (e.g. `maxFilesPerTrigger`, `rowsPerSecond`). */
  option(key: string, value: OptionValue): this {
    this.#options[key] = String(value);
    return this;
  }
  /** Several source options. */
  options(options: Readonly<Record<string, OptionValue>>): this {
    for (const [k, v] of Object.entries(options)) this.#options[k] = String(v);
    return this;
  }

  /** The stream from a path (file sources) or from the source's own options (rate, socket). */
  load(path?: string): DataFrame {
    if (path !== undefined && (typeof path !== "string" || path.trim() === "")) {
      throw new SparkArgumentError("path must be a non-empty string", {
        errorClass: "VALUE_NOT_NON_EMPTY_STR",
        messageParameters: { arg_name: "path", arg_value: String(path) },
      });
    }
    const id = this.#internals.nextPlanId();
    return this.#internals.dataFrame(
      new ReadDataSource(
        id,
        this.#format,
        this.#schema,
        this.#options,
        path === undefined ? [] : [path],
        [],
        true,
      ),
    );
  }
  /** The stream of rows appended to a table. */
  table(name: string): DataFrame {
    const id = this.#internals.nextPlanId();
    return this.#internals.dataFrame(new ReadNamedTable(id, name, this.#options, true));
  }
  #as(format: string, path: string): DataFrame {
    this.#format = format;
    return this.load(path);
  }
  /** New JSON lines files in a directory. */
  json(path: string): DataFrame {
    return this.#as("json", path);
  }
  /** New CSV files in a directory. */
  csv(path: string): DataFrame {
    return this.#as("csv", path);
  }
  /** New Parquet files in a directory. */
  parquet(path: string): DataFrame {
    return this.#as("parquet", path);
  }
  /** New ORC files in a directory. */
  orc(path: string): DataFrame {
    return this.#as("orc", path);
  }
  /** New text files in a directory: one row per line, column `value`. */
  text(path: string): DataFrame {
    return this.#as("text", path);
  }
  /** New XML files in a directory. */
  xml(path: string): DataFrame {
    return this.#as("xml", path);
  }
}
