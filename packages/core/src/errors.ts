/**
 * The error tree of @spark-connect/core. Every error the SDK throws is a {@link SparkError}.
 *
 * `instanceof` works across two bundled copies of this package: each error carries the names of
 * its classes under a `Symbol.for` key, and every class checks that list instead of its prototype
 * chain.
 *
 * @module
 */

const KINDS = Symbol.for("@spark-connect/core.error-kinds");

/** Options shared by every SparkError constructor. */
export interface SparkErrorOptions {
  /** Spark's error class (e.g. "TABLE_OR_VIEW_NOT_FOUND"), or the SDK's own for client errors. */
  errorClass?: string;
  /** The parameters of the error class's message template. */
  messageParameters?: Readonly<Record<string, string>>;
  /** The underlying error. */
  cause?: unknown;
}

/** The base of everything the SDK throws. Messages start with the error class when there is one. */
export class SparkError extends Error {
  /** The class's stable name, used for `name` and cross-bundle `instanceof`. */
  static readonly kind: string = "SparkError";

  /** Spark's error class, or the SDK's own class for client-side errors. */
  readonly errorClass: string | undefined;
  /** The parameters of the error class's message template. */
  readonly messageParameters: Readonly<Record<string, string>>;
  declare readonly [KINDS]: readonly string[];

  constructor(message: string, options: SparkErrorOptions = {}) {
    const prefix = options.errorClass ? `[${options.errorClass}] ` : "";
    super(
      message.startsWith(prefix) ? message : prefix + message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    const kinds: string[] = [];
    for (
      let c: unknown = new.target;
      typeof c === "function" && Object.hasOwn(c, "kind");
      c = Object.getPrototypeOf(c)
    ) {
      kinds.push((c as typeof SparkError).kind);
    }
    Object.defineProperty(this, KINDS, { value: Object.freeze(kinds), enumerable: false });
    this.name = new.target.kind;
    this.errorClass = options.errorClass;
    this.messageParameters = Object.freeze({ ...(options.messageParameters ?? {}) });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const kinds = (value as { [KINDS]?: unknown })[KINDS];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof was asked about.
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }
}

/** Thrown synchronously by builders and parsers for bad arguments. */
export class SparkArgumentError extends SparkError {
  static override readonly kind: string = "SparkArgumentError";
}
