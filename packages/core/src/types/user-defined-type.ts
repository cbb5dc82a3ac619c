import {
  checkDataType,
  type DataType,
  DataTypeBase,
  invalidDataType,
  type JsonValue,
} from "./data-type.js";

/** What identifies a user-defined type: what the proto's `DataType.UDT` carries. */
export interface UserDefinedTypeOptions {
  /** The JVM class of a Scala/Java UDT (e.g. `org.apache.spark.ml.linalg.VectorUDT`). */
  jvmClass?: string;
  /** The Python class of a Python UDT, or the Python twin of a JVM UDT. */
  pythonClass?: string;
  /** The pickled Python class of a Python-only UDT (base64). */
  serializedPythonClass?: string;
  /** The type the UDT is stored as. */
  sqlType?: DataType;
}

/**
 * A user-defined type (e.g. MLlib's `VectorUDT`), as the server describes it. Read-only: the
 * client keeps what identifies the UDT and the SQL type it is stored as; it cannot convert
 * values of it.
 */
export class UserDefinedType extends DataTypeBase {
  readonly kind = "udt" as const;
  /** The JVM class of a Scala/Java UDT. */
  readonly jvmClass: string | undefined;
  /** The Python class of the UDT. */
  readonly pythonClass: string | undefined;
  /** The pickled Python class of a Python-only UDT. */
  readonly serializedPythonClass: string | undefined;
  /** The type the UDT is stored as. */
  readonly sqlType: DataType | undefined;

  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` when neither class is given. */
  constructor(options: UserDefinedTypeOptions) {
    super();
    const { jvmClass, pythonClass, serializedPythonClass, sqlType } = options;
    for (const [name, value] of Object.entries({ jvmClass, pythonClass, serializedPythonClass })) {
      if (value !== undefined && typeof value !== "string") {
        throw invalidDataType(`UDT ${name} must be a string, got ${String(value)}`);
      }
    }
    if (!jvmClass && !pythonClass) {
      throw invalidDataType("a user-defined type needs a jvmClass or a pythonClass");
    }
    this.jvmClass = jvmClass;
    this.pythonClass = pythonClass;
    this.serializedPythonClass = serializedPythonClass;
    this.sqlType = sqlType === undefined ? undefined : checkDataType("UDT sqlType", sqlType);
    Object.freeze(this);
  }
  typeName(): string {
    return "udt";
  }
  /** Spark's name for the UDT, from its class: `vector` for `…VectorUDT`. */
  override simpleString(): string {
    const cls = this.jvmClass || this.pythonClass || "";
    const name = cls
      .slice(cls.lastIndexOf(".") + 1)
      .replace(/\$$/, "")
      .replace(/Type$/, "")
      .replace(/UDT$/, "")
      .toLowerCase();
    return name || "udt";
  }
  /** The SQL form of the type the UDT is stored as (as Spark does). */
  override sql(): string {
    return this.sqlType ? this.sqlType.sql() : super.sql();
  }
  override jsonValue(): JsonValue {
    const out: Record<string, JsonValue> = { type: "udt" };
    if (this.jvmClass !== undefined) out.class = this.jvmClass;
    if (this.pythonClass !== undefined) out.pyClass = this.pythonClass;
    if (this.serializedPythonClass !== undefined) out.serializedClass = this.serializedPythonClass;
    if (this.sqlType !== undefined) out.sqlType = this.sqlType.jsonValue();
    return out;
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof UserDefinedType &&
      other.jvmClass === this.jvmClass &&
      other.pythonClass === this.pythonClass &&
      other.serializedPythonClass === this.serializedPythonClass &&
      (other.sqlType === undefined
        ? this.sqlType === undefined
        : other.sqlType.equals(this.sqlType))
    );
  }
}
