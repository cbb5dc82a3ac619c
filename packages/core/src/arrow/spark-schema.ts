/**
 * The Spark schema of a result, kept beside its Arrow Table and batches.
 *
 * Spark's Arrow encoding renames duplicate field names inside structs (`a`, `a` → `a_0`, `a_1`),
 * so the Arrow schema alone cannot give a nested Row its real field names. The server sends the
 * Spark schema (`ExecutePlanResponse.schema`) before the batches; the result collector records it
 * here for the Tables and batches it builds, and the row conversion takes nested names from it.
 *
 * @module
 */
import type { DataType as ProtoDataType } from "../gen/spark/connect/types_pb.js";

const SPARK_SCHEMAS = new WeakMap<object, ProtoDataType>();

/** Records the Spark schema of a Table or RecordBatch. */
export function setSparkSchema(target: object, schema: ProtoDataType): void {
  SPARK_SCHEMAS.set(target, schema);
}

/** The Spark schema recorded for a Table or RecordBatch, if any. */
export function sparkSchemaOf(target: object): ProtoDataType | undefined {
  return SPARK_SCHEMAS.get(target);
}

/** The Spark types of a struct type's fields (none when it is not a struct). */
export function sparkFieldTypes(type: ProtoDataType | undefined): {
  names: string[];
  types: (ProtoDataType | undefined)[];
} {
  if (type?.kind.case !== "struct") return { names: [], types: [] };
  const fields = type.kind.value.fields;
  return { names: fields.map((f) => f.name), types: fields.map((f) => f.dataType) };
}
