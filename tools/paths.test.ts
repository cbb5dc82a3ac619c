import { expect, test } from "vitest";
import { ToolError } from "./errors.js";
import { resolveLane, resolveServerKind, sailPins, sparkPins } from "./paths.js";

test("the pins: 4.3 primary, four lanes, Sail with the pyspark-client it reports", () => {
  expect(sparkPins()).toEqual({
    primary: "4.3",
    lanes: { "4.3": "4.3.0", "4.2": "4.2.1", "4.1": "4.1.4", "4.0": "4.0.5" },
    sail: { pysail: "0.7.2", pysparkClient: "4.2.0" },
  });
  expect(sailPins()).toEqual({ pysail: "0.7.2", pysparkClient: "4.2.0" });
  expect(resolveLane("4.2")).toEqual({ lane: "4.2", version: "4.2.1" });
  expect(resolveLane("")).toEqual({ lane: "4.3", version: "4.3.0" });
});

test("server kinds: spark by default, sail, anything else a ToolError", () => {
  expect(resolveServerKind("")).toBe("spark");
  expect(resolveServerKind("sail")).toBe("sail");
  expect(resolveServerKind("spark")).toBe("spark");
  expect(() => resolveServerKind("sial")).toThrow(ToolError);
  expect(() => resolveServerKind("sial")).toThrow('unknown server "sial": choose spark or sail');
});
