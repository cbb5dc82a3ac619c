/**
 * The one-line examples in DataFrame's doc comments, run against the real server: every
 * `@example` line of the form `code; // output` whose output is a JavaScript value is evaluated
 * in a fresh session (`spark`, with the functions, `Observation` and `StorageLevel` in scope),
 * and its last expression must equal the output. Lines whose comment is prose (a streaming
 * source, a file path) are only shown, not run; the list of shown-only methods is asserted, so a
 * new example cannot drop out of the test unnoticed.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import * as core from "../src/index.js";
import { liveSession } from "./live-session.js";

const FILES = [
  "dataframe-base.ts",
  "dataframe-transformations.ts",
  "dataframe-joins.ts",
  "dataframe-reshaping.ts",
  "dataframe-actions.ts",
  "dataframe.ts",
];

interface Example {
  method: string;
  code: string;
  output: string;
}

/** The example lines of each method's doc comment (`* code; // output` inside ```ts). */
function examples(): Example[] {
  const out: Example[] = [];
  for (const file of FILES) {
    const text = readFileSync(new URL(`../src/${file}`, import.meta.url), "utf8");
    const re =
      /\/\*\*((?:(?!\*\/)[\s\S])*?@example(?:(?!\*\/)[\s\S])*?)\*\/\s*\n\s*(?:async \*?|get )?(\w+)/g;
    for (const m of text.matchAll(re)) {
      const lines = (m[1] ?? "").split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
      const start = lines.indexOf("```ts");
      const end = lines.indexOf("```", start + 1);
      for (const line of lines.slice(start + 1, end)) {
        const at = line.lastIndexOf("; // ");
        if (at < 0) continue;
        out.push({ method: m[2] ?? "", code: line.slice(0, at), output: line.slice(at + 5) });
      }
    }
  }
  return out;
}

/** The output comment as a value, or undefined when it is prose. */
function expected(output: string): { value: unknown } | undefined {
  try {
    return { value: new Function(`return (${output});`)() };
  } catch {
    return undefined;
  }
}

const all = examples();
const runnable = all.filter((e) => expected(e.output) !== undefined);
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;
const names = Object.keys(core).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));

test("every DataFrame method's example is found, and the shown-only ones are the expected few", () => {
  expect(all.length).toBe(99);
  expect(all.filter((e) => expected(e.output) === undefined).map((e) => e.method)).toEqual([
    "metadataColumn",
    "dropDuplicatesWithinWatermark",
    "checkpoint",
    "createGlobalTempView",
    "write",
    "writeTo",
  ]);
});

test.each(runnable.map((e) => [e.method, e] as const))(
  "%s: the example's output is what the server gives",
  async (_method, example) => {
    const spark = liveSession();
    try {
      const statements = example.code.split("; ");
      const last = statements.pop();
      const body = `${statements.map((s) => `${s};`).join("\n")}\nreturn (${last});`;
      const run = new AsyncFunction("spark", ...names, body);
      const actual = await run(spark, ...names.map((n) => (core as Record<string, unknown>)[n]));
      expect(actual).toEqual(expected(example.output)?.value);
    } finally {
      await spark.stop();
    }
  },
  60_000,
);
