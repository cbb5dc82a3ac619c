/**
 * `npm run bench`: this SDK beside PySpark's Connect client and beside a raw drain of the same
 * ExecutePlan stream, on one local Spark Connect server (and an Envoy in front of it for the
 * gRPC-Web figure). Prints one table of medians, spreads, peak RSS and ratios.
 *
 *   npm run bench -- [--rows 1e5,1e6,1e7] [--rounds 3] [--calls 200] [--lane 4.1]
 *                    [--driver-memory 2g] [--conf key=value]… [--only toArrow,raw,…]
 *
 * Work names for --only: raw, toArrow, pyToArrow, toArrowSmall, batches, slowBatches, iterator,
 * collect, pyCollect, latency, browser.
 *
 * Every measurement runs in a fresh process (its own heap and peak RSS) and times only the action
 * (`spark.sql(query)` plus the result), after one `SELECT 1` has set the session up. The clients
 * alternate within each round, so a noisy machine slows them alike; ratios are within one run.
 * Nothing here is asserted: tests never time anything.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { build, preview } from "vite";
import { startEnvoy } from "../tools/envoy.js";
import { repoRoot, resolveLane } from "../tools/paths.js";
import { checkChromium } from "../tools/prereqs.mjs";
import { freePort } from "../tools/process.js";
import { ensurePysparkClient } from "../tools/pyspark.js";
import { startSparkConnect } from "../tools/spark-server.js";
import { benchQuery } from "./query.js";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1e5,1e6,1e7" },
    rounds: { type: "string", default: "3" },
    calls: { type: "string", default: "200" },
    lane: { type: "string" },
    "driver-memory": { type: "string", default: "2g" },
    conf: { type: "string", multiple: true },
    only: { type: "string" },
    "browser-rows": { type: "string", default: "1e6" },
  },
});

const sizes = values.rows.split(",").map((s) => Number(s));
const rounds = Number(values.rounds);
const calls = Number(values.calls);
const only = values.only ? new Set(values.only.split(",")) : undefined;
const confs = Object.fromEntries((values.conf ?? []).map((kv) => kv.split(/=(.*)/s, 2)));

interface Sample {
  ms?: number;
  rows?: number;
  bytes?: number;
  batches?: number;
  peakRssBytes?: number;
  maxArrayBufferBytes?: number;
  p50?: number;
  p95?: number;
  error?: string;
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Sample);
      else
        resolve({
          error: (err.trim().split("\n").slice(-3).join(" | ") || `exit ${code}`).slice(0, 300),
        });
    });
  });
}

const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
const worker = path.join(repoRoot, "bench", "worker.ts");
const pyWorker = path.join(repoRoot, "bench", "pyspark_worker.py");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const fmtMs = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
const fmtMb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const lane = resolveLane(values.lane);
  process.stderr.write(`[bench] Spark ${lane.version}, driver ${values["driver-memory"]}\n`);
  const pythonPath = await ensurePysparkClient(lane.version);
  const python = process.env.PYTHON ?? "python3";
  const pagePort = await freePort();
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  const spark = await startSparkConnect({
    lane: lane.lane,
    driverMemory: values["driver-memory"],
    confs,
    useRemote: false,
  });
  const envoy = await startEnvoy({
    upstreamHost: spark.host,
    upstreamPort: spark.port,
    allowedOrigins: [pageOrigin],
  });
  const pyEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PYTHONPATH: pythonPath,
    PYTHONDONTWRITEBYTECODE: "1",
  };
  delete pyEnv.SPARK_REMOTE;
  delete pyEnv.SPARK_HOME;
  const sdk = (method: string, rows: number, url = spark.baseUrl) =>
    run(process.execPath, [tsx, worker, method, url, String(rows)]);
  const py = (method: string, rows: number) =>
    run(python, [pyWorker, method, spark.remote, String(rows), benchQuery(rows)], pyEnv);

  const methods: [string, (rows: number) => Promise<Sample>][] = [
    ["raw drain", (n) => sdk("raw", n)],
    ["SDK toArrow", (n) => sdk("toArrow", n)],
    ["PySpark toArrow", (n) => py("toArrow", n)],
    ["SDK toArrow, 1,024-row batches", (n) => sdk("toArrowSmall", n)],
    ["SDK batches", (n) => sdk("batches", n)],
    ["SDK slow batches", (n) => sdk("slowBatches", n)],
    ["SDK toLocalIterator", (n) => sdk("iterator", n)],
    ["SDK collect", (n) => sdk("collect", n)],
    ["PySpark collect", (n) => py("collect", n)],
  ];
  const keys: Record<string, string> = {
    "raw drain": "raw",
    "SDK toArrow": "toArrow",
    "PySpark toArrow": "pyToArrow",
    "SDK toArrow, 1,024-row batches": "toArrowSmall",
    "SDK batches": "batches",
    "SDK slow batches": "slowBatches",
    "SDK toLocalIterator": "iterator",
    "SDK collect": "collect",
    "PySpark collect": "pyCollect",
  };
  const lines: string[] = [];
  try {
    for (const rows of only && !methods.some(([n]) => only.has(keys[n] as string)) ? [] : sizes) {
      const results = new Map<string, Sample[]>();
      // One unrecorded pass warms the server (code generation, JIT) for this size.
      await sdk("raw", rows);
      for (let r = 0; r < rounds; r++) {
        for (const [name, fn] of methods) {
          if (only && !only.has(keys[name] as string)) continue;
          // Materialising 1e7 Row objects is not a dashboard's use; both collects stop at 1e6.
          if (rows > 1e6 && (name.endsWith("collect") || name.includes("slow"))) continue;
          const s = await fn(rows);
          process.stderr.write(
            `[bench] ${rows} ${name} round ${r + 1}: ${s.error ?? `${fmtMs(s.ms ?? 0)}, peak ${fmtMb(s.peakRssBytes ?? 0)}`}\n`,
          );
          results.set(name, [...(results.get(name) ?? []), s]);
        }
      }
      lines.push(...table(rows, results));
    }
    if (!only || only.has("latency")) lines.push(...(await latencyTable(sdk, py, envoy.url)));
    if (!only || only.has("browser")) {
      lines.push(...(await browserTable(Number(values["browser-rows"]), envoy.url, pagePort, sdk)));
    }
  } finally {
    await envoy.stop();
    await spark.stop();
  }
  process.stdout.write(`\n${lines.join("\n")}\n`);
}

function table(rows: number, results: Map<string, Sample[]>): string[] {
  const ok = (name: string) => (results.get(name) ?? []).filter((s) => s.ms !== undefined);
  const med = (name: string) => {
    const xs = ok(name).map((s) => s.ms as number);
    return xs.length ? median(xs) : undefined;
  };
  const raw = med("raw drain");
  const pyArrow = med("PySpark toArrow");
  const pyCollect = med("PySpark collect");
  const out = [
    "",
    `${rows.toExponential(0)} rows of (bigint, double, string, decimal(18,2), timestamp), ${rounds} rounds`,
    "| work | median | spread | rows/s | peak RSS | ÷ raw drain | ÷ PySpark toArrow | ÷ PySpark collect |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const [name, samples] of results) {
    const good = ok(name);
    if (good.length === 0) {
      out.push(`| ${name} | failed: ${samples[0]?.error ?? "?"} | | | | | | |`);
      continue;
    }
    const ms = good.map((s) => s.ms as number);
    const m = median(ms);
    const rss = median(good.map((s) => s.peakRssBytes ?? 0));
    const ratio = (base: number | undefined) => (base ? (m / base).toFixed(2) : "-");
    const extra = good[0]?.maxArrayBufferBytes
      ? ` (live Arrow buffers ≤ ${fmtMb(Math.max(...good.map((s) => s.maxArrayBufferBytes ?? 0)))})`
      : "";
    out.push(
      `| ${name} | ${fmtMs(m)} | ${fmtMs(Math.min(...ms))}–${fmtMs(Math.max(...ms))} | ${Math.round((rows / m) * 1000).toLocaleString("en")} | ${fmtMb(rss)}${extra} | ${ratio(raw)} | ${ratio(pyArrow)} | ${ratio(pyCollect)} |`,
    );
  }
  return out;
}

async function latencyTable(
  sdk: (method: string, rows: number, url?: string) => Promise<Sample>,
  py: (method: string, rows: number) => Promise<Sample>,
  envoyUrl: string,
): Promise<string[]> {
  const rows: [string, Sample][] = [];
  for (let r = 0; r < Math.max(1, Math.min(rounds, 2)); r++) {
    rows.push(["SDK, native gRPC", await sdk("latency", calls)]);
    rows.push(["PySpark", await py("latency", calls)]);
    rows.push(["SDK, gRPC-Web through Envoy", await sdk("latencyWeb", calls, envoyUrl)]);
  }
  const by = new Map<string, Sample[]>();
  for (const [name, s] of rows) by.set(name, [...(by.get(name) ?? []), s]);
  const pyP50 = median((by.get("PySpark") ?? []).map((s) => s.p50 ?? Number.NaN));
  const out = [
    "",
    `\`SELECT 1\` collect, ${calls} sequential calls after 20 warm-up calls (medians over runs)`,
    "| client | p50 | p95 | p50 ÷ PySpark |",
    "|---|---|---|---|",
  ];
  for (const [name, samples] of by) {
    const good = samples.filter((s) => s.p50 !== undefined);
    if (good.length === 0) {
      out.push(`| ${name} | failed: ${samples[0]?.error ?? "?"} | | |`);
      continue;
    }
    const p50 = median(good.map((s) => s.p50 as number));
    const p95 = median(good.map((s) => s.p95 as number));
    out.push(
      `| ${name} | ${p50.toFixed(1)} ms | ${p95.toFixed(1)} ms | ${(p50 / pyP50).toFixed(2)} |`,
    );
  }
  return out;
}

/**
 * The browser figure: the bench page (bench/browser, built for production by Vite) in Debian's
 * Chromium through Envoy, beside the same web build's transport in Node through the same Envoy.
 */
