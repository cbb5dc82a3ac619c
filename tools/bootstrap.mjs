#!/usr/bin/env node
// Entry point of `npm test` and `npm run demo` on a fresh machine: checks the prerequisites,
// installs the npm dependencies when they are missing or stale, then runs `tools/cli.ts <command>`.
// Plain JavaScript, because nothing from npm is installed yet when it starts.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

// npm dependencies: (re)install when node_modules does not match package-lock.json.
const lock = path.join(root, "package-lock.json");
const stamp = path.join(root, "node_modules", ".spark-connect-install-stamp");
const want = createHash("sha256").update(readFileSync(lock)).digest("hex");
const have = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
if (want !== have) {
  // `npm install` rather than `npm ci`: the lock file leaves out platform packages that a registry
  // mirror may lack (e.g. other platforms' biome binaries), which `npm ci` refuses.
  process.stderr.write("Installing npm dependencies…\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) fail("`npm install` failed; check access to the npm registry (output above)");
  writeFileSync(stamp, `${want}\n`);
}

const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const child = spawn(
  process.execPath,
  [tsx, path.join(root, "tools", "cli.ts"), command ?? "", ...rest],
  {
    cwd: root,
    stdio: "inherit",
  },
);
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
