import { describe, expect, it } from "vitest";
import { a, fn, i, json, thrown } from "../testing/expressions.js";
import { stGeomfromwkb, stSetsrid, stSrid } from "./geospatial.js";

describe("geospatial functions", () => {
  it("stSetsrid takes a number as a literal", () => {
    expect(json(stSetsrid(stGeomfromwkb("wkb"), 4326))).toEqual(
      fn("st_setsrid", fn("st_geomfromwkb", a("wkb")), i(4326)),
    );
    expect(json(stSrid("g"))).toEqual(fn("st_srid", a("g")));
  });

  it("rejects a number where a column is needed", () => {
    expect(thrown(() => stSrid(1 as unknown as string)).errorClass).toBe("NOT_COLUMN_OR_STR");
  });
});
