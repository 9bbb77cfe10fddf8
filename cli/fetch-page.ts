// `stackcast parse https://…`: the CLI fetches the page itself, bounded in time, size and redirects, and
// turns every way a fetch can fail into one line a user can act on.
import { CliError, EXIT_INPUT, EXIT_USAGE } from './errors';
import { MAX_INPUT_BYTES, megabytes } from './input';

/** Redirects followed before giving up (browsers allow 20; real pages need one or two). */
export const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_SECONDS = 30;

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

export interface FetchedPage {
  bytes: Buffer;
  /** Where the page was finally read from, after redirects. */
  url: URL;
  /** The charset the server declared, if any. */
  charset?: string;
}

export interface FetchOptions {
  timeoutSeconds: number;
  /** Plain text is asked for (`--text`): any text/* answer is accepted, not only HTML. */
  text: boolean;
  maxBytes?: number;
}

/**
 * Whether an input names an address (`scheme://…`) rather than a file; only http(s) ones can be fetched.
 * @example isAddress('https://example.com/ep') // true
 */
export function isAddress(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

/**
 * The page at `address`, following at most {@link MAX_REDIRECTS} http(s) redirects, all within one deadline.
 * @example await fetchPage('http://127.0.0.1:8080/ep', { timeoutSeconds: 30, text: false })
 */
export async function fetchPage(address: string, options: FetchOptions): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let url = webUrl(address, address);
  const signal = AbortSignal.timeout(options.timeoutSeconds * 1000);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        if (redirects >= MAX_REDIRECTS) {
          throw new CliError(
            `${address} redirects more than ${MAX_REDIRECTS} times (a redirect loop?)`,
            EXIT_INPUT,
          );
        }
        url = webUrl(new URL(location, url).href, address);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const reason = response.statusText ? ` ${response.statusText}` : '';
        throw new CliError(`${url.href} answered HTTP ${response.status}${reason}`, EXIT_INPUT);
      }
      const { type, charset } = contentType(response.headers.get('content-type'));
      if (type && !acceptable(type, options.text)) {
        await response.body?.cancel();
        const wanted = options.text ? 'a text or HTML page' : 'an HTML page (use --text for plain text)';
        throw new CliError(`${url.href} is ${type}, not ${wanted}`, EXIT_INPUT);
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel();
        throw new CliError(
          `${url.href} is ${megabytes(declared)}, more than the ${megabytes(maxBytes)} limit`,
          EXIT_INPUT,
        );
      }
      return { bytes: await readCapped(response, url, maxBytes), url, charset };
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(fetchProblem(url, error, signal.aborted, options.timeoutSeconds), EXIT_INPUT);
  }
}

/** An http(s) URL, or a usage error naming the input (`original`) the user typed. */
function webUrl(href: string, original: string): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new CliError(`${original} is not a valid address`, EXIT_USAGE);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const what = href === original ? original : `${original} redirects to ${url.protocol} (${href})`;
    throw new CliError(
      `${what}: only http and https pages can be fetched`,
      href === original ? EXIT_USAGE : EXIT_INPUT,
    );
  }
  return url;
}

function contentType(header: string | null): { type?: string; charset?: string } {
  if (!header) return {};
  const [type, ...parameters] = header.split(';').map((part) => part.trim());
  const charset = parameters
    .find((part) => /^charset=/i.test(part))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  return { type: type?.toLowerCase() || undefined, charset: charset || undefined };
}

function acceptable(type: string, text: boolean): boolean {
  return HTML_TYPES.includes(type) || (text && type.startsWith('text/'));
}

async function readCapped(response: Response, url: URL, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new CliError(`${url.href} is more than the ${megabytes(maxBytes)} limit`, EXIT_INPUT);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * One line for a failed fetch. Node's fetch reports network failures as "fetch failed" with the system
 * error (ENOTFOUND, ECONNREFUSED…) as its cause; the deadline shows as an aborted signal.
 * @example fetchProblem(new URL('http://x.invalid/'), dnsError, false, 30) // 'cannot find the host x.invalid (DNS lookup failed)'
 */
export function fetchProblem(url: URL, error: unknown, timedOut: boolean, timeoutSeconds: number): string {
  const name = (error as Error | null)?.name;
  if (timedOut || name === 'TimeoutError' || name === 'AbortError') {
    return `${url.href} did not answer within ${timeoutSeconds} s (--timeout)`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot find the host ${url.hostname} (DNS lookup failed)`;
    case 'ECONNREFUSED':
      return `${url.host} refused the connection`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `${url.host} closed the connection before the page arrived`;
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return `${url.href} did not answer within ${timeoutSeconds} s (--timeout)`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${url.host} cannot be reached (no route to the host)`;
  }
  if (code && /CERT|SSL|TLS|SELF_SIGNED/i.test(code))
    return `${url.host}'s TLS certificate is not valid (${code})`;
  const detail = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `cannot fetch ${url.href}: ${detail}${code ? ` (${code})` : ''}`;
}
