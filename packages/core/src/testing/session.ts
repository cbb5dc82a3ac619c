/**
 * Test helpers (not exported from the package).
 *
 * @module
 */
import { toJson } from "@bufbuild/protobuf";
import { type ConnectRouter, createRouterTransport } from "@connectrpc/connect";
import type { DataFrame } from "../dataframe.js";
import { PlanSchema } from "../gen/spark/connect/base_pb.js";
import { SparkSession } from "../session.js";

export const TEST_SESSION_ID = "00000000-0000-4000-8000-000000000000";

/** A session over an in-memory transport; `routes` scripts the server (none: every call fails). */
export function testSession(routes: (router: ConnectRouter) => void = () => {}): SparkSession {
  return SparkSession.create({
    transport: createRouterTransport(routes),
    sessionId: TEST_SESSION_ID,
    userId: "test",
  });
}

/** The plan of a DataFrame as protobuf JSON (an object), for exact assertions. */
export function planJson(df: DataFrame): unknown {
  return toJson(PlanSchema, df.toPlan());
}
