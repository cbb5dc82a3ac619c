import { ToolError } from "./errors.js";
import { PrerequisiteError } from "./prereqs.mjs";

/**
 * Runs a tool's main function: a ToolError or PrerequisiteError ends the process with one clear
 * line (and a log tail when there is one) instead of a stack trace.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof ToolError || err instanceof PrerequisiteError) {
      process.stderr.write(`\nerror: ${err.message}\n`);
      if (err instanceof ToolError && err.logTail) {
        process.stderr.write(`--- log tail ---\n${err.logTail}\n--- end of log tail ---\n`);
      }
    } else {
      process.stderr.write(
        `\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    }
    process.exitCode = 1;
    // Let exit hooks stop any started servers.
    process.exit(1);
  }
}
