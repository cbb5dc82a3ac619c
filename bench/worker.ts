/**
 * One measurement of `npm run bench`, in its own process (a fresh heap, and a peak RSS that is
 * this measurement's alone). Prints one JSON line: `{ ms, rows, bytes?, peakRssBytes, … }`.
 *
 *   npx tsx bench/worker.ts <method> <grpcUrl|envoyUrl> <rows>
 *
 * Methods: `toArrow`, `toArrowSmall` (toArrow of 1,024-row batches, as Sail sends them),
 * `collect`, `batches` (toArrowBatches, each batch dropped), `iterator`
 * (toLocalIterator), `slowBatches` (toArrowBatches with 20 ms of work per batch, to show
 * back-pressure), `raw` (ExecutePlan drained with connect-node, bytes counted, nothing decoded),
 * `toArrowWeb` (toArrow over gRPC-Web through Envoy, the browser build's path in Node),
 * `latency` / `latencyWeb` (`SELECT 1` collect, sequentially; the second through Envoy's
 * gRPC-Web).
 */
import { create } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import {
  ExecutePlanRequestSchema,
  SparkConnectService,
} from "../packages/core/src/gen/spark/connect/base_pb.js";
import { SparkSession } from "../packages/core/src/index.js";
import { connect, createSparkGrpcTransport } from "../packages/core/src/node.js";
import { benchQuery } from "./query.js";

const [method, urlArg, rowsArg] = process.argv.slice(2);
if (!method || !urlArg) throw new Error("usage: worker.ts <method> <url> <rows>");
const url: string = urlArg;
const rows = Number(rowsArg ?? 0);

function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

async function main(): Promise<Record<string, unknown>> {
  if (method === "toArrowWeb") {
    // The browser build's path, in Node: gRPC-Web through Envoy.
    const spark = SparkSession.create({ transport: createGrpcWebTransport({ baseUrl: url }) });
    try {
      await (await spark.sql("SELECT 1")).collect();
      const started = performance.now();
      const count = (await (await spark.sql(benchQuery(rows))).toArrow()).numRows;
      const ms = performance.now() - started;
      if (count !== rows) throw new Error(`toArrowWeb returned ${count} rows, expected ${rows}`);
      return { ms, rows: count, peakRssBytes: peakRss() };
    } finally {
      await spark.stop();
    }
  }
  if (method === "latencyWeb") {
    const spark = SparkSession.create({
      transport: createGrpcWebTransport({ baseUrl: url }),
    });
    return latency(spark);
  }
  const spark = connect(url.replace(/^http:\/\//, "sc://"));
  try {
    if (method === "latency") return await latency(spark);
    // Session set-up (the first call's config round trips) is not part of the figure.
    await (await spark.sql("SELECT 1")).collect();
    if (method === "toArrowSmall") {
      // Batches of 1,024 rows, as Sail sends them (Spark's default is 10,000).
      await spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1024");
    }
    const started = performance.now();
    const df = await spark.sql(benchQuery(rows));
    let count = 0;
    let bytes = 0;
    let batches = 0;
    let maxLiveBytes = 0;
    switch (method) {
      case "toArrow":
      case "toArrowSmall": {
        const table = await df.toArrow();
        count = table.numRows;
        break;
      }
      case "collect":
        count = (await df.collect()).length;
        break;
      case "iterator":
        for await (const _row of df.toLocalIterator()) count++;
        break;
      case "batches":
      case "slowBatches":
        for await (const batch of df.toArrowBatches()) {
          count += batch.numRows;
          batches++;
          if (method === "slowBatches") {
            await new Promise((r) => setTimeout(r, 20));
            maxLiveBytes = Math.max(maxLiveBytes, process.memoryUsage().arrayBuffers);
          }
        }
        break;
      case "raw": {
        const client = createClient(
          SparkConnectService,
          createSparkGrpcTransport({ baseUrl: url }),
        );
        const request = create(ExecutePlanRequestSchema, {
          sessionId: spark.sessionId,
          userContext: { userId: "" },
          clientType: "bench-raw-drain",
          plan: df.toPlan(),
        });
        for await (const r of client.executePlan(request)) {
          if (r.responseType.case === "arrowBatch") {
            bytes += r.responseType.value.data.byteLength;
            count += Number(r.responseType.value.rowCount);
            batches++;
          }
        }
        break;
      }
      default:
        throw new Error(`unknown method ${method}`);
    }
    const ms = performance.now() - started;
    if (count !== rows) throw new Error(`${method} returned ${count} rows, expected ${rows}`);
    return {
      ms,
      rows: count,
      peakRssBytes: peakRss(),
      ...(bytes ? { bytes } : {}),
      ...(batches ? { batches } : {}),
      ...(maxLiveBytes ? { maxArrayBufferBytes: maxLiveBytes } : {}),
    };
  } finally {
    await spark.stop();
  }
}

async function latency(spark: SparkSession): Promise<Record<string, unknown>> {
  try {
    const n = rows || 200;
    for (let i = 0; i < 20; i++) await (await spark.sql("SELECT 1")).collect();
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await (await spark.sql("SELECT 1")).collect();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), calls: n };
  } finally {
    await spark.stop();
  }
}

main().then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
