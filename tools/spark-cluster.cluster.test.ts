/**
 * A real standalone cluster (tools/spark-cluster.ts, started by tools/live-setup.ts in the
 * "cluster" project): jobs run in an executor JVM on the worker, and when the worker is killed in
 * the middle of a query, Spark retries the lost tasks on the worker that replaces it; the client
 * receives every row exactly once.
 */
import { readFileSync } from "node:fs";
import { expect, inject, test } from "vitest";
import { connect } from "../packages/core/src/node.js";
import { masterState } from "./spark-cluster.js";
import { SparkUi } from "./spark-ui.js";

const live = inject("live");
const ROWS = 2_000_000;
const PARTITIONS = 8;

function cluster() {
  if (!live.cluster || !live.uiUrl) throw new Error("run with --project cluster");
  return { ...live.cluster, uiUrl: live.uiUrl };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("jobs run on the standalone cluster's executor, not in the driver", async () => {
  const { masterUiUrl, masterUrl } = cluster();
  const spark = connect(live.remote);
  try {
    expect(await spark.conf.get("spark.master")).toBe(masterUrl);
    const [row] = await spark.range(0, 1000, 1, 4).selectExpr("sum(id)").collect();
    expect(row?.[0]).toBe(499_500n);
    const state = await masterState(masterUiUrl);
    expect(state?.status).toBe("ALIVE");
    expect(state?.aliveworkers).toBe(1);
    const executors = (await (
      await fetch(`${live.uiUrl}/api/v1/applications/${await appId()}/executors`)
    ).json()) as { id: string; isActive: boolean; totalTasks: number }[];
    const active = executors.filter((e) => e.isActive && e.id !== "driver");
    expect(active.length).toBe(1);
    expect(active[0]?.totalTasks).toBeGreaterThan(0);
  } finally {
    await spark.stop();
  }
});

async function appId(): Promise<string> {
  const apps = (await (await fetch(`${live.uiUrl}/api/v1/applications`)).json()) as {
    id: string;
  }[];
  return apps[0]?.id ?? "";
}

test("killing the worker mid-query: Spark retries the lost tasks, and every row arrives once", async () => {
  const { workerPidFile, masterUiUrl, uiUrl } = cluster();
  const spark = connect(live.remote);
  const ui = new SparkUi(uiUrl);
  try {
    // A few seconds of work per task, on the executor's single core.
    const df = spark
      .range(0, ROWS, 1, PARTITIONS)
      .selectExpr("id", "xxhash64(sha2(repeat(CAST(id AS STRING), 40), 256)) AS h");
    const [expected] = await df.selectExpr("count(*)", "sum(id)", "bit_xor(h)").collect();
    const jobsBefore = new Set((await ui.jobs()).map((j) => j.jobId));

    const collecting = df.collect();
    // Kill the worker once the collect's job has finished a task and has more to run.
    const victim = Number(readFileSync(workerPidFile, "utf8"));
    let killedAt: { completed: number; total: number } | undefined;
    for (let i = 0; i < 600 && !killedAt; i++) {
      const job = (await ui.jobs()).find((j) => !jobsBefore.has(j.jobId));
      if (job?.status === "RUNNING" && job.numCompletedTasks >= 1) {
        if (job.numCompletedTasks < job.numTasks - 1) {
          process.kill(victim, "SIGKILL");
          killedAt = { completed: job.numCompletedTasks, total: job.numTasks };
        } else {
          throw new Error(`the job ran too fast to be interrupted: ${JSON.stringify(job)}`);
        }
      }
      if (!killedAt) await sleep(100);
    }
    expect(killedAt, "the worker was killed while the job ran").toBeDefined();
    console.log(`[cluster] killed worker ${victim} after ${JSON.stringify(killedAt)} tasks`);

    const rows = await collecting;
    expect(rows.length).toBe(ROWS);
    const seen = new Uint8Array(ROWS);
    let sum = 0n;
    let xor = 0n;
    for (const row of rows) {
      const id = row[0] as bigint;
      seen[Number(id)] = (seen[Number(id)] ?? 0) + 1;
      sum += id;
      xor ^= BigInt.asUintN(64, row[1] as bigint);
    }
    expect(seen.every((n) => n === 1)).toBe(true);
    expect([BigInt(rows.length), sum, BigInt.asIntN(64, xor)]).toEqual([
      expected?.[0],
      expected?.[1],
      expected?.[2],
    ]);

    // Spark saw the loss and retried: the job succeeded with failed (lost) task attempts.
    const job = (await ui.jobs()).find((j) => !jobsBefore.has(j.jobId));
    expect(job?.status).toBe("SUCCEEDED");
    expect(job?.numFailedTasks).toBeGreaterThanOrEqual(1);
    // A new worker replaced the killed one.
    const now = Number(readFileSync(workerPidFile, "utf8"));
    expect(now).not.toBe(victim);
    expect((await masterState(masterUiUrl))?.aliveworkers).toBe(1);
  } finally {
    await spark.stop();
  }
});
