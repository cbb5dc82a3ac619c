/**
 * A stand-in for a managed cluster's front door: an Envoy that terminates TLS with a test
 * certificate and lets through only calls carrying `authorization: Bearer <token>`, in front of a
 * plain-text local Spark Connect server. The certificates are made at run time with `openssl` in
 * a temporary folder (never committed) and removed on stop.
 *
 * Clients reach it as `sc://127.0.0.1:<port>/;use_ssl=true;token=<token>`, trusting the test CA
 * (the certificate names both `127.0.0.1` and `localhost`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureEnvoy } from "./envoy.js";
import { ToolError } from "./errors.js";
import { PrerequisiteError } from "./prereqs.mjs";
import { assertPortFree, freePort, logTail, sleep, startLogged } from "./process.js";

/** A certificate authority made for a test run. */
export interface TestCa {
  /** The CA certificate (PEM) file, for clients to trust. */
  readonly caFile: string;
  /** The same certificate's PEM text. */
  readonly caPem: string;
  /** The CA's private key file (signs server certificates). */
  readonly keyFile: string;
}

/** A server certificate signed by a {@link TestCa}, for `localhost` and `127.0.0.1`. */
export interface TestServerCertificate {
  readonly ca: TestCa;
  readonly certFile: string;
  readonly keyFile: string;
}

function openssl(args: readonly string[], cwd: string): void {
  const r = spawnSync("openssl", args, { cwd, encoding: "utf8" });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new PrerequisiteError(
      "openssl is required to make the TLS tests' certificates and `openssl` could not be run: install it (e.g. `apt-get install openssl`).",
    );
  }
  if (r.status !== 0) {
    throw new ToolError(`openssl ${args[0]} failed (exit ${r.status})`, `${r.stderr}`.trim());
  }
}

/** Makes a self-signed CA (P-256 key, valid two days) in `dir`, named `name`. */
export function makeTestCa(dir: string, name = "ca"): TestCa {
  const keyFile = path.join(dir, `${name}.key`);
  const caFile = path.join(dir, `${name}.pem`);
  openssl(
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      caFile,
      "-days",
      "2",
      "-subj",
      `/CN=spark-connect-ts test CA ${name}`,
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    ],
    dir,
  );
  return { caFile, caPem: readFileSync(caFile, "utf8"), keyFile };
}

/** Makes a server certificate for `localhost` and `127.0.0.1`, signed by `ca`, in `dir`. */
export function makeServerCertificate(dir: string, ca: TestCa): TestServerCertificate {
  const keyFile = path.join(dir, "server.key");
  const csr = path.join(dir, "server.csr");
  const certFile = path.join(dir, "server.pem");
  const ext = path.join(dir, "server.ext");
  writeFileSync(
    ext,
    [
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "basicConstraints=critical,CA:FALSE",
      "keyUsage=critical,digitalSignature",
      "extendedKeyUsage=serverAuth",
      "",
    ].join("\n"),
  );
  openssl(
    [
      "req",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      csr,
      "-subj",
      "/CN=localhost",
    ],
    dir,
  );
  openssl(
    [
      "x509",
      "-req",
      "-in",
      csr,
      "-CA",
      ca.caFile,
      "-CAkey",
      ca.keyFile,
      "-set_serial",
      String(Date.now()),
      "-days",
      "2",
      "-out",
      certFile,
      "-extfile",
      ext,
    ],
    dir,
  );
  return { ca, certFile, keyFile };
}

/** Options of {@link startTlsGateway}. */
export interface TlsGatewayOptions {
  /** The plain-text Spark Connect server behind the gateway. Default host 127.0.0.1. */
  upstreamHost?: string;
  upstreamPort: number;
  /** The token every call must carry as `authorization: Bearer <token>`. */
  token: string;
  /** The TLS port on 127.0.0.1. Default: a free port. */
  port?: number;
}

/** A running TLS gateway. */
export interface TlsGateway {
  /** `sc://127.0.0.1:<port>/;use_ssl=true`, without the token. */
  readonly remote: string;
  /** `https://127.0.0.1:<port>`, the native gRPC base URL. */
  readonly url: string;
  readonly host: "127.0.0.1";
  /** The name in the certificate, for a TLS client's SNI. */
  readonly serverName: "localhost";
  readonly port: number;
  /** The CA that signed the gateway's certificate: what clients must trust. */
  readonly ca: TestCa;
  readonly pid: number;
  readonly logFile: string;
  /** The folder holding the certificates and the config (removed by stop). */
  readonly dir: string;
  stop(): Promise<void>;
}

