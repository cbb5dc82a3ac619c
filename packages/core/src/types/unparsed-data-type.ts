import { DataTypeBase, invalidDataType } from "./data-type.js";

/**
 * A data type kept as a string for the server to parse (the proto's `DataType.Unparsed`), e.g.
 * a DDL string this client does not parse itself. Its `simpleString()` and `sql()` are the
 * string as given; it has no JSON form.
 *
 * @example new UnparsedDataType("a INT, b STRING").sql() // "a INT, b STRING"
 */
export class UnparsedDataType extends DataTypeBase {
  readonly kind = "unparsed" as const;
  /** The data type string, as given. */
  readonly dataTypeString: string;
  constructor(dataTypeString: string) {
    super();
    this.dataTypeString = String(dataTypeString);
    Object.freeze(this);
  }
  typeName(): string {
    return "unparsed";
  }
  override simpleString(): string {
    return this.dataTypeString;
  }
  override sql(): string {
    return this.dataTypeString;
  }
  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` always: only the server can resolve it. */
  override jsonValue(): never {
    throw invalidDataType(
      `the unparsed data type ${JSON.stringify(this.dataTypeString)} has no JSON form until the server resolves it`,
    );
  }
  override equals(other: unknown): boolean {
    return other instanceof UnparsedDataType && other.dataTypeString === this.dataTypeString;
  }
}
