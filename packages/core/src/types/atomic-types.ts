import { checkInteger, DataTypeBase, invalidDataType } from "./data-type.js";

/**
 * The type of `NULL` values (Spark's `void`), e.g. for `lit(null)` without a cast.
 *
 * @example NullType.INSTANCE.simpleString() // "void"
 */
export class NullType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: NullType = new NullType();
  readonly kind = "null" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "void";
  }
}

/** `BOOLEAN`: true or false. */
export class BooleanType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: BooleanType = new BooleanType();
  readonly kind = "boolean" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "boolean";
  }
}

/** `TINYINT` (`BYTE`): a signed 8-bit integer. JSON name `byte`. */
export class ByteType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: ByteType = new ByteType();
  readonly kind = "byte" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "byte";
  }
  override simpleString(): string {
    return "tinyint";
  }
}

/** `SMALLINT` (`SHORT`): a signed 16-bit integer. JSON name `short`. */
export class ShortType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: ShortType = new ShortType();
  readonly kind = "short" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "short";
  }
  override simpleString(): string {
    return "smallint";
  }
}

/** `INT` (`INTEGER`): a signed 32-bit integer. JSON name `integer`. */
export class IntegerType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: IntegerType = new IntegerType();
  readonly kind = "integer" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "integer";
  }
  override simpleString(): string {
    return "int";
  }
}

/** `BIGINT` (`LONG`): a signed 64-bit integer. JSON name `long`. */
export class LongType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: LongType = new LongType();
  readonly kind = "long" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "long";
  }
  override simpleString(): string {
    return "bigint";
  }
}

/** `FLOAT` (`REAL`): a single-precision floating point number. */
export class FloatType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: FloatType = new FloatType();
  readonly kind = "float" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "float";
  }
}

/** `DOUBLE`: a double-precision floating point number. */
export class DoubleType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: DoubleType = new DoubleType();
  readonly kind = "double" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "double";
  }
}

/** The largest precision of a {@link DecimalType}. */
export const DECIMAL_MAX_PRECISION = 38;

/**
 * `DECIMAL(precision, scale)`: an exact decimal number with `precision` digits in all, `scale`
 * of them after the point. Defaults to `decimal(10,0)`.
 *
 * @example new DecimalType(10, 2).sql() // "DECIMAL(10,2)"
 */
