import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ToolError } from "./errors.js";

/** The repository's root folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The per-user cache for pyspark and Envoy installs, outside the checkout so that fresh clones
 * reuse it: $SPARK_CONNECT_TS_CACHE, else $XDG_CACHE_HOME/spark-connect-ts, else
 * ~/.cache/spark-connect-ts.
 */
export function cacheRoot(): string {
  const explicit = process.env.SPARK_CONNECT_TS_CACHE;
  if (explicit) return path.resolve(explicit);
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg ? path.resolve(xdg) : path.join(os.homedir(), ".cache"), "spark-connect-ts");
}

interface SparkPins {
  primary: string;
  lanes: Record<string, string>;
  /** The Sail server (PyPI pysail) and the pyspark-client it needs to report a Spark version. */
  sail?: SailPins;
}

/** The pinned Sail release and the pyspark-client installed beside it. */
export interface SailPins {
  pysail: string;
  pysparkClient: string;
}

let pins: SparkPins | undefined;

/** The Spark versions pinned in the root package.json's "spark" field (the one place they live). */
export function sparkPins(): SparkPins {
  if (!pins) {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      spark?: SparkPins;
    };
    if (!pkg.spark?.lanes?.[pkg.spark.primary]) {
      throw new ToolError('package.json lacks a valid "spark" field: { primary, lanes }');
    }
    pins = pkg.spark;
  }
  return pins;
}

/** A version lane: its name (e.g. "4.1") and the exact pinned Spark version. */
export interface SparkLane {
  lane: string;
  version: string;
}

/** Resolves a lane name (default: $SPARK_LANE, else the primary lane) to its pinned version. */
export function resolveLane(lane: string | undefined = process.env.SPARK_LANE): SparkLane {
  const { primary, lanes } = sparkPins();
  const name = lane || primary;
  const version = lanes[name];
  if (!version) {
    throw new ToolError(
      `unknown Spark lane "${name}": choose one of ${Object.keys(lanes).join(", ")}`,
    );
  }
  return { lane: name, version };
}

/** The pinned Sail versions (package.json's "spark.sail"). */
export function sailPins(): SailPins {
  const { sail } = sparkPins();
  if (!sail?.pysail || !sail.pysparkClient) {
    throw new ToolError('package.json lacks "spark.sail": { pysail, pysparkClient }');
  }
  return sail;
}

/** Which server implementation a live run uses: Apache Spark (default) or Sail. */
export type ServerKind = "spark" | "sail";

/** Resolves a server kind (default: $SPARK_SERVER, else "spark"). */
export function resolveServerKind(kind: string | undefined = process.env.SPARK_SERVER): ServerKind {
  const name = kind || "spark";
  if (name !== "spark" && name !== "sail") {
    throw new ToolError(`unknown server "${name}": choose spark or sail`);
  }
  return name;
}
