/**
 * Browser end-to-end tests: real Chromium (Debian's, never downloaded) → the Vite demo page →
 * real Envoy → a real Spark Connect server, all started by e2e/global-setup.ts.
 */
import { defineConfig } from "@playwright/test";
import { ALLOWED_HOST, REFUSED_HOST } from "./e2e/hosts.js";
import { checkChromium } from "./tools/prereqs.mjs";

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.e2e.ts",
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: true,
  reporter: [["list"]],
  outputDir: "test-results/e2e",
  globalSetup: "./e2e/global-setup.ts",
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: checkChromium(),
      args: [
        "--disable-gpu",
        // Two more origins for the same demo server, for the cross-origin tests.
        `--host-resolver-rules=MAP ${ALLOWED_HOST} 127.0.0.1, MAP ${REFUSED_HOST} 127.0.0.1`,
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
