/**
 * Live-test helpers for large results: a wide DataFrame derived from `range(n)`, a checksum of
 * its rows computed on the client, the same checksum computed by Spark in SQL, and a counter of
 * the RPCs a session sends.
 */
import type { Interceptor } from "@connectrpc/connect";
import { expect } from "vitest";
import type { Timestamp } from "../src/arrow/timestamp.js";
import type { DataFrame } from "../src/dataframe.js";
import type { ReleaseExecuteRequest } from "../src/gen/spark/connect/base_pb.js";
import type { Row } from "../src/row.js";
import type { SparkSession } from "../src/session.js";

const EPOCH = 1_700_000_000_000_000n;

/**
 * `range(n)` with a long, a double, a string, a decimal and a timestamp per row, each derived
 * from the id, so that every row can be checked on its own.
 */
export function wideRange(spark: SparkSession, n: number): DataFrame {
  return spark
    .range(n)
    .selectExpr(
      "id",
      "id * 0.5D AS d",
      "concat('row-', id, repeat('x', CAST(id % 7 AS INT))) AS s",
      "CAST(id / 100 AS DECIMAL(12, 2)) AS dec",
      `timestamp_micros(${EPOCH} + id * 1000003) AS ts`,
    );
}

/** An order-independent summary of the rows of {@link wideRange}. */
export interface Checksum {
  rows: number;
  sumId: string;
  sumD: number;
  sumLength: string;
  /** The decimals' unscaled values (hundredths). */
  sumDecCents: string;
  sumTsMicros: string;
}

/** The checksum Spark computes for `wideRange(spark, n)`. */
export async function sparkChecksum(df: DataFrame): Promise<Checksum> {
  const [row] = await df
    .selectExpr(
      "count(*) AS rows",
      "sum(id) AS sumId",
      "sum(d) AS sumD",
      "sum(length(s)) AS sumLength",
      "sum(CAST(dec * 100 AS BIGINT)) AS sumDecCents",
      "sum(CAST(unix_micros(ts) AS DECIMAL(38, 0))) AS sumTsMicros",
    )
    .collect();
  if (!row) throw new Error("no checksum row");
  return {
    rows: Number(row[0]),
    sumId: String(row[1]),
    sumD: Number(row[2]),
    sumLength: String(row[3]),
    sumDecCents: String(row[4]),
    sumTsMicros: String(row[5]),
  };
}

/**
 * Accumulates the checksum row by row, checking that each row is the one its id derives and that
 * no id comes twice (a bad reattach would repeat or skip responses).
 */
export class ChecksumBuilder {
  readonly #seen: Uint8Array;
  #rows = 0;
  #sumId = 0n;
  #sumD = 0;
  #sumLength = 0n;
  #sumDecCents = 0n;
  #sumTsMicros = 0n;
  #bad: string[] = [];

  constructor(expectedRows: number) {
    this.#seen = new Uint8Array(expectedRows);
  }

  add(row: Row): void {
    const id = row[0] as bigint;
    const d = row[1] as number;
    const s = row[2] as string;
    const dec = row[3] as string;
    const ts = row[4] as Timestamp;
    const i = Number(id);
    if (this.#seen[i] === 1) this.#note(`id ${id} twice`);
    this.#seen[i] = 1;
    const cents = BigInt(dec.replace(".", ""));
    const micros = ts.epochMicros;
    if (
      d !== i * 0.5 ||
      s !== `row-${id}${"x".repeat(i % 7)}` ||
      cents !== id ||
      micros !== EPOCH + id * 1000003n
    ) {
      this.#note(`row ${id} is ${JSON.stringify([d, s, dec, String(micros)])}`);
    }
    this.#rows++;
    this.#sumId += id;
    this.#sumD += d;
    this.#sumLength += BigInt(s.length);
    this.#sumDecCents += cents;
    this.#sumTsMicros += micros;
  }

  #note(problem: string): void {
    if (this.#bad.length < 5) this.#bad.push(problem);
  }

  /** Problems found (at most five), and ids missing. */
  problems(): string[] {
    const missing = this.#seen.indexOf(0);
    return missing >= 0 ? [...this.#bad, `id ${missing} missing`] : this.#bad;
  }

  result(): Checksum {
    return {
      rows: this.#rows,
      sumId: String(this.#sumId),
      sumD: this.#sumD,
      sumLength: String(this.#sumLength),
      sumDecCents: String(this.#sumDecCents),
      sumTsMicros: String(this.#sumTsMicros),
    };
  }
}

/** Asserts a client checksum equals Spark's, with no bad, repeated or missing rows. */
export function expectSameChecksum(client: ChecksumBuilder, spark: Checksum): void {
  expect(client.problems()).toEqual([]);
  expect(client.result()).toEqual(spark);
}

/** Counts of the RPCs a session sent, by kind. */
export interface RpcCounts {
  execute: number;
  reattach: number;
  releaseUntil: number;
  releaseAll: number;
  other: number;
}

/** A connect interceptor counting ExecutePlan, ReattachExecute and ReleaseExecute calls. */
export function rpcCounter(): { counts: RpcCounts; interceptor: Interceptor; reset(): void } {
  const counts: RpcCounts = { execute: 0, reattach: 0, releaseUntil: 0, releaseAll: 0, other: 0 };
  const interceptor: Interceptor = (next) => (req) => {
    switch (req.method.name) {
      case "ExecutePlan":
        counts.execute++;
        break;
      case "ReattachExecute":
        counts.reattach++;
        break;
      case "ReleaseExecute":
        if (!req.stream && (req.message as ReleaseExecuteRequest).release.case === "releaseAll") {
          counts.releaseAll++;
        } else {
          counts.releaseUntil++;
        }
        break;
      default:
        counts.other++;
    }
    return next(req);
  };
  return {
    counts,
    interceptor,
    reset() {
      for (const k of Object.keys(counts) as (keyof RpcCounts)[]) counts[k] = 0;
    },
  };
}

/** Seconds since `start` (a `performance.now()` reading), with two decimals. */
export function seconds(start: number): number {
  return Math.round((performance.now() - start) / 10) / 100;
}