async function browserTable(
  rows: number,
  envoyUrl: string,
  pagePort: number,
  sdk: (method: string, rows: number, url?: string) => Promise<Sample>,
): Promise<string[]> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "spark-connect-bench-page-"));
  const root = path.join(repoRoot, "bench", "browser");
  await build({ root, logLevel: "error", build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    logLevel: "error",
    build: { outDir },
    preview: { host: "127.0.0.1", port: pagePort, strictPort: true },
  });
  const browser = await chromium.launch({
    executablePath: checkChromium(),
    args: ["--disable-gpu"],
  });
  const results = new Map<string, Sample[]>();
  const add = (name: string, s: Sample) => results.set(name, [...(results.get(name) ?? []), s]);
  try {
    await sdk("toArrowWeb", rows, envoyUrl); // warms the server for this size, unrecorded
    for (let r = 0; r < rounds; r++) {
      for (const mode of ["toArrow", "batches"] as const) {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${pagePort}/`);
        const s = (await page.evaluate(
          ([proxy, query, m]) =>
            window.runBench(proxy as string, query as string, m as "toArrow" | "batches"),
          [envoyUrl, benchQuery(rows), mode],
        )) as Sample & { longTasks: number; longestTaskMs: number };
        await page.close();
        process.stderr.write(
          `[bench] browser ${mode} round ${r + 1}: ${fmtMs(s.ms ?? 0)}, longest task ${s.longestTaskMs.toFixed(0)} ms\n`,
        );
        add(`Chromium ${mode}`, s);
      }
      const node = await sdk("toArrowWeb", rows, envoyUrl);
      process.stderr.write(
        `[bench] node gRPC-Web toArrow round ${r + 1}: ${node.error ?? fmtMs(node.ms ?? 0)}\n`,
      );
      add("Node, same web transport, toArrow", node);
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
  const nodeMs = median(
    (results.get("Node, same web transport, toArrow") ?? []).map((s) => s.ms ?? Number.NaN),
  );
  const out = [
    "",
    `Browser: ${rows.toExponential(0)} rows through Envoy, ${rounds} rounds`,
    "| work | median | rows/s | ÷ Node rows/s | long tasks (max over runs) | longest task |",
    "|---|---|---|---|---|---|",
  ];
  for (const [name, samples] of results) {
    const good = samples.filter((s) => s.ms !== undefined) as (Sample & {
      longTasks?: number;
      longestTaskMs?: number;
    })[];
    if (good.length === 0) {
      out.push(`| ${name} | failed: ${samples[0]?.error ?? "?"} | | | | |`);
      continue;
    }
    const m = median(good.map((s) => s.ms as number));
    const tasks =
      good[0]?.longTasks === undefined
        ? "-"
        : String(Math.max(...good.map((s) => s.longTasks ?? 0)));
    const longest =
      good[0]?.longestTaskMs === undefined
        ? "-"
        : `${Math.max(...good.map((s) => s.longestTaskMs ?? 0)).toFixed(0)} ms`;
    out.push(
      `| ${name} | ${fmtMs(m)} | ${Math.round((rows / m) * 1000).toLocaleString("en")} | ${(nodeMs / m).toFixed(2)} | ${tasks} | ${longest} |`,
    );
  }
  return out;
}

main().catch((err) => {
  process.stderr.write(`\nerror: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
