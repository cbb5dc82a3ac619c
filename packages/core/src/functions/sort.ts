/**
 * Sort functions: sort keys for `orderBy`/`sort` and window ordering. They build sort orders, not
 * function calls.
 *
 * @module
 */
import { Column } from "../column.js";
import { type ColumnOrName, colArg } from "./core.js";

const toColumn = (c: ColumnOrName): Column => new Column(colArg(c));

/** Ascending, nulls first. */
export function asc(col: ColumnOrName): Column {
  return toColumn(col).asc();
}

/** Ascending, nulls first. */
export function ascNullsFirst(col: ColumnOrName): Column {
  return toColumn(col).ascNullsFirst();
}

/** Ascending, nulls last. */
export function ascNullsLast(col: ColumnOrName): Column {
  return toColumn(col).ascNullsLast();
}

/** Descending, nulls last. */
export function desc(col: ColumnOrName): Column {
  return toColumn(col).desc();
}

/** Descending, nulls first. */
export function descNullsFirst(col: ColumnOrName): Column {
  return toColumn(col).descNullsFirst();
}

/** Descending, nulls last. */
export function descNullsLast(col: ColumnOrName): Column {
  return toColumn(col).descNullsLast();
}
