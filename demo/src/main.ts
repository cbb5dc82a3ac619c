import { createClient } from "@connectrpc/connect";
import { SparkConnectService } from "@spark-connect/core/proto";
import { createSparkWebTransport } from "@spark-connect/web";

const status = document.querySelector<HTMLOutputElement>("#status");

async function showVersion(): Promise<void> {
  if (!status) return;
  // The dev server proxies /spark.connect.SparkConnectService/ to Envoy: same origin, no CORS.
  const transport = createSparkWebTransport({ baseUrl: location.origin });
  const client = createClient(SparkConnectService, transport);
  try {
    const response = await client.analyzePlan(
      {
        sessionId: crypto.randomUUID(),
        userContext: { userId: "demo" },
        clientType: "spark-connect-ts/demo",
        analyze: { case: "sparkVersion", value: {} },
      },
      { timeoutMs: 30_000 },
    );
    const version = response.result.case === "sparkVersion" ? response.result.value.version : "?";
    status.textContent = `Apache Spark ${version}`;
    status.className = "ok";
  } catch (err) {
    status.textContent = err instanceof Error ? err.message : String(err);
    status.className = "error";
  }
}

void showVersion();
