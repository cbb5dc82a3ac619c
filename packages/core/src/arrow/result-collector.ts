/**
 * Collecting a result's Arrow batches, in order, into one apache-arrow `Table`.
 *
 * @module
 */

import { type RecordBatch, type Schema, Table, util } from "apache-arrow";
import { SparkProtocolError } from "../errors.js";
import type { DataType as ProtoDataType } from "../gen/spark/connect/types_pb.js";
import { decodeArrowBatch } from "./decode-batch.js";
import { setSparkSchema } from "./spark-schema.js";

/**
 * The fields of an `ExecutePlanResponse.ArrowBatch` the collector reads; the generated message
 * fits as it is.
 */
export interface ArrowBatchMessage {
  /** The Arrow IPC stream bytes (or, when chunked, one chunk of them). */
  readonly data: Uint8Array;
  /** The number of rows in the (whole) batch. */
  readonly rowCount: bigint | number;
  /** The row offset of the batch in the result, when the server sends it. */
  readonly startOffset?: bigint | number | undefined;
  /** The chunk's index in its batch, when the server splits batches (Spark 4.1). */
  readonly chunkIndex?: bigint | number | undefined;
  /** The number of chunks of the batch, when the server splits batches (0 or unset: whole). */
  readonly numChunksInBatch?: bigint | number | undefined;
}

/**
 * Accepts a result's Arrow batches in stream order and builds one `Table`.
 *
 * Every batch is decoded on its own ({@link decodeArrowBatch}) and checked: its rows against its
 * declared `rowCount`, its `startOffset` (when present) against the rows received so far (a gap
 * or an overlap throws), its schema against the first batch's. Batches the server split into
 * chunks are reassembled first.
 *
 * ```ts
 * const collector = new ArrowResultCollector();
 * for await (const response of responses) {
 *   if (response.responseType.case === "arrowBatch") collector.add(response.responseType.value);
 * }
 * const table = collector.toTable();
 * ```
 */
export class ArrowResultCollector {
  #schema: Schema | undefined;
  #fallbackSchema: Schema | undefined;
  #sparkSchema: ProtoDataType | undefined;
  readonly #batches: RecordBatch[] = [];
  #rowCount = 0;
  /** Chunks of the batch being reassembled, and the header of its first chunk. */
  readonly #chunks: Uint8Array[] = [];
  #chunkedBatch: ArrowBatchMessage | undefined;

  /** Rows received so far (complete batches only). */
  get rowCount(): number {
    return this.#rowCount;
  }

  /** The result's schema: the first batch's, else the one given to `setSchema`. */
  get schema(): Schema | undefined {
    return this.#schema ?? this.#fallbackSchema;
  }

  /**
   * Gives the schema to use when no batch arrives (e.g. from `ExecutePlanResponse.schema`,
   * converted with `arrowSchemaFromProto`). A batch's own schema always wins.
   */
  setSchema(schema: Schema): void {
    this.#fallbackSchema = schema;
  }

  /**
   * Gives the result's Spark schema (`ExecutePlanResponse.schema`): the Tables and batches this
   * collector returns carry it, so that `tableToRows` and `batchToRows` give nested Rows their
   * real field names (Spark's Arrow encoding renames duplicates inside structs to `a_0`, `a_1`).
   */
  setSparkSchema(schema: ProtoDataType): void {
    this.#sparkSchema = schema;
  }

