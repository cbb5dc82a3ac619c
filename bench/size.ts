/**
 * Bundle size: builds a few entries with Vite's production build (Rolldown, oxc minifier) and
 * prints minified and gzipped bytes (node:zlib, level 9) for each, plus where the bytes of the
 * minimal app come from.
 *
 *   npm run bench:size          (builds the packages first)
 *   npx tsx bench/size.ts       (uses packages/{core,web}/dist as they are)
 *
 * The entries import the packages by name, so they resolve through each package.json's `exports`
 * to the built `dist`, as an app installing them from npm would. The bundles go to a temporary
 * directory that is removed afterwards. The figures are printed, never asserted: the target is
 * reported, and the exit code does not depend on it.
 */

import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin, type Rollup } from "vite";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const TARGET_GZIP_BYTES = 150 * 1024;

/** The minimal browser app: connect, run SQL, collect, render into the page. */
const MINIMAL_APP = `
import { connect, renderTable } from "@spark-connect/web";

const spark = connect(location.origin);
const df = await spark.sql("SELECT id, id * 2 AS twice FROM range(10)");
document.body.append(renderTable(await df.collect()));
`;

interface Entry {
  name: string;
  code: string;
  /** Bare imports left out of the bundle: none, all of them, or all but these prefixes. */
  external: "none" | "all" | { except: string[] };
  /** Keep the entry's exports (a library) rather than only its effects (an app). */
  library: boolean;
}

const ENTRIES: Entry[] = [
  { name: "minimal app (everything bundled)", code: MINIMAL_APP, external: "none", library: false },
  {
    name: "@spark-connect/web, whole public entry, everything bundled",
    code: `export * from "@spark-connect/web";`,
    external: "none",
    library: true,
  },
  {
    name: "@spark-connect/web + core, third-party dependencies external",
    code: `export * from "@spark-connect/web";`,
    external: { except: ["@spark-connect/"] },
    library: true,
  },
  {
    name: "@spark-connect/web own code, all dependencies external",
    code: `export * from "@spark-connect/web";`,
    external: { except: ["@spark-connect/web"] },
    library: true,
  },
];

/** Serves the entry's source as a virtual module. */
function virtualEntry(code: string): Plugin {
  const id = "\0size-entry.js";
  return {
    name: "size-entry",
    resolveId: (source) => (source === "size-entry" ? id : undefined),
    load: (source) => (source === id ? code : undefined),
  };
}

function isExternal(entry: Entry, source: string): boolean {
  const bare = !/^[./\0]/.test(source) && !path.isAbsolute(source) && source !== "size-entry";
  if (!bare || entry.external === "none") return false;
  if (entry.external === "all") return true;
  return !entry.external.except.some((prefix) => source.startsWith(prefix));
}

