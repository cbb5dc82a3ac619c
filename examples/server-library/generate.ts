/**
 * Generates the protobuf-es code of the example library's client package (src/gen, git-ignored)
 * from its .proto files: Spark Connect's own .proto files (which the library's messages import)
 * are extracted from the pinned Spark release into build/protos, `buf generate` runs
 * protoc-gen-es, and the imports of Spark's messages are pointed at `@spark-connect/core/proto`,
 * which exports the same generated code. Skipped when the output is up to date.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ToolError } from "../../tools/errors.js";
import { repoRoot, resolveLane } from "../../tools/paths.js";
import { ensurePyspark } from "../../tools/pyspark.js";
import { runMain } from "../../tools/run-main.js";
import { readZip } from "../../tools/zip.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const protoDir = path.join(here, "proto");
const sparkProtos = path.join(here, "build", "protos");
const outDir = path.join(here, "src", "gen");
const stampFile = path.join(outDir, ".stamp");

function inputsHash(sparkVersion: string): string {
  const h = createHash("sha256");
  h.update(`spark ${sparkVersion}\n`);
  for (const name of ["@bufbuild/buf", "@bufbuild/protoc-gen-es"]) {
    const pkg = path.join(repoRoot, "node_modules", name, "package.json");
    h.update(`${name} ${(JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version}\n`);
  }
  for (const file of readdirSync(protoDir, { recursive: true, encoding: "utf8" }).sort()) {
    if (file.endsWith(".proto")) h.update(readFileSync(path.join(protoDir, file)));
  }
  for (const file of ["generate.ts", "buf.yaml", "buf.gen.yaml"]) {
    h.update(readFileSync(path.join(here, file)));
  }
  return h.digest("hex");
}

/** protoc-gen-es's rewrite_imports prefixes the path; the core package exports all of it at one entry. */
const SPARK_IMPORT = /from "@spark-connect\/core\/proto\/spark\/connect\/[a-z_]+_pb\.js"/g;

async function main(): Promise<void> {
  const { version } = resolveLane(undefined);
  const stamp = inputsHash(version);
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp) return;
  const spark = await ensurePyspark(version);
  rmSync(sparkProtos, { recursive: true, force: true });
  for (const entry of readZip(spark.connectJar)) {
    if (!/^spark\/connect\/[^/]+\.proto$/.test(entry.name)) continue;
    const dest = path.join(sparkProtos, entry.name);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, entry.data());
  }
  const bin = path.join(repoRoot, "node_modules", ".bin");
  const r = spawnSync(path.join(bin, "buf"), ["generate", "--path", "proto/spark_connect_ts"], {
    cwd: here,
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    throw new ToolError(
      "buf generate failed (example library)",
      `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ?? ""}`,
    );
  }
  let count = 0;
  for (const rel of readdirSync(outDir, { recursive: true, encoding: "utf8" })) {
    if (!rel.endsWith("_pb.ts")) continue;
    const file = path.join(outDir, rel);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(SPARK_IMPORT, 'from "@spark-connect/core/proto"'),
    );
    count++;
  }
  if (count === 0) throw new ToolError(`buf generate wrote no _pb.ts files into ${outDir}`);
  writeFileSync(stampFile, `${stamp}\n`);
  process.stderr.write(
    `Generated the example library's protocol code (${count} file${count === 1 ? "" : "s"}) into ${path.relative(repoRoot, outDir)}\n`,
  );
}

await runMain(main);
