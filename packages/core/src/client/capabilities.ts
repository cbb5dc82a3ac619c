/**
 * What the SDK can send that older Spark servers lack, and the typed error for it. An older
 * server parses a relation it does not know as an empty one, and answers with a plan error that
 * does not name the feature (4.0/4.1: `Expected Relation to be set, but is empty.`, 4.2:
 * `CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET` for `RELTYPE_NOT_SET`, Sail 0.7:
 * `missing argument: relation type`). The client turns
 * that answer, for a plan that carries such a feature, into an {@link UnsupportedOperationError}
 * naming the feature and the server's version; once it knows the version (after `version()`),
 * it throws before sending.
 */
import { SparkConnectError, type SparkError, UnsupportedOperationError } from "../errors.js";

/** A protocol feature that needs a newer server than some the SDK talks to. */
export interface NewerFeature {
  /** What a user would recognise, e.g. "the Zip relation (DataFrame.zip)". */
  readonly feature: string;
  /** The first Spark release with it, "major.minor". */
  readonly since: string;
}

/** Relation kinds (oneof cases of `spark.connect.Relation`) newer than Spark 4.0. */
const RELATIONS: Readonly<Record<string, NewerFeature>> = {
  zip: { feature: "the Zip relation (DataFrame.zip)", since: "4.3" },
  nearestByJoin: { feature: "the NearestByJoin relation", since: "4.2" },
  relationChanges: { feature: "the RelationChanges relation", since: "4.2" },
};

/**
 * The newer features a protobuf message (a `Plan`, a `Relation`, an `AnalyzePlan` oneof…)
 * uses, each once, found by walking its fields.
 */
export function newerFeatures(message: unknown): NewerFeature[] {
  const found = new Map<string, NewerFeature>();
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (typeof value !== "object" || value === null || value instanceof Uint8Array) return;
    if (seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (record.$typeName === "spark.connect.Relation") {
      const relType = record.relType as { case?: string } | undefined;
      const feature = relType?.case === undefined ? undefined : RELATIONS[relType.case];
      if (feature) found.set(feature.feature, feature);
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== "$typeName") walk(child);
    }
  };
  walk(message);
  return [...found.values()];
}

/** True when `version` ("4.0.5", "4.2.0-preview"…) is older than `since` ("4.3"). */
export function olderThan(version: string, since: string): boolean {
  const parse = (v: string) => v.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const [a = 0, b = 0] = parse(version);
  const [c = 0, d = 0] = parse(since);
  return a !== c ? a < c : b < d;
}

/** The answer of a server that received a relation it does not know (parsed as empty). */
export function isUnknownRelationAnswer(error: SparkError): boolean {
  if (
    error.errorClass === "CONNECT_INVALID_PLAN.INVALID_ONE_OF_FIELD_NOT_SET" &&
    error.messageParameters.name === "RELTYPE_NOT_SET"
  ) {
    return true;
  }
  // Sail (0.7, the 4.2 protocol): IllegalArgumentException "missing argument: relation type".
  return /Expected Relation to be set, but is empty|RELTYPE_NOT_SET|missing argument: relation type$/.test(
    error.message,
  );
}

/**
 * The typed error for `features` the server at `serverVersion` lacks (`cause`: its own answer,
 * when it was sent; its gRPC code is kept). Error class `UNSUPPORTED_BY_SERVER`, with parameters
 * `feature`, `since` (of the first feature) and `serverVersion`.
 */
export function unsupportedByServer(
  features: readonly NewerFeature[],
  serverVersion: string,
  cause?: SparkError,
): UnsupportedOperationError {
  const first = features[0] ?? { feature: "a feature of this plan", since: "a newer release" };
  const named = features.map((f) => `${f.feature} (Spark ${f.since}+)`).join(", ");
  return new UnsupportedOperationError(
    `[UNSUPPORTED_BY_SERVER] ${named} ${features.length > 1 ? "are" : "is"} not supported by this server (Spark ${serverVersion})`,
    {
      errorClass: "UNSUPPORTED_BY_SERVER",
      messageParameters: { feature: first.feature, since: first.since, serverVersion },
      ...(cause === undefined ? {} : { cause }),
      ...(cause instanceof SparkConnectError && cause.code !== undefined
        ? { code: cause.code }
        : {}),
    },
  );
}
