import {
  type SERVER_ERROR_CLASSES,
  SparkArgumentError,
  SparkProtocolError,
  StreamingQueryError,
  serverErrorClass,
} from "../errors.js";
import { type ActionOptions, runCommand } from "../execution.js";
import type { StreamingQueryCommandResult } from "../gen/spark/connect/commands_pb.js";
import type { SessionInternals } from "../internal.js";
import {
  StreamingQueryCommand,
  type StreamingQueryInstance,
  type StreamingQueryRequest,
} from "../plan/streaming.js";
import { parseProgress, type StreamingQueryProgress } from "./progress.js";

/** What a streaming query is doing now (Spark's `StreamingQueryStatus`). */
export interface StreamingQueryStatus {
  /** e.g. "Waiting for data to arrive", "Processing new data", "Stopped". */
  readonly message: string;
  /** Whether a source has data not yet processed. */
  readonly isDataAvailable: boolean;
  /** Whether a trigger (a micro-batch) is running. */
  readonly isTriggerActive: boolean;
}

type ResultCase = Exclude<StreamingQueryCommandResult["resultType"]["case"], undefined>;
type ResultOf<C extends ResultCase> = Extract<
  StreamingQueryCommandResult["resultType"],
  { case: C }
>["value"];

/**
 * A streaming query running on the server, as `df.writeStream…start()` and `spark.streams`
 * return it. Its identity is known at once; everything else asks the server.
 *
 * @example
 * ```ts
 * const q = await spark.readStream.format("rate").load().writeStream.format("memory").queryName("r").start();
 * await q.processAllAvailable();
 * (await q.lastProgress())?.numInputRows; // e.g. 3
 * await q.stop();
 * ```
 */
export class StreamingQuery {
  readonly #internals: SessionInternals;
  /** The query's id, kept when it restarts from its checkpoint. */
  readonly id: string;
  /** The id of this run of the query (new at every start). */
  readonly runId: string;
  /** The query's name (`queryName(…)`); null when it has none. */
  readonly name: string | null;

  /** @internal */
  constructor(internals: SessionInternals, query: StreamingQueryInstance, name: string | null) {
    this.#internals = internals;
    this.id = query.id;
    this.runId = query.runId;
    this.name = name;
    Object.freeze(this);
  }

