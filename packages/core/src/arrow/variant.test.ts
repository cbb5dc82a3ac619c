import { describe, expect, test } from "vitest";
import { SparkArgumentError, SparkError, SparkProtocolError } from "../errors.js";
import { Timestamp } from "./timestamp.js";
import type { VariantValue } from "./values.js";
import { variantToJson, variantToValue } from "./variant.js";

// Hand-built encodings (Spark's common/variant format).

const utf8 = new TextEncoder();

/** `value` as `size` little-endian bytes (two's complement for negatives). */
function le(value: number | bigint, size: number): number[] {
  let v = BigInt.asUintN(size * 8, BigInt(value));
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    out.push(Number(v & 0xffn));
    v >>= 8n;
  }
  return out;
}

function bytes(...parts: (number | readonly number[] | Uint8Array)[]): Uint8Array {
  const flat: number[] = [];
  for (const p of parts) {
    if (typeof p === "number") flat.push(p);
    else flat.push(...p);
  }
  return new Uint8Array(flat);
}

/** Metadata: version 1, the sorted flag, `offsetSize`-byte offsets, the keys. */
function metadata(keys: readonly string[], offsetSize = 1, sorted = true): Uint8Array {
  const encoded = keys.map((k) => utf8.encode(k));
  const offsets = [0];
  for (const k of encoded) offsets.push(offsets.at(-1)! + k.length);
  const header = 1 | (sorted ? 0x10 : 0) | ((offsetSize - 1) << 6);
  return bytes(
    header,
    le(keys.length, offsetSize),
    ...offsets.map((o) => le(o, offsetSize)),
    ...encoded,
  );
}

const EMPTY_METADATA = metadata([]);

/** A primitive: header `id << 2`, then the content. */
const prim = (id: number, ...content: (number | readonly number[] | Uint8Array)[]) =>
  bytes(id << 2, ...content);

/** A string: short (≤ 63 bytes) or, with `long` or when longer, primitive 16. */
function str(s: string, long = false): Uint8Array {
  const b = utf8.encode(s);
  return !long && b.length <= 63 ? bytes((b.length << 2) | 1, b) : prim(16, le(b.length, 4), b);
}

interface Layout {
  idSize?: number;
  offsetSize?: number;
  large?: boolean;
  /** Write the field data in reverse order (the offsets then decrease, as Spark may write). */
  reverseData?: boolean;
}

/** An object: `fields` in key order, as (field id, value) pairs. */
function object(fields: readonly [number, Uint8Array][], layout: Layout = {}): Uint8Array {
  const { idSize = 1, offsetSize = 1, large = false, reverseData = false } = layout;
  const header = ((((large ? 1 : 0) << 4) | ((idSize - 1) << 2) | (offsetSize - 1)) << 2) | 2;
  const order = fields.map((_, i) => i);
  if (reverseData) order.reverse();
  const offsets: number[] = new Array(fields.length);
  let at = 0;
  for (const i of order) {
    offsets[i] = at;
    at += fields[i]![1].length;
  }
  return bytes(
    header,
    le(fields.length, large ? 4 : 1),
    ...fields.map(([id]) => le(id, idSize)),
    ...offsets.map((o) => le(o, offsetSize)),
    le(at, offsetSize),
    ...order.map((i) => fields[i]![1]),
  );
}

function array(elements: readonly Uint8Array[], layout: Layout = {}): Uint8Array {
  const { offsetSize = 1, large = false } = layout;
  const header = ((((large ? 1 : 0) << 2) | (offsetSize - 1)) << 2) | 3;
  const offsets = [0];
  for (const e of elements) offsets.push(offsets.at(-1)! + e.length);
  return bytes(
    header,
    le(elements.length, large ? 4 : 1),
    ...offsets.map((o) => le(o, offsetSize)),
    ...elements,
  );
}

const v = (value: Uint8Array, meta: Uint8Array = EMPTY_METADATA): VariantValue => ({
  value,
  metadata: meta,
});

const json = (value: Uint8Array, meta?: Uint8Array, timeZone?: string) =>
  variantToJson(v(value, meta), timeZone === undefined ? {} : { timeZone });

function f64(x: number): number[] {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, x, true);
  return [...b];
}

function f32(x: number): number[] {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, x, true);
  return [...b];
}

/** The error `body` throws. */
function thrown(body: () => unknown): SparkError {
  try {
    body();
  } catch (e) {
    expect(e).toBeInstanceOf(SparkError);
    return e as SparkError;
  }
  throw new Error("expected an error");
}

