import { inspect } from "node:util";
import { SparkArgumentError, SparkConnectionError, type SparkError } from "@spark-connect/core";
import { describe, expect, test } from "vitest";
import { connect } from "./connect.js";

const SECRET = "S3cr3tT0ken";

/** Every way an error can show the token: message, stack, inspect (with causes) and JSON. */
function expectNoSecret(err: unknown): void {
  expect(err).toBeInstanceOf(Error);
  const e = err as Error;
  expect(e.message).not.toContain(SECRET);
  expect(String(e.stack)).not.toContain(SECRET);
  expect(inspect(e, { depth: 20 })).not.toContain(SECRET);
  expect(JSON.stringify(e)).not.toContain(SECRET);
}

function thrown(fn: () => unknown): SparkError {
  try {
    fn();
  } catch (e) {
    return e as SparkError;
  }
  throw new Error("did not throw");
}

const BASE = "http://127.0.0.1:9";

describe("connect() tokens", () => {
  test.each([
    ["", "it is empty"],
    [
      `${SECRET}\r\nx-evil: 1`,
      "it contains a line break; a token must be visible ASCII characters only",
    ],
    [
      `${SECRET}\u00e9`,
      "it contains a non-ASCII character; a token must be visible ASCII characters only",
    ],
    [
      SECRET.repeat(10_000),
      "it is 110000 characters long, more than the 7168 bytes a gRPC server accepts in its headers",
    ],
  ])(
    "token case %#: the same typed error as the native transport, before any request",
    (token, reason) => {
      let requests = 0;
      const err = thrown(() =>
        connect({
          baseUrl: BASE,
          token,
          releaseOnPageHide: false,
          fetch: async () => {
            requests++;
            return new Response(null, { status: 503 });
          },
        }),
      );
      expect(err).toBeInstanceOf(SparkArgumentError);
      expect(err.name).toBe("SparkArgumentError");
      expect(err.errorClass).toBe("INVALID_TOKEN");
      expect(err.message).toBe(`[INVALID_TOKEN] the token <redacted> is not valid: ${reason}`);
      expect(requests).toBe(0);
      expectNoSecret(err);
    },
  );

  test("a fetch error quoting the header (Headers.append, undici) is redacted", async () => {
    const spark = connect({
      baseUrl: BASE,
      token: SECRET,
      releaseOnPageHide: false,
      retryPolicy: false,
      fetch: async (_input, init) => {
        const auth = new Headers(init?.headers).get("authorization");
        throw new TypeError(`Headers.append: "${auth}" is an invalid header value`);
      },
    });
    const err = await spark.version().catch((e: unknown) => e);
    expect((err as SparkError).name).toBe("SparkConnectError");
    expect((err as SparkError).message).toBe(
      'Headers.append: "Bearer <redacted>" is an invalid header value',
    );
    expectNoSecret(err);
    await spark.stop();
  });

  test("a proxy answering HTTP 431 is a typed error with a hint, not retried", async () => {
    let requests = 0;
    const spark = connect({
      baseUrl: BASE,
      token: SECRET,
      releaseOnPageHide: false,
      fetch: async () => {
        requests++;
        return new Response("Request Header Fields Too Large", { status: 431 });
      },
    });
    const err = await spark.version().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkConnectionError);
    expect((err as SparkError).name).toBe("SparkConnectionError");
    expect((err as SparkError).errorClass).toBe("REQUEST_HEADER_TOO_LARGE");
    expect((err as SparkError).message).toBe(
      "[REQUEST_HEADER_TOO_LARGE] HTTP 431. A proxy refused the request headers as too large (HTTP 431 Request Header Fields Too Large): check the size of the token and of any extra headers",
    );
    expect(requests).toBe(1);
    expectNoSecret(err);
    await spark.stop({ interrupt: false });
  });
});
