/**
 * Analyze calls (schema, explain…) are cancelled as actions are: by `spark.stop()` and by the
 * caller's signal. The pending call is the schema of a JSON read, which the server infers by
 * scanning every row (a Spark job run while analysing), so it lasts long enough to cancel.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SparkCancelledError } from "../src/errors.js";
import type { SparkSession } from "../src/session.js";
import { liveSession } from "./live-session.js";

let spark: SparkSession;
let dir: string;
let json: string;

beforeAll(async () => {
  spark = liveSession();
  dir = mkdtempSync(path.join(os.tmpdir(), "spark-analysis-"));
  json = path.join(dir, "rows.json");
  await spark
    .range(0, 2_000_000, 1, 4)
    .selectExpr("id", "CAST(id AS STRING) AS s", "id * 2 AS d")
    .write.json(json);
}, 120_000);
afterAll(async () => {
  await spark?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits a moment: the schema inference job has started but is far from done. */
const shortly = () => new Promise((r) => setTimeout(r, 150));

test("the inferred schema, without cancellation (what the pending calls below would return)", async () => {
  const schema = await spark.read.json(json).schema();
  expect(schema.fields.map((f) => [f.name, f.dataType.simpleString()])).toEqual([
    ["d", "bigint"],
    ["id", "bigint"],
    ["s", "string"],
  ]);
});

test("stop() rejects a pending schema() with OPERATION_CANCELED caused by the stop", async () => {
  const other = liveSession();
  try {
    const pending = other.read
      .json(json)
      .schema()
      .catch((e: unknown) => e);
    await shortly();
    await other.stop();
    const err = await pending;
    expect(err).toBeInstanceOf(SparkCancelledError);
    expect((err as SparkCancelledError).name).toBe("SparkCancelledError");
    expect((err as SparkCancelledError).errorClass).toBe("OPERATION_CANCELED");
    expect((err as SparkCancelledError).message).toBe(
      "[OPERATION_CANCELED] [SESSION_STOPPED] the SparkSession was stopped",
    );
  } finally {
    await other.stop();
  }
});

test("a caller's signal rejects a pending schema(); the session goes on", async () => {
  const controller = new AbortController();
  const pending = spark.read
    .json(json)
    .schema({ signal: controller.signal })
    .catch((e: unknown) => e);
  await shortly();
  controller.abort(new Error("the user pressed Cancel"));
  const err = await pending;
  expect(err).toBeInstanceOf(SparkCancelledError);
  expect((err as SparkCancelledError).errorClass).toBe("OPERATION_CANCELED");
  expect((err as SparkCancelledError).message).toBe("[OPERATION_CANCELED] the user pressed Cancel");
  expect(await spark.range(2).count()).toBe(2);
});
