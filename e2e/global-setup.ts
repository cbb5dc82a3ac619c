/**
 * Starts the stack the browser tests use, and tears it down afterwards:
 *
 * - Spark "main" (or $SPARK_REMOTE) with Spark's short-stream settings, so every result larger
 *   than a response is reattached, and its UI's REST API on loopback for server-side checks;
 * - Spark "token", which requires an authentication token;
 * - one Envoy in front of each (the token Envoy passes the page's `authorization` header through);
 * - the remote-cluster path: a TLS-terminating, token-checking gateway (tools/tls-gateway.ts, a
 *   test CA made at run time) in front of Spark "main", and a gRPC-Web Envoy that speaks TLS to it
 *   (trusting the test CA) and injects the token, so the page never holds it;
 * - the demo page, built for production and served by `vite preview` under a strict
 *   Content-Security-Policy, proxying the Spark Connect path to the main Envoy.
 *
 * The tests read what they need from E2E_* environment variables (see e2e/stack.ts).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build, preview } from "vite";
import { type EnvoyProxy, startEnvoy } from "../tools/envoy.js";
import { repoRoot } from "../tools/paths.js";
import { freePort } from "../tools/process.js";
import { type SparkServer, startSparkConnect } from "../tools/spark-server.js";
import { startTlsGateway, type TlsGateway } from "../tools/tls-gateway.js";
import { ALLOWED_HOST, REFUSED_HOST } from "./hosts.js";

/** Spark's reattach test settings: a response stream ends after 1 s or 123 bytes. */
const SHORT_STREAMS = {
  "spark.connect.execute.reattachable.senderMaxStreamDuration": "1s",
  "spark.connect.execute.reattachable.senderMaxStreamSize": "123",
  "spark.connect.progress.reportInterval": "100ms",
};

export default async function globalSetup(): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  try {
    const token = `e2e-${randomUUID()}`;
    const [main, secured] = await Promise.all([
      // With the example Server Library, for the demo's Server Library view.
      startSparkConnect({ confs: SHORT_STREAMS, ui: true, exampleLibrary: true }).then((s) =>
        track(s),
      ),
      startSparkConnect({ token, useRemote: false }).then((s) => track(s)),
    ]);
    const demoPort = await freePort();
    const pageOrigin = `http://127.0.0.1:${demoPort}`;
    const envoy = track(
      await startEnvoy({
        upstreamHost: main.host,
        upstreamPort: main.port,
        upstreamTls: main.baseUrl.startsWith("https:"),
        allowedOrigins: [pageOrigin, `http://${ALLOWED_HOST}:${demoPort}`],
      }),
    );
    const tokenEnvoy = track(
      await startEnvoy({
        upstreamHost: secured.host,
        upstreamPort: secured.port,
        allowedOrigins: [pageOrigin],
      }),
    );

    // The remote-cluster path (only in front of a plain-text server started here).
    let tlsEnvoyUrl = "";
    if (main.embedded) {
      const gatewayToken = `gateway-${randomUUID()}`;
      const gateway = track(
        await startTlsGateway({
          upstreamHost: main.host,
          upstreamPort: main.port,
          token: gatewayToken,
        }),
      );
      const tlsEnvoy = track(
        await startEnvoy({
          upstreamHost: gateway.host,
          upstreamPort: gateway.port,
          upstreamTls: true,
          upstreamSni: gateway.serverName,
          upstreamCaFile: gateway.ca.caFile,
          upstreamToken: gatewayToken,
          allowedOrigins: [pageOrigin],
        }),
      );
      tlsEnvoyUrl = tlsEnvoy.url;
      process.env.E2E_GATEWAY_TOKEN = gatewayToken;
    }

    process.env.SPARK_CONNECT_PROXY = envoy.url;
    process.env.DEMO_PORT = String(demoPort);
    process.env.DEMO_CONNECT_SRC = [envoy.url, tokenEnvoy.url, tlsEnvoyUrl]
      .filter(Boolean)
      .join(" ");
    const outDir = mkdtempSync(path.join(os.tmpdir(), "demo-build-"));
    cleanups.push(async () => rmSync(outDir, { recursive: true, force: true }));
    const configFile = path.join(repoRoot, "vite.config.ts");
    await build({ configFile, logLevel: "warn", build: { outDir, emptyOutDir: true } });
    const server = await preview({
      configFile,
      logLevel: "warn",
      build: { outDir },
      preview: { port: demoPort, allowedHosts: [ALLOWED_HOST, REFUSED_HOST] },
    });
    cleanups.push(() => new Promise<void>((resolve) => server.httpServer.close(() => resolve())));

    Object.assign(process.env, {
      E2E_BASE_URL: `${pageOrigin}/`,
      E2E_DEMO_PORT: String(demoPort),
      E2E_ENVOY_URL: envoy.url,
      E2E_SPARK_VERSION: main.version,
      E2E_SPARK_EMBEDDED: String(main.embedded),
      E2E_EXAMPLE_LIBRARY: String(main.exampleLibrary),
      E2E_SPARK_UI: main.uiUrl ?? "",
      E2E_TOKEN_ENVOY_URL: tokenEnvoy.url,
      E2E_TOKEN: token,
      E2E_TLS_ENVOY_URL: tlsEnvoyUrl,
    });
    return cleanup;
  } catch (err) {
    await cleanup();
    throw err;
  }

  function track<T extends SparkServer | EnvoyProxy | TlsGateway>(s: T): T {
    cleanups.push(() => s.stop());
    return s;
  }
}
