import {
  batchToRows,
  connect,
  type DataFrame,
  type Row,
  renderSchema,
  renderTable,
  SparkConnectError,
  SparkError,
  type SparkSession,
  type StructType,
} from "@spark-connect/web";
import { renderChart } from "./chart.js";
import { PROGRAMS, programSource } from "./programs.js";
import programsFile from "./programs.ts?raw";
import { createSampleData, SALES_ROWS, SAMPLE_QUERY } from "./sample-data.js";
import { mountServerLibrary } from "./server-library.js";

/** Rows kept for the table and the chart; the count covers every row streamed. */
const KEEP_ROWS = 1_000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  status: $<HTMLOutputElement>("status"),
  sampleStatus: $<HTMLOutputElement>("sample-status"),
  retryStatus: $<HTMLOutputElement>("retry-status"),
  settings: $<HTMLFormElement>("settings-form"),
  proxyUrl: $<HTMLInputElement>("proxy-url"),
  token: $<HTMLInputElement>("token"),
  tabSql: $<HTMLButtonElement>("tab-sql"),
  tabDf: $<HTMLButtonElement>("tab-df"),
  sqlView: $<HTMLElement>("sql-view"),
  dfView: $<HTMLElement>("df-view"),
  sql: $<HTMLTextAreaElement>("sql"),
  program: $<HTMLSelectElement>("program"),
  programSource: $<HTMLElement>("program-source"),
  run: $<HTMLButtonElement>("run"),
  cancel: $<HTMLButtonElement>("cancel"),
  progress: $<HTMLProgressElement>("progress"),
  summary: $<HTMLOutputElement>("summary"),
  error: $<HTMLElement>("error"),
  rowCount: $<HTMLOutputElement>("row-count"),
  chart: $<HTMLElement>("chart"),
  result: $<HTMLElement>("result"),
  schemaBox: $<HTMLDetailsElement>("schema-box"),
  schema: $<HTMLElement>("schema"),
  planBox: $<HTMLDetailsElement>("plan-box"),
  planJson: $<HTMLElement>("plan-json"),
  explainBox: $<HTMLDetailsElement>("explain-box"),
  explain: $<HTMLElement>("explain"),
};

let spark: SparkSession | undefined;
let controller: AbortController | undefined;

// Connecting ------------------------------------------------------------------------------------

/**
 * Connects to the proxy at `baseUrl`. By default that is this page's own origin: the dev server
 * proxies the Spark Connect path to Envoy. `?proxy=` in the page URL or the settings form points
 * the page at another proxy (then Envoy must allow this page's origin). The token is never read
 * from or written to the URL or any storage.
 */
async function connectTo(baseUrl: string, token: string): Promise<void> {
  const previous = spark;
  void previous?.stop().catch(() => undefined);
  // An interactive page fails fast when the proxy cannot be reached (the SDK's default, like
  // PySpark's, keeps retrying for minutes): about 4 s of retries, then the error.
  const session = connect({
    baseUrl,
    ...(token ? { token } : {}),
    retryPolicy: { maxRetries: 4 },
    // Say so while the SDK retries (a proxy restarting, a dropped connection).
    onRetry: ({ attempt, delayMs, error }) => {
      if (spark !== session) return;
      ui.retryStatus.dataset.errorClass = error.errorClass ?? "";
      ui.retryStatus.textContent = `· retry ${attempt} in ${delayMs} ms after ${error.message}`;
    },
  });
  spark = session;
  ui.status.dataset.sessionId = session.sessionId;
  delete ui.status.dataset.errorClass;
  ui.status.className = "";
  ui.status.textContent = "connecting…";
  ui.sampleStatus.textContent = "";
  ui.retryStatus.textContent = "";
  try {
    const version = await session.version({ signal: AbortSignal.timeout(30_000) });
    if (spark !== session) return;
    ui.status.textContent = `Apache Spark ${version}`;
    ui.status.className = "ok";
    ui.sampleStatus.textContent = "· creating sample data…";
    await createSampleData(session, AbortSignal.timeout(60_000));
    if (spark !== session) return;
    ui.sampleStatus.textContent = `· sample data: sales, ${SALES_ROWS.toLocaleString("en-US")} rows`;
    ui.sampleStatus.className = "ok";
  } catch (err) {
    if (spark !== session) return;
    ui.status.textContent = err instanceof Error ? err.message : String(err);
    ui.status.className = "error";
    if (err instanceof SparkError && err.errorClass) ui.status.dataset.errorClass = err.errorClass;
  }
}

