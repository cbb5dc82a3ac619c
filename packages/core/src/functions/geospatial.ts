/**
 * Geospatial (ST) functions on GEOMETRY and GEOGRAPHY values (Spark 4.1).
 *
 * @module
 */
import type { Column } from "../column.js";
import { intOrCol } from "./args.js";
import { type ColumnOrName, call, colArg } from "./core.js";

/** The geometry or geography as Well-Known Binary (WKB). */
export function stAsbinary(geo: ColumnOrName): Column {
  return call("st_asbinary", colArg(geo, "geo"));
}

/** A GEOGRAPHY parsed from Well-Known Binary. */
export function stGeogfromwkb(wkb: ColumnOrName): Column {
  return call("st_geogfromwkb", colArg(wkb, "wkb"));
}

/** A GEOMETRY parsed from Well-Known Binary. */
export function stGeomfromwkb(wkb: ColumnOrName): Column {
  return call("st_geomfromwkb", colArg(wkb, "wkb"));
}

/**
 * The geometry or geography with its spatial reference id set to `srid`. A number is a literal,
 * a string names a column.
 *
 * @example
 * ```ts
 * stSetsrid(stGeomfromwkb("wkb"), 4326)
 * ```
 */
export function stSetsrid(geo: ColumnOrName, srid: ColumnOrName | number): Column {
  return call("st_setsrid", colArg(geo, "geo"), intOrCol(srid, "srid"));
}

/** The spatial reference id of the geometry or geography. */
export function stSrid(geo: ColumnOrName): Column {
  return call("st_srid", colArg(geo, "geo"));
}
