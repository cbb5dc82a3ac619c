import { describe, expect, test } from "vitest";
import { SparkArgumentError, SparkError } from "../errors.js";
import { parseConnectionString, redactToken } from "./connection-string.js";

describe("parseConnectionString", () => {
  test("host only: default port, plain text", () => {
    expect(parseConnectionString("sc://localhost")).toEqual({
      host: "localhost",
      port: 15002,
      useSsl: false,
      metadata: {},
      baseUrl: "http://localhost:15002",
    });
  });

  test("every documented parameter, and others as metadata", () => {
    expect(
      parseConnectionString(
        "sc://spark.example.com:443/;token=abc;user_id=ana;session_id=8E1B3A4C-1D2E-4F60-8A9B-0C1D2E3F4A5B;user_agent=dash;grpc_max_message_size=1048576;x-databricks-cluster-id=0123",
      ),
    ).toEqual({
      host: "spark.example.com",
      port: 443,
      useSsl: true,
      token: "abc",
      userId: "ana",
      sessionId: "8e1b3a4c-1d2e-4f60-8a9b-0c1d2e3f4a5b",
      userAgent: "dash",
      grpcMaxMessageSize: 1048576,
      metadata: { "x-databricks-cluster-id": "0123" },
      baseUrl: "https://spark.example.com:443",
    });
  });

  test("a token implies TLS except on loopback hosts; use_ssl decides when given", () => {
    expect(parseConnectionString("sc://127.0.0.1:15002/;token=t").useSsl).toBe(false);
    expect(parseConnectionString("sc://[::1]:15002/;token=t").baseUrl).toBe("http://[::1]:15002");
    expect(parseConnectionString("sc://h:1/;token=t;use_ssl=false").useSsl).toBe(false);
    expect(parseConnectionString("sc://h:1/;use_ssl=TRUE").useSsl).toBe(true);
  });

  test.each([
    ["http://localhost:15002", /must start with "sc:\/\/"/],
    ["sc://", /host is missing/],
    ["sc://host:abc", /host is missing or malformed/],
    ["sc://host:0", /not a number from 1 to 65535/],
    ["sc://host:99999", /not a number from 1 to 65535/],
    ["sc://host/path", /path must be empty/],
    ["sc://host/;novalue", /is not key=value/],
    ["sc://host/;user_id=a;user_id=b", /given twice/],
    ["sc://host/;session_id=nope", /session_id must be a UUID/],
    ["sc://host/;use_ssl=maybe", /use_ssl must be true or false/],
    ["sc://host/;grpc_max_message_size=-1", /positive whole number/],
    ["sc://host/;bad key=1", /not a valid metadata key/],
    ["sc://host/;authorization=x", /not a valid metadata key/],
    ["sc://host/;token=", /token is empty/],
  ])("rejects %s", (input, message) => {
    let error: unknown;
    try {
      parseConnectionString(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparkArgumentError);
    expect(error).toBeInstanceOf(SparkError);
    expect((error as SparkArgumentError).errorClass).toBe("INVALID_CONNECTION_STRING");
    expect((error as Error).name).toBe("SparkArgumentError");
    expect((error as Error).message).toMatch(/^\[INVALID_CONNECTION_STRING\] /);
    expect((error as Error).message).toMatch(message);
  });

  test("error messages never contain the token", () => {
    expect(() => parseConnectionString("sc://host:x/;token=s3cret")).toThrow(/<redacted>/);
    expect(() => parseConnectionString("sc://host:x/;token=s3cret")).not.toThrow(/s3cret/);
    expect(redactToken("sc://h/;user_id=a;token=abc;x=1")).toBe(
      "sc://h/;user_id=a;token=<redacted>;x=1",
    );
  });
});
