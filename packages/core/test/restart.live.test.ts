/**
 * A Spark server killed (SIGKILL) and restarted on the same port while a query runs: the
 * pending action and the next call fail with a SparkSessionChangedError that says the server
 * restarted, and that no part of the result had arrived (only progress reports had), within
 * seconds of the new server being up. The test starts and kills its own server.
 */
import { expect, test } from "vitest";
import { type SparkServer, startSparkConnect } from "../../../tools/spark-server.js";
import { type SparkError, SparkSessionChangedError } from "../src/errors.js";
import { connect } from "../src/node.js";

test("a server restarted mid-query: SparkSessionChangedError, no part of the result", async () => {
  const confs = { "spark.connect.progress.reportInterval": "100ms" };
  let first: SparkServer | undefined = await startSparkConnect({ useRemote: false, confs });
  let second: SparkServer | undefined;
  const spark = connect(first.remote);
  try {
    expect(await spark.range(3).count()).toBe(3);
    let progressed: () => void = () => undefined;
    const running = new Promise<void>((r) => {
      progressed = r;
    });
    const pending = spark
      .range(0, 8_000_000_000, 1, 8)
      .selectExpr("max(id % 7)")
      .collect({ onProgress: () => progressed() })
      .then(
        () => undefined,
        (e: unknown) => e as SparkError,
      );
    await running; // a response (a progress report) has arrived, no row
    const port = first.port;
    process.kill(first.pid as number, "SIGKILL");
    await first.stop().catch(() => undefined);
    first = undefined;
    second = await startSparkConnect({ useRemote: false, port, confs });
    const upAt = Date.now();
    const err = await pending;
    const afterUp = Date.now() - upAt;
    console.log(
      `[restart] ${afterUp} ms after the new server was up: ${err?.name}: ${err?.message}`,
    );
    expect(err).toBeInstanceOf(SparkSessionChangedError);
    expect(err?.name).toBe("SparkSessionChangedError");
    // The reattach reaches a server that has never seen the session.
    expect(err?.errorClass).toBe("INVALID_HANDLE.SESSION_NOT_FOUND");
    expect(err?.messageParameters.partialResult).toBe("false");
    expect(err?.message).toMatch(
      /The server restarted or this session is gone \(expired or closed\): create a new SparkSession; no part of the result had arrived$/,
    );
    expect(afterUp).toBeLessThan(8_000);
    const next = (await spark
      .range(1)
      .count()
      .catch((e: unknown) => e)) as SparkError;
    console.log(`[restart] the next call: ${next.name}: ${next.errorClass}`);
    expect(next).toBeInstanceOf(SparkSessionChangedError);
    // A new call names the server-side session it saw, which the new server does not have.
    expect(next.errorClass).toBe("INVALID_HANDLE.SESSION_CHANGED");
  } finally {
    await spark.stop();
    await first?.stop();
    await second?.stop();
  }
}, 300_000);
