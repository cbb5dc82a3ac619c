import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import { ErrorInfoSchema, RetryInfoSchema } from "../gen/google/rpc/error_details_pb.js";
import {
  DEFAULT_RETRY_POLICY,
  isRetryableError,
  RetryState,
  retryDelayOf,
  retryPolicy,
  sleep,
  withRetries,
} from "./retries.js";

const unavailable = () => new ConnectError("unavailable", Code.Unavailable);
/** A retryable error that is not a connection failure: the count-based schedule applies. */
const disconnected = () =>
  new ConnectError(
    "[INVALID_CURSOR.DISCONNECTED] The cursor has been disconnected.",
    Code.Internal,
  );

function withRetryInfo(code: Code, delay: { seconds?: bigint; nanos?: number }): ConnectError {
  return new ConnectError("retry later", code, undefined, [
    { desc: RetryInfoSchema, value: { retryDelay: delay } },
  ]);
}

/** Every delay a state grants for `error` until it gives up. */
function delays(state: RetryState, error: ConnectError): number[] {
  const out: number[] = [];
  for (let d = state.nextDelay(error); d !== undefined; d = state.nextDelay(error)) out.push(d);
  return out;
}

describe("retryPolicy", () => {
  test("defaults are PySpark's DefaultPolicy", () => {
    const { canRetry, ...numbers } = retryPolicy();
    expect(numbers).toEqual({
      maxRetries: 15,
      initialBackoffMs: 50,
      maxBackoffMs: 60_000,
      backoffMultiplier: 4,
      jitterMs: 500,
      minJitterThresholdMs: 2_000,
      maxServerRetryDelayMs: 600_000,
      maxConnectionBackoffMs: 5_000,
    });
    expect(canRetry).toBe(isRetryableError);
    expect(Object.isFrozen(retryPolicy({ maxRetries: 2 }))).toBe(true);
  });

  test("false disables retries; options override defaults one by one", () => {
    expect(retryPolicy(false).maxRetries).toBe(0);
    const p = retryPolicy({ maxRetries: 3, initialBackoffMs: 10, jitterMs: undefined });
    expect(p.maxRetries).toBe(3);
    expect(p.initialBackoffMs).toBe(10);
    expect(p.jitterMs).toBe(500);
  });

  test("bad numbers and unknown options are refused", () => {
    expect(() => retryPolicy({ maxRetries: -1 })).toThrowError(/maxRetries must be a whole number/);
    expect(() => retryPolicy({ maxRetries: 1.5 })).toThrowError(/maxRetries/);
    expect(() => retryPolicy({ backoffMultiplier: 0.5 })).toThrowError(/backoffMultiplier/);
    expect(() => retryPolicy({ jitterMs: Number.NaN })).toThrowError(/jitterMs/);
    expect(() => retryPolicy({ maxBackofMs: 1 } as never)).toThrowError(/unknown.*maxBackofMs/);
  });
});

