/**
 * Features newer than the server: a 4.3 relation against every lane. Spark 4.3+ answers the
 * rows; older servers answer with a plan error that the SDK turns into UnsupportedOperationError
 * naming the feature and the version the server reports.
 */
import { expect, test } from "vitest";
import { UnsupportedOperationError } from "../src/errors.js";
import { col } from "../src/functions/core.js";
import { live, values, versionOf, withSession } from "./live-session.js";

const [major, minor] = versionOf(live.version);
const has43 = major > 4 || minor >= 3;

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("did not reject");
}

test(`zip: ${has43 ? "rows side by side" : "UnsupportedOperationError on this older server"}`, async () => {
  await withSession(async (spark) => {
    const df = spark.range(3);
    const zipped = df.select(col("id")).zip(df.select(col("id").multiply(10).alias("x")));
    if (has43) {
      expect(values(await zipped.orderBy("id").collect())).toEqual([
        [0n, 0n],
        [1n, 10n],
        [2n, 20n],
      ]);
      return;
    }
    const expected = {
      name: "UnsupportedOperationError",
      errorClass: "UNSUPPORTED_BY_SERVER",
      messageParameters: {
        feature: "the Zip relation (DataFrame.zip)",
        since: "4.3",
        serverVersion: live.version,
      },
    };
    // The server's own answer, mapped (the version comes from an AnalyzePlan after it)…
    const sent = await rejection(zipped.collect());
    expect(sent).toBeInstanceOf(UnsupportedOperationError);
    expect(sent).toMatchObject(expected);
    expect((sent as Error).cause).toBeDefined();
    // …and, once the session knows the version, before sending.
    expect(await spark.version()).toBe(live.version);
    const early = await rejection(zipped.schema());
    expect(early).toMatchObject(expected);
    expect((early as Error).cause).toBeUndefined();
  });
});
