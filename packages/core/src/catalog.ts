import type { DataFrame } from "./dataframe.js";
import type { FacadeInternals } from "./dataframe-base.js";
import { SparkArgumentError, SparkProtocolError } from "./errors.js";
import type { ActionOptions } from "./execution.js";
import { type CatalogOperation, CatalogRelation } from "./plan/catalog.js";
import { ReadNamedTable } from "./plan/sources.js";
import type { Row } from "./row.js";
import { StorageLevel } from "./storage-level.js";
import { parseSchema, StructType } from "./types/index.js";

/** A catalog, as {@link Catalog.listCatalogs} lists it. */
export interface CatalogMetadata {
  readonly name: string;
  readonly description: string | null;
}

/** A database (namespace), as {@link Catalog.getDatabase} and {@link Catalog.listDatabases} give it. */
export interface Database {
  readonly name: string;
  /** The catalog it belongs to. */
  readonly catalog: string | null;
  readonly description: string | null;
  /** Where its data lives, e.g. `file:/…/spark-warehouse`; null when the server sends none. */
  readonly locationUri: string | null;
}

/**
 * A table or view, as {@link Catalog.getTable} and {@link Catalog.listTables} give it. (Named
 * `CatalogTable` so that it does not clash with apache-arrow's `Table`.)
 */
export interface CatalogTable {
  readonly name: string;
  /** The catalog it belongs to; null for a temporary view. */
  readonly catalog: string | null;
  /** Its namespace, e.g. `["default"]`; `[]` for a local temporary view. */
  readonly namespace: readonly string[] | null;
  /** The namespace's only part when it has exactly one, else null (PySpark's `database`). */
  readonly database: string | null;
  readonly description: string | null;
  /** `MANAGED`, `EXTERNAL`, `VIEW`, `TEMPORARY`…; null when the server sends none. */
  readonly tableType: string | null;
  readonly isTemporary: boolean;
}

/** A column of a table, as {@link Catalog.listColumns} gives it. */
export interface CatalogColumn {
  readonly name: string;
  readonly description: string | null;
  /** The type as Spark's simple string, e.g. `bigint`, `array<string>`. */
  readonly dataType: string;
  readonly nullable: boolean;
  readonly isPartition: boolean;
  readonly isBucket: boolean;
  /** Whether the table is clustered by this column (absent from servers before Spark 4.0). */
  readonly isCluster?: boolean;
}

/** A function, as {@link Catalog.getFunction} and {@link Catalog.listFunctions} give it. */
export interface CatalogFunction {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[] | null;
  readonly description: string | null;
  /**
   * The implementing class, e.g. `org.apache.spark.sql.catalyst.expressions.Abs`; null when the
   * server sends none.
   */
  readonly className: string | null;
  readonly isTemporary: boolean;
}

/** Options of {@link Catalog.createTable}. */
export interface CreateTableOptions extends ActionOptions {
  /**
   * Where the table's data lives. With a path the table is external (dropping it keeps the
   * files); without one it is managed. Default: none.
   */
  path?: string;
  /** The data source, e.g. `"parquet"`, `"csv"`. Default: the server's `spark.sql.sources.default`. */
  source?: string;
  /**
   * The columns, as a DDL string (`"id BIGINT, name STRING"`) or a StructType. Default: none (the
   * source infers them from the data at `path`).
   */
  schema?: StructType | string;
  /** The table's comment. Default: none. */
  description?: string;
  /** Extra data source options; numbers and booleans are sent as strings. Default: none. */
  options?: Readonly<Record<string, string | number | boolean>>;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}

/** A required name: a non-empty string. */
function nameArg(value: unknown, what: string): string {
  if (typeof value !== "string") {
    throw new SparkArgumentError(`${what} must be a string, not ${typeName(value)}`, {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: what, arg_type: typeName(value) },
    });
  }
  if (value === "") {
    throw new SparkArgumentError(`${what} must not be empty`, {
      errorClass: "VALUE_NOT_NON_EMPTY_STR",
      messageParameters: { arg_name: what, arg_value: value },
    });
  }
  return value;
}

/** An optional string (a name when `nonEmpty`): undefined and null mean "not given". */
function optionalArg(value: unknown, what: string, nonEmpty = true): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (nonEmpty) return nameArg(value, what);
  if (typeof value !== "string") {
    throw new SparkArgumentError(`${what} must be a string, not ${typeName(value)}`, {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: what, arg_type: typeName(value) },
    });
  }
  return value;
}

