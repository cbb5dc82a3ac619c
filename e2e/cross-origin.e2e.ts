/**
 * Cross-origin use: the demo page served from a second origin calls Envoy directly. Envoy allows
 * one such origin and not another; the refused one gets a clear connection error naming CORS.
 */
import { ALLOWED_HOST, REFUSED_HOST } from "./hosts.js";
import { expect, stack, test, waitReady } from "./stack.js";

const pageOn = (host: string) =>
  `http://${host}:${stack.demoPort()}/?proxy=${encodeURIComponent(stack.envoyUrl())}`;

test("a page on an origin Envoy allows talks to Envoy directly", async ({ page }) => {
  const targets = new Set<string>();
  page.on("request", (r) => {
    if (r.url().includes("/spark.connect.SparkConnectService/"))
      targets.add(new URL(r.url()).origin);
  });
  await page.goto(pageOn(ALLOWED_HOST));
  await waitReady(page);
  await page.locator("#run").click();
  await expect(page.locator("#row-count")).toHaveAttribute("data-rows", "5");
  expect([...targets]).toEqual([new URL(stack.envoyUrl()).origin]);
});

test("a page on an origin Envoy does not allow is refused with a clear error", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(pageOn(REFUSED_HOST));
  const status = page.locator("#status");
  await expect(status).toHaveAttribute("data-error-class", "CONNECTION_FAILED");
  await expect(status).toContainText("[CONNECTION_FAILED]");
  await expect(status).toContainText(
    `allows this page's origin (http://${REFUSED_HOST}:${stack.demoPort()}) (CORS)`,
  );
  // The page showed the SDK's retries (onRetry) before the error became final.
  await expect(page.locator("#retry-status")).toHaveAttribute(
    "data-error-class",
    "CONNECTION_FAILED",
  );
  await expect(page.locator("#retry-status")).toContainText("retry 4 in");
  // Chromium's own account: the preflight was refused, not the network.
  expect(consoleErrors.join("\n")).toContain("blocked by CORS policy");
});
