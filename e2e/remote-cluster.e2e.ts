/**
 * The quickstart's remote-cluster path in the browser: the page → a gRPC-Web Envoy that speaks
 * TLS to a token-checking gateway (a test CA made at run time) and adds the token itself → Spark.
 * The page never holds the token: no request it sends carries an `authorization` header, yet its
 * queries run, which they can only do with the token the gateway checks.
 */
import { expect, stack, test, waitReady } from "./stack.js";

test("through a TLS gateway with the token injected by Envoy, the page queries without holding the token", async ({
  page,
}) => {
  test.skip(!stack.tlsEnvoyUrl(), "SPARK_REMOTE: the TLS gateway fronts only a local server");
  const sent: { url: string; authorization: string | undefined; body: string }[] = [];
  page.on("request", (r) => {
    sent.push({ url: r.url(), authorization: r.headers().authorization, body: r.postData() ?? "" });
  });
  await page.goto(`${stack.baseUrl()}?proxy=${encodeURIComponent(stack.tlsEnvoyUrl())}`);
  await waitReady(page);
  await page.locator("#sql").fill("SELECT id, id * id AS square FROM range(4)");
  await page.locator("#run").click();
  await expect(page.locator("#row-count")).toHaveAttribute("data-done", "true");
  await expect(page.locator("#row-count")).toHaveAttribute("data-rows", "4");
  await expect(page.locator("#result tbody tr:nth-child(4) td")).toHaveText(["3", "9"]);

  const spark = sent.filter((r) => r.url.startsWith(`${stack.tlsEnvoyUrl()}/spark.connect.`));
  expect(spark.length).toBeGreaterThan(0);
  expect(spark.filter((r) => r.authorization !== undefined)).toEqual([]);
  const token = stack.gatewayToken();
  expect(sent.filter((r) => r.url.includes(token) || r.body.includes(token))).toEqual([]);
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
  );
  expect(stored).not.toContain(token);
});
