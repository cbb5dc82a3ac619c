/**
 * Faults and hostile input against the real server and Envoy (issue 11): bad tokens fail typed
 * before any I/O and never show up in an error; a frozen peer (a TCP server in the test that
 * accepts and never answers) cannot hold an action past its signal, nor `stop()` past its
 * budget, and the native keepalive turns it into CONNECTION_LOST; a dead port cannot hold
 * `stop()`; 50 concurrent actions raise no listener warning; server messages carry their class
 * once.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEnvoy } from "../../../tools/envoy.js";
import { connect as webConnect } from "../../web/src/connect.js";
import type { RetryEvent } from "../src/client/client.js";
import { MAX_TOKEN_BYTES } from "../src/client/token.js";
import { type SparkError, SparkSessionChangedError } from "../src/errors.js";
import { connect } from "../src/node.js";
import type { SparkSession } from "../src/session.js";
import { live, liveSession, withSession } from "./live-session.js";

const SECRET = "S3cr3tT0ken";
const ORIGIN = live.allowedOrigins[0] ?? "http://localhost:5173";

/** Every way an error can show the token: message, stack, inspect (with causes) and JSON. */
function expectNoSecret(err: unknown): void {
  expect(err).toBeInstanceOf(Error);
  const e = err as Error;
  expect(e.message).not.toContain(SECRET);
  expect(String(e.stack)).not.toContain(SECRET);
  expect(inspect(e, { depth: 20 })).not.toContain(SECRET);
  expect(JSON.stringify(e)).not.toContain(SECRET);
}

function thrown(fn: () => unknown): SparkError {
  try {
    fn();
  } catch (e) {
    return e as SparkError;
  }
  throw new Error("did not throw");
}

/** The time a promise takes to settle, and its rejection. */
async function timed(p: Promise<unknown>): Promise<{ ms: number; error: SparkError }> {
  const started = Date.now();
  const error = (await p.then(
    () => {
      throw new Error("resolved");
    },
    (e: unknown) => e,
  )) as SparkError;
  return { ms: Date.now() - started, error };
}

/** A page's fetch from the allowed origin (Envoy checks CORS). */
const pageFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set("origin", ORIGIN);
  return fetch(input, { ...init, headers });
};

describe("tokens", () => {
  const bad: [string, string][] = [
    ["CRLF", `${SECRET}\r\nx-evil: 1`],
    ["empty", ""],
    ["non-ASCII", `${SECRET}\u00e9`],
    ["100 KB", SECRET.repeat(9_310)],
  ];

  test.each(bad)(
    "a %s token: INVALID_TOKEN at once, native and gRPC-Web, never shown",
    (_n, token) => {
      const native = thrown(() => connect(live.remote, { token }));
      const web = thrown(() =>
        webConnect({ baseUrl: live.envoyUrl, token, fetch: pageFetch, releaseOnPageHide: false }),
      );
      for (const err of [native, web]) {
        expect(err.name).toBe("SparkArgumentError");
        expect(err.errorClass).toBe("INVALID_TOKEN");
        expect(err.message).toMatch(/^\[INVALID_TOKEN\] the token <redacted> is not valid: /);
        expectNoSecret(err);
      }
      expect(web.message).toBe(native.message);
    },
  );

  test(`the longest token accepted (${MAX_TOKEN_BYTES} bytes) reaches the server, native and through Envoy`, async () => {
    // Against a server without authentication the header is ignored, but it must get through
    // grpc-java's 8 KiB metadata limit and Envoy's header limit.
    const token = "t".repeat(MAX_TOKEN_BYTES);
    const native = connect(live.remote, { token });
    const web = webConnect({
      baseUrl: live.envoyUrl,
      token,
      fetch: pageFetch,
      releaseOnPageHide: false,
    });
    try {
      if (live.token !== undefined) return; // a token server would refuse this token
      const one = async (spark: typeof native) =>
        (await (await spark.sql("SELECT 3 AS n")).collect()).map((r) => [...r]);
      expect(await one(native)).toEqual([[3]]);
      expect(await one(web)).toEqual([[3]]);
    } finally {
      await native.stop();
      await web.stop();
    }
  });
});

