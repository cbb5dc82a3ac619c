import { create, type MessageInitShape, toJsonString } from "@bufbuild/protobuf";
import type { RecordBatch, Table } from "apache-arrow";
import { batchToRows, tableToRows } from "./arrow/index.js";
import { Column, type ColumnOrLiteral, toColumnExpression, toExpression } from "./column.js";
import { DataFrameNaFunctions } from "./dataframe-na.js";
import { DataFrameStatFunctions } from "./dataframe-stat.js";
import { SparkArgumentError } from "./errors.js";
import {
  type ActionOptions,
  type CollectOptions,
  collectTable,
  runCommand,
  streamBatches,
} from "./execution.js";
import type { Expression } from "./expressions/expression.js";
import { Literal } from "./expressions/literal.js";
import {
  Alias,
  ExpressionString,
  SortOrder,
  UnresolvedAttribute,
  UnresolvedFunction,
  UnresolvedRegex,
  UnresolvedStar,
} from "./expressions/nodes.js";
import { type ColumnOrName, col as colFn } from "./functions/core.js";
import {
  AnalyzePlanRequest_Explain_ExplainMode,
  AnalyzePlanRequest_ExplainSchema,
  type AnalyzePlanRequestSchema,
  type Plan,
  PlanSchema,
} from "./gen/spark/connect/base_pb.js";
import { StorageLevelSchema } from "./gen/spark/connect/common_pb.js";
import { GroupedData } from "./grouped-data.js";
import { INTERNALS, type SessionInternals } from "./internal.js";
import { Observation } from "./observation.js";
import type { CommandPlan } from "./plan/commands.js";
import { Checkpoint, CreateDataFrameView, ProtoRelation } from "./plan/commands.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import {
  CollectMetrics,
  Deduplicate,
  Drop,
  Filter,
  Hint,
  Join,
  type JoinType,
  joinTypeOf,
  Limit,
  Offset,
  Project,
  Repartition,
  RepartitionByExpression,
  Sample,
  SetOperation,
  ShowString,
  Sort,
  SubqueryAlias,
  Tail,
  ToDF,
  ToSchema,
  Transpose,
  Unpivot,
  WithColumns,
  WithColumnsRenamed,
  WithWatermark,
} from "./plan/relations.js";
import { StatDescribe, StatSummary } from "./plan/stat.js";
import { Zip } from "./plan/zip.js";
import type { Row } from "./row.js";
import type { SparkSession } from "./session.js";
import {
  fromProtoDataType,
  parseSchema,
  type StructType,
  StructType as StructTypeClass,
  toProtoDataType,
} from "./types/index.js";
import { DataFrameWriter, DataFrameWriterV2 } from "./writer.js";

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
  /** Where the text goes. Default `console.log`; `null` prints nothing. */
  print?: ((text: string) => void) | null;
}

type Cols = (ColumnOrName | readonly ColumnOrName[])[];

function flat(cols: Cols): ColumnOrName[] {
  return cols.flatMap((c) => (Array.isArray(c) ? (c as ColumnOrName[]) : [c as ColumnOrName]));
}

function checkCount(n: unknown, what: string): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) {
    throw new SparkArgumentError(
      `${what} must be a whole number from 0 to 2^31-1, not ${String(n)}`,
      {
        errorClass: "VALUE_NOT_NON_NEGATIVE_INT",
        messageParameters: { arg_name: what },
      },
    );
  }
  return n;
}

function sortOrderOf(c: ColumnOrName, ascending = true): SortOrder {
  const e = toColumnExpression(c, "sort column");
  if (e instanceof SortOrder) return e;
  return new SortOrder(e, ascending ? "ascending" : "descending");
}

