import { create } from "@bufbuild/protobuf";
import type { Any } from "@bufbuild/protobuf/wkt";
import { analyze, missingResult } from "./analysis.js";
import { DataFrameActions } from "./dataframe-actions.js";
import { type FacadeInternals, internalsOf, planOf } from "./dataframe-base.js";
import { SparkArgumentError } from "./errors.js";
import { type ActionOptions, runCommand } from "./execution.js";
import { checkAny } from "./expressions/any.js";
import { StorageLevelSchema } from "./gen/spark/connect/common_pb.js";
import { INTERNALS } from "./internal.js";
import { Checkpoint, CreateDataFrameView, ProtoRelation } from "./plan/commands.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import { ExtensionRelation } from "./plan/sources.js";
import type { SparkSession } from "./session.js";
import { StorageLevel } from "./storage-level.js";
import { DataStreamWriter } from "./streaming/data-stream-writer.js";
import { DataFrameWriter, DataFrameWriterV2 } from "./writer.js";

export type { ExplainMode, ShowOptions } from "./dataframe-actions.js";
export { StorageLevel } from "./storage-level.js";

/**
 * A distributed dataset of rows with a schema: an immutable, lazily evaluated query plan.
 *
 * Transformations (`select`, `filter`, `join`, `groupBy(...).agg`, `withColumn`, `limit`…) are
 * synchronous and pure: they return a new DataFrame and send nothing. Actions and metadata
 * (`collect`, `toArrow`, `count`, `show`, `schema`, `explain`…) are `async`, run the plan on the
 * server, and accept `{ signal }` to cancel.
 *
 * The methods live by role: plans and columns in `dataframe-base.ts`; projections, filters,
 * ordering and limits in `dataframe-transformations.ts`; joins, set operations and grouping in
 * `dataframe-joins.ts`; sampling, partitioning and reshaping in `dataframe-reshaping.ts`; actions
 * and metadata in `dataframe-actions.ts`; persistence, checkpoints, views and writers here.
 *
 * @example
 * ```ts
 * const top = spark.table("sales")
 *   .filter(col("amount").gt(100))
 *   .groupBy("region")
 *   .agg(sum("amount").alias("total"))
 *   .orderBy(col("total").desc());
 * await top.show();
 * ```
 */
export class DataFrame extends DataFrameActions {
  /** @internal DataFrames come from a session (`sql`, `table`, `range`…) and from other DataFrames. */
  constructor(session: SparkSession, plan: LogicalPlan) {
    super(session, plan);
    Object.freeze(this);
  }

  /**
   * A DataFrame over a relation of a server-side plugin (Spark Server Libraries): the plugin
   * unpacks `extension` (a `google.protobuf.Any`, see `packExtension`) and plans it, and every
   * DataFrame method works on the result. Named like `Column.fromExtension`, its expression
   * counterpart (PySpark has no public name for this; Scala's client calls it
   * `spark.newDataFrame(any)`).
   *
   * @example
   * ```ts
   * const df = DataFrame.fromExtension(spark, packExtension(ExampleRepeatSchema, { input, times: 2 }));
   * await df.filter(col("copy").equalTo(2)).show();
   * ```
   */
  static fromExtension(session: SparkSession, extension: Any): DataFrame {
    checkAny(extension, "DataFrame.fromExtension");
    const internals = (session as Partial<SparkSession> | null)?.[INTERNALS];
    if (internals === undefined) {
      throw new SparkArgumentError("DataFrame.fromExtension needs a SparkSession", {
        errorClass: "NOT_SPARK_SESSION",
        messageParameters: { arg_name: "session" },
      });
    }
    return internals.dataFrame(new ExtensionRelation(internals.nextPlanId(), extension));
  }

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

  /**
   * Applies a function that takes and returns a DataFrame, for chaining reusable steps.
   *
   * @example
   * ```ts
   * const withTotal = (df: DataFrame) => df.withColumn("total", col("price").multiply(col("qty")));
   * df.transform(withTotal).filter(col("total").gt(100));
   * ```
   */
  transform<A extends unknown[]>(
    fn: (df: DataFrame, ...args: A) => DataFrame,
    ...args: A
  ): DataFrame {
    const result = fn(this, ...args);
    if (!(result instanceof DataFrame)) {
      throw new SparkArgumentError("transform's function must return a DataFrame", {
        errorClass: "INVALID_RETURN_TYPE_FOR_TRANSFORM",
      });
    }
    return result;
  }

  // Persistence, checkpoints, views and writers ---------------------------------------------------