describe("server messages carry their error class once", () => {
  test.each([
    ["a parse error", "SELEC 1", "PARSE_SYNTAX_ERROR"],
    ["an unknown table", "SELECT * FROM no_such_table_here", "TABLE_OR_VIEW_NOT_FOUND"],
    ["an unknown column", "SELECT no_such_column", "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION"],
    ["a division by zero", "SELECT 1 / 0", "DIVIDE_BY_ZERO"],
    ["a bad cast", "SELECT CAST('x' AS INT)", "CAST_INVALID_INPUT"],
  ])("%s", async (_what, sql, errorClass) => {
    await withSession(async (spark) => {
      const err = (await spark
        .sql(sql)
        .then((df) => df.collect())
        .then(
          () => undefined,
          (e: unknown) => e,
        )) as SparkError;
      expect(err.errorClass).toBe(errorClass);
      expect(err.message.startsWith(`[${errorClass}] `)).toBe(true);
      expect(err.message.split(`[${errorClass}]`).length - 1).toBe(1);
    });
  });
});

test("an abort reason that is a plain object shows as JSON", async () => {
  await withSession(async (spark) => {
    const controller = new AbortController();
    controller.abort({ reason: "user left", code: 7 });
    const err = (await spark
      .range(10)
      .collect({ signal: controller.signal })
      .catch((e: unknown) => e)) as SparkError;
    expect(err.name).toBe("SparkCancelledError");
    expect(err.errorClass).toBe("OPERATION_CANCELED");
    expect(err.message).toMatch(/ was cancelled: \{"reason":"user left","code":7\}$/);
  });
});

test("50 concurrent actions on one session: all correct, no MaxListenersExceededWarning", async () => {
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on("warning", onWarning);
  try {
    await withSession(async (spark) => {
      const results = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const rows = await (await spark.sql(`SELECT ${i} AS i, 'x${i}' AS s`)).collect();
          return rows.map((r) => [...r]);
        }),
      );
      expect(results).toEqual(Array.from({ length: 50 }, (_, i) => [[i, `x${i}`]]));
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  } finally {
    process.off("warning", onWarning);
  }
});

describe("a frozen peer: a TCP server that accepts and never answers", () => {
  let server: Server;
  let url: string;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    url = `127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    server.close();
  });

  test("an action with AbortSignal.timeout(1500) rejects at 1.5 s, typed as cancelled", async () => {
    const spark = connect(`sc://${url}`);
    try {
      const { ms, error } = await timed(
        spark.range(3).collect({ signal: AbortSignal.timeout(1_500) }),
      );
      console.log(
        `[faults] frozen peer, signal 1500 ms: rejected after ${ms} ms: ${error.message}`,
      );
      expect(error.name).toBe("SparkCancelledError");
      expect(error.errorClass).toBe("OPERATION_CANCELED");
      expect(ms).toBeLessThan(3_000);
    } finally {
      await spark.stop();
    }
  });

  test("the native keepalive turns the silence into CONNECTION_LOST", async () => {
    const spark = connect(`sc://${url}`, {
      pingIntervalMs: 1_000,
      pingTimeoutMs: 1_000,
      retryPolicy: false,
    });
    try {
      const { ms, error } = await timed(spark.range(3).count());
      console.log(`[faults] frozen peer, keepalive 1 s + 1 s: ${error.name} after ${ms} ms`);
      expect(error.name).toBe("SparkConnectionError");
      expect(error.errorClass).toBe("CONNECTION_LOST");
      expect(ms).toBeLessThan(6_000);
    } finally {
      await spark.stop();
    }
  });

  test("stop() returns within its budget, native and gRPC-Web", async () => {
    const native = connect(`sc://${url}`);
    const web = webConnect({ baseUrl: `http://${url}`, releaseOnPageHide: false });
    for (const spark of [native, web]) {
      const started = Date.now();
      await spark.stop();
      const ms = Date.now() - started;
      console.log(`[faults] frozen peer: stop() returned after ${ms} ms`);
      expect(ms).toBeLessThan(6_500);
    }
  });
});

test("stop() after the server is gone (a closed port) returns within seconds", async () => {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  const native = connect(`sc://127.0.0.1:${port}`);
  const web = webConnect({ baseUrl: `http://127.0.0.1:${port}`, releaseOnPageHide: false });
  for (const spark of [native, web]) {
    const started = Date.now();
    await spark.stop();
    const ms = Date.now() - started;
    console.log(`[faults] closed port: stop() returned after ${ms} ms`);
    expect(ms).toBeLessThan(6_000);
  }
});

test("a session released elsewhere is a SparkSessionChangedError on the next call", async () => {
  const spark = liveSession();
  try {
    expect(await spark.range(2).count()).toBe(2);
    // Another client with the same session id ends the session on the server.
    const other = connect(live.remote, {
      sessionId: spark.sessionId,
      ...(live.token ? { token: live.token } : {}),
    });
    await other.stop({ interrupt: false });
    const err = (await spark
      .range(2)
      .count()
      .catch((e: unknown) => e)) as SparkError;
    console.log(`[faults] after a release elsewhere: ${err.name}: ${err.message.split("\n")[0]}`);
    expect(err).toBeInstanceOf(SparkSessionChangedError);
    expect(err.name).toBe("SparkSessionChangedError");
    expect(err.errorClass).toBe("INVALID_HANDLE.SESSION_CLOSED");
    expect(err.messageParameters.partialResult).toBe("false");
    expect(err.message).toMatch(/create a new SparkSession; no part of the result had arrived$/);
  } finally {
    await spark.stop();
  }
});

