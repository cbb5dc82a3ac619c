import { fromJson } from "@bufbuild/protobuf";
import { expect, test } from "vitest";
import { SparkArgumentError } from "../errors.js";
import { DataTypeSchema } from "../gen/spark/connect/types_pb.js";
import { fromProtoDataType } from "./index.js";

test("Spark 4.3's nanosecond timestamp types are a clear INVALID_DATA_TYPE, not a wrong type", () => {
  for (const [json, text] of [
    [{ timestampNtzNanos: {} }, "timestampNtzNanos, precision 9"],
    [{ timestampLtzNanos: { precision: 7 } }, "timestampLtzNanos, precision 7"],
  ] as const) {
    let caught: unknown;
    try {
      fromProtoDataType(fromJson(DataTypeSchema, json));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SparkArgumentError);
    expect(caught).toMatchObject({
      name: "SparkArgumentError",
      errorClass: "INVALID_DATA_TYPE",
      message: `[INVALID_DATA_TYPE] this client does not support Spark 4.3's nanosecond timestamp types yet (${text})`,
    });
  }
});