/**
 * A distributed dataset of rows with a schema: an immutable, lazily evaluated query plan.
 *
 * Transformations (`select`, `filter`, `join`, `groupBy(...).agg`, `withColumn`, `limit`…) are
 * synchronous and pure: they return a new DataFrame and send nothing. Actions and metadata
 * (`collect`, `toArrow`, `count`, `show`, `schema`, `explain`…) are `async`, run the plan on the
 * server, and accept `{ signal }` to cancel.
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
export class DataFrame {
  readonly #session: SparkSession;
  readonly #plan: LogicalPlan;

  constructor(session: SparkSession, plan: LogicalPlan) {
    this.#session = session;
    this.#plan = plan;
    Object.freeze(this);
  }

  /** The session this DataFrame belongs to. */
  get sparkSession(): SparkSession {
    return this.#session;
  }

  /** @internal The plan node. */
  get logicalPlan(): LogicalPlan {
    return this.#plan;
  }

  get #internals(): SessionInternals {
    return this.#session[INTERNALS];
  }

  #id(): number {
    return this.#internals.nextPlanId();
  }

  #with(plan: LogicalPlan): DataFrame {
    return new DataFrame(this.#session, plan);
  }

  #checkSameSession(other: DataFrame, what: string): void {
    if (!(other instanceof DataFrame)) {
      throw new SparkArgumentError(`${what} needs a DataFrame`, { errorClass: "NOT_DATAFRAME" });
    }
    if (other.#session !== this.#session) {
      throw new SparkArgumentError(`${what} needs DataFrames of the same session`, {
        errorClass: "SESSION_NOT_SAME",
      });
    }
  }

  // Plans -----------------------------------------------------------------------------------------

  /** The plan as a protobuf `Plan` message (a fresh copy). */
  toPlan(): Plan {
    return this.#plan.toPlan();
  }

  /** The plan in protobuf JSON, the way Spark's documentation shows plans. */
  toPlanJson(options: { pretty?: boolean } = {}): string {
    return toJsonString(PlanSchema, this.toPlan(), {
      prettySpaces: options.pretty === false ? 0 : 2,
    });
  }

  // Columns ---------------------------------------------------------------------------------------

  /**
   * A column of this DataFrame, tied to it (so `a.col("id").equalTo(b.col("id"))` is unambiguous
   * in a self-join). `"*"` is all its columns.
   */
  col(name: string): Column {
    if (typeof name !== "string") {
      throw new SparkArgumentError("col() takes a column name", { errorClass: "NOT_STR" });
    }
    if (name === "*") return new Column(new UnresolvedStar(undefined, this.#plan.planId));
    return new Column(new UnresolvedAttribute(name, this.#plan.planId));
  }

  /** Columns whose names match a Java regular expression. */
  colRegex(pattern: string): Column {
    return new Column(new UnresolvedRegex(pattern, this.#plan.planId));
  }

  /** A metadata column of this DataFrame (e.g. `_metadata` of a file source). */
  metadataColumn(name: string): Column {
    return new Column(new UnresolvedAttribute(name, this.#plan.planId, true));
  }

  // Projection ------------------------------------------------------------------------------------

  /** `SELECT cols`: columns, column names, or `"*"`. */
  select(...cols: Cols): DataFrame {
    const list = flat(cols);
    return this.#with(
      new Project(
        this.#id(),
        this.#plan,
        list.map((c) => (typeof c === "string" ? colFn(c).expr : toColumnExpression(c))),
      ),
    );
  }

  /** `SELECT` of SQL expression strings. */
  selectExpr(...exprs: (string | readonly string[])[]): DataFrame {
    const list = exprs.flat() as string[];
    for (const e of list) {
      if (typeof e !== "string") {
        throw new SparkArgumentError("selectExpr takes SQL strings", { errorClass: "NOT_STR" });
      }
    }
    return this.#with(
      new Project(
        this.#id(),
        this.#plan,
        list.map((e) => new ExpressionString(e)),
      ),
    );
  }

  /** Rows where the condition (a Column or a SQL string) holds. */
  filter(condition: Column | string): DataFrame {
    const expr =
      typeof condition === "string"
        ? new ExpressionString(condition)
        : condition instanceof Column
          ? condition.expr
          : undefined;
    if (!expr) {
      throw new SparkArgumentError("filter needs a Column or a SQL string", {
        errorClass: "NOT_COLUMN_OR_STR",
        messageParameters: { arg_name: "condition" },
      });
    }
    return this.#with(new Filter(this.#id(), this.#plan, expr));
  }

  /** Alias of {@link filter}. */
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }

  /** Adds or replaces a column. */
  withColumn(name: string, column: Column): DataFrame {
    return this.withColumns({ [name]: column });
  }

  /** Adds or replaces several columns, in order. */
  withColumns(columns: Readonly<Record<string, Column>> | ReadonlyMap<string, Column>): DataFrame {
    const entries = columns instanceof Map ? [...columns.entries()] : Object.entries(columns);
    const aliases = entries.map(([name, c]) => {
      if (!(c instanceof Column)) {
        throw new SparkArgumentError(
          `the value for column ${JSON.stringify(name)} must be a Column`,
          {
            errorClass: "NOT_COLUMN",
            messageParameters: { arg_name: "col" },
          },
        );
      }
      return new Alias(c.expr, [name]);
    });
    return this.#with(new WithColumns(this.#id(), this.#plan, aliases));
  }

  /** Renames a column (no-op when there is none by that name). */
  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [existing]: newName });
  }

  /** Renames several columns. */
  withColumnsRenamed(
    renames: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
  ): DataFrame {
    const entries = renames instanceof Map ? [...renames.entries()] : Object.entries(renames);
    for (const [a, b] of entries) {
      if (typeof a !== "string" || typeof b !== "string") {
        throw new SparkArgumentError("withColumnsRenamed takes old name → new name strings", {
          errorClass: "NOT_STR",
        });
      }
    }
    return this.#with(new WithColumnsRenamed(this.#id(), this.#plan, entries));
  }

  /** Sets a column's metadata. */
  withMetadata(columnName: string, metadata: Readonly<Record<string, unknown>>): DataFrame {
    // As PySpark (`self[columnName]`): the column is tied to this DataFrame's plan.
    const alias = new Alias(
      new UnresolvedAttribute(columnName, this.#plan.planId),
      [columnName],
      JSON.stringify(metadata),
    );
    return this.#with(new WithColumns(this.#id(), this.#plan, [alias]));
  }

  /** Drops columns (names or Columns); unknown names are ignored, as in Spark. */
  drop(...cols: Cols): DataFrame {
    const list = flat(cols);
    const names = list.filter((c): c is string => typeof c === "string");
    const exprs = list
      .filter((c): c is Column => typeof c !== "string")
      .map((c) => toColumnExpression(c));
    return this.#with(new Drop(this.#id(), this.#plan, exprs, names));
  }

  /** Renames all columns, by position. */
  toDF(...names: string[]): DataFrame {
    return this.#with(new ToDF(this.#id(), this.#plan, names));
  }

  // Joins and set operations ---------------------------------------------------------------------

  /**
   * Joins with another DataFrame: on a column name, a list of names (USING), or a condition.
   * `how`: inner (default), cross, outer/full/fullouter/full_outer, left/leftouter/left_outer,
   * right/rightouter/right_outer, semi/leftsemi/left_semi, anti/leftanti/left_anti.
   */
  join(
    other: DataFrame,
    on?: string | readonly string[] | Column | readonly Column[],
    how = "inner",
  ): DataFrame {
    this.#checkSameSession(other, "join");
    const joinType = joinTypeOf(String(how));
    if (!joinType) {
      throw new SparkArgumentError(`unknown join type ${JSON.stringify(how)}`, {
        errorClass: "UNSUPPORTED_JOIN_TYPE",
        messageParameters: { join_type: String(how) },
      });
    }
    let condition: Expression | undefined;
    let using: string[] = [];
    if (typeof on === "string") using = [on];
    else if (on instanceof Column) condition = on.expr;
    else if (Array.isArray(on)) {
      if (on.every((x) => typeof x === "string")) using = [...(on as string[])];
      else if (on.every((x) => x instanceof Column)) {
        condition = (on as Column[]).reduce((a, b) => a.and(b)).expr;
      } else {
        throw new SparkArgumentError("join's `on` must be names or Columns, not a mix", {
          errorClass: "NOT_COLUMN_OR_STR",
        });
      }
    } else if (on !== undefined) {
      throw new SparkArgumentError("join's `on` must be a name, a list of names or a Column", {
        errorClass: "NOT_COLUMN_OR_STR",
      });
    }
    const type: JoinType = on === undefined && joinType === "inner" ? "inner" : joinType;
    return this.#with(new Join(this.#id(), this.#plan, other.#plan, type, condition, using));
  }

  /** The Cartesian product with another DataFrame. */
  crossJoin(other: DataFrame): DataFrame {
    this.#checkSameSession(other, "crossJoin");
    return this.#with(new Join(this.#id(), this.#plan, other.#plan, "cross", undefined));
  }

  /**
   * The columns of this and `other` side by side, row by row (Spark 4.3+). Both must be the same
   * plan apart from their outer `select`s, e.g. two projections of one DataFrame:
   *
   * ```ts
   * const df = spark.range(3);
   * df.select(col("id")).zip(df.select(col("id").multiply(10).alias("x")));
   * // id | x: (0, 0), (1, 10), (2, 20)
   * ```
   *
   * An older server answers with an {@link UnsupportedOperationError} naming `Zip` and its version.
   */
  zip(other: DataFrame): DataFrame {
    this.#checkSameSession(other, "zip");
    return this.#with(new Zip(this.#id(), this.#plan, other.#plan));
  }

  #setOp(
    other: DataFrame,
    op: "union" | "intersect" | "except",
    isAll: boolean,
    what: string,
  ): DataFrame {
    this.#checkSameSession(other, what);
    return this.#with(new SetOperation(this.#id(), this.#plan, other.#plan, op, isAll));
  }

  /** All rows of both, by position (`UNION ALL`). */
  union(other: DataFrame): DataFrame {
    return this.#setOp(other, "union", true, "union");
  }
  /** Alias of {@link union}. */
  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }
  /** All rows of both, matching columns by name; missing columns become null when allowed. */
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    this.#checkSameSession(other, "unionByName");
    return this.#with(
      new SetOperation(
        this.#id(),
        this.#plan,
        other.#plan,
        "union",
        true,
        true,
        allowMissingColumns,
      ),
    );
  }
  /** Distinct rows in both. */
  intersect(other: DataFrame): DataFrame {
    return this.#setOp(other, "intersect", false, "intersect");
  }
  /** Rows in both, keeping duplicates. */
  intersectAll(other: DataFrame): DataFrame {
    return this.#setOp(other, "intersect", true, "intersectAll");
  }
  /** Distinct rows of this not in other. */
  subtract(other: DataFrame): DataFrame {
    return this.#setOp(other, "except", false, "subtract");
  }
  /** Rows of this not in other, keeping duplicates. */
  exceptAll(other: DataFrame): DataFrame {
    return this.#setOp(other, "except", true, "exceptAll");
  }

  // Grouping ---------------------------------------------------------------------------------------

  /** Groups by columns, for aggregation with `.agg()`, `.count()`, `.sum()`… or `.pivot()`. */
  groupBy(...cols: Cols): GroupedData {
    return new GroupedData(
      this,
      this.#plan,
      "groupBy",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /** Alias of {@link groupBy}. */
  groupby(...cols: Cols): GroupedData {
    return this.groupBy(...cols);
  }
  /** Multi-level subtotals (`GROUP BY ROLLUP`). */
  rollup(...cols: Cols): GroupedData {
    return new GroupedData(
      this,
      this.#plan,
      "rollup",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /** All combinations of subtotals (`GROUP BY CUBE`). */
  cube(...cols: Cols): GroupedData {
    return new GroupedData(
      this,
      this.#plan,
      "cube",
      flat(cols).map((c) => toColumnExpression(c)),
    );
  }
  /** Explicit grouping sets over the grouping columns. */
  groupingSets(sets: readonly (readonly ColumnOrName[])[], ...cols: Cols): GroupedData {
    return new GroupedData(
      this,
      this.#plan,
      "groupingSets",
      flat(cols).map((c) => toColumnExpression(c)),
      sets.map((s) => s.map((c) => toColumnExpression(c))),
    );
  }
  /** Aggregates over all rows (`groupBy().agg(...)`). */
  agg(...exprs: (Column | readonly Column[] | Readonly<Record<string, string>>)[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  // Ordering and limits ----------------------------------------------------------------------------

  /**
   * Sorts globally. Plain columns sort ascending (or as `ascending` says: one boolean for all, or
   * one per column).
   */
  orderBy(
    ...args: (
      | ColumnOrName
      | readonly ColumnOrName[]
      | { ascending: boolean | readonly boolean[] }
    )[]
  ): DataFrame {
    return this.#sort(args, true);
  }
  /** Alias of {@link orderBy}. */
  sort(
    ...args: (
      | ColumnOrName
      | readonly ColumnOrName[]
      | { ascending: boolean | readonly boolean[] }
    )[]
  ): DataFrame {
    return this.#sort(args, true);
  }
  /** Sorts each partition on its own (`SORT BY`). */
  sortWithinPartitions(
    ...args: (
      | ColumnOrName
      | readonly ColumnOrName[]
      | { ascending: boolean | readonly boolean[] }
    )[]
  ): DataFrame {
    return this.#sort(args, false);
  }

  #sort(args: unknown[], isGlobal: boolean): DataFrame {
    let ascending: boolean | readonly boolean[] = true;
    const last = args[args.length - 1];
    if (
      last &&
      typeof last === "object" &&
      !(last instanceof Column) &&
      !Array.isArray(last) &&
      "ascending" in last
    ) {
      ascending = (last as { ascending: boolean | readonly boolean[] }).ascending;
      args = args.slice(0, -1);
    }
    const cols = flat(args as Cols);
    if (cols.length === 0) {
      throw new SparkArgumentError("sorting needs at least one column", {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    if (Array.isArray(ascending) && ascending.length !== cols.length) {
      throw new SparkArgumentError("ascending must have one value per sort column", {
        errorClass: "LENGTH_SHOULD_BE_THE_SAME",
      });
    }
    const orders = cols.map((c, i) =>
      sortOrderOf(c, Array.isArray(ascending) ? (ascending[i] as boolean) : (ascending as boolean)),
    );
    return this.#with(new Sort(this.#id(), this.#plan, orders, isGlobal));
  }

  /** The first n rows. */
  limit(n: number): DataFrame {
    return this.#with(new Limit(this.#id(), this.#plan, checkCount(n, "limit")));
  }
  /** All rows but the first n. */
  offset(n: number): DataFrame {
    return this.#with(new Offset(this.#id(), this.#plan, checkCount(n, "offset")));
  }
  /** Distinct rows. */
  distinct(): DataFrame {
    return this.#with(new Deduplicate(this.#id(), this.#plan, undefined));
  }
  /** Distinct rows, or rows distinct in a subset of columns. */
  dropDuplicates(subset?: readonly string[]): DataFrame {
    if (
      subset !== undefined &&
      (!Array.isArray(subset) || subset.some((s) => typeof s !== "string"))
    ) {
      throw new SparkArgumentError("dropDuplicates takes a list of column names", {
        errorClass: "NOT_LIST_OR_TUPLE",
        messageParameters: { arg_name: "subset" },
      });
    }
    return this.#with(new Deduplicate(this.#id(), this.#plan, subset));
  }
  /** Alias of {@link dropDuplicates}. */
  drop_duplicates(subset?: readonly string[]): DataFrame {
    return this.dropDuplicates(subset);
  }
  /** Streaming deduplication within the watermark. */
  dropDuplicatesWithinWatermark(subset?: readonly string[]): DataFrame {
    return this.#with(new Deduplicate(this.#id(), this.#plan, subset, true));
  }

  // Sampling and partitioning ----------------------------------------------------------------------

  /** A random sample of about `fraction` of the rows. */
  sample(
    fraction: number,
    options: { withReplacement?: boolean; seed?: number | bigint } = {},
  ): DataFrame {
    if (typeof fraction !== "number" || !(fraction >= 0)) {
      throw new SparkArgumentError(`fraction must be a number ≥ 0, not ${fraction}`, {
        errorClass: "VALUE_NOT_POSITIVE",
        messageParameters: { arg_name: "fraction" },
      });
    }
    const seed = options.seed === undefined ? randomSeed() : BigInt(options.seed);
    return this.#with(
      new Sample(this.#id(), this.#plan, 0, fraction, options.withReplacement ?? false, seed),
    );
  }

  /** Splits the rows randomly by weights (normalised to sum to 1). */
  randomSplit(weights: readonly number[], seed?: number | bigint): DataFrame[] {
    if (weights.length < 2 || weights.some((w) => !(w >= 0))) {
      throw new SparkArgumentError("randomSplit needs at least two weights ≥ 0", {
        errorClass: "VALUE_NOT_POSITIVE",
        messageParameters: { arg_name: "weights" },
      });
    }
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) {
      throw new SparkArgumentError("the weights of randomSplit must not all be 0", {
        errorClass: "VALUE_NOT_POSITIVE",
      });
    }
    const s = seed === undefined ? randomSeed() : BigInt(seed);
    const out: DataFrame[] = [];
    let lower = 0;
    for (const w of weights) {
      const upper = lower + w / total;
      out.push(this.#with(new Sample(this.#id(), this.#plan, lower, upper, false, s, true)));
      lower = upper;
    }
    return out;
  }

  /** Repartitions into n partitions, or by columns (hash), or both. */
  repartition(numPartitionsOrCol: number | ColumnOrName, ...cols: ColumnOrName[]): DataFrame {
    if (typeof numPartitionsOrCol === "number") {
      const n = checkCount(numPartitionsOrCol, "numPartitions");
      if (cols.length === 0) return this.#with(new Repartition(this.#id(), this.#plan, n, true));
      return this.#with(
        new RepartitionByExpression(
          this.#id(),
          this.#plan,
          cols.map((c) => toColumnExpression(c)),
          n,
        ),
      );
    }
    const all = [numPartitionsOrCol, ...cols];
    return this.#with(
      new RepartitionByExpression(
        this.#id(),
        this.#plan,
        all.map((c) => toColumnExpression(c)),
      ),
    );
  }

  /** Repartitions into ranges of the sort columns. */
  repartitionByRange(
    numPartitionsOrCol: number | ColumnOrName,
    ...cols: ColumnOrName[]
  ): DataFrame {
    const n =
      typeof numPartitionsOrCol === "number"
        ? checkCount(numPartitionsOrCol, "numPartitions")
        : undefined;
    const all = typeof numPartitionsOrCol === "number" ? cols : [numPartitionsOrCol, ...cols];
    if (all.length === 0) {
      throw new SparkArgumentError("repartitionByRange needs at least one column", {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    return this.#with(
      new RepartitionByExpression(
        this.#id(),
        this.#plan,
        all.map((c) => sortOrderOf(c)),
        n,
      ),
    );
  }

  /** Fewer partitions without a shuffle. */
  coalesce(numPartitions: number): DataFrame {
    return this.#with(
      new Repartition(this.#id(), this.#plan, checkCount(numPartitions, "numPartitions"), false),
    );
  }

  /** Names this DataFrame, for qualified column references (`alias("t")` then `col("t.a")`). */
  alias(name: string): DataFrame {
    return this.#with(new SubqueryAlias(this.#id(), this.#plan, name));
  }

  /**
   * A query hint such as `"broadcast"`. As in PySpark, one array argument is the parameter list
   * (`hint("h", [1, 2])` is `hint("h", 1, 2)`); an array among several parameters is one array
   * literal.
   */
  hint(name: string, ...parameters: (ColumnOrLiteral | readonly unknown[])[]): DataFrame {
    const list =
      parameters.length === 1 && Array.isArray(parameters[0])
        ? (parameters[0] as readonly unknown[])
        : parameters;
    return this.#with(
      new Hint(
        this.#id(),
        this.#plan,
        name,
        list.map((p) => toExpression(p)),
      ),
    );
  }

  /** Unpivots value columns into `variableColumnName`/`valueColumnName` rows (all non-ids when values is null). */
  unpivot(
    ids: ColumnOrName | readonly ColumnOrName[],
    values: ColumnOrName | readonly ColumnOrName[] | null,
    variableColumnName: string,
    valueColumnName: string,
  ): DataFrame {
    const list = (v: ColumnOrName | readonly ColumnOrName[]) =>
      (Array.isArray(v) ? v : [v]) as ColumnOrName[];
    return this.#with(
      new Unpivot(
        this.#id(),
        this.#plan,
        list(ids).map((c) => toColumnExpression(c)),
        values === null ? undefined : list(values).map((c) => toColumnExpression(c)),
        variableColumnName,
        valueColumnName,
      ),
    );
  }
  /** Alias of {@link unpivot}. */
  melt(
    ids: ColumnOrName | readonly ColumnOrName[],
    values: ColumnOrName | readonly ColumnOrName[] | null,
    variableColumnName: string,
    valueColumnName: string,
  ): DataFrame {
    return this.unpivot(ids, values, variableColumnName, valueColumnName);
  }

  /** Swaps rows and columns; the index column (default: the first) names the new columns. */
  transpose(indexColumn?: ColumnOrName): DataFrame {
    return this.#with(
      new Transpose(
        this.#id(),
        this.#plan,
        indexColumn === undefined ? [] : [toColumnExpression(indexColumn)],
      ),
    );
  }

  /**
   * Observes named metrics while the query runs; read them from the {@link Observation} after an
   * action.
   */
  observe(observation: Observation | string, ...exprs: Column[]): DataFrame {
    if (exprs.length === 0) {
      throw new SparkArgumentError("observe needs at least one metric", {
        errorClass: "CANNOT_BE_EMPTY",
      });
    }
    const name = typeof observation === "string" ? observation : observation.name;
    const df = this.#with(
      new CollectMetrics(
        this.#id(),
        this.#plan,
        name,
        exprs.map((e) => e.expr),
      ),
    );
    if (observation instanceof Observation) {
      observation.attach(df.#plan.planId);
      this.#internals.observations.set(name, observation);
    }
    return df;
  }

  /** Count, mean, stddev, min and max of numeric and string columns (all when none named). */
  describe(...cols: (string | readonly string[])[]): DataFrame {
    return this.#with(new StatDescribe(this.#id(), this.#plan, cols.flat() as string[]));
  }

  /** Statistics by name: count, mean, stddev, min, max, percentiles like "25%", count_distinct… */
  summary(...statistics: string[]): DataFrame {
    return this.#with(new StatSummary(this.#id(), this.#plan, statistics));
  }

  /** Missing-value functions: `fill`, `drop`, `replace`. */
  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this, this.#plan);
  }

  /** Statistics functions: `corr`, `cov`, `crosstab`, `freqItems`, `approxQuantile`, `sampleBy`. */
  get stat(): DataFrameStatFunctions {
    return new DataFrameStatFunctions(this, this.#plan);
  }

  /** Alias of `na.fill`. */
  fillna(
    value: Parameters<DataFrameNaFunctions["fill"]>[0],
    subset?: readonly string[],
  ): DataFrame {
    return this.na.fill(value, subset);
  }
  /** Alias of `na.drop`. */
  dropna(options: Parameters<DataFrameNaFunctions["drop"]>[0] = {}): DataFrame {
    return this.na.drop(options);
  }
  /** Alias of `na.replace`. */
  replace(
    toReplace: Parameters<DataFrameNaFunctions["replace"]>[0],
    value?: Parameters<DataFrameNaFunctions["replace"]>[1],
    subset?: readonly string[],
  ): DataFrame {
    return this.na.replace(toReplace, value, subset);
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

  /** Reconciles the DataFrame with a schema: reorders, casts and checks columns (`df.to(schema)`). */
  to(schema: StructType | string): DataFrame {
    const struct = typeof schema === "string" ? parseSchema(schema) : schema;
    if (!(struct instanceof StructTypeClass)) {
      throw new SparkArgumentError("to() needs a StructType or a DDL schema string", {
        errorClass: "NOT_STRUCT",
      });
    }
    return this.#with(new ToSchema(this.#id(), this.#plan, toProtoDataType(struct)));
  }

  /** Sets an event-time watermark (streaming): `withWatermark("ts", "10 minutes")`. */
  withWatermark(eventTime: string, delayThreshold: string): DataFrame {
    if (typeof eventTime !== "string" || typeof delayThreshold !== "string") {
      throw new SparkArgumentError("withWatermark takes a column name and a delay string", {
        errorClass: "NOT_STR",
      });
    }
    return this.#with(new WithWatermark(this.#id(), this.#plan, eventTime, delayThreshold));
  }

  /** Shortcut of `stat.corr`. */
  corr(
    col1: string,
    col2: string,
    method = "pearson",
    options: ActionOptions = {},
  ): Promise<number> {
    return this.stat.corr(col1, col2, method, options);
  }
  /** Shortcut of `stat.cov`. */
  cov(col1: string, col2: string, options: ActionOptions = {}): Promise<number> {
    return this.stat.cov(col1, col2, options);
  }
  /** Shortcut of `stat.crosstab`. */
  crosstab(col1: string, col2: string): DataFrame {
    return this.stat.crosstab(col1, col2);
  }
  /** Shortcut of `stat.freqItems`. */
  freqItems(cols: readonly string[], support?: number): DataFrame {
    return this.stat.freqItems(cols, support);
  }
  /** Shortcut of `stat.approxQuantile`. */
  approxQuantile(
    cols: readonly string[],
    probabilities: readonly number[],
    relativeError: number,
    options: ActionOptions = {},
  ): Promise<number[][]> {
    return this.stat.approxQuantile(cols, probabilities, relativeError, options);
  }
  /** Shortcut of `stat.sampleBy`. */
  sampleBy(
    col: string | Column,
    fractions: Readonly<Record<string, number>> | ReadonlyMap<string | number | boolean, number>,
    seed?: number | bigint,
  ): DataFrame {
    return this.stat.sampleBy(col, fractions, seed);
  }

  /** @internal A DataFrame of this session over another plan (for helpers in other files). */
  withPlan(plan: LogicalPlan): DataFrame {
    return this.#with(plan);
  }

  /** @internal Allocates a plan id in this DataFrame's session. */
  nextPlanId(): number {
    return this.#id();
  }

  // Actions ---------------------------------------------------------------------------------------

  /** All rows. Options: `longs: "bigint" | "number"`, `decimals: "string" | "number"`, `signal`. */
  async collect(options: CollectOptions = {}): Promise<Row[]> {
    const table = await this.toArrow(options);
    return tableToRows(table, options);
  }

  /** All rows as an apache-arrow Table (columnar; the fastest way to read large results). */
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

  /** The rows, batch by batch, as an async iterator (like PySpark's `toLocalIterator`). */
  async *toLocalIterator(options: CollectOptions = {}): AsyncGenerator<Row> {
    for await (const batch of this.toArrowBatches(options)) {
      yield* batchToRows(batch, options);
    }
  }

  /** The number of rows. */
  async count(options: ActionOptions = {}): Promise<number> {
    const count = new Column(new UnresolvedFunction("count", [new Literal(1)]));
    const rows = await this.groupBy()
      .agg(count)
      .collect({ ...options, int64As: "number" });
    return rows[0]?.[0] as number;
  }

  /** The first n rows (default 1: the first row, or undefined when there is none). */
  async head(): Promise<Row | undefined>;
  async head(n: number, options?: CollectOptions): Promise<Row[]>;
  async head(n?: number, options: CollectOptions = {}): Promise<Row | Row[] | undefined> {
    if (n === undefined) return (await this.limit(1).collect(options))[0];
    return this.limit(n).collect(options);
  }
  /** The first row, or undefined for an empty result. */
  async first(options: CollectOptions = {}): Promise<Row | undefined> {
    return (await this.limit(1).collect(options))[0];
  }
  /** The first n rows. */
  async take(n: number, options: CollectOptions = {}): Promise<Row[]> {
    return this.limit(n).collect(options);
  }
  /** The last n rows. */
  async tail(n: number, options: CollectOptions = {}): Promise<Row[]> {
    return this.#with(new Tail(this.#id(), this.#plan, checkCount(n, "tail"))).collect(options);
  }
  /** True when there are no rows. */
  async isEmpty(options: ActionOptions = {}): Promise<boolean> {
    return (await this.select().limit(1).toArrow(options)).numRows === 0;
  }

  /**
   * Prints (and returns) the first rows as text, exactly as PySpark's `show()` does (the server
   * renders it).
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
    print?.(text.endsWith("\n") ? text.slice(0, -1) : text);
    return text;
  }

  /** The schema, as analysed by the server. */
  async schema(options: ActionOptions = {}): Promise<StructType> {
    const r = await this.#analyze({ case: "schema", value: { plan: this.toPlan() } }, options);
    if (r.result.case !== "schema" || !r.result.value.schema) throw protocol("schema");
    return fromProtoDataType(r.result.value.schema) as StructType;
  }

  /** The column names. */
  async columns(options: ActionOptions = {}): Promise<string[]> {
    return (await this.schema(options)).fieldNames();
  }

  /** Column names with their types' simple strings, e.g. `[["id", "bigint"]]`. */
  async dtypes(options: ActionOptions = {}): Promise<[string, string][]> {
    return (await this.schema(options)).fields.map((f) => [f.name, f.dataType.simpleString()]);
  }

  /** Prints (and returns) the schema as a tree, as PySpark's `printSchema()`. */
  async printSchema(
    level?: number,
    options: ActionOptions & { print?: ((text: string) => void) | null } = {},
  ): Promise<string> {
    const r = await this.#analyze(
      {
        case: "treeString",
        value: { plan: this.toPlan(), ...(level === undefined ? {} : { level }) },
      },
      options,
    );
    if (r.result.case !== "treeString") throw protocol("treeString");
    const text = r.result.value.treeString;
    const print = options.print === undefined ? (s: string) => console.log(s) : options.print;
    print?.(text.endsWith("\n") ? text.slice(0, -1) : text);
    return text;
  }

  /** Prints (and returns) the plans: mode simple (default), extended, codegen, cost or formatted. */
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
    const r = await this.#analyze(
      {
        case: "explain",
        value: create(AnalyzePlanRequest_ExplainSchema, { plan: this.toPlan(), explainMode }),
      },
      options,
    );
    if (r.result.case !== "explain") throw protocol("explain");
    const text = r.result.value.explainString;
    const print = options.print === undefined ? (s: string) => console.log(s) : options.print;
    print?.(text.endsWith("\n") ? text.slice(0, -1) : text);
    return text;
  }

  /** True when collect() and take() can run locally without executors. */
  async isLocal(options: ActionOptions = {}): Promise<boolean> {
    const r = await this.#analyze({ case: "isLocal", value: { plan: this.toPlan() } }, options);
    if (r.result.case !== "isLocal") throw protocol("isLocal");
    return r.result.value.isLocal;
  }
  /** True when the DataFrame reads a streaming source. */
  async isStreaming(options: ActionOptions = {}): Promise<boolean> {
    const r = await this.#analyze({ case: "isStreaming", value: { plan: this.toPlan() } }, options);
    if (r.result.case !== "isStreaming") throw protocol("isStreaming");
    return r.result.value.isStreaming;
  }
  /** The files the DataFrame reads (best effort). */
  async inputFiles(options: ActionOptions = {}): Promise<string[]> {
    const r = await this.#analyze({ case: "inputFiles", value: { plan: this.toPlan() } }, options);
    if (r.result.case !== "inputFiles") throw protocol("inputFiles");
    return [...r.result.value.files];
  }
  /** True when both plans compute the same result. */
  async sameSemantics(other: DataFrame, options: ActionOptions = {}): Promise<boolean> {
    this.#checkSameSession(other, "sameSemantics");
    const r = await this.#analyze(
      { case: "sameSemantics", value: { targetPlan: this.toPlan(), otherPlan: other.toPlan() } },
      options,
    );
    if (r.result.case !== "sameSemantics") throw protocol("sameSemantics");
    return r.result.value.result;
  }
  /** A hash of the plan's semantics. */
  async semanticHash(options: ActionOptions = {}): Promise<number> {
    const r = await this.#analyze(
      { case: "semanticHash", value: { plan: this.toPlan() } },
      options,
    );
    if (r.result.case !== "semanticHash") throw protocol("semanticHash");
    return r.result.value.result;
  }

  /** Caches the DataFrame (MEMORY_AND_DISK_DESER, as in PySpark). */
  async cache(options: ActionOptions = {}): Promise<DataFrame> {
    return this.persist(StorageLevel.MEMORY_AND_DISK_DESER, options);
  }
  /** Persists the DataFrame at a storage level. */
  async persist(
    level: StorageLevel = StorageLevel.MEMORY_AND_DISK_DESER,
    options: ActionOptions = {},
  ): Promise<DataFrame> {
    await this.#analyze(
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
  /** Removes the DataFrame from the cache. */
  async unpersist(blocking = false, options: ActionOptions = {}): Promise<DataFrame> {
    await this.#analyze(
      { case: "unpersist", value: { relation: this.#plan.toRelation(), blocking } },
      options,
    );
    return this;
  }
  /** The storage level the DataFrame is cached at (NONE when it is not). */
  async storageLevel(options: ActionOptions = {}): Promise<StorageLevel> {
    const r = await this.#analyze(
      { case: "getStorageLevel", value: { relation: this.#plan.toRelation() } },
      options,
    );
    if (r.result.case !== "getStorageLevel" || !r.result.value.storageLevel)
      throw protocol("getStorageLevel");
    const s = r.result.value.storageLevel;
    return new StorageLevel(s.useDisk, s.useMemory, s.useOffHeap, s.deserialized, s.replication);
  }

  /** Truncates the plan by saving the data in the checkpoint directory (eager by default). */
  async checkpoint(eager = true, options: ActionOptions = {}): Promise<DataFrame> {
    return this.#checkpoint(false, eager, options);
  }
  /** Truncates the plan by caching the data on the executors (eager by default). */
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
      throw protocol("checkpointCommandResult");
    }
    const cached = result.responseType.value.relation;
    return this.#with(
      new ProtoRelation(this.#id(), {
        $typeName: "spark.connect.Relation",
        relType: { case: "cachedRemoteRelation", value: cached },
      }),
    );
  }

  /** Registers the DataFrame as a temporary view; fails if the name is taken. */
  async createTempView(name: string, options: ActionOptions = {}): Promise<void> {
    await this.#view(name, false, false, options);
  }
  /** Registers or replaces a temporary view. */
  async createOrReplaceTempView(name: string, options: ActionOptions = {}): Promise<void> {
    await this.#view(name, false, true, options);
  }
  /** Registers a global temporary view (in `global_temp`); fails if the name is taken. */
  async createGlobalTempView(name: string, options: ActionOptions = {}): Promise<void> {
    await this.#view(name, true, false, options);
  }
  /** Registers or replaces a global temporary view. */
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

  /** The writer for saving the DataFrame (`df.write.format("parquet").save(path)`). */
  get write(): DataFrameWriter {
    return new DataFrameWriter(this.#internals, this.#plan);
  }
  /** The V2 writer for a table (`df.writeTo("t").append()`). */
  writeTo(table: string): DataFrameWriterV2 {
    return new DataFrameWriterV2(this.#internals, this.#plan, table);
  }

  async #analyze(
    analyze: MessageInitShape<typeof AnalyzePlanRequestSchema>["analyze"],
    options: ActionOptions,
  ) {
    this.#internals.assertActive();
    return this.#internals.client.analyze(analyze, options);
  }

  /** @internal Runs a command plan built from this DataFrame. */
  runCommand(plan: CommandPlan, options: ActionOptions = {}) {
    return runCommand(this.#internals, plan.toPlan(), options);
  }
}

function protocol(what: string) {
  return new SparkArgumentError(`the server's answer lacked ${what}`, {
    errorClass: "MISSING_RESULT",
  });
}

function randomSeed(): bigint {
  const b = new Uint32Array(2);
  crypto.getRandomValues(b);
  return BigInt.asIntN(64, (BigInt(b[0] ?? 0) << 32n) | BigInt(b[1] ?? 0));
}

/** How a DataFrame is cached: disk, memory, off-heap, deserialized, replication. */
export class StorageLevel {
  constructor(
    readonly useDisk: boolean,
    readonly useMemory: boolean,
    readonly useOffHeap: boolean,
    readonly deserialized: boolean,
    readonly replication = 1,
  ) {
    Object.freeze(this);
  }
  static readonly NONE = new StorageLevel(false, false, false, false);
  static readonly DISK_ONLY = new StorageLevel(true, false, false, false);
  static readonly DISK_ONLY_2 = new StorageLevel(true, false, false, false, 2);
  static readonly DISK_ONLY_3 = new StorageLevel(true, false, false, false, 3);
  static readonly MEMORY_ONLY = new StorageLevel(false, true, false, false);
  static readonly MEMORY_ONLY_2 = new StorageLevel(false, true, false, false, 2);
  static readonly MEMORY_AND_DISK = new StorageLevel(true, true, false, false);
  static readonly MEMORY_AND_DISK_2 = new StorageLevel(true, true, false, false, 2);
  static readonly OFF_HEAP = new StorageLevel(true, true, true, false);
  static readonly MEMORY_AND_DISK_DESER = new StorageLevel(true, true, false, true);
  /** e.g. "Disk Memory Deserialized 1x Replicated", as Spark prints it. */
  toString(): string {
    const parts = [
      this.useDisk ? "Disk" : "",
      this.useMemory ? "Memory" : "",
      this.useOffHeap ? "OffHeap" : "",
      this.deserialized ? "Deserialized" : "Serialized",
    ].filter(Boolean);
    return `${parts.join(" ")} ${this.replication}x Replicated`;
  }
}