function schemaArg(value: unknown): StructType | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return parseSchema(value);
  if (value instanceof StructType) return value;
  throw new SparkArgumentError(
    `schema must be a DDL string or a StructType, not ${typeName(value)}`,
    {
      errorClass: "NOT_STR_OR_STRUCT",
      messageParameters: { arg_name: "schema", arg_type: typeName(value) },
    },
  );
}

function optionsArg(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new SparkArgumentError("options must be an object of option names to values", {
      errorClass: "NOT_DICT",
      messageParameters: { arg_name: "options", arg_type: typeName(value) },
    });
  }
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!["string", "number", "boolean"].includes(typeof v)) {
      throw new SparkArgumentError(
        `option ${JSON.stringify(key)} must be a string, number or boolean, not ${typeName(v)}`,
        {
          errorClass: "NOT_BOOL_OR_FLOAT_OR_INT_OR_STR",
          messageParameters: { arg_name: `options.${key}`, arg_type: typeName(v) },
        },
      );
    }
    out[key] = String(v);
  }
  return out;
}

/** Splits the trailing `(dbName?, options?)` of the methods whose `dbName` is deprecated. */
function dbNameAndOptions(
  dbNameOrOptions: string | ActionOptions | undefined | null,
  options: ActionOptions | undefined,
): [string | undefined, ActionOptions] {
  if (typeof dbNameOrOptions === "object" && dbNameOrOptions !== null) {
    return [undefined, dbNameOrOptions];
  }
  return [optionalArg(dbNameOrOptions, "dbName"), options ?? {}];
}

const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strings = (v: unknown): readonly string[] | null =>
  Array.isArray(v) ? Object.freeze(v.map(String)) : null;

// The answers are read by position, as PySpark's client reads them: Spark names the columns
// after its Scala case classes (`name`, `catalog`…), other Spark Connect servers name them
// differently (Sail: `tableName`…), but every server sends them in that order.

function toDatabase(r: Row): Database {
  return Object.freeze({
    name: String(r[0]),
    catalog: strOrNull(r[1]),
    description: strOrNull(r[2]),
    locationUri: strOrNull(r[3]),
  });
}

function toTable(r: Row): CatalogTable {
  const namespace = strings(r[2]);
  return Object.freeze({
    name: String(r[0]),
    catalog: strOrNull(r[1]),
    namespace,
    database: namespace?.length === 1 ? (namespace[0] ?? null) : null,
    description: strOrNull(r[3]),
    tableType: strOrNull(r[4]),
    isTemporary: r[5] === true,
  });
}

function toColumn(r: Row): CatalogColumn {
  return Object.freeze({
    name: String(r[0]),
    description: strOrNull(r[1]),
    dataType: String(r[2]),
    nullable: r[3] === true,
    isPartition: r[4] === true,
    isBucket: r[5] === true,
    ...(r.length > 6 ? { isCluster: r[6] === true } : {}),
  });
}

function toFunction(r: Row): CatalogFunction {
  return Object.freeze({
    name: String(r[0]),
    catalog: strOrNull(r[1]),
    namespace: strings(r[2]),
    description: strOrNull(r[3]),
    className: strOrNull(r[4]),
    isTemporary: r[5] === true,
  });
}

function toCatalogMetadata(r: Row): CatalogMetadata {
  return Object.freeze({
    name: String(r[0]),
    description: strOrNull(r[1]),
  });
}

/**
 * The session's catalog (`spark.catalog`): catalogs, databases, tables, views, functions and the
 * table cache, as PySpark's `Catalog` in camelCase. Every method asks the server (a `Catalog`
 * relation run with ExecutePlan), is `async`, takes `{ signal }` last to cancel, and rejects
 * bad arguments with a `SparkArgumentError` before sending anything. Results are frozen plain
 * objects, read from the server's answer by column position as PySpark reads them (so servers
 * that name the columns differently give the same objects); a null in the answer stays `null`.
 *
 * Names may be qualified (`"db.table"`, `"catalog.db.table"`); the `dbName` arguments of
 * `tableExists`, `functionExists` and `listColumns` are deprecated, as in PySpark.
 *
 * @example
 * ```ts
 * await spark.range(3).createOrReplaceTempView("nums");
 * await spark.catalog.tableExists("nums");             // true
 * (await spark.catalog.listColumns("nums"))[0]?.dataType; // "bigint"
 * await spark.catalog.dropTempView("nums");           // true
 * ```
 */
