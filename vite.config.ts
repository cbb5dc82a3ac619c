/**
 * Serves the demo page (demo/). `npm run demo` starts it together with a local Spark Connect
 * server and Envoy; the dev server proxies the Spark Connect gRPC-Web path to Envoy, so the page
 * talks to its own origin.
 *
 * `vite build` + `vite preview` serve the production build under a strict Content-Security-Policy
 * (no eval, no inline script or style); the end-to-end tests run against that.
 *
 * Environment: SPARK_CONNECT_PROXY (Envoy's URL, default http://127.0.0.1:8080), DEMO_PORT
 * (default 5173), DEMO_CONNECT_SRC (more origins the built page may call, space-separated, e.g.
 * another Envoy).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const proxy = {
  "/spark.connect.SparkConnectService/": {
    target: process.env.SPARK_CONNECT_PROXY ?? "http://127.0.0.1:8080",
    changeOrigin: false,
  },
};

const connectSrc = (process.env.DEMO_CONNECT_SRC ?? "").split(/\s+/).filter(Boolean);
for (const origin of connectSrc) {
  if (!/^https?:\/\/[\w.:[\]-]+$/.test(origin)) {
    throw new Error(`DEMO_CONNECT_SRC: ${JSON.stringify(origin)} is not an http(s) origin`);
  }
}

const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${connectSrc.join(" ")}`.trim(),
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

export default defineConfig({
  root: fileURLToPath(new URL("./demo", import.meta.url)),
  server: {
    host: "127.0.0.1",
    port: Number(process.env.DEMO_PORT ?? 5173),
    strictPort: true,
    proxy,
  },
  preview: {
    host: "127.0.0.1",
    port: Number(process.env.DEMO_PORT ?? 4173),
    strictPort: true,
    proxy,
    headers: { "Content-Security-Policy": contentSecurityPolicy },
  },
  build: { outDir: fileURLToPath(new URL("./demo/dist", import.meta.url)), emptyOutDir: true },
});
