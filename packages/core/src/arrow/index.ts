/**
 * The Arrow layer: the only code in core that imports apache-arrow. It works on bytes, tables
 * and values; it never sees the client or the plans.
 *
 * @module
 */

// Results: bytes → Table
export { type DecodedArrowBatch, decodeArrowBatch } from "./decode-batch.js";
export {
  calendarIntervalToString,
  dayTimeIntervalToString,
  yearMonthIntervalToString,
} from "./interval-strings.js";
// createDataFrame: JS rows → Table → bytes
export {
  arrowSchemaFromProto,
  columnsFromProtoSchema,
  columnTypeFromProto,
} from "./proto-schema.js";
export { type ArrowBatchMessage, ArrowResultCollector } from "./result-collector.js";
export {
  type ArrowEncodeOptions,
  arrowSchemaFromColumns,
  type ColumnDescriptor,
  type ColumnType,
  emptyTable,
  tableFromRows,
  tableToIpcStream,
} from "./table-from-rows.js";
// Table → JS values
export {
  type ArrowColumns,
  type ArrowValueOptions,
  batchToRows,
  tableToColumns,
  tableToRows,
  vectorToArray,
} from "./table-to-rows.js";
export { Timestamp } from "./timestamp.js";
export type { CalendarInterval, VariantValue } from "./values.js";
// VariantValue → JSON text or JavaScript values
export {
  type VariantJsonOptions,
  type VariantJsValue,
  type VariantValueOptions,
  variantToJson,
  variantToValue,
} from "./variant.js";
