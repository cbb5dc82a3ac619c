/**
 * Internal plumbing shared by the facade classes (not exported from the package).
 *
 * @module
 */
import type { SparkConnectClient } from "./client/client.js";
import type { DataFrame } from "./dataframe.js";
import type { Observation } from "./observation.js";
import type { LogicalPlan } from "./plan/logical-plan.js";

/** The key of a session's internals. */
export const INTERNALS: unique symbol = Symbol("@spark-connect/core.session-internals");

/** What DataFrames and friends need from their session. */
export interface SessionInternals {
  readonly client: SparkConnectClient;
  /** Allocates the next plan id (0, 1, 2… per session). */
  nextPlanId(): number;
  /** A DataFrame of the session over a plan node (whose id came from {@link nextPlanId}). */
  dataFrame(plan: LogicalPlan): DataFrame;
  /** The tags every operation of the session carries. */
  tags(): readonly string[];
  /** Throws when the session has been stopped. */
  assertActive(): void;
  /** Aborted by the session's `stop()`, with a SESSION_STOPPED SparkError as its reason. */
  readonly stopped: AbortSignal;
  /** Observations by name, filled by the metrics of the operations that observe them. */
  readonly observations: Map<string, Observation>;
}
