/**
 * Bearer tokens: checked once, the same way for every transport, before any I/O, and kept out of
 * every error the SDK throws.
 *
 * @module
 */
import { SparkArgumentError } from "../errors.js";

/**
 * The longest token accepted, in bytes: 7 KiB. gRPC servers (grpc-java, which Spark Connect runs
 * on, and grpc-go) accept 8 KiB of request metadata by default, all headers together; a longer
 * token would be refused by the server with a stream reset that looks like a network failure.
 * The remaining 1 KiB is left for the other headers (path, content type, user agent, metadata).
 * JWTs and cloud access tokens are usually 1–4 KiB.
 */
export const MAX_TOKEN_BYTES = 7 * 1024;

/** What a message says instead of a token. */
export const REDACTED = "<redacted>";

/** Visible ASCII only: no space, no control character, no line break, nothing beyond 0x7E. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * Checks a bearer token and returns it: a non-empty string of visible ASCII characters
 * (0x21–0x7E: no spaces, line breaks or control characters, which would break or forge the
 * `authorization` header, and nothing non-ASCII, which HTTP headers cannot carry), at most
 * {@link MAX_TOKEN_BYTES} long. The error never contains the token.
 *
 * @throws {SparkArgumentError} with error class `INVALID_TOKEN` and the parameter `reason`.
 *
 * @example
 * ```ts
 * checkToken("abc123");   // "abc123"
 * checkToken("a\r\nb");   // throws [INVALID_TOKEN] the token <redacted> contains a line break…
 * ```
 */
export function checkToken(token: unknown): string {
  if (typeof token !== "string") throw invalidToken("it is not a string");
  if (token === "") throw invalidToken("it is empty");
  if (token.length > MAX_TOKEN_BYTES) {
    throw invalidToken(
      `it is ${token.length} characters long, more than the ${MAX_TOKEN_BYTES} bytes a gRPC server accepts in its headers`,
    );
  }
  if (!HEADER_SAFE.test(token)) {
    const reason = /[\r\n]/.test(token)
      ? "it contains a line break"
      : // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point.
        /[\x00-\x1f\x7f]/.test(token)
        ? "it contains a control character"
        : /\s/.test(token)
          ? "it contains whitespace"
          : "it contains a non-ASCII character";
    throw invalidToken(`${reason}; a token must be visible ASCII characters only`);
  }
  return token;
}

function invalidToken(reason: string): SparkArgumentError {
  return new SparkArgumentError(`the token ${REDACTED} is not valid: ${reason}`, {
    errorClass: "INVALID_TOKEN",
    messageParameters: { reason },
  });
}

/**
 * Replaces every occurrence of `secret` in an error, its `cause` chain and its
 * `AggregateError.errors` (messages, stacks, raw messages) with {@link REDACTED}, in place, and
 * returns the error. For errors of the transport (connect, undici, fetch) that may quote a header.
 */
export function redactSecret<T>(error: T, secret: string | undefined): T {
  if (!secret) return error;
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): void => {
    if (typeof e !== "object" || e === null || seen.has(e) || depth > 16) return;
    seen.add(e);
    for (const key of ["message", "stack", "rawMessage"]) {
      const value = (e as Record<string, unknown>)[key];
      if (typeof value === "string" && value.includes(secret)) {
        try {
          Object.defineProperty(e, key, {
            value: value.split(secret).join(REDACTED),
            writable: true,
            configurable: true,
            enumerable: Object.prototype.propertyIsEnumerable.call(e, key),
          });
        } catch {
          // A frozen foreign error: nothing to do.
        }
      }
    }
    visit((e as { cause?: unknown }).cause, depth + 1);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return error;
}