function expectMalformed(value: Uint8Array, meta: Uint8Array = EMPTY_METADATA): void {
  for (const decode of [
    () => variantToJson(v(value, meta)),
    () => variantToValue(v(value, meta)),
  ]) {
    const e = thrown(decode);
    expect(e).toBeInstanceOf(SparkProtocolError);
    expect(e.name).toBe("SparkProtocolError");
    expect(e.errorClass).toBe("MALFORMED_VARIANT");
    expect(e.message).toMatch(/^\[MALFORMED_VARIANT\] Malformed variant: /);
  }
}

const DAY_MICROS = 86_400_000_000n;

describe("primitives → JSON, as Spark's to_json prints them", () => {
  test("null, booleans, integers of every width", () => {
    expect(json(prim(0))).toBe("null");
    expect(json(prim(1))).toBe("true");
    expect(json(prim(2))).toBe("false");
    expect(json(prim(3, le(-128, 1)))).toBe("-128");
    expect(json(prim(4, le(32767, 2)))).toBe("32767");
    expect(json(prim(5, le(-2147483648, 4)))).toBe("-2147483648");
    expect(json(prim(6, le(-(2n ** 63n), 8)))).toBe("-9223372036854775808");
    expect(json(prim(6, le(2n ** 63n - 1n, 8)))).toBe("9223372036854775807");
  });

  test("doubles as Java's Double.toString", () => {
    const cases: [number, string][] = [
      [1, "1.0"],
      [-2.5, "-2.5"],
      [100, "100.0"],
      [9999999, "9999999.0"],
      [1e7, "1.0E7"],
      [12345678.9, "1.23456789E7"],
      [0.001, "0.001"],
      [0.0001, "1.0E-4"],
      [1.5e-4, "1.5E-4"],
      [0.1 + 0.2, "0.30000000000000004"],
      [1e23, "1.0E23"],
      [2 ** 63, "9.223372036854776E18"],
      [5e-324, "4.9E-324"],
      [Number.MAX_VALUE, "1.7976931348623157E308"],
      [0, "0.0"],
      [-0, "-0.0"],
      [Number.NaN, '"NaN"'],
      [Number.POSITIVE_INFINITY, '"Infinity"'],
      [Number.NEGATIVE_INFINITY, '"-Infinity"'],
    ];
    for (const [x, text] of cases) expect(json(prim(7, f64(x))), String(x)).toBe(text);
  });

  test("floats as Java's Float.toString: the float's own shortest digits", () => {
    const cases: [number, string][] = [
      [0.1, "0.1"],
      [1.5, "1.5"],
      [123.456, "123.456"],
      [1e10, "1.0E10"],
      [16777216, "1.6777216E7"],
      [1.4e-45, "1.4E-45"],
      [9.9e-44, "9.9E-44"],
      [3.4028235e38, "3.4028235E38"],
      // A tie between 1998139.2 and 1998139.3: the even digit.
      [1998139.25, "1998139.2"],
      [-0, "-0.0"],
      [Number.NaN, '"NaN"'],
      [Number.NEGATIVE_INFINITY, '"-Infinity"'],
    ];
    for (const [x, text] of cases) expect(json(prim(14, f32(x))), String(x)).toBe(text);
  });

  test("decimals exactly, trailing fraction zeros dropped, never an exponent", () => {
    expect(json(prim(8, 2, le(150, 4)))).toBe("1.5");
    expect(json(prim(8, 2, le(-5, 4)))).toBe("-0.05");
    expect(json(prim(8, 3, le(0, 4)))).toBe("0");
    expect(json(prim(8, 0, le(1200, 4)))).toBe("1200");
    expect(json(prim(8, 9, le(999_999_999, 4)))).toBe("0.999999999");
    expect(json(prim(9, 4, le(-123456789012345000n, 8)))).toBe("-12345678901234.5");
    expect(json(prim(9, 18, le(1n, 8)))).toBe("0.000000000000000001");
    const big = 10n ** 38n - 1n;
    expect(json(prim(10, 0, le(big, 16)))).toBe("9".repeat(38));
    expect(json(prim(10, 38, le(-big, 16)))).toBe(`-0.${"9".repeat(38)}`);
    expect(json(prim(10, 10, le(-123_450_000_000n, 16)))).toBe("-12.345");
  });

  test("dates as ISO dates, proleptic Gregorian, Java's year format", () => {
    expect(json(prim(11, le(0, 4)))).toBe('"1970-01-01"');
    expect(json(prim(11, le(19782, 4)))).toBe('"2024-02-29"');
    expect(json(prim(11, le(-719162, 4)))).toBe('"0001-01-01"');
    expect(json(prim(11, le(-719163, 4)))).toBe('"0000-12-31"');
    expect(json(prim(11, le(-719529, 4)))).toBe('"-0001-12-31"');
    expect(json(prim(11, le(2932897, 4)))).toBe('"+10000-01-01"');
  });

  test("timestamps in the time zone, with the offset to the minute", () => {
    const ts = (micros: bigint) => prim(12, le(micros, 8));
    const t = 1_700_000_000_123_456n; // 2023-11-14T22:13:20.123456Z
    expect(json(ts(t))).toBe('"2023-11-14 22:13:20.123456+00:00"');
    expect(json(ts(t), undefined, "UTC")).toBe('"2023-11-14 22:13:20.123456+00:00"');
    expect(json(ts(t), undefined, "Europe/Paris")).toBe('"2023-11-14 23:13:20.123456+01:00"');
    expect(json(ts(t), undefined, "America/Los_Angeles")).toBe(
      '"2023-11-14 14:13:20.123456-08:00"',
    );
    // Summer time.
    expect(json(ts(1_689_000_000_000_000n), undefined, "America/Los_Angeles")).toBe(
      '"2023-07-10 07:40:00-07:00"',
    );
    // The fraction only as long as needed.
    expect(json(ts(100_000n))).toBe('"1970-01-01 00:00:00.1+00:00"');
    expect(json(ts(1_000n))).toBe('"1970-01-01 00:00:00.001+00:00"');
    expect(json(ts(-1n))).toBe('"1969-12-31 23:59:59.999999+00:00"');
    // Fixed offsets.
    expect(json(ts(0n), undefined, "+05:30")).toBe('"1970-01-01 05:30:00+05:30"');
    expect(json(ts(0n), undefined, "UTC-8")).toBe('"1969-12-31 16:00:00-08:00"');
    expect(json(ts(0n), undefined, "Z")).toBe('"1970-01-01 00:00:00+00:00"');
    // Local mean time (+00:09:21): the wall clock keeps the seconds, the offset drops them.
    expect(json(ts(-2_208_988_800_000_000n), undefined, "Europe/Paris")).toBe(
      '"1900-01-01 00:09:21+00:09"',
    );
    // Africa/Monrovia in 1970: -00:44:30.
    expect(json(ts(0n), undefined, "Africa/Monrovia")).toBe('"1969-12-31 23:15:30-00:44"');
    // Beyond Date's range the zone's rules repeat every 400 years (winter here).
    expect(json(ts(2n ** 63n - 1n), undefined, "Europe/Paris")).toBe(
      '"+294247-01-10 05:00:54.775807+01:00"',
    );
    expect(json(ts(-(2n ** 63n)))).toBe('"-290308-12-21 19:59:05.224192+00:00"');
  });

  test("timestamp_ntz without a zone; time and nanosecond timestamps", () => {
    const ntz = (micros: bigint) => prim(13, le(micros, 8));
    expect(json(ntz(1_700_000_000_123_456n), undefined, "Europe/Paris")).toBe(
      '"2023-11-14 22:13:20.123456"',
    );
    expect(json(ntz(-62_135_596_800_000_000n))).toBe('"0001-01-01 00:00:00"');
    expect(json(prim(17, le(49_507_500_000n, 8)))).toBe('"13:45:07.5"');
    expect(json(prim(17, le(0n, 8)))).toBe('"00:00:00"');
    expect(json(prim(17, le(DAY_MICROS - 1n, 8)))).toBe('"23:59:59.999999"');
    expect(json(prim(18, le(1_700_000_000_123_456_789n, 8)), undefined, "Asia/Kolkata")).toBe(
      '"2023-11-15 03:43:20.123456789+05:30"',
    );
    expect(json(prim(19, le(-1n, 8)))).toBe('"1969-12-31 23:59:59.999999999"');
  });

  test("strings escaped as Jackson escapes them, binary as base64, uuid as text", () => {
    expect(json(str(""))).toBe('""');
    expect(json(str('say "hi"\\ \n\t\r\b\f'))).toBe('"say \\"hi\\"\\\\ \\n\\t\\r\\b\\f"');
    expect(json(str("\u0000\u001f\u007f/"))).toBe('"\\u0000\\u001F\u007f/"');
    expect(json(str("héllo 🌍 \u2028"))).toBe('"héllo 🌍 \u2028"');
    expect(json(str("\ufeffbom"))).toBe('"\ufeffbom"');
    const long = "x".repeat(64);
    expect(json(str(long))).toBe(`"${long}"`);
    expect(json(str("short", true))).toBe('"short"');
    expect(json(prim(15, le(0, 4)))).toBe('""');
    expect(json(prim(15, le(1, 4), [0xff]))).toBe('"/w=="');
    expect(json(prim(15, le(2, 4), [0xff, 0xfe]))).toBe('"//4="');
    expect(json(prim(15, le(5, 4), utf8.encode("hello")))).toBe('"aGVsbG8="');
    const uuid = [0x12, 0x3e, 0x45, 0x67, 0xe8, 0x9b, 0x12, 0xd3, 0xa4, 0x56, 0x42, 0x66];
    expect(json(prim(20, uuid, [0x14, 0x17, 0x40, 0x00]))).toBe(
      '"123e4567-e89b-12d3-a456-426614174000"',
    );
  });
});

