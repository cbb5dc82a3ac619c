/**
 * Decoding one `ExecutePlanResponse.arrow_batch`: a self-contained Arrow IPC stream.
 *
 * @module
 */

import { type RecordBatch, RecordBatchReader, type Schema } from "apache-arrow";
import { SparkProtocolError } from "../errors.js";
import { withSchema } from "./record-batch.js";

/** One decoded Arrow IPC stream. */
export interface DecodedArrowBatch {
  /** The stream's schema. */
  readonly schema: Schema;
  /** Its record batches (Spark sends one; a zero-row result may send one with no rows). */
  readonly batches: readonly RecordBatch[];
  /** The total number of rows in `batches`. */
  readonly rowCount: number;
}

/**
 * Decodes one Arrow batch's bytes on their own: one IPC stream (schema, then record batches).
 * Never concatenate several batches' bytes: a reader stops at the first stream's end, so the
 * rest would be lost silently; this function refuses bytes holding more than one stream.
 *
 * ```ts
 * const { schema, batches, rowCount } = decodeArrowBatch(batch.data, batch.rowCount);
 * ```
 *
 * @param data the IPC stream bytes (`arrow_batch.data`)
 * @param expectedRowCount the declared `arrow_batch.row_count`; checked when given
 * @throws SparkProtocolError `ARROW_DECODE_FAILED` for bytes that are not exactly one Arrow IPC
 *   stream, `ARROW_BATCH_ROW_COUNT_MISMATCH` when the rows differ from `expectedRowCount`.
 */
export function decodeArrowBatch(
  data: Uint8Array,
  expectedRowCount?: bigint | number,
): DecodedArrowBatch {
  let schema: Schema | undefined;
  const batches: RecordBatch[] = [];
  let streams = 0;
  try {
    for (const reader of RecordBatchReader.readAll(data)) {
      streams++;
      if (streams > 1) break;
      for (const batch of reader) batches.push(batch);
      schema = reader.schema;
      for (let i = 0; i < batches.length; i++) batches[i] = withSchema(batches[i]!, schema);
    }
  } catch (cause) {
    throw decodeFailed(
      `the bytes are not an Arrow IPC stream (${cause instanceof Error ? cause.message : String(cause)})`,
      data,
      cause,
    );
  }
  if (streams > 1) throw decodeFailed("the bytes hold more than one Arrow IPC stream", data);
  if (schema === undefined) throw decodeFailed("the bytes hold no Arrow IPC stream", data);
  let rowCount = 0;
  for (const batch of batches) rowCount += batch.numRows;
  if (expectedRowCount !== undefined && BigInt(rowCount) !== BigInt(expectedRowCount)) {
    throw new SparkProtocolError(
      `The Arrow batch declares ${expectedRowCount} rows but holds ${rowCount}.`,
      {
        errorClass: "ARROW_BATCH_ROW_COUNT_MISMATCH",
        messageParameters: { expected: String(expectedRowCount), actual: String(rowCount) },
      },
    );
  }
  return { schema, batches, rowCount };
}

function decodeFailed(reason: string, data: Uint8Array, cause?: unknown): SparkProtocolError {
  return new SparkProtocolError(
    `Cannot decode an Arrow batch of ${data.length} bytes: ${reason}.`,
    {
      errorClass: "ARROW_DECODE_FAILED",
      messageParameters: { reason, byteLength: String(data.length) },
      cause,
    },
  );
}
