import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startEnvoy } from "../envoy.js";
import {
  type EnvoyConfigOptions,
  envoyOptionsFromEnv,
  parseHostPort,
  renderEnvoyConfig,
} from "../envoy-config.js";
import { portFrom, untilInterrupted } from "./args.js";

const options = {
  spark: { type: "string" },
  port: { type: "string" },
  "admin-port": { type: "string" },
  "listen-address": { type: "string" },
  origin: { type: "string", multiple: true },
  tls: { type: "boolean" },
  sni: { type: "string" },
  out: { type: "string" },
} as const;

function configFrom(argv: string[]): { config: EnvoyConfigOptions; out: string | undefined } {
  const { values } = parseArgs({ args: argv, options });
  const config: EnvoyConfigOptions = envoyOptionsFromEnv();
  if (values.spark) {
    const { host, port } = parseHostPort(values.spark, "--spark");
    config.upstreamHost = host;
    config.upstreamPort = port;
  }
  if (values.port) config.listenPort = portFrom(values.port, "--port");
  if (values["admin-port"]) config.adminPort = portFrom(values["admin-port"], "--admin-port");
  if (values["listen-address"]) config.listenAddress = values["listen-address"];
  if (values.origin?.length) config.allowedOrigins = values.origin;
  if (values.tls) config.upstreamTls = true;
  if (values.sni) config.upstreamSni = values.sni;
  return { config, out: values.out };
}

/** `envoy-render`: prints (or writes with --out) envoy.yaml rendered for the given settings. */
export async function render(argv: string[]): Promise<void> {
  const { config, out } = configFrom(argv);
  const text = renderEnvoyConfig(config);
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

/** `envoy`: runs Envoy in the foreground in front of a Spark Connect server until Ctrl-C. */
export async function run(argv: string[]): Promise<void> {
  const { config } = configFrom(argv);
  const envoy = await startEnvoy({ listenPort: 8080, adminPort: 9901, ...config });
  process.stderr.write(
    `Envoy is ready: gRPC-Web at ${envoy.url}, admin ${envoy.adminUrl}, upstream ${config.upstreamHost ?? "127.0.0.1"}:${config.upstreamPort ?? 15002}. Ctrl-C stops it.\n`,
  );
  await untilInterrupted();
  await envoy.stop();
}
