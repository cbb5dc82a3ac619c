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

describe("envoy --mode validate on the TLS gateway's config", () => {
  test("the gateway config with a fresh test certificate is valid", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { spawnSync } = await import("node:child_process");
    const { ensureEnvoy } = await import("./envoy.js");
    const { makeServerCertificate, makeTestCa, renderTlsGatewayConfig } = await import(
      "./tls-gateway.js"
    );
    const dir = mkdtempSync(path.join(os.tmpdir(), "gateway-validate-"));
    try {
      const cert = makeServerCertificate(dir, makeTestCa(dir));
      const file = path.join(dir, "gateway.yaml");
      const config = {
        listenPort: 8443,
        adminPort: 9902,
        upstreamHost: "127.0.0.1",
        upstreamPort: 15002,
        token: "secret-token",
        certFile: cert.certFile,
        keyFile: cert.keyFile,
      };
      writeFileSync(file, renderTlsGatewayConfig(config));
      const envoyBinary = await ensureEnvoy();
      const validate = () =>
        spawnSync(envoyBinary, ["--mode", "validate", "-c", file, "--disable-hot-restart"], {
          encoding: "utf8",
        });
      const ok = validate();
      expect(`${ok.stdout}${ok.stderr}`).toContain("OK");
      expect(ok.status).toBe(0);
      // A missing key file is refused: the check can fail.
      writeFileSync(
        file,
        renderTlsGatewayConfig({ ...config, keyFile: path.join(dir, "none.key") }),
      );
      expect(validate().status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
