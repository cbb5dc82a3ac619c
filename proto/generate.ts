/**
 * Generates the protobuf-es code of @spark-connect/core (packages/core/src/gen) from the
 * protocol of the pinned Spark release:
 *
 * 1. installs pyspark (the pinned primary lane) into the per-user cache, once;
 * 2. extracts spark/connect/*.proto from its spark-connect_2.13-<version>.jar;
 * 3. adds google/rpc/{status,error_details}.proto from the npm package google-proto-files;
 * 4. runs `buf generate` with protoc-gen-es;
 * 5. rewrites each file's embedded descriptor from base64 into a Latin-1 string (see
 *    {@link latin1Descriptors}).
 *
 * Skipped when the output is up to date (same Spark version, generator versions and config).
 * Neither the extracted protos nor the generated code is tracked by git.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ToolError } from "../tools/errors.js";
import { repoRoot, resolveLane } from "../tools/paths.js";
import { ensurePyspark } from "../tools/pyspark.js";
import { runMain } from "../tools/run-main.js";
import { readZip } from "../tools/zip.js";

const protoDir = path.join(repoRoot, "proto");
const buildDir = path.join(protoDir, "build", "protos");
const outDir = path.join(repoRoot, "packages", "core", "src", "gen");
const stampFile = path.join(outDir, ".stamp");
const googleRpcFiles = ["google/rpc/status.proto", "google/rpc/error_details.proto"];

function packageVersion(name: string): string {
  const file = path.join(repoRoot, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

function inputsHash(sparkVersion: string): string {
  const h = createHash("sha256");
  h.update(`spark ${sparkVersion}\n`);
  for (const name of ["@bufbuild/buf", "@bufbuild/protoc-gen-es", "google-proto-files"]) {
    h.update(`${name} ${packageVersion(name)}\n`);
  }
  for (const file of ["generate.ts", "buf.yaml", "buf.gen.yaml"]) {
    h.update(readFileSync(path.join(protoDir, file)));
  }
  return h.digest("hex");
}

const FILE_DESC = /fileDesc\("([A-Za-z0-9+/]*={0,2})"/g;

/**
 * protoc-gen-es embeds each file's descriptor as base64: `fileDesc("ChpzcGFyay…", [deps])`.
 * Base64 hides the descriptors' repeated names (`spark.connect.Relation`…) from gzip, and the
 * descriptors are most of the generated code a bundle keeps. So the literal becomes the same
 * bytes as a Latin-1 string, `fileDesc(btoa("\n\u001aspark/connect/…"), [deps])`, and `btoa`
 * turns it back into the same base64 when the module loads. Minifiers print the string with
 * raw characters: the minimal browser app of bench/size.ts drops from 150.7 to 141.0 KB gzipped
 * (557.7 to 539.4 KB minified). The descriptors and messages are unchanged. The literal in the
 * generated source is ASCII (JSON escapes) and is checked to decode to the original bytes.
 *
 * Returns how many files were rewritten; throws if a generated `_pb.ts` does not have exactly one
 * base64 `fileDesc` (a protoc-gen-es upgrade that changed its output).
 */
function latin1Descriptors(dir: string): number {
  let count = 0;
  for (const rel of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (!rel.endsWith("_pb.ts")) continue;
    const file = path.join(dir, rel);
    const source = readFileSync(file, "utf8");
    const matches = [...source.matchAll(FILE_DESC)];
    if (matches.length !== 1) {
      throw new ToolError(`${rel}: expected one base64 fileDesc(…), found ${matches.length}`);
    }
    const rewritten = source.replace(FILE_DESC, (_, b64: string) => {
      const bytes = Buffer.from(b64, "base64");
      const latin1 = bytes.toString("latin1");
      const literal = JSON.stringify(latin1).replace(
        /[\u007f-\u00ff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
      );
      const decoded = Buffer.from(JSON.parse(literal) as string, "latin1");
      // protoc-gen-es leaves out the padding; btoa puts it back, which base64Decode accepts.
      const unpadded = bytes.toString("base64").replace(/=+$/, "");
      if (unpadded !== b64.replace(/=+$/, "") || !decoded.equals(bytes)) {
        throw new ToolError(`${rel}: the descriptor does not survive the Latin-1 round trip`);
      }
      return `fileDesc(/*@__PURE__*/ btoa(${literal})`;
    });
    writeFileSync(file, rewritten);
    count++;
  }
  return count;
}

async function main(): Promise<void> {
  const { version } = resolveLane(undefined);
  const stamp = inputsHash(version);
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp) {
    return; // up to date
  }
  const spark = await ensurePyspark(version);

  rmSync(buildDir, { recursive: true, force: true });
  let count = 0;
  for (const entry of readZip(spark.connectJar)) {
    if (!/^spark\/connect\/[^/]+\.proto$/.test(entry.name)) continue;
    const dest = path.join(buildDir, entry.name);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, entry.data());
    count++;
  }
  if (count === 0) {
    throw new ToolError(`${spark.connectJar} carries no spark/connect/*.proto files`);
  }
  for (const file of googleRpcFiles) {
    const dest = path.join(buildDir, file);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(
      dest,
      readFileSync(path.join(repoRoot, "node_modules", "google-proto-files", file)),
    );
  }

  const bin = path.join(repoRoot, "node_modules", ".bin");
  const r = spawnSync(path.join(bin, "buf"), ["generate"], {
    cwd: protoDir,
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    throw new ToolError(
      "buf generate failed",
      `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ?? ""}`,
    );
  }
  if (latin1Descriptors(outDir) === 0) {
    throw new ToolError(`buf generate wrote no _pb.ts files into ${outDir}`);
  }
  writeFileSync(
    path.join(outDir, "protocol.ts"),
    `// Generated by proto/generate.ts. Do not edit.\n\n/** The Spark release whose protocol this code was generated from. */\nexport const SPARK_PROTOCOL_VERSION = ${JSON.stringify(version)};\n`,
  );
  writeFileSync(stampFile, `${stamp}\n`);
  process.stderr.write(
    `Generated protocol code from Spark ${version} (${count} spark/connect protos) into ${path.relative(repoRoot, outDir)}\n`,
  );
}

await runMain(main);