// Views -----------------------------------------------------------------------------------------

function selectTab(sqlTab: boolean): void {
  ui.tabSql.setAttribute("aria-selected", String(sqlTab));
  ui.tabDf.setAttribute("aria-selected", String(!sqlTab));
  ui.sqlView.hidden = !sqlTab;
  ui.dfView.hidden = sqlTab;
  if (!sqlTab) showProgram();
}

function currentProgram() {
  return PROGRAMS.find((p) => p.id === ui.program.value) ?? PROGRAMS[0];
}

/** Shows the selected program's source and its plan, built on the client without a round trip. */
function showProgram(): void {
  const program = currentProgram();
  if (!program) return;
  ui.programSource.textContent = programSource(programsFile, program.id);
  if (spark) showPlan(program.build(spark));
  ui.planBox.open = true; // the program and its plan side by side
}

function showPlan(df: DataFrame): void {
  ui.planJson.textContent = df.toPlanJson();
  ui.planBox.hidden = false;
}

/** Shows an error: its class, SQL state, message, and the query fragment it points at. */
function showError(err: unknown, query: string | undefined): void {
  ui.error.replaceChildren();
  ui.error.hidden = false;
  const head = document.createElement("p");
  if (err instanceof SparkError) {
    const cls = document.createElement("span");
    cls.className = "class";
    cls.textContent = err.errorClass ?? err.name;
    head.append(cls, ` ${err.name}`);
    if (err instanceof SparkConnectError && err.sqlState) {
      head.append(` (SQLSTATE ${err.sqlState})`);
    }
  } else {
    head.textContent = "Error";
  }
  const message = document.createElement("pre");
  message.textContent = err instanceof Error ? err.message : String(err);
  ui.error.append(head, message);
  const context = err instanceof SparkConnectError ? err.queryContext[0] : undefined;
  if (query && context?.startIndex !== undefined && context.stopIndex !== undefined) {
    const pre = document.createElement("pre");
    const mark = document.createElement("mark");
    mark.textContent = query.slice(context.startIndex, context.stopIndex + 1);
    pre.append(query.slice(0, context.startIndex), mark, query.slice(context.stopIndex + 1));
    ui.error.append(pre);
  }
}

// Running ---------------------------------------------------------------------------------------

function resetResult(): void {
  ui.error.hidden = true;
  ui.result.replaceChildren();
  ui.chart.replaceChildren();
  ui.chart.hidden = true;
  ui.rowCount.hidden = true;
  ui.schemaBox.hidden = true;
  ui.explainBox.hidden = true;
  ui.planBox.hidden = true;
}

function showCount(rows: number, done: boolean): void {
  ui.rowCount.hidden = false;
  ui.rowCount.dataset.rows = String(rows);
  ui.rowCount.dataset.done = String(done);
  ui.rowCount.textContent = `${rows.toLocaleString("en-US")} rows${done ? "" : " so far…"}`;
}

/**
 * Streams the result batch by batch: the count and the first rows show as soon as the first
 * batch arrives; only {@link KEEP_ROWS} rows are kept, so a result of millions of rows streams
 * in constant memory. The schema is asked for at the same time; once it is known, cells show
 * their values the way Spark writes them for their type.
 */
