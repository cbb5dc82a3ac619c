import { checkExampleLibraryTools } from "../example-library.js";
import { sparkPins } from "../paths.js";
import { checkChromium, checkJava, checkNode, checkPython } from "../prereqs.mjs";
import { runStep } from "./steps.js";

/**
 * `test`: every check and test, in order: build (with protocol generation), type checks, lint and
 * format, unit tests, then live tests against a real Spark Connect server and Envoy (the primary
 * lane), and the core API's live suite again against each compatibility lane. Every live server
 * runs the example Server Library's plugin (built once per lane into the cache), so its live
 * tests (packages/core/test/server-library.live.test.ts) run on each lane.
 */
export async function run(argv: string[]): Promise<void> {
  checkNode();
  if (!process.env.SPARK_REMOTE) {
    checkJava();
    // The live servers load the example Server Library, whose plugin is built on first use.
    checkExampleLibraryTools();
  }
  checkPython();
  checkChromium();
  const started = Date.now();
  const timings: [string, number][] = [];
  const step = async (name: string, command: string, args: string[], env?: NodeJS.ProcessEnv) => {
    timings.push([name, await runStep(name, command, args, env)]);
  };
  const bin = (name: string) => `node_modules/.bin/${name}`;
  await step("build", "npm", ["run", "--silent", "build"]);
  await step("typecheck", bin("tsc"), ["-p", "tsconfig.json"]);
  await step("typecheck demo", bin("tsc"), ["-p", "demo/tsconfig.json"]);
  await step("lint", bin("biome"), ["check", "."]);
  await step("unit tests", bin("vitest"), ["run", "--project", "unit", ...argv]);
  await step("live tests", bin("vitest"), ["run", "--project", "live", ...argv]);
  if (process.env.SPARK_REMOTE) {
    process.stderr.write(
      "\nSPARK_REMOTE is set: the compatibility lanes (local servers of other Spark versions) are not run.\n",
    );
  } else {
    // The core API suite again, against the compatibility lane's server.
    const { lanes, primary } = sparkPins();
    for (const lane of Object.keys(lanes).filter((l) => l !== primary)) {
      await step(
        `live tests, Spark ${lane} lane`,
        bin("vitest"),
        ["run", "--project", "live", "packages/core/test", ...argv],
        {
          ...process.env,
          SPARK_LANE: lane,
        },
      );
    }
  }
  // Browser end-to-end tests: Chromium → the demo page → Envoy → Spark.
  await step("e2e tests", bin("playwright"), ["test"]);
  process.stderr.write(
    `\nAll passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join(", ")}\n`,
  );
}
