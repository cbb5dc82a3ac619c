import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseConnectionString } from "../packages/core/src/client/connection-string.js";
import { SparkError } from "../packages/core/src/errors.js";
import { ToolError } from "./errors.js";
import { ensureExampleLibrary } from "./example-library.js";
import { resolveLane, resolveServerKind, type ServerKind, type SparkLane } from "./paths.js";
import { checkJava } from "./prereqs.mjs";
import { probeSparkVersion } from "./probe.js";
import {
  assertPortFree,
  canConnect,
  freePort,
  logTail,
  type ManagedProcess,
  residentBytes,
  sleep,
  startLogged,
} from "./process.js";
import { ensurePyspark } from "./pyspark.js";
import { startSail } from "./sail.js";

/** Options of {@link startSparkConnect}. */
export interface SparkServerOptions {
  /**
   * Which implementation to start: Apache Spark of the lane, or Sail (PyPI pysail, see
   * tools/sail.ts), which takes none of the options below except `port` and `readyTimeoutMs`.
   * Default: $SPARK_SERVER, else "spark".
   */
  server?: ServerKind;
  /** The version lane ("4.1", "4.0"…). Default: $SPARK_LANE, else the primary lane. */
  lane?: string;
  /** The gRPC port on 127.0.0.1. Default: a free port. */
  port?: number;
  /** Extra `--conf key=value` settings, applied after the light defaults (so they win). */
  confs?: Record<string, string>;
  /** Require `authorization: Bearer <token>` (SPARK_CONNECT_AUTHENTICATE_TOKEN). Default: none. */
  token?: string;
  /** Extra jars for the server's class path (e.g. a Spark Connect plugin). */
  jars?: string[];
  /**
   * Load the example Spark Server Library (examples/server-library): its plugin jar, built once
   * per machine into the cache, goes on `spark.jars` with its `spark.connect.extensions.*`
   * confs. Default: false. Ignored for $SPARK_REMOTE servers.
   */
  exampleLibrary?: boolean;
  /**
   * Serve the Spark UI and its REST API (`/api/v1/…`) on 127.0.0.1 at a free port, exposed as
   * {@link SparkServer.uiUrl}, so tests can see jobs and tasks from the server's side.
   * Default: false (no UI, as light as possible). Ignored for $SPARK_REMOTE servers.
   */
  ui?: boolean;
  /**
   * Where jobs run: `local[2]`, or a standalone master such as `spark://127.0.0.1:7077` (see
   * tools/spark-cluster.ts; each server then takes one executor of 1 core and 512 MiB).
   * Default: $SPARK_CONNECT_TS_MASTER, else `local[2]`.
   */
  master?: string;
  /** How long to wait for the first answered AnalyzePlan. Default: 180 s. */
  readyTimeoutMs?: number;
  /** The driver JVM's heap (`--driver-memory`), e.g. "2g". Default: "1g". */
  driverMemory?: string;
  /**
   * Use the server named by $SPARK_REMOTE (an sc:// string) when it is set, instead of starting
   * one. Default: true. Lanes that need special server settings pass false.
   */
  useRemote?: boolean;
}

/** A running Spark Connect server, started here or named by $SPARK_REMOTE. */
export interface SparkServer {
  /** The implementation: "spark", or "sail"; "spark" for $SPARK_REMOTE servers too. */
  readonly kind: ServerKind;
  /** True when this process started the server (false for $SPARK_REMOTE). */
  readonly embedded: boolean;
  /** The sc:// connection string, without the token. */
  readonly remote: string;
  /** The base URL for a native gRPC transport, e.g. http://127.0.0.1:15002. */
  readonly baseUrl: string;
  readonly host: string;
  readonly port: number;
  /** The token the server requires, if any. */
  readonly token: string | undefined;
  /**
   * The Spark UI's base URL (e.g. http://127.0.0.1:4040), when started with `ui: true`;
   * undefined otherwise and for $SPARK_REMOTE servers, whose UI this process does not know.
   */
  readonly uiUrl: string | undefined;
  /** The version the server reported. */
  readonly version: string;
  /** True when this process started the server with the example Server Library loaded. */
  readonly exampleLibrary: boolean;
  /** The pinned lane, for embedded servers. */
  readonly lane: SparkLane | undefined;
  /** The `--master` of an embedded server (`local[2]` or `spark://…`); undefined for remote ones. */
  readonly master: string | undefined;
  readonly pid: number | undefined;
  readonly logFile: string | undefined;
  /** Milliseconds from spawn to the first answered AnalyzePlan. */
  readonly startupMs: number;
  /** The server JVM's resident memory, in bytes (embedded servers on Linux). */
  residentBytes(): number | undefined;
  /** Stops an embedded server (SIGTERM to its PID, then SIGKILL); a no-op for remote ones. */
  stop(): Promise<void>;
}

