/**
 * The browser half of `npm run bench`: runs one measurement in the page through Envoy and leaves
 * the figures on `window.benchResult` for Playwright to read. Main-thread long tasks (over 50 ms)
 * are recorded while the result streams.
 */
import { connect } from "@spark-connect/web";

interface BenchResult {
  ms: number;
  rows: number;
  longTasks: number;
  longestTaskMs: number;
  error?: string;
}

declare global {
  interface Window {
    runBench(proxy: string, query: string, mode: "toArrow" | "batches"): Promise<BenchResult>;
  }
}

window.runBench = async (proxy, query, mode) => {
  const spark = connect({ baseUrl: proxy });
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  try {
    await (await spark.sql("SELECT 1")).collect();
    observer.observe({ type: "longtask", buffered: false });
    const started = performance.now();
    const df = await spark.sql(query);
    let rows = 0;
    if (mode === "toArrow") rows = (await df.toArrow()).numRows;
    else for await (const batch of df.toArrowBatches()) rows += batch.numRows;
    const ms = performance.now() - started;
    // Long tasks are reported after they end; give the observer a turn.
    await new Promise((r) => setTimeout(r, 100));
    return { ms, rows, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks) };
  } finally {
    observer.disconnect();
    await spark.stop();
  }
};
