/**
 * Builds the example Spark Server Library's plugin (examples/server-library) for one Spark
 * release, once per machine, into the per-user cache, and says how to load it into a server.
 *
 * 1. fetches protoc and protobuf-java ({@link PROTOBUF_VERSION}) from Maven Central with `mvn`;
 * 2. derives the plugin's view of the library's .proto: fields of Spark's own messages
 *    (`spark.connect.Expression child`) become `bytes` (the same wire format), because Spark's
 *    generated classes live inside its connect jar against a shaded protobuf, which plain
 *    protobuf-java messages cannot reference; the plugin parses those bytes with Spark's classes;
 * 3. generates the Java messages with protoc, compiles them and the plugin with `javac` against
 *    the pinned pyspark's jars, and packs one jar;
 * 4. keeps the jar and protobuf-java side by side in
 *    `<cache>/example-library/<spark version>-<hash of the sources>/`: both go on `spark.jars`.
 *
 * Nothing compiled is committed; a change to the sources, this file or the Spark version builds a
 * new folder. A machine without a JDK or Maven gets one line saying what to install.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { ToolError } from "./errors.js";
import { cacheRoot, repoRoot } from "./paths.js";
import { PrerequisiteError } from "./prereqs.mjs";
import { logTail, runLogged } from "./process.js";
import { ensurePyspark } from "./pyspark.js";

/** The protobuf release whose protoc generates, and whose protobuf-java runs, the plugin's messages. */
export const PROTOBUF_VERSION = "4.29.3";

/** The example library's folder. */
export const exampleLibraryDir = path.join(repoRoot, "examples", "server-library");

const protoRoot = path.join(exampleLibraryDir, "proto");
const pluginSources = path.join(exampleLibraryDir, "plugin", "src");
const PLUGIN_PACKAGE = "org.sparkconnectts.example";

/** The plugin classes, by extension point, as Spark's `spark.connect.extensions.*` confs name them. */
export const EXAMPLE_PLUGIN_CLASSES = {
  relation: `${PLUGIN_PACKAGE}.ExampleRepeatPlugin`,
  expression: `${PLUGIN_PACKAGE}.ExampleExpressionPlugin`,
  command: `${PLUGIN_PACKAGE}.ExampleRecordNotesPlugin`,
} as const;

/** A built example library: what a Spark Connect server needs to load it. */
export interface ExampleLibraryBuild {
  /** The plugin jar and protobuf-java, for `--jars` (`spark.jars`). */
  jars: string[];
  /** The `spark.connect.extensions.{relation,expression,command}.classes` settings. */
  confs: Record<string, string>;
  /** True when this call compiled it (false: it came from the cache). */
  built: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(proto|java)$/.test(f))
    .map((f) => path.join(dir, f))
    .sort();
}

function sourcesHash(sparkVersion: string): string {
  const h = createHash("sha256");
  h.update(`spark ${sparkVersion}\nprotobuf ${PROTOBUF_VERSION}\n`);
  for (const file of [...filesUnder(protoRoot), ...filesUnder(pluginSources)]) {
    h.update(`${path.relative(exampleLibraryDir, file)}\n`);
    h.update(readFileSync(file));
  }
  h.update(readFileSync(new URL(import.meta.url)));
  return h.digest("hex").slice(0, 16);
}

function confsOf(): Record<string, string> {
  return {
    "spark.connect.extensions.relation.classes": EXAMPLE_PLUGIN_CLASSES.relation,
    "spark.connect.extensions.expression.classes": EXAMPLE_PLUGIN_CLASSES.expression,
    "spark.connect.extensions.command.classes": EXAMPLE_PLUGIN_CLASSES.command,
  };
}

/** The JDK tool `name` (javac, jar): from $JAVA_HOME/bin when set, else the PATH. */
function jdkTool(name: string): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", name) : name;
}

function checkTool(command: string, args: string[], missing: string): void {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.error || r.status !== 0) throw new PrerequisiteError(missing);
}

/**
 * Checks what building the plugin needs besides Java: a JDK (javac, jar) and Maven; throws a
 * PrerequisiteError with one line saying what to install.
 */
export function checkExampleLibraryTools(): void {
  checkTool(
    jdkTool("javac"),
    ["-version"],
    `Building the example Server Library's plugin needs a JDK 17+ (\`${jdkTool("javac")}\` could not be run): install one (e.g. \`apt-get install openjdk-17-jdk-headless\`) or point JAVA_HOME at one.`,
  );
  checkTool(
    "mvn",
    ["-v"],
    "Building the example Server Library's plugin fetches protoc and protobuf-java from Maven Central with Maven, and `mvn` could not be run: install Maven (e.g. `apt-get install maven`).",
  );
}

/** protoc's Maven classifier for this machine. */
function protocClassifier(): string {
  const osName = { linux: "linux", darwin: "osx", win32: "windows" }[process.platform as string];
  const arch = { x64: "x86_64", arm64: "aarch_64" }[process.arch as string];
  if (!osName || !arch) {
    throw new ToolError(
      `protoc has no Maven Central build for ${process.platform}/${process.arch}`,
    );
  }
  return `${osName}-${arch}`;
}

async function run(
  what: string,
  command: string,
  args: string[],
  logFile: string,
  cwd?: string,
): Promise<void> {
  const status = await runLogged(command, args, { logFile, ...(cwd ? { cwd } : {}) });
  if (status !== 0) {
    throw new ToolError(`${what} failed (full log: ${logFile})`, logTail(logFile, 30));
  }
}

