import { describe, expect, test } from "vitest";
import { envoyOptionsFromEnv, renderEnvoyConfig } from "./envoy-config.js";

const lines = (yaml: string, re: RegExp) =>
  yaml
    .split("\n")
    .filter((l) => re.test(l))
    .map((l) => l.trim());

describe("renderEnvoyConfig", () => {
  test("renders the local defaults: loopback listener, exact demo origins, no TLS, no token", () => {
    const yaml = renderEnvoyConfig({});
    expect(lines(yaml, /^\s*[^#\s].*\$\{/)).toEqual([]);
    expect(lines(yaml, /socket_address/)).toEqual([
      "socket_address: { address: 127.0.0.1, port_value: 9901 }",
      'socket_address: { address: "127.0.0.1", port_value: 8080 }',
      'socket_address: { address: "127.0.0.1", port_value: 15002 }',
    ]);
    expect(lines(yaml, /allow_origin_string_match/)).toEqual([
      'allow_origin_string_match: [{ exact: "http://127.0.0.1:5173" }, { exact: "http://localhost:5173" }]',
    ]);
    expect(lines(yaml, /allow_headers|expose_headers/)).toEqual([
      'allow_headers: "content-type,x-grpc-web,x-user-agent,grpc-timeout,authorization"',
      'expose_headers: "grpc-status,grpc-message,grpc-status-details-bin"',
    ]);
    expect(yaml).not.toContain("transport_socket");
    expect(yaml).not.toContain("request_headers_to_add");
    expect(yaml).not.toContain("auto_host_rewrite");
    expect(yaml).toContain("timeout: 0s");
    expect(yaml).toContain("grpc_timeout_header_max: 0s");
  });

  test("a remote TLS cluster with an injected token keeps the conditional blocks", () => {
    const yaml = renderEnvoyConfig({
      upstreamHost: "spark.example.com",
      upstreamPort: 443,
      upstreamTls: true,
      upstreamToken: "t0k3n",
      extraAllowHeaders: ["X-Databricks-Cluster-Id"],
    });
    expect(lines(yaml, /sni:|alpn_protocols|auto_host_rewrite|key: authorization/)).toEqual([
      "auto_host_rewrite: true",
      '- header: { key: authorization, value: "Bearer t0k3n" }',
      'sni: "spark.example.com"',
      "alpn_protocols: [h2]",
    ]);
    expect(lines(yaml, /allow_headers/)).toEqual([
      'allow_headers: "content-type,x-grpc-web,x-user-agent,grpc-timeout,authorization,x-databricks-cluster-id"',
    ]);
  });

  test.each([
    [{ allowedOrigins: ["*"] }, /wildcards are refused/],
    [{ allowedOrigins: ["http://a.test/path"] }, /not an exact origin/],
    [{ allowedOrigins: [] }, /at least one allowed origin/],
    [{ upstreamHost: "evil\n  injected: true" }, /not a host name/],
    [{ upstreamPort: 70000 }, /not a port number/],
    [{ upstreamToken: "a b" }, /no white space/],
    [{ extraAllowHeaders: ["bad header"] }, /not a header name/],
  ])("refuses bad input %o", (options, message) => {
    expect(() => renderEnvoyConfig(options)).toThrow(message);
  });

  test("template errors are reported", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder, not JS.
    expect(() => renderEnvoyConfig({}, "a: ${NOPE}")).toThrow(/\$\{NOPE\} has no value/);
    expect(() => renderEnvoyConfig({}, "# @if SPARK_UPSTREAM_TLS\na: 1")).toThrow(/without @endif/);
  });
});

describe("envoyOptionsFromEnv", () => {
  test("reads the documented variables", () => {
    expect(
      envoyOptionsFromEnv({
        SPARK_UPSTREAM: "spark.example.com:443",
        SPARK_UPSTREAM_TLS: "true",
        ENVOY_LISTEN_PORT: "8443",
        ENVOY_ALLOWED_ORIGINS: "https://a.example.com, https://b.example.com",
      }),
    ).toEqual({
      upstreamHost: "spark.example.com",
      upstreamPort: 443,
      upstreamTls: true,
      listenPort: 8443,
      allowedOrigins: ["https://a.example.com", "https://b.example.com"],
    });
  });

  test("rejects a malformed upstream", () => {
    expect(() => envoyOptionsFromEnv({ SPARK_UPSTREAM: "no-port" })).toThrow(/not host:port/);
  });
});
