import path from "node:path";
import { parseArgs } from "node:util";
import { createServer } from "vite";
import { startEnvoy } from "../envoy.js";
import { repoRoot } from "../paths.js";
import { checkJava, checkPython } from "../prereqs.mjs";
import { sleep } from "../process.js";
import { startSparkConnect } from "../spark-server.js";
import { mib, portFrom, untilInterrupted } from "./args.js";
import { runStep } from "./steps.js";

/**
 * `demo`: builds the libraries, starts a local Spark Connect server (or uses $SPARK_REMOTE),
 * Envoy in front of it, and the Vite dev server for demo/, then waits for Ctrl-C, and stops all
 * of them (see also the exit hooks in tools/process.ts, which stop every child on a signal or
 * when the parent dies). `--with-example-library` loads the example Spark Server Library's plugin
 * into that server.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      "with-example-library": { type: "boolean", default: false },
    },
  });
  const demoPort = portFrom(values.port ?? process.env.DEMO_PORT ?? "5173", "--port") ?? 5173;
  if (!process.env.SPARK_REMOTE) checkJava();
  checkPython();
  await runStep("build", "npm", ["run", "--silent", "build"]);

  // --with-example-library: the page's Server Library view needs the library's plugin.
  const spark = await startSparkConnect({ exampleLibrary: values["with-example-library"] });
  process.stderr.write(
    spark.embedded
      ? `Spark Connect ${spark.version} started at ${spark.remote} in ${(spark.startupMs / 1000).toFixed(1)} s (resident ${mib(spark.residentBytes())})\n`
      : `Using Spark Connect ${spark.version} at ${spark.remote} ($SPARK_REMOTE)\n`,
  );
  const envoy = await startEnvoy({
    upstreamHost: spark.host,
    upstreamPort: spark.port,
    upstreamTls: spark.baseUrl.startsWith("https:"),
    // A remote cluster's token stays in Envoy: the page never sees it.
    upstreamToken: spark.embedded ? undefined : spark.token,
    allowedOrigins: [`http://127.0.0.1:${demoPort}`, `http://localhost:${demoPort}`],
  });
  process.env.SPARK_CONNECT_PROXY = envoy.url;
  process.env.DEMO_PORT = String(demoPort);
  const vite = await createServer({ configFile: path.join(repoRoot, "vite.config.ts") });
  await vite.listen();
  process.stderr.write(
    `\nDemo: http://127.0.0.1:${demoPort}/  (Envoy ${envoy.url}, Spark ${spark.remote}). Ctrl-C stops everything.\n` +
      `Processes: demo ${process.pid}, Envoy ${envoy.pid}${spark.pid === undefined ? "" : `, Spark ${spark.pid}`}\n`,
  );
  await untilInterrupted();
  // Everything at once: each stop sends SIGTERM, waits for the process to end and SIGKILLs it
  // when it has not within its grace time (Envoy 5 s, Spark 15 s); Vite gets 5 s.
  const results = await Promise.allSettled([
    Promise.race([vite.close(), sleep(5_000)]),
    envoy.stop(),
    spark.stop(),
  ]);
  for (const r of results) {
    if (r.status === "rejected") process.stderr.write(`while stopping: ${String(r.reason)}\n`);
  }
  process.stderr.write("Stopped.\n");
}
