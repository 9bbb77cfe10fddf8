// Writing to the terminal: stdout carries only the result, stderr only the one-line error.

/** Print `text` exactly as given on stdout. */
export function printOut(text: string): void {
  process.stdout.write(text);
}

/** Print one line on stderr. */
export function printErr(line: string): void {
  process.stderr.write(`${line}\n`);
}
