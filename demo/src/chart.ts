/**
 * A small SVG bar chart for results that have a category column and a numeric column. Built
 * with DOM calls only (no inline script or style attributes), so it runs under a strict CSP.
 */
import { formatValue, type Row, type StructType } from "@spark-connect/web";

const SVG = "http://www.w3.org/2000/svg";
const MAX_BARS = 30;
const NUMERIC = new Set(["byte", "short", "integer", "long", "float", "double", "decimal"]);
const CATEGORY = new Set(["string", "char", "varchar", "date", "boolean"]);

/** The first category column and the first numeric column of a schema, if it has both. */
export function chartColumns(schema: StructType): { label: number; value: number } | undefined {
  const types = schema.fields.map((f) => f.dataType.typeName());
  const label = types.findIndex((t) => CATEGORY.has(t));
  const value = types.findIndex((t) => NUMERIC.has(t));
  return label >= 0 && value >= 0 ? { label, value } : undefined;
}

/** A horizontal bar chart of the first rows, or undefined when the schema does not fit one. */
export function renderChart(rows: readonly Row[], schema: StructType): SVGSVGElement | undefined {
  const cols = chartColumns(schema);
  if (!cols || rows.length === 0) return undefined;
  const bars = rows.slice(0, MAX_BARS).map((r) => ({
    label: formatValue(r[cols.label]),
    // Exact decimals and longs arrive as strings and bigints; a chart only needs doubles.
    value: Number(r[cols.value] ?? 0),
  }));
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 1);
  const rowHeight = 22;
  const labelWidth = 150;
  const width = 680;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${bars.length * rowHeight + 8}`);
  svg.setAttribute("role", "img");
  const title = document.createElementNS(SVG, "title");
  title.textContent = `${schema.fields[cols.value]?.name} by ${schema.fields[cols.label]?.name}`;
  svg.append(title);
  bars.forEach((bar, i) => {
    const y = i * rowHeight + 4;
    const g = document.createElementNS(SVG, "g");
    g.setAttribute("class", "bar");
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", String(labelWidth - 6));
    label.setAttribute("y", String(y + 13));
    label.setAttribute("text-anchor", "end");
    label.textContent = bar.label;
    const w = Math.max(1, (Math.abs(bar.value) / max) * (width - labelWidth - 120));
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("x", String(labelWidth));
    rect.setAttribute("y", String(y));
    rect.setAttribute("width", w.toFixed(1));
    rect.setAttribute("height", String(rowHeight - 6));
    const value = document.createElementNS(SVG, "text");
    value.setAttribute("x", String(labelWidth + w + 6));
    value.setAttribute("y", String(y + 13));
    value.setAttribute("class", "value");
    value.textContent = bar.value.toLocaleString("en-US");
    g.append(label, rect, value);
    svg.append(g);
  });
  return svg;
}
