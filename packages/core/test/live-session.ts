/** Live-test helpers: sessions on the real server started by tools/live-setup.ts. */
import { inject } from "vitest";
import { connect } from "../src/node.js";
import type { SparkSession } from "../src/session.js";

export const live = inject("live");

/** A new session on the live server (the caller stops it). */
export function liveSession(): SparkSession {
  return connect(live.remote, live.token ? { token: live.token } : {});
}

/** Runs `body` with a fresh session and stops it afterwards. */
export async function withSession<T>(body: (spark: SparkSession) => Promise<T>): Promise<T> {
  const spark = liveSession();
  try {
    return await body(spark);
  } finally {
    await spark.stop().catch(() => undefined);
  }
}

/** Plain arrays of row values, for exact comparisons. */
export function values(rows: readonly unknown[][]): unknown[][] {
  return rows.map((r) => [...r]);
}

/** The server's Spark version as [major, minor]. */
export function versionOf(v: string): [number, number] {
  const [a, b] = v.split(".").map(Number);
  return [a ?? 0, b ?? 0];
}
