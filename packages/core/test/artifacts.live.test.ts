/**
 * Artifacts and Java UDFs against the real server: a jar compiled here with javac against the
 * lane's Spark jars, uploaded with addArtifacts, registered and called from SQL and a DataFrame.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { cacheRoot } from "../../../tools/paths.js";
import { AnalysisError } from "../src/errors.js";
import { callFunction, col } from "../src/functions/index.js";
import { live, values, withSession } from "./live-session.js";

let dir: string;
let jar: string;

/** A Java UDF (x → x * 2 + 1) and a 100 KB resource, so the jar is sent in several chunks. */
const SOURCE = `package sctest;
import org.apache.spark.sql.api.java.UDF1;
public class TwicePlusOne implements UDF1<Long, Long> {
  @Override public Long call(Long x) { return x == null ? null : x * 2 + 1; }
}
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "spark-artifacts-"));
  const version = live.pinnedVersion ?? live.version;
  const jars = path.join(cacheRoot(), "pyspark", version, "pyspark", "jars");
  const src = path.join(dir, "src", "sctest");
  mkdirSync(src, { recursive: true });
  writeFileSync(path.join(src, "TwicePlusOne.java"), SOURCE);
  const classes = path.join(dir, "classes");
  execFileSync("javac", [
    "-cp",
    path.join(jars, "*"),
    "--release",
    "17",
    "-d",
    classes,
    path.join(src, "TwicePlusOne.java"),
  ]);
  const filler = new Uint8Array(100_000);
  for (let i = 0; i < filler.length; i++) filler[i] = (i * 7919) % 251;
  writeFileSync(path.join(classes, "filler.bin"), filler);
  jar = path.join(dir, "twice-plus-one.jar");
  // -0: stored, not deflated, so the jar stays over 32 KiB.
  execFileSync("jar", ["cf0", jar, "-C", classes, "."]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test("a jar uploaded in chunks registers a Java UDF called from SQL and from a DataFrame", async () => {
  expect(readFileSync(jar).byteLength).toBeGreaterThan(64 * 1024);
  await withSession(async (spark) => {
    // Before the upload the class is unknown to the session (Spark: "Can not load class …").
    const missing = await spark.udf
      .registerJavaFunction("twice_plus_one", "sctest.TwicePlusOne", "BIGINT")
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AnalysisError);
    expect((missing as AnalysisError).errorClass).toBe("_LEGACY_ERROR_TEMP_1329");

    expect(await spark.addArtifacts(jar)).toEqual(["jars/twice-plus-one.jar"]);
    await spark.udf.registerJavaFunction("twice_plus_one", "sctest.TwicePlusOne", "BIGINT");
    const sql = await spark.sql("SELECT twice_plus_one(id) AS y FROM range(4) ORDER BY id");
    expect(values(await sql.collect())).toEqual([[1n], [3n], [5n], [7n]]);
    const df = spark.range(3).select(callFunction("twice_plus_one", col("id")).alias("y"));
    expect(values(await df.collect())).toEqual([[1n], [3n], [5n]]);
  });
});

test("small files go up in one batch under files/; a non-jar without { file } or { archive } is refused", async () => {
  await withSession(async (spark) => {
    const names = await spark.addArtifacts(
      [
        { name: "a.txt", data: new TextEncoder().encode("alpha\n") },
        { name: "b.txt", data: new TextEncoder().encode("beta\n") },
      ],
      { file: true },
    );
    expect(names).toEqual(["files/a.txt", "files/b.txt"]);
    const err = await spark
      .addArtifacts({ name: "c.txt", data: new Uint8Array(1) })
      .catch((e: unknown) => e);
    expect([(err as Error).name, (err as { errorClass?: string }).errorClass]).toEqual([
      "SparkArgumentError",
      "UNSUPPORTED_ARTIFACT",
    ]);
  });
});
