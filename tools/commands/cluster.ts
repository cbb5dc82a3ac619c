import { parseArgs } from "node:util";
import { startStandaloneCluster } from "../spark-cluster.js";
import { startSparkConnect } from "../spark-server.js";
import { mib, portFrom, untilInterrupted } from "./args.js";

/**
 * `cluster`: a Spark standalone master and worker on 127.0.0.1, and a Spark Connect server whose
 * jobs run on it, in the foreground until Ctrl-C.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { lane: { type: "string" }, port: { type: "string", default: "15002" } },
  });
  const port = portFrom(values.port, "--port");
  const cluster = await startStandaloneCluster({ lane: values.lane });
  try {
    const server = await startSparkConnect({
      lane: values.lane,
      port,
      master: cluster.masterUrl,
      useRemote: false,
    });
    process.stderr.write(
      `Spark Connect ${server.version} is ready at ${server.remote} on the standalone cluster ${cluster.masterUrl} ` +
        `(master UI ${cluster.masterUiUrl}; server pid ${server.pid}, resident ${mib(server.residentBytes())}; master pid ${cluster.masterPid}, worker pid ${cluster.workerPid()}). Ctrl-C stops it all.\n`,
    );
    await untilInterrupted();
    await server.stop();
  } finally {
    await cluster.stop();
  }
}
