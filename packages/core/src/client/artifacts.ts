/**
 * The AddArtifacts stream as PySpark sends it: artifacts up to {@link ARTIFACT_CHUNK_SIZE} bytes
 * go together in batches of at most that size, larger ones alone in chunks of that size; every
 * chunk carries its CRC-32 so the server can check it.
 *
 * @module
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { AddArtifactsRequestSchema } from "../gen/spark/connect/base_pb.js";

/** The size of a chunk and of a batch of small artifacts (32 KiB, as PySpark). */
export const ARTIFACT_CHUNK_SIZE = 32 * 1024;

/** An artifact to upload: its name on the server (`jars/udf.jar`, `files/a.txt`…) and bytes. */
export interface ArtifactPayload {
  readonly name: string;
  readonly data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO-HDLC, as zlib and java.util.zip.CRC32 compute it). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

type Payload = MessageInitShape<typeof AddArtifactsRequestSchema>["payload"];

const chunk = (data: Uint8Array) => ({ data, crc: BigInt(crc32(data)) });

/** The payloads of the AddArtifacts requests for `artifacts`, in order. */
export function artifactPayloads(artifacts: readonly ArtifactPayload[]): Payload[] {
  const out: Payload[] = [];
  let batch: { name: string; data: ReturnType<typeof chunk> }[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length > 0) out.push({ case: "batch", value: { artifacts: batch } });
    batch = [];
    batchBytes = 0;
  };
  for (const a of artifacts) {
    const size = a.data.byteLength;
    if (size > ARTIFACT_CHUNK_SIZE) {
      flush();
      const numChunks = Math.ceil(size / ARTIFACT_CHUNK_SIZE);
      const part = (i: number) =>
        chunk(a.data.subarray(i * ARTIFACT_CHUNK_SIZE, (i + 1) * ARTIFACT_CHUNK_SIZE));
      out.push({
        case: "beginChunk",
        value: {
          name: a.name,
          totalBytes: BigInt(size),
          numChunks: BigInt(numChunks),
          initialChunk: part(0),
        },
      });
      for (let i = 1; i < numChunks; i++) out.push({ case: "chunk", value: part(i) });
    } else {
      if (batchBytes + size > ARTIFACT_CHUNK_SIZE) flush();
      batch.push({ name: a.name, data: chunk(a.data) });
      batchBytes += size;
    }
  }
  flush();
  return out;
}
