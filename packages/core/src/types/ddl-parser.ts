import { SparkArgumentError } from "../errors.js";
import { ArrayType } from "./array-type.js";
import {
  BinaryType,
  BooleanType,
  ByteType,
  CharType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  StringType,
  TimestampNTZType,
  TimestampType,
  TimeType,
  VarcharType,
  VariantType,
} from "./atomic-types.js";
import type { DataType } from "./data-type.js";
import {
  CalendarIntervalType,
  DAY_TIME_INTERVAL_FIELDS,
  type DayTimeIntervalField,
  DayTimeIntervalType,
  YEAR_MONTH_INTERVAL_FIELDS,
  type YearMonthIntervalField,
  YearMonthIntervalType,
} from "./interval-types.js";
import { MapType } from "./map-type.js";
import { GeographyType, GeometryType } from "./spatial-types.js";
import { COMMENT_METADATA_KEY, StructField, StructType } from "./struct-type.js";

type Punctuation = "<" | ">" | "," | ":" | "(" | ")" | "!";

type Token =
  | { readonly type: "word"; readonly text: string; readonly upper: string; readonly pos: number }
  | { readonly type: "quoted"; readonly text: string; readonly pos: number }
  | { readonly type: "integer"; readonly text: string; readonly pos: number }
  | { readonly type: "string"; readonly text: string; readonly pos: number }
  | { readonly type: "punctuation"; readonly text: Punctuation; readonly pos: number }
  | { readonly type: "end"; readonly pos: number };

/** A syntax error at a position of the input; turned into a SparkArgumentError at the API edge. */
class DdlSyntaxError extends Error {
  readonly position: number;
  readonly reason: string;
  /** The index of the offending token, when a token is to blame. */
  readonly tokenIndex: number | undefined;
  constructor(position: number, reason: string, tokenIndex?: number) {
    super(reason);
    this.position = position;
    this.reason = reason;
    this.tokenIndex = tokenIndex;
  }
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const DIGITS = /^\d+$/;
const PUNCTUATION = new Set<string>(["<", ">", ",", ":", "(", ")", "!"]);

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "0": "\u0000",
  b: "\b",
  n: "\n",
  r: "\r",
  t: "\t",
  Z: "\u001a",
  "%": "\\%",
  _: "\\_",
};

/** Reads a quoted string starting at `start` (the quote); returns its value and end index. */
function readString(input: string, start: number, raw: boolean): [string, number] {
  const quote = input[start];
  let out = "";
  let i = start + 1;
  while (i < input.length) {
    const c = input[i] as string;
    if (c === quote) {
      if (!raw && input[i + 1] === quote) {
        out += c;
        i += 2;
        continue;
      }
      return [out, i + 1];
    }
    if (c === "\\" && !raw && i + 1 < input.length) {
      const n = input[i + 1] as string;
      const unicode = n === "u" ? /^[0-9a-fA-F]{4}/.exec(input.slice(i + 2, i + 6)) : null;
      const octal = /^[0-3][0-7]{2}/.exec(input.slice(i + 1, i + 4));
      if (unicode) {
        out += String.fromCharCode(Number.parseInt(unicode[0], 16));
        i += 6;
      } else if (octal) {
        out += String.fromCharCode(Number.parseInt(octal[0], 8));
        i += 4;
      } else {
        out += SIMPLE_ESCAPES[n] ?? n;
        i += 2;
      }
      continue;
    }
    out += c;
    i += 1;
  }
  throw new DdlSyntaxError(start, "unterminated string literal");
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (/\s/.test(c)) {
      i += 1;
    } else if (PUNCTUATION.has(c)) {
      tokens.push({ type: "punctuation", text: c as Punctuation, pos: i });
      i += 1;
    } else if (c === "`") {
      let text = "";
      let j = i + 1;
      for (;;) {
        const close = input.indexOf("`", j);
        if (close < 0) throw new DdlSyntaxError(i, "unterminated quoted name");
        text += input.slice(j, close);
        if (input[close + 1] !== "`") {
          j = close + 1;
          break;
        }
        text += "`";
        j = close + 2;
      }
      tokens.push({ type: "quoted", text, pos: i });
      i = j;
    } else if (c === "'" || c === '"') {
      const [text, end] = readString(input, i, false);
      tokens.push({ type: "string", text, pos: i });
      i = end;
    } else if (WORD_CHAR.test(String.fromCodePoint(input.codePointAt(i) ?? 0))) {
      let j = i;
      while (j < input.length) {
        const ch = String.fromCodePoint(input.codePointAt(j) ?? 0);
        if (!WORD_CHAR.test(ch)) break;
        j += ch.length;
      }
      const text = input.slice(i, j);
      if ((text === "r" || text === "R") && (input[j] === "'" || input[j] === '"')) {
        const [value, end] = readString(input, j, true);
        tokens.push({ type: "string", text: value, pos: i });
        i = end;
      } else {
        tokens.push(
          DIGITS.test(text)
            ? { type: "integer", text, pos: i }
            : { type: "word", text, upper: text.toUpperCase(), pos: i },
        );
        i = j;
      }
    } else {
      throw new DdlSyntaxError(i, `unexpected character ${JSON.stringify(c)}`);
    }
  }
  tokens.push({ type: "end", pos: input.length });
  return tokens;
}

