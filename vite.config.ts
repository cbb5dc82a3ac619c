/**
 * Serves the demo page (demo/). `npm run demo` starts it together with a local Spark Connect
 * server and Envoy; the dev server proxies the Spark Connect gRPC-Web path to Envoy, so the page
 * talks to its own origin.
 *
 * Environment: SPARK_CONNECT_PROXY (Envoy's URL, default http://127.0.0.1:8080), DEMO_PORT
 * (default 5173).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./demo", import.meta.url)),
  server: {
    host: "127.0.0.1",
    port: Number(process.env.DEMO_PORT ?? 5173),
    strictPort: true,
    proxy: {
      "/spark.connect.SparkConnectService/": {
        target: process.env.SPARK_CONNECT_PROXY ?? "http://127.0.0.1:8080",
        changeOrigin: false,
      },
    },
  },
  preview: { host: "127.0.0.1", strictPort: true },
  build: { outDir: fileURLToPath(new URL("./demo/dist", import.meta.url)), emptyOutDir: true },
});
