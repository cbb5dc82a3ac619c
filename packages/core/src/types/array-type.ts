import { checkDataType, type DataType, DataTypeBase, type JsonValue } from "./data-type.js";

/**
 * `ARRAY<elementType>`: a list of values of one type, which may hold nulls unless
 * `containsNull` is false.
 *
 * @example new ArrayType(IntegerType.INSTANCE).simpleString() // "array<int>"
 */
export class ArrayType extends DataTypeBase {
  readonly kind = "array" as const;
  /** The type of the elements. */
  readonly elementType: DataType;
  /** Whether elements may be null. */
  readonly containsNull: boolean;

  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` when `elementType` is not a data type. */
  constructor(elementType: DataType, containsNull = true) {
    super();
    this.elementType = checkDataType("array element type", elementType);
    this.containsNull = Boolean(containsNull);
    Object.freeze(this);
  }
  typeName(): string {
    return "array";
  }
  override simpleString(): string {
    return `array<${this.elementType.simpleString()}>`;
  }
  override sql(): string {
    return `ARRAY<${this.elementType.sql()}>`;
  }
  override jsonValue(): JsonValue {
    return {
      type: "array",
      elementType: this.elementType.jsonValue(),
      containsNull: this.containsNull,
    };
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof ArrayType &&
      other.containsNull === this.containsNull &&
      other.elementType.equals(this.elementType)
    );
  }
}
