import { existsSync } from "node:fs";
import path from "node:path";
import { ToolError } from "./errors.js";
import { pipInstallCached } from "./pip-cache.js";

/** An installed Apache Spark distribution, from PyPI's pyspark. */
export interface SparkDistribution {
  version: string;
  /** SPARK_HOME: the pyspark package folder, which carries bin/ and jars/. */
  sparkHome: string;
  /** The Spark Connect server jar, which also carries spark/connect/*.proto. */
  connectJar: string;
}

/**
 * Installs `pyspark==version` into the per-user cache once (about 460 MB) and returns its
 * Spark home. Only pyspark itself: the server needs Java and the jars, not pyspark's Python deps.
 */
export async function ensurePyspark(version: string): Promise<SparkDistribution> {
  const folder = await pipInstallCached(
    `pyspark==${version}`,
    `pyspark/${version}`,
    `Apache Spark ${version} (PyPI pyspark, about 460 MB)`,
  );
  const sparkHome = path.join(folder, "pyspark");
  const connectJar = path.join(sparkHome, "jars", `spark-connect_2.13-${version}.jar`);
  if (!existsSync(path.join(sparkHome, "bin", "spark-submit")) || !existsSync(connectJar)) {
    throw new ToolError(
      `the pyspark ${version} install in ${folder} lacks bin/spark-submit or ${path.basename(connectJar)}; delete that folder and try again`,
    );
  }
  return { version, sparkHome, connectJar };
}

/**
 * The Python packages PySpark's Connect client needs beside pyspark itself (its `connect` extra),
 * for benchmarks that run PySpark's client side by side with this SDK.
 */
const PYSPARK_CONNECT_CLIENT_DEPS = [
  "pandas>=2.2.0",
  "pyarrow>=15.0.0",
  "grpcio>=1.76.0",
  "grpcio-status>=1.76.0",
  "googleapis-common-protos>=1.71.0",
  "zstandard>=0.25.0",
  "numpy>=1.21",
  "py4j>=0.10.9.7,<0.10.9.10",
];

/**
 * Installs PySpark's Connect client dependencies into the per-user cache once (about 150 MB),
 * beside the pyspark install, and returns the PYTHONPATH that runs PySpark's client.
 */
export async function ensurePysparkClient(version: string): Promise<string> {
  const spark = await ensurePyspark(version);
  const deps = await pipInstallCached(
    PYSPARK_CONNECT_CLIENT_DEPS,
    `pyspark-client-deps/${version}`,
    `PySpark ${version}'s Connect client dependencies (pandas, pyarrow, grpcio…; about 150 MB)`,
    { deps: true },
  );
  return [path.dirname(spark.sparkHome), deps].join(path.delimiter);
}
