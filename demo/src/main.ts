import {
  connect,
  type Row,
  renderSchema,
  renderTable,
  SparkConnectError,
  SparkError,
} from "@spark-connect/web";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $<HTMLOutputElement>("status");
const sql = $<HTMLTextAreaElement>("sql");
const run = $<HTMLButtonElement>("run");
const cancel = $<HTMLButtonElement>("cancel");
const progress = $<HTMLProgressElement>("progress");
const summary = $<HTMLOutputElement>("summary");
const errorBox = $<HTMLElement>("error");
const result = $<HTMLElement>("result");
const schemaBox = $<HTMLDetailsElement>("schema-box");
const schema = $<HTMLElement>("schema");

// The dev server proxies /spark.connect.SparkConnectService/ to Envoy: same origin, no CORS.
const spark = connect(location.origin);
let controller: AbortController | undefined;

async function showVersion(): Promise<void> {
  try {
    status.textContent = `Apache Spark ${await spark.version({ signal: AbortSignal.timeout(30_000) })}`;
    status.className = "ok";
  } catch (err) {
    status.textContent = err instanceof Error ? err.message : String(err);
    status.className = "error";
  }
}

/** Shows an error: its class, SQL state, message, and the query fragment it points at. */
function showError(err: unknown, query: string): void {
  errorBox.replaceChildren();
  errorBox.hidden = false;
  const head = document.createElement("p");
  if (err instanceof SparkError) {
    const cls = document.createElement("span");
    cls.className = "class";
    cls.textContent = err.errorClass ?? err.name;
    head.append(cls);
    if (err instanceof SparkConnectError && err.sqlState)
      head.append(` (SQLSTATE ${err.sqlState})`);
  } else {
    head.textContent = "Error";
  }
  const message = document.createElement("pre");
  message.textContent = err instanceof Error ? err.message : String(err);
  errorBox.append(head, message);
  const context = err instanceof SparkConnectError ? err.queryContext[0] : undefined;
  if (context?.startIndex !== undefined && context.stopIndex !== undefined) {
    const pre = document.createElement("pre");
    const mark = document.createElement("mark");
    mark.textContent = query.slice(context.startIndex, context.stopIndex + 1);
    pre.append(query.slice(0, context.startIndex), mark, query.slice(context.stopIndex + 1));
    errorBox.append(pre);
  }
}

async function runQuery(): Promise<void> {
  const query = sql.value;
  controller = new AbortController();
  run.disabled = true;
  cancel.disabled = false;
  errorBox.hidden = true;
  result.replaceChildren();
  schemaBox.hidden = true;
  progress.hidden = false;
  progress.value = 0;
  summary.textContent = "running…";
  const started = performance.now();
  try {
    const df = await spark.sql(query, undefined, { signal: controller.signal });
    const rows: Row[] = [];
    for await (const row of df.toLocalIterator({
      signal: controller.signal,
      onProgress: (p) => {
        progress.max = Math.max(1, p.tasks);
        progress.value = p.completedTasks;
      },
    })) {
      rows.push(row);
      if (rows.length === 1 || rows.length % 10_000 === 0) {
        result.replaceChildren(renderTable(rows, { maxRows: 500 }));
        summary.textContent = `${rows.length.toLocaleString()} rows so far…`;
      }
    }
    result.replaceChildren(renderTable(rows, { maxRows: 500 }));
    summary.textContent = `${rows.length.toLocaleString()} rows in ${((performance.now() - started) / 1000).toFixed(2)} s`;
    schema.replaceChildren(renderSchema(await df.schema()));
    schemaBox.hidden = false;
  } catch (err) {
    summary.textContent = "";
    showError(err, query);
  } finally {
    run.disabled = false;
    cancel.disabled = true;
    progress.hidden = true;
  }
}

run.addEventListener("click", () => void runQuery());
cancel.addEventListener("click", () => controller?.abort(new Error("cancelled by the user")));
void showVersion();
