/**
 * The remote-cluster path of the quickstart, end to end in Node: a TLS-terminating,
 * token-checking gateway (tools/tls-gateway.ts, a test CA made with openssl at run time) in
 * front of the live Spark, reached with `sc://…;use_ssl=true;token=…` and the `tls.ca` option.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  makeTestCa,
  startTlsGateway,
  type TestCa,
  type TlsGateway,
} from "../../../tools/tls-gateway.js";
import { SparkAuthenticationError, type SparkError } from "../src/errors.js";
import { connect } from "../src/node.js";
import { live, values } from "./live-session.js";

const TOKEN = `gw-${randomUUID()}`;
let gateway: TlsGateway;
let otherCaDir: string;
let otherCa: TestCa;

beforeAll(async () => {
  const grpc = new URL(live.grpcUrl);
  gateway = await startTlsGateway({
    upstreamHost: grpc.hostname,
    upstreamPort: Number(grpc.port),
    token: TOKEN,
  });
  otherCaDir = mkdtempSync(path.join(os.tmpdir(), "other-ca-"));
  otherCa = makeTestCa(otherCaDir, "other");
});

afterAll(async () => {
  await gateway?.stop();
  if (otherCaDir) rmSync(otherCaDir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<SparkError> {
  try {
    await promise;
  } catch (err) {
    return err as SparkError;
  }
  throw new Error("expected a failure");
}

test("use_ssl=true with a token and the gateway's CA runs queries through the gateway", async () => {
  const spark = connect(`${gateway.remote};token=${TOKEN}`, { tls: { ca: gateway.ca.caPem } });
  try {
    expect(await spark.version()).toBe(live.version);
    const df = await spark.sql("SELECT id, id * id AS sq FROM range(3)");
    expect(values(await df.collect())).toEqual([
      [0n, 0n],
      [1n, 1n],
      [2n, 4n],
    ]);
    // A result of many batches streams through the gateway intact.
    const [row] = await spark.range(0, 200_000).selectExpr("count(*)", "sum(id)").collect();
    expect([...(row ?? [])]).toEqual([200_000n, 19_999_900_000n]);
  } finally {
    await spark.stop();
  }
});

test("the gateway refuses a wrong token with a typed authentication error", async () => {
  const spark = connect(`${gateway.remote};token=not-the-token`, {
    tls: { ca: gateway.ca.caPem },
  });
  try {
    const err = await failure(spark.sql("SELECT 1"));
    expect(err).toBeInstanceOf(SparkAuthenticationError);
    expect(err.name).toBe("SparkAuthenticationError");
    expect(err.errorClass).toBe("AUTHENTICATION_FAILED");
    expect(`${err.message}\n${err.stack}`).not.toContain("not-the-token");
  } finally {
    await spark.stop().catch(() => undefined);
  }
});

/** The `code`s along an error's cause chain (Node puts the TLS verdict there). */
function causeCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (typeof e.code === "string") codes.push(e.code);
  }
  return codes;
}

// A certificate the client does not trust is a permanent failure: typed, never retried, at once.
test("a certificate that the trusted CA did not sign fails at once, typed TLS_HANDSHAKE_FAILED", async () => {
  // Another test CA, and Node's built-in roots (no tls option): neither signed the gateway's.
  for (const tls of [{ ca: otherCa.caPem }, undefined]) {
    const spark = connect(`${gateway.remote};token=${TOKEN}`, tls ? { tls } : {});
    try {
      const started = Date.now();
      const err = await failure(spark.sql("SELECT 1"));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(err.name).toBe("SparkConnectionError");
      expect(err.errorClass).toBe("TLS_HANDSHAKE_FAILED");
      expect(err.message).toBe(
        "[TLS_HANDSHAKE_FAILED] the TLS handshake failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate). Check that the server speaks TLS on this port and that its certificate is trusted (its CA) and names this host",
      );
      expect(causeCodes(err)).toContain("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
      expect(`${err.message}\n${err.stack}\n${inspect(err, { depth: 5 })}`).not.toContain(TOKEN);
    } finally {
      await spark.stop().catch(() => undefined);
    }
  }
});
