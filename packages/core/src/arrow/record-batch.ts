/**
 * Record batches that keep duplicate column names.
 *
 * @module
 */

import { type Data, RecordBatch, type Schema, type Struct, util } from "apache-arrow";

/**
 * `batch` with exactly `schema` as its schema.
 *
 * apache-arrow's RecordBatch constructor rebuilds the schema with `Schema.assign`, which merges
 * fields by name: with two top-level columns named `id` (Spark allows that: `SELECT a.id, b.id`),
 * both fields become the last one, and `new Table(schema, batches)` then refuses the batch. The
 * batch's data is right; only its `schema` property is wrong, so it is set back here.
 */
export function withSchema(batch: RecordBatch, schema: Schema): RecordBatch {
  if (batch.schema !== schema && !util.compareSchemas(schema, batch.schema)) {
    (batch as unknown as { schema: Schema }).schema = schema;
  }
  return batch;
}

/** `new RecordBatch(schema, data)`, keeping duplicate column names (see {@link withSchema}). */
export function makeRecordBatch(schema: Schema, data: Data<Struct>): RecordBatch {
  return withSchema(new RecordBatch(schema, data), schema);
}
