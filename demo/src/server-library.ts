/**
 * The Server Library view: the example Spark Server Library (examples/server-library) from the
 * browser, through its client package. One run uses each extension kind: the command records the
 * notes as a temporary view, the relation repeats its rows, the expression aliases a column; the
 * plan shows the library's messages with their own fields. Needs a Spark Connect server running
 * the library's plugin (`npm run demo -- --with-example-library`).
 */
import {
  exampleExpression,
  exampleRecordNotes,
  exampleRegistry,
  exampleRepeat,
} from "@spark-connect/example-library";
import {
  col,
  type DataFrame,
  renderTable,
  SparkConnectError,
  SparkError,
  type SparkSession,
  upper,
} from "@spark-connect/web";

/** The temporary view the command creates. */
export const NOTES_VIEW = "library_notes";

/** The library's relation and expression over the view its command made. */
export function libraryProgram(spark: SparkSession, times: number): DataFrame {
  return exampleRepeat(spark.table(NOTES_VIEW), times)
    .select(col("position"), exampleExpression(upper(col("note")), "loud"), col("copy"))
    .orderBy("position", "copy");
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Wires the view's controls; `session` gives the page's current session. */
export function mountServerLibrary(session: () => SparkSession | undefined): void {
  const ui = {
    notes: $<HTMLTextAreaElement>("library-notes"),
    times: $<HTMLInputElement>("library-times"),
    run: $<HTMLButtonElement>("library-run"),
    command: $<HTMLOutputElement>("library-command"),
    error: $<HTMLElement>("library-error"),
    result: $<HTMLElement>("library-result"),
    plan: $<HTMLElement>("library-plan"),
  };
  ui.run.addEventListener("click", async () => {
    const spark = session();
    if (!spark) return;
    ui.run.disabled = true;
    ui.error.hidden = true;
    ui.command.textContent = "running…";
    ui.result.replaceChildren();
    delete ui.result.dataset.rows;
    ui.plan.textContent = "";
    try {
      const notes = ui.notes.value.split("\n").filter((n) => n.trim() !== "");
      await exampleRecordNotes(spark, NOTES_VIEW, notes);
      ui.command.textContent = `command: ${notes.length} notes recorded in the view ${NOTES_VIEW}`;
      const df = libraryProgram(spark, Number(ui.times.value));
      ui.plan.textContent = df.toPlanJson({ registry: exampleRegistry });
      const rows = await df.collect();
      ui.result.replaceChildren(renderTable(rows));
      ui.result.dataset.rows = String(rows.length);
    } catch (err) {
      ui.command.textContent = "";
      ui.error.hidden = false;
      const cls = err instanceof SparkError ? (err.errorClass ?? err.name) : "Error";
      ui.error.dataset.errorClass = err instanceof SparkError ? (err.errorClass ?? "") : "";
      const state =
        err instanceof SparkConnectError && err.sqlState ? ` (SQLSTATE ${err.sqlState})` : "";
      const hint =
        err instanceof Error && err.message.includes("No handler found for extension")
          ? " — this server does not run the example library's plugin: start the demo with --with-example-library"
          : "";
      ui.error.textContent = `${cls}${state}: ${err instanceof Error ? err.message : String(err)}${hint}`;
    } finally {
      ui.run.disabled = false;
    }
  });
}
