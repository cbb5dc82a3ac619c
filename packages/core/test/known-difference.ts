/**
 * Known differences of a server implementation (Sail) from Apache Spark, listed with their
 * reasons in docs/compatibility.md. A marked test still runs on that server, as `test.fails`: it
 * must fail there (so a difference that Sail fixes is noticed) and pass everywhere else.
 */
import { test } from "vitest";
import { live } from "./live-session.js";

/** The server implementations a live run can use (see tools/live-setup.ts). */
export type Server = "spark" | "sail";

/**
 * `test`, or `test.fails` when the live server is `server`: the test asserts Spark's behaviour,
 * and `reason` (the difference seen, as in docs/compatibility.md) says why `server` differs.
 *
 * ```ts
 * knownDifference("sail", "no errorClass or sqlState in its errors")("bad SQL is a ParseError", …);
 * ```
 */
export function knownDifference(server: Server, reason: string): typeof test {
  if (!reason.trim()) throw new Error("knownDifference needs the reason seen");
  return (live.server === server ? test.fails : test) as typeof test;
}
