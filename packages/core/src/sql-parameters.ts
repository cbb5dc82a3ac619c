/**
 * Spark names an unbound positional parameter (`?`) after its character offset in the query
 * (`_10` for the `?` at offset 10), which a user who wrote `?` cannot recognise. This turns that
 * report into one that names the marker by its number and says how many arguments were given.
 *
 * @module
 */
import { SparkConnectError } from "./errors.js";

/** The ordinal (1-based) of the `?` at `offset`, counting markers outside quotes and comments. */
export function markerOrdinal(query: string, offset: number): number | undefined {
  if (query[offset] !== "?") return undefined;
  let count = 0;
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (c === "'" || c === '"' || c === "`") {
      // A quoted string or identifier; a doubled quote or a backslash escapes.
      i++;
      while (i < query.length && query[i] !== c) i += query[i] === "\\" && c !== "`" ? 2 : 1;
      i++;
    } else if (c === "-" && query[i + 1] === "-") {
      while (i < query.length && query[i] !== "\n") i++;
    } else if (c === "/" && query[i + 1] === "*") {
      const end = query.indexOf("*/", i + 2);
      i = end < 0 ? query.length : end + 2;
    } else {
      if (c === "?") {
        count++;
        if (i === offset) return count;
      }
      i++;
    }
  }
  return undefined;
}

const ORDINAL = (n: number) => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10];
  return `${n}${suffix ?? "th"}`;
};

/**
 * The same error with a message naming the `?` a user wrote, when `err` is Spark's
 * `UNBOUND_SQL_PARAMETER` for a positional marker; any other error unchanged. The error class,
 * SQL state and parameters stay Spark's.
 */
export function explainUnboundPositional(err: unknown, query: string, given: number): unknown {
  if (!(err instanceof SparkConnectError) || err.errorClass !== "UNBOUND_SQL_PARAMETER") return err;
  const m = /^_(\d+)$/.exec(err.messageParameters.name ?? "");
  if (!m) return err;
  const offset = Number(m[1]);
  const n = markerOrdinal(query, offset);
  const which = n === undefined ? "A `?`" : `The ${ORDINAL(n)} \`?\``;
  const args = `${given} positional argument${given === 1 ? " was" : "s were"} given`;
  try {
    err.message =
      `[UNBOUND_SQL_PARAMETER] ${which} (at character ${offset} of the query) has no value: ` +
      `${args}. Pass one argument per \`?\`, in order. (Spark names this parameter _${offset}.)`;
  } catch {
    // A frozen error keeps Spark's message.
  }
  return err;
}
