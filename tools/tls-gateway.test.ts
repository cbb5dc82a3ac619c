import { expect, test } from "vitest";
import { ToolError } from "./errors.js";
import { renderTlsGatewayConfig } from "./tls-gateway.js";

const base = {
  listenPort: 8443,
  adminPort: 9902,
  upstreamHost: "127.0.0.1",
  upstreamPort: 15002,
  token: "s3cret",
  certFile: "/tmp/x/server.pem",
  keyFile: "/tmp/x/server.key",
};

test("the gateway terminates TLS on loopback, requires the exact bearer token and strips it", () => {
  const config = JSON.parse(renderTlsGatewayConfig(base));
  const listener = config.static_resources.listeners[0];
  expect(listener.address).toEqual({ socket_address: { address: "127.0.0.1", port_value: 8443 } });
  expect(config.admin.address.socket_address).toEqual({ address: "127.0.0.1", port_value: 9902 });
  const chain = listener.filter_chains[0];
  expect(chain.transport_socket.typed_config.common_tls_context).toEqual({
    alpn_protocols: ["h2"],
    tls_certificates: [
      {
        certificate_chain: { filename: "/tmp/x/server.pem" },
        private_key: { filename: "/tmp/x/server.key" },
      },
    ],
  });
  const hcm = chain.filters[0].typed_config;
  expect(hcm.route_config.request_headers_to_remove).toEqual(["authorization"]);
  expect(hcm.http_filters.map((f: { name: string }) => f.name)).toEqual([
    "envoy.filters.http.rbac",
    "envoy.filters.http.router",
  ]);
  expect(hcm.http_filters[0].typed_config.rules).toEqual({
    action: "ALLOW",
    policies: {
      bearer_token: {
        permissions: [{ any: true }],
        principals: [
          { header: { name: "authorization", string_match: { exact: "Bearer s3cret" } } },
        ],
      },
    },
  });
  const upstream = config.static_resources.clusters[0].load_assignment.endpoints[0].lb_endpoints[0];
  expect(upstream.endpoint.address.socket_address).toEqual({
    address: "127.0.0.1",
    port_value: 15002,
  });
});

test("a token that is empty or not printable ASCII is refused", () => {
  for (const token of ["", "a b", "a\r\nx-evil: 1", "tøken"]) {
    expect(() => renderTlsGatewayConfig({ ...base, token })).toThrow(ToolError);
  }
});