/** The light settings every embedded server gets: loopback only, two cores, UTC, no UI. */
function defaultConfs(port: number, workDir: string): Record<string, string> {
  return {
    "spark.connect.grpc.binding.address": "127.0.0.1",
    "spark.connect.grpc.binding.port": String(port),
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.driver.host": "127.0.0.1",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.warehouse.dir": path.join(workDir, "warehouse"),
    "spark.log.structuredLogging.enabled": "false",
  };
}

/**
 * Starts a Spark Connect server on 127.0.0.1 from the pinned pyspark (installed into the cache
 * on first use), and resolves once it has answered a real AnalyzePlan. When $SPARK_REMOTE holds
 * an sc:// string (and `useRemote` is not false), that server is probed and used instead.
 *
 * Failures end with a {@link ToolError} whose message is one line and whose logTail holds the
 * server log; no process is left running.
 */
export async function startSparkConnect(options: SparkServerOptions = {}): Promise<SparkServer> {
  const remote = process.env.SPARK_REMOTE;
  if (remote && options.useRemote !== false) return useRemoteServer(remote);
  if (resolveServerKind(options.server) === "sail") {
    const given = {
      confs: Object.keys(options.confs ?? {}).length > 0,
      token: Boolean(options.token),
      jars: (options.jars?.length ?? 0) > 0,
      lane: Boolean(options.lane),
    };
    const unsupported = Object.keys(given).filter((k) => given[k as keyof typeof given]);
    if (unsupported.length > 0) {
      throw new ToolError(`Sail takes no ${unsupported.join(", ")}: this needs a Spark server`);
    }
    return startSail({ port: options.port, readyTimeoutMs: options.readyTimeoutMs });
  }

  checkJava();
  const lane = resolveLane(options.lane);
  const spark = await ensurePyspark(lane.version);
  const port = options.port ?? (await freePort());
  await assertPortFree(port, "Spark Connect");

  const workDir = mkdtempSync(path.join(os.tmpdir(), `spark-connect-${lane.version}-`));
  const logFile = path.join(workDir, "server.log");
  const uiPort = options.ui ? await freePort() : undefined;
  const ui: Record<string, string> =
    uiPort === undefined
      ? {}
      : // The UI binds to $SPARK_LOCAL_IP (127.0.0.1 below); no retries on another port.
        {
          "spark.ui.enabled": "true",
          "spark.ui.port": String(uiPort),
          "spark.port.maxRetries": "0",
        };
  const master = options.master ?? (process.env.SPARK_CONNECT_TS_MASTER || "local[2]");
  // On a standalone cluster: one small executor per server, so that two servers can share it.
  const cluster: Record<string, string> = master.startsWith("spark://")
    ? { "spark.cores.max": "1", "spark.executor.cores": "1", "spark.executor.memory": "512m" }
    : {};
  const library = options.exampleLibrary ? await ensureExampleLibrary(lane.version) : undefined;
  const confs = {
    ...defaultConfs(port, workDir),
    ...cluster,
    ...ui,
    ...library?.confs,
    ...options.confs,
  };
  const args = [
    "--class",
    "org.apache.spark.sql.connect.service.SparkConnectServer",
    "--name",
    "spark-connect-ts",
    "--master",
    master,
    "--driver-memory",
    options.driverMemory ?? "1g",
  ];
  const jars = [...(library?.jars ?? []), ...(options.jars ?? [])];
  if (jars.length) args.push("--jars", jars.join(","));
  for (const [key, value] of Object.entries(confs)) args.push("--conf", `${key}=${value}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SPARK_HOME: spark.sparkHome,
    SPARK_LOCAL_IP: "127.0.0.1",
    SPARK_LOCAL_DIRS: workDir,
    SPARK_CONF_DIR: path.join(workDir, "conf"),
  };
  delete env.SPARK_REMOTE;
  delete env.SPARK_CONNECT_MODE_ENABLED;
  delete env.PYSPARK_SUBMIT_ARGS;
  if (options.token) env.SPARK_CONNECT_AUTHENTICATE_TOKEN = options.token;
  else delete env.SPARK_CONNECT_AUTHENTICATE_TOKEN;

  const started = Date.now();
  const proc = startLogged(path.join(spark.sparkHome, "bin", "spark-submit"), args, {
    env,
    cwd: workDir,
    logFile,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let version: string;
  try {
    version = await waitReady(proc, baseUrl, options.token, options.readyTimeoutMs ?? 180_000);
  } catch (err) {
    await proc.stop(5_000);
    throw err;
  }
  const startupMs = Date.now() - started;
  if (uiPort !== undefined && !(await canConnect("127.0.0.1", uiPort))) {
    await proc.stop(5_000);
    throw new ToolError(
      `the Spark UI is not listening on 127.0.0.1:${uiPort}; its log: ${logFile}`,
      logTail(logFile),
    );
  }
  if (version !== lane.version) {
    await proc.stop(5_000);
    throw new ToolError(
      `the server reports Spark ${version}, but lane ${lane.lane} pins ${lane.version}`,
    );
  }
  return {
    kind: "spark",
    embedded: true,
    remote: `sc://127.0.0.1:${port}`,
    baseUrl,
    host: "127.0.0.1",
    port,
    token: options.token,
    uiUrl: uiPort === undefined ? undefined : `http://127.0.0.1:${uiPort}`,
    version,
    exampleLibrary: library !== undefined,
    lane,
    master,
    pid: proc.pid,
    logFile,
    startupMs,
    residentBytes: () => residentBytes(proc.pid),
    async stop() {
      await proc.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until `proc` listens on `baseUrl`'s port and answers AnalyzePlan with its version;
 * throws a {@link ToolError} with its log's tail when it exits first or `timeoutMs` passes.
 */
export async function waitReady(
  proc: ManagedProcess,
  baseUrl: string,
  token: string | undefined,
  timeoutMs: number,
  what = "Spark Connect",
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  void proc.exited.then((how) => {
    exited = how;
  });
  const port = Number(new URL(baseUrl).port);
  let lastError = "";
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new ToolError(
        `the ${what} server exited (${exited}) before it was ready; its log: ${proc.logFile}`,
        logTail(proc.logFile),
      );
    }
    if (await canConnect("127.0.0.1", port)) {
      try {
        return await probeSparkVersion(baseUrl, { token, timeoutMs: 10_000 });
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
      }
    }
    await sleep(500);
  }
  throw new ToolError(
    `the ${what} server did not answer AnalyzePlan within ${Math.round(timeoutMs / 1000)} s${lastError ? ` (last error: ${lastError})` : ""}; its log: ${proc.logFile}`,
    logTail(proc.logFile),
  );
}

async function useRemoteServer(remote: string): Promise<SparkServer> {
  let parsed: ReturnType<typeof parseConnectionString>;
  try {
    parsed = parseConnectionString(remote);
  } catch (err) {
    throw new ToolError(`SPARK_REMOTE: ${err instanceof SparkError ? err.message : String(err)}`);
  }
  const started = Date.now();
  let version: string;
  try {
    version = await probeSparkVersion(parsed.baseUrl, { token: parsed.token, timeoutMs: 20_000 });
  } catch (err) {
    throw new ToolError(
      `SPARK_REMOTE names ${parsed.host}:${parsed.port}, which did not answer AnalyzePlan: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return {
    kind: "spark",
    embedded: false,
    remote: `sc://${parsed.host}:${parsed.port}${parsed.useSsl ? "/;use_ssl=true" : ""}`,
    baseUrl: parsed.baseUrl,
    host: parsed.host,
    port: parsed.port,
    token: parsed.token,
    uiUrl: undefined,
    version,
    exampleLibrary: false,
    lane: undefined,
    master: undefined,
    pid: undefined,
    logFile: undefined,
    startupMs: Date.now() - started,
    residentBytes: () => undefined,
    async stop() {},
  };
}
