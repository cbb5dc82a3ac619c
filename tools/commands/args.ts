import { ToolError } from "../errors.js";

/** Parses `--conf key=value` options into a record. */
export function confsFrom(values: readonly string[] | undefined): Record<string, string> {
  const confs: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf("=");
    if (eq <= 0) throw new ToolError(`--conf ${JSON.stringify(v)} is not key=value`);
    confs[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return confs;
}

/** Parses a port option; undefined stays undefined. */
export function portFrom(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) {
    throw new ToolError(`${what} ${JSON.stringify(value)} is not a port number from 1 to 65535`);
  }
  return n;
}

/** Resolves when the process receives SIGINT or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

export const mib = (bytes: number | undefined) =>
  bytes === undefined ? "unknown" : `${Math.round(bytes / 1048576)} MiB`;
