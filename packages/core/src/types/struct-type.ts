import { SparkArgumentError } from "../errors.js";
import {
  checkDataType,
  type DataType,
  DataTypeBase,
  frozenJson,
  invalidDataType,
  type JsonValue,
  jsonEquals,
  type Metadata,
  quoteIfNeeded,
  sqlStringLiteral,
} from "./data-type.js";

/** The metadata key Spark keeps a field's comment under. */
export const COMMENT_METADATA_KEY = "comment";

/**
 * The metadata key under which Spark's JSON schema records the collations of the strings inside
 * a field (`{"a.element": "spark.UTF8_LCASE"}`), the types themselves being written `"string"`.
 */
export const COLLATIONS_METADATA_KEY = "__COLLATIONS";

/**
 * A field of a {@link StructType}: a name, a type, whether it may be null, and metadata (where
 * Spark keeps, e.g., the column comment).
 *
 * @example new StructField("id", LongType.INSTANCE, false).toDDL() // "id BIGINT NOT NULL"
 */
export class StructField {
  /** The field name, any string. */
  readonly name: string;
  /** The field's type. */
  readonly dataType: DataType;
  /** Whether the field may be null. */
  readonly nullable: boolean;
  /** The field's metadata, a frozen JSON object (empty unless given). */
  readonly metadata: Metadata;

  /**
   * @throws {SparkArgumentError} `INVALID_DATA_TYPE` for a name that is not a string, a type that
   * is not a data type, or metadata that is not a JSON object.
   */
  constructor(name: string, dataType: DataType, nullable = true, metadata: Metadata = {}) {
    if (typeof name !== "string")
      throw invalidDataType(`a field name must be a string, got ${String(name)}`);
    this.name = name;
    this.dataType = checkDataType(`the type of field ${JSON.stringify(name)}`, dataType);
    this.nullable = Boolean(nullable);
    const frozen = frozenJson(metadata ?? {}, "metadata");
    if (typeof frozen !== "object" || frozen === null || Array.isArray(frozen)) {
      throw invalidDataType(`the metadata of field ${JSON.stringify(name)} must be a JSON object`);
    }
    this.metadata = frozen as Metadata;
    Object.freeze(this);
  }

  /** The comment in the metadata, if any. */
  getComment(): string | undefined {
    const comment = this.metadata[COMMENT_METADATA_KEY];
    return typeof comment === "string" ? comment : undefined;
  }

  /** A copy of this field with the given comment in its metadata. */
  withComment(comment: string): StructField {
    return new StructField(this.name, this.dataType, this.nullable, {
      ...this.metadata,
      [COMMENT_METADATA_KEY]: String(comment),
    });
  }

  /** `name:type`, as in a struct's simple string (the name is not quoted). */
  simpleString(): string {
    return `${this.name}:${this.dataType.simpleString()}`;
  }

  /** The field inside a `STRUCT<…>`: `` `a b`: INT NOT NULL COMMENT 'x' ``. */
  sql(): string {
    return `${quoteIfNeeded(this.name)}: ${this.dataType.sql()}${this.#ddlSuffix()}`;
  }

  /** The field as a column definition: `` `a b` INT NOT NULL COMMENT 'x' ``. */
  toDDL(): string {
    return `${quoteIfNeeded(this.name)} ${this.dataType.sql()}${this.#ddlSuffix()}`;
  }

  #ddlSuffix(): string {
    const comment = this.getComment();
    return (
      (this.nullable ? "" : " NOT NULL") +
      (comment === undefined ? "" : ` COMMENT ${sqlStringLiteral(comment)}`)
    );
  }

  /**
   * The field in Spark's JSON schema format. As Spark does, collated strings are written
   * `"string"` and their collations go to the `__COLLATIONS` metadata key.
   */
  jsonValue(): JsonValue {
    const collations = collationsOf(this.dataType, this.name);
    const hasCollations = Object.keys(collations).length > 0;
    return {
      name: this.name,
      type: hasCollations ? jsonWithoutCollations(this.dataType) : this.dataType.jsonValue(),
      nullable: this.nullable,
      metadata: hasCollations
        ? { ...this.metadata, [COLLATIONS_METADATA_KEY]: collations }
        : this.metadata,
    };
  }

  /** {@link jsonValue} as compact JSON text. */
  json(): string {
    return JSON.stringify(this.jsonValue());
  }

  /** Same name, type, nullability and metadata. */
  equals(other: unknown): boolean {
    return (
      other instanceof StructField &&
      other.name === this.name &&
      other.nullable === this.nullable &&
      other.dataType.equals(this.dataType) &&
      jsonEquals(other.metadata, this.metadata)
    );
  }

  toString(): string {
    return this.simpleString();
  }
}

