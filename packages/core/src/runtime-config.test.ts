import { create, toJson } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  type ConfigRequest,
  ConfigRequest_OperationSchema,
  SparkConnectService,
} from "./gen/spark/connect/base_pb.js";
import { TEST_SESSION_ID, testSession } from "./testing/session.js";

/** A session whose server records each config operation and answers with these pairs. */
function scripted(pairs: [string, string][]) {
  const ops: unknown[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async config(req: ConfigRequest) {
        ops.push(
          toJson(
            ConfigRequest_OperationSchema,
            req.operation ?? create(ConfigRequest_OperationSchema),
          ),
        );
        return {
          sessionId: TEST_SESSION_ID,
          serverSideSessionId: "srv",
          pairs: pairs.map(([key, value]) => ({ key, value })),
          warnings: [],
        };
      },
    }),
  );
  return { spark, ops };
}

describe("RuntimeConfig.getAll", () => {
  test("Spark's answer (keys relative to the prefix) gets the prefix prepended", async () => {
    const { spark, ops } = scripted([
      ["partitions", "3"],
      ["service.enabled", "false"],
    ]);
    expect(await spark.conf.getAll("spark.sql.shuffle.")).toEqual({
      "spark.sql.shuffle.partitions": "3",
      "spark.sql.shuffle.service.enabled": "false",
    });
    expect(ops).toEqual([{ getAll: { prefix: "spark.sql.shuffle." } }]);
  });

  test("Sail's answer (full keys) is kept as it is, never doubling the prefix", async () => {
    const { spark } = scripted([
      ["spark.sql.shuffle.partitions", "3"],
      ["spark.sql.shuffle.service.enabled", "false"],
    ]);
    expect(await spark.conf.getAll("spark.sql.shuffle")).toEqual({
      "spark.sql.shuffle.partitions": "3",
      "spark.sql.shuffle.service.enabled": "false",
    });
  });

  test("without a prefix the keys are taken as they come", async () => {
    const { spark, ops } = scripted([["spark.app.name", "x"]]);
    expect(await spark.conf.getAll()).toEqual({ "spark.app.name": "x" });
    expect(ops).toEqual([{ getAll: {} }]);
  });

  test("a prefix equal to a whole key: Spark's empty remainder maps back to the key", async () => {
    const { spark } = scripted([
      ["", "3"],
      [".extra", "1"],
    ]);
    expect(await spark.conf.getAll("spark.sql.shuffle.partitions")).toEqual({
      "spark.sql.shuffle.partitions": "3",
      "spark.sql.shuffle.partitions.extra": "1",
    });
  });
});
