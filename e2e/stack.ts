/**
 * What the browser tests share: the addresses e2e/global-setup.ts started, a `test` whose pages
 * fail on any Content-Security-Policy violation, and server-side checks through the Spark UI's
 * REST API.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { SparkUi } from "../tools/spark-ui.js";

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: run through playwright.config.ts`);
  return value;
}

export const stack = {
  baseUrl: () => env("E2E_BASE_URL"),
  demoPort: () => env("E2E_DEMO_PORT"),
  envoyUrl: () => env("E2E_ENVOY_URL"),
  sparkVersion: () => env("E2E_SPARK_VERSION"),
  /** False when the tests run against $SPARK_REMOTE, whose settings and UI they do not control. */
  embedded: () => env("E2E_SPARK_EMBEDDED") === "true",
  sparkUi: () => env("E2E_SPARK_UI"),
  tokenEnvoyUrl: () => env("E2E_TOKEN_ENVOY_URL"),
  token: () => env("E2E_TOKEN"),
  /**
   * The gRPC-Web Envoy in front of the TLS gateway (it injects the gateway's token); "" when
   * the tests run against $SPARK_REMOTE.
   */
  tlsEnvoyUrl: () => env("E2E_TLS_ENVOY_URL"),
  /** The token the TLS gateway requires (known to its Envoy, never to the page). */
  gatewayToken: () => env("E2E_GATEWAY_TOKEN"),
};

/** A page that records CSP violations and browser console errors. */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeFunction("__reportCspViolation", (v: string) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          const report = (window as unknown as { __reportCspViolation: (v: string) => void })
            .__reportCspViolation;
          report(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`);
        });
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the page is connected (the server's version shows) and the sample data exists. */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator("#status")).toHaveText(`Apache Spark ${stack.sparkVersion()}`);
  await expect(page.locator("#sample-status")).toContainText("sample data: sales");
}

/** The embedded main server's Spark UI (jobs, Connect sessions). */
export const sparkUi = () => new SparkUi(stack.sparkUi());