  /**
   * Caches the DataFrame (MEMORY_AND_DISK_DESER, as in PySpark).
   *
   * @example
   * ```ts
   * (await (await spark.range(101).cache()).storageLevel()).toString(); // "Disk Memory Deserialized 1x Replicated"
   * ```
   */
  async cache(options: ActionOptions = {}): Promise<DataFrame> {
    return this.persist(StorageLevel.MEMORY_AND_DISK_DESER, options);
  }
  /**
   * Persists the DataFrame at a storage level.
   *
   * @example
   * ```ts
   * (await (await spark.range(102).persist(StorageLevel.DISK_ONLY)).storageLevel()).toString(); // "Disk Serialized 1x Replicated"
   * ```
   */
  async persist(
    level: StorageLevel = StorageLevel.MEMORY_AND_DISK_DESER,
    options: ActionOptions = {},
  ): Promise<DataFrame> {
    await analyze(
      this.#internals,
      {
        case: "persist",
        value: {
          relation: this.#plan.toRelation(),
          storageLevel: create(StorageLevelSchema, { ...level }),
        },
      },
      options,
    );
    return this;
  }
  /**
   * Removes the DataFrame from the cache.
   *
   * @example
   * ```ts
   * const df = await spark.range(103).cache(); await df.unpersist(); (await df.storageLevel()).useMemory; // false
   * ```
   */
  async unpersist(blocking = false, options: ActionOptions = {}): Promise<DataFrame> {
    await analyze(
      this.#internals,
      { case: "unpersist", value: { relation: this.#plan.toRelation(), blocking } },
      options,
    );
    return this;
  }
  /**
   * The storage level the DataFrame is cached at (NONE when it is not).
   *
   * @example
   * ```ts
   * (await spark.range(104).storageLevel()).useMemory; // false
   * ```
   */
  async storageLevel(options: ActionOptions = {}): Promise<StorageLevel> {
    const { storageLevel: s } = await analyze(
      this.#internals,
      { case: "getStorageLevel", value: { relation: this.#plan.toRelation() } },
      options,
    );
    if (!s) throw missingResult("storageLevel");
    return new StorageLevel(s.useDisk, s.useMemory, s.useOffHeap, s.deserialized, s.replication);
  }

  /**
   * Truncates the plan by saving the data in the checkpoint directory (eager by default).
   *
   * @example
   * ```ts
   * const truncated = await df.checkpoint(); // needs spark.checkpoint.dir on the server
   * ```
   */
  async checkpoint(eager = true, options: ActionOptions = {}): Promise<DataFrame> {
    return this.#checkpoint(false, eager, options);
  }
  /**
   * Truncates the plan by caching the data on the executors (eager by default).
   *
   * @example
   * ```ts
   * await (await spark.range(3).localCheckpoint()).count(); // 3
   * ```
   */
  async localCheckpoint(eager = true, options: ActionOptions = {}): Promise<DataFrame> {
    return this.#checkpoint(true, eager, options);
  }
  async #checkpoint(local: boolean, eager: boolean, options: ActionOptions): Promise<DataFrame> {
    const responses = await runCommand(
      this.#internals,
      new Checkpoint(this.#plan, local, eager).toPlan(),
      options,
    );
    const result = responses.find((r) => r.responseType.case === "checkpointCommandResult");
    if (
      result?.responseType.case !== "checkpointCommandResult" ||
      !result.responseType.value.relation
    ) {
      throw missingResult("checkpointCommandResult");
    }
    const cached = result.responseType.value.relation;
    return this.#with(
      new ProtoRelation(this.#id(), {
        $typeName: "spark.connect.Relation",
        relType: { case: "cachedRemoteRelation", value: cached },
      }),
    );
  }

  /**
   * Registers the DataFrame as a temporary view; fails if the name is taken.
   *
   * @example
   * ```ts
   * await spark.range(3).createTempView("three"); await spark.table("three").count(); // 3
   * ```
   */
  async createTempView(name: string, options: ActionOptions = {}): Promise<void> {
    await this.#view(name, false, false, options);
  }
  /**
   * Registers or replaces a temporary view.
   *
   * @example
   * ```ts
   * await spark.range(3).createOrReplaceTempView("v"); await spark.range(5).createOrReplaceTempView("v"); await spark.table("v").count(); // 5
   * ```
   */
  async createOrReplaceTempView(name: string, options: ActionOptions = {}): Promise<void> {
    await this.#view(name, false, true, options);
  }
  /**
   * Registers a global temporary view (in `global_temp`); fails if the name is taken.
   *
   * @example
   * ```ts
   * await df.createGlobalTempView("people"); // then spark.table("global_temp.people")
   * ```
   */
  async createGlobalTempView(name: string, options: ActionOptions = {}): Promise<void> {
    await this.#view(name, true, false, options);
  }
  /**
   * Registers or replaces a global temporary view.
   *
   * @example
   * ```ts
   * await spark.range(2).createOrReplaceGlobalTempView("two"); await spark.table("global_temp.two").count(); // 2
   * ```
   */
  async createOrReplaceGlobalTempView(name: string, options: ActionOptions = {}): Promise<void> {
    await this.#view(name, true, true, options);
  }
  async #view(
    name: string,
    isGlobal: boolean,
    replace: boolean,
    options: ActionOptions,
  ): Promise<void> {
    if (typeof name !== "string" || name === "") {
      throw new SparkArgumentError("a view needs a name", { errorClass: "NOT_STR" });
    }
    await runCommand(
      this.#internals,
      new CreateDataFrameView(this.#plan, name, isGlobal, replace).toPlan(),
      options,
    );
  }

  /**
   * The writer for saving the DataFrame (`df.write.format("parquet").save(path)`).
   *
   * @example
   * ```ts
   * await spark.range(3).write.mode("overwrite").parquet("/tmp/three"); // three rows in Parquet files
   * ```
   */
  get write(): DataFrameWriter {
    return new DataFrameWriter(this.#internals, this.#plan);
  }
  /** The writer that starts a streaming query over this streaming DataFrame. */
  get writeStream(): DataStreamWriter {
    return new DataStreamWriter(this.#internals, this.#plan);
  }

  /**
   * The V2 writer for a table (`df.writeTo("t").append()`).
   *
   * @example
   * ```ts
   * await spark.range(3).writeTo("three").using("parquet").createOrReplace(); // a table of three rows
   * ```
   */
  writeTo(table: string): DataFrameWriterV2 {
    return new DataFrameWriterV2(this.#internals, this.#plan, table);
  }
}
