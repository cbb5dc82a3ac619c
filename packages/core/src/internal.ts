/**
 * Internal plumbing shared by the facade classes (not exported from the package).
 *
 * @module
 */
import type { SparkConnectClient } from "./client/client.js";
import type { Observation } from "./observation.js";

/** The key of a session's internals. */
export const INTERNALS: unique symbol = Symbol("@spark-connect/core.session-internals");

/**
 * What running plans needs from a session (execution, writers, the runtime config). The facade's
 * helpers see the same object as {@link FacadeInternals} (`dataframe-base.ts`), which adds the
 * one way to derive a DataFrame; it is declared there so that this file, and everything that
 * only runs plans, stays below the DataFrame classes.
 */
export interface SessionInternals {
  readonly client: SparkConnectClient;
  /** Allocates the next plan id (0, 1, 2… per session). */
  nextPlanId(): number;
  /** The tags every operation of the session carries. */
  tags(): readonly string[];
  /** Throws when the session has been stopped. */
  assertActive(): void;
  /** Aborted by the session's `stop()`, with a SESSION_STOPPED SparkError as its reason. */
  readonly stopped: AbortSignal;
  /** Observations by name, filled by the metrics of the operations that observe them. */
  readonly observations: Map<string, Observation>;
}
