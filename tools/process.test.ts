import { expect, test } from "vitest";
import { freePort } from "./process.js";

test("freePort never hands out the same port twice in one process", async () => {
  const ports: number[] = [];
  for (let i = 0; i < 300; i++) ports.push(await freePort());
  expect(new Set(ports).size).toBe(ports.length);
});
