/**
 * Global setup of the live test project: starts a real Spark Connect server (the lane in
 * $SPARK_LANE, default the primary one; Sail when $SPARK_SERVER=sail; or the server named by
 * $SPARK_REMOTE) and a real Envoy in front of it, and provides their addresses to the tests
 * through `inject("live")`.
 *
 * In the "cluster" project (vitest.config.ts) the server runs its jobs on a real standalone
 * cluster (tools/spark-cluster.ts: a master and a worker, executors in their own JVMs), and so do
 * the servers that test files start themselves ($SPARK_CONNECT_TS_MASTER).
 */
import type { TestProject } from "vitest/node";
import { startEnvoy } from "./envoy.js";
import { resolveServerKind, type ServerKind } from "./paths.js";
import { type StandaloneCluster, startStandaloneCluster } from "./spark-cluster.js";
import { startSparkConnect } from "./spark-server.js";

/** What live tests receive from `inject("live")`. */
export interface LiveEnvironment {
  /** The server implementation: "spark" (also for $SPARK_REMOTE) or "sail" ($SPARK_SERVER=sail). */
  server: ServerKind;
  /** sc:// string of the Spark Connect server (without any token). */
  remote: string;
  /** Native gRPC base URL of the server. */
  grpcUrl: string;
  /** The server's token, when it requires one. */
  token: string | undefined;
  /** The version the server reported. */
  version: string;
  /** The pinned version of the lane, when the server was started here; undefined for $SPARK_REMOTE. */
  pinnedVersion: string | undefined;
  /** gRPC-Web base URL of the Envoy in front of the server. */
  envoyUrl: string;
  /** The origins Envoy allows. */
  allowedOrigins: string[];
  /**
   * The Spark UI's base URL on 127.0.0.1 (its REST API is under `/api/v1`), so tests can check
   * jobs and tasks from the server's side; undefined for $SPARK_REMOTE, whose UI is unknown here.
   */
  uiUrl: string | undefined;
  /** The standalone cluster the server runs its jobs on (the "cluster" project only). */
  cluster: LiveCluster | undefined;
  /**
   * True when the server runs the example Spark Server Library's plugin (examples/server-library):
   * always for the servers started here; false for $SPARK_REMOTE, which the library's tests then
   * skip, saying so.
   */
  exampleLibrary: boolean;
}

/** A standalone cluster as live tests see it. */
export interface LiveCluster {
  /** `spark://127.0.0.1:<port>`. */
  masterUrl: string;
  /** The master's web UI (`/json/` lists workers and applications). */
  masterUiUrl: string;
  /** A file holding the current worker's pid (a new worker replaces one that dies). */
  workerPidFile: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    live: LiveEnvironment;
  }
}

export const ALLOWED_ORIGINS = ["http://127.0.0.1:5173", "http://allowed.test:4173"];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: StandaloneCluster | undefined;
  if (project.name === "cluster") {
    if (process.env.SPARK_REMOTE) {
      throw new Error("the cluster project starts its own cluster: unset SPARK_REMOTE");
    }
    cluster = await startStandaloneCluster();
    process.env.SPARK_CONNECT_TS_MASTER = cluster.masterUrl;
    process.stderr.write(`[live] standalone cluster: master ${cluster.masterUrl}\n`);
  }
  // Progress every 100 ms (default 2 s), so that short test queries report progress too; the UI
  // (on loopback) lets tests see the server's jobs and tasks through its REST API.
  // Sail takes no Spark confs, has no UI and runs no Spark plugin.
  const sail = resolveServerKind() === "sail" && !process.env.SPARK_REMOTE;
  let spark: Awaited<ReturnType<typeof startSparkConnect>>;
  try {
    spark = await startSparkConnect(
      sail
        ? {}
        : {
            confs: { "spark.connect.progress.reportInterval": "100ms" },
            ui: true,
            // Every live run loads the example Server Library (built once per machine and lane),
            // so its tests run on each lane without a server of their own.
            exampleLibrary: true,
            ...(cluster ? { master: cluster.masterUrl } : {}),
          },
    );
  } catch (err) {
    await cluster?.stop();
    throw err;
  }
  let envoy: Awaited<ReturnType<typeof startEnvoy>>;
  try {
    envoy = await startEnvoy({
      upstreamHost: spark.host,
      upstreamPort: spark.port,
      upstreamTls: spark.baseUrl.startsWith("https:"),
      allowedOrigins: ALLOWED_ORIGINS,
    });
  } catch (err) {
    await spark.stop();
    await cluster?.stop();
    throw err;
  }
  process.stderr.write(
    `[live] ${spark.kind === "sail" ? "Sail reporting Spark" : "Spark"} ${spark.version} at ${spark.remote}${spark.embedded ? ` (started in ${(spark.startupMs / 1000).toFixed(1)} s)` : " ($SPARK_REMOTE)"}; Envoy at ${envoy.url}${spark.uiUrl ? `; Spark UI at ${spark.uiUrl}` : ""}${spark.exampleLibrary ? "; with the example Server Library" : ""}\n`,
  );
  project.provide("live", {
    server: spark.kind,
    remote: spark.remote,
    grpcUrl: spark.baseUrl,
    token: spark.token,
    version: spark.version,
    pinnedVersion: spark.lane?.version,
    envoyUrl: envoy.url,
    allowedOrigins: ALLOWED_ORIGINS,
    uiUrl: spark.uiUrl,
    cluster: cluster && {
      masterUrl: cluster.masterUrl,
      masterUiUrl: cluster.masterUiUrl,
      workerPidFile: cluster.workerPidFile,
    },
    exampleLibrary: spark.exampleLibrary,
  });
  return async () => {
    await envoy.stop();
    await spark.stop();
    await cluster?.stop();
  };
}
