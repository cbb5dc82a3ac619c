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
