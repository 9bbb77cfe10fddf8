// Reading the CLI's input (a file or stdin) with the checks that turn bad input into one clear error.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CliError, EXIT_INPUT } from './errors';

/** Show notes and pages are kilobytes; 50 MB is far past any real page and bounds memory. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/**
 * The bytes of `source` (a path, or `-` for stdin), refusing directories, oversized input (checked before
 * reading a file; stdin is streamed and cut off at the cap) and unreadable files.
 * @example await readInputBytes('-') // Buffer of stdin
 */
export async function readInputBytes(
  source: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<Buffer> {
  if (source === '-') return readCapped(stdin, 'stdin');
  let info;
  try {
    info = await stat(source);
  } catch (error) {
    throw new CliError(fileProblem(source, error), EXIT_INPUT);
  }
  if (info.isDirectory()) throw new CliError(`${source} is a directory, not a file`, EXIT_INPUT);
  if (info.isFile() && info.size > MAX_INPUT_BYTES) {
    throw new CliError(
      `${source} is ${megabytes(info.size)}, more than the ${megabytes(MAX_INPUT_BYTES)} limit`,
      EXIT_INPUT,
    );
  }
  // Pipes and devices report no size: stream them with the same cap as stdin.
  return readCapped(createReadStream(source), source);
}

function readCapped(stream: NodeJS.ReadableStream, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const fail = (error: CliError) => {
      if (done) return;
      done = true;
      stream.removeAllListeners('data');
      if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
      else stream.pause();
      reject(error);
    };
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += buffer.length;
      if (total > MAX_INPUT_BYTES) {
        fail(new CliError(`${name} is more than the ${megabytes(MAX_INPUT_BYTES)} limit`, EXIT_INPUT));
        return;
      }
      chunks.push(buffer);
    });
    stream.on('error', (error) => fail(new CliError(fileProblem(name, error), EXIT_INPUT)));
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, total));
    });
  });
}

/**
 * Text from input bytes: UTF-8 (a BOM is dropped), or UTF-16 when it starts with a UTF-16 BOM, or the charset
 * a web server declared (when Node knows it). Refuses empty input and binary data (NUL bytes, or bytes that
 * are not text), which no page or show notes contain.
 * @example decodeInput(Buffer.from('1:45 Intro'), 'notes.txt') // '1:45 Intro'
 */
export function decodeInput(bytes: Buffer, name: string, charset?: string): string {
  let text: string;
  const declared = charset ? knownDecoder(charset) : undefined;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else if (declared && declared.encoding !== 'utf-8') text = declared.decode(bytes);
  else {
    if (bytes.includes(0))
      throw new CliError(
        `${name} looks like a binary file (it contains NUL bytes); give an HTML or text file`,
        EXIT_INPUT,
      );
    text = new TextDecoder('utf-8').decode(bytes);
  }
  if (text.includes('\u0000'))
    throw new CliError(`${name} looks like a binary file (it contains NUL characters)`, EXIT_INPUT);
  if (looksBinary(text))
    throw new CliError(
      `${name} looks like a binary file (it is not UTF-8 text); give an HTML or text file`,
      EXIT_INPUT,
    );
  if (text.trim() === '') throw new CliError(`${name} is empty`, EXIT_INPUT);
  return text;
}

/** A decoder for a declared charset, or none when the label is unknown (the bytes are then read as UTF-8). */
function knownDecoder(charset: string): TextDecoder | undefined {
  try {
    return new TextDecoder(charset.trim());
  } catch {
    return undefined;
  }
}

/**
 * Binary data without NUL bytes (an image, a zip) decodes to a text full of U+FFFD and control characters.
 * A page in another 8-bit encoding has a few of those among its letters, far below a tenth of the text.
 */
function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 65_536);
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d))
      odd++;
  }
  return sample > 0 && odd / sample > 0.1;
}

function fileProblem(name: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `no such file: ${name}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: ${name}`;
  if (code === 'EISDIR') return `${name} is a directory, not a file`;
  if (code === 'ENOTDIR') return `no such file: ${name} (a part of the path is not a directory)`;
  return `cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`;
}

/** `52428800` → `50 MB`, for limits in messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}
