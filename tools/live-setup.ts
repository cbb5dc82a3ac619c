/**
 * Global setup of the live test project: starts a real Spark Connect server (the lane in
 * $SPARK_LANE, default the primary one; Sail when $SPARK_SERVER=sail; or the server named by
 * $SPARK_REMOTE) and a real Envoy in front of it, and provides their addresses to the tests
 * through `inject("live")`.
 */
import type { TestProject } from "vitest/node";
import { startEnvoy } from "./envoy.js";
import { resolveServerKind, type ServerKind } from "./paths.js";
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
}

declare module "vitest" {
  export interface ProvidedContext {
    live: LiveEnvironment;
  }
}

export const ALLOWED_ORIGINS = ["http://127.0.0.1:5173", "http://allowed.test:4173"];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Progress every 100 ms (default 2 s), so that short test queries report progress too; the UI
  // (on loopback) lets tests see the server's jobs and tasks through its REST API.
  // Sail takes no Spark confs and has no UI.
  const spark = await startSparkConnect(
    resolveServerKind() === "sail" && !process.env.SPARK_REMOTE
      ? {}
      : { confs: { "spark.connect.progress.reportInterval": "100ms" }, ui: true },
  );
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
    throw err;
  }
  process.stderr.write(
    `[live] ${spark.kind === "sail" ? "Sail reporting Spark" : "Spark"} ${spark.version} at ${spark.remote}${spark.embedded ? ` (started in ${(spark.startupMs / 1000).toFixed(1)} s)` : " ($SPARK_REMOTE)"}; Envoy at ${envoy.url}${spark.uiUrl ? `; Spark UI at ${spark.uiUrl}` : ""}\n`,
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
  });
  return async () => {
    await envoy.stop();
    await spark.stop();
  };
}