describe("objects and arrays", () => {
  const keys = ["a", "b", "c"];

  test("an object lists its fields in stored order, wherever their data lies", () => {
    const fields: [number, Uint8Array][] = [
      [0, prim(3, 1)],
      [1, str("x")],
      [2, prim(0)],
    ];
    for (const reverseData of [false, true]) {
      expect(json(object(fields, { reverseData }), metadata(keys))).toBe(
        '{"a":1,"b":"x","c":null}',
      );
    }
    expect(json(object([]))).toBe("{}");
    expect(json(array([]))).toBe("[]");
  });

  test("every id size and offset size from 1 to 4 bytes, small and large headers", () => {
    const inner = array([prim(3, 7), str("é"), object([[0, prim(1)]], { offsetSize: 2 })]);
    for (const idSize of [1, 2, 3, 4]) {
      for (const offsetSize of [1, 2, 3, 4]) {
        for (const large of [false, true]) {
          const value = object(
            [
              [1, inner],
              [2, array([prim(2), prim(0)], { offsetSize, large })],
            ],
            { idSize, offsetSize, large },
          );
          const label = `ids ${idSize}, offsets ${offsetSize}, large ${large}`;
          expect(json(value, metadata(keys)), label).toBe(
            '{"b":[7,"é",{"a":true}],"c":[false,null]}',
          );
        }
      }
    }
  });

  test("metadata with 1- to 4-byte offsets, sorted or not", () => {
    const value = object([
      [0, prim(3, 1)],
      [1, prim(3, 2)],
    ]);
    for (const offsetSize of [1, 2, 3, 4]) {
      for (const sorted of [true, false]) {
        expect(json(value, metadata(["k", "ü"], offsetSize, sorted))).toBe('{"k":1,"ü":2}');
      }
    }
  });

  test("large (> 255 entries) objects and arrays", () => {
    const n = 300;
    const names = Array.from({ length: n }, (_, i) => `k${String(i).padStart(3, "0")}`);
    const fields = names.map((_, i): [number, Uint8Array] => [i, prim(4, le(i * 100, 2))]);
    const value = object(fields, { idSize: 2, offsetSize: 2, large: true });
    const expected = `{${names.map((k, i) => `"${k}":${i * 100}`).join(",")}}`;
    expect(json(value, metadata(names, 2))).toBe(expected);
    const obj = variantToValue(v(value, metadata(names, 2))) as Record<string, number>;
    expect(Object.keys(obj)).toEqual(names);
    expect(obj.k299).toBe(29900);

    const elements = Array.from({ length: 1000 }, (_, i) => prim(5, le(i - 500, 4)));
    const arr = array(elements, { offsetSize: 2, large: true });
    const numbers = Array.from({ length: 1000 }, (_, i) => i - 500);
    expect(json(arr)).toBe(`[${numbers.join(",")}]`);
    expect(variantToValue(v(arr))).toEqual(numbers);
  });

  test("3-byte offsets over more than 64 KiB of data", () => {
    const big = "y".repeat(70_000);
    const value = array([str(big), str("after")], { offsetSize: 3 });
    expect(json(value)).toBe(`["${big}","after"]`);
    expect(variantToValue(v(value))).toEqual([big, "after"]);
  });

  test("deep nesting", () => {
    let value = prim(3, 1);
    for (let i = 0; i < 200; i++) value = array([value], { offsetSize: 2 });
    expect(json(value)).toBe(`${"[".repeat(200)}1${"]".repeat(200)}`);
  });
});

