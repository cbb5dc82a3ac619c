/**
 * Registering functions on the server: JVM UDFs by class name (`spark.udf.registerJavaFunction`).
 *
 * @module
 */
import { create } from "@bufbuild/protobuf";
import type { Command } from "../gen/spark/connect/commands_pb.js";
import { CommonInlineUserDefinedFunctionSchema } from "../gen/spark/connect/expressions_pb.js";
import type { DataType } from "../types/index.js";
import { toProtoDataType } from "../types/proto-data-type.js";
import { type CommandKind, CommandPlan } from "./commands.js";

/** Registers a Java UDF class (a `UDF0`…`UDF22` implementation) under a name for the session. */
export class RegisterJavaFunction extends CommandPlan {
  readonly kind = "registerFunction" satisfies CommandKind;
  constructor(
    readonly name: string,
    readonly className: string,
    readonly returnType: DataType | undefined,
  ) {
    super();
    Object.freeze(this);
  }
  protected commandType(): Command["commandType"] {
    return {
      case: "registerFunction",
      value: create(CommonInlineUserDefinedFunctionSchema, {
        functionName: this.name,
        deterministic: true,
        function: {
          case: "javaUdf",
          value: {
            className: this.className,
            ...(this.returnType === undefined
              ? {}
              : { outputType: toProtoDataType(this.returnType) }),
            aggregate: false,
          },
        },
      }),
    };
  }
}
