import { SparkArgumentError } from "./errors.js";
import type { Row } from "./row.js";

let counter = 0;

/**
 * Named metrics observed while a query runs (`df.observe(observation, ...metrics)`). After an
 * action on the observed DataFrame, `get()` gives the metrics as a Row.
 *
 * @example
 * ```ts
 * const obs = new Observation("stats");
 * const rows = await df.observe(obs, count(lit(1)).alias("n")).collect();
 * (await obs.get()).n
 * ```
 */
export class Observation {
  readonly name: string;
  #planId: number | undefined;
  #value: Row | undefined;
  #resolve!: (row: Row) => void;
  readonly #ready: Promise<Row>;

  constructor(name?: string) {
    if (name !== undefined && (typeof name !== "string" || name === "")) {
      throw new SparkArgumentError("an Observation's name must be a non-empty string", {
        errorClass: "NOT_STR",
      });
    }
    this.name = name ?? `observation_${counter++}`;
    this.#ready = new Promise<Row>((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** @internal Ties the observation to the plan that observes it. */
  attach(planId: number): void {
    if (this.#planId !== undefined) {
      throw new SparkArgumentError(`observation ${this.name} is already used by a DataFrame`, {
        errorClass: "REUSE_OBSERVATION",
      });
    }
    this.#planId = planId;
  }

  /** @internal Called with the metrics the server reported. */
  deliver(row: Row): void {
    this.#value = row;
    this.#resolve(row);
  }

  /** The metrics, once an action on the observed DataFrame has run (waits until then). */
  get(): Promise<Row> {
    return this.#value ? Promise.resolve(this.#value) : this.#ready;
  }
}
