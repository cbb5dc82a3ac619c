import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ToolError } from "./errors.js";
import { cacheRoot } from "./paths.js";
import { checkPython } from "./prereqs.mjs";
import { logTail, runLogged, sleep } from "./process.js";

/**
 * Installs `requirement` (e.g. "pyspark==4.1.4", or several; with `deps`, their dependencies
 * too) with pip into its own folder of the per-user cache, once; later calls (and fresh clones)
 * reuse it. Concurrent callers wait for the first. Returns the folder that holds the installed
 * packages.
 */
export async function pipInstallCached(
  requirement: string | readonly string[],
  folder: string,
  describe: string,
  options: { deps?: boolean } = {},
): Promise<string> {
  const requirements = typeof requirement === "string" ? [requirement] : [...requirement];
  const target = path.join(cacheRoot(), folder);
  const marker = path.join(target, ".installed");
  if (existsSync(marker)) return target;
  const python = checkPython();
  mkdirSync(path.dirname(target), { recursive: true });
  const lock = `${target}.lock`;
  await acquireLock(lock, describe);
  try {
    if (existsSync(marker)) return target;
    const staging = `${target}.partial`;
    rmSync(staging, { recursive: true, force: true });
    const logFile = path.join(cacheRoot(), "logs", `pip-${folder.replaceAll("/", "-")}.log`);
    rmSync(logFile, { force: true });
    process.stderr.write(`Installing ${describe} into ${target} (once per machine)…\n`);
    const status = await runLogged(
      python,
      [
        "-m",
        "pip",
        "install",
        ...(options.deps ? [] : ["--no-deps"]),
        "--no-compile",
        "--disable-pip-version-check",
        "--no-input",
        "--target",
        staging,
        ...requirements,
      ],
      { logFile },
    );
    if (status !== 0) {
      rmSync(staging, { recursive: true, force: true });
      throw new ToolError(
        `pip could not install ${requirements.join(" ")} (full log: ${logFile}); check the network access to PyPI`,
        logTail(logFile, 20),
      );
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    writeFileSync(marker, `${requirements.join("\n")}\n`);
    return target;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function acquireLock(lock: string, describe: string): Promise<void> {
  const deadline = Date.now() + 20 * 60_000;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    if (isStale(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!told) {
      process.stderr.write(`Waiting for another process installing ${describe}…\n`);
      told = true;
    }
    if (Date.now() > deadline) throw new ToolError(`timed out waiting for the lock ${lock}`);
    await sleep(1000);
  }
}

function isStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(lock, "pid"), "utf8"));
    if (!pid) return true;
    process.kill(pid, 0);
    return false;
  } catch {
    // No pid file, or no such process: the holder is gone.
    return true;
  }
}
