import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { CatalogSchema } from "../gen/spark/connect/catalog_pb.js";
import { StorageLevelSchema } from "../gen/spark/connect/common_pb.js";
import type { Relation } from "../gen/spark/connect/relations_pb.js";
import { type StructType, toProtoDataType } from "../types/index.js";
import { LogicalPlan, type RelationKind } from "./logical-plan.js";

/** A storage level as the plan needs it (the facade's `StorageLevel` class has this shape). */
export interface StorageLevelFields {
  readonly useDisk: boolean;
  readonly useMemory: boolean;
  readonly useOffHeap: boolean;
  readonly deserialized: boolean;
  readonly replication: number;
}

/**
 * One catalog operation: `case` is the `spark.connect.Catalog` oneof case it produces, the other
 * fields are that message's fields (absent optional fields are left unset).
 */
export type CatalogOperation =
  | { readonly case: "currentCatalog" }
  | { readonly case: "setCurrentCatalog"; readonly catalogName: string }
  | { readonly case: "listCatalogs"; readonly pattern?: string }
  | { readonly case: "currentDatabase" }
  | { readonly case: "setCurrentDatabase"; readonly dbName: string }
  | { readonly case: "listDatabases"; readonly pattern?: string }
  | { readonly case: "getDatabase"; readonly dbName: string }
  | { readonly case: "databaseExists"; readonly dbName: string }
  | { readonly case: "listTables"; readonly dbName?: string; readonly pattern?: string }
  | { readonly case: "getTable"; readonly tableName: string; readonly dbName?: string }
  | { readonly case: "tableExists"; readonly tableName: string; readonly dbName?: string }
  | { readonly case: "listColumns"; readonly tableName: string; readonly dbName?: string }
  | { readonly case: "listFunctions"; readonly dbName?: string; readonly pattern?: string }
  | { readonly case: "getFunction"; readonly functionName: string; readonly dbName?: string }
  | { readonly case: "functionExists"; readonly functionName: string; readonly dbName?: string }
  | {
      readonly case: "createTable";
      readonly tableName: string;
      readonly path?: string;
      readonly source?: string;
      readonly description?: string;
      readonly schema?: StructType;
      readonly options: Readonly<Record<string, string>>;
    }
  | { readonly case: "dropTempView"; readonly viewName: string }
  | { readonly case: "dropGlobalTempView"; readonly viewName: string }
  | { readonly case: "isCached"; readonly tableName: string }
  | {
      readonly case: "cacheTable";
      readonly tableName: string;
      readonly storageLevel?: StorageLevelFields;
    }
  | { readonly case: "uncacheTable"; readonly tableName: string }
  | { readonly case: "clearCache" }
  | { readonly case: "refreshTable"; readonly tableName: string }
  | { readonly case: "refreshByPath"; readonly path: string }
  | { readonly case: "recoverPartitions"; readonly tableName: string };

/** The `case` of a {@link CatalogOperation}. */
export type CatalogOperationCase = CatalogOperation["case"];

/** Spreads `{ [key]: value }` only when the value is set. */
const opt = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };

/**
 * `spark.catalog.*`: a `spark.connect.Catalog` relation. The server runs the operation while it
 * plans the relation and answers with its result as rows (one `value` column for a single
 * string or boolean, the columns of Spark's `Database`, `Table`, `Column`, `Function` and
 * `CatalogMetadata` for listings, or no rows for operations without a result).
 */
export class CatalogRelation extends LogicalPlan {
  readonly kind = "catalog" satisfies RelationKind;
  readonly operation: CatalogOperation;

  constructor(planId: number, operation: CatalogOperation) {
    super(planId);
    const copy: Record<string, unknown> = { ...operation };
    if (operation.case === "createTable") copy.options = Object.freeze({ ...operation.options });
    if (operation.case === "cacheTable" && operation.storageLevel) {
      const s = operation.storageLevel;
      copy.storageLevel = Object.freeze({
        useDisk: s.useDisk,
        useMemory: s.useMemory,
        useOffHeap: s.useOffHeap,
        deserialized: s.deserialized,
        replication: s.replication,
      });
    }
    this.operation = Object.freeze(copy) as CatalogOperation;
    Object.freeze(this);
  }

  protected relType(): Relation["relType"] {
    return { case: "catalog", value: create(CatalogSchema, { catType: catType(this.operation) }) };
  }
}

type CatTypeInit = MessageInitShape<typeof CatalogSchema>["catType"];

function catType(op: CatalogOperation): CatTypeInit {
  switch (op.case) {
    case "currentCatalog":
    case "currentDatabase":
    case "clearCache":
      return { case: op.case, value: {} };
    case "setCurrentCatalog":
      return { case: op.case, value: { catalogName: op.catalogName } };
    case "listCatalogs":
    case "listDatabases":
      return { case: op.case, value: opt("pattern", op.pattern) };
    case "setCurrentDatabase":
    case "getDatabase":
    case "databaseExists":
      return { case: op.case, value: { dbName: op.dbName } };
    case "listTables":
    case "listFunctions":
      return {
        case: op.case,
        value: { ...opt("dbName", op.dbName), ...opt("pattern", op.pattern) },
      };
    case "getTable":
    case "tableExists":
    case "listColumns":
      return { case: op.case, value: { tableName: op.tableName, ...opt("dbName", op.dbName) } };
    case "getFunction":
    case "functionExists":
      return {
        case: op.case,
        value: { functionName: op.functionName, ...opt("dbName", op.dbName) },
      };
    case "createTable":
      return {
        case: op.case,
        value: {
          tableName: op.tableName,
          ...opt("path", op.path),
          ...opt("source", op.source),
          ...opt("description", op.description),
          ...(op.schema === undefined ? {} : { schema: toProtoDataType(op.schema) }),
          options: { ...op.options },
        },
      };
    case "dropTempView":
    case "dropGlobalTempView":
      return { case: op.case, value: { viewName: op.viewName } };
    case "cacheTable":
      return {
        case: op.case,
        value: {
          tableName: op.tableName,
          ...(op.storageLevel === undefined
            ? {}
            : { storageLevel: create(StorageLevelSchema, { ...op.storageLevel }) }),
        },
      };
    case "isCached":
    case "uncacheTable":
    case "refreshTable":
    case "recoverPartitions":
      return { case: op.case, value: { tableName: op.tableName } };
    case "refreshByPath":
      return { case: op.case, value: { path: op.path } };
  }
}
