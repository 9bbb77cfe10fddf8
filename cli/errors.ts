// The CLI's one kind of failure: a message a user can act on and an exit code; printed as one line, never a trace.

/** Exit codes: 1 for input the CLI cannot read, 2 for a command line it cannot understand. */
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/**
 * A failure to report as `stackcast: <message>` on stderr.
 * @example throw new CliError('no such file: notes.html', EXIT_INPUT)
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INPUT,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The single stderr line for any failure; unexpected errors are reported by message only. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // One line: a multi-line message (e.g. from a library) is folded rather than spilling a trace-like block.
  const folded = message.replace(/\s*\n\s*/g, ' ').trim() || 'unexpected error';
  return `stackcast: ${error instanceof CliError ? folded : `internal error: ${folded}`}`;
}
