import { Row, type StructType, Timestamp, tableToRows } from "@spark-connect/core";
import type { Table } from "apache-arrow";

/** Options of {@link renderTable}. */
export interface RenderTableOptions {
  /** Rows to render at most. Default 1000. */
  maxRows?: number;
  /** The document to create elements in. Default: the global `document`. */
  document?: Document;
  /** Class name of the table element. Default "spark-table". */
  className?: string;
}

/** How a value is shown in a cell: nulls as "NULL", exact numbers, ISO timestamps with microseconds. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
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
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value instanceof Map) {
    return `{${[...value].map(([k, v]) => `${formatValue(k)} -> ${formatValue(v)}`).join(", ")}}`;
  }
  if (typeof value === "object")
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v));
  return String(value);
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
      td.textContent = formatValue(value);
      if (value === null || value === undefined) td.className = "null";
      else if (typeof value === "number" || typeof value === "bigint") td.className = "number";
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