/** Fetches one Maven Central artifact into `dir` (mvn's own repository caches it too). */
async function mavenArtifact(coordinates: string, dir: string, logFile: string): Promise<void> {
  await run(
    `mvn could not fetch ${coordinates}; check the network access to Maven Central`,
    "mvn",
    [
      "-q",
      "-B",
      "dependency:copy",
      `-Dartifact=${coordinates}`,
      `-DoutputDirectory=${dir}`,
      "-Dmdep.overWriteIfNewer=true",
    ],
    logFile,
    os.tmpdir(),
  );
}

/**
 * The plugin's view of one .proto file: message fields of Spark's protocol (`spark.connect.X`)
 * become `bytes`, and Spark's imports go. Field numbers and names stay, so the wire format is the
 * one clients send.
 */
export function pluginProtoView(source: string): string {
  return source
    .replace(/^import\s+"spark\/connect\/[^"]+";\s*\n/gm, "")
    .replace(/^(\s*)(repeated\s+)?\.?spark\.connect\.[A-Za-z0-9_.]+(\s+\w+\s*=)/gm, "$1$2bytes$3");
}

/**
 * Builds the example library's plugin for `sparkVersion` (a pinned pyspark, installed on first
 * use), or returns the cached build.
 */
export async function ensureExampleLibrary(sparkVersion: string): Promise<ExampleLibraryBuild> {
  const folder = path.join(
    cacheRoot(),
    "example-library",
    `${sparkVersion}-${sourcesHash(sparkVersion)}`,
  );
  const jar = path.join(folder, "spark-connect-ts-example-library.jar");
  const protobufJar = path.join(folder, `protobuf-java-${PROTOBUF_VERSION}.jar`);
  const result = (built: boolean): ExampleLibraryBuild => ({
    jars: [jar, protobufJar],
    confs: confsOf(),
    built,
  });
  if (existsSync(path.join(folder, ".built"))) return result(false);

  checkExampleLibraryTools();
  const spark = await ensurePyspark(sparkVersion);
  const staging = `${folder}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const logFile = path.join(cacheRoot(), "logs", `example-library-${sparkVersion}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  rmSync(logFile, { force: true });
  process.stderr.write(`Building the example Server Library's plugin for Spark ${sparkVersion}…\n`);
  const started = Date.now();
  try {
    const tools = path.join(cacheRoot(), "maven", `protobuf-${PROTOBUF_VERSION}`);
    const protoc = path.join(tools, `protoc-${PROTOBUF_VERSION}-${protocClassifier()}.exe`);
    const toolsJar = path.join(tools, `protobuf-java-${PROTOBUF_VERSION}.jar`);
    if (!existsSync(protoc)) {
      await mavenArtifact(
        `com.google.protobuf:protoc:${PROTOBUF_VERSION}:exe:${protocClassifier()}`,
        tools,
        logFile,
      );
    }
    if (!existsSync(toolsJar)) {
      await mavenArtifact(`com.google.protobuf:protobuf-java:${PROTOBUF_VERSION}`, tools, logFile);
    }
    spawnSync("chmod", ["+x", protoc]);

    // 2. The plugin's view of the .proto files.
    const viewDir = path.join(staging, "proto");
    const protos = filesUnder(protoRoot).filter((f) => f.endsWith(".proto"));
    for (const file of protos) {
      const dest = path.join(viewDir, path.relative(protoRoot, file));
      mkdirSync(path.dirname(dest), { recursive: true });
      writeFileSync(dest, pluginProtoView(readFileSync(file, "utf8")));
    }
    // 3. Java messages, classes, one jar.
    const javaOut = path.join(staging, "java");
    mkdirSync(javaOut);
    await run(
      "protoc (Java messages of the example library)",
      protoc,
      [`-I${viewDir}`, `--java_out=${javaOut}`, ...protos.map((f) => path.relative(protoRoot, f))],
      logFile,
      viewDir,
    );
    const classes = path.join(staging, "classes");
    const sources = [
      ...filesUnder(javaOut).filter((f) => f.endsWith(".java")),
      ...filesUnder(pluginSources).filter((f) => f.endsWith(".java")),
    ];
    const classPath = [path.join(spark.sparkHome, "jars", "*"), toolsJar].join(path.delimiter);
    await run(
      "javac (the example library's plugin)",
      jdkTool("javac"),
      ["--release", "17", "-nowarn", "-d", classes, "-cp", classPath, ...sources],
      logFile,
    );
    await run(
      "jar (the example library's plugin)",
      jdkTool("jar"),
      ["--create", "--file", path.join(staging, path.basename(jar)), "-C", classes, "."],
      logFile,
    );
    writeFileSync(path.join(staging, path.basename(protobufJar)), readFileSync(toolsJar));
    rmSync(javaOut, { recursive: true, force: true });
    rmSync(classes, { recursive: true, force: true });
    writeFileSync(path.join(staging, ".built"), `${new Date().toISOString()}\n`);
    if (existsSync(path.join(folder, ".built"))) {
      rmSync(staging, { recursive: true, force: true }); // another process finished first
    } else {
      rmSync(folder, { recursive: true, force: true });
      renameSync(staging, folder);
    }
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  process.stderr.write(
    `Built the example Server Library's plugin in ${((Date.now() - started) / 1000).toFixed(1)} s: ${folder}\n`,
  );
  return result(true);
}
