/**
 * The HTTP/2 connection manager of the native transport: connect-node's, with its keepalive
 * PINGs, and one guard.
 *
 * connect-node 2.2 destroys a connection whose PING timed out with an error, and a request made
 * right after (e.g. the ReleaseExecute of the failed operation) replaces the connection and
 * removes its error listener before Node emits that error: an uncaught exception that would
 * end the process. Every connection therefore keeps one listener that ignores errors (the
 * manager still sees them through its own listener while it has one; a connection that is gone
 * fails its calls anyway).
 *
 * @module
 */
import type { ClientSessionOptions, SecureClientSessionOptions } from "node:http2";
import { Http2SessionManager } from "@connectrpc/connect-node";

/** What the guard needs to see of connect-node's internal connection states. */
interface ManagerState {
  t: string;
  conn?: { on(event: "error", listener: () => void): unknown };
}

/** A connect-node session manager whose connections never raise an unhandled "error". */
export function createSessionManager(
  url: string,
  ping: { pingIntervalMs: number; pingTimeoutMs: number },
  nodeOptions?: ClientSessionOptions | SecureClientSessionOptions,
): Http2SessionManager {
  const manager = new Http2SessionManager(url, ping, nodeOptions);
  const internals = manager as unknown as { setState?: (state: ManagerState) => void };
  const setState = internals.setState;
  if (typeof setState === "function") {
    internals.setState = (state) => {
      if (state.t === "ready") state.conn?.on("error", ignore);
      setState.call(manager, state);
    };
  }
  return manager;
}

function ignore(): void {
  // See the module comment.
}
