// `stackcast parse https://…`: the CLI fetches pages itself. Every page comes from a server on 127.0.0.1 that
// this test starts (never the internet), including servers that hang, send too much, loop or refuse.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchProblem } from '@/cli/fetch-page';
import { runCli, type CliRun } from './run-cli';

// A generic episode page (no site adapter claims 127.0.0.1): a title, an audio element with a relative
// address, and a chapter list; written for this test.
const EPISODE_PAGE = `<!DOCTYPE html><html><head><title>Ep 7: Queues</title></head><body><article>
<h1>Ep 7: Queues</h1><audio controls src="/media/ep7.mp3"></audio><p>We talk about Redis.</p>
<ul><li>0:00 Intro</li><li>3:10 Why queues</li><li>12:40 Redis streams</li></ul></article></body></html>`;
const CHAPTERS = [
  { start: 0, title: 'Intro' },
  { start: 190, title: 'Why queues' },
  { start: 760, title: 'Redis streams' },
];
const MEGABYTE = 1024 * 1024;

let server: Server;
let base: string;
let refusedBase: string;

/** Streams `bytes` of HTML-ish filler without a length, as fast as the client reads, until it hangs up. */
function sendForever(response: ServerResponse, bytes: number): void {
  const chunk = Buffer.alloc(MEGABYTE, '<p>x</p>'.repeat(MEGABYTE / 8));
  let sent = 0;
  const pump = () => {
    while (sent < bytes && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    response.end();
  };
  pump();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    const html = { 'content-type': 'text/html; charset=utf-8' };
    if (path === '/shows/ep7') return void response.writeHead(200, html).end(EPISODE_PAGE);
    if (path === '/old/ep7') return void response.writeHead(301, { location: '/shows/ep7' }).end();
    if (path === '/loop') return void response.writeHead(302, { location: '/loop' }).end();
    if (path === '/to-file') return void response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/missing') return void response.writeHead(404, html).end('<h1>Not here</h1>');
    if (path === '/hang') return; // Never answers.
    if (path === '/slow-body')
      return void response.writeHead(200, html).write('<html><body><ul><li>0:00 Intro</li>');
    if (path === '/huge') return void (response.writeHead(200, html), sendForever(response, 60 * MEGABYTE));
    if (path === '/huge-declared') {
      return void response
        .writeHead(200, { ...html, 'content-length': String(60 * MEGABYTE) })
        .write('<html>');
    }
    if (path === '/file.pdf')
      return void response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
    if (path === '/notes.txt') {
      const latin1 = Buffer.concat([
        Buffer.from('0:00 Intro\n1:45 Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' talk\n'),
      ]);
      return void response.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(latin1);
    }
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: nothing listens there, so connecting is refused.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function expectOneLineError(run: CliRun, pattern: RegExp): void {
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^stackcast: /);
  expect(lines[0]).toMatch(pattern);
}

describe('stackcast parse <http address>', () => {
  it('fetches the page; its address is the page URL (episode link, relative audio link)', async () => {
    const run = await runCli(['parse', `${base}/shows/ep7`]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { episodes } = JSON.parse(run.stdout);
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({
      title: 'Ep 7: Queues',
      url: `${base}/shows/ep7`,
      audioUrl: `${base}/media/ep7.mp3`,
    });
    expect(episodes[0].chapters).toEqual(CHAPTERS);
  });

  it('prints the same JSON as the same page read from a file with that --url', async () => {
    const fetched = await runCli(['parse', `${base}/shows/ep7`]);
    const piped = await runCli(['parse', '--url', `${base}/shows/ep7`, '-'], { input: EPISODE_PAGE });
    expect(fetched.stdout).toBe(piped.stdout);
  });

  it('follows a redirect and reads the page at the address it ends at', async () => {
    const run = await runCli(['parse', `${base}/old/ep7`]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).episodes[0].url).toBe(`${base}/shows/ep7`);
  });

  it('--url overrides the fetched address', async () => {
    const run = await runCli(['parse', '--url', 'https://example.com/ep7', `${base}/shows/ep7`]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).episodes[0]).toMatchObject({
      url: 'https://example.com/ep7',
      audioUrl: 'https://example.com/media/ep7.mp3',
    });
  });

  it('--text accepts plain text and decodes the charset the server declares', async () => {
    const run = await runCli(['parse', '--text', `${base}/notes.txt`]);
    expect(run.status).toBe(0);
    const [episode] = JSON.parse(run.stdout).episodes;
    expect(episode.chapters).toEqual([
      { start: 0, title: 'Intro' },
      { start: 105, title: 'Café talk' },
    ]);
    expect(episode.url).toBe(`${base}/notes.txt`);
  });

  it('an HTTP error status', async () => {
    expectOneLineError(await runCli(['parse', `${base}/missing`]), /\/missing answered HTTP 404 Not Found$/);
  });

  it('a redirect loop stops after the redirect limit', async () => {
    expectOneLineError(await runCli(['parse', `${base}/loop`]), /redirects more than 5 times/);
  });

  it('a redirect to a file: address is refused', async () => {
    expectOneLineError(
      await runCli(['parse', `${base}/to-file`]),
      /redirects to file: .*only http and https/,
    );
  });

  it('a server that never answers: the timeout, in time', async () => {
    const started = performance.now();
    const run = await runCli(['parse', '--timeout', '1', `${base}/hang`]);
    expectOneLineError(run, /\/hang did not answer within 1 s \(--timeout\)/);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('a page whose body stops coming: the same timeout covers reading it', async () => {
    expectOneLineError(
      await runCli(['parse', '--timeout', '1', `${base}/slow-body`]),
      /did not answer within 1 s/,
    );
  });

  it('a page that sends more than the 50 MB limit is cut off', async () => {
    expectOneLineError(await runCli(['parse', `${base}/huge`]), /\/huge is more than the 50 MB limit/);
  });

  it('a page that declares more than the limit is refused before reading it', async () => {
    expectOneLineError(
      await runCli(['parse', `${base}/huge-declared`]),
      /is 60 MB, more than the 50 MB limit/,
    );
  });

  it('a page that is not HTML', async () => {
    expectOneLineError(await runCli(['parse', `${base}/file.pdf`]), /is application\/pdf, not an HTML page/);
  });

  it('a refused connection', async () => {
    expectOneLineError(
      await runCli(['parse', `${refusedBase}/ep`]),
      /127\.0\.0\.1:\d+ refused the connection/,
    );
  });

  it('an address that is not http(s) is a usage error', async () => {
    const run = await runCli(['parse', 'ftp://127.0.0.1/ep.html']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^stackcast: ftp:\/\/127\.0\.0\.1\/ep\.html: only http and https pages can be fetched\n$/,
    );
  });

  it('--timeout must be a positive number of seconds', async () => {
    const run = await runCli(['parse', '--timeout', 'soon', `${base}/shows/ep7`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^stackcast: --timeout must be/);
  });
});

describe('fetchProblem: what Node reports becomes one line', () => {
  const url = new URL('https://podcast.invalid/ep/1');
  const failed = (code: string) =>
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

  it('names a DNS failure', () => {
    expect(fetchProblem(url, failed('ENOTFOUND'), false, 30)).toBe(
      'cannot find the host podcast.invalid (DNS lookup failed)',
    );
  });
  it('names a refused connection and a reset', () => {
    expect(fetchProblem(url, failed('ECONNREFUSED'), false, 30)).toBe(
      'podcast.invalid refused the connection',
    );
    expect(fetchProblem(url, failed('ECONNRESET'), false, 30)).toMatch(/closed the connection/);
  });
  it('names the deadline, whatever error the abort surfaced as', () => {
    expect(fetchProblem(url, new DOMException('aborted', 'AbortError'), true, 5)).toBe(
      `${url.href} did not answer within 5 s (--timeout)`,
    );
  });
  it('names a bad certificate', () => {
    expect(fetchProblem(url, failed('CERT_HAS_EXPIRED'), false, 30)).toMatch(
      /TLS certificate is not valid \(CERT_HAS_EXPIRED\)/,
    );
  });
  it('keeps the cause of anything else', () => {
    expect(fetchProblem(url, failed('EPROTO'), false, 30)).toBe(`cannot fetch ${url.href}: EPROTO (EPROTO)`);
  });
});
