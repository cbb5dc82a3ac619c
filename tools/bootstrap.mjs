#!/usr/bin/env node
// Entry point of `npm test` and `npm run demo` on a fresh machine: checks the prerequisites,
// installs the npm dependencies when they are missing or stale, then runs `tools/cli.ts <command>`.
// Plain JavaScript, because nothing from npm is installed yet when it starts.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkJava, checkNode, checkPython, PrerequisiteError } from "./prereqs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [command, ...rest] = process.argv.slice(2);

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`\nerror: ${message}\n`);
  process.exit(1);
}

try {
  checkNode();
  if (!process.env.SPARK_REMOTE) checkJava();
  checkPython();
} catch (err) {
  if (err instanceof PrerequisiteError) fail(err.message);
  throw err;
}

// npm dependencies: (re)install when node_modules does not match the lockfile and the manifests.
const manifests = [
  "package-lock.json",
  "package.json",
  "packages/core/package.json",
  "packages/web/package.json",
  "demo/package.json",
];
const stamp = path.join(root, "node_modules", ".spark-connect-install-stamp");
const hash = createHash("sha256");
for (const file of manifests) {
  if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
}
const want = hash.digest("hex");
const have = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
if (want !== have) {
  // `npm ci` (exactly the lockfile, failing when package.json and the lockfile disagree) on a
  // fresh clone and under CI; `npm install` for a developer's existing node_modules after a change.
  const fresh = !existsSync(path.join(root, "node_modules")) || Boolean(process.env.CI);
  const args = [fresh ? "ci" : "install", "--no-audit", "--no-fund"];
  process.stderr.write(`Installing npm dependencies (npm ${args[0]})…\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    fail(
      `\`npm ${args[0]}\` failed (output above): check access to the npm registry${fresh ? ", and that package-lock.json matches package.json (run `npm install` and commit the lockfile)" : ""}`,
    );
  }
  writeFileSync(stamp, `${want}\n`);
}

// tsx as a loader in one process, not its CLI: the CLI's signal relay SIGKILLs a child that is
// slow to acknowledge a signal (30 ms, easily missed on a busy machine), which orphaned the
// servers the tools had started.
const tsx = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
const child = spawn(
  process.execPath,
  ["--import", tsx, path.join(root, "tools", "cli.ts"), command ?? "", ...rest],
  {
    cwd: root,
    stdio: "inherit",
  },
);
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
