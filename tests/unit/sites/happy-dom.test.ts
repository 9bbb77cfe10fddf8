// The same scan on a second DOM implementation (happy-dom), as the content script runs it on a real DOM.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { scanPage } from '@/utils/sites/scan';
import { listingHtml, LISTING_URL, ripEpisodeHtml, ripPost, ripPostUrl } from '../../fixtures';
import { documentFrom } from './dom';

function happyDocument(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('scanPage on happy-dom', () => {
  it('gives the same episodes as on linkedom', () => {
    const post = ripPost(33);
    const pages: Array<[string, string]> = [
      [ripEpisodeHtml(post), ripPostUrl(post)],
      [listingHtml(), LISTING_URL],
    ];
    for (const [html, url] of pages) {
      const happy = scanPage(happyDocument(html, url), url).map((item) => item.episode);
      const linked = scanPage(documentFrom(html), url).map((item) => item.episode);
      expect(happy.length).toBeGreaterThan(0);
      expect(happy).toEqual(linked);
    }
  });
});
