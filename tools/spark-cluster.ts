/**
 * A real Spark standalone cluster on loopback, from the same pinned pyspark install as the local
 * server: one master and one worker (each a small JVM), whose executors run in JVMs of their
 * own. A Spark Connect server started with `master: cluster.masterUrl` runs its jobs there.
 *
 * The worker is supervised as a cluster manager would: when it dies (a test kills it), a new one
 * registers with the master within a few seconds, so Spark can retry the lost tasks.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ToolError } from "./errors.js";
import { resolveLane } from "./paths.js";
import { checkJava } from "./prereqs.mjs";
import { freePort, logTail, type ManagedProcess, sleep, startLogged } from "./process.js";
import { ensurePyspark } from "./pyspark.js";

/** Options of {@link startStandaloneCluster}. */
export interface StandaloneClusterOptions {
  /** The version lane. Default: $SPARK_LANE, else the primary lane. */
  lane?: string;
  /** Cores the worker offers. Default: 2 (one executor of one core for each of two apps). */
  workerCores?: number;
  /** Memory the worker offers to executors. Default: "1g" (two 512 MiB executors). */
  workerMemory?: string;
  /** Start a new worker when the worker dies. Default: true. */
  restartWorker?: boolean;
  /** How long to wait for the master and the worker. Default: 120 s. */
  readyTimeoutMs?: number;
}

/** A running standalone cluster. */
export interface StandaloneCluster {
  /** `spark://127.0.0.1:<port>`, the master URL for `--master`. */
  readonly masterUrl: string;
  /** The master's web UI; `/json/` reports the workers and applications. */
  readonly masterUiUrl: string;
  readonly masterPid: number;
  /** The current worker JVM's pid (changes when it is restarted). */
  workerPid(): number;
  /** A file that always holds the current worker's pid, for test processes. */
  readonly workerPidFile: string;
  /** Every worker pid started so far, oldest first. */
  readonly workerPids: readonly number[];
  /** Resolves once the master counts `count` alive workers. */
  waitForWorkers(count?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** What the master's `/json/` says (the fields used here). */
interface MasterState {
  status: string;
  aliveworkers: number;
  workers: { id: string; state: string; cores: number; coresused: number }[];
}

/** The master's state, or undefined while it does not answer. */
export async function masterState(masterUiUrl: string): Promise<MasterState | undefined> {
  try {
    const r = await fetch(`${masterUiUrl}/json/`);
    return r.ok ? ((await r.json()) as MasterState) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts a master and a worker on 127.0.0.1 and resolves once the worker has registered. Every
 * process is stopped by `stop()` (and when this process exits).
 */
export async function startStandaloneCluster(
  options: StandaloneClusterOptions = {},
): Promise<StandaloneCluster> {
  checkJava();
  const lane = resolveLane(options.lane);
  const spark = await ensurePyspark(lane.version);
  const workDir = mkdtempSync(path.join(os.tmpdir(), `spark-cluster-${lane.version}-`));
  const sparkClass = path.join(spark.sparkHome, "bin", "spark-class");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SPARK_HOME: spark.sparkHome,
    SPARK_LOCAL_IP: "127.0.0.1",
    SPARK_LOCAL_DIRS: workDir,
    SPARK_CONF_DIR: path.join(workDir, "conf"),
    // The master's and the worker's own heaps; executors get spark.executor.memory.
    SPARK_DAEMON_MEMORY: "256m",
    SPARK_NO_DAEMONIZE: "1",
  };
  delete env.SPARK_REMOTE;
  delete env.SPARK_MASTER;
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const [masterPort, masterUiPort] = [await freePort(), await freePort()];
  const masterUrl = `spark://127.0.0.1:${masterPort}`;
  const masterUiUrl = `http://127.0.0.1:${masterUiPort}`;
  const processes: ManagedProcess[] = [];
  let stopping = false;

  const master = startLogged(
    sparkClass,
    [
      "org.apache.spark.deploy.master.Master",
      "--host",
      "127.0.0.1",
      "--port",
      String(masterPort),
      "--webui-port",
      String(masterUiPort),
    ],
    { env, cwd: workDir, logFile: path.join(workDir, "master.log") },
  );
  processes.push(master);

  const workerPids: number[] = [];
  const workerPidFile = path.join(workDir, "worker.pid");
  let worker: ManagedProcess | undefined;
  let workers = 0;
  const startWorker = async () => {
    workers++;
    const uiPort = await freePort();
    const proc = startLogged(
      sparkClass,
      [
        "org.apache.spark.deploy.worker.Worker",
        "--host",
        "127.0.0.1",
        "--cores",
        String(options.workerCores ?? 2),
        "--memory",
        options.workerMemory ?? "1g",
        "--webui-port",
        String(uiPort),
        "--work-dir",
        path.join(workDir, `worker-${workers}`),
        masterUrl,
      ],
      { env, cwd: workDir, logFile: path.join(workDir, `worker-${workers}.log`) },
    );
    processes.push(proc);
    worker = proc;
    workerPids.push(proc.pid);
    writeFileSync(workerPidFile, `${proc.pid}\n`);
    void proc.exited.then(async (how) => {
      if (stopping || options.restartWorker === false) return;
      process.stderr.write(`[cluster] worker ${proc.pid} ended (${how}); starting a new one\n`);
      await sleep(1_000);
      if (!stopping) await startWorker();
    });
  };

  const stop = async () => {
    stopping = true;
    for (const p of [...processes].reverse()) await p.stop(10_000);
    rmSync(workDir, { recursive: true, force: true });
  };

  const waitForWorkers = async (count = 1, waitMs = timeoutMs) => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const state = await masterState(masterUiUrl);
      if (state && state.status === "ALIVE" && state.aliveworkers >= count) return;
      if (master.child.exitCode !== null) {
        throw new ToolError(
          `the Spark master exited before the cluster was ready; its log: ${master.logFile}`,
          logTail(master.logFile),
        );
      }
      if (Date.now() > deadline) {
        throw new ToolError(
          `the standalone cluster did not report ${count} alive worker(s) within ${Math.round(waitMs / 1000)} s (master ${state?.status ?? "not answering"}); logs in ${workDir}`,
          worker ? logTail(worker.logFile) : logTail(master.logFile),
        );
      }
      await sleep(500);
    }
  };

  try {
    await startWorker();
    await waitForWorkers(1);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    masterUrl,
    masterUiUrl,
    masterPid: master.pid,
    workerPid: () => worker?.pid ?? 0,
    workerPidFile,
    workerPids,
    waitForWorkers,
    stop,
  };
}
