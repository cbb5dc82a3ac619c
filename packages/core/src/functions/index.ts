/**
 * Spark SQL functions, as in PySpark's `pyspark.sql.functions` (Spark 4.1), in camelCase. Every
 * function builds an expression the server resolves by name; nothing is computed on the client.
 * `SPARK_FUNCTION_NAMES` (in `src/testing/spark-names.ts`, for tests only) lists the Spark function each one calls.
 *
 * Naming: PySpark's snake_case becomes camelCase (`count_distinct` → `countDistinct`,
 * `to_date` → `toDate`). PySpark's legacy camelCase aliases are kept where they differ in
 * camelCase (`bitwiseNOT` beside `bitwiseNot`, `shiftLeft` beside `shiftleft`, `toDegrees`,
 * `toRadians`); names PySpark spells in one word stay so (`dateadd` beside `dateAdd`, `getbit`
 * beside `bitGet`), since they call different Spark names. `typeof` is a JavaScript operator, so
 * its function is `typeof_`; `char`, `ascii`, `filter`, `window`… are plain module exports that
 * shadow nothing inside the SDK. PySpark's aliases `column`, `negate`, `power` and `random` are
 * exported too; `uuid` and `chr`, left out of PySpark's `__all__` only for clashing with Python
 * built-ins, are exported.
 *
 * Left out of PySpark's `pyspark.sql.functions`, and why:
 * - `udf`, `pandas_udf`, `arrow_udf`: they ship Python functions to Python workers.
 * - `udtf`, `arrow_udtf`: they ship Python table-function classes to Python workers.
 * - `broadcast`: a DataFrame hint (`df.hint("broadcast")`), not a column function.
 * - `UserDefinedFunction`, `UserDefinedTableFunction`, `PandasUDFType`, `ArrowUDFType`,
 *   `AnalyzeArgument`, `AnalyzeResult`, `OrderingColumn`, `PartitioningColumn`, `SelectedColumn`,
 *   `SkipRestOfInputTableException`: classes and enums of the Python UDF/UDTF machinery, not
 *   functions.
 * - `partitioning` (the module): its functions `years`, `months`, `days`, `hours`, `bucket` are
 *   exported directly.
 *
 * Kept although close to that line: `callUdf` (it only names a function registered on the
 * server), `unwrapUdt` (a server function), `reflect`/`javaMethod`/`tryReflect` (SQL functions
 * that run on the server).
 *
 * @module
 */

export * from "./aggregate.js";
export type { DataTypeLike, FunctionOptions } from "./args.js";
export * from "./bitwise.js";
export * from "./collection.js";
export {
  type ColumnOrName,
  call as unresolvedCall,
  callFunction,
  col,
  colRegex,
  column,
  expr,
  lit,
  namedArgument,
  when,
} from "./core.js";
export * from "./datetime.js";
export * from "./generators.js";
export * from "./geospatial.js";
export * from "./hash-misc.js";
export * from "./higher-order.js";
export * from "./json-csv-xml.js";
export * from "./math.js";
export * from "./partition-transforms.js";
export * from "./predicate.js";
export * from "./sketch.js";
export * from "./sort.js";
export * from "./string.js";
export * from "./url.js";
export * from "./variant.js";
export * from "./window-functions.js";
