/**
 * The README's first command, `npm run demo` (tools/bootstrap.mjs demo): it builds, starts a
 * local Spark Connect server and Envoy, serves the demo with Vite's dev server proxying the Spark
 * Connect path, and on Ctrl-C stops everything it started, also with a query running: no process
 * it started survives (checked by pid, not only by port).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "vitest";
import { connect } from "../packages/web/src/connect.js";
import { repoRoot } from "./paths.js";
import { freePort } from "./process.js";

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** True while a process with this pid exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code, signal) => resolve(code ?? signal ?? "?"));
  });
}

test("npm run demo serves the page on a local Spark behind Envoy, and Ctrl-C stops it all, also during a query", async () => {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, "tools", "bootstrap.mjs"), "demo", "--port", String(port)],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  try {
    // The command prints the addresses once everything is up.
    const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const m =
          /Demo: (http:\/\/\S+) +\(Envoy (http:\/\/\S+), Spark (sc:\/\/\S+)\).*\nProcesses: (.*)\n/.exec(
            output,
          );
        if (m) {
          clearInterval(timer);
          resolve(m);
        }
      }, 200);
      void exited(child).then((how) => {
        clearInterval(timer);
        reject(new Error(`npm run demo exited (${how}) before it was ready:\n${output}`));
      });
    });
    const [, demoUrl = "", envoyUrl = "", sparkRemote = "", processes = ""] = ready;
    expect(demoUrl).toBe(`http://127.0.0.1:${port}/`);
    // "demo 123, Envoy 456, Spark 789": the tools' process and the servers it started.
    const pids = Object.fromEntries(
      processes.split(", ").map((p) => {
        const [name = "", pid = ""] = p.split(" ");
        return [name, Number(pid)];
      }),
    );
    expect(Object.keys(pids)).toEqual(
      process.env.SPARK_REMOTE ? ["demo", "Envoy"] : ["demo", "Envoy", "Spark"],
    );
    for (const [name, pid] of Object.entries(pids)) expect(alive(pid), name).toBe(true);

    const page = await fetch(demoUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Spark Connect in the browser</title>");
    // The dev server compiles the page's TypeScript on request.
    const script = await fetch(new URL("/src/main.ts", demoUrl));
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    // The page's own origin proxies Spark Connect (through Envoy) — as the page uses it.
    const spark = connect({ baseUrl: demoUrl.replace(/\/$/, ""), releaseOnPageHide: false });
    expect(await spark.version()).toMatch(/^\d+\.\d+\.\d+/);
    const [row] = await (await spark.sql("SELECT 6 * 7 AS answer")).collect();
    expect(row?.[0]).toBe(42);

    // Ctrl-C while a long query keeps Spark busy: everything stops all the same.
    const query = new AbortController();
    const busy = spark
      .range(0, 1e12)
      .selectExpr("sum(id)")
      .collect({ signal: query.signal })
      .then(
        () => "finished",
        (err: Error) => err.name,
      );
    await new Promise((r) => setTimeout(r, 3_000));
    const stopping = Date.now();
    child.kill("SIGINT");
    // 130 is the shell's code for "ended by Ctrl-C", passed on after the cleanup.
    expect([0, 130]).toContain(await exited(child));
    const tookMs = Date.now() - stopping;
    console.log(`[demo] Ctrl-C to exit with a query running: ${tookMs} ms`);
    // Each server gets 15 s at most before SIGKILL.
    expect(tookMs).toBeLessThan(20_000);
    for (const [name, pid] of Object.entries(pids))
      expect(alive(pid), `${name} (pid ${pid})`).toBe(false);
    // The client would retry the vanished server for minutes: give up on the query.
    query.abort();
    expect(await busy).not.toBe("finished");
    // Nothing it started is left listening.
    const ports = [port, Number(new URL(envoyUrl).port)];
    if (!process.env.SPARK_REMOTE) ports.push(Number(/:(\d+)/.exec(sparkRemote.slice(5))?.[1]));
    for (const p of ports) expect(await listening(p), `port ${p}`).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}, 300_000);
