/**
 * Spark Connect's proto `DataType` → column descriptors → Arrow schema: for a result whose only
 * description is `ExecutePlanResponse.schema` (no Arrow batch arrived), and for `createDataFrame`
 * from a schema the server returned.
 *
 * @module
 */

import type { Schema } from "apache-arrow";
import { SparkArgumentError } from "../errors.js";
import type { DataType } from "../gen/spark/connect/types_pb.js";
import {
  type ArrowEncodeOptions,
  arrowSchemaFromColumns,
  type ColumnDescriptor,
  type ColumnType,
} from "./table-from-rows.js";

/**
 * The columns of a proto struct type (a non-struct type becomes one column named `value`, as
 * Spark does).
 *
 * @throws SparkArgumentError `UNSUPPORTED_DATA_TYPE` for types with no Arrow encoding here
 *   (unparsed, geometry, geography, a UDT without its SQL type).
 */
export function columnsFromProtoSchema(schema: DataType): ColumnDescriptor[] {
  if (schema.kind.case === "struct") {
    return schema.kind.value.fields.map((f) => ({
      name: f.name,
      type: columnTypeFromProto(f.dataType, f.name),
      nullable: f.nullable,
    }));
  }
  return [{ name: "value", type: columnTypeFromProto(schema, "value"), nullable: true }];
}

/** The Arrow schema Spark would send for a result of this proto schema. */
export function arrowSchemaFromProto(schema: DataType, options: ArrowEncodeOptions = {}): Schema {
  return arrowSchemaFromColumns(columnsFromProtoSchema(schema), options);
}

/** One proto data type as a column type. */
export function columnTypeFromProto(type: DataType | undefined, path = "value"): ColumnType {
  const kind = type?.kind;
  switch (kind?.case) {
    case "null":
    case "boolean":
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "string":
    case "binary":
    case "date":
    case "timestamp":
    case "timestampNtz":
    case "dayTimeInterval":
    case "yearMonthInterval":
    case "calendarInterval":
    case "variant":
      return { kind: kind.case };
    case "char":
    case "varChar":
      return { kind: "string" };
    case "decimal":
      return {
        kind: "decimal",
        precision: kind.value.precision ?? 10,
        scale: kind.value.scale ?? 0,
      };
    case "time":
      return kind.value.precision === undefined
        ? { kind: "time" }
        : { kind: "time", precision: kind.value.precision };
    case "array":
      return {
        kind: "array",
        elementType: columnTypeFromProto(kind.value.elementType, `${path}[]`),
        containsNull: kind.value.containsNull,
      };
    case "map":
      return {
        kind: "map",
        keyType: columnTypeFromProto(kind.value.keyType, `${path}.key`),
        valueType: columnTypeFromProto(kind.value.valueType, `${path}.value`),
        valueContainsNull: kind.value.valueContainsNull,
      };
    case "struct":
      return {
        kind: "struct",
        fields: kind.value.fields.map((f) => ({
          name: f.name,
          type: columnTypeFromProto(f.dataType, `${path}.${f.name}`),
          nullable: f.nullable,
        })),
      };
    case "udt":
      if (kind.value.sqlType) return columnTypeFromProto(kind.value.sqlType, path);
      break;
  }
  const name = kind?.case ?? "unset";
  throw new SparkArgumentError(
    `Column "${path}" has a ${name} type, which has no Arrow encoding.`,
    {
      errorClass: "UNSUPPORTED_DATA_TYPE",
      messageParameters: { column: path, dataType: name },
    },
  );
}
