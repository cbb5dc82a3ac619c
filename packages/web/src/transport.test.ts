import { createClient } from "@connectrpc/connect";
import { SparkArgumentError } from "@spark-connect/core";
import { SparkConnectService } from "@spark-connect/core/proto";
import { describe, expect, test } from "vitest";
import { createSparkWebTransport } from "./transport.js";

describe("createSparkWebTransport", () => {
  test.each([
    ["not a url", /not an absolute URL/],
    ["ftp://proxy.example.com", /http\(s\) URL/],
    ["https://proxy.example.com/?token=abc", /must not carry/],
    ["https://user:pw@proxy.example.com", /must not carry/],
  ])("refuses baseUrl %s", (baseUrl, message) => {
    expect(() => createSparkWebTransport({ baseUrl })).toThrow(message);
    expect(() => createSparkWebTransport({ baseUrl })).toThrow(SparkArgumentError);
  });

  test("refuses an empty token with the core's typed error", () => {
    let err: unknown;
    try {
      createSparkWebTransport({ baseUrl: "http://127.0.0.1:8080", token: "" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SparkArgumentError);
    expect((err as SparkArgumentError).name).toBe("SparkArgumentError");
    expect((err as SparkArgumentError).errorClass).toBe("INVALID_TOKEN");
    expect((err as SparkArgumentError).message).toBe(
      "[INVALID_TOKEN] the token <redacted> is not valid: it is empty",
    );
  });

  test("sends the token in the authorization header and the binary gRPC-Web format", async () => {
    const seen: { url: string; headers: Headers }[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers) });
      return new Response(null, { status: 503 });
    };
    const transport = createSparkWebTransport({
      baseUrl: "http://127.0.0.1:8080/",
      token: "s3cret",
      headers: { "X-Cluster-Id": "42" },
      fetch: fakeFetch,
    });
    const client = createClient(SparkConnectService, transport);
    await expect(
      client.analyzePlan({ sessionId: "s", analyze: { case: "sparkVersion", value: {} } }),
    ).rejects.toThrow();
    expect(seen).toHaveLength(1);
    const call = seen[0]!;
    expect(call.url).toBe("http://127.0.0.1:8080/spark.connect.SparkConnectService/AnalyzePlan");
    expect(call.url).not.toContain("s3cret");
    expect(call.headers.get("authorization")).toBe("Bearer s3cret");
    expect(call.headers.get("x-cluster-id")).toBe("42");
    expect(call.headers.get("content-type")).toBe("application/grpc-web+proto");
  });
});

describe("proxy trouble becomes a clear connection error", () => {
  const call = async (fakeFetch: typeof fetch) => {
    const { connect } = await import("./connect.js");
    const spark = connect({
      baseUrl: "http://127.0.0.1:9",
      fetch: fakeFetch,
      releaseOnPageHide: false,
      retryPolicy: false,
    });
    return spark.version().catch((e: unknown) => e);
  };

  test("a 404 from a wrong proxy path", async () => {
    const err = (await call(
      async () =>
        new Response("<html>Not Found</html>", {
          status: 404,
          headers: { "content-type": "text/html" },
        }),
    )) as {
      name: string;
      errorClass: string;
      message: string;
    };
    expect(err.name).toBe("SparkConnectionError");
    expect(err.errorClass).toBe("PROXY_PATH_NOT_FOUND");
    expect(err.message).toMatch(/gRPC-Web proxy \(Envoy\)/);
  });

  test("an HTML page instead of gRPC-Web", async () => {
    const err = (await call(
      async () =>
        new Response("<html>hello</html>", {
          status: 200,
          headers: { "content-type": "text/html" },
        }),
    )) as {
      name: string;
      errorClass: string;
    };
    expect(err.name).toBe("SparkConnectionError");
    expect(err.errorClass).toBe("NOT_A_SPARK_CONNECT_ENDPOINT");
  });

  test("an unreachable host (or a CORS refusal, which browsers report the same way)", async () => {
    const err = (await call(async () => {
      throw new TypeError("Failed to fetch");
    })) as { name: string; errorClass: string; message: string };
    expect(err.name).toBe("SparkConnectionError");
    expect(err.errorClass).toBe("CONNECTION_FAILED");
    expect(err.message).toMatch(/CORS/);
  });
});
