/**
 * The tools fail with one clear line (and the relevant log tail), never a hang or a leftover
 * process: a port in use, a server that exits before it is ready, a bad SPARK_REMOTE, a remote
 * that does not answer, a failed pip install.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ToolError } from "./errors.js";
import { pipInstallCached } from "./pip-cache.js";
import { freePort } from "./process.js";
import { startSparkConnect } from "./spark-server.js";

const savedRemote = process.env.SPARK_REMOTE;
afterEach(() => {
  if (savedRemote === undefined) delete process.env.SPARK_REMOTE;
  else process.env.SPARK_REMOTE = savedRemote;
});

async function failure(promise: Promise<unknown>): Promise<ToolError> {
  const err = await promise.then(
    async (value) => {
      // Unexpected success: stop whatever started before failing the test.
      await (value as { stop?: () => Promise<void> } | undefined)?.stop?.();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ToolError);
  return err as ToolError;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("startSparkConnect", () => {
  test("a port already in use is named", async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", r));
    try {
      const err = await failure(startSparkConnect({ port, useRemote: false }));
      expect(err.message).toBe(
        `port ${port} on 127.0.0.1 (Spark Connect) is already in use: stop whatever holds it or choose another port`,
      );
    } finally {
      blocker.close();
    }
  });

  test("a server that exits during startup fails with its log tail and leaves no process", async () => {
    // An unknown serializer class makes SparkContext fail at once.
    const before = new Set(javaPids());
    const err = await failure(
      startSparkConnect({
        useRemote: false,
        confs: { "spark.serializer": "com.example.NoSuchSerializer" },
      }),
    );
    expect(err.message).toMatch(
      /^the Spark Connect server exited \(code \d+\) before it was ready/,
    );
    expect(err.message).not.toContain("\n");
    expect(err.logTail).toMatch(/com\.example\.NoSuchSerializer/);
    const leftovers = javaPids().filter((pid) => !before.has(pid) && isAlive(pid));
    expect(leftovers).toEqual([]);
  });

  test("a server that is not ready in time is stopped, with its log tail", async () => {
    const before = new Set(javaPids());
    const err = await failure(startSparkConnect({ useRemote: false, readyTimeoutMs: 1_000 }));
    expect(err.message).toMatch(/^the Spark Connect server did not answer AnalyzePlan within 1 s/);
    expect(err.logTail).toBeTruthy();
    const leftovers = javaPids().filter((pid) => !before.has(pid) && isAlive(pid));
    expect(leftovers).toEqual([]);
  });

  test("a malformed SPARK_REMOTE is rejected in one line", async () => {
    process.env.SPARK_REMOTE = "http://localhost:15002";
    const err = await failure(startSparkConnect());
    expect(err.message).toMatch(
      /^SPARK_REMOTE: \[INVALID_CONNECTION_STRING\] .*must start with "sc:\/\/"/,
    );
  });

  test("a SPARK_REMOTE nobody answers at fails instead of hanging", async () => {
    process.env.SPARK_REMOTE = `sc://127.0.0.1:${await freePort()}`;
    const err = await failure(startSparkConnect());
    expect(err.message).toMatch(
      /^SPARK_REMOTE names 127\.0\.0\.1:\d+, which did not answer AnalyzePlan/,
    );
  });
});

describe("pipInstallCached", () => {
  test("a failed pip install names the requirement and shows pip's log tail", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pip-fail-"));
    const saved = process.env.SPARK_CONNECT_TS_CACHE;
    process.env.SPARK_CONNECT_TS_CACHE = dir;
    try {
      const err = await failure(
        pipInstallCached("spark-connect-ts-no-such-package==0.0.1", "nope/0.0.1", "nothing"),
      );
      expect(err.message).toMatch(
        /^pip could not install spark-connect-ts-no-such-package==0\.0\.1 \(full log: .*\)/,
      );
      expect(err.logTail).toMatch(/No matching distribution|Could not find a version/);
    } finally {
      if (saved === undefined) delete process.env.SPARK_CONNECT_TS_CACHE;
      else process.env.SPARK_CONNECT_TS_CACHE = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function javaPids(): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("SparkConnectServer");
      } catch {
        return false;
      }
    });
}
