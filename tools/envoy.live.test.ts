import { describe, expect, test } from "vitest";
import { validateEnvoyConfig } from "./envoy.js";
import { renderEnvoyConfig } from "./envoy-config.js";

describe("envoy --mode validate on the rendered envoy.yaml", () => {
  test("the local default config is valid", async () => {
    const r = await validateEnvoyConfig({});
    expect(r.output).toContain("OK");
    expect(r.ok).toBe(true);
  });

  test("a remote TLS upstream with an injected token and extra headers is valid", async () => {
    const r = await validateEnvoyConfig({
      upstreamHost: "spark.example.com",
      upstreamPort: 443,
      upstreamTls: true,
      upstreamToken: "secret-token",
      listenAddress: "0.0.0.0",
      allowedOrigins: ["https://dashboard.example.com"],
      extraAllowHeaders: ["x-databricks-cluster-id"],
    });
    expect(r.output).toContain("OK");
    expect(r.ok).toBe(true);
  });

  test("a broken template is rejected by Envoy (the check can fail)", async () => {
    // Sanity check of the check itself: a config Envoy must refuse.
    const broken = renderEnvoyConfig({}).replace("timeout: 0s", "timeout: not-a-duration");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { spawnSync } = await import("node:child_process");
    const { ensureEnvoy } = await import("./envoy.js");
    const dir = mkdtempSync(path.join(os.tmpdir(), "envoy-broken-"));
    const file = path.join(dir, "envoy.yaml");
    writeFileSync(file, broken);
    const r = spawnSync(await ensureEnvoy(), [
      "--mode",
      "validate",
      "-c",
      file,
      "--disable-hot-restart",
    ]);
    expect(r.status).not.toBe(0);
  });
});