export class Catalog {
  readonly #internals: FacadeInternals;

  /** @internal */
  constructor(internals: FacadeInternals) {
    this.#internals = internals;
    Object.freeze(this);
  }

  /** Runs one catalog operation and returns the rows the server answers with. */
  async #rows(operation: CatalogOperation, options: ActionOptions = {}): Promise<Row[]> {
    const plan = new CatalogRelation(this.#internals.nextPlanId(), operation);
    return this.#internals
      .dataFrame(plan)
      .collect(options.signal ? { signal: options.signal } : {});
  }

  /** The first value of the first row (a `value` column of one string or boolean). */
  async #value(operation: CatalogOperation, options?: ActionOptions): Promise<unknown> {
    return (await this.#first(operation, options))[0];
  }

  async #first(operation: CatalogOperation, options?: ActionOptions): Promise<Row> {
    const row = (await this.#rows(operation, options))[0];
    if (row === undefined) {
      throw new SparkProtocolError(`the server answered ${operation.case} without a row`, {
        errorClass: "MISSING_RESULT",
      });
    }
    return row;
  }

  // Catalogs -------------------------------------------------------------------------------------

  /**
   * The session's current catalog.
   *
   * @example
   * ```ts
   * await spark.catalog.currentCatalog(); // "spark_catalog"
   * ```
   */
  async currentCatalog(options?: ActionOptions): Promise<string> {
    return String(await this.#value({ case: "currentCatalog" }, options));
  }

  /**
   * Sets the session's current catalog.
   *
   * @example
   * ```ts
   * await spark.catalog.setCurrentCatalog("spark_catalog");
   * ```
   */
  async setCurrentCatalog(catalogName: string, options?: ActionOptions): Promise<void> {
    const name = nameArg(catalogName, "catalogName");
    await this.#rows({ case: "setCurrentCatalog", catalogName: name }, options);
  }

  /**
   * The catalogs of the session, optionally only those whose names match a pattern (`*` any
   * characters, `|` alternatives).
   *
   * @example
   * ```ts
   * await spark.catalog.listCatalogs(); // [{ name: "spark_catalog", description: null }]
   * ```
   */
  async listCatalogs(pattern?: string, options?: ActionOptions): Promise<CatalogMetadata[]> {
    const p = optionalArg(pattern, "pattern", false);
    const rows = await this.#rows(
      { case: "listCatalogs", ...(p === undefined ? {} : { pattern: p }) },
      options,
    );
    return rows.map(toCatalogMetadata);
  }

  // Databases ------------------------------------------------------------------------------------

  /**
   * The session's current database (namespace).
   *
   * @example
   * ```ts
   * await spark.catalog.currentDatabase(); // "default"
   * ```
   */
  async currentDatabase(options?: ActionOptions): Promise<string> {
    return String(await this.#value({ case: "currentDatabase" }, options));
  }

  /**
   * Sets the session's current database; unqualified table names resolve in it.
   *
   * @example
   * ```ts
   * await spark.catalog.setCurrentDatabase("sales");
   * ```
   */
  async setCurrentDatabase(dbName: string, options?: ActionOptions): Promise<void> {
    await this.#rows({ case: "setCurrentDatabase", dbName: nameArg(dbName, "dbName") }, options);
  }

  /**
   * The databases of the current catalog, optionally only those whose names match a pattern.
   *
   * @example
   * ```ts
   * await spark.catalog.listDatabases("def*");
   * // [{ name: "default", catalog: "spark_catalog", description: "default database", locationUri: "file:/…" }]
   * ```
   */
  async listDatabases(pattern?: string, options?: ActionOptions): Promise<Database[]> {
    const p = optionalArg(pattern, "pattern", false);
    const rows = await this.#rows(
      { case: "listDatabases", ...(p === undefined ? {} : { pattern: p }) },
      options,
    );
    return rows.map(toDatabase);
  }

