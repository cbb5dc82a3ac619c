import { describe, expect, it } from "vitest";
import { a, fn, i, json, s, thrown } from "../testing/expressions.js";
import { lit } from "./core.js";
import {
  aesEncrypt,
  assertTrue,
  callUdf,
  hash,
  monotonicallyIncreasingId,
  raiseError,
  reflect,
  sha2,
  typeof_,
  unwrapUdt,
  uuid,
} from "./hash-misc.js";

describe("hash and miscellaneous functions", () => {
  it("sha2 checks numBits", () => {
    expect(json(sha2("e", 256))).toEqual(fn("sha2", a("e"), i(256)));
    const e = thrown(() => sha2("e", 128));
    expect(e.errorClass).toBe("VALUE_NOT_ALLOWED");
    expect(e.messageParameters).toEqual({
      arg_name: "numBits",
      allowed_values: "[0, 224, 256, 384, 512]",
    });
  });

  it("hash is variadic", () => {
    expect(json(hash("a", "b"))).toEqual(fn("hash", a("a"), a("b")));
  });

  it("aesEncrypt fills in PySpark's defaults", () => {
    expect(json(aesEncrypt("x", lit("k")))).toEqual(
      fn("aes_encrypt", a("x"), s("k"), s("GCM"), s("DEFAULT"), s(""), s("")),
    );
  });

  it("assertTrue and raiseError take a literal message", () => {
    expect(json(assertTrue("ok"))).toEqual(fn("assert_true", a("ok")));
    expect(json(assertTrue("ok", "boom"))).toEqual(fn("assert_true", a("ok"), s("boom")));
    expect(json(raiseError("boom"))).toEqual(fn("raise_error", s("boom")));
    expect(thrown(() => raiseError(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });

  it("names and no-argument functions", () => {
    expect(json(typeof_("a"))).toEqual(fn("typeof", a("a")));
    expect(json(monotonicallyIncreasingId())).toEqual(fn("monotonically_increasing_id"));
    expect(json(uuid(5))).toEqual(fn("uuid", i(5)));
    expect(json(unwrapUdt("p"))).toEqual(fn("unwrap_udt", a("p")));
    expect(json(reflect(lit("java.util.UUID"), lit("randomUUID")))).toEqual(
      fn("reflect", s("java.util.UUID"), s("randomUUID")),
    );
  });

  it("callUdf calls the registered function by name", () => {
    expect(json(callUdf("my_udf", "a", "b"))).toEqual(fn("my_udf", a("a"), a("b")));
    expect(thrown(() => callUdf(1 as unknown as string)).errorClass).toBe("NOT_STR");
  });
});
