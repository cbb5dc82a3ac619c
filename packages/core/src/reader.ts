import type { DataFrame } from "./dataframe.js";
import type { FacadeInternals } from "./dataframe-base.js";
import { SparkArgumentError } from "./errors.js";
import { ReadDataSource, ReadNamedTable } from "./plan/sources.js";

type OptionValue = string | number | boolean;

/**
 * Reads data into a DataFrame (`spark.read`): a builder whose settings accumulate, then `load`,
 * `table`, `parquet`, `json`, `csv`… returns the DataFrame (reading happens at the first action).
 *
 * @example
 * ```ts
 * const df = spark.read.format("csv").option("header", true).schema("a INT, b STRING").load("/data/x.csv");
 * ```
 */
export class DataFrameReader {
  readonly #internals: FacadeInternals;
  #format: string | undefined;
  #schema: string | undefined;
  #options: Record<string, string> = {};

  /** @internal */
  constructor(internals: FacadeInternals) {
    this.#internals = internals;
  }

  /** The data source: parquet, json, csv, orc, text, xml, … */
  format(source: string): this {
    this.#format = source;
    return this;
  }
  /** The schema, as a DDL string or a data type with a `toDDL()` or `json()` method. */
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

  /** Reads from paths (or the source's own location when none). */
  load(...paths: (string | readonly string[])[]): DataFrame {
    const id = this.#internals.nextPlanId();
    return this.#internals.dataFrame(
      new ReadDataSource(id, this.#format, this.#schema, this.#options, paths.flat() as string[]),
    );
  }
  /** Reads a table or view. */
  table(name: string): DataFrame {
    const id = this.#internals.nextPlanId();
    return this.#internals.dataFrame(new ReadNamedTable(id, name, this.#options));
  }
  #as(format: string, paths: (string | readonly string[])[]): DataFrame {
    this.#format = format;
    return this.load(...paths);
  }
  /** Parquet files. */
  parquet(...paths: (string | readonly string[])[]): DataFrame {
    return this.#as("parquet", paths);
  }
  /** JSON lines files. */
  json(...paths: (string | readonly string[])[]): DataFrame {
    return this.#as("json", paths);
  }
  /** CSV files. */
  csv(...paths: (string | readonly string[])[]): DataFrame {
    return this.#as("csv", paths);
  }
  /** ORC files. */
  orc(...paths: (string | readonly string[])[]): DataFrame {
    return this.#as("orc", paths);
  }
  /** Text files: one row per line, column `value`. */
  text(...paths: (string | readonly string[])[]): DataFrame {
    return this.#as("text", paths);
  }
  /** XML files. */
  xml(...paths: (string | readonly string[])[]): DataFrame {
    return this.#as("xml", paths);
  }
}
