import type { MessageInitShape } from "@bufbuild/protobuf";
import { Code, ConnectError, createRouterTransport } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import {
  AnalysisError,
  SparkCancelledError,
  type SparkConnectError,
  UnknownSparkError,
} from "../errors.js";
import { ErrorInfoSchema } from "../gen/google/rpc/error_details_pb.js";
import {
  type FetchErrorDetailsRequest,
  type FetchErrorDetailsResponse_ErrorSchema,
  SparkConnectService,
} from "../gen/spark/connect/base_pb.js";
import { SparkConnectClient, type SparkConnectClientOptions } from "./client.js";

const SESSION = "11111111-2222-4333-8444-555555555555";

/** A FetchErrorDetails answer, as plain data. */
interface Details {
  rootErrorIdx?: number;
  errors?: MessageInitShape<typeof FetchErrorDetailsResponse_ErrorSchema>[];
}
const ANALYSIS = [
  "org.apache.spark.sql.AnalysisException",
  "org.apache.spark.sql.catalyst.ExtendedAnalysisException",
];

/** A Spark error as the server sends it: ErrorInfo metadata, with an error id to fetch. */
function serverError(metadata: Record<string, string>): ConnectError {
  return new ConnectError("[TABLE_OR_VIEW_NOT_FOUND] truncated", Code.Internal, undefined, [
    {
      desc: ErrorInfoSchema,
      value: { reason: ANALYSIS[0], domain: "org.apache.spark", metadata },
    },
  ]);
}

const frame = (
  declaringClass: string,
  methodName: string,
  fileName: string,
  lineNumber: number,
) => ({
  declaringClass,
  methodName,
  fileName,
  lineNumber,
});

/** Details of an analysis error caused by an IllegalStateException, each with its frames. */
const DETAILS: Details = {
  rootErrorIdx: 0,
  errors: [
    {
      errorTypeHierarchy: ANALYSIS,
      message: "[TABLE_OR_VIEW_NOT_FOUND] The table or view `missing` cannot be found.",
      stackTrace: [
        frame(
          "org.apache.spark.sql.catalyst.analysis.CheckAnalysis",
          "failAnalysis",
          "CheckAnalysis.scala",
          51,
        ),
        frame("org.apache.spark.sql.Dataset$", "ofRows", "Dataset.scala", 104),
      ],
      causeIdx: 1,
      sparkThrowable: {
        errorClass: "TABLE_OR_VIEW_NOT_FOUND",
        messageParameters: { relationName: "`missing`" },
        queryContexts: [],
        sqlState: "42P01",
      },
    },
    {
      errorTypeHierarchy: ["java.lang.IllegalStateException", "java.lang.RuntimeException"],
      message: "inner",
      stackTrace: [frame("org.apache.spark.sql.Inner", "run", "Inner.scala", 7)],
    },
  ],
};

/** A client whose AnalyzePlan fails with `error`; FetchErrorDetails answers `details`. */
function failing(
  error: ConnectError,
  details: Details,
  options: Partial<SparkConnectClientOptions> = {},
) {
  const fetches: FetchErrorDetailsRequest[] = [];
  const transport = createRouterTransport((router) =>
    router.service(SparkConnectService, {
      async analyzePlan() {
        throw error;
      },
      async fetchErrorDetails(request) {
        fetches.push(request);
        return { sessionId: SESSION, serverSideSessionId: "srv-1", ...details };
      },
    }),
  );
  const client = new SparkConnectClient({ transport, sessionId: SESSION, ...options });
  const analyze = (): Promise<SparkConnectError> =>
    client.analyze({ case: "sparkVersion", value: {} }).then(
      () => {
        throw new Error("the call did not fail");
      },
      (e: unknown) => e as SparkConnectError,
    );
  return { analyze, fetches };
}

const WITH_ID = {
  classes: JSON.stringify(ANALYSIS),
  errorClass: "TABLE_OR_VIEW_NOT_FOUND",
  errorId: "e-1",
};

