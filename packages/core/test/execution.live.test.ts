/**
 * Progress reports and server stack traces against the real server (cancellation and interrupts:
 * cancel.live.test.ts).
 */
import { expect, test } from "vitest";
import type { ExecutionProgress } from "../src/client/client.js";
import { AnalysisError, NumberFormatError, type SparkConnectError } from "../src/errors.js";
import { connect } from "../src/node.js";
import type { SparkSession } from "../src/session.js";
import { knownDifference } from "./known-difference.js";
import { live, withSession } from "./live-session.js";

test(
  "progress reports arrive for a multi-stage query with advancing task counts",
  knownDifference("sail", "sends no ExecutionProgress"),
  async () => {
    await withSession(async (spark) => {
      const reports: ExecutionProgress[] = [];
      const df = spark
        .range(0, 3_000_000, 1, 8)
        .selectExpr("id % 97 AS k", "id")
        .groupBy("k")
        .count()
        .orderBy("k");
      const rows = await df.collect({ onProgress: (p) => reports.push(p) });
      expect(rows).toHaveLength(97);
      expect(reports.length).toBeGreaterThan(0);
      const stageIds = new Set(reports.flatMap((r) => r.stages.map((s) => s.stageId)));
      expect(stageIds.size).toBeGreaterThanOrEqual(2);
      // Per stage, completed task counts never go back.
      const last = new Map<number, number>();
      for (const r of reports) {
        for (const s of r.stages) {
          expect(s.completedTasks).toBeGreaterThanOrEqual(last.get(s.stageId) ?? 0);
          expect(s.completedTasks).toBeLessThanOrEqual(s.tasks);
          last.set(s.stageId, s.completedTasks);
        }
      }
    });
  },
);

/** The rejection of an action, as a SparkConnectError. */
async function failureOf(action: () => Promise<unknown>): Promise<SparkConnectError> {
  try {
    await action();
  } catch (e) {
    return e as SparkConnectError;
  }
  throw new Error("the action did not fail");
}

/** Two server errors: an analysis error, and a failure in a task with a JVM cause. */
async function twoErrors(spark: SparkSession) {
  const analysis = await failureOf(() => spark.table("no_such_table_for_traces").collect());
  const malformed = await failureOf(() =>
    spark.range(1).selectExpr("from_csv('x', 'a INT', map('mode', 'FAILFAST'))").collect(),
  );
  expect(analysis).toBeInstanceOf(AnalysisError);
  expect(analysis.errorClass).toBe("TABLE_OR_VIEW_NOT_FOUND");
  expect(malformed.errorClass).toMatch(/^MALFORMED_RECORD_IN_PARSING/);
  // The cause chain comes with the error details, with or without traces.
  const cause = malformed.cause as SparkConnectError;
  expect(cause).toBeInstanceOf(NumberFormatError);
  expect(cause.message).toBe('For input string: "x"');
  return { analysis, malformed, cause };
}

test(
  "server stack traces come only on request (the serverStackTrace session option)",
  knownDifference(
    "sail",
    "Sail sends no Spark error class or SQL state, only a Java exception class (and no FetchErrorDetails)",
  ),
  async () => {
    const token = live.token ? { token: live.token } : {};
    const plain = connect(live.remote, token);
    try {
      const { analysis, malformed, cause } = await twoErrors(plain);
      expect(analysis.serverStackTrace).toBeUndefined();
      expect(malformed.serverStackTrace).toBeUndefined();
      expect(cause.serverStackTrace).toBeUndefined();
    } finally {
      await plain.stop().catch(() => undefined);
    }
    const traced = connect(live.remote, { ...token, serverStackTrace: true });
    try {
      const { analysis, malformed, cause } = await twoErrors(traced);
      // JVM frames, one per line, of each error of the chain.
      const frames = /^\tat [\w$.]+\([^)]*\)$/;
      for (const trace of [
        analysis.serverStackTrace,
        malformed.serverStackTrace,
        cause.serverStackTrace,
      ]) {
        expect(trace).toBeTypeOf("string");
        for (const line of (trace as string).split("\n")) expect(line).toMatch(frames);
      }
      expect(analysis.serverStackTrace).toMatch(
        /^\tat org\.apache\.spark\.sql\.catalyst\.analysis\./m,
      );
      expect(malformed.serverStackTrace).toMatch(/^\tat org\.apache\.spark\./m);
      expect(cause.serverStackTrace).toMatch(/^\tat java\.lang\.NumberFormatException\./);
      expect(cause.serverStackTrace).toMatch(/^\tat org\.apache\.spark\./m);
    } finally {
      await traced.stop().catch(() => undefined);
    }
  },
);
