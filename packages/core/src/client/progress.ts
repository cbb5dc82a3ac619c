/**
 * Progress reports of running operations (Spark's ExecutionProgress), as plain frozen objects.
 *
 * @module
 */
import type { ExecutePlanResponse_ExecutionProgress } from "../gen/spark/connect/base_pb.js";

/** One stage of a running operation, as the server reports it. */
export interface StageProgress {
  readonly stageId: number;
  /** Tasks of the stage. */
  readonly tasks: number;
  /** Tasks of the stage that finished. */
  readonly completedTasks: number;
  /** Bytes the stage has read so far. */
  readonly inputBytesRead: number;
  /** True once the stage has finished. */
  readonly done: boolean;
}

/** A progress report of a running operation (Spark's ExecutionProgress). */
export interface ExecutionProgress {
  readonly operationId: string;
  readonly stages: readonly StageProgress[];
  /** Tasks running right now. */
  readonly inflightTasks: number;
  /** Sums over the stages reported so far. */
  readonly tasks: number;
  readonly completedTasks: number;
  readonly inputBytesRead: number;
}

export function progressOf(
  operationId: string,
  p: ExecutePlanResponse_ExecutionProgress,
): ExecutionProgress {
  const stages = p.stages.map((s) =>
    Object.freeze({
      stageId: Number(s.stageId),
      tasks: Number(s.numTasks),
      completedTasks: Number(s.numCompletedTasks),
      inputBytesRead: Number(s.inputBytesRead),
      done: s.done,
    }),
  );
  return Object.freeze({
    operationId,
    stages: Object.freeze(stages),
    inflightTasks: Number(p.numInflightTasks),
    tasks: stages.reduce((a, s) => a + s.tasks, 0),
    completedTasks: stages.reduce((a, s) => a + s.completedTasks, 0),
    inputBytesRead: stages.reduce((a, s) => a + s.inputBytesRead, 0),
  });
}