/** Spark's collation provider of a collation name: `spark` for `UTF8_*`, `icu` otherwise. */
function collationProvider(collation: string): string {
  return collation.toUpperCase().startsWith("UTF8") ? "spark" : "icu";
}

/** The collated strings in a field's type, by path (`name`, `name.element`, `name.key`…). */
function collationsOf(type: DataType, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (t: DataType, p: string): void => {
    if (t.kind === "string") {
      if (!t.isUTF8BinaryCollation()) out[p] = `${collationProvider(t.collation)}.${t.collation}`;
    } else if (t.kind === "array") {
      visit(t.elementType, `${p}.element`);
    } else if (t.kind === "map") {
      visit(t.keyType, `${p}.key`);
      visit(t.valueType, `${p}.value`);
    }
  };
  visit(type, path);
  return out;
}

/** The JSON form with every collated string (outside nested structs) written `"string"`. */
function jsonWithoutCollations(t: DataType): JsonValue {
  switch (t.kind) {
    case "string":
      return "string";
    case "array":
      return {
        type: "array",
        elementType: jsonWithoutCollations(t.elementType),
        containsNull: t.containsNull,
      };
    case "map":
      return {
        type: "map",
        keyType: jsonWithoutCollations(t.keyType),
        valueType: jsonWithoutCollations(t.valueType),
        valueContainsNull: t.valueContainsNull,
      };
    default:
      return t.jsonValue();
  }
}

// Kinds whose name in a tree string is typeName() (Scala's typeName); others show simpleString().
const TREE_TYPE_NAME = new Set<string>([
  "byte",
  "short",
  "integer",
  "long",
  "array",
  "map",
  "struct",
]);

function treeTypeName(t: DataType): string {
  return TREE_TYPE_NAME.has(t.kind) ? t.typeName() : t.simpleString();
}

const META_CHARACTERS: Readonly<Record<string, string>> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\f": "\\f",
  "\b": "\\b",
  "\u000b": "\\v",
  "\u0007": "\\a",
};

function escapeMetaCharacters(s: string): string {
  let out = "";
  for (const c of s) out += META_CHARACTERS[c] ?? c;
  return out;
}

function appendTree(t: DataType, prefix: string, lines: string[], depth: number): void {
  if (depth <= 0) return;
  if (t.kind === "struct") {
    for (const f of t.fields) {
      lines.push(
        `${prefix}-- ${escapeMetaCharacters(f.name)}: ${treeTypeName(f.dataType)} (nullable = ${f.nullable})`,
      );
      appendNested(f.dataType, `${prefix}    |`, lines, depth);
    }
  } else if (t.kind === "array") {
    lines.push(
      `${prefix}-- element: ${treeTypeName(t.elementType)} (containsNull = ${t.containsNull})`,
    );
    appendNested(t.elementType, `${prefix}    |`, lines, depth);
  } else if (t.kind === "map") {
    lines.push(`${prefix}-- key: ${treeTypeName(t.keyType)}`);
    appendNested(t.keyType, `${prefix}    |`, lines, depth);
    lines.push(
      `${prefix}-- value: ${treeTypeName(t.valueType)} (valueContainsNull = ${t.valueContainsNull})`,
    );
    appendNested(t.valueType, `${prefix}    |`, lines, depth);
  }
}

function appendNested(t: DataType, prefix: string, lines: string[], depth: number): void {
  if (t.kind === "struct" || t.kind === "array" || t.kind === "map") {
    appendTree(t, prefix, lines, depth - 1);
  }
}

/**
 * `STRUCT<…>`: a row of named fields, and the type of a DataFrame's schema. Iterable over its
 * fields; immutable (`add` returns a new struct).
 *
 * @example
 * const schema = new StructType()
 *   .add("id", LongType.INSTANCE, false)
 *   .add("name", StringType.INSTANCE);
 * schema.toDDL();         // "id BIGINT NOT NULL, name STRING"
 * schema.simpleString();  // "struct<id:bigint,name:string>"
 * schema.fieldNames();    // ["id", "name"]
 */
export class StructType extends DataTypeBase implements Iterable<StructField> {
  readonly kind = "struct" as const;
  /** The fields, in order (frozen). */
  readonly fields: readonly StructField[];
  #indexByName: Map<string, number> | undefined;

