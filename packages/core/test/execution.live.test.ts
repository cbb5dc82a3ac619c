/**
 * Cancellation, progress and interrupts against the real server.
 */
import { expect, test } from "vitest";
import type { ExecutionProgress } from "../src/client/client.js";
import { SparkCancelledError } from "../src/errors.js";
import { withSession } from "./live-session.js";

test("an aborted action rejects with a cancellation error and the server drops the operation", async () => {
  await withSession(async (spark) => {
    spark.addTag("long-query");
    const long = spark.range(0, 8_000_000_000, 1, 80).selectExpr("max(id % 7)");
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error("user pressed Cancel")), 1_500);
    const err = await long.collect({ signal: controller.signal }).catch((e: unknown) => e);
    clearTimeout(timer);
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect((err as SparkCancelledError).errorClass).toBe("OPERATION_CANCELED");
    expect((err as SparkCancelledError).message).toMatch(/user pressed Cancel/);
    // The server has nothing left to interrupt under that tag: the operation is no longer running.
    expect(await spark.interruptTag("long-query")).toEqual([]);
    // And the session still works.
    expect(await spark.range(3).count()).toBe(3);
  });
});

test("interruptTag stops a running operation from elsewhere", async () => {
  await withSession(async (spark) => {
    spark.addTag("to-interrupt");
    const running = spark.range(0, 8_000_000_000, 1, 80).selectExpr("max(id % 7)").collect();
    const outcome = running.then(
      () => "finished",
      (e: unknown) => e,
    );
    let settled: unknown;
    void outcome.then((o) => {
      settled = o;
    });
    let interrupted: string[] = [];
    for (let i = 0; i < 50 && interrupted.length === 0 && settled === undefined; i++) {
      await new Promise((r) => setTimeout(r, 200));
      interrupted = await spark.interruptTag("to-interrupt");
    }
    expect(settled, "the query ended before it could be interrupted").toBeUndefined();
    expect(interrupted.length).toBe(1);
    const err = await outcome;
    expect(err).toBeInstanceOf(Error);
    expect((err as { errorClass?: string }).errorClass).toBe("OPERATION_CANCELED");
    expect(spark.getTags()).toEqual(["to-interrupt"]);
    spark.clearTags();
    expect(spark.getTags()).toEqual([]);
  });
});

test("progress reports arrive for a multi-stage query with advancing task counts", async () => {
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
});
