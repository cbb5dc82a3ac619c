import { connect } from "@spark-connect/web";

const status = document.querySelector<HTMLOutputElement>("#status");

async function showVersion(): Promise<void> {
  if (!status) return;
  // The dev server proxies /spark.connect.SparkConnectService/ to Envoy: same origin, no CORS.
  const spark = connect(location.origin);
  try {
    const version = await spark.version({ signal: AbortSignal.timeout(30_000) });
    status.textContent = `Apache Spark ${version}`;
    status.className = "ok";
  } catch (err) {
    status.textContent = err instanceof Error ? err.message : String(err);
    status.className = "error";
  }
}

void showVersion();
