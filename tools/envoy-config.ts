import { readFileSync } from "node:fs";
import path from "node:path";
import { ToolError } from "./errors.js";
import { repoRoot } from "./paths.js";

/** Everything that varies between deployments of envoy.yaml. */
export interface EnvoyConfigOptions {
  /** The Spark Connect server Envoy forwards to. Default 127.0.0.1:15002. */
  upstreamHost?: string;
  upstreamPort?: number;
  /** TLS to the upstream (ALPN h2). Default false. */
  upstreamTls?: boolean;
  /** TLS server name. Default: the upstream host. */
  upstreamSni?: string;
  /** CA bundle for verifying the upstream. Default /etc/ssl/certs/ca-certificates.crt. */
  upstreamCaFile?: string;
  /** A token Envoy adds as `authorization: Bearer <token>` to every call. Default: none. */
  upstreamToken?: string;
  /** The listener's address. Default 127.0.0.1. */
  listenAddress?: string;
  /** The listener's port. Default 8080. */
  listenPort?: number;
  /** The admin port (always on 127.0.0.1). Default 9901. */
  adminPort?: number;
  /** Exact origins allowed by CORS. Default: the demo's http://127.0.0.1:5173 and http://localhost:5173. */
  allowedOrigins?: readonly string[];
  /** Extra request headers browsers may send (e.g. metadata keys). Default: none. */
  extraAllowHeaders?: readonly string[];
}

/** The request headers every browser client needs. */
export const BASE_ALLOW_HEADERS = [
  "content-type",
  "x-grpc-web",
  "x-user-agent",
  "grpc-timeout",
  "authorization",
];

const list = (v: string | undefined) =>
  v
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads EnvoyConfigOptions from the environment variables documented in envoy.yaml. */
export function envoyOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EnvoyConfigOptions {
  const options: EnvoyConfigOptions = {};
  if (env.SPARK_UPSTREAM) {
    const { host, port } = parseHostPort(env.SPARK_UPSTREAM, "SPARK_UPSTREAM");
    options.upstreamHost = host;
    options.upstreamPort = port;
  }
  if (env.SPARK_UPSTREAM_TLS)
    options.upstreamTls = parseBool(env.SPARK_UPSTREAM_TLS, "SPARK_UPSTREAM_TLS");
  if (env.SPARK_UPSTREAM_SNI) options.upstreamSni = env.SPARK_UPSTREAM_SNI;
  if (env.SPARK_UPSTREAM_CA_FILE) options.upstreamCaFile = env.SPARK_UPSTREAM_CA_FILE;
  if (env.SPARK_UPSTREAM_TOKEN) options.upstreamToken = env.SPARK_UPSTREAM_TOKEN;
  if (env.ENVOY_LISTEN_ADDRESS) options.listenAddress = env.ENVOY_LISTEN_ADDRESS;
  if (env.ENVOY_LISTEN_PORT)
    options.listenPort = parsePort(env.ENVOY_LISTEN_PORT, "ENVOY_LISTEN_PORT");
  if (env.ENVOY_ADMIN_PORT) options.adminPort = parsePort(env.ENVOY_ADMIN_PORT, "ENVOY_ADMIN_PORT");
  if (env.ENVOY_ALLOWED_ORIGINS) options.allowedOrigins = list(env.ENVOY_ALLOWED_ORIGINS);
  if (env.ENVOY_EXTRA_ALLOW_HEADERS)
    options.extraAllowHeaders = list(env.ENVOY_EXTRA_ALLOW_HEADERS);
  return options;
}

export function parseHostPort(value: string, what: string): { host: string; port: number } {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d+)$/.exec(value.trim());
  if (!m?.[1] || !m[2]) throw new ToolError(`${what}=${JSON.stringify(value)} is not host:port`);
  return { host: m[1], port: parsePort(m[2], what) };
}

function parsePort(value: string | number, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new ToolError(`${what}=${JSON.stringify(value)} is not a port number from 1 to 65535`);
  }
  return n;
}

function parseBool(value: string, what: string): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ToolError(`${what}=${JSON.stringify(value)} is not true or false`);
}

const HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/;
const ORIGIN = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;
const HEADER = /^[a-z0-9-]+$/;

