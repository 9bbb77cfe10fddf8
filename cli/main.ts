// The `stackcast` command: parse a podcast page or show notes and print episodes, chapters and tech.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CliError, EXIT_USAGE, errorLine } from './errors';
import { decodeInput, readInputBytes } from './input';
import { FORMATS, parseDuration, parseEpisodeNumber, parseFormat, parseUrl } from './options';
import { printErr, printOut } from './stdio';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface ParseOptions {
  url?: string;
  text?: boolean;
  duration?: string;
  format: string;
  episode?: string;
}

const HELP_AFTER = `
Input: an HTML page or fragment (read with linkedom, detected by the site adapters), or with --text plain
show notes where each newline is a line break. Use - to read stdin. At most 50 MB, and an HTML page at most
200,000 elements (larger pages take minutes to build; give the part with the episode, or --text).

Page address (--url): used for site detection and relative links. Without it, the page's own
<link rel="canonical"> or og:url is used when it is an absolute http(s) URL, otherwise the input's file: URL
(stdin: the current directory), which selects the generic reader. Only http(s) links are ever printed.

Formats:
  json              {"episodes":[{"title","url","audioUrl","durationSeconds","chapters":[{"start","title"}],
                    "tech":[{"slug","name","category","source"}]}]} (default)
  podcast-chapters  Podcasting 2.0 JSON chapters (version 1.2.0); several episodes: a JSON array of them
  webvtt            WebVTT chapters; several episodes: one file after another (pick one with --episode)
  psc               Podlove Simple Chapters XML; several episodes: one document after another
  markdown          the episode as Markdown (title link, facts, chapter links, tech); episodes joined by ---

What is printed: every episode the page shows, each with its chapters (possibly empty) and tech. A page with
no episode prints {"episodes":[]}. With --text, one episode (title null) when the text has chapters or tech,
else {"episodes":[]}.

Exit status: 0 on success, 1 when the input cannot be read (missing, directory, binary, empty, over 50 MB,
over 200,000 HTML elements), 2 for a bad command line. Errors are one line on stderr: "stackcast: <what is wrong>".

Examples:
  npx stackcast parse --url https://runninginproduction.com/podcast/1-x saved-page.html
  npx stackcast parse --text --duration 1:02:00 --format webvtt notes.txt
  curl -s https://example.com/ep | npx stackcast parse --url https://example.com/ep --format markdown -`;

function version(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function runParse(source: string, options: ParseOptions): Promise<void> {
  // Check the whole command line before touching the input, so a typo fails fast even on stdin.
  const format = parseFormat(options.format);
  const durationSeconds = options.duration === undefined ? undefined : parseDuration(options.duration);
  const url = options.url === undefined ? undefined : parseUrl(options.url);
  const episodeNumber = options.episode === undefined ? undefined : parseEpisodeNumber(options.episode);

  const name = source === '-' ? 'stdin' : source;
  const text = decodeInput(await readInputBytes(source), name);

  const { episodesFromHtml, episodesFromText } = await import('./extract');
  const extract = options.text ? episodesFromText : episodesFromHtml;
  let episodes = await extract(text, { source, url, durationSeconds });
  if (episodeNumber !== undefined) {
    if (episodeNumber > episodes.length) {
      throw new CliError(`--episode ${episodeNumber}: the input has ${episodes.length} episode(s)`, EXIT_USAGE);
    }
    episodes = [episodes[episodeNumber - 1]!];
  }
  const { formatEpisodes } = await import('./output');
  printOut(formatEpisodes(episodes, format));
}

function program(): Command {
  const command = new Command()
    .name('stackcast')
    .description('Chapters and tech stacks from podcast pages and show notes.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      // Commander's own messages ("error: unknown option '--x'") become our one-line format.
      outputError: (message, write) => write(`stackcast: ${message.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim()}\n`),
    });

  command
    .command('parse')
    .description('print the episodes, chapters and tech found in an HTML page (or, with --text, plain text)')
    .argument('<input>', 'file to read, or - for stdin')
    .option('--url <url>', 'the page\'s address (site detection, relative links)')
    .option('--text', 'the input is plain text: each newline is a line break')
    .option('--duration <seconds>', 'episode duration in seconds or h:mm:ss (drops chapters past it)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'json')
    .option('--episode <n>', 'print only the n-th episode found (1 = first)')
    .exitOverride()
    .addHelpText('after', HELP_AFTER)
    .action(runParse);
  return command;
}

async function main(argv: string[]): Promise<void> {
  // A closed pipe (`stackcast parse x | head -1`) is not an error worth reporting.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    printErr(errorLine(new CliError(`cannot write the output: ${error.message}`)));
    process.exit(1);
  });
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; Commander has already printed its (one-line) error otherwise.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    printErr(errorLine(error));
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}

await main(process.argv);
