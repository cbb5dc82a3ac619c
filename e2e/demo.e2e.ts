import { expect, test } from "@playwright/test";

const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run through playwright.config.ts");
  return url;
};

test("the page connects through Envoy and shows the server's version", async ({ page }) => {
  await page.goto(baseUrl());
  await expect(page.locator("#status")).toHaveText(`Apache Spark ${process.env.E2E_SPARK_VERSION}`);
});

test("a SQL query's rows and schema are shown", async ({ page }, testInfo) => {
  await page.goto(baseUrl());
  await page
    .locator("#sql")
    .fill("SELECT id, id * id AS square, CAST(id AS STRING) AS label FROM range(10)");
  await page.locator("#run").click();
  await expect(page.locator("#summary")).toContainText("10 rows");
  const cells = page.locator("#result table tbody tr:nth-child(4) td");
  await expect(cells).toHaveText(["3", "9", "3"]);
  await expect(page.locator("#result thead th")).toHaveText(["id", "square", "label"]);
  await page.locator("#schema-box summary").click();
  await expect(page.locator("#schema li")).toHaveText([
    "id: bigint not null",
    "square: bigint not null",
    "label: string not null",
  ]);
  await page.screenshot({ path: testInfo.outputPath("demo-after-query.png"), fullPage: true });
});

test("a server error is shown with its class, SQL state and the offending fragment", async ({
  page,
}) => {
  await page.goto(baseUrl());
  await page.locator("#sql").fill("SELECT id, nope + 1 AS x FROM range(3)");
  await page.locator("#run").click();
  await expect(page.locator("#error .class")).toHaveText("UNRESOLVED_COLUMN.WITH_SUGGESTION");
  await expect(page.locator("#error")).toContainText("SQLSTATE 42703");
  await expect(page.locator("#error mark")).toHaveText("nope");
});

test("Cancel stops a long query", async ({ page }) => {
  await page.goto(baseUrl());
  await page.locator("#sql").fill("SELECT max(id % 7) FROM range(0, 8000000000, 1, 80)");
  await page.locator("#run").click();
  await expect(page.locator("#cancel")).toBeEnabled();
  await page.waitForTimeout(1500);
  await page.locator("#cancel").click();
  await expect(page.locator("#error .class")).toHaveText("OPERATION_CANCELED");
  await expect(page.locator("#run")).toBeEnabled();
});
