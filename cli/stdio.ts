// Writing to the terminal: the only place the CLI calls stream.write (the lint rule against document.write
// matches every `.write(` call, so the exception is made once, here, for Node streams).

/** Print `text` exactly as given on stdout. */
export function printOut(text: string): void {
  // eslint-disable-next-line no-restricted-syntax -- a Node stream, not an HTML sink
  process.stdout.write(text);
}

/** Print one line on stderr. */
export function printErr(line: string): void {
  // eslint-disable-next-line no-restricted-syntax -- a Node stream, not an HTML sink
  process.stderr.write(`${line}\n`);
}
