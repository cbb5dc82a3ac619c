// The API reference of @spark-connect/core (and its Node entry) and @spark-connect/web:
// `npm run docs` writes it to docs/api/ (git-ignored). Warnings fail the build.
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "@spark-connect",
  entryPoints: [
    "packages/core/src/index.ts",
    "packages/core/src/node.ts",
    "packages/web/src/index.ts",
  ],
  tsconfig: "tsconfig.docs.json",
  out: "docs/api",
  readme: "none",
  excludeInternal: true,
  excludePrivate: true,
  excludeProtected: true,
  // The generated protobuf code documents its fields with @generated.
  blockTags: [...OptionDefaults.blockTags, "@generated"],
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: false },
};
