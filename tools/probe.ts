import { randomUUID } from "node:crypto";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { SparkConnectService } from "../packages/core/src/gen/spark/connect/base_pb.js";

/**
 * Asks a Spark Connect server for its version with one real AnalyzePlan call over native gRPC.
 * Rejects with the ConnectError when the call fails or takes longer than `timeoutMs`.
 */
export async function probeSparkVersion(
  baseUrl: string,
  options: { token?: string; timeoutMs?: number } = {},
): Promise<string> {
  const transport = createGrpcTransport({ baseUrl });
  const client = createClient(SparkConnectService, transport);
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const sessionId = randomUUID();
  const response = await client.analyzePlan(
    {
      sessionId,
      userContext: { userId: "spark-connect-ts-tools" },
      clientType: "spark-connect-ts/tools",
      analyze: { case: "sparkVersion", value: {} },
    },
    { timeoutMs: options.timeoutMs ?? 10_000, headers },
  );
  // Release the probe's session so it does not linger on the server (best effort).
  await client
    .releaseSession(
      { sessionId, userContext: { userId: "spark-connect-ts-tools" } },
      { timeoutMs: 5_000, headers },
    )
    .catch(() => undefined);
  if (response.result.case !== "sparkVersion") {
    throw new Error(
      `AnalyzePlan answered ${response.result.case ?? "nothing"} instead of a version`,
    );
  }
  return response.result.value.version;
}
