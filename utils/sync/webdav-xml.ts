// Reading a WebDAV multistatus answer without DOMParser, which a Manifest V3 service worker does not have.
// Only the few DAV: properties sync needs are read. Element names are matched by local name with any prefix
// (`d:`, `D:`, `lp1:`, or a default namespace), because servers spell the DAV: namespace every way.

/** One member of a PROPFIND answer, as the server described it. */
export interface MultistatusEntry {
  /** The href exactly as the server wrote it (decoded from XML, still percent-encoded). */
  href: string;
  isCollection: boolean;
  /** Quoted, as sent (`"abc"` or `W/"abc"`); absent when the server keeps no ETag. */
  etag?: string;
  size?: number;
  lastModified?: Date;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: the five named entities and numeric references; anything else is left as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** A tag's local name with any namespace prefix: `(?:prefix:)?name`. */
function tag(name: string): string {
  return `(?:[A-Za-z_][\\w.-]*:)?${name}`;
}

/** The contents of every `<name>…</name>` in `xml`, outermost first, in document order. */
function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${tag(name)}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag(name)}\\s*>)`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

function firstText(xml: string, name: string): string | undefined {
  const found = elements(xml, name)[0];
  return found === undefined ? undefined : decodeXmlText(found.trim());
}

/** HTTP status line of a `<status>` element (`HTTP/1.1 200 OK` → 200). */
function statusCode(xml: string): number | undefined {
  const line = firstText(xml, 'status');
  const code = line && /^HTTP\/[\d.]+\s+(\d{3})/i.exec(line)?.[1];
  return code ? Number(code) : undefined;
}

/** True when the body is a DAV multistatus at all: a server that is not WebDAV answers PROPFIND with HTML. */
export function isMultistatus(xml: string): boolean {
  return new RegExp(`<${tag('multistatus')}[\\s>/]`).test(xml);
}

/**
 * The members a PROPFIND answer lists, with the properties of their successful (200) propstat.
 * A member whose own status is not 2xx (a 404 per-member answer) is left out.
 * @example
 * parseMultistatus('<d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/a.json</d:href>…');
 * // [{ href: '/dav/a.json', isCollection: false, etag: '"e1"', size: 12 }]
 */
export function parseMultistatus(xml: string): MultistatusEntry[] {
  // Comments and CDATA would confuse the tag scan; CDATA becomes its escaped text.
  const clean = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
    );
  const entries: MultistatusEntry[] = [];
  for (const response of elements(clean, 'response')) {
    const href = firstText(response, 'href');
    if (!href) continue;
    const ownStatus = statusCode(response.replace(new RegExp(`<${tag('propstat')}[\\s\\S]*`), ''));
    if (ownStatus !== undefined && (ownStatus < 200 || ownStatus > 299)) continue;
    const entry: MultistatusEntry = { href, isCollection: false };
    for (const propstat of elements(response, 'propstat')) {
      const status = statusCode(propstat);
      if (status !== undefined && status !== 200) continue;
      for (const prop of elements(propstat, 'prop')) readProperties(prop, entry);
    }
    entries.push(entry);
  }
  return entries;
}

function readProperties(prop: string, entry: MultistatusEntry): void {
  const resourceType = elements(prop, 'resourcetype')[0];
  if (resourceType !== undefined && new RegExp(`<${tag('collection')}[\\s/>]`).test(resourceType))
    entry.isCollection = true;
  const etag = firstText(prop, 'getetag');
  if (etag) entry.etag = etag;
  const length = firstText(prop, 'getcontentlength');
  if (length && /^\d+$/.test(length)) entry.size = Number(length);
  const modified = firstText(prop, 'getlastmodified');
  const date = modified ? new Date(modified) : undefined;
  if (date && !Number.isNaN(date.getTime())) entry.lastModified = date;
}

/** The lock token of a LOCK answer's body, for servers that leave the Lock-Token header out or malformed. */
export function lockTokenOf(xml: string): string | undefined {
  const token = elements(xml, 'locktoken')[0];
  return token === undefined ? undefined : firstText(token, 'href');
}