describe("server stack traces", () => {
  test("off by default: the fetched details give message, classes and cause chain, but no traces", async () => {
    const { analyze, fetches } = failing(serverError(WITH_ID), DETAILS);
    const err = await analyze();
    expect(fetches.map((f) => f.errorId)).toEqual(["e-1"]);
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.errorClass).toBe("TABLE_OR_VIEW_NOT_FOUND");
    expect(err.message).toBe(
      "[TABLE_OR_VIEW_NOT_FOUND] The table or view `missing` cannot be found.",
    );
    expect(err.sqlState).toBe("42P01");
    expect(err.serverStackTrace).toBeUndefined();
    const cause = err.cause as SparkConnectError;
    expect(cause).toBeInstanceOf(UnknownSparkError);
    expect(cause.message).toBe("inner");
    expect(cause.serverClasses).toEqual([
      "java.lang.IllegalStateException",
      "java.lang.RuntimeException",
    ]);
    expect(cause.serverStackTrace).toBeUndefined();
  });

  test("serverStackTrace: true keeps each error's frames, on the error and on its cause", async () => {
    const { analyze } = failing(serverError(WITH_ID), DETAILS, { serverStackTrace: true });
    const err = await analyze();
    expect(err).toBeInstanceOf(AnalysisError);
    expect(err.errorClass).toBe("TABLE_OR_VIEW_NOT_FOUND");
    expect(err.serverStackTrace).toBe(
      [
        "\tat org.apache.spark.sql.catalyst.analysis.CheckAnalysis.failAnalysis(CheckAnalysis.scala:51)",
        "\tat org.apache.spark.sql.Dataset$.ofRows(Dataset.scala:104)",
      ].join("\n"),
    );
    expect((err.cause as SparkConnectError).serverStackTrace).toBe(
      "\tat org.apache.spark.sql.Inner.run(Inner.scala:7)",
    );
  });

  test("the abbreviated trace the server puts in ErrorInfo (asked for by session conf) is kept either way", async () => {
    const stackTrace =
      "org.apache.spark.sql.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND]\n\tat a.b(C.scala:1)";
    for (const serverStackTrace of [false, true]) {
      // Without an error id (spark.sql.connect.enrichError.enabled=false): nothing to fetch.
      const bare = failing(
        serverError({ classes: JSON.stringify(ANALYSIS), stackTrace }),
        DETAILS,
        {
          serverStackTrace,
        },
      );
      const err = await bare.analyze();
      expect(bare.fetches).toEqual([]);
      expect(err.serverStackTrace).toBe(stackTrace);
      // With details: the option decides about the fetched frames, the ErrorInfo trace stays.
      const rich = failing(serverError({ ...WITH_ID, stackTrace }), DETAILS, { serverStackTrace });
      expect((await rich.analyze()).serverStackTrace).toBe(
        serverStackTrace
          ? "\tat org.apache.spark.sql.catalyst.analysis.CheckAnalysis.failAnalysis(CheckAnalysis.scala:51)\n\tat org.apache.spark.sql.Dataset$.ofRows(Dataset.scala:104)"
          : stackTrace,
      );
    }
  });
});

describe("error classes", () => {
  test("an interrupted operation (OPERATION_CANCELED, a plain SparkSQLException) is a SparkCancelledError, with or without details", async () => {
    const metadata = {
      classes: JSON.stringify(["org.apache.spark.SparkSQLException", "java.sql.SQLException"]),
      errorClass: "OPERATION_CANCELED",
      sqlState: "HY008",
    };
    const plain = await failing(serverError(metadata), {}).analyze();
    expect(plain).toBeInstanceOf(SparkCancelledError);
    expect(plain.errorClass).toBe("OPERATION_CANCELED");
    const detailed = await failing(serverError({ ...metadata, errorId: "e-2" }), {
      rootErrorIdx: 0,
      errors: [
        {
          errorTypeHierarchy: ["org.apache.spark.SparkSQLException", "java.sql.SQLException"],
          message: "[OPERATION_CANCELED] Operation has been canceled.",
          stackTrace: [],
          sparkThrowable: {
            errorClass: "OPERATION_CANCELED",
            messageParameters: {},
            queryContexts: [],
            sqlState: "HY008",
          },
        },
      ],
    }).analyze();
    expect(detailed).toBeInstanceOf(SparkCancelledError);
    expect(detailed.name).toBe("SparkCancelledError");
    expect(detailed.message).toBe("[OPERATION_CANCELED] Operation has been canceled.");
  });
});
