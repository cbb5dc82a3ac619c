import { toJson } from "@bufbuild/protobuf";
import { createRouterTransport } from "@connectrpc/connect";
import { describe, expect, test } from "vitest";
import {
  type SparkArgumentError,
  SparkProtocolError,
  UnsupportedOperationError,
} from "../errors.js";
import {
  type AddArtifactsRequest,
  AddArtifactsRequestSchema,
  SparkConnectService,
} from "../gen/spark/connect/base_pb.js";
import { SparkSession } from "../session.js";
import { testSession } from "../testing/session.js";
import { ARTIFACT_CHUNK_SIZE, artifactPayloads, crc32 } from "./artifacts.js";

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * seed) % 256);
const enc = (s: string) => new TextEncoder().encode(s);

test("crc32 is zlib's CRC-32", () => {
  expect(crc32(enc("123456789"))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0))).toBe(0);
  expect(crc32(enc("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
});

describe("artifactPayloads: PySpark's batches and chunks", () => {
  test("small artifacts share batches of at most 32 KiB; a large one goes alone in chunks", () => {
    const half = bytes(ARTIFACT_CHUNK_SIZE / 2);
    const big = bytes(ARTIFACT_CHUNK_SIZE * 2 + 10, 3);
    const shape = artifactPayloads([
      { name: "files/a", data: half },
      { name: "files/b", data: half },
      { name: "files/c", data: enc("x") },
      { name: "jars/big.jar", data: big },
      { name: "files/d", data: enc("y") },
    ]).map((p) =>
      p?.case === "batch"
        ? ["batch", p.value.artifacts?.map((a) => [a.name, a.data?.data?.length, a.data?.crc])]
        : p?.case === "beginChunk"
          ? [
              "begin",
              p.value.name,
              p.value.totalBytes,
              p.value.numChunks,
              p.value.initialChunk?.data?.length,
              p.value.initialChunk?.crc,
            ]
          : ["chunk", p?.value?.data?.length, p?.value?.crc],
    );
    const crc = (d: Uint8Array) => BigInt(crc32(d));
    expect(shape).toEqual([
      [
        "batch",
        [
          ["files/a", ARTIFACT_CHUNK_SIZE / 2, crc(half)],
          ["files/b", ARTIFACT_CHUNK_SIZE / 2, crc(half)],
        ],
      ],
      ["batch", [["files/c", 1, crc(enc("x"))]]],
      [
        "begin",
        "jars/big.jar",
        BigInt(big.length),
        3n,
        ARTIFACT_CHUNK_SIZE,
        crc(big.subarray(0, ARTIFACT_CHUNK_SIZE)),
      ],
      [
        "chunk",
        ARTIFACT_CHUNK_SIZE,
        crc(big.subarray(ARTIFACT_CHUNK_SIZE, 2 * ARTIFACT_CHUNK_SIZE)),
      ],
      ["chunk", 10, crc(big.subarray(2 * ARTIFACT_CHUNK_SIZE))],
      ["batch", [["files/d", 1, crc(enc("y"))]]],
    ]);
  });
});

/** A session whose server records the AddArtifacts requests and acknowledges each name. */
function recording(crcOk = true) {
  const requests: AddArtifactsRequest[] = [];
  const spark = testSession((router) =>
    router.service(SparkConnectService, {
      async addArtifacts(stream) {
        const names: string[] = [];
        for await (const r of stream) {
          requests.push(r);
          if (r.payload.case === "batch")
            for (const a of r.payload.value.artifacts) names.push(a.name);
          if (r.payload.case === "beginChunk") names.push(r.payload.value.name);
        }
        return {
          sessionId: requests[0]?.sessionId ?? "",
          serverSideSessionId: "server-1",
          artifacts: names.map((name) => ({ name, isCrcSuccessful: crcOk })),
        };
      },
    }),
  );
  return { spark, requests };
}

describe("spark.addArtifacts", () => {
  test("bytes go up as jars/, files/ or archives/ in one client stream", async () => {
    const { spark, requests } = recording();
    expect(await spark.addArtifacts({ name: "/tmp/udf.jar", data: enc("PK") })).toEqual([
      "jars/udf.jar",
    ]);
    expect(
      await spark.addArtifacts(
        [
          { name: "dir/a.csv", data: enc("1") },
          { name: "b.txt", data: enc("2") },
        ],
        { file: true },
      ),
    ).toEqual(["files/a.csv", "files/b.txt"]);
    expect(
      await spark.addArtifacts({ name: "data.zip#unpacked", data: enc("z") }, { archive: true }),
    ).toEqual(["archives/data.zip#unpacked"]);
    expect(requests.map((r) => toJson(AddArtifactsRequestSchema, r))).toEqual([
      expect.objectContaining({
        batch: {
          artifacts: [
            { name: "jars/udf.jar", data: { data: "UEs=", crc: String(crc32(enc("PK"))) } },
          ],
        },
      }),
      expect.objectContaining({
        batch: {
          artifacts: [
            { name: "files/a.csv", data: { data: "MQ==", crc: String(crc32(enc("1"))) } },
            { name: "files/b.txt", data: { data: "Mg==", crc: String(crc32(enc("2"))) } },
          ],
        },
      }),
      expect.objectContaining({
        batch: {
          artifacts: [
            {
              name: "archives/data.zip#unpacked",
              data: { data: "eg==", crc: String(crc32(enc("z"))) },
            },
          ],
        },
      }),
    ]);
    expect(requests.map((r) => [r.sessionId, r.userContext?.userId])).toEqual([
      ["00000000-0000-4000-8000-000000000000", "test"],
      ["00000000-0000-4000-8000-000000000000", "test"],
      ["00000000-0000-4000-8000-000000000000", "test"],
    ]);
  });

  test("a CRC the server rejects is a SparkProtocolError", async () => {
    const { spark } = recording(false);
    const err = await spark
      .addArtifacts({ name: "x.jar", data: enc("x") })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SparkProtocolError);
    expect((err as SparkProtocolError).errorClass).toBe("ARTIFACT_CRC_MISMATCH");
  });

  test("bad names, local paths without a file reader, and browsers are refused before any call", async () => {
    const { spark, requests } = recording();
    const classOf = (e: unknown) => [(e as Error).name, (e as SparkArgumentError).errorClass];
    expect(
      classOf(await spark.addArtifacts({ name: "a.txt", data: enc("") }).catch((e) => e)),
    ).toEqual(["SparkArgumentError", "UNSUPPORTED_ARTIFACT"]);
    expect(
      classOf(
        await spark
          .addArtifacts({ name: "a.zip", data: enc("") }, { file: true, archive: true })
          .catch((e) => e),
      ),
    ).toEqual(["SparkArgumentError", "INVALID_MULTIPLE_ARGUMENT_CONDITIONS"]);
    expect(classOf(await spark.addArtifacts("/tmp/x.jar").catch((e) => e))).toEqual([
      "UnsupportedOperationError",
      "UNSUPPORTED_LOCAL_PATH",
    ]);
    const browser = SparkSession.create({
      transport: createRouterTransport(() => {}),
      platform: "browser",
    });
    const err = await browser.addArtifacts({ name: "x.jar", data: enc("x") }).catch((e) => e);
    expect(err).toBeInstanceOf(UnsupportedOperationError);
    expect(classOf(err)).toEqual(["UnsupportedOperationError", "UNSUPPORTED_IN_BROWSER"]);
    expect(requests).toEqual([]);
  });
});