/** The gateway's Envoy config, as JSON (which Envoy reads as YAML). */
export function renderTlsGatewayConfig(options: {
  listenPort: number;
  adminPort: number;
  upstreamHost: string;
  upstreamPort: number;
  token: string;
  certFile: string;
  keyFile: string;
}): string {
  if (!/^[\x21-\x7e]+$/.test(options.token)) {
    throw new ToolError("the gateway token must be non-empty printable ASCII without spaces");
  }
  const windows = { initial_stream_window_size: 4194304, initial_connection_window_size: 8388608 };
  const config = {
    admin: {
      address: { socket_address: { address: "127.0.0.1", port_value: options.adminPort } },
    },
    static_resources: {
      listeners: [
        {
          name: "tls_gateway",
          address: { socket_address: { address: "127.0.0.1", port_value: options.listenPort } },
          per_connection_buffer_limit_bytes: 4194304,
          filter_chains: [
            {
              transport_socket: {
                name: "envoy.transport_sockets.tls",
                typed_config: {
                  "@type":
                    "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
                  common_tls_context: {
                    alpn_protocols: ["h2"],
                    tls_certificates: [
                      {
                        certificate_chain: { filename: options.certFile },
                        private_key: { filename: options.keyFile },
                      },
                    ],
                  },
                },
              },
              filters: [
                {
                  name: "envoy.filters.network.http_connection_manager",
                  typed_config: {
                    "@type":
                      "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                    stat_prefix: "tls_gateway",
                    codec_type: "HTTP2",
                    stream_idle_timeout: "3600s",
                    request_timeout: "0s",
                    http2_protocol_options: windows,
                    route_config: {
                      name: "spark_connect",
                      // The token stops here, as at a managed cluster's gateway.
                      request_headers_to_remove: ["authorization"],
                      virtual_hosts: [
                        {
                          name: "spark_connect",
                          domains: ["*"],
                          routes: [
                            {
                              match: { prefix: "/spark.connect.SparkConnectService/" },
                              route: {
                                cluster: "spark_connect",
                                timeout: "0s",
                                max_stream_duration: { grpc_timeout_header_max: "0s" },
                              },
                            },
                          ],
                        },
                      ],
                    },
                    http_filters: [
                      {
                        // Anything without the exact bearer token gets PERMISSION_DENIED.
                        name: "envoy.filters.http.rbac",
                        typed_config: {
                          "@type": "type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC",
                          rules: {
                            action: "ALLOW",
                            policies: {
                              bearer_token: {
                                permissions: [{ any: true }],
                                principals: [
                                  {
                                    header: {
                                      name: "authorization",
                                      string_match: { exact: `Bearer ${options.token}` },
                                    },
                                  },
                                ],
                              },
                            },
                          },
                        },
                      },
                      {
                        name: "envoy.filters.http.router",
                        typed_config: {
                          "@type":
                            "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router",
                        },
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
      clusters: [
        {
          name: "spark_connect",
          type: "STATIC",
          connect_timeout: "5s",
          per_connection_buffer_limit_bytes: 4194304,
          typed_extension_protocol_options: {
            "envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {
              "@type": "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
              explicit_http_config: { http2_protocol_options: windows },
            },
          },
          load_assignment: {
            cluster_name: "spark_connect",
            endpoints: [
              {
                lb_endpoints: [
                  {
                    endpoint: {
                      address: {
                        socket_address: {
                          address: options.upstreamHost,
                          port_value: options.upstreamPort,
                        },
                      },
                    },
                  },
                ],
              },
            ],
          },
        },
      ],
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * Makes a test CA and a server certificate, then starts the gateway Envoy and resolves once its
 * admin /ready answers LIVE. `stop()` ends Envoy and removes the certificates.
 */
export async function startTlsGateway(options: TlsGatewayOptions): Promise<TlsGateway> {
  const envoy = await ensureEnvoy();
  const listenPort = options.port ?? (await freePort());
  const adminPort = await freePort();
  await assertPortFree(listenPort, "TLS gateway");
  const dir = mkdtempSync(path.join(os.tmpdir(), "tls-gateway-"));
  try {
    const ca = makeTestCa(dir);
    const cert = makeServerCertificate(dir, ca);
    const config = path.join(dir, "gateway.yaml");
    writeFileSync(
      config,
      renderTlsGatewayConfig({
        listenPort,
        adminPort,
        upstreamHost: options.upstreamHost ?? "127.0.0.1",
        upstreamPort: options.upstreamPort,
        token: options.token,
        certFile: cert.certFile,
        keyFile: cert.keyFile,
      }),
    );
    const logFile = path.join(dir, "envoy.log");
    const proc = startLogged(
      envoy,
      ["-c", config, "--disable-hot-restart", "--log-level", "warn", "--concurrency", "1"],
      { logFile },
    );
    let exited: string | undefined;
    void proc.exited.then((how) => {
      exited = how;
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited !== undefined) {
        throw new ToolError(
          `the TLS gateway's Envoy exited (${exited}) during startup`,
          logTail(logFile),
        );
      }
      try {
        if ((await fetch(`http://127.0.0.1:${adminPort}/ready`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        const tail = logTail(logFile);
        await proc.stop(2_000);
        throw new ToolError("the TLS gateway's Envoy did not become ready within 30 s", tail);
      }
      await sleep(200);
    }
    return {
      remote: `sc://127.0.0.1:${listenPort}/;use_ssl=true`,
      url: `https://127.0.0.1:${listenPort}`,
      host: "127.0.0.1",
      serverName: "localhost",
      port: listenPort,
      ca,
      pid: proc.pid,
      logFile,
      dir,
      async stop() {
        await proc.stop(5_000);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
