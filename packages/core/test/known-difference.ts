/**
 * Known differences of a server implementation (Sail) from Apache Spark, listed with their
 * reasons in docs/compatibility.md. A marked test still runs on that server, as a failing test
 * (vitest's `fails`): it must fail there, so a difference that Sail fixes is noticed, and it must
 * pass everywhere else.
 */
import type { TestOptions } from "vitest";
import { live } from "./live-session.js";

/** The server implementations a live run can use (see tools/live-setup.ts). */
export type Server = "spark" | "sail";

/**
 * Test options that mark a test as failing when the live server is `server`: the test asserts
 * Spark's behaviour, and `reason` (the difference seen, as in docs/compatibility.md) says why
 * `server` differs. An undefined reason marks nothing (a case of a table that does not differ).
 *
 * ```ts
 * test("bad SQL is a ParseError", knownDifference("sail", "no error class"), async () => { … });
 * ```
 */
export function knownDifference(server: Server, reason: string | undefined): TestOptions {
  if (reason !== undefined && !reason.trim()) {
    throw new Error("knownDifference needs the reason seen");
  }
  return { fails: reason !== undefined && live.server === server };
}
