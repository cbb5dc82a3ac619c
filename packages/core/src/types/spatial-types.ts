import { DataTypeBase, invalidDataType } from "./data-type.js";

/** The SRID that stands for "any SRID, per value" (`GEOMETRY(ANY)`), as the proto carries it. */
export const MIXED_SRID = -1;

/** A spatial reference id: a non-negative integer, or `"ANY"` for a mixed-SRID column. */
export type Srid = number | "ANY";

const MIXED_CRS = "SRID:ANY";

/** The CRS names Spark 4.1 gives to the SRIDs it knows; others are written `EPSG:<srid>`. */
const CRS_BY_SRID: ReadonlyMap<number, string> = new Map([
  [0, "SRID:0"],
  [3857, "EPSG:3857"],
  [4326, "OGC:CRS84"],
]);

function checkSrid(what: string, srid: Srid): number {
  if (srid === "ANY" || srid === MIXED_SRID) return MIXED_SRID;
  if (typeof srid !== "number" || !Number.isInteger(srid) || srid < 0 || srid > 2 ** 31 - 1) {
    throw invalidDataType(
      `${what} SRID must be a non-negative integer or "ANY", got ${String(srid)}`,
    );
  }
  return srid;
}

/** The CRS string of an SRID, for the JSON form. */
export function sridToCrs(srid: number): string {
  if (srid === MIXED_SRID) return MIXED_CRS;
  return CRS_BY_SRID.get(srid) ?? `EPSG:${srid}`;
}

/** The SRID of a CRS string from the JSON form, or undefined if it is not one we read. */
export function crsToSrid(crs: string): number | undefined {
  if (crs.toUpperCase() === MIXED_CRS) return MIXED_SRID;
  for (const [srid, name] of CRS_BY_SRID) if (name === crs) return srid;
  const m = /^(?:EPSG|SRID):(\d{1,10})$/.exec(crs);
  return m ? Number(m[1]) : undefined;
}

function spatialString(name: string, srid: number): string {
  return srid === MIXED_SRID ? `${name}(any)` : `${name}(${srid})`;
}

/**
 * `GEOMETRY(srid)` (Spark 4.1): OGC simple-feature geometries in a Cartesian coordinate system.
 * `new GeometryType("ANY")` is the mixed-SRID type; its `srid` is {@link MIXED_SRID}.
 *
 * @example new GeometryType(4326).json() // "\"geometry(OGC:CRS84)\""
 */
export class GeometryType extends DataTypeBase {
  readonly kind = "geometry" as const;
  /** The SRID, or {@link MIXED_SRID} (-1) for `GEOMETRY(ANY)`. */
  readonly srid: number;
  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a negative or fractional SRID. */
  constructor(srid: Srid) {
    super();
    this.srid = checkSrid("geometry", srid);
    Object.freeze(this);
  }
  /** True for `GEOMETRY(ANY)`. */
  isMixedSrid(): boolean {
    return this.srid === MIXED_SRID;
  }
  typeName(): string {
    return "geometry";
  }
  override simpleString(): string {
    return spatialString("geometry", this.srid);
  }
  override jsonValue(): string {
    return `geometry(${sridToCrs(this.srid)})`;
  }
  override equals(other: unknown): boolean {
    return other instanceof GeometryType && other.srid === this.srid;
  }
}

/** The edge interpolation of {@link GeographyType}; Spark 4.1 knows only this one. */
export const GEOGRAPHY_ALGORITHM = "SPHERICAL";

/**
 * `GEOGRAPHY(srid)` (Spark 4.1): OGC simple-feature geographies on a geographic coordinate
 * system, with spherical edges. `new GeographyType("ANY")` is the mixed-SRID type.
 *
 * @example new GeographyType(4326).json() // "\"geography(OGC:CRS84, SPHERICAL)\""
 */
export class GeographyType extends DataTypeBase {
  readonly kind = "geography" as const;
  /** The SRID, or {@link MIXED_SRID} (-1) for `GEOGRAPHY(ANY)`. */
  readonly srid: number;
  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a negative or fractional SRID. */
  constructor(srid: Srid) {
    super();
    this.srid = checkSrid("geography", srid);
    Object.freeze(this);
  }
  /** True for `GEOGRAPHY(ANY)`. */
  isMixedSrid(): boolean {
    return this.srid === MIXED_SRID;
  }
  typeName(): string {
    return "geography";
  }
  override simpleString(): string {
    return spatialString("geography", this.srid);
  }
  override jsonValue(): string {
    return `geography(${sridToCrs(this.srid)}, ${GEOGRAPHY_ALGORITHM})`;
  }
  override equals(other: unknown): boolean {
    return other instanceof GeographyType && other.srid === this.srid;
  }
}