describe("RetryState", () => {
  test("the default backoff: ×4 from 50 ms, capped at 60 s, 15 retries, then none", () => {
    const state = new RetryState(DEFAULT_RETRY_POLICY, () => 0);
    expect(delays(state, disconnected())).toEqual([
      50, 200, 800, 3_200, 12_800, 51_200, 60_000, 60_000, 60_000, 60_000, 60_000, 60_000, 60_000,
      60_000, 60_000,
    ]);
    expect(state.retries).toBe(15);
  });

  test("connection failures: waits capped at 5 s, for the schedule's whole time (608.25 s)", () => {
    const state = new RetryState(DEFAULT_RETRY_POLICY, () => 0);
    const out = delays(state, unavailable());
    expect(out.slice(0, 6)).toEqual([50, 200, 800, 3_200, 5_000, 5_000]);
    expect(new Set(out.slice(4))).toEqual(new Set([5_000]));
    expect(out).toHaveLength(124);
    expect(out.reduce((a, b) => a + b, 0)).toBe(604_250);
    const fetchFailed = new RetryState(DEFAULT_RETRY_POLICY, () => 0);
    expect(delays(fetchFailed, ConnectError.from(new TypeError("fetch failed")))).toHaveLength(124);
    // The server's RetryInfo is not a connection failure: its delay is honoured, not capped.
    const asked = new RetryState(DEFAULT_RETRY_POLICY, () => 0);
    expect(asked.nextDelay(withRetryInfo(Code.Unavailable, { seconds: 30n }))).toBe(30_000);
    expect(retryPolicy({ maxRetries: 0 }).maxRetries).toBe(0);
    expect(new RetryState(retryPolicy({ maxRetries: 0 })).nextDelay(unavailable())).toBeUndefined();
  });

  test("jitter is added only to waits at or above the threshold", () => {
    const state = new RetryState(DEFAULT_RETRY_POLICY, () => 1);
    expect(delays(state, disconnected()).slice(0, 5)).toEqual([50, 200, 800, 3_700, 13_300]);
    const half = new RetryState(retryPolicy({ minJitterThresholdMs: 0, jitterMs: 100 }), () => 0.5);
    expect(delays(half, disconnected()).slice(0, 2)).toEqual([100, 250]);
  });

  test("the server's retry_delay replaces a shorter backoff, even beyond maxBackoffMs", () => {
    const state = new RetryState(retryPolicy({ maxBackoffMs: 1_000 }), () => 0);
    expect(state.nextDelay(withRetryInfo(Code.Unavailable, { seconds: 5n }))).toBe(5_000);
    // The client's own progression is unchanged by it.
    expect(state.nextDelay(unavailable())).toBe(200);
  });

  test("a shorter server delay does not shorten the backoff", () => {
    const state = new RetryState(retryPolicy({ initialBackoffMs: 300 }), () => 0);
    expect(state.nextDelay(withRetryInfo(Code.Unavailable, { nanos: 100_000_000 }))).toBe(300);
  });

  test("the server's delay is capped by maxServerRetryDelayMs", () => {
    const state = new RetryState(DEFAULT_RETRY_POLICY, () => 0);
    expect(state.nextDelay(withRetryInfo(Code.Unavailable, { seconds: 3_600n }))).toBe(600_000);
    const capped = new RetryState(retryPolicy({ maxServerRetryDelayMs: 2_500 }), () => 0);
    expect(capped.nextDelay(withRetryInfo(Code.Unavailable, { seconds: 3_600n }))).toBe(2_500);
  });

  test("errors the policy does not accept get no delay and use no budget", () => {
    const state = new RetryState(DEFAULT_RETRY_POLICY);
    expect(state.nextDelay(new ConnectError("bad plan", Code.InvalidArgument))).toBeUndefined();
    expect(state.retries).toBe(0);
  });

  test("retryNow uses the same budget without a wait", () => {
    const state = new RetryState(retryPolicy({ maxRetries: 2 }));
    expect(state.retryNow()).toBe(true);
    expect(state.nextDelay(disconnected())).toBe(50);
    expect(state.retryNow()).toBe(false);
    expect(state.nextDelay(disconnected())).toBeUndefined();
  });
});