export class DecimalType extends DataTypeBase {
  readonly kind = "decimal" as const;
  /** The total number of digits, 1 to 38. */
  readonly precision: number;
  /** The number of digits after the decimal point, at most `precision`. */
  readonly scale: number;

  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a precision outside 1..38 or a scale above it. */
  constructor(precision = 10, scale = 0) {
    super();
    this.precision = checkInteger("decimal precision", precision, 1, DECIMAL_MAX_PRECISION);
    this.scale = checkInteger("decimal scale", scale, -DECIMAL_MAX_PRECISION, this.precision);
    Object.freeze(this);
  }
  typeName(): string {
    return "decimal";
  }
  override simpleString(): string {
    return `decimal(${this.precision},${this.scale})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof DecimalType &&
      other.precision === this.precision &&
      other.scale === this.scale
    );
  }
}

/** The default collation of {@link StringType}: binary comparison of UTF-8 bytes. */
export const DEFAULT_COLLATION = "UTF8_BINARY";

const COLLATION_NAME = /^[A-Za-z0-9_]+$/;

/**
 * `STRING`, optionally with a collation (e.g. `STRING COLLATE UTF8_LCASE`). Collation names
 * are case-insensitive, as in Spark.
 *
 * @example new StringType("UTF8_LCASE").simpleString() // "string collate UTF8_LCASE"
 */
export class StringType extends DataTypeBase {
  /** `STRING` with the default collation. */
  static readonly INSTANCE: StringType = new StringType();
  readonly kind = "string" as const;
  /** The collation name, `UTF8_BINARY` unless given. */
  readonly collation: string;

  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a malformed collation name. */
  constructor(collation: string = DEFAULT_COLLATION) {
    super();
    if (typeof collation !== "string" || !COLLATION_NAME.test(collation)) {
      throw invalidDataType(`invalid collation name ${JSON.stringify(collation)}`);
    }
    this.collation = collation;
    Object.freeze(this);
  }
  /** True for the default collation, `UTF8_BINARY`. */
  isUTF8BinaryCollation(): boolean {
    return this.collation.toUpperCase() === DEFAULT_COLLATION;
  }
  typeName(): string {
    return "string";
  }
  override simpleString(): string {
    return this.isUTF8BinaryCollation() ? "string" : `string collate ${this.collation}`;
  }
  override sql(): string {
    return this.isUTF8BinaryCollation() ? "STRING" : `STRING COLLATE ${this.collation}`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof StringType && other.collation.toUpperCase() === this.collation.toUpperCase()
    );
  }
}

/** `CHAR(length)`: a fixed-length string, padded with spaces. */
export class CharType extends DataTypeBase {
  readonly kind = "char" as const;
  /** The number of characters. */
  readonly length: number;
  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a negative length. */
  constructor(length: number) {
    super();
    this.length = checkInteger("char length", length, 0, 2 ** 31 - 1);
    Object.freeze(this);
  }
  typeName(): string {
    return "char";
  }
  override simpleString(): string {
    return `char(${this.length})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  override equals(other: unknown): boolean {
    return other instanceof CharType && other.length === this.length;
  }
}

/** `VARCHAR(length)`: a string of at most `length` characters. */
export class VarcharType extends DataTypeBase {
  readonly kind = "varChar" as const;
  /** The largest number of characters. */
  readonly length: number;
  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a negative length. */
  constructor(length: number) {
    super();
    this.length = checkInteger("varchar length", length, 0, 2 ** 31 - 1);
    Object.freeze(this);
  }
  typeName(): string {
    return "varchar";
  }
  override simpleString(): string {
    return `varchar(${this.length})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  override equals(other: unknown): boolean {
    return other instanceof VarcharType && other.length === this.length;
  }
}

/** `BINARY`: a byte array. */
export class BinaryType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: BinaryType = new BinaryType();
  readonly kind = "binary" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "binary";
  }
}

/** `DATE`: a calendar date without a time zone. */
export class DateType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: DateType = new DateType();
  readonly kind = "date" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "date";
  }
}

/** `TIMESTAMP` (`TIMESTAMP_LTZ`): an instant, shown in the session time zone. */
export class TimestampType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: TimestampType = new TimestampType();
  readonly kind = "timestamp" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "timestamp";
  }
}

/** `TIMESTAMP_NTZ`: a local date-time without a time zone. */
export class TimestampNTZType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: TimestampNTZType = new TimestampNTZType();
  readonly kind = "timestampNtz" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "timestamp_ntz";
  }
}

/**
 * `TIME(precision)` (Spark 4.1): a time of day without a time zone, with `precision` digits of
 * fractional seconds (0 to 6, default 6).
 *
 * @example new TimeType(3).sql() // "TIME(3)"
 */
export class TimeType extends DataTypeBase {
  readonly kind = "time" as const;
  /** Digits of fractional seconds, 0 to 6. */
  readonly precision: number;
  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a precision outside 0..6. */
  constructor(precision = 6) {
    super();
    this.precision = checkInteger("time precision", precision, 0, 6);
    Object.freeze(this);
  }
  typeName(): string {
    return "time";
  }
  override simpleString(): string {
    return `time(${this.precision})`;
  }
  override jsonValue(): string {
    return this.simpleString();
  }
  override equals(other: unknown): boolean {
    return other instanceof TimeType && other.precision === this.precision;
  }
}

/** `VARIANT` (Spark 4.0): semi-structured values. */
export class VariantType extends DataTypeBase {
  /** The only instance. */
  static readonly INSTANCE: VariantType = new VariantType();
  readonly kind = "variant" as const;
  private constructor() {
    super();
    Object.freeze(this);
  }
  typeName(): string {
    return "variant";
  }
}
