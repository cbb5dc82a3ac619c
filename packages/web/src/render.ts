import {
  type CalendarInterval,
  calendarIntervalToString,
  type DataType,
  DayTimeIntervalType,
  dayTimeIntervalToString,
  Row,
  type StructType,
  Timestamp,
  tableToRows,
  type VariantValue,
  variantToJson,
  YearMonthIntervalType,
  yearMonthIntervalToString,
} from "@spark-connect/core";
import { DataType as ArrowType, IntervalUnit, type Table } from "apache-arrow";

/** Options of {@link renderTable}. */
export interface RenderTableOptions {
  /** Rows to render at most. Default 1000. */
  maxRows?: number;
  /**
   * The result's schema (`await df.schema()`). With it, values whose text depends on their type
   * show as Spark shows them: ANSI intervals (`INTERVAL '1-2' YEAR TO MONTH`), which arrive as
   * plain numbers. An Arrow Table carries enough of its schema by itself.
   */
  schema?: StructType;
  /** The document to create elements in. Default: the global `document`. */
  document?: Document;
  /** Class name of the table element. Default "spark-table". */
  className?: string;
}

function isCalendarInterval(value: object): value is CalendarInterval {
  return (
    "months" in value &&
    "days" in value &&
    typeof (value as CalendarInterval).microseconds === "bigint"
  );
}

function isVariant(value: object): value is VariantValue {
  const v = value as Partial<VariantValue>;
  return v.value instanceof Uint8Array && v.metadata instanceof Uint8Array;
}

/**
 * How a value is shown in a cell: nulls as "NULL", exact numbers, ISO timestamps with
 * microseconds, `0x…` binary, variants as JSON (timestamps inside them in UTC), nested arrays,
 * maps and structs. Give the value's Spark type to show ANSI intervals the way Spark writes them;
 * without it they show as their number of months or microseconds.
 */
export function formatValue(value: unknown, type?: DataType): string {
  if (value === null || value === undefined) return "NULL";
  switch (type?.kind) {
    case "yearMonthInterval":
      if (typeof value === "number")
        return yearMonthIntervalToString(value, type as YearMonthIntervalType);
      break;
    case "dayTimeInterval":
      if (typeof value === "bigint" || typeof value === "number") {
        return dayTimeIntervalToString(value, type as DayTimeIntervalType);
      }
      break;
    case "array":
      if (Array.isArray(value))
        return `[${value.map((v) => formatValue(v, type.elementType)).join(", ")}]`;
      break;
    case "map":
      if (value instanceof Map) {
        const entries = [...value].map(
          ([k, v]) => `${formatValue(k, type.keyType)} -> ${formatValue(v, type.valueType)}`,
        );
        return `{${entries.join(", ")}}`;
      }
      break;
    case "struct":
      if (value instanceof Row) {
        const fields = value.fieldNames.map(
          (n, i) => `${n}: ${formatValue(value[i], type.fields[i]?.dataType)}`,
        );
        return `{${fields.join(", ")}}`;
      }
      break;
  }
  if (value instanceof Timestamp) return value.toISOStringMicros();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value instanceof Uint8Array) {
    return `0x${Array.from(value, (b) => b.toString(16).padStart(2, "0"))
      .join("")
      .toUpperCase()}`;
  }
  if (value instanceof Row) {
    return `{${value.fieldNames.map((n, i) => `${n}: ${formatValue(value[i])}`).join(", ")}}`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v)).join(", ")}]`;
  if (value instanceof Map) {
    return `{${[...value].map(([k, v]) => `${formatValue(k)} -> ${formatValue(v)}`).join(", ")}}`;
  }
  if (typeof value === "object") {
    if (isCalendarInterval(value)) return calendarIntervalToString(value);
    if (isVariant(value)) return variantToJson(value);
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v));
  }
  return String(value);
}

/** The Spark types an Arrow schema's top-level columns need for display (intervals only). */
function displayTypes(table: Table): (DataType | undefined)[] {
  return table.schema.fields.map((f) => {
    if (ArrowType.isInterval(f.type) && f.type.unit === IntervalUnit.YEAR_MONTH) {
      return new YearMonthIntervalType();
    }
    if (ArrowType.isDuration(f.type)) return new DayTimeIntervalType();
    return undefined;
  });
}

function isArrowTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && "batches" in value && "schema" in value;
}

/**
 * Renders rows (from `collect()`) or an apache-arrow Table (from `toArrow()`) as an HTML table.
 * Text goes in with `textContent` only: no HTML from the data is ever interpreted.
 *
 * @example
 * ```ts
 * document.body.append(renderTable(await df.limit(100).collect()));
 * ```
 */
export function renderTable(
  data: readonly Row[] | Table,
  options: RenderTableOptions = {},
): HTMLTableElement {
  const doc = options.document ?? globalThis.document;
  const rows = isArrowTable(data) ? tableToRows(data) : data;
  const max = options.maxRows ?? 1000;
  const names =
    rows[0]?.fieldNames ?? (isArrowTable(data) ? data.schema.fields.map((f) => f.name) : []);
  const types: (DataType | undefined)[] = options.schema
    ? options.schema.fields.map((f) => f.dataType)
    : isArrowTable(data)
      ? displayTypes(data)
      : [];
  const table = doc.createElement("table");
  table.className = options.className ?? "spark-table";
  const head = table.createTHead().insertRow();
  for (const name of names) {
    const th = doc.createElement("th");
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows.slice(0, max)) {
    const tr = body.insertRow();
    for (let i = 0; i < names.length; i++) {
      const td = tr.insertCell();
      const value = row[i];
      td.textContent = formatValue(value, types[i]);
      if (value === null || value === undefined) td.className = "null";
      else if (
        (typeof value === "number" || typeof value === "bigint" || types[i]?.kind === "decimal") &&
        !types[i]?.kind.endsWith("Interval")
      ) {
        td.className = "number"; // exact decimals arrive as strings
      }
    }
  }
  return table;
}

/**
 * Renders a schema as a nested list, like `printSchema()`: one item per field with its type and
 * nullability, nested for structs, arrays and maps.
 */
export function renderSchema(
  schema: StructType,
  options: { document?: Document } = {},
): HTMLUListElement {
  const doc = options.document ?? globalThis.document;
  const list = doc.createElement("ul");
  list.className = "spark-schema";
  for (const field of schema.fields) {
    const item = doc.createElement("li");
    const name = doc.createElement("span");
    name.className = "name";
    name.textContent = field.name;
    const type = doc.createElement("span");
    type.className = "type";
    type.textContent = `${field.dataType.simpleString()}${field.nullable ? "" : " not null"}`;
    item.append(name, ": ", type);
    const inner = field.dataType;
    if (inner.kind === "struct") item.append(renderSchema(inner, options));
    list.append(item);
  }
  return list;
}
