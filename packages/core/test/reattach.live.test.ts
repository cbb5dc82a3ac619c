/**
 * Reattach against a real server that ends every result stream early: a dedicated Spark Connect
 * server closes each ExecutePlan/ReattachExecute stream after 1 s or 123 bytes (so after every
 * response), and cuts Arrow batches at 1 MiB. A million rows of five types must arrive exactly
 * once, in full, through many ReattachExecute calls.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { type SparkServer, startSparkConnect } from "../../../tools/spark-server.js";
import { batchToRows } from "../src/arrow/index.js";
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

let server: SparkServer;
let spark: SparkSession;
const rpc = rpcCounter();
let expected: Checksum;

beforeAll(async () => {
  server = await startSparkConnect({
    useRemote: false,
    confs: {
      "spark.connect.execute.reattachable.senderMaxStreamDuration": "1s",
      "spark.connect.execute.reattachable.senderMaxStreamSize": "123",
      "spark.connect.grpc.arrow.maxBatchSize": "1m",
    },
  });
  spark = connect(server.remote, { interceptors: [rpc.interceptor] });
  expected = await sparkChecksum(wideRange(spark, ROWS));
  console.log(`[reattach] Spark's checksum of ${ROWS} rows: ${JSON.stringify(expected)}`);
});

afterAll(async () => {
  await spark?.stop().catch(() => undefined);
  await server?.stop();
});

test("collect() of 1,000,000 rows of five types reattaches many times and loses nothing", async () => {
  rpc.reset();
  const start = performance.now();
  const rows = await wideRange(spark, ROWS).collect();
  const took = seconds(start);
  const checksum = new ChecksumBuilder(ROWS);
  for (const row of rows) checksum.add(row);
  console.log(
    `[reattach] collect(): ${rows.length} rows in ${took} s (${Math.round(rows.length / took)} rows/s); ` +
      `ExecutePlan ${rpc.counts.execute}, ReattachExecute ${rpc.counts.reattach}, ` +
      `ReleaseExecute until ${rpc.counts.releaseUntil} / all ${rpc.counts.releaseAll}; ` +
      `checksum ${JSON.stringify(checksum.result())}`,
  );
  expect(rows).toHaveLength(ROWS);
  expectSameChecksum(checksum, expected);
  expect(rpc.counts.execute).toBe(1);
  // Every stream ends after one response, so each further response needed a reattach.
  expect(rpc.counts.reattach).toBeGreaterThanOrEqual(10);
  expect(rpc.counts.releaseUntil).toBeGreaterThan(0);
});

test("toArrowBatches() streams the same 1,000,000 rows batch by batch through reattaches", async () => {
  rpc.reset();
  const start = performance.now();
  const checksum = new ChecksumBuilder(ROWS);
  let batches = 0;
  for await (const batch of wideRange(spark, ROWS).toArrowBatches()) {
    batches++;
    for (const row of batchToRows(batch)) checksum.add(row);
  }
  const took = seconds(start);
  const { rows } = checksum.result();
  console.log(
    `[reattach] toArrowBatches(): ${rows} rows in ${batches} batches in ${took} s (${Math.round(rows / took)} rows/s); ` +
      `ExecutePlan ${rpc.counts.execute}, ReattachExecute ${rpc.counts.reattach}, ` +
      `ReleaseExecute until ${rpc.counts.releaseUntil} / all ${rpc.counts.releaseAll}`,
  );
  expectSameChecksum(checksum, expected);
  expect(batches).toBeGreaterThan(1);
  expect(rpc.counts.execute).toBe(1);
  expect(rpc.counts.reattach).toBeGreaterThanOrEqual(batches - 1);
});
