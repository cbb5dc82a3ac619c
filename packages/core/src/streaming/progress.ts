/**
 * Typed views of the progress reports Spark writes as JSON (`StreamingQueryProgress.json`).
 *
 * @module
 */
import { SparkProtocolError } from "../errors.js";

/** One source of a micro-batch (Spark's `SourceProgress`). */
export interface SourceProgress {
  /** The source, e.g. `RateStreamV2[rowsPerSecond=1, …]` or `FileStreamSource[file:/data]`. */
  readonly description: string;
  /** Where the batch started and ended, and the newest offset seen: as the source writes them (JSON). */
  readonly startOffset: unknown;
  readonly endOffset: unknown;
  readonly latestOffset: unknown;
  /** Rows the batch read from this source. */
  readonly numInputRows: number;
  /** Rows per second arriving and processed; undefined when Spark has no figure (NaN). */
  readonly inputRowsPerSecond: number | undefined;
  readonly processedRowsPerSecond: number | undefined;
  /** Source-specific metrics (strings, as Spark sends them). */
  readonly metrics: Readonly<Record<string, string>>;
}

/** The sink of a micro-batch (Spark's `SinkProgress`). */
export interface SinkProgress {
  /** The sink, e.g. `MemorySink`. */
  readonly description: string;
  /** Rows written by the batch; -1 when the sink does not count them. */
  readonly numOutputRows: number;
  readonly metrics: Readonly<Record<string, string>>;
}

/** One stateful operator of a micro-batch (Spark's `StateOperatorProgress`). */
export interface StateOperatorProgress {
  /** e.g. `stateStoreSave`, `dedupe`, `symmetricHashJoin`. */
  readonly operatorName: string;
  /** Rows in the state after the batch, updated and removed by it. */
  readonly numRowsTotal: number;
  readonly numRowsUpdated: number;
  readonly numRowsRemoved: number;
  /** Input rows dropped because they were older than the watermark. */
  readonly numRowsDroppedByWatermark: number;
  readonly memoryUsedBytes: number;
  /** Everything else Spark reports for the operator (timings, store metrics), as it sends it. */
  readonly json: Readonly<Record<string, unknown>>;
}

/**
 * The progress of one micro-batch of a streaming query (Spark's `StreamingQueryProgress`), as
 * `query.lastProgress()` / `query.recentProgress()` return it.
 */
export interface StreamingQueryProgress {
  /** The query's id (kept across restarts from a checkpoint) and the id of this run. */
  readonly id: string;
  readonly runId: string;
  /** The query's name; null when it has none. */
  readonly name: string | null;
  /** When the batch started, as Spark writes it (ISO 8601 in UTC, e.g. `2026-12-04T21:00:00.000Z`). */
  readonly timestamp: string;
  /** The batch's number: 0, 1, 2… */
  readonly batchId: number;
  /** How long the batch took, in milliseconds. */
  readonly batchDuration: number;
  /** Rows read by the batch over all sources (the sum of `sources[].numInputRows`). */
  readonly numInputRows: number;
  /**
   * Rows per second arriving and processed, summed over the sources; undefined when Spark has no
   * figure for a source (NaN, e.g. the first batch).
   */
  readonly inputRowsPerSecond: number | undefined;
  readonly processedRowsPerSecond: number | undefined;
  /** Milliseconds by phase: `triggerExecution`, `addBatch`, `getBatch`, `latestOffset`, … */
  readonly durationMs: Readonly<Record<string, number>>;
  /** Event-time statistics (`watermark`, `min`, `max`, `avg`) when the query has an event time. */
  readonly eventTime: Readonly<Record<string, string>>;
  readonly stateOperators: readonly StateOperatorProgress[];
  readonly sources: readonly SourceProgress[];
  readonly sink: SinkProgress;
  /** The whole report as Spark wrote it (parsed). */
  readonly json: Readonly<Record<string, unknown>>;
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};
const num = (v: unknown, fallback = 0): number => (typeof v === "number" ? v : fallback);
const optNum = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const offset = (v: unknown): unknown => (v === undefined ? null : v);
function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v)))
    out[k] = typeof x === "string" ? x : JSON.stringify(x);
  return out;
}
function numbers(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(obj(v))) if (typeof x === "number") out[k] = x;
  return out;
}

/** Parses one progress report from the server's JSON. */
export function parseProgress(text: string): StreamingQueryProgress {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new SparkProtocolError("the server sent a streaming progress report that is not JSON", {
      errorClass: "INVALID_PROGRESS_JSON",
      cause: e,
    });
  }
  const p = obj(parsed);
  const sink = obj(p.sink);
  const sources = (Array.isArray(p.sources) ? p.sources : []).map((o: unknown): SourceProgress => {
    const s = obj(o);
    return Object.freeze({
      description: str(s.description),
      startOffset: offset(s.startOffset),
      endOffset: offset(s.endOffset),
      latestOffset: offset(s.latestOffset),
      numInputRows: num(s.numInputRows),
      inputRowsPerSecond: optNum(s.inputRowsPerSecond),
      processedRowsPerSecond: optNum(s.processedRowsPerSecond),
      metrics: Object.freeze(strings(s.metrics)),
    });
  });
  // Spark derives the batch's figures from its sources (its JSON may leave them out).
  const sum = (pick: (s: SourceProgress) => number | undefined): number | undefined =>
    sources.reduce<number | undefined>((acc, s) => {
      const v = pick(s);
      return acc === undefined || v === undefined ? undefined : acc + v;
    }, 0);
  return Object.freeze({
    id: str(p.id),
    runId: str(p.runId),
    name: typeof p.name === "string" ? p.name : null,
    timestamp: str(p.timestamp),
    batchId: num(p.batchId),
    batchDuration: num(p.batchDuration),
    numInputRows: optNum(p.numInputRows) ?? sum((s) => s.numInputRows) ?? 0,
    inputRowsPerSecond: optNum(p.inputRowsPerSecond) ?? sum((s) => s.inputRowsPerSecond),
    processedRowsPerSecond:
      optNum(p.processedRowsPerSecond) ?? sum((s) => s.processedRowsPerSecond),
    durationMs: Object.freeze(numbers(p.durationMs)),
    eventTime: Object.freeze(strings(p.eventTime)),
    stateOperators: Object.freeze(
      (Array.isArray(p.stateOperators) ? p.stateOperators : []).map((o: unknown) => {
        const s = obj(o);
        return Object.freeze({
          operatorName: str(s.operatorName),
          numRowsTotal: num(s.numRowsTotal),
          numRowsUpdated: num(s.numRowsUpdated),
          numRowsRemoved: num(s.numRowsRemoved),
          numRowsDroppedByWatermark: num(s.numRowsDroppedByWatermark),
          memoryUsedBytes: num(s.memoryUsedBytes),
          json: s,
        });
      }),
    ),
    sources: Object.freeze(sources),
    sink: Object.freeze({
      description: str(sink.description),
      numOutputRows: num(sink.numOutputRows, -1),
      metrics: Object.freeze(strings(sink.metrics)),
    }),
    json: p,
  });
}
