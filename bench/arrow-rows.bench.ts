/**
 * Rows per second: our columnar materialisation (`tableToRows`, `tableToColumns`) against
 * apache-arrow's own row proxies (`table.toArray()`) and their `toJSON()`, for one million rows
 * of several column types decoded from Arrow IPC, as a Spark result arrives.
 *
 *   npx tsx bench/arrow-rows.bench.ts [rows]
 *
 * Each method runs in its own process (a fresh heap: the garbage of one method's million rows
 * would otherwise slow the next one's collections) and prints the median of a few runs.
 * Numbers vary by machine; tests never time anything.
 */

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { tableFromIPC, tableToIPC } from "apache-arrow";
import {
  type ColumnDescriptor,
  Timestamp,
  tableFromRows,
  tableToColumns,
  tableToRows,
} from "../packages/core/src/arrow/index.js";

const rowCount = Number(process.argv[2] ?? 1_000_000);
const only = process.argv[3];
const runs = 5;

const columns: ColumnDescriptor[] = [
  { name: "id", type: { kind: "integer" }, nullable: false },
  { name: "amount", type: { kind: "long" }, nullable: false },
  { name: "score", type: { kind: "double" }, nullable: true },
  { name: "name", type: { kind: "string" }, nullable: true },
  { name: "active", type: { kind: "boolean" }, nullable: false },
  { name: "created", type: { kind: "timestamp" }, nullable: false },
  { name: "price", type: { kind: "decimal", precision: 12, scale: 2 }, nullable: false },
];

function makeTable() {
  const rows: unknown[][] = [];
  const base = 1_700_000_000_000_000n;
  for (let i = 0; i < rowCount; i++) {
    rows.push([
      i,
      BigInt(i) * 1000n,
      i % 10 === 0 ? null : i / 7,
      i % 13 === 0 ? null : `name-${i % 5000}`,
      i % 2 === 0,
      new Timestamp(base + BigInt(i) * 1_000_123n),
      `${i % 100000}.${String(i % 100).padStart(2, "0")}`,
    ]);
  }
  // Through IPC bytes, so the columns are laid out as a Spark result's are.
  return tableFromIPC(tableToIPC(tableFromRows(rows, columns), "stream"));
}

function measure(name: string, fn: () => unknown): void {
  const times: number[] = [];
  let size: number | string = "-";
  for (let r = 0; r < runs; r++) {
    // Only the length survives a run, so one run's result never weighs on the next.
    const start = performance.now();
    const result = fn();
    times.push(performance.now() - start);
    size = Array.isArray(result) ? result.length : "-";
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const rate = Math.round(rowCount / (median / 1000));
  console.log(
    `${name.padEnd(44)} ${median.toFixed(0).padStart(7)} ms  ${rate.toLocaleString("en-US").padStart(13)} rows/s  (${size})`,
  );
}

const methods: Record<string, (table: ReturnType<typeof makeTable>) => unknown> = {
  "tableToRows (Row objects, exact values)": (table) => tableToRows(table),
  "tableToColumns (column arrays)": (table) => tableToColumns(table).columns,
  "apache-arrow table.toArray() (row proxies)": (table) => table.toArray(),
  "apache-arrow table.toArray().map(r => r.toJSON())": (table) =>
    table.toArray().map((row) => row.toJSON()),
};

if (only === undefined) {
  const file = fileURLToPath(import.meta.url);
  for (const name of Object.keys(methods)) {
    const child = spawnSync(process.execPath, [...process.execArgv, file, String(rowCount), name], {
      stdio: "inherit",
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
} else {
  const setupStart = performance.now();
  const table = makeTable();
  if (only === Object.keys(methods)[0]) {
    console.log(
      `${rowCount.toLocaleString("en-US")} rows × ${table.numCols} columns (${table.schema.fields
        .map((f) => String(f.type))
        .join(
          ", ",
        )}); setup ${(performance.now() - setupStart).toFixed(0)} ms; median of ${runs} runs, one process per method\n`,
    );
  }
  measure(only, () => methods[only]!(table));
}
