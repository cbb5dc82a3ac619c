import { describe, expect, it } from "vitest";
import { a, fn, json, s, thrown } from "../testing/expressions.js";
import { lit } from "./core.js";
import { parseUrl, tryParseUrl, urlEncode } from "./url.js";

describe("URL functions", () => {
  it("parseUrl sends the key only when given", () => {
    expect(json(parseUrl("u", lit("HOST")))).toEqual(fn("parse_url", a("u"), s("HOST")));
    expect(json(tryParseUrl("u", lit("QUERY"), lit("q")))).toEqual(
      fn("try_parse_url", a("u"), s("QUERY"), s("q")),
    );
    expect(json(urlEncode("s"))).toEqual(fn("url_encode", a("s")));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => urlEncode(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