  /**
   * A database by name (may be qualified by its catalog); rejects with an `AnalysisError`
   * (`SCHEMA_NOT_FOUND`) when there is none.
   *
   * @example
   * ```ts
   * (await spark.catalog.getDatabase("default")).catalog; // "spark_catalog"
   * ```
   */
  async getDatabase(dbName: string, options?: ActionOptions): Promise<Database> {
    const row = await this.#first(
      { case: "getDatabase", dbName: nameArg(dbName, "dbName") },
      options,
    );
    return toDatabase(row);
  }

  /**
   * Whether a database exists.
   *
   * @example
   * ```ts
   * await spark.catalog.databaseExists("default"); // true
   * ```
   */
  async databaseExists(dbName: string, options?: ActionOptions): Promise<boolean> {
    const v = await this.#value(
      { case: "databaseExists", dbName: nameArg(dbName, "dbName") },
      options,
    );
    return v === true;
  }

  // Tables and views -----------------------------------------------------------------------------

  /**
   * The tables and views of a database (default: the current one), temporary views included,
   * optionally only those whose names match a pattern.
   *
   * @example
   * ```ts
   * await spark.catalog.listTables(undefined, "nu*");
   * // [{ name: "nums", catalog: null, namespace: [], database: null, description: null,
   * //    tableType: "TEMPORARY", isTemporary: true }]
   * ```
   */
  async listTables(
    dbName?: string,
    pattern?: string,
    options?: ActionOptions,
  ): Promise<CatalogTable[]> {
    const db = optionalArg(dbName, "dbName");
    const p = optionalArg(pattern, "pattern", false);
    const rows = await this.#rows(
      {
        case: "listTables",
        ...(db === undefined ? {} : { dbName: db }),
        ...(p === undefined ? {} : { pattern: p }),
      },
      options,
    );
    return rows.map(toTable);
  }

  /**
   * A table or view by name (may be qualified); rejects with an `AnalysisError`
   * (`TABLE_OR_VIEW_NOT_FOUND`) when there is none.
   *
   * @example
   * ```ts
   * (await spark.catalog.getTable("default.sales")).tableType; // "MANAGED"
   * ```
   */
  async getTable(tableName: string, options?: ActionOptions): Promise<CatalogTable> {
    const row = await this.#first(
      { case: "getTable", tableName: nameArg(tableName, "tableName") },
      options,
    );
    return toTable(row);
  }

  /**
   * Whether a table or view exists (temporary views included).
   *
   * @example
   * ```ts
   * await spark.catalog.tableExists("default.sales"); // true
   * ```
   */
  async tableExists(tableName: string, options?: ActionOptions): Promise<boolean>;
  /** @deprecated Qualify the name instead: `tableExists("db.table")`. */
  async tableExists(tableName: string, dbName: string, options?: ActionOptions): Promise<boolean>;
  async tableExists(
    tableName: string,
    dbNameOrOptions?: string | ActionOptions,
    options?: ActionOptions,
  ): Promise<boolean> {
    const name = nameArg(tableName, "tableName");
    const [dbName, opts] = dbNameAndOptions(dbNameOrOptions, options);
    const v = await this.#value(
      { case: "tableExists", tableName: name, ...(dbName === undefined ? {} : { dbName }) },
      opts,
    );
    return v === true;
  }

  /**
   * The columns of a table or view.
   *
   * @example
   * ```ts
   * await spark.catalog.listColumns("nums");
   * // [{ name: "id", description: null, dataType: "bigint", nullable: false,
   * //    isPartition: false, isBucket: false, isCluster: false }]
   * ```
   */
  async listColumns(tableName: string, options?: ActionOptions): Promise<CatalogColumn[]>;
  /** @deprecated Qualify the name instead: `listColumns("db.table")`. */
  async listColumns(
    tableName: string,
    dbName: string,
    options?: ActionOptions,
  ): Promise<CatalogColumn[]>;
  async listColumns(
    tableName: string,
    dbNameOrOptions?: string | ActionOptions,
    options?: ActionOptions,
  ): Promise<CatalogColumn[]> {
    const name = nameArg(tableName, "tableName");
    const [dbName, opts] = dbNameAndOptions(dbNameOrOptions, options);
    const rows = await this.#rows(
      { case: "listColumns", tableName: name, ...(dbName === undefined ? {} : { dbName }) },
      opts,
    );
    return rows.map(toColumn);
  }

  /**
   * Creates a table from a data source and returns it as a DataFrame (`spark.table(tableName)`).
   * With `path` the table is external, over the data there; without it the table is managed
   * and starts empty. The table is created when the promise resolves.
   *
   * (PySpark's DataFrame wraps the create operation itself, so evaluating it again sends the
   * create again; this one just reads the new table.)
   *
   * @example
   * ```ts
   * const df = await spark.catalog.createTable("people", {
   *   source: "parquet",
   *   schema: "name STRING, age INT",
   *   description: "everyone",
   * });
   * await df.count(); // 0
   * ```
   */
  async createTable(tableName: string, options: CreateTableOptions = {}): Promise<DataFrame> {
    const name = nameArg(tableName, "tableName");
    if (typeof options !== "object" || options === null) {
      throw new SparkArgumentError("createTable's second argument is an options object", {
        errorClass: "NOT_DICT",
        messageParameters: { arg_name: "options", arg_type: typeName(options) },
      });
    }
    const path = optionalArg(options.path, "path");
    const source = optionalArg(options.source, "source");
    const description = optionalArg(options.description, "description", false);
    const schema = schemaArg(options.schema);
    const sourceOptions = optionsArg(options.options);
    const plan = new CatalogRelation(this.#internals.nextPlanId(), {
      case: "createTable",
      tableName: name,
      ...(path === undefined ? {} : { path }),
      ...(source === undefined ? {} : { source }),
      ...(description === undefined ? {} : { description }),
      ...(schema === undefined ? {} : { schema }),
      options: sourceOptions,
    });
    // The server creates the table while planning; `limit(0)` keeps it from sending the data.
    await this.#internals
      .dataFrame(plan)
      .limit(0)
      .collect(options.signal ? { signal: options.signal } : {});
    return this.#internals.dataFrame(new ReadNamedTable(this.#internals.nextPlanId(), name));
  }

  /**
   * Creates a table from a data source.
   *
   * @deprecated Since Spark 4.0: use {@link createTable}, which this calls.
   */
  async createExternalTable(
    tableName: string,
    options: Omit<CreateTableOptions, "description"> = {},
  ): Promise<DataFrame> {
    const { description: _ignored, ...rest } = (options ?? {}) as CreateTableOptions;
    return this.createTable(tableName, rest);
  }

  /**
   * Drops a local temporary view (uncaching it); resolves true if there was one to drop.
   *
   * @example
   * ```ts
   * await spark.catalog.dropTempView("nums"); // true
   * await spark.catalog.dropTempView("nums"); // false
   * ```
   */
  async dropTempView(viewName: string, options?: ActionOptions): Promise<boolean> {
    const v = await this.#value(
      { case: "dropTempView", viewName: nameArg(viewName, "viewName") },
      options,
    );
    return v === true;
  }

  /**
   * Drops a global temporary view (unqualified: the `global_temp` database is implied);
   * resolves true if there was one to drop.
   *
   * @example
   * ```ts
   * await spark.range(1).createGlobalTempView("g");
   * await spark.catalog.dropGlobalTempView("g"); // true
   * ```
   */
  async dropGlobalTempView(viewName: string, options?: ActionOptions): Promise<boolean> {
    const v = await this.#value(
      { case: "dropGlobalTempView", viewName: nameArg(viewName, "viewName") },
      options,
    );
    return v === true;
  }

  /**
   * Adds the partitions found in a partitioned table's directory to the catalog.
   *
   * @example
   * ```ts
   * await spark.catalog.recoverPartitions("events");
   * ```
   */
  async recoverPartitions(tableName: string, options?: ActionOptions): Promise<void> {
    await this.#rows(
      { case: "recoverPartitions", tableName: nameArg(tableName, "tableName") },
      options,
    );
  }

  // Functions ------------------------------------------------------------------------------------

  /**
   * The functions of a database (default: the current one), built-in and temporary ones
   * included, optionally only those whose names match a pattern.
   *
   * @example
   * ```ts
   * (await spark.catalog.listFunctions(undefined, "array_so*")).map((f) => f.name);
   * // ["array_sort"]
   * ```
   */
  async listFunctions(
    dbName?: string,
    pattern?: string,
    options?: ActionOptions,
  ): Promise<CatalogFunction[]> {
    const db = optionalArg(dbName, "dbName");
    const p = optionalArg(pattern, "pattern", false);
    const rows = await this.#rows(
      {
        case: "listFunctions",
        ...(db === undefined ? {} : { dbName: db }),
        ...(p === undefined ? {} : { pattern: p }),
      },
      options,
    );
    return rows.map(toFunction);
  }

  /**
   * A function by name (may be qualified); rejects with an `AnalysisError`
   * (`UNRESOLVED_ROUTINE`) when there is none.
   *
   * @example
   * ```ts
   * (await spark.catalog.getFunction("abs")).className;
   * // "org.apache.spark.sql.catalyst.expressions.Abs"
   * ```
   */
  async getFunction(functionName: string, options?: ActionOptions): Promise<CatalogFunction> {
    const row = await this.#first(
      { case: "getFunction", functionName: nameArg(functionName, "functionName") },
      options,
    );
    return toFunction(row);
  }

  /**
   * Whether a function exists (built-in, temporary or persistent).
   *
   * @example
   * ```ts
   * await spark.catalog.functionExists("abs"); // true
   * ```
   */
  async functionExists(functionName: string, options?: ActionOptions): Promise<boolean>;
  /** @deprecated Qualify the name instead: `functionExists("db.function")`. */
  async functionExists(
    functionName: string,
    dbName: string,
    options?: ActionOptions,
  ): Promise<boolean>;
  async functionExists(
    functionName: string,
    dbNameOrOptions?: string | ActionOptions,
    options?: ActionOptions,
  ): Promise<boolean> {
    const name = nameArg(functionName, "functionName");
    const [dbName, opts] = dbNameAndOptions(dbNameOrOptions, options);
    const v = await this.#value(
      { case: "functionExists", functionName: name, ...(dbName === undefined ? {} : { dbName }) },
      opts,
    );
    return v === true;
  }

  // Caching --------------------------------------------------------------------------------------

  /**
   * Whether a table or view is cached.
   *
   * @example
   * ```ts
   * await spark.catalog.cacheTable("nums");
   * await spark.catalog.isCached("nums"); // true
   * ```
   */
  async isCached(tableName: string, options?: ActionOptions): Promise<boolean> {
    const v = await this.#value(
      { case: "isCached", tableName: nameArg(tableName, "tableName") },
      options,
    );
    return v === true;
  }

  /**
   * Caches a table or view, at a storage level (default: the server's choice,
   * MEMORY_AND_DISK_DESER).
   *
   * @example
   * ```ts
   * await spark.catalog.cacheTable("nums", StorageLevel.MEMORY_ONLY);
   * ```
   */
  async cacheTable(
    tableName: string,
    storageLevel?: StorageLevel,
    options?: ActionOptions,
  ): Promise<void> {
    const name = nameArg(tableName, "tableName");
    if (
      storageLevel !== undefined &&
      storageLevel !== null &&
      !(storageLevel instanceof StorageLevel)
    ) {
      throw new SparkArgumentError("storageLevel must be a StorageLevel", {
        errorClass: "NOT_STORAGE_LEVEL",
        messageParameters: { arg_name: "storageLevel", arg_type: typeName(storageLevel) },
      });
    }
    await this.#rows(
      { case: "cacheTable", tableName: name, ...(storageLevel ? { storageLevel } : {}) },
      options,
    );
  }

  /**
   * Removes a table or view from the cache.
   *
   * @example
   * ```ts
   * await spark.catalog.uncacheTable("nums");
   * ```
   */
  async uncacheTable(tableName: string, options?: ActionOptions): Promise<void> {
    await this.#rows({ case: "uncacheTable", tableName: nameArg(tableName, "tableName") }, options);
  }

  /**
   * Removes every table and view of the session from the cache.
   *
   * @example
   * ```ts
   * await spark.catalog.clearCache();
   * ```
   */
  async clearCache(options?: ActionOptions): Promise<void> {
    await this.#rows({ case: "clearCache" }, options);
  }

  /**
   * Drops the cached data and metadata of a table (after its files changed outside Spark);
   * a cached table is cached again lazily.
   *
   * @example
   * ```ts
   * await spark.catalog.refreshTable("people");
   * ```
   */
  async refreshTable(tableName: string, options?: ActionOptions): Promise<void> {
    await this.#rows({ case: "refreshTable", tableName: nameArg(tableName, "tableName") }, options);
  }

  /**
   * Drops the cached data and metadata of every DataFrame and table that reads files under a
   * path.
   *
   * @example
   * ```ts
   * await spark.catalog.refreshByPath("/data/people");
   * ```
   */
  async refreshByPath(path: string, options?: ActionOptions): Promise<void> {
    await this.#rows({ case: "refreshByPath", path: nameArg(path, "path") }, options);
  }
}
