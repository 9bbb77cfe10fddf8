// The `stackcast` command: parse a podcast page or show notes and print episodes, chapters and tech.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CliError, EXIT_USAGE, errorLine } from './errors';
import { DEFAULT_TIMEOUT_SECONDS, MAX_REDIRECTS } from './fetch-page';
import { CHAPTER_FORMAT_IDS, CHAPTER_FORMATS } from '../utils/export/formats';
import { FORMATS } from './options';
import { runParse, type ParseOptions } from './parse-command';
import { printErr } from './stdio';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const HELP_AFTER = `
Input: an HTML page or fragment (read with linkedom, detected by the site adapters), or with --text plain
show notes where each newline is a line break. Use - to read stdin. At most 50 MB, and an HTML page at most
200,000 elements (larger pages take minutes to build; give the part with the episode, or --text).

Web pages: an http(s) address is fetched (at most 50 MB, ${MAX_REDIRECTS} redirects, --timeout seconds for the whole
fetch, default ${DEFAULT_TIMEOUT_SECONDS}); the page must be HTML (with --text, any text). The address it was fetched from
(after redirects) is its --url unless --url is given.

Several inputs: read in order, each printed as one JSON line: {"input":"<as given>","episodes":[...]} (the
episodes as in the json format below), or {"input":...,"error":"<what is wrong>"} when it cannot be read (the
error is also on stderr, the other inputs are still read, and the exit status is 1). Only --format json.

Page address (--url): used for site detection and relative links. Without it, the page's own
<link rel="canonical"> or og:url is used when it is an absolute http(s) URL, otherwise the input's file: URL
(stdin: the current directory), which selects the generic reader. Only http(s) links are ever printed.

Formats:
  json              {"episodes":[{"title","url","audioUrl","durationSeconds","chapters":[{"start","title"}],
                    "tech":[{"slug","name","category","source"}]}]} (default)
${CHAPTER_FORMAT_IDS.map((id) => `  ${id.padEnd(18)}${CHAPTER_FORMATS[id].help}\n`).join('')}  markdown          the episode as Markdown (title link, facts, chapter links, tech); episodes joined by ---

What is printed: every episode the page shows, each with its chapters (possibly empty) and tech. A page with
no episode prints {"episodes":[]}. With --text, one episode (title null) when the text has chapters or tech,
else {"episodes":[]}.

Exit status: 0 on success, 1 when an input cannot be read (missing, directory, binary, empty, over 50 MB,
over 200,000 HTML elements, a web page that cannot be fetched), 2 for a bad command line. Errors are one
line on stderr: "stackcast: <what is wrong>".

Examples:
  npx stackcast parse --url https://runninginproduction.com/podcast/1-x saved-page.html
  npx stackcast parse --text --duration 1:02:00 --format webvtt notes.txt
  npx stackcast parse https://runninginproduction.com/podcast/1-x
  npx stackcast parse saved/*.html > episodes.jsonl
  curl -s https://example.com/ep | npx stackcast parse --url https://example.com/ep --format markdown -`;

function version(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
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
      outputError: (message, write) =>
        write(
          `stackcast: ${message
            .replace(/^error:\s*/i, '')
            .replace(/\s*\n\s*/g, ' ')
            .trim()}\n`,
        ),
    });

  command
    .command('parse')
    .description('print the episodes, chapters and tech found in an HTML page (or, with --text, plain text)')
    .argument('<input>', 'file to read, an http(s) address to fetch, or - for stdin')
    .argument('[more...]', 'more inputs: each prints one JSON line (see "Several inputs")')
    .option('--url <url>', "the page's address (site detection, relative links)")
    .option('--text', 'the input is plain text: each newline is a line break')
    .option('--duration <seconds>', 'episode duration in seconds or h:mm:ss (drops chapters past it)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'json')
    .option('--episode <n>', 'print only the n-th episode found (1 = first)')
    .option('--timeout <seconds>', `seconds to wait for a web page (default ${DEFAULT_TIMEOUT_SECONDS})`)
    .exitOverride()
    .addHelpText('after', HELP_AFTER)
    .action((input: string, more: string[], options: ParseOptions) => runParse([input, ...more], options));
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
