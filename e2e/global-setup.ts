/**
 * Starts the stack the browser tests use: a Spark Connect server (or $SPARK_REMOTE), Envoy in
 * front of it, and the Vite dev server for the demo page, which proxies the Spark Connect path to
 * Envoy. Exposes the page URL as E2E_BASE_URL.
 */
import path from "node:path";
import { createServer } from "vite";
import { startEnvoy } from "../tools/envoy.js";
import { repoRoot } from "../tools/paths.js";
import { freePort } from "../tools/process.js";
import { startSparkConnect } from "../tools/spark-server.js";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const spark = await startSparkConnect();
  const demoPort = await freePort();
  const envoy = await startEnvoy({
    upstreamHost: spark.host,
    upstreamPort: spark.port,
    upstreamTls: spark.baseUrl.startsWith("https:"),
    allowedOrigins: [`http://127.0.0.1:${demoPort}`],
  }).catch(async (err: unknown) => {
    await spark.stop();
    throw err;
  });
  process.env.SPARK_CONNECT_PROXY = envoy.url;
  process.env.DEMO_PORT = String(demoPort);
  const vite = await createServer({
    configFile: path.join(repoRoot, "vite.config.ts"),
    logLevel: "warn",
  });
  await vite.listen();
  process.env.E2E_BASE_URL = `http://127.0.0.1:${demoPort}/`;
  process.env.E2E_ENVOY_URL = envoy.url;
  process.env.E2E_SPARK_VERSION = spark.version;
  return async () => {
    await vite.close();
    await envoy.stop();
    await spark.stop();
  };
}
