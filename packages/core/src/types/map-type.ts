import { checkDataType, type DataType, DataTypeBase, type JsonValue } from "./data-type.js";

/**
 * `MAP<keyType, valueType>`: key-value pairs. Keys are never null; values may be unless
 * `valueContainsNull` is false.
 *
 * @example new MapType(StringType.INSTANCE, LongType.INSTANCE).sql() // "MAP<STRING, BIGINT>"
 */
export class MapType extends DataTypeBase {
  readonly kind = "map" as const;
  /** The type of the keys. */
  readonly keyType: DataType;
  /** The type of the values. */
  readonly valueType: DataType;
  /** Whether values may be null. */
  readonly valueContainsNull: boolean;

  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` when a type is not a data type. */
  constructor(keyType: DataType, valueType: DataType, valueContainsNull = true) {
    super();
    this.keyType = checkDataType("map key type", keyType);
    this.valueType = checkDataType("map value type", valueType);
    this.valueContainsNull = Boolean(valueContainsNull);
    Object.freeze(this);
  }
  typeName(): string {
    return "map";
  }
  override simpleString(): string {
    return `map<${this.keyType.simpleString()},${this.valueType.simpleString()}>`;
  }
  override sql(): string {
    return `MAP<${this.keyType.sql()}, ${this.valueType.sql()}>`;
  }
  override jsonValue(): JsonValue {
    return {
      type: "map",
      keyType: this.keyType.jsonValue(),
      valueType: this.valueType.jsonValue(),
      valueContainsNull: this.valueContainsNull,
    };
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof MapType &&
      other.valueContainsNull === this.valueContainsNull &&
      other.keyType.equals(this.keyType) &&
      other.valueType.equals(this.valueType)
    );
  }
}