async function stream(
  df: DataFrame,
  signal: AbortSignal,
  started: number,
): Promise<{ rows: Row[]; schema: StructType }> {
  let schema: StructType | undefined;
  const schemaReady = df.schema({ signal }).then((s) => {
    schema = s;
    return s;
  });
  schemaReady.catch(() => undefined); // reported below, after the rows
  const kept: Row[] = [];
  const render = () =>
    ui.result.replaceChildren(
      renderTable(kept, { maxRows: KEEP_ROWS, ...(schema ? { schema } : {}) }),
    );
  let count = 0;
  let batches = 0;
  let firstRowsMs: number | undefined;
  for await (const batch of df.toArrowBatches({
    signal,
    onProgress: (p) => {
      ui.progress.max = Math.max(1, p.tasks);
      ui.progress.value = p.completedTasks;
    },
  })) {
    batches++;
    count += batch.numRows;
    if (kept.length < KEEP_ROWS && batch.numRows > 0) {
      kept.push(...batchToRows(batch.slice(0, KEEP_ROWS - kept.length)));
      render();
    }
    if (firstRowsMs === undefined && count > 0) firstRowsMs = performance.now() - started;
    showCount(count, false);
  }
  showCount(count, true);
  await schemaReady;
  render();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const first = firstRowsMs === undefined ? "" : `, first rows after ${Math.round(firstRowsMs)} ms`;
  const shown =
    count > kept.length ? `; the first ${kept.length.toLocaleString("en-US")} shown` : "";
  const batchText = `${batches} batch${batches === 1 ? "" : "es"}`;
  ui.summary.textContent = `${count.toLocaleString("en-US")} rows in ${batchText}, ${seconds} s${first}${shown}`;
  return { rows: kept, schema: await schemaReady };
}

/** After the rows: the schema, a chart when the result has a category and a number, explain. */
async function describe(
  df: DataFrame,
  { rows, schema }: { rows: Row[]; schema: StructType },
  signal: AbortSignal,
): Promise<void> {
  ui.schema.replaceChildren(renderSchema(schema));
  ui.schemaBox.hidden = false;
  const chart = renderChart(rows, schema);
  if (chart) {
    ui.chart.replaceChildren(chart);
    ui.chart.hidden = false;
  }
  ui.explain.textContent = await df.explain("formatted", { signal, print: null });
  ui.explainBox.hidden = false;
}

async function run(): Promise<void> {
  const session = spark;
  if (!session) return;
  const sqlMode = !ui.sqlView.hidden;
  const query = sqlMode ? ui.sql.value : undefined;
  controller = new AbortController();
  const { signal } = controller;
  ui.run.disabled = true;
  ui.cancel.disabled = false;
  resetResult();
  ui.progress.hidden = false;
  ui.progress.removeAttribute("value");
  ui.summary.textContent = "running…";
  const started = performance.now();
  try {
    const df =
      query === undefined
        ? (currentProgram()?.build(session) ?? session.range(0))
        : await session.sql(query, undefined, { signal });
    showPlan(df);
    const result = await stream(df, signal, started);
    ui.progress.hidden = true;
    ui.cancel.disabled = true;
    await describe(df, result, signal);
  } catch (err) {
    ui.summary.textContent = "";
    showError(err, query);
  } finally {
    ui.run.disabled = false;
    ui.cancel.disabled = true;
    ui.progress.hidden = true;
    controller = undefined;
  }
}

// Wiring ----------------------------------------------------------------------------------------

for (const p of PROGRAMS) ui.program.append(new Option(p.title, p.id));
ui.sql.value = SAMPLE_QUERY;
ui.proxyUrl.value = new URLSearchParams(location.search).get("proxy") ?? location.origin;
ui.tabSql.addEventListener("click", () => selectTab(true));
ui.tabDf.addEventListener("click", () => selectTab(false));
ui.program.addEventListener("change", showProgram);
ui.run.addEventListener("click", () => void run());
ui.cancel.addEventListener("click", () => controller?.abort(new Error("cancelled by the user")));
ui.settings.addEventListener("submit", (event) => {
  event.preventDefault();
  void connectTo(ui.proxyUrl.value, ui.token.value);
});
mountServerLibrary(() => spark);
void connectTo(ui.proxyUrl.value, "");
