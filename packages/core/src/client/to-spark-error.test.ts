import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import { SparkCancelledError, SparkConnectionError, SparkSessionChangedError } from "../errors.js";
import { ErrorInfoSchema } from "../gen/google/rpc/error_details_pb.js";
import { isRetryableError } from "./retries.js";
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

/** A transport error as undici/connect-node report it: the Node error code deep in the causes. */
function nodeFailure(code: string, message: string, connectCode = Code.Unknown): ConnectError {
  const node = Object.assign(new Error(message), { code });
  return new ConnectError(
    "fetch failed",
    connectCode,
    undefined,
    undefined,
    new TypeError("fetch failed", { cause: node }),
  );
}

describe("permanent failures: typed, with a hint, never retried", () => {
  test.each([
    [
      "DNS NXDOMAIN",
      nodeFailure("ENOTFOUND", "getaddrinfo ENOTFOUND no-such-host.invalid", Code.Unavailable),
      "[HOST_NOT_FOUND] fetch failed. The host name does not resolve (DNS): check the host in the URL",
    ],
    [
      "TLS spoken to a plain-text port",
      nodeFailure(
        "ERR_SSL_WRONG_VERSION_NUMBER",
        "80EC44FC0C7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:",
        Code.Internal,
      ),
      "[TLS_HANDSHAKE_FAILED] the TLS handshake failed (ERR_SSL_WRONG_VERSION_NUMBER). The server answered the TLS handshake in plain text: it does not speak TLS on this port. Use http:// (or use_ssl=false), or the port where TLS is served",
    ],
    [
      "an untrusted certificate",
      nodeFailure("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"),
      "[TLS_HANDSHAKE_FAILED] the TLS handshake failed (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate). Check that the server speaks TLS on this port and that its certificate is trusted (its CA) and names this host",
    ],
    [
      "gRPC-Web sent to a native gRPC port",
      nodeFailure(
        "HPE_INVALID_CONSTANT",
        "Response does not match the HTTP/1.1 protocol (Expected HTTP/)",
      ),
      "[NOT_A_GRPC_WEB_ENDPOINT] the response was not HTTP/1.1 (HPE_INVALID_CONSTANT). The port answered in HTTP/2 only, as Spark's own native gRPC port does: gRPC-Web needs the gRPC-Web proxy (Envoy) in front of Spark. Point the URL at the proxy, or use the native transport (@spark-connect/core/node) for Spark's port",
    ],
  ])("%s", (_what, error, message) => {
    expect(isRetryableError(error)).toBe(false);
    const err = toSparkError(error);
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect(err.name).toBe("SparkConnectionError");
    expect(err.message).toBe(message);
    expect(err.errorClass).toBe(message.slice(1, message.indexOf("]")));
  });

  test("a DNS timeout (EAI_AGAIN) and a refused connection stay transient", () => {
    expect(isRetryableError(nodeFailure("EAI_AGAIN", "getaddrinfo EAI_AGAIN x"))).toBe(true);
    const refused = nodeFailure("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1");
    expect(isRetryableError(refused)).toBe(true);
    expect(toSparkError(refused).errorClass).toBe("CONNECTION_FAILED");
  });

  test("HTTP 431 from a proxy is REQUEST_HEADER_TOO_LARGE, not retried", () => {
    const e = new ConnectError("HTTP 431", Code.Unknown);
    expect(isRetryableError(e)).toBe(false);
    expect(toSparkError(e).errorClass).toBe("REQUEST_HEADER_TOO_LARGE");
  });

  test("a keepalive PING timeout is CONNECTION_LOST, and retried", () => {
    const e = new ConnectError("PING timed out", Code.Unavailable);
    expect(isRetryableError(e)).toBe(true);
    const err = toSparkError(e);
    expect(err.name).toBe("SparkConnectionError");
    expect(err.errorClass).toBe("CONNECTION_LOST");
  });

  test("Spark's session errors are SparkSessionChangedError, keeping Spark's class", () => {
    for (const errorClass of [
      "INVALID_HANDLE.SESSION_CHANGED",
      "INVALID_HANDLE.SESSION_NOT_FOUND",
      "INVALID_HANDLE.SESSION_CLOSED",
    ]) {
      const e = new ConnectError(
        `[${errorClass}] The handle x is invalid.`,
        Code.Internal,
        undefined,
        [
          {
            desc: ErrorInfoSchema,
            value: {
              reason: "org.apache.spark.SparkSQLException",
              metadata: { errorClass, sqlState: "HY000" },
            },
          },
        ],
      );
      const err = toSparkError(e);
      expect(err).toBeInstanceOf(SparkSessionChangedError);
      expect(err.name).toBe("SparkSessionChangedError");
      expect(err.errorClass).toBe(errorClass);
      expect(err.message).toBe(
        `[${errorClass}] The handle x is invalid.. The server restarted or this session is gone (expired or closed): create a new SparkSession`,
      );
    }
  });

  test("a message that starts with a line break shows its class once (ParseException)", () => {
    const e = new ConnectError(
      "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'.",
      Code.Internal,
      undefined,
      [
        {
          desc: ErrorInfoSchema,
          value: {
            reason: "org.apache.spark.sql.catalyst.parser.ParseException",
            metadata: { errorClass: "PARSE_SYNTAX_ERROR", sqlState: "42601" },
          },
        },
      ],
    );
    const err = toSparkError(e);
    expect(err.name).toBe("ParseError");
    expect(err.message).toBe("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'.");
  });
});
