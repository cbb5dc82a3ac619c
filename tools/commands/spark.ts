import { parseArgs } from "node:util";
import { resolveServerKind } from "../paths.js";
import { startSparkConnect } from "../spark-server.js";
import { confsFrom, mib, portFrom, untilInterrupted } from "./args.js";

/**
 * `spark`: runs a local Spark Connect server in the foreground until Ctrl-C: Apache Spark of
 * `--lane` (default: the primary lane), or Sail with `--server sail` (which takes no `--lane`,
 * `--conf`, `--token` or `--jars`).
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: "string" },
      lane: { type: "string" },
      port: { type: "string", default: "15002" },
      conf: { type: "string", multiple: true },
      token: { type: "string" },
      jars: { type: "string" },
      "with-example-library": { type: "boolean", default: false },
    },
  });
  const server = await startSparkConnect({
    server: resolveServerKind(values.server ?? "spark"),
    lane: values.lane,
    port: portFrom(values.port, "--port"),
    confs: confsFrom(values.conf),
    token:
      values.token ??
      (values.server === "sail" ? undefined : process.env.SPARK_CONNECT_AUTHENTICATE_TOKEN),
    jars: values.jars ? values.jars.split(",") : undefined,
    exampleLibrary: values["with-example-library"],
    useRemote: false,
  });
  process.stderr.write(
    `${server.kind === "sail" ? "Sail (reporting Spark" : "Spark Connect"} ${server.version}${server.kind === "sail" ? ")" : ""} is ready at ${server.remote} (pid ${server.pid}, ` +
      `started in ${(server.startupMs / 1000).toFixed(1)} s, resident ${mib(server.residentBytes())}, log ${server.logFile})` +
      `${server.exampleLibrary ? ", with the example Server Library" : ""}. Ctrl-C stops it.\n`,
  );
  await untilInterrupted();
  await server.stop();
}
