import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ToolError } from "./errors.js";

const children = new Set<ChildProcess>();
let hooksInstalled = false;

/** Kills every child this process started and has not stopped yet (best effort, synchronous). */
function killAll(signal: NodeJS.Signals = "SIGTERM"): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

/**
 * Stops every child when this process ends: on exit (SIGKILL to what is left), and on SIGINT,
 * SIGTERM and SIGHUP, or when the parent process dies (this process is re-parented), by SIGTERM
 * to each child, waiting up to 15 s for all of them, SIGKILL to any that is still running, and
 * exit with the conventional status. A repeated signal (a terminal's Ctrl-C reaches the whole
 * process group, and tools/bootstrap.mjs forwards it too) does not cut that shutdown short.
 */
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", () => killAll("SIGKILL"));
  let shuttingDown = false;
  const shutDown = (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    killAll("SIGTERM");
    const deadline = Date.now() + 15_000;
    const timer = setInterval(() => {
      if (children.size === 0 || Date.now() > deadline) {
        clearInterval(timer);
        // The "exit" hook SIGKILLs whatever did not stop in time.
        process.exit(code);
      }
    }, 100);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () =>
      shutDown(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15)),
    );
  }
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) shutDown(129);
  }, 1_000).unref();
}

/** A background server process whose output goes to a log file. */
export interface ManagedProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `command` with stdout and stderr appended to `logFile`. The process is killed when this
 * process exits, so nothing is left behind.
 */
export function startLogged(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string },
): ManagedProcess {
  installExitHooks();
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, "a");
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ["ignore", fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve(signal ? `signal ${signal}` : `code ${code}`);
    });
    child.once("error", (err) => {
      children.delete(child);
      resolve(`spawn error: ${err.message}`);
    });
  });
  if (child.pid === undefined) {
    throw new ToolError(`could not start \`${command}\``, logTail(options.logFile));
  }
  children.add(child);
  const pid = child.pid;
  return {
    child,
    pid,
    logFile: options.logFile,
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The last `lines` lines of a log file ("" when it does not exist). */
export function logTail(file: string, lines = 40): string {
  if (!existsSync(file)) return "";
  const text = readFileSync(file, "utf8");
  return text
    .split("\n")
    .slice(-lines - 1)
    .join("\n")
    .trimEnd();
}

/** The resident memory of a process in bytes, from /proc (undefined where /proc is missing). */
export function residentBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Ports this process has handed out already; see freePort. */
const handedOut = new Set<number>();

function askForPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/**
 * A TCP port on 127.0.0.1 that was free a moment ago and that this process has not handed out
 * before. The kernel may offer a just-closed port again; without the second rule, a "dead"
 * upstream port could turn out to be the admin port of the Envoy started right after it.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await askForPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new ToolError("no fresh free TCP port on 127.0.0.1 after 50 attempts");
}

/** Throws a clear ToolError when `port` on `host` is already taken. */
export function assertPortFree(port: number, what: string, host = "127.0.0.1"): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (err: NodeJS.ErrnoException) => {
      reject(
        new ToolError(
          err.code === "EADDRINUSE"
            ? `port ${port} on ${host} (${what}) is already in use: stop whatever holds it or choose another port`
            : `cannot listen on ${host}:${port} (${what}): ${err.message}`,
        ),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** True when a TCP connection to host:port succeeds within `timeoutMs`. */
export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Runs a command to completion with output to a log file; resolves with its exit status. */
export function runLogged(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string },
): Promise<number> {
  const p = startLogged(command, args, options);
  return p.exited.then((how) => (how === "code 0" ? 0 : 1));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
