/**
 * The state every DataFrame holds (its session and plan node) and the helpers the DataFrame's
 * role files share. The public class is {@link DataFrame} (`dataframe.ts`); its methods live by
 * role in `dataframe-transformations.ts`, `dataframe-joins.ts`, `dataframe-reshaping.ts`,
 * `dataframe-actions.ts` and `dataframe.ts` (persistence, views and writers).
 *
 * @module
 */
import { toJsonString } from "@bufbuild/protobuf";
import { Column, toColumnExpression } from "./column.js";
import type { DataFrame } from "./dataframe.js";
import { SparkArgumentError } from "./errors.js";
import {
  SortOrder,
  UnresolvedAttribute,
  UnresolvedRegex,
  UnresolvedStar,
} from "./expressions/nodes.js";
import type { PlanJsonOptions } from "./extensions.js";
import type { ColumnOrName } from "./functions/core.js";
import { type Plan, PlanSchema } from "./gen/spark/connect/base_pb.js";
import { INTERNALS, type SessionInternals } from "./internal.js";
import type { LogicalPlan } from "./plan/logical-plan.js";
import type { SparkSession } from "./session.js";

/** Columns given one by one or as arrays (`select("a", ["b", col("c")])`). */
export type Cols = (ColumnOrName | readonly ColumnOrName[])[];

/** @internal */
export function flat(cols: Cols): ColumnOrName[] {
  return cols.flatMap((c) => (Array.isArray(c) ? (c as ColumnOrName[]) : [c as ColumnOrName]));
}

/** @internal */
export function checkCount(n: unknown, what: string): number {
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

/** @internal */
export function sortOrderOf(c: ColumnOrName, ascending = true): SortOrder {
  const e = toColumnExpression(c, "sort column");
  if (e instanceof SortOrder) return e;
  return new SortOrder(e, ascending ? "ascending" : "descending");
}

/** @internal The column `name` of a plan (`"*"`: all its columns), tied to the plan by its id. */
export function columnOf(plan: LogicalPlan, name: string): Column {
  if (typeof name !== "string") {
    throw new SparkArgumentError("col() takes a column name", { errorClass: "NOT_STR" });
  }
  if (name === "*") return new Column(new UnresolvedStar(undefined, plan.planId));
  return new Column(new UnresolvedAttribute(name, plan.planId));
}

/**
 * @internal The session's internal object as the facade's helpers (GroupedData, na, stat, reader, catalog,
 * writers) get it: plan ids come from `nextPlanId()` (0, 1, 2… per session) and a DataFrame over a
 * plan node from `dataFrame(plan)`, and nowhere else.
 */
export interface FacadeInternals extends SessionInternals {
  /** A DataFrame of the session over a plan node (whose id came from {@link nextPlanId}). */
  dataFrame(plan: LogicalPlan): DataFrame;
}

let planOfDataFrame: (df: DataFrameBase) => LogicalPlan;

/** @internal The plan node of a DataFrame (for the facade's own files). */
export function planOf(df: DataFrameBase): LogicalPlan {
  return planOfDataFrame(df);
}

/** @internal The internals of a DataFrame's session (for the facade's own files). */
export function internalsOf(df: DataFrameBase): FacadeInternals {
  return df.sparkSession[INTERNALS];
}

/** @internal Throws unless `other` is a DataFrame of the same session as `df`. */
export function checkSameSession(df: DataFrameBase, other: DataFrame, what: string): void {
  if (!(other instanceof DataFrameBase)) {
    throw new SparkArgumentError(`${what} needs a DataFrame`, { errorClass: "NOT_DATAFRAME" });
  }
  if (other.sparkSession !== df.sparkSession) {
    throw new SparkArgumentError(`${what} needs DataFrames of the same session`, {
      errorClass: "SESSION_NOT_SAME",
    });
  }
}

/**
 * What every DataFrame holds: its session and plan node; plus the plan and column accessors.
 * The public class is {@link DataFrame}.
 */
export abstract class DataFrameBase {
  readonly #session: SparkSession;
  readonly #plan: LogicalPlan;

  static {
    planOfDataFrame = (df) => df.#plan;
  }

  /** @internal */
  constructor(session: SparkSession, plan: LogicalPlan) {
    this.#session = session;
    this.#plan = plan;
  }

  /**
   * The session this DataFrame belongs to.
   *
   * @example
   * ```ts
   * spark.range(1).sparkSession === spark; // true
   * ```
   */
  get sparkSession(): SparkSession {
    return this.#session;
  }

  // Plans -----------------------------------------------------------------------------------------

  /**
   * The plan as a protobuf `Plan` message (a fresh copy).
   *
   * @example
   * ```ts
   * spark.range(3).toPlan().opType.case; // "root"
   * ```
   */
  toPlan(): Plan {
    return this.#plan.toPlan();
  }

  /**
   * The plan in protobuf JSON, the way Spark's documentation shows plans. Extension messages
   * (Spark Server Libraries) render with their own fields when `registry` has their descriptors;
   * without it, a plan with one throws a SparkArgumentError (EXTENSION_NOT_REGISTERED).
   *
   * @example
   * ```ts
   * spark.range(3).toPlanJson({ pretty: false }); // '{"root":{"common":{"planId":"0"},"range":{"start":"0","end":"3","step":"1"}}}'
   * ```
   */
  toPlanJson(options: PlanJsonOptions = {}): string {
    try {
      return toJsonString(PlanSchema, this.toPlan(), {
        prettySpaces: options.pretty === false ? 0 : 2,
        ...(options.registry ? { registry: options.registry } : {}),
      });
    } catch (err) {
      const typeUrl = /"([^"]+)" is not in the type registry/.exec(String(err))?.[1];
      if (typeUrl === undefined) throw err;
      throw new SparkArgumentError(
        `the plan holds an extension of type ${typeUrl}, which is not in the registry: pass toPlanJson({ registry }) with its descriptor`,
        { errorClass: "EXTENSION_NOT_REGISTERED", messageParameters: { typeUrl } },
      );
    }
  }

  // Columns ---------------------------------------------------------------------------------------

  /**
   * A column of this DataFrame, tied to it (so `a.col("id").equalTo(b.col("id"))` is unambiguous
   * in a self-join). `"*"` is all its columns.
   *
   * @example
   * ```ts
   * const df = spark.range(3); await df.join(spark.range(2), df.col("id").equalTo(0)).count(); // 2
   * ```
   */
  col(name: string): Column {
    return columnOf(this.#plan, name);
  }

  /**
   * Columns whose names match a Java regular expression.
   *
   * @example
   * ```ts
   * const df = spark.range(1).selectExpr("id AS a1", "id AS a2", "id AS b"); await df.select(df.colRegex("`a.*`")).columns(); // ["a1", "a2"]
   * ```
   */
  colRegex(pattern: string): Column {
    return new Column(new UnresolvedRegex(pattern, this.#plan.planId));
  }

  /**
   * A metadata column of this DataFrame (e.g. `_metadata` of a file source).
   *
   * @example
   * ```ts
   * df.select(df.metadataColumn("_metadata")); // a file source's _metadata struct
   * ```
   */
  metadataColumn(name: string): Column {
    return new Column(new UnresolvedAttribute(name, this.#plan.planId, true));
  }
}
