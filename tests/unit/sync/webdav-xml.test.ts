// Multistatus answers as different servers write them: prefixes d:, D:, lp1:, a default namespace, absolute
// and relative hrefs, per-member 404s, entities, CDATA and comments.
import { describe, expect, it } from 'vitest';
import { decodeXmlText, isMultistatus, lockTokenOf, parseMultistatus } from '../../../utils/sync/webdav-xml';

// The shape Nextcloud and sabre/dav answer in (lower-case d:, several propstats).
const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
 <d:response>
  <d:href>/remote.php/dav/files/ann/Stackcast/</d:href>
  <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype>
   <d:getetag>&quot;6553a1&quot;</d:getetag><d:getlastmodified>Tue, 01 Dec 2026 10:00:00 GMT</d:getlastmodified>
  </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
 <d:response>
  <d:href>/remote.php/dav/files/ann/Stackcast/manifest%20copy.json</d:href>
  <d:propstat><d:prop><d:resourcetype/><d:getetag>"e1&amp;2"</d:getetag>
   <d:getcontentlength>1234</d:getcontentlength></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
 </d:response>
</d:multistatus>`;

// Apache mod_dav: upper-case D:, properties under another prefix, W/ weak ETags.
const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>http://dav.example.com/sync/shards/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getlastmodified>not a date</lp1:getlastmodified></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response><D:href>/sync/shards/07-abc.json</D:href>
<D:propstat><D:prop><lp1:getetag xmlns:lp1="DAV:">W/"2a-5f"</lp1:getetag><lp1:getcontentlength xmlns:lp1="DAV:">42</lp1:getcontentlength>
<D:resourcetype/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
</D:multistatus>`;

// No prefix at all: the default namespace is DAV:. One member answered 404 as a whole.
const DEFAULT_NAMESPACE = `<multistatus xmlns="DAV:"><!-- a <response> in a comment is no member -->
<response><href><![CDATA[/a&b/]]></href><propstat><prop><resourcetype><collection></collection></resourcetype></prop>
<status>HTTP/1.1 200 OK</status></propstat></response>
<response><href>/a&amp;b/gone.json</href><status>HTTP/1.1 404 Not Found</status></response>
<response><href>/a&amp;b/caf&#xE9;.json</href><propstat><prop><getcontentlength>7</getcontentlength></prop></propstat></response>
</multistatus>`;

describe('parseMultistatus', () => {
  it('reads a Nextcloud answer, keeping only properties with status 200', () => {
    expect(parseMultistatus(NEXTCLOUD)).toEqual([
      {
        href: '/remote.php/dav/files/ann/Stackcast/',
        isCollection: true,
        etag: '"6553a1"',
        lastModified: new Date('2026-12-01T10:00:00Z'),
      },
      {
        href: '/remote.php/dav/files/ann/Stackcast/manifest%20copy.json',
        isCollection: false,
        etag: '"e1&2"',
        size: 1234,
      },
    ]);
  });

  it('reads an Apache answer with mixed prefixes, weak ETags and an unreadable date', () => {
    expect(parseMultistatus(APACHE)).toEqual([
      { href: 'http://dav.example.com/sync/shards/', isCollection: true },
      { href: '/sync/shards/07-abc.json', isCollection: false, etag: 'W/"2a-5f"', size: 42 },
    ]);
  });

  it('reads a default namespace, CDATA and character references, and skips comments and 404 members', () => {
    expect(parseMultistatus(DEFAULT_NAMESPACE)).toEqual([
      { href: '/a&b/', isCollection: true },
      { href: '/a&b/café.json', isCollection: false, size: 7 },
    ]);
  });

  it('finds nothing in a web page', () => {
    const page = '<!doctype html><html><body><a href="/x">response</a></body></html>';
    expect(isMultistatus(page)).toBe(false);
    expect(parseMultistatus(page)).toEqual([]);
    expect(isMultistatus(NEXTCLOUD) && isMultistatus(APACHE) && isMultistatus(DEFAULT_NAMESPACE)).toBe(true);
  });
});

describe('decodeXmlText', () => {
  it('decodes named and numeric references and leaves unknown ones as written', () => {
    expect(decodeXmlText('&lt;a&gt; &amp;amp; &#65;&#x1F600; &nbsp; &#x110000;')).toBe(
      '<a> &amp; A\u{1F600} &nbsp; &#x110000;',
    );
  });
});

describe('lockTokenOf', () => {
  it('reads the token from a LOCK answer body', () => {
    const body =
      '<D:prop xmlns:D="DAV:"><D:lockdiscovery><D:activelock><D:locktoken><D:href>urn:uuid:1-2</D:href>' +
      '</D:locktoken><D:lockroot><D:href>/sync/manifest.json.lock</D:href></D:lockroot></D:activelock></D:lockdiscovery></D:prop>';
    expect(lockTokenOf(body)).toBe('urn:uuid:1-2');
    expect(lockTokenOf('<D:prop xmlns:D="DAV:"/>')).toBeUndefined();
  });
});
