import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ToolError } from "./errors.js";
import { sailPins } from "./paths.js";
import { pipInstallCached } from "./pip-cache.js";
import { checkPython } from "./prereqs.mjs";
import { assertPortFree, freePort, residentBytes, startLogged } from "./process.js";
import type { SparkServer } from "./spark-server.js";
import { waitReady } from "./spark-server.js";

/** An installed Sail (PyPI pysail) with the pyspark-client it needs beside it. */
export interface SailDistribution {
  /** The pysail version, e.g. "0.7.2". */
  version: string;
  /** The folder holding `pysail/`, `pyspark/` and `bin/sail` (the PYTHONPATH of the server). */
  folder: string;
  /** The `sail` console script (run with the same Python). */
  script: string;
}

/**
 * Installs the pinned `pysail` and `pyspark-client` (without dependencies: about 180 MB) into
 * the per-user cache once. Sail imports the `pyspark` module only to answer
 * `AnalyzePlan.SparkVersion`, which is why pyspark-client sits beside it.
 */
export async function ensureSail(): Promise<SailDistribution> {
  const { pysail, pysparkClient } = sailPins();
  const folder = await pipInstallCached(
    [`pysail==${pysail}`, `pyspark-client==${pysparkClient}`],
    `sail/${pysail}-${pysparkClient}`,
    `Sail ${pysail} (PyPI pysail with pyspark-client ${pysparkClient}, about 180 MB)`,
  );
  const script = path.join(folder, "bin", "sail");
  if (!existsSync(script) || !existsSync(path.join(folder, "pysail"))) {
    throw new ToolError(
      `the pysail ${pysail} install in ${folder} lacks bin/sail; delete that folder and try again`,
    );
  }
  return { version: pysail, folder, script };
}

/** Options of {@link startSail}. */
export interface SailServerOptions {
  /** The gRPC port on 127.0.0.1. Default: a free port. */
  port?: number;
  /** How long to wait for the first answered AnalyzePlan. Default: 60 s (it starts in ~1 s). */
  readyTimeoutMs?: number;
}

/**
 * Starts a Sail Spark Connect server (`sail spark server`) on 127.0.0.1 and resolves once it has
 * answered a real AnalyzePlan. Sail takes no Spark confs, tokens, jars or UI: callers that need
 * them get Spark. Failures end with a one-line {@link ToolError}; no process is left running.
 */
export async function startSail(options: SailServerOptions = {}): Promise<SparkServer> {
  const python = checkPython();
  const sail = await ensureSail();
  const port = options.port ?? (await freePort());
  await assertPortFree(port, "Sail");
  const workDir = mkdtempSync(path.join(os.tmpdir(), `sail-${sail.version}-`));
  const logFile = path.join(workDir, "server.log");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PYTHONPATH: sail.folder,
    PYTHONNOUSERSITE: "1",
    // Sail reads its settings from SAIL_* variables; keep its log readable and its work local.
    RUST_LOG: process.env.RUST_LOG ?? "warn",
  };
  delete env.SPARK_REMOTE;
  delete env.SPARK_CONNECT_AUTHENTICATE_TOKEN;
  const started = Date.now();
  const proc = startLogged(
    python,
    [sail.script, "spark", "server", "--ip", "127.0.0.1", "--port", String(port), "-C", workDir],
    { env, cwd: workDir, logFile },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  let version: string;
  try {
    version = await waitReady(proc, baseUrl, undefined, options.readyTimeoutMs ?? 60_000, "Sail");
  } catch (err) {
    await proc.stop(5_000);
    throw err;
  }
  return {
    kind: "sail",
    embedded: true,
    remote: `sc://127.0.0.1:${port}`,
    baseUrl,
    host: "127.0.0.1",
    port,
    token: undefined,
    uiUrl: undefined,
    version,
    exampleLibrary: false,
    lane: undefined,
    master: undefined,
    pid: proc.pid,
    logFile,
    startupMs: Date.now() - started,
    residentBytes: () => residentBytes(proc.pid),
    async stop() {
      await proc.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
