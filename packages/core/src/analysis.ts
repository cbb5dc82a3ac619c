/**
 * The one typed path for AnalyzePlan calls (schema, explain, tree strings, semantics, storage
 * levels, the server's version): the request's case picks the result's type, a response of
 * another case is a protocol error, and the call is cancelled by the caller's signal and by the
 * session's `stop()`, as actions are.
 *
 * @module
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { CallControl } from "./client/client.js";
import { SparkProtocolError } from "./errors.js";
import { anySignal } from "./execution.js";
import type { AnalyzePlanRequestSchema, AnalyzePlanResponse } from "./gen/spark/connect/base_pb.js";
import type { SessionInternals } from "./internal.js";
import { checkMessageStrings } from "./util/well-formed.js";

/** An AnalyzePlan request, by case (`{ case: "schema", value: { plan } }`…). */
export type AnalyzeRequest = NonNullable<
  MessageInitShape<typeof AnalyzePlanRequestSchema>["analyze"]
>;

/** The cases of AnalyzePlan that have a request and a result of the same name. */
export type AnalyzeCase = NonNullable<AnalyzeRequest["case"]> &
  NonNullable<AnalyzePlanResponse["result"]["case"]>;

/** The result message of an AnalyzePlan case. */
export type AnalyzeResult<C extends AnalyzeCase> = Extract<
  AnalyzePlanResponse["result"],
  { case: C }
>["value"];

/** The error for a server answer that lacks what the request asked for. */
export function missingResult(what: string): SparkProtocolError {
  return new SparkProtocolError(`the server's answer lacked ${what}`, {
    errorClass: "MISSING_RESULT",
  });
}

/**
 * Sends one AnalyzePlan request and returns the result of the same case; throws SESSION_STOPPED
 * when the session has stopped, a SparkCancelledError when `control.signal` aborts or the
 * session stops meanwhile, and a SparkProtocolError (MISSING_RESULT) when the server answers
 * with another case.
 */
export async function analyze<C extends AnalyzeCase>(
  internals: SessionInternals,
  request: AnalyzeRequest & { case: C },
  control: CallControl = {},
): Promise<AnalyzeResult<C>> {
  internals.assertActive();
  checkMessageStrings(request.value, "the request");
  const { signal, release } = anySignal([control.signal, internals.stopped]);
  try {
    const response = await internals.client.analyze(request, { signal });
    const result = response.result;
    if (result.case !== request.case) throw missingResult(request.case);
    return result.value as AnalyzeResult<C>;
  } finally {
    release();
  }
}
