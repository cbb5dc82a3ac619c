import { spawn } from "node:child_process";
import { ToolError } from "../errors.js";
import { repoRoot } from "../paths.js";

/** Runs one step of a pipeline with inherited output; throws a ToolError naming it when it fails. */
export async function runStep(
  name: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const started = Date.now();
  process.stderr.write(`\n▶ ${name}: ${command} ${args.join(" ")}\n`);
  const status = await new Promise<number | string>((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGTERM", forward);
    child.once("error", (err) => resolve(err.message));
    child.once("exit", (code, signal) => {
      process.off("SIGTERM", forward);
      resolve(signal ? `signal ${signal}` : (code ?? 1));
    });
  });
  const seconds = (Date.now() - started) / 1000;
  if (status !== 0) {
    throw new ToolError(
      `step "${name}" failed (${typeof status === "number" ? `exit code ${status}` : status}) after ${seconds.toFixed(1)} s`,
    );
  }
  process.stderr.write(`✔ ${name} (${seconds.toFixed(1)} s)\n`);
  return seconds;
}