  /**
   * Adds the next batch (or chunk of a batch).
   *
   * @throws SparkProtocolError `ARROW_BATCH_OFFSET_MISMATCH`, `ARROW_BATCH_ROW_COUNT_MISMATCH`,
   *   `ARROW_SCHEMA_MISMATCH`, `ARROW_BATCH_CHUNK_MISMATCH` or `ARROW_DECODE_FAILED`.
   */
  add(batch: ArrowBatchMessage): void {
    const chunkIndex = Number(batch.chunkIndex ?? 0);
    const numChunks = Number(batch.numChunksInBatch ?? 0);
    const first = this.#chunkedBatch;
    if (first === undefined) {
      this.#checkOffset(batch);
      if (chunkIndex !== 0) throw chunkMismatch(0, chunkIndex);
    } else {
      if (chunkIndex !== this.#chunks.length) throw chunkMismatch(this.#chunks.length, chunkIndex);
      if (numChunks !== Number(first.numChunksInBatch ?? 0)) {
        throw new SparkProtocolError(
          `A chunk of an Arrow batch declares ${numChunks} chunks, the batch's first chunk ` +
            `declared ${Number(first.numChunksInBatch ?? 0)}.`,
          {
            errorClass: "ARROW_BATCH_CHUNK_MISMATCH",
            messageParameters: {
              expected: String(Number(first.numChunksInBatch ?? 0)),
              actual: String(numChunks),
            },
          },
        );
      }
    }
    if (numChunks <= 1) {
      this.#addDecoded(batch.data, batch.rowCount);
      return;
    }
    this.#chunks.push(batch.data);
    this.#chunkedBatch ??= batch;
    if (this.#chunks.length < numChunks) return;
    const data = concat(this.#chunks);
    this.#chunks.length = 0;
    this.#chunkedBatch = undefined;
    this.#addDecoded(data, (first ?? batch).rowCount);
  }

  /**
   * Removes and returns the complete batches added since the last call, in order: to stream a
   * result batch by batch without holding it. The checks go on across calls; a later `toTable()`
   * holds only the batches never taken.
   */
  takeBatches(): RecordBatch[] {
    const batches = this.#batches.splice(0);
    const spark = this.#sparkSchema;
    if (spark) for (const batch of batches) setSparkSchema(batch, spark);
    return batches;
  }

  /**
   * The collected result: a Table of every batch, in order. With no batch at all, an empty Table
   * of the schema given to `setSchema` (or of no columns).
   *
   * @throws SparkProtocolError `ARROW_BATCH_CHUNK_MISMATCH` when a chunked batch is incomplete.
   */
  toTable(): Table {
    if (this.#chunkedBatch !== undefined) {
      throw new SparkProtocolError(
        `The result ended inside a chunked Arrow batch (${this.#chunks.length} of ` +
          `${Number(this.#chunkedBatch.numChunksInBatch)} chunks received).`,
        {
          errorClass: "ARROW_BATCH_CHUNK_MISMATCH",
          messageParameters: {
            expected: String(Number(this.#chunkedBatch.numChunksInBatch)),
            actual: String(this.#chunks.length),
          },
        },
      );
    }
    const schema = this.schema;
    if (schema === undefined) return new Table();
    const table = new Table(schema, this.#batches);
    if (this.#sparkSchema) setSparkSchema(table, this.#sparkSchema);
    return table;
  }

  #checkOffset(batch: ArrowBatchMessage): void {
    if (batch.startOffset === undefined) return;
    if (BigInt(batch.startOffset) !== BigInt(this.#rowCount)) {
      throw new SparkProtocolError(
        `Expected the next Arrow batch at row offset ${this.#rowCount}, got a batch at offset ` +
          `${batch.startOffset}.`,
        {
          errorClass: "ARROW_BATCH_OFFSET_MISMATCH",
          messageParameters: {
            expected: String(this.#rowCount),
            actual: String(batch.startOffset),
          },
        },
      );
    }
  }

  #addDecoded(data: Uint8Array, declaredRows: bigint | number): void {
    const decoded = decodeArrowBatch(data, declaredRows);
    if (this.#schema === undefined) {
      this.#schema = decoded.schema;
    } else if (!util.compareSchemas(this.#schema, decoded.schema)) {
      const expected = describeSchema(this.#schema);
      const actual = describeSchema(decoded.schema);
      throw new SparkProtocolError(
        `An Arrow batch's schema (${actual}) differs from the result's schema (${expected}).`,
        { errorClass: "ARROW_SCHEMA_MISMATCH", messageParameters: { expected, actual } },
      );
    }
    this.#batches.push(...decoded.batches);
    this.#rowCount += decoded.rowCount;
  }
}

/** `a: Int32, b: Utf8 NOT NULL`: the names, types and nullability the comparison looks at. */
function describeSchema(schema: Schema): string {
  return schema.fields
    .map((f) => `${f.name}: ${String(f.type)}${f.nullable ? "" : " NOT NULL"}`)
    .join(", ");
}

function chunkMismatch(expected: number, actual: number): SparkProtocolError {
  return new SparkProtocolError(
    `Expected chunk ${expected} of an Arrow batch, got chunk ${actual}.`,
    {
      errorClass: "ARROW_BATCH_CHUNK_MISMATCH",
      messageParameters: { expected: String(expected), actual: String(actual) },
    },
  );
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
