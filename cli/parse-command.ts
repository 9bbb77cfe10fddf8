// The `parse` command: read each input (a file, stdin or an http(s) page), find its episodes, print them.
import type { Episode } from '../utils/model';
import { CliError, EXIT_INPUT, EXIT_USAGE, errorLine } from './errors';
import { DEFAULT_TIMEOUT_SECONDS, fetchPage, isAddress } from './fetch-page';
import { decodeInput, readInputBytes } from './input';
import {
  parseDuration,
  parseEpisodeNumber,
  parseFormat,
  parseTimeout,
  parseUrl,
  type Format,
} from './options';
import { printErr, printOut } from './stdio';

export interface ParseOptions {
  url?: string;
  text?: boolean;
  duration?: string;
  format: string;
  episode?: string;
  timeout?: string;
}

/** The command line, checked: every value a user can get wrong is turned into a usage error up front. */
interface ParseRequest {
  format: Format;
  text: boolean;
  durationSeconds?: number;
  url?: URL;
  episodeNumber?: number;
  timeoutSeconds: number;
}

/**
 * Runs `stackcast parse <inputs…>`. One input prints exactly the format asked for. Several inputs print one
 * JSON line each, in order: `{"input":…,"episodes":[…]}`, or `{"input":…,"error":"…"}` (also on stderr) for
 * an input that could not be read; the others are still read, and the exit status is then 1.
 */
export async function runParse(inputs: string[], options: ParseOptions): Promise<void> {
  // Check the whole command line before touching any input, so a typo fails fast even on stdin.
  const request: ParseRequest = {
    format: parseFormat(options.format),
    text: options.text === true,
    durationSeconds: options.duration === undefined ? undefined : parseDuration(options.duration),
    url: options.url === undefined ? undefined : parseUrl(options.url),
    episodeNumber: options.episode === undefined ? undefined : parseEpisodeNumber(options.episode),
    timeoutSeconds: options.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : parseTimeout(options.timeout),
  };
  if (inputs.length === 1) {
    const episodes = await episodesOf(inputs[0]!, request);
    const { formatEpisodes } = await import('./output');
    printOut(formatEpisodes(episodes, request.format));
    return;
  }
  if (request.format !== 'json') {
    throw new CliError(
      `several inputs print one JSON line each; --format ${request.format} takes one input`,
      EXIT_USAGE,
    );
  }
  if (request.url) throw new CliError('--url names one page: give it with one input', EXIT_USAGE);
  if (inputs.filter((input) => input === '-').length > 1)
    throw new CliError('stdin (-) can be read only once', EXIT_USAGE);

  const { toCliEpisode } = await import('./output');
  let failed = false;
  for (const input of inputs) {
    try {
      const episodes = await episodesOf(input, request);
      printOut(`${JSON.stringify({ input, episodes: episodes.map(toCliEpisode) })}\n`);
    } catch (error) {
      failed = true;
      const line = errorLine(error);
      printOut(`${JSON.stringify({ input, error: line.replace(/^stackcast: /, '') })}\n`);
      printErr(line);
    }
  }
  if (failed) process.exitCode = EXIT_INPUT;
}

/** The episodes one input shows, with `--episode` applied. */
async function episodesOf(source: string, request: ParseRequest): Promise<Episode[]> {
  const { text, url } = await readSource(source, request);
  const { episodesFromHtml, episodesFromText } = await import('./extract');
  const extract = request.text ? episodesFromText : episodesFromHtml;
  const episodes = await extract(text, { source, url, durationSeconds: request.durationSeconds });
  if (request.episodeNumber === undefined) return episodes;
  if (request.episodeNumber > episodes.length) {
    throw new CliError(
      `--episode ${request.episodeNumber}: the input has ${episodes.length} episode(s)`,
      EXIT_USAGE,
    );
  }
  return [episodes[request.episodeNumber - 1]!];
}

/**
 * The text of a file, stdin (`-`) or a web page, and the address to read it at: `--url` when given, else
 * for a web page the address it was finally fetched from (after redirects).
 */
async function readSource(source: string, request: ParseRequest): Promise<{ text: string; url?: URL }> {
  if (isAddress(source)) {
    const page = await fetchPage(source, { timeoutSeconds: request.timeoutSeconds, text: request.text });
    return { text: decodeInput(page.bytes, page.url.href, page.charset), url: request.url ?? page.url };
  }
  const name = source === '-' ? 'stdin' : source;
  return { text: decodeInput(await readInputBytes(source), name), url: request.url };
}
