/**
 * The demo page in real Chromium, served as a production build under a strict CSP, talking
 * gRPC-Web through real Envoy to a real Spark Connect server.
 */
import { expect, sparkUi, stack, test, waitReady } from "./stack.js";

test("the page connects through Envoy, shows the server's version and creates the sample data", async ({
  page,
}) => {
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await expect(page.locator("#sample-status")).toHaveText("· sample data: sales, 300,000 rows");
});

test("a SQL query's rows and schema are shown", async ({ page }) => {
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await page
    .locator("#sql")
    .fill("SELECT id, id * id AS square, CAST(id AS STRING) AS label FROM range(10)");
  await page.locator("#run").click();
  await expect(page.locator("#summary")).toContainText("10 rows");
  await expect(page.locator("#row-count")).toHaveAttribute("data-rows", "10");
  const cells = page.locator("#result table tbody tr:nth-child(4) td");
  await expect(cells).toHaveText(["3", "9", "3"]);
  await expect(page.locator("#result thead th")).toHaveText(["id", "square", "label"]);
  await page.locator("#schema-box summary").click();
  await expect(page.locator("#schema li")).toHaveText([
    "id: bigint not null",
    "square: bigint not null",
    "label: string not null",
  ]);
});

test("the sample query over the sales data: rows, chart, schema, plan and explain", async ({
  page,
}, testInfo) => {
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await page.locator("#run").click();
  await expect(page.locator("#row-count")).toHaveAttribute("data-done", "true");
  await expect(page.locator("#row-count")).toHaveAttribute("data-rows", "5");
  await expect(page.locator("#result thead th")).toHaveText(["region", "revenue", "orders"]);
  const regions = await page.locator("#result tbody tr td:first-child").allTextContents();
  expect(regions.sort()).toEqual(["Central", "East", "North", "South", "West"]);
  // Orders add up to the 300,000 rows of the sample table.
  const orders = await page.locator("#result tbody tr td:nth-child(3)").allTextContents();
  expect(orders.reduce((sum, o) => sum + Number(o), 0)).toBe(300_000);
  // A chart of revenue by region: one bar per row, in the result's order.
  await expect(page.locator("#chart svg g.bar")).toHaveCount(5);
  await expect(page.locator("#chart svg g.bar text:first-child")).toHaveText(
    await page.locator("#result tbody tr td:first-child").allTextContents(),
  );
  await expect(page.locator("#explain-box")).toBeVisible();
  await page.locator("#explain-box summary").click();
  await expect(page.locator("#explain")).toContainText("Physical Plan");
  await expect(page.locator("#explain")).toContainText("HashAggregate");
  await page.locator("#plan-box summary").click();
  const plan = JSON.parse((await page.locator("#plan-json").textContent()) ?? "");
  expect(plan.root.sql.query).toContain("FROM sales");
  await page.screenshot({ path: testInfo.outputPath("demo-after-query.png"), fullPage: true });
});

test("a server error is shown with its class, SQL state and the offending fragment", async ({
  page,
}) => {
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await page.locator("#sql").fill("SELECT id, nope + 1 AS x FROM range(3)");
  await page.locator("#run").click();
  await expect(page.locator("#error .class")).toHaveText("UNRESOLVED_COLUMN.WITH_SUGGESTION");
  await expect(page.locator("#error")).toContainText("AnalysisError");
  await expect(page.locator("#error")).toContainText("SQLSTATE 42703");
  await expect(page.locator("#error mark")).toHaveText("nope");
});

test("a DataFrame program built through the web package: its source, plan and result", async ({
  page,
}, testInfo) => {
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await page.locator("#tab-df").click();
  await page.locator("#program").selectOption("best-product-per-month");
  await expect(page.locator("#program-source")).toContainText(
    'const byMonth = Window.partitionBy("month")',
  );
  // The plan is built in the page, before anything runs.
  const plan = JSON.parse((await page.locator("#plan-json").textContent()) ?? "");
  expect(JSON.stringify(plan)).toContain('"functionName":"rank"');
  await page.locator("#run").click();
  await expect(page.locator("#row-count")).toHaveAttribute("data-done", "true");
  // 731 days of sales from 2024-01-01 to 2025-12-31: 24 months, one best product each.
  await expect(page.locator("#row-count")).toHaveAttribute("data-rows", "24");
  await expect(page.locator("#result thead th")).toHaveText(["month", "product", "revenue"]);
  await expect(page.locator("#result tbody tr:first-child td:first-child")).toHaveText("2024-01");
  await expect(page.locator("#result tbody tr:last-child td:first-child")).toHaveText("2025-12");
  await expect(page.locator("#plan-box")).toHaveAttribute("open", "");
  await page.screenshot({ path: testInfo.outputPath("demo-dataframe-view.png"), fullPage: true });
});

test("the page is served under a strict Content-Security-Policy that forbids eval", async ({
  page,
  cspViolations,
}) => {
  const response = await page.goto(stack.baseUrl());
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).not.toContain("unsafe");
  await waitReady(page);
  expect(cspViolations).toEqual([]);
  // The policy is in force: code in the page can neither eval a string nor add an inline script.
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as { __ran?: string[] };
    w.__ran = [];
    const errors: string[] = [];
    try {
      // biome-ignore lint/suspicious/noExplicitAny: a string handler is the eval sink under test
      (setTimeout as any)("window.__ran.push('timer')", 0);
    } catch (e) {
      errors.push(String(e));
    }
    try {
      const script = document.createElement("script");
      script.textContent = "window.__ran.push('inline')";
      document.head.append(script);
    } catch (e) {
      errors.push(String(e));
    }
    await new Promise((r) => setTimeout(r, 200));
    return { ran: w.__ran, errors: errors.length };
  });
  expect(outcome.ran).toEqual([]);
  expect(outcome.errors + cspViolations.length).toBeGreaterThan(0);
  // Those were this test's own attempts; the fixture fails the test on any other violation.
  cspViolations.length = 0;
  // And the page still works.
  await page.locator("#run").click();
  await expect(page.locator("#row-count")).toHaveAttribute("data-rows", "5");
});

test("leaving the page releases its Spark session", async ({ page }) => {
  test.skip(!stack.embedded(), "needs the embedded server's UI to see its sessions (SPARK_REMOTE)");
  await page.goto(stack.baseUrl());
  await waitReady(page);
  const sessionId = (await page.locator("#status").getAttribute("data-session-id")) ?? "";
  expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
  await expect.poll(() => sparkUi().connectSessionState(sessionId)).toBe("online");
  await page.goto("about:blank");
  // pagehide → ReleaseSession, sent with keepalive as the document goes away.
  await expect
    .poll(() => sparkUi().connectSessionState(sessionId), { timeout: 15_000 })
    .toBe("closed");
});
