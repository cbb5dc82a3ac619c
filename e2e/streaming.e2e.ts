/**
 * Long results and long queries in the browser: a million rows streamed through Envoy while the
 * server cuts every response stream (so the page reattaches), and Cancel on a long query with a
 * server-side check that Spark stopped it.
 */
import { expect, sparkUi, stack, test, waitReady } from "./stack.js";

test("1,000,000 rows stream in with the exact count, reattached through Envoy, page responsive", async ({
  page,
}) => {
  const calls = new Map<string, number>();
  page.on("request", (r) => {
    const method = /SparkConnectService\/(\w+)$/.exec(r.url())?.[1];
    if (method) calls.set(method, (calls.get(method) ?? 0) + 1);
  });
  // Long tasks on the main thread, for the figures printed below.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await page.locator("#tab-df").click();
  await page.locator("#program").selectOption("a-million-rows");
  calls.clear(); // the calls of connecting and of the sample data
  const started = Date.now();
  await page.locator("#run").click();

  // First rows show while the result is still streaming...
  const count = page.locator("#row-count");
  await expect(count).toHaveAttribute("data-done", "false");
  await expect(page.locator("#result tbody tr")).toHaveCount(1_000);
  await expect(page.locator("#result tbody tr:first-child td")).toHaveText(["0", "0", "0"]);
  // ...and the page answers input meanwhile: switching tabs takes effect before the end.
  await page.locator("#tab-sql").click();
  await expect(page.locator("#sql-view")).toBeVisible();
  await page.locator("#tab-df").click();
  const midway = Number(await count.getAttribute("data-rows"));
  const doneMidway = await count.getAttribute("data-done");

  await expect(count).toHaveAttribute("data-done", "true", { timeout: 120_000 });
  const seconds = (Date.now() - started) / 1000;
  await expect(count).toHaveAttribute("data-rows", "1000000");
  await expect(count).toHaveText("1,000,000 rows");
  expect(doneMidway === "false" || midway === 1_000_000).toBe(true);

  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  console.log(
    `[e2e] 1,000,000 rows in ${seconds.toFixed(1)} s (${Math.round(1_000_000 / seconds)} rows/s); ` +
      `rows shown when the tabs were switched: ${midway}; ` +
      `calls: ${JSON.stringify(Object.fromEntries(calls))}; ` +
      `main-thread long tasks: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`,
  );
  expect(calls.get("ExecutePlan")).toBe(1);
  if (stack.embedded()) {
    // The server ends every response stream after 123 bytes: the rows came through reattaches.
    expect(calls.get("ReattachExecute") ?? 0).toBeGreaterThan(10);
    expect(calls.get("ReleaseExecute") ?? 0).toBeGreaterThan(0);
  }
});

test("Cancel stops a long query, and Spark no longer runs it", async ({ page }) => {
  test.skip(!stack.embedded(), "needs the embedded server's UI to see its jobs (SPARK_REMOTE)");
  await page.goto(stack.baseUrl());
  await waitReady(page);
  const before = new Set((await sparkUi().jobs()).map((j) => j.jobId));
  await page.locator("#sql").fill("SELECT max(id % 7) FROM range(0, 8000000000, 1, 80)");
  await page.locator("#run").click();
  await expect(page.locator("#cancel")).toBeEnabled();
  // Wait until Spark runs the query's job, then press Cancel.
  await expect
    .poll(
      async () =>
        (await sparkUi().jobs()).filter((j) => !before.has(j.jobId) && j.status === "RUNNING")
          .length,
    )
    .toBeGreaterThan(0);
  // The progress bar follows Spark's progress reports: the job's 80 tasks.
  await expect(page.locator("#progress")).toBeVisible();
  await expect
    .poll(async () => Number(await page.locator("#progress").getAttribute("max")))
    .toBeGreaterThanOrEqual(80);
  await page.locator("#cancel").click();
  await expect(page.locator("#error .class")).toHaveText("OPERATION_CANCELED");
  await expect(page.locator("#error")).toContainText("cancelled by the user");
  await expect(page.locator("#run")).toBeEnabled();
  // The server's side: the job ended without succeeding and no task of it runs any more.
  await expect
    .poll(
      async () =>
        (await sparkUi().jobs())
          .filter((j) => !before.has(j.jobId))
          .map((j) => `${j.status}/${j.numActiveTasks}`),
      { timeout: 60_000 },
    )
    .toEqual(["FAILED/0"]);
});