describe("isRetryableError", () => {
  const cases: [string, ConnectError, boolean][] = [
    ["Unavailable", unavailable(), true],
    [
      "INVALID_CURSOR.DISCONNECTED",
      new ConnectError(
        "[INVALID_CURSOR.DISCONNECTED] The cursor has been disconnected.",
        Code.Internal,
      ),
      true,
    ],
    ["another Internal error", new ConnectError("[INTERNAL_ERROR] boom", Code.Internal), false],
    ["Canceled", new ConnectError("aborted", Code.Canceled), false],
    ["DeadlineExceeded", new ConnectError("too slow", Code.DeadlineExceeded), false],
    ["Unauthenticated", new ConnectError("who are you", Code.Unauthenticated), false],
    [
      "ResourceExhausted with RetryInfo",
      withRetryInfo(Code.ResourceExhausted, { seconds: 1n }),
      true,
    ],
    ["ResourceExhausted alone", new ConnectError("quota", Code.ResourceExhausted), false],
    ["fetch failed (undici)", ConnectError.from(new TypeError("fetch failed")), true],
    ["Failed to fetch (Chromium)", ConnectError.from(new TypeError("Failed to fetch")), true],
    [
      "NetworkError (Firefox)",
      ConnectError.from(new TypeError("NetworkError when attempting to fetch resource.")),
      true,
    ],
    ["Load failed (Safari)", ConnectError.from(new TypeError("Load failed")), true],
    ["a body cut off (undici)", ConnectError.from(new TypeError("terminated")), true],
    ["gRPC-Web body without trailers", ConnectError.from("missing trailer"), true],
    [
      "an HTTP/2 stream reset by a proxy going away (connect-node)",
      new ConnectError("http/2 stream closed with error code CANCEL (0x8)", Code.Canceled),
      true,
    ],
    [
      "a socket reset (connect-node)",
      new ConnectError(
        "read ECONNRESET",
        Code.Aborted,
        undefined,
        undefined,
        Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      ),
      true,
    ],
    [
      "a connection refused under undici, deep in the cause chain",
      ConnectError.from(
        new TypeError("fetch failed", {
          cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
        }),
      ),
      true,
    ],
    [
      "a cancellation the server sent as a gRPC status",
      Object.assign(
        new ConnectError("http/2 stream closed with error code CANCEL (0x8)", Code.Canceled),
        {
          isWireError: true,
        },
      ),
      false,
    ],
    ["a programming error", ConnectError.from(new TypeError("x.foo is not a function")), false],
    [
      "a Spark error with ErrorInfo only",
      new ConnectError("[DIVIDE_BY_ZERO] Division by zero.", Code.Internal, undefined, [
        { desc: ErrorInfoSchema, value: { reason: "org.apache.spark.SparkArithmeticException" } },
      ]),
      false,
    ],
  ];
  for (const [label, error, expected] of cases) {
    test(`${label}: ${expected ? "retried" : "not retried"}`, () => {
      expect(isRetryableError(error)).toBe(expected);
    });
  }
});

test("retryDelayOf reads RetryInfo.retry_delay in milliseconds", () => {
  expect(retryDelayOf(withRetryInfo(Code.Unavailable, { seconds: 2n, nanos: 500_000_000 }))).toBe(
    2_500,
  );
  expect(retryDelayOf(unavailable())).toBeUndefined();
});

describe("withRetries", () => {
  test("retries until the call succeeds, waiting the policy's delays", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        if (++calls < 4) throw unavailable();
        return "ok";
      },
      retryPolicy(),
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe("ok");
    expect(waits).toEqual([50, 200, 800]);
  });

  test("throws the last error, unchanged, once the budget is spent", async () => {
    const errors: ConnectError[] = [];
    const err = await withRetries(
      async () => {
        const e = unavailable();
        errors.push(e);
        throw e;
      },
      retryPolicy({ maxRetries: 2 }),
      { sleep: async () => undefined },
    ).catch((e: unknown) => e);
    expect(errors).toHaveLength(3);
    expect(err).toBe(errors[2]);
  });

  test("does not retry what the policy refuses", async () => {
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw new ConnectError("nope", Code.PermissionDenied);
      },
      retryPolicy(),
      { sleep: async () => undefined },
    ).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect((err as ConnectError).code).toBe(Code.PermissionDenied);
  });

  test("an abort during the wait ends the retries with the last error", async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = withRetries(
      async () => {
        calls++;
        throw unavailable();
      },
      retryPolicy({ initialBackoffMs: 60_000 }),
      { signal: controller.signal },
    ).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const err = await pending;
    expect(calls).toBe(1);
    expect((err as ConnectError).code).toBe(Code.Unavailable);
  });
});

describe("sleep", () => {
  test("resolves after the delay", async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  test("rejects with the reason when aborted, before or during the wait", async () => {
    const before = AbortSignal.abort(new Error("already"));
    await expect(sleep(10_000, before)).rejects.toThrowError("already");
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error("later"));
    await expect(waiting).rejects.toThrowError("later");
  });
});
