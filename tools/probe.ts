import { createGrpcTransport } from "@connectrpc/connect-node";
import { SparkConnectClient } from "../packages/core/src/client/client.js";

/**
 * Asks a Spark Connect server for its version with one real AnalyzePlan call over native gRPC
 * (the SDK's own client, without retries), then releases the probe's session. Rejects with the
 * SDK's error when the call fails or takes longer than `timeoutMs`.
 */
export async function probeSparkVersion(
  baseUrl: string,
  options: { token?: string; timeoutMs?: number } = {},
): Promise<string> {
  const client = new SparkConnectClient({
    transport: createGrpcTransport({ baseUrl }),
    userId: "spark-connect-ts-tools",
    userAgent: "tools",
    retryPolicy: false,
    ...(options.token ? { token: options.token } : {}),
  });
  const response = await client.analyze(
    { case: "sparkVersion", value: {} },
    { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) },
  );
  // Release the probe's session so it does not linger on the server (best effort).
  await client.releaseSession({ signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  if (response.result.case !== "sparkVersion") {
    throw new Error(
      `AnalyzePlan answered ${response.result.case ?? "nothing"} instead of a version`,
    );
  }
  return response.result.value.version;
}
