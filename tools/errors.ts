/** A tool failure that ends with one clear line, optionally followed by the tail of a log. */
export class ToolError extends Error {
  override name = "ToolError";
  constructor(
    message: string,
    /** The last lines of the relevant log, printed after the message. */
    readonly logTail?: string,
  ) {
    super(message);
  }
}