  async #run<C extends ResultCase>(
    request: StreamingQueryRequest,
    expected: C | null,
    options: ActionOptions,
  ): Promise<ResultOf<C>> {
    const plan = new StreamingQueryCommand({ id: this.id, runId: this.runId }, request).toPlan();
    const responses = await runCommand(this.#internals, plan, options);
    const found = responses.find((r) => r.responseType.case === "streamingQueryCommandResult");
    if (found?.responseType.case !== "streamingQueryCommandResult") {
      throw new SparkProtocolError(
        `the server sent no result for the streaming query's ${request.case}`,
        {
          errorClass: "MISSING_RESULT",
        },
      );
    }
    const result = found.responseType.value.resultType;
    if (expected === null) return undefined as ResultOf<C>;
    // A query without an error gets an exception result with nothing in it.
    if (result.case === undefined && expected === "exception") {
      return { exceptionMessage: undefined } as ResultOf<C>;
    }
    if (result.case !== expected) {
      throw new SparkProtocolError(
        `the server answered the streaming query's ${request.case} with ${String(result.case)}`,
        { errorClass: "MISSING_RESULT" },
      );
    }
    return result.value as ResultOf<C>;
  }

  /** Whether the query is running (asks the server). */
  async isActive(options: ActionOptions = {}): Promise<boolean> {
    return (await this.#run({ case: "status" }, "status", options)).isActive;
  }

  /** What the query is doing now. */
  async status(options: ActionOptions = {}): Promise<StreamingQueryStatus> {
    const s = await this.#run({ case: "status" }, "status", options);
    return Object.freeze({
      message: s.statusMessage,
      isDataAvailable: s.isDataAvailable,
      isTriggerActive: s.isTriggerActive,
    });
  }

  /** The progress of the latest micro-batch; null before the first one has finished. */
  async lastProgress(options: ActionOptions = {}): Promise<StreamingQueryProgress | null> {
    const r = await this.#run({ case: "lastProgress" }, "recentProgress", options);
    const last = r.recentProgressJson.at(-1);
    return last === undefined ? null : parseProgress(last);
  }

  /**
   * The progress of the recent micro-batches, oldest first (the server keeps
   * `spark.sql.streaming.numRecentProgressUpdates`, 100 by default).
   */
  async recentProgress(options: ActionOptions = {}): Promise<StreamingQueryProgress[]> {
    const r = await this.#run({ case: "recentProgress" }, "recentProgress", options);
    return r.recentProgressJson.map(parseProgress);
  }

  /**
   * Waits until the query stops. With `timeoutMs`, waits at most that long and resolves with
   * whether it stopped; without, resolves with true once it has. A query that failed rejects
   * with its StreamingQueryError (as Spark throws it); `signal` stops the wait (not the query).
   *
   * @example
   * ```ts
   * await q.awaitTermination(1000); // false: still running after a second
   * ```
   */
  async awaitTermination(timeoutMs?: number, options: ActionOptions = {}): Promise<boolean> {
    checkTimeout(timeoutMs);
    const r = await this.#run(
      timeoutMs === undefined
        ? { case: "awaitTermination" }
        : { case: "awaitTermination", timeoutMs },
      "awaitTermination",
      options,
    );
    return r.terminated;
  }

  /**
   * Waits until every row available in the sources now has been processed and committed to the
   * sink (for tests and demos; it does not return for a source that never runs dry of data
   * already available). A query that failed rejects with its StreamingQueryError.
   */
  async processAllAvailable(options: ActionOptions = {}): Promise<void> {
    await this.#run({ case: "processAllAvailable" }, null, options);
  }

  /** Stops the query (waits for it to stop); stopping a stopped query does nothing. */
  async stop(options: ActionOptions = {}): Promise<void> {
    await this.#run({ case: "stop" }, null, options);
  }

  /**
   * Why the query failed: a StreamingQueryError with the server's error class (when it gives
   * one), message and stack trace; null when it is running or stopped without an error.
   */
  async exception(options: ActionOptions = {}): Promise<StreamingQueryError | null> {
    const r = await this.#run({ case: "exception" }, "exception", options);
    if (r.exceptionMessage === undefined) return null;
    return streamingQueryError(r.exceptionMessage, r.errorClass, r.stackTrace);
  }

  /**
   * Prints (and returns) the physical plan of the query's latest batch; `extended` adds the
   * logical plans. `print: null` only returns it.
   */
  async explain(
    extended = false,
    options: ActionOptions & { print?: ((text: string) => void) | null } = {},
  ): Promise<string> {
    const text = (await this.#run({ case: "explain", extended }, "explain", options)).result;
    const print = options.print === undefined ? (s: string) => console.log(s) : options.print;
    print?.(text.endsWith("\n") ? text.slice(0, -1) : text);
    return text;
  }
}

const QUERY_EXCEPTION = "org.apache.spark.sql.streaming.StreamingQueryException";

/**
 * The error of `query.exception()`. The server sends only the exception's text (`Class: message`),
 * its error class (STREAM_FAILED for a failed batch) and its stack trace; the error that failed
 * the batch becomes the `cause`, with the class its message starts with (`[DIVIDE_BY_ZERO] …`)
 * and the JVM class of the trace's first `Caused by:` (its SDK class when
 * {@link SERVER_ERROR_CLASSES} lists it, else UnknownSparkError). `awaitTermination()` rejects
 * with the server's full error details instead.
 */
export function streamingQueryError(
  text: string,
  errorClass: string | undefined,
  stackTrace: string | undefined,
): StreamingQueryError {
  const message = text.startsWith(`${QUERY_EXCEPTION}: `)
    ? text.slice(QUERY_EXCEPTION.length + 2)
    : text;
  const causeClass = /^\[([A-Z0-9_.]+)\] /.exec(message)?.[1];
  const causedBy = stackTrace ? /^Caused by: ([\w.$]+): /m.exec(stackTrace)?.[1] : undefined;
  const cause =
    causeClass === undefined
      ? undefined
      : new (serverErrorClass(causedBy ? [causedBy] : [], causeClass))(message, {
          errorClass: causeClass,
          ...(causedBy ? { serverClasses: [causedBy] } : {}),
        });
  return new StreamingQueryError(message, {
    ...(errorClass ? { errorClass } : {}),
    serverClasses: [QUERY_EXCEPTION],
    ...(stackTrace ? { serverStackTrace: stackTrace } : {}),
    ...(cause ? { cause } : {}),
  });
}

/** As PySpark: a timeout is a positive whole number of milliseconds. */
export function checkTimeout(timeoutMs: number | undefined): void {
  if (timeoutMs === undefined || (Number.isInteger(timeoutMs) && timeoutMs > 0)) return;
  throw new SparkArgumentError(`timeoutMs must be a positive integer, got ${String(timeoutMs)}`, {
    errorClass: "VALUE_NOT_POSITIVE",
    messageParameters: { arg_name: "timeoutMs", arg_value: String(timeoutMs) },
  });
}