function checkHost(value: string, what: string): string {
  if (!HOST.test(value))
    throw new ToolError(`${what} ${JSON.stringify(value)} is not a host name or IP address`);
  return value.replace(/^\[|\]$/g, "");
}

/**
 * Renders envoy.yaml for the given options. Every value is validated and JSON-quoted where it is
 * free text, so nothing a caller passes can change the config's structure.
 */
export function renderEnvoyConfig(
  options: EnvoyConfigOptions = {},
  template = readFileSync(path.join(repoRoot, "envoy.yaml"), "utf8"),
): string {
  const upstreamHost = checkHost(options.upstreamHost ?? "127.0.0.1", "upstream host");
  const origins = options.allowedOrigins ?? ["http://127.0.0.1:5173", "http://localhost:5173"];
  if (origins.length === 0) throw new ToolError("at least one allowed origin is required");
  for (const o of origins) {
    if (o === "*" || !ORIGIN.test(o)) {
      throw new ToolError(
        `allowed origin ${JSON.stringify(o)} is not an exact origin like https://dashboard.example.com (wildcards are refused)`,
      );
    }
  }
  const headers = [...BASE_ALLOW_HEADERS];
  for (const h of options.extraAllowHeaders ?? []) {
    const name = h.toLowerCase();
    if (!HEADER.test(name))
      throw new ToolError(`allow header ${JSON.stringify(h)} is not a header name`);
    if (!headers.includes(name)) headers.push(name);
  }
  const token = options.upstreamToken;
  if (token !== undefined && (token === "" || /[\s\r\n]/.test(token))) {
    throw new ToolError("the upstream token must be non-empty and contain no white space");
  }
  const vars: Record<string, string | undefined> = {
    SPARK_UPSTREAM_HOST: JSON.stringify(upstreamHost),
    SPARK_UPSTREAM_PORT: String(parsePort(options.upstreamPort ?? 15002, "upstream port")),
    SPARK_UPSTREAM_TLS: options.upstreamTls ? "true" : undefined,
    SPARK_UPSTREAM_SNI: JSON.stringify(options.upstreamSni ?? upstreamHost),
    SPARK_UPSTREAM_CA_FILE: JSON.stringify(
      options.upstreamCaFile ?? "/etc/ssl/certs/ca-certificates.crt",
    ),
    SPARK_UPSTREAM_TOKEN: token === undefined ? undefined : "set",
    SPARK_UPSTREAM_AUTHORIZATION:
      token === undefined ? undefined : JSON.stringify(`Bearer ${token}`),
    ENVOY_LISTEN_ADDRESS: JSON.stringify(
      checkHost(options.listenAddress ?? "127.0.0.1", "listen address"),
    ),
    ENVOY_LISTEN_PORT: String(parsePort(options.listenPort ?? 8080, "listen port")),
    ENVOY_ADMIN_PORT: String(parsePort(options.adminPort ?? 9901, "admin port")),
    ENVOY_ALLOWED_ORIGINS: `[${origins.map((o) => `{ exact: ${JSON.stringify(o)} }`).join(", ")}]`,
    ENVOY_ALLOW_HEADERS: JSON.stringify(headers.join(",")),
  };

  const out: string[] = [];
  const stack: boolean[] = [];
  for (const line of template.split("\n")) {
    const ifMatch = /^\s*# @if ([A-Z_]+)\s*$/.exec(line);
    if (ifMatch?.[1]) {
      if (!(ifMatch[1] in vars)) throw new ToolError(`envoy.yaml: unknown @if ${ifMatch[1]}`);
      stack.push(vars[ifMatch[1]] !== undefined);
      continue;
    }
    if (/^\s*# @endif\s*$/.test(line)) {
      if (stack.pop() === undefined) throw new ToolError("envoy.yaml: @endif without @if");
      continue;
    }
    if (stack.includes(false)) continue;
    if (/^\s*#/.test(line)) {
      out.push(line);
      continue;
    }
    out.push(
      line.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
        const value = vars[name];
        if (value === undefined) throw new ToolError(`envoy.yaml: \${${name}} has no value`);
        return value;
      }),
    );
  }
  if (stack.length) throw new ToolError("envoy.yaml: @if without @endif");
  return out.join("\n");
}
