import { inspect } from "node:util";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createRouterTransport } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import { SparkArgumentError, SparkAuthenticationError, type SparkError } from "../errors.js";
import { PlanSchema, SparkConnectService } from "../gen/spark/connect/base_pb.js";
import { connect } from "../node.js";
import { SparkSession } from "../session.js";
import { SparkConnectClient } from "./client.js";
import { checkToken, MAX_TOKEN_BYTES, redactSecret } from "./token.js";

const SECRET = "S3cr3tT0ken";

/** Every way an error can show the token: message, stack, inspect (with causes) and JSON. */
function expectNoSecret(err: unknown, secret: string): void {
  expect(err).toBeInstanceOf(Error);
  const e = err as Error;
  expect(e.message).not.toContain(secret);
  expect(String(e.stack)).not.toContain(secret);
  expect(inspect(e, { depth: 20 })).not.toContain(secret);
  expect(JSON.stringify(e)).not.toContain(secret);
  for (let c: unknown = e.cause; c instanceof Error; c = c.cause) {
    expect(c.message).not.toContain(secret);
    expect(String(c.stack)).not.toContain(secret);
  }
}

function thrown(fn: () => unknown): SparkError {
  try {
    fn();
  } catch (e) {
    return e as SparkError;
  }
  throw new Error("did not throw");
}

describe("checkToken", () => {
  test.each([
    ["", "it is empty"],
    [
      `${SECRET}\r\nx-evil: 1`,
      "it contains a line break; a token must be visible ASCII characters only",
    ],
    [
      `${SECRET}\u0000`,
      "it contains a control character; a token must be visible ASCII characters only",
    ],
    [`${SECRET} x`, "it contains whitespace; a token must be visible ASCII characters only"],
    [
      `${SECRET}é`,
      "it contains a non-ASCII character; a token must be visible ASCII characters only",
    ],
    [
      SECRET.repeat(10_000),
      "it is 110000 characters long, more than the 7168 bytes a gRPC server accepts in its headers",
    ],
  ])("refuses case %# without showing it", (token, reason) => {
    const err = thrown(() => checkToken(token));
    expect(err).toBeInstanceOf(SparkArgumentError);
    expect(err.name).toBe("SparkArgumentError");
    expect(err.errorClass).toBe("INVALID_TOKEN");
    expect(err.message).toBe(`[INVALID_TOKEN] the token <redacted> is not valid: ${reason}`);
    expect(err.messageParameters).toEqual({ reason });
    if (token) expectNoSecret(err, SECRET);
  });

  test("accepts visible ASCII up to the limit", () => {
    const longest = "a".repeat(MAX_TOKEN_BYTES);
    expect(checkToken(longest)).toBe(longest);
    expect(checkToken("eyJhbGci.eyJzdWIi-_~+/=")).toBe("eyJhbGci.eyJzdWIi-_~+/=");
    expect(thrown(() => checkToken(`${longest}a`)).errorClass).toBe("INVALID_TOKEN");
  });

  test("redactSecret scrubs the message, stack and cause chain in place", () => {
    const inner = new TypeError(`Headers.append: "Bearer ${SECRET}" is an invalid header value`);
    const outer = new ConnectError(
      `[unknown] ${inner.message}`,
      Code.Unknown,
      undefined,
      undefined,
      inner,
    );
    redactSecret(outer, SECRET);
    expect(inner.message).toBe('Headers.append: "Bearer <redacted>" is an invalid header value');
    expect(outer.rawMessage).toBe(
      '[unknown] Headers.append: "Bearer <redacted>" is an invalid header value',
    );
    expectNoSecret(outer, SECRET);
  });
});

describe("tokens in the native client", () => {
  const bad = [`${SECRET}\r\nx-evil: 1`, "", `${SECRET}\u00e9`, SECRET.repeat(10_000)];

  test.each(bad)("connect(url, { token }) case %# throws INVALID_TOKEN before any I/O", (token) => {
    const err = thrown(() => connect("sc://127.0.0.1:9", { token }));
    expect(err.name).toBe("SparkArgumentError");
    expect(err.errorClass).toBe("INVALID_TOKEN");
    if (token) expectNoSecret(err, SECRET);
  });

  test("a token in the connection string is checked the same way", () => {
    const err = thrown(() => connect(`sc://127.0.0.1:9/;token=${SECRET}\u00e9`));
    expect(err.name).toBe("SparkArgumentError");
    expect(err.errorClass).toBe("INVALID_TOKEN");
    expectNoSecret(err, SECRET);
  });

  test("a server or transport error quoting the token is redacted, also in its causes", async () => {
    const transport = createRouterTransport((router) =>
      router.service(SparkConnectService, {
        async analyzePlan(_req, ctx) {
          throw new ConnectError(
            `bad credentials: ${ctx.requestHeader.get("authorization")}`,
            Code.Unauthenticated,
          );
        },
        async *executePlan(_req, ctx) {
          yield* [];
          throw new ConnectError(
            `refused ${ctx.requestHeader.get("authorization")}`,
            Code.InvalidArgument,
          );
        },
      }),
    );
    const spark = SparkSession.create({ transport, token: SECRET, retryPolicy: false });
    const analyze = await spark.version().catch((e: unknown) => e);
    expect(analyze).toBeInstanceOf(SparkAuthenticationError);
    expect((analyze as SparkError).errorClass).toBe("AUTHENTICATION_FAILED");
    expect((analyze as SparkError).message).toBe(
      "[AUTHENTICATION_FAILED] bad credentials: Bearer <redacted>",
    );
    expectNoSecret(analyze, SECRET);
    const client = new SparkConnectClient({ transport, token: SECRET, retryPolicy: false });
    let execute: unknown;
    try {
      for await (const _ of client.execute(create(PlanSchema, {}))) {
        // nothing arrives
      }
    } catch (e) {
      execute = e;
    }
    expect((execute as SparkError).message).toBe("refused Bearer <redacted>");
    expectNoSecret(execute, SECRET);
  });
});
