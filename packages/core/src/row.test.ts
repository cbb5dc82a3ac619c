import { describe, expect, test } from "vitest";
import { SparkArgumentError } from "./errors.js";
import { Row, rowFactory, toJsonValue } from "./row.js";

describe("Row", () => {
  const people = rowFactory(["name", "age"]);
  const alice = people.create(["Alice", 11]);

  test("is an array of its values, like PySpark's tuple-based Row", () => {
    expect(alice).toBeInstanceOf(Row);
    expect(Array.isArray(alice)).toBe(true);
    expect(alice.length).toBe(2);
    expect(alice[0]).toBe("Alice");
    expect(alice[1]).toBe(11);
    const [name, age] = alice;
    expect([name, age]).toEqual(["Alice", 11]);
    expect([...alice]).toEqual(["Alice", 11]);
    expect(Object.keys(alice)).toEqual(["0", "1"]);
    expect(String(alice.constructor.name)).toBe("Row");
  });

  test("reads fields by name, by position and through per-result getters", () => {
    expect(alice.fieldNames).toEqual(["name", "age"]);
    expect(alice.get("name")).toBe("Alice");
    expect(alice.get(1)).toBe(11);
    expect(alice.get(-1)).toBe(11);
    expect(alice.name).toBe("Alice");
    expect(alice.age).toBe(11);
    // The getters live on the shared prototype, not on each row.
    expect(Object.hasOwn(alice, "name")).toBe(false);
    const bob = people.create(["Bob", 12]);
    expect(Object.getPrototypeOf(bob)).toBe(Object.getPrototypeOf(alice));
    expect(bob.name).toBe("Bob");
  });

  test("unknown names and positions throw SparkArgumentError", () => {
    expect(() => alice.get("nope")).toThrow(SparkArgumentError);
    try {
      alice.get("nope");
    } catch (e) {
      expect((e as SparkArgumentError).errorClass).toBe("FIELD_NOT_FOUND");
      expect((e as SparkArgumentError).message).toBe(
        '[FIELD_NOT_FOUND] No field named "nope"; the row has fields "name", "age".',
      );
    }
    for (const bad of [2, -3, 0.5]) {
      expect(() => alice.get(bad)).toThrow(
        expect.objectContaining({ errorClass: "INDEX_OUT_OF_RANGE" }),
      );
    }
  });

  test("keeps duplicate column names by position; names resolve to the first", () => {
    const row = rowFactory(["id", "id", "name"]).create([1, "one", "x"]);
    expect(row.fieldNames).toEqual(["id", "id", "name"]);
    expect([row[0], row[1]]).toEqual([1, "one"]);
    expect(row.get("id")).toBe(1);
    expect(row.id).toBe(1);
    expect(row.asDict()).toEqual({ id: 1, name: "x" });
    expect(JSON.stringify(row)).toBe('{"id":1,"name":"x"}');
  });

  test("defines getters only for names that are free", () => {
    const names = ["length", "map", "get", "fieldNames", "0", "7", "toString", "first name", "ok"];
    const row = rowFactory(names).create(["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
    expect(row.length).toBe(9);
    expect(typeof row.map).toBe("function");
    expect(typeof row.get).toBe("function");
    expect(row.fieldNames).toEqual(names);
    expect(row[0]).toBe("a");
    expect(row[7]).toBe("h");
    expect(row["first name"]).toBe("h");
    expect(row.ok).toBe("i");
    expect(row.get("length")).toBe("a");
    expect(row.get("7")).toBe("f");
    expect(row.get("toString")).toBe("g");
  });

  test("array methods return plain arrays", () => {
    const mapped = alice.map((v) => v);
    expect(mapped).not.toBeInstanceOf(Row);
    expect(Array.isArray(mapped)).toBe(true);
    expect(alice.slice(1)).not.toBeInstanceOf(Row);
    expect(alice.filter(() => true)).not.toBeInstanceOf(Row);
  });

  test("asDict is shallow unless recursive; toObject is recursive", () => {
    const inner = rowFactory(["x"]).create([1]);
    const outer = rowFactory(["s", "list", "m"]).create([inner, [inner], new Map([["k", inner]])]);
    const shallow = outer.asDict();
    expect(shallow.s).toBe(inner);
    const deep = outer.toObject();
    expect(deep).toEqual({ s: { x: 1 }, list: [{ x: 1 }], m: new Map([["k", { x: 1 }]]) });
    expect(deep.s).not.toBeInstanceOf(Row);
    expect(outer.asDict(true)).toEqual(deep);
  });

  test("a __proto__ column becomes an own property, not a prototype", () => {
    const row = rowFactory(["__proto__", "a"]).create([{ evil: true }, 1]);
    const dict = row.asDict();
    expect(Object.getPrototypeOf(dict)).toBe(Object.prototype);
    expect(Object.keys(dict)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(row)).toBe('{"__proto__":{"evil":true},"a":1}');
  });

  test("Row.fromObject", () => {
    const row = Row.fromObject({ name: "Alice", age: 11 });
    expect([...row]).toEqual(["Alice", 11]);
    expect(row.fieldNames).toEqual(["name", "age"]);
    expect(row.age).toBe(11);
  });

  test("fromColumns assembles rows by index, for narrow and wide shapes", () => {
    const narrow = rowFactory(["a", "b"]).fromColumns(
      [
        [1, 2, 3],
        ["x", "y", "z"],
      ],
      3,
    );
    expect(narrow.map((r) => [...r])).toEqual([
      [1, "x"],
      [2, "y"],
      [3, "z"],
    ]);
    const names = Array.from({ length: 11 }, (_, i) => `c${i}`);
    const wide = rowFactory(names).fromColumns(
      names.map((_, c) => [c, c * 10]),
      2,
    );
    expect([...wide[1]!]).toEqual(names.map((_, c) => c * 10));
    expect(wide[1]!.c10).toBe(100);
    expect(
      rowFactory([])
        .fromColumns([], 2)
        .map((r) => r.length),
    ).toEqual([0, 0]);
    expect(() => rowFactory(["a"]).fromColumns([], 1)).toThrow(
      expect.objectContaining({ errorClass: "COLUMN_COUNT_MISMATCH" }),
    );
  });

  test("toJSON is JSON.stringify-safe", () => {
    const nested = rowFactory(["x"]).create([2n]);
    const row = rowFactory([
      "small",
      "big",
      "neg",
      "bytes",
      "strMap",
      "intMap",
      "nested",
      "list",
      "date",
      "interval",
      "nan",
      "missing",
    ]).create([
      42n,
      9007199254740993n,
      -9007199254740991n,
      new Uint8Array([0, 1, 2, 253, 254, 255, 7]),
      new Map([["a", 1n]]),
      new Map([[1, "one"]]),
      nested,
      [1n, null, nested],
      new Date(Date.UTC(2024, 1, 29)),
      { months: 1, days: 2, microseconds: 3n },
      Number.NaN,
      undefined,
    ]);
    expect(JSON.parse(JSON.stringify(row))).toEqual({
      small: 42,
      big: "9007199254740993",
      neg: -9007199254740991,
      bytes: "AAEC/f7/Bw==",
      strMap: { a: 1 },
      intMap: [[1, "one"]],
      nested: { x: 2 },
      list: [1, null, { x: 2 }],
      date: "2024-02-29T00:00:00.000Z",
      interval: { months: 1, days: 2, microseconds: 3 },
      nan: null,
      missing: null,
    });
    expect(JSON.stringify([row, nested])).toContain('{"x":2}]');
  });

  test("toJsonValue encodes base64 like btoa for every length", () => {
    for (let n = 0; n < 7; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(toJsonValue(data)).toBe(btoa(String.fromCharCode(...data)));
    }
  });
});
