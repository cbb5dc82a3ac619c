import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  // Tests run on the sources, not on built output.
  resolve: {
    alias: [
      { find: /^@spark-connect\/core\/proto$/, replacement: src("./packages/core/src/proto.ts") },
      { find: /^@spark-connect\/core\/node$/, replacement: src("./packages/core/src/node.ts") },
      { find: /^@spark-connect\/core$/, replacement: src("./packages/core/src/index.ts") },
      { find: /^@spark-connect\/web$/, replacement: src("./packages/web/src/index.ts") },
      {
        find: /^@spark-connect\/example-library$/,
        replacement: src("./examples/server-library/src/index.ts"),
      },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // A hang guard, not a speed check: on a loaded machine (Spark, Chromium and vitest
          // sharing two cores) the million-row tests need more than vitest's 5 s default.
          testTimeout: 30_000,
          include: [
            "packages/*/src/**/*.test.ts",
            "examples/*/src/**/*.test.ts",
            "tools/**/*.test.ts",
          ],
          exclude: ["**/*.live.test.ts", "**/*.cluster.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          // Against a real Spark Connect server (started by tools/live-setup.ts, or $SPARK_REMOTE)
          // and a real Envoy in front of it.
          name: "live",
          include: ["packages/*/test/**/*.live.test.ts", "tools/**/*.live.test.ts"],
          globalSetup: ["tools/live-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Two cores are shared with the Spark JVM: run live files one at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The core live files and the reattach test again, on a real standalone cluster (a
          // master, a worker, executors in their own JVMs; see tools/live-setup.ts), and the
          // cluster's own fault tests.
          name: "cluster",
          include: [
            "packages/core/test/dataframe.live.test.ts",
            "packages/core/test/types.live.test.ts",
            "packages/core/test/column.live.test.ts",
            "packages/core/test/reattach.live.test.ts",
            "tools/**/*.cluster.test.ts",
          ],
          globalSetup: ["tools/live-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
