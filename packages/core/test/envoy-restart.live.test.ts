/**
 * The proxy goes away mid-stream: a large result streams through an Envoy on a fixed port; after
 * the first batches that Envoy is stopped, which cuts the stream, and a new Envoy is started on
 * the same port a little later. The client must retry through the outage and reattach through
 * the new Envoy, and the result must be exact. Over gRPC-Web (connect-web on Node's fetch, as a
 * browser would) and over native gRPC (connect-node, h2c to Envoy).
 */
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type EnvoyProxy, startEnvoy } from "../../../tools/envoy.js";
import { freePort, sleep } from "../../../tools/process.js";
import { type SparkServer, startSparkConnect } from "../../../tools/spark-server.js";
import { connect as webConnect } from "../../web/src/connect.js";
import { batchToRows } from "../src/arrow/index.js";
import type { RetryEvent } from "../src/client/client.js";
import { connect } from "../src/node.js";
import type { SparkSession } from "../src/session.js";
import {
  type Checksum,
  ChecksumBuilder,
  expectSameChecksum,
  rpcCounter,
  seconds,
  sparkChecksum,
  wideRange,
} from "./result-checksum.js";

const ROWS = 1_000_000;
/** How long the proxy stays down before the new one starts. */
const OUTAGE_MS = 1_500;

let server: SparkServer;
let envoy: EnvoyProxy | undefined;
let port: number;
let expected: Checksum;

const envoyOptions = () => ({
  upstreamHost: server.host,
  upstreamPort: server.port,
  listenPort: port,
});

beforeAll(async () => {
  server = await startSparkConnect({
    useRemote: false,
    confs: {
      "spark.connect.grpc.arrow.maxBatchSize": "1m",
      // The replay buffer stays at its default (10 MiB): envoy.yaml keeps what Envoy holds in
      // flight below it, so nothing the dead Envoy swallowed is lost.
    },
  });
  port = await freePort();
  envoy = await startEnvoy(envoyOptions());
  const spark = connect(server.remote);
  try {
    expected = await sparkChecksum(wideRange(spark, ROWS));
  } finally {
    await spark.stop();
  }
});

afterAll(async () => {
  await envoy?.stop();
  await server?.stop();
});

type Phase = "before" | "down" | "after";

/** One call as the client saw it: when it started, and how it went. */
interface CallRecord {
  phase: Phase;
  method: string;
  /** "ok", or the error (code and message) of the call or of its stream. */
  outcome: string;
}

/**
 * Streams the wide result through the Envoy on `port`, stopping that Envoy after the third batch
 * and starting a new one on the same port {@link OUTAGE_MS} later.
 */
async function streamAcrossRestart(
  label: string,
  session: (interceptors: Interceptor[], onRetry: (e: RetryEvent) => void) => SparkSession,
): Promise<void> {
  let phase: Phase = "before";
  const calls: CallRecord[] = [];
  const failed = (err: unknown) => {
    const e = ConnectError.from(err);
    return `${Code[e.code]}: ${e.rawMessage}`;
  };
  // Records every call, and the error that ends a stream (a cut never reaches the call's promise).
  const recorder: Interceptor = (next) => async (req) => {
    const record: CallRecord = { phase, method: req.method.name, outcome: "pending" };
    calls.push(record);
    let res: Awaited<ReturnType<typeof next>>;
    try {
      res = await next(req);
    } catch (err) {
      record.outcome = failed(err);
      throw err;
    }
    record.outcome = "ok";
    if (!res.stream) return res;
    const message = res.message;
    return {
      ...res,
      message: (async function* () {
        try {
          yield* message;
        } catch (err) {
          record.outcome = `stream broke (${phase}): ${failed(err)}`;
          throw err;
        }
      })(),
    };
  };
  const rpc = rpcCounter();
  const retries: RetryEvent[] = [];
  const spark = session([rpc.interceptor, recorder], (e) => retries.push(e));
  try {
    const checksum = new ChecksumBuilder(ROWS);
    let batches = 0;
    let restart: Promise<void> | undefined;
    let downAt = 0;
    let upAt = 0;
    const start = performance.now();
    for await (const batch of wideRange(spark, ROWS).toArrowBatches()) {
      batches++;
      for (const row of batchToRows(batch)) checksum.add(row);
      if (batches === 3) {
        // The stream is still open (the server's default stream limits are 2 min and 1 GiB):
        // stopping Envoy now cuts it.
        await envoy?.stop();
        envoy = undefined;
        phase = "down";
        downAt = performance.now();
        restart = sleep(OUTAGE_MS)
          .then(() => startEnvoy(envoyOptions()))
          .then((e) => {
            envoy = e;
            phase = "after";
            upAt = performance.now();
          });
      }
    }
    const took = seconds(start);
    await restart;
    const { rows } = checksum.result();
    const broken = calls.filter((c) => c.outcome.startsWith("stream broke"));
    const refused = calls.filter((c) => c.phase === "down" && !c.outcome.startsWith("ok"));
    const reattachedAfter = calls.filter(
      (c) => c.phase === "after" && c.method === "ReattachExecute" && c.outcome === "ok",
    );
    console.log(
      `[envoy-restart/${label}] ${rows} rows in ${batches} batches in ${took} s (${Math.round(rows / took)} rows/s); ` +
        `Envoy down ${((upAt - downAt) / 1000).toFixed(2)} s; ExecutePlan ${rpc.counts.execute}, ` +
        `ReattachExecute ${rpc.counts.reattach} (${reattachedAfter.length} answered by the new Envoy), ` +
        `ReleaseExecute until ${rpc.counts.releaseUntil} / all ${rpc.counts.releaseAll}; ` +
        `cut: ${JSON.stringify(broken.map((c) => `${c.method} ${c.outcome}`))}; ` +
        `failed while down: ${refused.length} (${[...new Set(refused.map((c) => c.outcome))].join("; ")}); ` +
        `onRetry: ${retries.map((e) => `#${e.attempt} ${e.error.errorClass} wait ${e.delayMs} ms`).join(", ")}; ` +
        `checksum ${JSON.stringify(checksum.result())}`,
    );
    expectSameChecksum(checksum, expected);
    expect(rpc.counts.execute).toBe(1);
    // The stop broke the running stream…
    expect(broken.length).toBeGreaterThan(0);
    // …the client retried while nothing listened on the port…
    expect(refused.some((c) => c.method === "ReattachExecute")).toBe(true);
    // …and resumed with a reattach through the new Envoy.
    expect(reattachedAfter.length).toBeGreaterThan(0);
    // The session's onRetry saw each of those waits, as connection errors of this operation.
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]?.attempt).toBe(1);
    for (const e of retries) {
      expect(e.error.errorClass).toMatch(/^CONNECTION_/);
      expect(e.operationId).toMatch(/^[0-9a-f-]{36}$/);
    }
  } finally {
    await spark.stop().catch(() => undefined);
  }
}

test("gRPC-Web: a result keeps streaming across an Envoy restart, retried, reattached, exact", async () => {
  const urls: string[] = [];
  await streamAcrossRestart("grpc-web", (interceptors, onRetry) =>
    webConnect({
      baseUrl: `http://127.0.0.1:${port}`,
      interceptors,
      onRetry,
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
      releaseOnPageHide: false,
    }),
  );
  // Every call went to the one fixed address.
  expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(
    new Set([`http://127.0.0.1:${port}`]),
  );
});

test("native gRPC: the same across an Envoy restart", async () => {
  await streamAcrossRestart("grpc", (interceptors, onRetry) =>
    connect(`sc://127.0.0.1:${port}`, { interceptors, onRetry }),
  );
});
