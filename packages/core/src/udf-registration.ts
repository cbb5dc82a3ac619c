import { SparkArgumentError } from "./errors.js";
import { type ActionOptions, runCommand } from "./execution.js";
import type { SessionInternals } from "./internal.js";
import { RegisterJavaFunction } from "./plan/udf.js";
import { type DataType, parseDataType } from "./types/index.js";

/**
 * Registers user-defined functions for the session (`spark.udf`). Only JVM classes the server
 * can load (its own jars, or jars uploaded with `spark.addArtifacts`): Python UDFs need a Python
 * worker running client code and are out of scope.
 */
export class UDFRegistration {
  readonly #internals: SessionInternals;

  /** @internal */
  constructor(internals: SessionInternals) {
    this.#internals = internals;
  }

  /**
   * Registers a Java UDF class (implementing `org.apache.spark.sql.api.java.UDF1`…`UDF22`) as a
   * SQL function of the session, callable from SQL and with `callFunction(name, …)`. Without
   * `returnType` (a DataType or a DDL string such as `"BIGINT"`) the server infers it from the
   * class.
   *
   * @example
   * ```ts
   * await spark.addArtifacts("/tmp/udfs.jar");
   * await spark.udf.registerJavaFunction("plus_one", "demo.PlusOne", "BIGINT");
   * await (await spark.sql("SELECT plus_one(41)")).collect(); // [Row { plus_one(41): 42n }]
   * ```
   */
  async registerJavaFunction(
    name: string,
    className: string,
    returnType?: DataType | string,
    options: ActionOptions = {},
  ): Promise<void> {
    if (
      typeof name !== "string" ||
      name === "" ||
      typeof className !== "string" ||
      className === ""
    ) {
      throw new SparkArgumentError("registerJavaFunction needs a name and a class name", {
        errorClass: "NOT_STR",
      });
    }
    const type = typeof returnType === "string" ? parseDataType(returnType) : returnType;
    await runCommand(
      this.#internals,
      new RegisterJavaFunction(name, className, type).toPlan(),
      options,
    );
  }
}
