import { SparkProtocolError } from "../errors.js";
import { type ActionOptions, runCommand } from "../execution.js";
import type {
  StreamingQueryManagerCommandResult,
  StreamingQueryManagerCommandResult_StreamingQueryInstance,
} from "../gen/spark/connect/commands_pb.js";
import type { SessionInternals } from "../internal.js";
import {
  StreamingQueryManagerCommand,
  type StreamingQueryManagerRequest,
} from "../plan/streaming.js";
import { checkTimeout, StreamingQuery } from "./streaming-query.js";

type ResultCase = Exclude<StreamingQueryManagerCommandResult["resultType"]["case"], undefined>;
type ResultOf<C extends ResultCase> = Extract<
  StreamingQueryManagerCommandResult["resultType"],
  { case: C }
>["value"];

/**
 * The streaming queries of the session (`spark.streams`).
 *
 * @example
 * ```ts
 * (await spark.streams.active()).map((q) => q.name); // ["rates"]
 * ```
 */
export class StreamingQueryManager {
  readonly #internals: SessionInternals;

  /** @internal */
  constructor(internals: SessionInternals) {
    this.#internals = internals;
  }

  async #run<C extends ResultCase>(
    request: StreamingQueryManagerRequest,
    expected: C,
    options: ActionOptions,
  ): Promise<ResultOf<C>> {
    const plan = new StreamingQueryManagerCommand(request).toPlan();
    const responses = await runCommand(this.#internals, plan, options);
    const found = responses.find(
      (r) => r.responseType.case === "streamingQueryManagerCommandResult",
    );
    const result =
      found?.responseType.case === "streamingQueryManagerCommandResult"
        ? found.responseType.value.resultType
        : undefined;
    if (result?.case !== expected) {
      throw new SparkProtocolError(
        `the server sent no ${expected} result for the streaming query manager's ${request.case}`,
        { errorClass: "MISSING_RESULT" },
      );
    }
    return result.value as ResultOf<C>;
  }

  #query(q: StreamingQueryManagerCommandResult_StreamingQueryInstance): StreamingQuery {
    return new StreamingQuery(
      this.#internals,
      { id: q.id?.id ?? "", runId: q.id?.runId ?? "" },
      q.name ?? null,
    );
  }

  /** The session's running queries. */
  async active(options: ActionOptions = {}): Promise<StreamingQuery[]> {
    const r = await this.#run({ case: "active" }, "active", options);
    return r.activeQueries.map((q) => this.#query(q));
  }

  /** The running query with this id; null when there is none. */
  async get(id: string, options: ActionOptions = {}): Promise<StreamingQuery | null> {
    const plan = new StreamingQueryManagerCommand({ case: "getQuery", id }).toPlan();
    const responses = await runCommand(this.#internals, plan, options);
    const found = responses.find(
      (r) => r.responseType.case === "streamingQueryManagerCommandResult",
    );
    // The server answers an unknown id with a result that has no query.
    if (found?.responseType.case !== "streamingQueryManagerCommandResult") return null;
    const result = found.responseType.value.resultType;
    return result.case === "query" ? this.#query(result.value) : null;
  }

  /**
   * Waits until a query of the session stops (since the start or the last
   * {@link resetTerminated}). With `timeoutMs`, waits at most that long and resolves with
   * whether one did; a query that failed rejects with its StreamingQueryError.
   */
  async awaitAnyTermination(timeoutMs?: number, options: ActionOptions = {}): Promise<boolean> {
    checkTimeout(timeoutMs);
    const r = await this.#run(
      timeoutMs === undefined
        ? { case: "awaitAnyTermination" }
        : { case: "awaitAnyTermination", timeoutMs },
      "awaitAnyTermination",
      options,
    );
    return r.terminated;
  }

  /** Forgets the queries that have stopped, so `awaitAnyTermination` waits for a new one. */
  async resetTerminated(options: ActionOptions = {}): Promise<void> {
    await this.#run({ case: "resetTerminated" }, "resetTerminated", options);
  }
}
