/**
 * Proof that the pipes carry real calls: the generated SparkConnectService client reaches the real
 * server over native gRPC and through Envoy over gRPC-Web, CORS answers as configured, and a dead
 * upstream fails fast with Unavailable.
 */
import { randomUUID } from "node:crypto";
import { Code, ConnectError, createClient, type Transport } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startEnvoy } from "../../../tools/envoy.js";
import { freePort } from "../../../tools/process.js";
import { SparkConnectService } from "../src/gen/spark/connect/base_pb.js";

const live = inject("live");
const METHOD = "/spark.connect.SparkConnectService/AnalyzePlan";

async function sparkVersion(transport: Transport, timeoutMs = 30_000): Promise<string> {
  const client = createClient(SparkConnectService, transport);
  const headers: Record<string, string> = live.token
    ? { authorization: `Bearer ${live.token}` }
    : {};
  const response = await client.analyzePlan(
    {
      sessionId: randomUUID(),
      userContext: { userId: "pipes-test" },
      clientType: "spark-connect-ts/test",
      analyze: { case: "sparkVersion", value: {} },
    },
    { timeoutMs, headers },
  );
  expect(response.result.case).toBe("sparkVersion");
  return response.result.case === "sparkVersion" ? response.result.value.version : "";
}

test("the server reports the pinned Spark version over native gRPC (connect-node)", async () => {
  const version = await sparkVersion(createGrpcTransport({ baseUrl: live.grpcUrl }));
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
  expect(version).toBe(live.pinnedVersion ?? live.version);
});

test("the same call through Envoy over gRPC-Web (connect-web on Node's fetch) gets the same answer", async () => {
  const transport = createGrpcWebTransport({ baseUrl: live.envoyUrl, useBinaryFormat: true });
  expect(await sparkVersion(transport)).toBe(live.pinnedVersion ?? live.version);
});

describe("CORS", () => {
  const preflight = (origin: string) =>
    fetch(live.envoyUrl + METHOD, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-grpc-web,x-user-agent,authorization",
      },
    });

  test("a preflight from an allowed origin gets the allow headers", async () => {
    const origin = live.allowedOrigins[1] ?? "";
    const r = await preflight(origin);
    expect(r.status).toBeLessThan(300);
    expect(r.headers.get("access-control-allow-origin")).toBe(origin);
    const allowed = (r.headers.get("access-control-allow-headers") ?? "").split(",");
    expect(allowed).toEqual(
      expect.arrayContaining(["content-type", "x-grpc-web", "x-user-agent", "authorization"]),
    );
    expect(r.headers.get("access-control-allow-methods")).toContain("POST");
  });

  test("a preflight from another origin gets no allow headers", async () => {
    const r = await preflight("http://evil.test:4173");
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
    expect(r.headers.get("access-control-allow-headers")).toBeNull();
  });

  test("an allowed cross-origin call exposes the gRPC status headers", async () => {
    const origin = live.allowedOrigins[0] ?? "";
    const r = await fetch(live.envoyUrl + METHOD, {
      method: "POST",
      headers: { Origin: origin, "content-type": "application/grpc-web+proto", "x-grpc-web": "1" },
      // An empty frame: the server answers with a gRPC error, which is what we want to see.
      body: new Uint8Array([0, 0, 0, 0, 0]),
    });
    expect(r.headers.get("access-control-allow-origin")).toBe(origin);
    const exposed = (r.headers.get("access-control-expose-headers") ?? "").split(",");
    expect(exposed).toEqual(
      expect.arrayContaining(["grpc-status", "grpc-message", "grpc-status-details-bin"]),
    );
    await r.arrayBuffer();
  });
});

describe("an Envoy whose upstream is down", () => {
  let envoy: Awaited<ReturnType<typeof startEnvoy>>;
  beforeAll(async () => {
    // A port nothing listens on.
    envoy = await startEnvoy({ upstreamHost: "127.0.0.1", upstreamPort: await freePort() });
  });
  afterAll(async () => {
    await envoy?.stop();
  });

  test("fails the call with Unavailable, not a hang", async () => {
    const transport = createGrpcWebTransport({ baseUrl: envoy.url, useBinaryFormat: true });
    const err = await sparkVersion(transport, 60_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectError);
    // Unavailable is Envoy's own answer; a hang would have ended in DeadlineExceeded.
    expect((err as ConnectError).code, (err as ConnectError).message).toBe(Code.Unavailable);
  });
});