  /** @throws {SparkArgumentError} `INVALID_DATA_TYPE` when an element is not a StructField. */
  constructor(fields: Iterable<StructField> = []) {
    super();
    const list = [...fields];
    list.forEach((f, i) => {
      if (!(f instanceof StructField)) {
        throw invalidDataType(`struct field ${i} is not a StructField: ${String(f)}`);
      }
    });
    this.fields = Object.freeze(list);
    Object.freeze(this);
  }

  /** The number of fields. */
  get length(): number {
    return this.fields.length;
  }

  [Symbol.iterator](): Iterator<StructField> {
    return this.fields[Symbol.iterator]();
  }

  /** The field names, in order. */
  fieldNames(): string[] {
    return this.fields.map((f) => f.name);
  }

  /**
   * A new struct with a field appended: either a {@link StructField}, or its name, type,
   * nullability (default true) and metadata (default `{}`).
   *
   * @example new StructType().add("a", IntegerType.INSTANCE).add(new StructField("b", StringType.INSTANCE))
   */
  add(field: StructField): StructType;
  add(name: string, dataType: DataType, nullable?: boolean, metadata?: Metadata): StructType;
  add(
    fieldOrName: StructField | string,
    dataType?: DataType,
    nullable = true,
    metadata: Metadata = {},
  ): StructType {
    const field =
      fieldOrName instanceof StructField
        ? fieldOrName
        : new StructField(fieldOrName, dataType as DataType, nullable, metadata);
    return new StructType([...this.fields, field]);
  }

  /** The field at an index, or the first field with a name (case-sensitive); undefined if none. */
  get(key: string | number): StructField | undefined {
    if (typeof key === "number") return this.fields[key];
    const i = this.#index().get(key);
    return i === undefined ? undefined : this.fields[i];
  }

  /** True if a field has this name (case-sensitive). */
  has(name: string): boolean {
    return this.#index().has(name);
  }

  /**
   * The index of the first field with this name (case-sensitive).
   *
   * @throws {SparkArgumentError} `FIELD_NOT_FOUND` when there is none.
   */
  fieldIndex(name: string): number {
    const i = this.#index().get(name);
    if (i === undefined) {
      throw new SparkArgumentError(
        `no field named ${JSON.stringify(name)}; the fields are ${JSON.stringify(this.fieldNames())}`,
        { errorClass: "FIELD_NOT_FOUND", messageParameters: { fieldName: name } },
      );
    }
    return i;
  }

  #index(): Map<string, number> {
    if (this.#indexByName === undefined) {
      const index = new Map<string, number>();
      this.fields.forEach((f, i) => {
        if (!index.has(f.name)) index.set(f.name, i);
      });
      this.#indexByName = index;
    }
    return this.#indexByName;
  }

  typeName(): string {
    return "struct";
  }

  /** `struct<a:int,b:string>` (names are not quoted, as in Spark). */
  override simpleString(): string {
    return `struct<${this.fields.map((f) => f.simpleString()).join(",")}>`;
  }

  /** `STRUCT<a: INT, b: STRING NOT NULL COMMENT 'x'>`. */
  override sql(): string {
    return `STRUCT<${this.fields.map((f) => f.sql()).join(", ")}>`;
  }

  /**
   * The fields as a DDL column list, e.g. for `createTable` or `spark.read.schema(…)`:
   * `` a INT, b STRING NOT NULL COMMENT 'x', `weird name` MAP<STRING, DOUBLE> ``. Names are quoted
   * when needed and comments kept; other metadata is not part of DDL.
   */
  toDDL(): string {
    return this.fields.map((f) => f.toDDL()).join(", ");
  }

  /**
   * The schema as a tree, as `printSchema()` shows it:
   *
   * ```text
   * root
   *  |-- id: long (nullable = false)
   *  |-- tags: array (nullable = true)
   *  |    |-- element: string (containsNull = true)
   * ```
   *
   * @param maxDepth how many levels to show; all when omitted or not positive.
   */
  treeString(maxDepth?: number): string {
    const lines = ["root"];
    const depth = maxDepth !== undefined && maxDepth > 0 ? maxDepth : Number.POSITIVE_INFINITY;
    appendTree(this, " |", lines, depth);
    return lines.join("\n") + "\n";
  }

  override jsonValue(): JsonValue {
    return { type: "struct", fields: this.fields.map((f) => f.jsonValue()) };
  }

  override equals(other: unknown): boolean {
    return (
      other instanceof StructType &&
      other.fields.length === this.fields.length &&
      other.fields.every((f, i) => f.equals(this.fields[i]))
    );
  }
}
