/**
 * A token-protected Spark behind an Envoy that passes the page's `authorization` header through:
 * the right token (typed into the connection settings) works, a wrong or missing one gives a
 * typed authentication error, and the token never appears in a URL or in storage.
 */
import { expect, stack, test } from "./stack.js";

test("the right token works, a wrong one fails typed, and the token stays out of URLs", async ({
  page,
}) => {
  const urls: string[] = [];
  const authorizations = new Set<string>();
  page.on("request", (r) => {
    urls.push(r.url());
    const auth = r.headers().authorization;
    if (auth) authorizations.add(auth);
  });
  await page.goto(`${stack.baseUrl()}?proxy=${encodeURIComponent(stack.tokenEnvoyUrl())}`);
  const status = page.locator("#status");
  // No token yet.
  await expect(status).toHaveAttribute("data-error-class", "AUTHENTICATION_FAILED");

  await page.locator("#settings summary").click();
  await page.locator("#token").fill("not-the-token");
  await page.locator("#connect").click();
  await expect(status).toContainText("[AUTHENTICATION_FAILED] Invalid authentication token");
  await expect(status).toHaveClass("error");

  await page.locator("#token").fill(stack.token());
  await page.locator("#connect").click();
  await expect(status).toHaveText(/^Apache Spark \d+\.\d+\.\d+/);
  await expect(page.locator("#sample-status")).toContainText("sample data: sales");
  await page.locator("#run").click();
  await expect(page.locator("#row-count")).toHaveAttribute("data-rows", "5");

  expect(authorizations).toEqual(new Set(["Bearer not-the-token", `Bearer ${stack.token()}`]));
  expect(urls.filter((u) => u.includes(stack.token()) || u.includes("not-the-token"))).toEqual([]);
  expect(page.url()).not.toContain(stack.token());
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
  );
  expect(stored).not.toContain(stack.token());
});
