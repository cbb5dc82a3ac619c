import { sparkPins } from "../paths.js";
import { checkChromium, checkJava, checkNode, checkPython } from "../prereqs.mjs";
import { runStep } from "./steps.js";

/**
 * The live files the Sail lane leaves out, because each starts its own server with settings Sail
 * does not take (a token, Spark confs); docs/compatibility.md lists them with the reason.
 */
export const SAIL_EXCLUDED = [
  "packages/core/test/auth.live.test.ts",
  "packages/core/test/reattach.live.test.ts",
  "packages/core/test/envoy-restart.live.test.ts",
];

/**
 * `test`: every check and test, in order: build (with protocol generation), type checks, lint and
 * format, unit tests, then live tests against a real Spark Connect server and Envoy (the primary
 * lane), the core API's live suite again against each other lane (newest first), and against
 * Sail.
 */
export async function run(argv: string[]): Promise<void> {
  checkNode();
  if (!process.env.SPARK_REMOTE) checkJava();
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
    // The core API suite again, against each other lane's server, newest first.
    const { lanes, primary } = sparkPins();
    const others = Object.keys(lanes)
      .filter((l) => l !== primary)
      .sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
    for (const lane of others) {
      await step(
        `live tests, Spark ${lane} lane`,
        bin("vitest"),
        ["run", "--project", "live", "packages/core/test", ...argv],
        { ...process.env, SPARK_LANE: lane },
      );
    }
    // …and against Sail, where known differences are marked (docs/compatibility.md).
    await step(
      "live tests, Sail lane",
      bin("vitest"),
      [
        "run",
        "--project",
        "live",
        "packages/core/test",
        ...SAIL_EXCLUDED.flatMap((f) => ["--exclude", f]),
        ...argv,
      ],
      { ...process.env, SPARK_SERVER: "sail" },
    );
  }
  // Browser end-to-end tests: Chromium → the demo page → Envoy → Spark.
  await step("e2e tests", bin("playwright"), ["test"]);
  process.stderr.write(
    `\nAll passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join(", ")}\n`,
  );
}