function describe(token: Token): string {
  switch (token.type) {
    case "end":
      return "the end of the input";
    case "string":
      return "a string literal";
    case "quoted":
      return `\`${token.text}\``;
    default:
      return `'${token.text}'`;
  }
}

type SimpleTypeReader = (parser: DdlParser, at: Token) => DataType;

const constant =
  (t: DataType): SimpleTypeReader =>
  () =>
    t;

/** Unquoted keywords that start a primitive type, upper-cased. */
const PRIMITIVES: ReadonlyMap<string, SimpleTypeReader> = new Map<string, SimpleTypeReader>([
  ["BOOLEAN", constant(BooleanType.INSTANCE)],
  ["BOOL", constant(BooleanType.INSTANCE)],
  ["TINYINT", constant(ByteType.INSTANCE)],
  ["BYTE", constant(ByteType.INSTANCE)],
  ["SMALLINT", constant(ShortType.INSTANCE)],
  ["SHORT", constant(ShortType.INSTANCE)],
  ["INT", constant(IntegerType.INSTANCE)],
  ["INTEGER", constant(IntegerType.INSTANCE)],
  ["BIGINT", constant(LongType.INSTANCE)],
  ["LONG", constant(LongType.INSTANCE)],
  ["FLOAT", constant(FloatType.INSTANCE)],
  ["REAL", constant(FloatType.INSTANCE)],
  ["DOUBLE", constant(DoubleType.INSTANCE)],
  ["DATE", constant(DateType.INSTANCE)],
  ["BINARY", constant(BinaryType.INSTANCE)],
  ["VOID", constant(NullType.INSTANCE)],
  ["NULL", constant(NullType.INSTANCE)],
  ["VARIANT", constant(VariantType.INSTANCE)],
  ["TIMESTAMP_LTZ", constant(TimestampType.INSTANCE)],
  ["TIMESTAMP_NTZ", constant(TimestampNTZType.INSTANCE)],
  ["STRING", (p) => p.stringType()],
  ["CHAR", (p, at) => p.build(at, (n) => new CharType(n), p.lengthArgument())],
  ["CHARACTER", (p, at) => p.build(at, (n) => new CharType(n), p.lengthArgument())],
  ["VARCHAR", (p, at) => p.build(at, (n) => new VarcharType(n), p.lengthArgument())],
  ["DECIMAL", (p) => p.decimalType()],
  ["DEC", (p) => p.decimalType()],
  ["NUMERIC", (p) => p.decimalType()],
  ["INTERVAL", (p) => p.intervalType()],
  ["TIMESTAMP", (p) => p.timestampType()],
  ["TIME", (p) => p.timeType()],
  ["GEOMETRY", (p) => p.spatialType((srid) => new GeometryType(srid))],
  ["GEOGRAPHY", (p) => p.spatialType((srid) => new GeographyType(srid))],
]);

/** A recursive-descent parser over Spark's DDL type grammar. */
class DdlParser {
  readonly #tokens: Token[];
  #next = 0;

  constructor(input: string) {
    this.#tokens = tokenize(input);
  }

