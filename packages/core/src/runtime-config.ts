import { create } from "@bufbuild/protobuf";
import type { CallControl } from "./client/client.js";
import { SparkArgumentError } from "./errors.js";
import {
  type ConfigRequest_Operation,
  ConfigRequest_OperationSchema,
} from "./gen/spark/connect/base_pb.js";
import type { SessionInternals } from "./internal.js";

type ConfValue = string | number | boolean;

function op(opType: ConfigRequest_Operation["opType"]): ConfigRequest_Operation {
  return create(ConfigRequest_OperationSchema, { opType });
}

const kv = (key: string, value?: string) => ({
  $typeName: "spark.connect.KeyValue" as const,
  key,
  ...(value === undefined ? {} : { value }),
});

function checkKey(key: unknown): string {
  if (typeof key !== "string" || key === "") {
    throw new SparkArgumentError("a configuration key must be a non-empty string", {
      errorClass: "NOT_STR",
      messageParameters: { arg_name: "key" },
    });
  }
  return key;
}

/**
 * The session's runtime configuration (`spark.conf`), read and written on the server.
 *
 * @example
 * ```ts
 * await spark.conf.set("spark.sql.shuffle.partitions", 4);
 * await spark.conf.get("spark.sql.shuffle.partitions"); // "4"
 * ```
 */
export class RuntimeConfig {
  readonly #internals: SessionInternals;
  /** @internal */
  constructor(internals: SessionInternals) {
    this.#internals = internals;
    Object.freeze(this);
  }

  async #run(operation: ConfigRequest_Operation, control?: CallControl) {
    this.#internals.assertActive();
    return this.#internals.client.config(operation, control);
  }

  /** Sets a value (numbers and booleans are sent as strings, as Spark stores them). */
  async set(key: string, value: ConfValue, control?: CallControl): Promise<void> {
    if (!["string", "number", "boolean"].includes(typeof value)) {
      throw new SparkArgumentError("a configuration value must be a string, number or boolean", {
        errorClass: "NOT_BOOL_OR_INT_OR_STR",
        messageParameters: { arg_name: "value" },
      });
    }
    await this.#run(
      op({
        case: "set",
        value: {
          $typeName: "spark.connect.ConfigRequest.Set",
          pairs: [kv(checkKey(key), String(value))],
        },
      }),
      control,
    );
  }

  /**
   * A value. Without a default, an unset key without a default of its own fails with the
   * server's error; with a default (even `null`), that default is returned instead.
   */
  async get(
    key: string,
    defaultValue?: string | null,
    control?: CallControl,
  ): Promise<string | null> {
    checkKey(key);
    if (defaultValue === undefined) {
      const r = await this.#run(
        op({ case: "get", value: { $typeName: "spark.connect.ConfigRequest.Get", keys: [key] } }),
        control,
      );
      return r.pairs[0]?.value ?? null;
    }
    if (defaultValue === null) {
      const r = await this.#run(
        op({
          case: "getOption",
          value: { $typeName: "spark.connect.ConfigRequest.GetOption", keys: [key] },
        }),
        control,
      );
      return r.pairs[0]?.value ?? null;
    }
    const r = await this.#run(
      op({
        case: "getWithDefault",
        value: {
          $typeName: "spark.connect.ConfigRequest.GetWithDefault",
          pairs: [kv(key, String(defaultValue))],
        },
      }),
      control,
    );
    return r.pairs[0]?.value ?? null;
  }

  /** Removes a value set in this session. */
  async unset(key: string, control?: CallControl): Promise<void> {
    await this.#run(
      op({
        case: "unset",
        value: { $typeName: "spark.connect.ConfigRequest.Unset", keys: [checkKey(key)] },
      }),
      control,
    );
  }

  /**
   * Every value set (optionally only keys starting with a prefix), as full key → value.
   *
   * Spark answers a prefixed request with the keys' remainders (`partitions` for the prefix
   * `spark.sql.shuffle.`) and this prepends the prefix; servers that answer with full keys (Sail)
   * are recognised by every key already starting with the prefix, and kept as they are.
   *
   * @example
   * ```ts
   * await spark.conf.getAll("spark.sql.shuffle."); // { "spark.sql.shuffle.partitions": "200", … }
   * ```
   */
  async getAll(prefix?: string, control?: CallControl): Promise<Record<string, string>> {
    const r = await this.#run(
      op({
        case: "getAll",
        value: {
          $typeName: "spark.connect.ConfigRequest.GetAll",
          ...(prefix === undefined ? {} : { prefix }),
        },
      }),
      control,
    );
    const p = prefix ?? "";
    const full = p !== "" && r.pairs.length > 0 && r.pairs.every((kv) => kv.key.startsWith(p));
    return Object.fromEntries(r.pairs.map((kv) => [full ? kv.key : p + kv.key, kv.value ?? ""]));
  }

  /** True when the key can be changed at runtime in this session. */
  async isModifiable(key: string, control?: CallControl): Promise<boolean> {
    const r = await this.#run(
      op({
        case: "isModifiable",
        value: { $typeName: "spark.connect.ConfigRequest.IsModifiable", keys: [checkKey(key)] },
      }),
      control,
    );
    return r.pairs[0]?.value === "true";
  }
}