describe("permanent failures fail fast and typed; transient ones are retried", () => {
  /** The rejection of a session's first call, how long it took, and the retries reported. */
  async function firstCall(make: (onRetry: (e: RetryEvent) => void) => SparkSession) {
    const retries: RetryEvent[] = [];
    const spark = make((e) => retries.push(e));
    try {
      const { ms, error } = await timed(spark.version());
      return { ms, error, retries };
    } finally {
      await spark.stop({ interrupt: false });
    }
  }

  test.each([
    [
      "NXDOMAIN, native",
      (onRetry: (e: RetryEvent) => void) =>
        connect("sc://no-such-host.invalid", { onRetry, token: SECRET }),
      "HOST_NOT_FOUND",
    ],
    [
      "NXDOMAIN, gRPC-Web",
      (onRetry: (e: RetryEvent) => void) =>
        webConnect({
          baseUrl: "http://no-such-host.invalid:8080",
          onRetry,
          token: SECRET,
          releaseOnPageHide: false,
        }),
      "HOST_NOT_FOUND",
    ],
    [
      "use_ssl=true against Spark's plain-text port, native",
      (onRetry: (e: RetryEvent) => void) =>
        connect(`${live.remote.replace(/\/$/, "")}/;use_ssl=true;token=${SECRET}`, { onRetry }),
      "TLS_HANDSHAKE_FAILED",
    ],
    [
      "https:// to Envoy's plain-text port, gRPC-Web",
      (onRetry: (e: RetryEvent) => void) =>
        webConnect({
          baseUrl: live.envoyUrl.replace(/^http:/, "https:"),
          onRetry,
          token: SECRET,
          fetch: pageFetch,
          releaseOnPageHide: false,
        }),
      "TLS_HANDSHAKE_FAILED",
    ],
    [
      "gRPC-Web sent to Spark's native gRPC port",
      (onRetry: (e: RetryEvent) => void) =>
        webConnect({
          baseUrl: live.grpcUrl,
          onRetry,
          token: SECRET,
          fetch: pageFetch,
          releaseOnPageHide: false,
        }),
      "NOT_A_GRPC_WEB_ENDPOINT",
    ],
  ])("%s", async (what, make, errorClass) => {
    const { ms, error, retries } = await firstCall(make);
    console.log(
      `[faults] ${what}: ${error.name} ${error.errorClass} in ${ms} ms: ${error.message}`,
    );
    expect(error.name).toBe("SparkConnectionError");
    expect(error.errorClass).toBe(errorClass);
    expect(retries).toEqual([]);
    expect(ms).toBeLessThan(1_000);
    expectNoSecret(error);
  });

  test("headers too large for Envoy (HTTP 431) are REQUEST_HEADER_TOO_LARGE, not retried", async () => {
    const { ms, error, retries } = await firstCall((onRetry) =>
      webConnect({
        baseUrl: live.envoyUrl,
        onRetry,
        token: SECRET,
        headers: { "x-padding": "p".repeat(100_000) },
        fetch: pageFetch,
        releaseOnPageHide: false,
      }),
    );
    console.log(
      `[faults] 100 KB of headers through Envoy: ${error.errorClass} in ${ms} ms: ${error.message}`,
    );
    expect(error.name).toBe("SparkConnectionError");
    expect(error.errorClass).toBe("REQUEST_HEADER_TOO_LARGE");
    expect(retries).toEqual([]);
    expectNoSecret(error);
  });

  test("native gRPC sent to an HTTP/1.1 port", async () => {
    const server = createHttpServer((_req, res) => res.end("<html>hello</html>"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const { ms, error, retries } = await firstCall((onRetry) =>
        connect(`sc://127.0.0.1:${port}`, { onRetry }),
      );
      console.log(`[faults] native to HTTP/1.1: ${error.errorClass} in ${ms} ms`);
      expect(error.name).toBe("SparkConnectionError");
      expect(error.errorClass).toBe("NOT_A_SPARK_CONNECT_ENDPOINT");
      expect(retries).toEqual([]);
      expect(ms).toBeLessThan(1_000);
    } finally {
      server.close();
    }
  });

  test("a refused connection is retried, reported by onRetry, and bounded by timeoutMs", async () => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const address = probe.address();
    const port = typeof address === "object" && address ? address.port : 0;
    probe.close();
    await once(probe, "close");
    const { ms, error, retries } = await firstCall((onRetry) =>
      connect(`sc://127.0.0.1:${port}`, { onRetry, timeoutMs: 2_500, token: SECRET }),
    );
    expectNoSecret(error);
    console.log(
      `[faults] refused: ${error.errorClass} after ${ms} ms, ${retries.length} retries (${retries.map((r) => r.delayMs).join(", ")} ms)`,
    );
    expect(error.name).toBe("SparkCancelledError");
    expect(error.errorClass).toBe("DEADLINE_EXCEEDED");
    expect((error.cause as SparkError).name).toBe("SparkConnectionError");
    expect(retries.length).toBeGreaterThanOrEqual(3);
    expect(retries.map((r) => r.attempt).slice(0, 3)).toEqual([1, 2, 3]);
    expect(retries[0]?.error.name).toBe("SparkConnectionError");
    expect(ms).toBeGreaterThanOrEqual(2_400);
    expect(ms).toBeLessThan(4_000);
  });

  test("Envoy with a dead upstream (no healthy upstream, 503) is retried with onRetry", async () => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const address = probe.address();
    const port = typeof address === "object" && address ? address.port : 0;
    probe.close();
    await once(probe, "close");
    const envoy = await startEnvoy({
      upstreamHost: "127.0.0.1",
      upstreamPort: port,
      allowedOrigins: [ORIGIN],
    });
    try {
      const { ms, error, retries } = await firstCall((onRetry) =>
        webConnect({
          baseUrl: envoy.url,
          onRetry,
          token: SECRET,
          timeoutMs: 2_500,
          fetch: pageFetch,
          releaseOnPageHide: false,
        }),
      );
      console.log(
        `[faults] Envoy, dead upstream: ${error.errorClass} after ${ms} ms, ${retries.length} retries of ${retries[0]?.error.errorClass}: ${retries[0]?.error.message}`,
      );
      expect(error.errorClass).toBe("DEADLINE_EXCEEDED");
      expect(retries.length).toBeGreaterThanOrEqual(3);
      expect(retries[0]?.error.errorClass).toBe("CONNECTION_UNAVAILABLE");
      expectNoSecret(error);
      expect(ms).toBeLessThan(4_000);
    } finally {
      await envoy.stop();
    }
  });
});