describe("variantToValue", () => {
  test("the SDK's value table", () => {
    const names = ["arr", "bin", "bool", "date", "dec", "dbl", "flt", "i8", "i64", "nul"];
    const more = ["ntz", "s", "time", "ts", "tsn", "uuid"];
    const all = [...names, ...more];
    const id = (k: string) => all.indexOf(k);
    const value = object(
      [
        [id("arr"), array([prim(3, 1), str("two")])],
        [id("bin"), prim(15, le(2, 4), [1, 2])],
        [id("bool"), prim(1)],
        [id("date"), prim(11, le(19782, 4))],
        [id("dec"), prim(8, 2, le(150, 4))],
        [id("dbl"), prim(7, f64(0.5))],
        [id("flt"), prim(14, f32(0.1))],
        [id("i8"), prim(3, le(-3, 1))],
        [id("i64"), prim(6, le(2n ** 62n, 8))],
        [id("nul"), prim(0)],
        [id("ntz"), prim(13, le(-1n, 8))],
        [id("s"), str("text")],
        [id("time"), prim(17, le(3_723_000_001n, 8))],
        [id("ts"), prim(12, le(1_700_000_000_123_456n, 8))],
        [id("tsn"), prim(18, le(-1n, 8))],
        [id("uuid"), prim(20, new Uint8Array(16).fill(0xab))],
      ],
      { offsetSize: 1 },
    );
    const out = variantToValue(v(value, metadata(all))) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([...names, ...more]);
    expect(out.arr).toEqual([1, "two"]);
    expect(out.bin).toEqual(new Uint8Array([1, 2]));
    expect(out.bool).toBe(true);
    expect(out.date).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(out.date).not.toBeInstanceOf(Timestamp);
    expect(out.dec).toBe("1.50");
    expect(out.dbl).toBe(0.5);
    expect(out.flt).toBe(Math.fround(0.1));
    expect(out.i8).toBe(-3);
    expect(out.i64).toBe(2n ** 62n);
    expect(out.nul).toBeNull();
    const ntz = out.ntz as Timestamp;
    expect(ntz).toBeInstanceOf(Timestamp);
    expect([ntz.epochMicros, ntz.timeZone]).toEqual([-1n, null]);
    expect(out.s).toBe("text");
    expect(out.time).toBe("01:02:03.000001");
    const ts = out.ts as Timestamp;
    expect([ts.epochMicros, ts.timeZone]).toEqual([1_700_000_000_123_456n, "UTC"]);
    // Nanoseconds are floored to microseconds.
    expect((out.tsn as Timestamp).epochMicros).toBe(-1n);
    expect(out.uuid).toBe("abababab-abab-abab-abab-abababababab");
  });

  test("int64As and decimalAs, as in ArrowValueOptions", () => {
    const value = array([prim(6, le(-7, 8)), prim(9, 3, le(12345n, 8)), prim(5, le(9, 4))]);
    expect(variantToValue(v(value))).toEqual([-7n, "12.345", 9]);
    expect(variantToValue(v(value), { int64As: "number", decimalAs: "number" })).toEqual([
      -7, 12.345, 9,
    ]);
  });

  test("binary is a copy; a __proto__ key is an own property", () => {
    const source = prim(15, le(1, 4), [9]);
    const out = variantToValue(v(source)) as Uint8Array;
    out[0] = 0;
    expect(source[5]).toBe(9);
    const obj = variantToValue(v(object([[0, prim(3, 1)]]), metadata(["__proto__"]))) as object;
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.keys(obj)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(obj, "__proto__")?.value).toBe(1);
  });
});

