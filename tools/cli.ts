/**
 * The project's command line: `tsx tools/cli.ts <command> [options]`.
 *
 *   spark   [--lane 4.1] [--port 15002] [--conf k=v]…   run a local Spark Connect server until Ctrl-C
 *   cluster [--lane 4.1] [--port 15002]                  a standalone master + worker and a Spark Connect server on it
 *   envoy   [--spark host:port] [--port 8080] …          run Envoy in front of a Spark Connect server
 *   envoy-render [--out file] …                          print the rendered envoy.yaml
 *   demo                                                 Spark + Envoy + the Vite demo page
 *   test                                                 every test (what `npm test` runs)
 */
import { ToolError } from "./errors.js";
import { runMain } from "./run-main.js";

const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<void> {
  switch (command) {
    case "spark":
      return (await import("./commands/spark.js")).run(rest);
    case "cluster":
      return (await import("./commands/cluster.js")).run(rest);
    case "envoy":
      return (await import("./commands/envoy.js")).run(rest);
    case "envoy-render":
      return (await import("./commands/envoy.js")).render(rest);
    case "demo":
      return (await import("./commands/demo.js")).run(rest);
    case "test":
      return (await import("./commands/test.js")).run(rest);
    default:
      throw new ToolError(
        `unknown command ${JSON.stringify(command ?? "")}: use spark, cluster, envoy, envoy-render, demo or test`,
      );
  }
}

await runMain(main);