test.each([
  ["interruptAll", (spark: SparkSession, _id: string) => spark.interruptAll()],
  ["interruptOperation", (spark: SparkSession, id: string) => spark.interruptOperation(id)],
])(
  "an operation interrupted by this client (%s) ends as SparkCancelledError",
  async (_n, interrupt) => {
    await withSession(async (spark) => {
      let started: (id: string) => void = () => undefined;
      const running = new Promise<string>((r) => {
        started = r;
      });
      const pending = spark
        .range(0, 8_000_000_000, 1, 8)
        .selectExpr("max(id % 7)")
        .collect({ onProgress: (p) => started(p.operationId) })
        .then(
          () => undefined,
          (e: unknown) => e as SparkError,
        );
      const operationId = await running;
      expect(await interrupt(spark, operationId)).toEqual([operationId]);
      const err = await pending;
      expect(err?.name).toBe("SparkCancelledError");
      expect(err?.errorClass).toBe("OPERATION_CANCELED");
    });
  },
);

test("a Node process that stops its session on a frozen server exits right after stop()", async () => {
  const server = createServer(() => undefined);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "spark-exit-"));
  const script = path.join(dir, "exit.mts");
  writeFileSync(
    script,
    `import { connect } from ${JSON.stringify(fileURLToPath(new URL("../src/node.ts", import.meta.url)))};
const t0 = Date.now();
const spark = connect("sc://127.0.0.1:${port}");
await spark.range(3).collect({ signal: AbortSignal.timeout(1000) }).catch(() => undefined);
await spark.stop();
process.on("exit", () => console.log(JSON.stringify({ stopped: stoppedAt, exited: Date.now() - t0 })));
const stoppedAt = Date.now() - t0;
`,
  );
  try {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const [code] = await once(child, "exit");
    clearTimeout(killer);
    const times = JSON.parse(out.trim()) as { stopped: number; exited: number };
    console.log(
      `[faults] Node process on a frozen server: stop() after ${times.stopped} ms, exit after ${times.exited} ms`,
    );
    expect(code).toBe(0);
    expect(times.stopped).toBeLessThan(8_000);
    expect(times.exited - times.stopped).toBeLessThan(1_000);
  } finally {
    for (const s of [server]) s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
