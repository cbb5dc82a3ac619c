/**
 * The check of the `google.protobuf.Any` a Server Library's extension carries, shared by the
 * facade methods that take one (`Column.fromExtension`, `DataFrame.fromExtension`,
 * `SparkSession.executeCommand`).
 *
 * @module
 */
import type { Any } from "@bufbuild/protobuf/wkt";
import { SparkArgumentError } from "../errors.js";

/** Throws a SparkArgumentError unless `value` is a google.protobuf.Any with a type URL. */
export function checkAny(value: unknown, what: string): asserts value is Any {
  const any = value as Partial<Any> | null;
  if (
    typeof any !== "object" ||
    any === null ||
    typeof any.typeUrl !== "string" ||
    any.typeUrl === "" ||
    !(any.value instanceof Uint8Array)
  ) {
    throw new SparkArgumentError(
      `${what} needs a google.protobuf.Any with a type URL (see packExtension)`,
      { errorClass: "INVALID_TYPE", messageParameters: { arg_name: "extension" } },
    );
  }
}
