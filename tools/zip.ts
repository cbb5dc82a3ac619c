import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

/** One entry of a zip archive (a jar), read eagerly. */
export interface ZipEntry {
  name: string;
  data(): Buffer;
}

/**
 * Lists the entries of a zip archive through its central directory. Enough for jars: stored and
 * deflated entries, no zip64, no encryption.
 */
export function readZip(file: string): ZipEntry[] {
  const buf = readFileSync(file);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip archive`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    entries.push({
      name,
      data() {
        const start =
          localOffset +
          30 +
          buf.readUInt16LE(localOffset + 26) +
          buf.readUInt16LE(localOffset + 28);
        const raw = buf.subarray(start, start + compressedSize);
        if (method === 0) return Buffer.from(raw);
        if (method === 8) return inflateRawSync(raw);
        throw new Error(`${file}: ${name} uses unsupported compression method ${method}`);
      },
    });
  }
  return entries;
}
