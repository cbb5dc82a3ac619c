import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { exampleLibraryDir, pluginProtoView } from "./example-library.js";

test("the plugin's view of a .proto: Spark's message fields become bytes, Spark's imports go", () => {
  const source = [
    'syntax = "proto3";',
    'import "spark/connect/expressions.proto";',
    'import "google/protobuf/any.proto";',
    "message M {",
    "  spark.connect.Expression child = 1;",
    "  repeated .spark.connect.Relation inputs = 2 [deprecated = true];",
    "  string spark_connect_name = 3;",
    "  google.protobuf.Any extra = 4;",
    "}",
    "",
  ].join("\n");
  expect(pluginProtoView(source)).toBe(
    [
      'syntax = "proto3";',
      'import "google/protobuf/any.proto";',
      "message M {",
      "  bytes child = 1;",
      "  repeated bytes inputs = 2 [deprecated = true];",
      "  string spark_connect_name = 3;",
      "  google.protobuf.Any extra = 4;",
      "}",
      "",
    ].join("\n"),
  );
});

test("the example library's own .proto keeps its field numbers in the plugin's view", () => {
  const file = path.join(
    exampleLibraryDir,
    "proto",
    "spark_connect_ts",
    "example",
    "example.proto",
  );
  const fields = (text: string) =>
    [...text.matchAll(/^\s*(?:repeated\s+)?[\w.]+\s+(\w+)\s*=\s*(\d+)/gm)].map(
      (m) => `${m[1]}=${m[2]}`,
    );
  const source = readFileSync(file, "utf8");
  const view = pluginProtoView(source);
  expect(fields(view)).toEqual(fields(source));
  expect(fields(view)).toEqual([
    "child=1",
    "custom_field=2",
    "input=1",
    "times=2",
    "index_column=3",
    "view_name=1",
    "notes=2",
  ]);
  expect(view).not.toMatch(/spark\.connect\./);
});
