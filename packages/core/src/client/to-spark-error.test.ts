import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import { SparkCancelledError, SparkConnectionError } from "../errors.js";
import { toSparkError } from "./to-spark-error.js";

describe("toSparkError for transport failures", () => {
  test.each([
    [
      "an HTTP/2 CANCEL from a proxy going away",
      "http/2 stream closed with error code CANCEL (0x8)",
      Code.Canceled,
      undefined,
    ],
    ["a response body cut off", "terminated", Code.Unknown, new TypeError("terminated")],
    [
      "a reset socket",
      "read ECONNRESET",
      Code.Aborted,
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
    ],
  ])("%s is CONNECTION_LOST, not a cancellation", (_label, message, code, cause) => {
    const err = toSparkError(new ConnectError(message, code, undefined, undefined, cause));
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect(err.errorClass).toBe("CONNECTION_LOST");
    expect(err.message).toMatch(
      /^\[CONNECTION_LOST\] .*The connection broke before the call completed/,
    );
  });

  test("a request that never reached a server stays CONNECTION_FAILED", () => {
    const err = toSparkError(
      new ConnectError(
        "fetch failed",
        Code.Unknown,
        undefined,
        undefined,
        new TypeError("fetch failed"),
      ),
    );
    expect(err.errorClass).toBe("CONNECTION_FAILED");
  });

  test("Unavailable stays CONNECTION_UNAVAILABLE; a plain Canceled stays a cancellation", () => {
    expect(toSparkError(new ConnectError("no healthy upstream", Code.Unavailable)).errorClass).toBe(
      "CONNECTION_UNAVAILABLE",
    );
    const cancelled = toSparkError(new ConnectError("This operation was aborted", Code.Canceled));
    expect(cancelled).toBeInstanceOf(SparkCancelledError);
  });
});