async function bundle(entry: Entry, outDir: string): Promise<Rollup.OutputChunk> {
  const result = await build({
    configFile: false,
    root: repoRoot,
    logLevel: "warn",
    publicDir: false,
    mode: "production",
    plugins: [virtualEntry(entry.code)],
    build: {
      outDir,
      emptyOutDir: true,
      minify: "oxc",
      sourcemap: true,
      modulePreload: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: Number.POSITIVE_INFINITY,
      copyPublicDir: false,
      rolldownOptions: {
        input: "size-entry",
        preserveEntrySignatures: entry.library ? "strict" : false,
        external: (source) => isExternal(entry, source),
        output: { entryFileNames: "[name].js", chunkFileNames: "[name].js", codeSplitting: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o) => o.type === "chunk");
  if (chunks.length !== 1) throw new Error(`expected one chunk, got ${chunks.length}`);
  return chunks[0]!;
}

/** The contributor a bundled module belongs to. */
function groupOf(id: string): string {
  if (id.includes("size-entry")) return "the app itself";
  if (id.startsWith("\0")) return "bundler runtime";
  const file = id.replaceAll("\\", "/");
  const nm = file.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = file.slice(nm + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const rel = path.relative(repoRoot, file).replaceAll("\\", "/");
  let m = /^packages\/core\/(?:dist|src)\/(gen|functions)\//.exec(rel);
  if (m) return m[1] === "gen" ? "core: generated Spark protos (gen/)" : "core: functions/";
  m = /^packages\/(core|web)\//.exec(rel);
  if (m) return `${m[1]}: our code`;
  return rel;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Attributes the minified code's characters to their source files through the source map: each
 * mapping segment owns the text up to the next segment, across line ends (a string literal with
 * raw line breaks, such as a descriptor, spans lines that have no segment of their own).
 */
function minifiedBySource(code: string, map: Rollup.SourceMap, dir: string): Map<string, number> {
  const owned = new Map<string, number>();
  const add = (id: string, n: number) => owned.set(id, (owned.get(id) ?? 0) + n);
  const lines = code.split("\n");
  const mapLines = map.mappings.split(";");
  let source = 0;
  /** The owner of the text before a line's first segment: the previous line's last segment. */
  let carried = "(unmapped)";
  for (let l = 0; l < lines.length; l++) {
    const segments: { col: number; id: string }[] = [];
    let col = 0;
    for (const segment of (mapLines[l] ?? "").split(",")) {
      if (segment === "") continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
          continue;
        }
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
      col += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      const id =
        fields.length > 1 ? path.resolve(dir, map.sources[source] ?? "(unknown)") : "(unmapped)";
      segments.push({ col, id });
    }
    // The line's text and its line break (none after the last line).
    const lineLength = lines[l]!.length + (l < lines.length - 1 ? 1 : 0);
    add(carried, segments[0]?.col ?? lineLength);
    for (let s = 0; s < segments.length; s++) {
      const end = segments[s + 1]?.col ?? lineLength;
      add(segments[s]!.id, Math.max(0, end - segments[s]!.col));
    }
    carried = segments.at(-1)?.id ?? carried;
  }
  return owned;
}

/** Constructs that a Content-Security-Policy without 'unsafe-eval' forbids. */
const EVAL_PATTERNS: [string, RegExp][] = [
  ["eval(", /(?<![\w$.])eval\s*\(/g],
  ["new Function", /\bnew\s+Function\b/g],
  ["Function(...)", /(?<![\w$.])Function\s*\(/g],
];

function evalUses(code: string): string[] {
  return EVAL_PATTERNS.flatMap(([label, re]) => {
    const n = code.match(re)?.length ?? 0;
    return n > 0 ? [`${label} ×${n}`] : [];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (s: string, n: number) => s.padEnd(n);
const padStart = (s: string, n: number) => s.padStart(n);

/** Source files newer than their built counterpart: the figures would describe old code. */
function staleBuildOutputs(): string[] {
  const stale: string[] = [];
  for (const pkg of ["core", "web"]) {
    const src = path.join(repoRoot, "packages", pkg, "src");
    const dist = path.join(repoRoot, "packages", pkg, "dist");
    for (const rel of readdirSync(src, { recursive: true, encoding: "utf8" })) {
      if (!/\.ts$/.test(rel) || /\.test\.ts$/.test(rel) || rel.startsWith("testing")) continue;
      const built = path.join(dist, rel.replace(/\.ts$/, ".js"));
      if (!existsSync(built) || statSync(built).mtimeMs < statSync(path.join(src, rel)).mtimeMs) {
        stale.push(path.join("packages", pkg, "src", rel));
      }
    }
  }
  return stale;
}

async function main(): Promise<void> {
  const stale = staleBuildOutputs();
  if (stale.length > 0) {
    console.warn(
      `warning: dist is older than ${stale.length} source file(s) (e.g. ${stale[0]}); ` +
        "run `npm run bench:size` or `npm run build` first for current figures\n",
    );
  }
  const tmp = mkdtempSync(path.join(tmpdir(), "spark-connect-size-"));
  try {
    const results: { entry: Entry; chunk: Rollup.OutputChunk; dir: string }[] = [];
    for (const [i, entry] of ENTRIES.entries()) {
      const dir = path.join(tmp, String(i));
      results.push({ entry, chunk: await bundle(entry, dir), dir });
    }

    console.log("Bundle sizes (Vite production build, oxc minifier; gzip level 9)\n");
    console.log(`${pad("bundle", 64)}${padStart("minified", 12)}${padStart("gzipped", 12)}  CSP`);
    for (const { entry, chunk } of results) {
      const bytes = Buffer.byteLength(chunk.code);
      const gz = gzipSync(chunk.code, { level: 9 }).length;
      const uses = evalUses(chunk.code);
      const csp = uses.length === 0 ? "no eval / new Function" : `FOUND ${uses.join(", ")}`;
      console.log(
        `${pad(entry.name, 64)}${padStart(kb(bytes), 12)}${padStart(kb(gz), 12)}  ${csp}`,
      );
    }

    const app = results[0]!;
    const appGzip = gzipSync(app.chunk.code, { level: 9 }).length;
    const verdict = appGzip <= TARGET_GZIP_BYTES ? "meets" : "MISSES";
    console.log(
      `\nMinimal app: ${kb(appGzip)} gzipped (${appGzip} B) ${verdict} the target of ` +
        `${kb(TARGET_GZIP_BYTES)} (${TARGET_GZIP_BYTES} B).`,
    );

    // Where the minimal app's bytes come from.
    const rendered = new Map<string, number>();
    const modules = Object.entries(app.chunk.modules);
    for (const [id, info] of modules) {
      const group = groupOf(id);
      rendered.set(group, (rendered.get(group) ?? 0) + info.renderedLength);
    }
    const minified = new Map<string, number>();
    if (app.chunk.map) {
      for (const [id, n] of minifiedBySource(app.chunk.code, app.chunk.map, app.dir)) {
        const group = id === "(unmapped)" ? "(unmapped: the app's own lines, glue)" : groupOf(id);
        minified.set(group, (minified.get(group) ?? 0) + n);
      }
    }
    const totalRendered = [...rendered.values()].reduce((a, b) => a + b, 0);
    const totalMinified = [...minified.values()].reduce((a, b) => a + b, 0);
    const groups = [...new Set([...minified.keys(), ...rendered.keys()])].sort(
      (a, b) => (minified.get(b) ?? 0) - (minified.get(a) ?? 0),
    );
    console.log(
      `\nMinimal app by contributor (${modules.length} modules). "minified" attributes the ` +
        "minified output through its source map;\n" +
        '"rendered" is Rolldown\'s renderedLength (tree-shaken code before minification).\n',
    );
    console.log(
      `${pad("contributor", 44)}${padStart("minified", 12)}${padStart("share", 8)}${padStart("rendered", 12)}`,
    );
    for (const group of groups) {
      const m = minified.get(group) ?? 0;
      const r = rendered.get(group) ?? 0;
      const share = totalMinified > 0 ? `${((100 * m) / totalMinified).toFixed(1)}%` : "";
      console.log(
        `${pad(group, 44)}${padStart(kb(m), 12)}${padStart(share, 8)}${padStart(kb(r), 12)}`,
      );
    }
    console.log(
      `${pad("total", 44)}${padStart(kb(totalMinified), 12)}${padStart("", 8)}${padStart(kb(totalRendered), 12)}`,
    );

    const top = modules.sort((a, b) => b[1].renderedLength - a[1].renderedLength).slice(0, 12);
    console.log("\nLargest modules of the minimal app (rendered):");
    for (const [id, info] of top) {
      const name = id.includes("/node_modules/")
        ? id.slice(id.lastIndexOf("/node_modules/") + 14)
        : path.relative(repoRoot, id);
      console.log(`${padStart(kb(info.renderedLength), 10)}  ${name}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