describe("malformed input throws, never reads past the bytes", () => {
  test("metadata", () => {
    expectMalformed(prim(0), new Uint8Array());
    // Versions 0 and 2.
    expectMalformed(prim(0), bytes(0, 0, 0));
    expectMalformed(prim(0), bytes(2, 0, 0));
    // The dictionary size or offsets are cut off.
    expectMalformed(prim(0), bytes(1));
    expectMalformed(prim(0), bytes(0xc1, 0, 0));
    expectMalformed(prim(0), bytes(1, 2, 0, 1));
    const obj = object([[0, prim(0)]]);
    // Field id beyond the dictionary.
    expectMalformed(obj, EMPTY_METADATA);
    expectMalformed(object([[5, prim(0)]]), metadata(["a"]));
    // Key bytes past the end; decreasing key offsets.
    expectMalformed(obj, bytes(1, 1, 0, 5, 0x61));
    expectMalformed(obj, bytes(1, 2, 1, 0, 1, 0x61));
  });

  test("truncated values", () => {
    expectMalformed(new Uint8Array());
    for (const [id, size] of [
      [3, 1],
      [4, 2],
      [5, 4],
      [6, 8],
      [7, 8],
      [11, 4],
      [12, 8],
      [13, 8],
      [14, 4],
      [17, 8],
      [18, 8],
      [19, 8],
      [20, 16],
    ] as const) {
      expectMalformed(prim(id, new Uint8Array(size - 1)));
    }
    expectMalformed(prim(8, 2, le(1, 3)));
    expectMalformed(prim(9));
    expectMalformed(prim(10, 0, new Uint8Array(15)));
    expectMalformed(bytes((5 << 2) | 1, utf8.encode("abcd")));
    expectMalformed(prim(16, le(10, 4), utf8.encode("short")));
    expectMalformed(prim(15, le(2 ** 32 - 1, 4)));
    expectMalformed(prim(15, le(1, 3)));
  });

  test("decimals beyond their precision, times beyond a day", () => {
    expectMalformed(prim(8, 0, le(1_000_000_000, 4)));
    expectMalformed(prim(8, 10, le(1, 4)));
    expectMalformed(prim(9, 0, le(10n ** 18n, 8)));
    expectMalformed(prim(10, 0, le(-(10n ** 38n), 16)));
    expectMalformed(prim(10, 39, le(1, 16)));
    expectMalformed(prim(10, 0xff, le(1, 16)));
    expectMalformed(prim(17, le(DAY_MICROS, 8)));
    expectMalformed(prim(17, le(-1, 8)));
  });

  test("objects and arrays whose tables or elements lie outside their data", () => {
    const meta = metadata(["a"]);
    // Size says 3 elements; only one is there.
    expectMalformed(bytes(3, 3, 0, 1), meta);
    // A 4-byte size of 2^32 - 1.
    expectMalformed(bytes(3 | (1 << 4), le(2 ** 32 - 1, 4), 0, 1, 0));
    expectMalformed(bytes(2 | (1 << 6), le(2 ** 32 - 1, 4), 0, 0, 0), meta);
    // Total data length beyond the buffer.
    expectMalformed(bytes(3, 1, 0, 5, prim(0)));
    // An element offset at or beyond the data's end.
    expectMalformed(bytes(3, 2, 0, 1, 1, prim(0)));
    // A child that reads past its parent's data into a sibling's bytes.
    const inner = prim(6, le(1, 8));
    const cut = inner.subarray(0, 5);
    expectMalformed(array([array([cut]), bytes(0, 0, 0, 0, 0)]));
    expectMalformed(object([[0, cut]]), meta);
    // An object header cut short.
    expectMalformed(bytes(2, 1));
  });

  test("an unknown primitive type id", () => {
    for (const id of [21, 63]) {
      for (const decode of [variantToJson, variantToValue]) {
        const e = thrown(() => decode(v(prim(id))));
        expect(e).toBeInstanceOf(SparkProtocolError);
        expect(e.errorClass).toBe("UNKNOWN_PRIMITIVE_TYPE_IN_VARIANT");
        expect(e.messageParameters).toEqual({ id: String(id) });
      }
    }
  });

  test("not a variant, or an unknown time zone", () => {
    const e = thrown(() => variantToJson({ value: [0], metadata: [1, 0, 0] } as never));
    expect(e).toBeInstanceOf(SparkArgumentError);
    expect(e.errorClass).toBe("INVALID_VARIANT");
    for (const timeZone of ["Mars/Olympus", "+25:00", ""]) {
      const z = thrown(() => variantToJson(v(prim(0)), { timeZone }));
      expect(z).toBeInstanceOf(SparkArgumentError);
      expect(z.errorClass).toBe("INVALID_TIMEZONE");
      expect(z.messageParameters).toEqual({ timeZone });
    }
  });
});
