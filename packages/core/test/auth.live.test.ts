/**
 * Token authentication against a real server started with SPARK_CONNECT_AUTHENTICATE_TOKEN:
 * the right token works over native gRPC and through Envoy over gRPC-Web; a wrong or missing one
 * fails at once with a typed SparkAuthenticationError; the token travels only in the
 * `authorization` header, never in a URL or an error message.
 */
import { randomUUID } from "node:crypto";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type EnvoyProxy, startEnvoy } from "../../../tools/envoy.js";
import { type SparkServer, startSparkConnect } from "../../../tools/spark-server.js";
import { connect as webConnect } from "../../web/src/connect.js";
import { SparkAuthenticationError } from "../src/errors.js";
import { connect } from "../src/node.js";
import type { SparkSession } from "../src/session.js";

const TOKEN = `tok-${randomUUID()}`;
const ORIGIN = "http://dashboard.test:4173";

let server: SparkServer;
let envoy: EnvoyProxy;

beforeAll(async () => {
  server = await startSparkConnect({ token: TOKEN, useRemote: false });
  envoy = await startEnvoy({
    upstreamHost: server.host,
    upstreamPort: server.port,
    allowedOrigins: [ORIGIN],
  });
});

afterAll(async () => {
  await envoy?.stop();
  await server?.stop();
});

/** Counts the calls a session sends (to prove a refused token is not retried). */
function callCounter(): { calls: string[]; interceptor: Interceptor } {
  const calls: string[] = [];
  return {
    calls,
    interceptor: (next) => (req) => {
      calls.push(req.method.name);
      return next(req);
    },
  };
}

/** Every request a gRPC-Web session sends, as fetch saw it. */
function recordingFetch(): {
  requests: { url: string; headers: Headers }[];
  fetch: typeof fetch;
} {
  const requests: { url: string; headers: Headers }[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push({ url: String(input), headers: new Headers(init?.headers) });
      return fetch(input, init);
    },
  };
}

async function refusal(spark: SparkSession): Promise<SparkAuthenticationError> {
  try {
    const err = await spark
      .range(3)
      .count()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    if (err === undefined) throw new Error("the server accepted the call");
    const answer =
      err instanceof Error
        ? {
            name: err.name,
            message: err.message,
            errorClass: (err as SparkAuthenticationError).errorClass,
            code: (err as SparkAuthenticationError).code,
            serverClasses: (err as SparkAuthenticationError).serverClasses,
            sqlState: (err as SparkAuthenticationError).sqlState,
          }
        : err;
    // What the server itself sent: the gRPC status and any details (ErrorInfo…) with it.
    const cause = (err as Error).cause;
    const wire =
      cause instanceof ConnectError
        ? {
            code: Code[cause.code],
            message: cause.rawMessage,
            details: cause.details.map((d) => ("type" in d ? d.type : d.desc.typeName)),
          }
        : cause;
    console.log(
      `[auth] on the wire: ${JSON.stringify(wire)}; the SDK's error: ${JSON.stringify(answer)}`,
    );
    expect(err).toBeInstanceOf(SparkAuthenticationError);
    expect(cause).toBeInstanceOf(ConnectError);
    expect((cause as ConnectError).code).toBe(Code.Unauthenticated);
    return err as SparkAuthenticationError;
  } finally {
    await spark.stop().catch(() => undefined);
  }
}

describe("native gRPC (connect-node), straight to the server", () => {
  test("the right token, from the connection string, works", async () => {
    const spark = connect(`sc://127.0.0.1:${server.port}/;token=${TOKEN}`);
    try {
      expect(await spark.range(5).count()).toBe(5);
      expect(await spark.version()).toBe(server.version);
    } finally {
      await spark.stop();
    }
  });

  test("a wrong token fails at once with a SparkAuthenticationError", async () => {
    const counter = callCounter();
    const err = await refusal(
      connect(server.remote, { token: "not-the-token", interceptors: [counter.interceptor] }),
    );
    expect(err.name).toBe("SparkAuthenticationError");
    expect(err.errorClass).toBe("AUTHENTICATION_FAILED");
    expect(err.code).toBe("unauthenticated");
    expect(err.message).toMatch(/^\[AUTHENTICATION_FAILED\] .*token/i);
    expect(err.message).not.toContain("not-the-token");
    expect(err.message).not.toContain(TOKEN);
    // Not retried: one ExecutePlan, then only the best-effort housekeeping calls.
    expect(counter.calls.filter((c) => c === "ExecutePlan")).toEqual(["ExecutePlan"]);
  });

  test("a missing token fails the same way", async () => {
    const err = await refusal(connect(server.remote));
    expect(err.errorClass).toBe("AUTHENTICATION_FAILED");
    expect(err.code).toBe("unauthenticated");
    expect(err.message).toMatch(/^\[AUTHENTICATION_FAILED\] .*token/i);
  });
});

describe("gRPC-Web (connect-web on fetch) through Envoy", () => {
  test("the right token works and travels only in the authorization header", async () => {
    const recorder = recordingFetch();
    const spark = webConnect({
      baseUrl: envoy.url,
      token: TOKEN,
      fetch: recorder.fetch,
      releaseOnPageHide: false,
    });
    try {
      expect(await spark.range(5).count()).toBe(5);
    } finally {
      await spark.stop();
    }
    expect(recorder.requests.length).toBeGreaterThan(0);
    for (const { url, headers } of recorder.requests) {
      expect(url.startsWith(`${envoy.url}/spark.connect.SparkConnectService/`)).toBe(true);
      expect(url).not.toContain(TOKEN);
      expect(decodeURIComponent(url)).not.toContain(TOKEN);
      expect(headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    }
  });

  test("a wrong token fails with a SparkAuthenticationError, and is not in any URL", async () => {
    const recorder = recordingFetch();
    const err = await refusal(
      webConnect({
        baseUrl: envoy.url,
        token: "not-the-token",
        fetch: recorder.fetch,
        releaseOnPageHide: false,
      }),
    );
    expect(err.errorClass).toBe("AUTHENTICATION_FAILED");
    expect(err.code).toBe("unauthenticated");
    expect(err.message).toMatch(/^\[AUTHENTICATION_FAILED\] .*token/i);
    expect(err.message).not.toContain("not-the-token");
    expect(recorder.requests.filter((r) => r.url.endsWith("/ExecutePlan"))).toHaveLength(1);
    for (const { url } of recorder.requests) expect(url).not.toContain("not-the-token");
  });

  test("a missing token fails the same way", async () => {
    const err = await refusal(webConnect({ baseUrl: envoy.url, releaseOnPageHide: false }));
    expect(err.errorClass).toBe("AUTHENTICATION_FAILED");
    expect(err.code).toBe("unauthenticated");
  });
});
