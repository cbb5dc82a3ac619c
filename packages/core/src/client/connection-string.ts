import { SparkArgumentError } from "../errors.js";

/** The default port of a Spark Connect server. */
export const DEFAULT_SPARK_CONNECT_PORT = 15002;

/** The parsed form of an `sc://` connection string. */
export interface ConnectionString {
  host: string;
  port: number;
  /** Whether to use TLS: `use_ssl=true`, or a token for a non-loopback host without `use_ssl`. */
  useSsl: boolean;
  /** `token`: sent as `authorization: Bearer <token>`. */
  token?: string;
  /** `user_id`: the user context of every request. */
  userId?: string;
  /** `session_id`: a client-chosen session UUID. */
  sessionId?: string;
  /** `user_agent`: added to the client type of every request. */
  userAgent?: string;
  /** `grpc_max_message_size`: the largest message to send or receive, in bytes. */
  grpcMaxMessageSize?: number;
  /** Every other parameter, passed as request metadata (e.g. `x-databricks-cluster-id`). */
  metadata: Record<string, string>;
  /** The base URL for a gRPC transport: `http(s)://host:port`. */
  baseUrl: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

function invalid(input: string, why: string): SparkArgumentError {
  return new SparkArgumentError(
    `invalid Spark Connect string ${JSON.stringify(redactToken(input))}: ${why} (expected sc://host[:port][/;param=value;…])`,
    { errorClass: "INVALID_CONNECTION_STRING" },
  );
}

/** The connection string with the value of any `token` parameter replaced, for messages. */
export function redactToken(input: string): string {
  return input.replace(/(;\s*token=)[^;]*/gi, "$1<redacted>");
}

/** True for hosts that name this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Parses a Spark Connect connection string such as
 * `sc://spark.example.com:443/;token=abc;user_id=ana;x-cluster-id=42`.
 *
 * Parameters: `token`, `user_id`, `session_id` (a UUID), `use_ssl` (`true`/`false`),
 * `user_agent`, `grpc_max_message_size` (bytes); any other key becomes request metadata. The port
 * defaults to 15002. A token implies TLS unless the host is a loopback address or `use_ssl` says
 * otherwise.
 *
 * @throws {SparkArgumentError} with error class `INVALID_CONNECTION_STRING`.
 */
export function parseConnectionString(input: string): ConnectionString {
  if (typeof input !== "string") throw invalid(String(input), "not a string");
  const s = input.trim();
  if (!s.startsWith("sc://")) throw invalid(input, 'it must start with "sc://"');
  const rest = s.slice("sc://".length);
  const slash = rest.indexOf("/");
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const tail = slash < 0 ? "" : rest.slice(slash + 1);
  if (slash >= 0 && tail !== "" && !tail.startsWith(";")) {
    throw invalid(input, "the path must be empty; parameters follow as /;key=value");
  }
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/;@?#\s]+)(?::(\d*))?$/.exec(authority);
  if (!m?.[1]) throw invalid(input, "the host is missing or malformed");
  const host = m[1];
  let port = DEFAULT_SPARK_CONNECT_PORT;
  if (m[2] !== undefined) {
    port = Number(m[2]);
    if (m[2] === "" || !Number.isInteger(port) || port < 1 || port > 65535) {
      throw invalid(input, `port ${JSON.stringify(m[2])} is not a number from 1 to 65535`);
    }
  }
  const params = new Map<string, string>();
  for (const part of tail.split(";")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq <= 0) throw invalid(input, `parameter ${JSON.stringify(part)} is not key=value`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1);
    if (params.has(key)) throw invalid(input, `parameter ${key} is given twice`);
    params.set(key, value);
  }
  const result: ConnectionString = { host, port, useSsl: false, metadata: {}, baseUrl: "" };
  let useSsl: boolean | undefined;
  for (const [key, value] of params) {
    switch (key) {
      case "token":
        if (value === "") throw invalid(input, "token is empty");
        result.token = value;
        break;
      case "user_id":
        result.userId = value;
        break;
      case "session_id":
        if (!UUID.test(value)) throw invalid(input, "session_id must be a UUID");
        result.sessionId = value.toLowerCase();
        break;
      case "use_ssl":
        if (!/^(true|false)$/i.test(value)) throw invalid(input, "use_ssl must be true or false");
        useSsl = value.toLowerCase() === "true";
        break;
      case "user_agent":
        result.userAgent = value;
        break;
      case "grpc_max_message_size": {
        const n = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) {
          throw invalid(input, "grpc_max_message_size must be a positive whole number of bytes");
        }
        result.grpcMaxMessageSize = n;
        break;
      }
      default: {
        const name = key.toLowerCase();
        if (!HEADER_NAME.test(name) || name === "authorization") {
          throw invalid(input, `parameter ${JSON.stringify(key)} is not a valid metadata key`);
        }
        result.metadata[name] = value;
      }
    }
  }
  result.useSsl = useSsl ?? (result.token !== undefined && !isLoopbackHost(host));
  result.baseUrl = `${result.useSsl ? "https" : "http"}://${host}:${port}`;
  return result;
}
