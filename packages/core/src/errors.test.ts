import { describe, expect, test } from "vitest";
import { SparkArgumentError, SparkError } from "./errors.js";

describe("SparkError", () => {
  test("prefixes the message with the error class and keeps the parameters", () => {
    const e = new SparkArgumentError("bad thing", {
      errorClass: "SOME_CLASS",
      messageParameters: { a: "1" },
    });
    expect(e.message).toBe("[SOME_CLASS] bad thing");
    expect(e.name).toBe("SparkArgumentError");
    expect(e.errorClass).toBe("SOME_CLASS");
    expect(e.messageParameters).toEqual({ a: "1" });
    expect(new SparkError("[X] already prefixed", { errorClass: "X" }).message).toBe(
      "[X] already prefixed",
    );
  });

  test("instanceof follows the class tree", () => {
    const e = new SparkArgumentError("x");
    expect(e).toBeInstanceOf(SparkArgumentError);
    expect(e).toBeInstanceOf(SparkError);
    expect(e).toBeInstanceOf(Error);
    expect(new SparkError("x")).not.toBeInstanceOf(SparkArgumentError);
    expect(new Error("x")).not.toBeInstanceOf(SparkError);
  });

  test("instanceof works across two copies of the package (brand, not prototype)", () => {
    // An object made by another bundled copy: same Symbol.for brand, different prototype.
    const foreign = Object.defineProperty(
      new Error("[C] m"),
      Symbol.for("@spark-connect/core.error-kinds"),
      {
        value: ["SparkArgumentError", "SparkError"],
      },
    );
    expect(foreign).toBeInstanceOf(SparkArgumentError);
    expect(foreign).toBeInstanceOf(SparkError);
  });
});
