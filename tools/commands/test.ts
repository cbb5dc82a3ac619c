import path from "node:path";
import { checkExampleLibraryTools } from "../example-library.js";
import { ensureNode, NODE_LTS } from "../node-lane.js";
import { sparkPins } from "../paths.js";
import { checkChromium, checkJava, checkNode, checkOpenssl, checkPython } from "../prereqs.mjs";
import { runStep } from "./steps.js";

/**
 * The live files the Sail lane leaves out, because each starts its own server with settings Sail
 * does not take (a token, Spark confs); docs/compatibility.md lists them with the reason.
 */
export const SAIL_EXCLUDED = [
  "packages/core/test/auth.live.test.ts",
  "packages/core/test/reattach.live.test.ts",
  "packages/core/test/envoy-restart.live.test.ts",
  // Not yet run against Sail (they landed beside the Sail lane): docs/compatibility.md lists them.
  "packages/core/test/analysis.live.test.ts",
  "packages/core/test/artifacts.live.test.ts",
  "packages/core/test/doc-examples.live.test.ts",
  "packages/core/test/faults.live.test.ts",
  "packages/core/test/hostile-input.live.test.ts",
  "packages/core/test/parity.live.test.ts",
  "packages/core/test/restart.live.test.ts",
  "packages/core/test/server-library.live.test.ts",
  "packages/core/test/smoke.live.test.ts",
  "packages/core/test/streaming.live.test.ts",
  "packages/core/test/tls.live.test.ts",
];

/**
 * `test`: every check and test, in order: the lockfile check, build (with protocol generation), type checks, lint and
 * format, unit tests, then live tests against a real Spark Connect server and Envoy (the primary
 * lane), the core API's live suite again against each compatibility lane, and the core files and
 * the reattach test on a real standalone cluster (a master, a worker, executors in their own JVMs),
 * and the unit suite with a live smoke test on the current Node.js LTS (installed into the cache).
 * Every live server runs the example Server Library's plugin (built once per lane into the cache),
 * so its live tests (packages/core/test/server-library.live.test.ts) run on each lane.
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
  checkOpenssl();
  const started = Date.now();
  const timings: [string, number][] = [];
  const step = async (name: string, command: string, args: string[], env?: NodeJS.ProcessEnv) => {
    timings.push([name, await runStep(name, command, args, env)]);
  };
  const bin = (name: string) => `node_modules/.bin/${name}`;
  // `npm ci` refuses a lockfile that does not match package.json: check before anything else
  // (a dry run touches nothing), so that a drifting lockfile fails here and in CI.
  await step("lockfile in sync", "npm", ["ci", "--dry-run", "--no-audit", "--no-fund"]);
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
  if (!process.env.SPARK_REMOTE) {
    // The core files and the 1e6-row reattach test on a standalone cluster, plus its fault tests.
    await step("live tests, standalone cluster", bin("vitest"), [
      "run",
      "--project",
      "cluster",
      ...argv,
    ]);
  }
  // The current Node.js LTS, from the per-user cache: the unit suite and a live smoke test.
  const node = await ensureNode();
  const ltsEnv = {
    ...process.env,
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ""}`,
    SPARK_CONNECT_TS_EXPECT_NODE: NODE_LTS.line,
  };
  const vitest = "node_modules/vitest/vitest.mjs";
  await step(
    `unit tests, Node ${NODE_LTS.version}`,
    node,
    [vitest, "run", "--project", "unit", ...argv],
    ltsEnv,
  );
  await step(
    `live smoke test, Node ${NODE_LTS.version}`,
    node,
    [vitest, "run", "--project", "live", "packages/core/test/smoke.live.test.ts", ...argv],
    ltsEnv,
  );
  // Browser end-to-end tests: Chromium → the demo page → Envoy → Spark.
  await step("e2e tests", bin("playwright"), ["test"]);
  process.stderr.write(
    `\nAll passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${timings.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join(", ")}\n`,
  );
}
