/**
 * Test helper: the Spark UI of a server started with `startSparkConnect({ ui: true })`, on
 * loopback, to check from the server's side what happened: the REST API (`/api/v1`) for an
 * operation's Spark jobs, the Connect tab for a session's state. Used by the live and the
 * browser tests.
 */

/** A Spark job as the REST API reports it (the fields the tests use). */
export interface UiJob {
  readonly jobId: number;
  /** "RUNNING", "SUCCEEDED", "FAILED" or "UNKNOWN". */
  readonly status: string;
  readonly stageIds: readonly number[];
  /** Spark Connect tags every job of an operation with `…_Operation_<operation id>`. */
  readonly jobTags: readonly string[];
  readonly numTasks: number;
  readonly numActiveTasks: number;
  readonly numCompletedTasks: number;
  readonly numKilledTasks: number;
  readonly numFailedTasks: number;
}

/** What an operation's jobs look like on the server at one moment. */
export interface OperationJobs {
  readonly jobs: readonly UiJob[];
  /** Tasks still running in the operation's jobs and stages. */
  readonly activeTasks: number;
  /** True when the operation has jobs and none of them is running or has a running task. */
  readonly settled: boolean;
}

export class SparkUi {
  readonly #base: string;
  readonly #api: string;
  #appId: string | undefined;

  constructor(url: string) {
    this.#base = url.replace(/\/$/, "");
    this.#api = `${this.#base}/api/v1`;
  }

  async #get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.#api}${path}`);
    if (!response.ok) throw new Error(`Spark UI ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }

  async #app(): Promise<string> {
    if (this.#appId === undefined) {
      const apps = await this.#get<{ id: string }[]>("/applications");
      const id = apps[0]?.id;
      if (id === undefined) throw new Error("the Spark UI lists no application");
      this.#appId = id;
    }
    return this.#appId;
  }

  /** Every job of the application, newest first. */
  async jobs(): Promise<UiJob[]> {
    const app = await this.#app();
    const all = await this.#get<(Omit<UiJob, "jobTags"> & { jobTags?: string[] })[]>(
      `/applications/${app}/jobs`,
    );
    return all.map((j) => ({ ...j, jobTags: j.jobTags ?? [] }));
  }

  /** The jobs of one Spark Connect operation, found by its job tag. */
  async operationJobs(operationId: string): Promise<OperationJobs> {
    const app = await this.#app();
    const jobs = (await this.jobs()).filter((j) =>
      j.jobTags.some((t) => t.endsWith(`_Operation_${operationId}`)),
    );
    const stageIds = new Set(jobs.flatMap((j) => j.stageIds));
    const active = await this.#get<{ stageId: number; numActiveTasks: number }[]>(
      `/applications/${app}/stages?status=active`,
    );
    // Jobs and stages count the same tasks; they are updated apart, so take the larger count.
    const activeTasks = Math.max(
      jobs.reduce((n, j) => n + j.numActiveTasks, 0),
      active.filter((s) => stageIds.has(s.stageId)).reduce((n, s) => n + s.numActiveTasks, 0),
    );
    const settled =
      jobs.length > 0 &&
      jobs.every((j) => j.status !== "RUNNING") &&
      activeTasks === 0 &&
      !active.some((s) => stageIds.has(s.stageId));
    return { jobs, activeTasks, settled };
  }

  /**
   * Polls until the operation's jobs have all ended with no task left running, or `timeoutMs`
   * passes; resolves with the last state seen and the milliseconds it took.
   */
  async waitSettled(
    operationId: string,
    timeoutMs: number,
  ): Promise<OperationJobs & { elapsedMs: number }> {
    const started = Date.now();
    for (;;) {
      const state = await this.operationJobs(operationId);
      const elapsedMs = Date.now() - started;
      if (state.settled || elapsedMs > timeoutMs) return { ...state, elapsedMs };
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * A session's row in the Connect tab: `online` until it is released, then `closed` (its Finish
   * Time is set); `unknown` when the tab does not list it.
   */
  async connectSessionState(sessionId: string): Promise<"online" | "closed" | "unknown"> {
    const html = await (await fetch(`${this.#base}/connect/`)).text();
    for (const row of html.split(/<tr\b/i).slice(1)) {
      const cells = [...row.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)].map((m) =>
        (m[1] ?? "").replace(/<[^>]+>/g, "").trim(),
      );
      // Session statistics rows: user, session id, start time, finish time, duration, executions.
      if (cells[1] === sessionId && cells.length === 6) return cells[3] ? "closed" : "online";
    }
    return "unknown";
  }
}
