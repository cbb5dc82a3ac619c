/**
 * `spark.addArtifacts`: uploading jars and files to the session's class path and working
 * directory. The transport must carry client streams (Node's gRPC), so browsers cannot.
 *
 * @module
 */
import type { ArtifactPayload } from "./client/artifacts.js";
import { SparkArgumentError, UnsupportedOperationError } from "./errors.js";
import type { SessionInternals } from "./internal.js";

/** An artifact: a local path (read by the platform; Node only) or a name and its bytes. */
export type ArtifactSource = string | { readonly name: string; readonly data: Uint8Array };

/** Options of `spark.addArtifacts`. */
export interface AddArtifactsOptions {
  /**
   * Upload as plain files (`files/<name>`, found by `SparkFiles.get` on the server) instead of
   * jars. Default: false.
   */
  file?: boolean;
  /**
   * Upload as archives (`archives/<name>`: zip, tar, tar.gz… unpacked on the server; a
   * `#dir` suffix on the path names the directory). Default: false.
   */
  archive?: boolean;
  /** Aborts the upload. */
  signal?: AbortSignal;
}

/** What `addArtifacts` needs besides the session's internals. */
export interface ArtifactPlatform {
  /** "browser" refuses uploads: gRPC-Web has no client streaming. */
  readonly platform?: string | undefined;
  /** Reads a local file (set by `@spark-connect/core/node`). */
  readonly readFile?: ((path: string) => Promise<Uint8Array>) | undefined;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** The server-side name of an artifact: `jars/x.jar`, `files/x`, `archives/x.zip#dir`. */
export function artifactName(localName: string, options: AddArtifactsOptions): string {
  const { file = false, archive = false } = options;
  if (file && archive) {
    throw new SparkArgumentError("an artifact is a file or an archive, not both", {
      errorClass: "INVALID_MULTIPLE_ARGUMENT_CONDITIONS",
      messageParameters: { arg_names: "'file', 'archive'" },
    });
  }
  const [name = "", fragment] = localName.split("#");
  const base = baseName(name);
  if (base === "") {
    throw new SparkArgumentError(`no file name in ${JSON.stringify(localName)}`, {
      errorClass: "VALUE_NOT_NON_EMPTY_STR",
    });
  }
  if (archive) return `archives/${base}${fragment === undefined ? "" : `#${fragment}`}`;
  if (file) return `files/${base}`;
  if (!base.endsWith(".jar")) {
    throw new SparkArgumentError(
      `${JSON.stringify(base)} is not a jar: pass { file: true } or { archive: true } for other files`,
      { errorClass: "UNSUPPORTED_ARTIFACT", messageParameters: { name: base } },
    );
  }
  return `jars/${base}`;
}

/** Uploads artifacts; resolves with their names on the server. */
export async function addArtifacts(
  internals: SessionInternals,
  platform: ArtifactPlatform,
  sources: readonly ArtifactSource[],
  options: AddArtifactsOptions,
): Promise<string[]> {
  internals.assertActive();
  if (platform.platform === "browser") {
    throw new UnsupportedOperationError(
      "addArtifacts needs client streaming, which gRPC-Web does not have: upload from Node",
      { errorClass: "UNSUPPORTED_IN_BROWSER" },
    );
  }
  const payloads: ArtifactPayload[] = [];
  for (const source of sources) {
    if (typeof source === "string") {
      if (!platform.readFile) {
        throw new UnsupportedOperationError(
          "reading local paths needs @spark-connect/core/node; pass { name, data } instead",
          { errorClass: "UNSUPPORTED_LOCAL_PATH" },
        );
      }
      const data = await platform.readFile(source.split("#")[0] ?? source);
      payloads.push({ name: artifactName(source, options), data });
    } else {
      payloads.push({ name: artifactName(source.name, options), data: source.data });
    }
  }
  if (payloads.length === 0) return [];
  return internals.client.addArtifacts(payloads, options.signal ? { signal: options.signal } : {});
}
