/**
 * The ReleaseExecute calls of one operation: best effort, in the background, never awaited by
 * the result stream.
 *
 * @module
 */
import { type RetryPolicy, type Sleep, withRetries } from "./retries.js";

/** One ReleaseExecute's operation and what to release. */
export interface ReleaseTarget {
  operationId: string;
  release:
    | { case: "releaseUntil"; value: { responseId: string } }
    | { case: "releaseAll"; value: Record<string, never> };
}

/** What a releaser needs from its client. */
export interface ReleaserDeps {
  /** Sends ReleaseExecute for the operation (the client adds the session fields). */
  releaseExecute(release: ReleaseTarget): Promise<unknown>;
  /** The (short) retry budget of the final `releaseAll`. */
  readonly policy: RetryPolicy;
  readonly sleep: Sleep;
}

/** The releases of one operation. */
export interface Releaser {
  /** Lets the server drop the responses up to this one. */
  until(responseId: string): void;
  /** Ends the operation on the server; no `until` after it. */
  all(): void;
}

/**
 * Best-effort ReleaseExecute calls for one operation. `until` lets the server drop the
 * responses the client has consumed: at most one such call is in flight, later ones are merged
 * into the next. `all` ends the operation on the server (with a few retries) and stops any
 * further `until`. Failures are ignored: the server ends abandoned operations by itself.
 */
export function createReleaser(deps: ReleaserDeps, operationId: string): Releaser {
  let inFlight = false;
  let pending: string | undefined;
  let closed = false;
  const until = (responseId: string): void => {
    if (closed) return;
    if (inFlight) {
      pending = responseId;
      return;
    }
    inFlight = true;
    void deps
      .releaseExecute({ operationId, release: { case: "releaseUntil", value: { responseId } } })
      .catch(() => undefined)
      .then(() => {
        inFlight = false;
        const next = pending;
        pending = undefined;
        if (next !== undefined) until(next);
      });
  };
  const all = (): void => {
    if (closed) return;
    closed = true;
    pending = undefined;
    void withRetries(
      () => deps.releaseExecute({ operationId, release: { case: "releaseAll", value: {} } }),
      deps.policy,
      { sleep: deps.sleep },
    ).catch(() => undefined);
  };
  return { until, all };
}
