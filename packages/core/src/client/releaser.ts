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
  /** How often consumed responses are released. Default: {@link RELEASE_EVERY}. */
  readonly every?: ReleaseCadence;
}

/** When consumed responses are released: whichever of these comes first. */
export interface ReleaseCadence {
  /** Responses consumed since the last release. */
  readonly responses: number;
  /** Bytes of Arrow data consumed since the last release. */
  readonly bytes: number;
  /** Milliseconds since the last release (checked as responses arrive). */
  readonly ms: number;
}

/** The releases of one operation. */
export interface Releaser {
  /**
   * Lets the server drop the responses up to this one (consumed, `bytes` of Arrow data), once
   * enough of them have gathered since the last release (see {@link RELEASE_EVERY}).
   */
  until(responseId: string, bytes?: number): void;
  /** Ends the operation on the server; no `until` after it. */
  all(): void;
}

/**
 * How often consumed responses are released: after this many responses, this many bytes of
 * Arrow data, or this long, whichever comes first. A release per response (as PySpark sends
 * them, from a thread pool) costs a round trip per batch on the one JavaScript thread; the
 * server bounds what it keeps for reattaching by itself
 * (`spark.connect.execute.reattachable.observerRetryBufferSize`), so releasing in groups only
 * lets it drop them a little later. A reattach resumes after the last response received, which
 * does not depend on what was released.
 */
export const RELEASE_EVERY: ReleaseCadence = Object.freeze({
  responses: 32,
  bytes: 8 * 1024 * 1024,
  ms: 1_000,
});

/**
 * Best-effort ReleaseExecute calls for one operation. `until` lets the server drop the
 * responses the client has consumed, in groups ({@link RELEASE_EVERY}): at most one such call is
 * in flight, later ones are merged into the next. `all` ends the operation on the server (with a few retries) and stops any
 * further `until`. Failures are ignored: the server ends abandoned operations by itself.
 */
export function createReleaser(deps: ReleaserDeps, operationId: string): Releaser {
  let inFlight = false;
  let pending: string | undefined;
  let closed = false;
  let responses = 0;
  let bytes = 0;
  let since = Date.now();
  const every = deps.every ?? RELEASE_EVERY;
  const until = (responseId: string, size = 0): void => {
    if (closed) return;
    responses += 1;
    bytes += size;
    if (responses < every.responses && bytes < every.bytes && Date.now() - since < every.ms) {
      return;
    }
    responses = 0;
    bytes = 0;
    since = Date.now();
    send(responseId);
  };
  const send = (responseId: string): void => {
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
        if (next !== undefined) send(next);
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