  /** The token at `offset` from the current one (the end token past the end). */
  peek(offset = 0): Token {
    const tokens = this.#tokens;
    return tokens[Math.min(this.#next + offset, tokens.length - 1)] as Token;
  }

  take(): Token {
    const t = this.peek();
    if (t.type !== "end") this.#next += 1;
    return t;
  }

  fail(at: Token, reason: string): never {
    throw new DdlSyntaxError(at.pos, reason, this.#tokens.indexOf(at));
  }

  isPunctuation(text: Punctuation, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === "punctuation" && t.text === text;
  }

  isKeyword(upper: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === "word" && t.upper === upper;
  }

  expect(text: Punctuation, context: string): Token {
    const t = this.take();
    if (t.type !== "punctuation" || t.text !== text) {
      this.fail(t, `expected '${text}' ${context}, found ${describe(t)}`);
    }
    return t;
  }

  expectKeyword(upper: string, context: string): Token {
    const t = this.take();
    if (t.type !== "word" || t.upper !== upper) {
      this.fail(t, `expected ${upper} ${context}, found ${describe(t)}`);
    }
    return t;
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.type !== "end") this.fail(t, `unexpected ${describe(t)} after the end of the type`);
  }

  integer(context: string): [number, Token] {
    const t = this.take();
    if (t.type !== "integer") this.fail(t, `expected an integer ${context}, found ${describe(t)}`);
    const value = Number(t.text);
    if (value > 2 ** 31 - 1) this.fail(t, `the integer ${t.text} is too large`);
    return [value, t];
  }

  /** Runs a type constructor, turning its argument errors into syntax errors at `at`. */
  build<A>(at: Token, make: (arg: A) => DataType, arg: A): DataType {
    try {
      return make(arg);
    } catch (e) {
      if (e instanceof SparkArgumentError) {
        this.fail(at, e.message.replace(/^\[[A-Z_]+\] /, ""));
      }
      throw e;
    }
  }

  /** `dataType`: a complex or primitive type. */
  dataType(): DataType {
    const t = this.take();
    if (t.type !== "word") this.fail(t, `expected a data type, found ${describe(t)}`);
    switch (t.upper) {
      case "ARRAY": {
        this.expect("<", "after ARRAY");
        const element = this.dataType();
        this.expect(">", "to close ARRAY<");
        return new ArrayType(element);
      }
      case "MAP": {
        this.expect("<", "after MAP");
        const key = this.dataType();
        this.expect(",", "between the key and value types of MAP<");
        const value = this.dataType();
        this.expect(">", "to close MAP<");
        return new MapType(key, value);
      }
      case "STRUCT": {
        this.expect("<", "after STRUCT");
        const fields: StructField[] = [];
        if (!this.isPunctuation(">")) this.fieldList(fields);
        this.expect(">", "to close STRUCT<");
        return new StructType(fields);
      }
      default: {
        const read = PRIMITIVES.get(t.upper);
        if (!read) this.fail(t, `unknown data type ${JSON.stringify(t.text)}`);
        return read(this, t);
      }
    }
  }

  /** `name [:] type [NOT NULL] [COMMENT 'text']`, in a struct or a column list. */
  field(): StructField {
    const t = this.take();
    let name: string;
    if (t.type === "word" || t.type === "quoted") name = t.text;
    else this.fail(t, `expected a field name, found ${describe(t)}`);
    if (this.isPunctuation(":")) this.take();
    const type = this.dataType();
    let nullable = true;
    if (this.isKeyword("NOT") || this.isPunctuation("!")) {
      this.take();
      this.expectKeyword("NULL", "after NOT");
      nullable = false;
    }
    let comment: string | undefined;
    if (this.isKeyword("COMMENT")) {
      this.take();
      comment = "";
      do {
        const s = this.take();
        if (s.type !== "string")
          this.fail(s, `expected a string literal after COMMENT, found ${describe(s)}`);
        comment += s.text;
      } while (this.peek().type === "string");
    }
    return new StructField(
      name,
      type,
      nullable,
      comment === undefined ? {} : { [COMMENT_METADATA_KEY]: comment },
    );
  }

  /** One or more comma-separated fields, appended to `fields`. */
  fieldList(fields: StructField[]): void {
    for (;;) {
      fields.push(this.field());
      if (!this.isPunctuation(",")) return;
      this.take();
    }
  }

  /** A comma-separated column list (possibly empty) up to the end of the input. */
  columns(): StructType {
    const fields: StructField[] = [];
    if (this.peek().type !== "end") this.fieldList(fields);
    const t = this.peek();
    if (t.type !== "end")
      this.fail(t, `expected ',' or the end of the input, found ${describe(t)}`);
    return new StructType(fields);
  }

  stringType(): DataType {
    if (!this.isKeyword("COLLATE")) return StringType.INSTANCE;
    this.take();
    const name = this.take();
    if (name.type !== "word" && name.type !== "quoted") {
      this.fail(name, `expected a collation name after COLLATE, found ${describe(name)}`);
    }
    return this.build(name, (c: string) => new StringType(c), name.text);
  }

  lengthArgument(): number {
    this.expect("(", "before the length");
    const [n] = this.integer("for the length");
    this.expect(")", "after the length");
    return n;
  }

  decimalType(): DataType {
    if (!this.isPunctuation("(")) return new DecimalType();
    this.take();
    const [precision, at] = this.integer("for the decimal precision");
    let scale = 0;
    if (this.isPunctuation(",")) {
      this.take();
      [scale] = this.integer("for the decimal scale");
    }
    this.expect(")", "to close DECIMAL(");
    return this.build(at, ([p, s]: [number, number]) => new DecimalType(p, s), [precision, scale]);
  }

  intervalType(): DataType {
    const t = this.peek();
    if (t.type !== "word") return CalendarIntervalType.INSTANCE;
    const unit = t.text.toLowerCase();
    const yearMonth = YEAR_MONTH_INTERVAL_FIELDS as readonly string[];
    const dayTime = DAY_TIME_INTERVAL_FIELDS as readonly string[];
    const all = yearMonth.includes(unit) ? yearMonth : dayTime.includes(unit) ? dayTime : undefined;
    if (!all) return CalendarIntervalType.INSTANCE;
    this.take();
    let end = unit;
    if (this.isKeyword("TO")) {
      this.take();
      const to = this.take();
      const toUnit = to.type === "word" ? to.text.toLowerCase() : "";
      if (all.indexOf(toUnit) <= all.indexOf(unit)) {
        this.fail(
          to,
          `expected a field smaller than ${unit.toUpperCase()} after TO (one of ${all
            .slice(all.indexOf(unit) + 1)
            .join(", ")
            .toUpperCase()}), found ${describe(to)}`,
        );
      }
      end = toUnit;
    }
    return all === yearMonth
      ? new YearMonthIntervalType(unit as YearMonthIntervalField, end as YearMonthIntervalField)
      : new DayTimeIntervalType(unit as DayTimeIntervalField, end as DayTimeIntervalField);
  }

  /** `WITHOUT TIME ZONE` (true), `WITH LOCAL TIME ZONE` (false), or nothing (undefined). */
  timeZoneClause(allowLocal: boolean): boolean | undefined {
    if (this.isKeyword("WITHOUT") && this.isKeyword("TIME", 1)) {
      this.take();
      this.take();
      this.expectKeyword("ZONE", "after WITHOUT TIME");
      return true;
    }
    if (allowLocal && this.isKeyword("WITH") && this.isKeyword("LOCAL", 1)) {
      this.take();
      this.take();
      this.expectKeyword("TIME", "after WITH LOCAL");
      this.expectKeyword("ZONE", "after WITH LOCAL TIME");
      return false;
    }
    return undefined;
  }

  timestampType(): DataType {
    if (this.isPunctuation("(")) this.fail(this.peek(), "TIMESTAMP takes no precision here");
    return this.timeZoneClause(true) ? TimestampNTZType.INSTANCE : TimestampType.INSTANCE;
  }

  timeType(): DataType {
    let precision = 6;
    let at = this.peek();
    if (this.isPunctuation("(")) {
      this.take();
      [precision, at] = this.integer("for the TIME precision");
      this.expect(")", "to close TIME(");
    }
    this.timeZoneClause(false);
    return this.build(at, (p: number) => new TimeType(p), precision);
  }

  spatialType(make: (srid: number | "ANY") => DataType): DataType {
    this.expect("(", "before the SRID");
    const t = this.peek();
    let srid: number | "ANY";
    if (this.isKeyword("ANY")) {
      this.take();
      srid = "ANY";
    } else {
      [srid] = this.integer("or ANY for the SRID");
    }
    this.expect(")", "after the SRID");
    return this.build(t, make, srid);
  }
}

function syntaxError(input: string, e: DdlSyntaxError): SparkArgumentError {
  const lineStart = input.lastIndexOf("\n", e.position - 1) + 1;
  const lineEnd = input.indexOf("\n", e.position);
  const line = input.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  return new SparkArgumentError(
    `Cannot parse the data type ${JSON.stringify(input)}: ${e.reason} (position ${e.position})\n` +
      `${line}\n${" ".repeat(e.position - lineStart)}^`,
    {
      errorClass: "INVALID_DATA_TYPE",
      messageParameters: { input, position: String(e.position), reason: e.reason },
    },
  );
}

function attempt<T>(run: () => T): T | DdlSyntaxError {
  try {
    return run();
  } catch (e) {
    if (e instanceof DdlSyntaxError) return e;
    throw e;
  }
}

function parseSingleType(input: string): DataType {
  const parser = new DdlParser(input);
  const type = parser.dataType();
  parser.expectEnd();
  return type;
}

function parseColumns(input: string): StructType {
  const parser = new DdlParser(input);
  // `STRUCT<…>` written out in full (a column list never has '<' after its first name).
  if (parser.isKeyword("STRUCT") && parser.isPunctuation("<", 1)) {
    return parseSingleType(input) as StructType;
  }
  return parser.columns();
}

/**
 * Parses a data type in Spark's DDL / simple-string syntax, on the client. Keywords are
 * case-insensitive; a column list (`a INT, b STRING`) gives a {@link StructType}, as Spark's
 * `DataType.fromDDL` does.
 *
 * Accepted: `boolean`/`bool`, `tinyint`/`byte`, `smallint`/`short`, `int`/`integer`,
 * `bigint`/`long`, `float`/`real`, `double`, `decimal`/`dec`/`numeric[(p[, s])]`,
 * `string [collate name]`, `char(n)`/`character(n)`, `varchar(n)`, `binary`, `date`,
 * `timestamp`, `timestamp_ltz`, `timestamp with local time zone`, `timestamp_ntz`,
 * `timestamp without time zone`, `time[(p)]`, `interval` (calendar), `interval year [to month]`,
 * `interval month`, `interval day|hour|minute|second [to hour|minute|second]`, `variant`,
 * `void`/`null`, `geometry(srid|any)`, `geography(srid|any)`, `array<T>`, `map<K, V>`,
 * `struct<name[:] T [not null] [comment '…'], …>`; names may be quoted with backticks.
 *
 * @example parseDataType("decimal(10, 2)")               // DecimalType(10, 2)
 * @example parseDataType("array<struct<a:int,b:string>>").sql() // "ARRAY<STRUCT<a: INT, b: STRING>>"
 * @throws {SparkArgumentError} `INVALID_DATA_TYPE`, the message pointing at the position.
 */
export function parseDataType(ddl: string): DataType {
  const input = String(ddl);
  const asType = attempt(() => parseSingleType(input));
  if (!(asType instanceof DdlSyntaxError)) return asType;
  if (input.trim() === "") throw syntaxError(input, asType);
  const asColumns = attempt(() => parseColumns(input));
  if (!(asColumns instanceof DdlSyntaxError)) return asColumns;
  // Report the reading that got further into the input, unless the column reading only failed
  // for want of a type after a lone first word (`foo`): that input was meant as a type.
  const loneWord = asColumns.tokenIndex === 1 && asColumns.position === input.length;
  throw syntaxError(input, asColumns.position > asType.position && !loneWord ? asColumns : asType);
}

/**
 * Parses a schema: a DDL column list such as
 * ``a INT, b STRING NOT NULL COMMENT 'x', `weird name` MAP<STRING, ARRAY<DOUBLE>>`` (a colon
 * after each name is also accepted, as is a whole `STRUCT<…>`). An empty string gives an empty
 * struct. Comments go to each field's metadata under `comment`.
 *
 * @example parseSchema("id BIGINT NOT NULL, name STRING").toDDL() // "id BIGINT NOT NULL, name STRING"
 * @throws {SparkArgumentError} `INVALID_DATA_TYPE`, the message pointing at the position.
 */
export function parseSchema(ddl: string): StructType {
  const input = String(ddl);
  const result = attempt(() => parseColumns(input));
  if (result instanceof DdlSyntaxError) throw syntaxError(input, result);
  return result;
}
