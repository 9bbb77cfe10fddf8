// Times carried by links and seek buttons are range-checked where they are read: a 16-digit `#t=` or
// `data-audio-seek` is no time at all, never a chapter start beyond the model's limit.
// Fixtures are written here by hand, imitating runninginproduction.com's seek links (`data-audio-seek`).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseChapters } from '@/utils/parse/chapters';
import { hrefTime, linkSeconds, parseTimeValue } from '@/utils/parse/chapters-links';
import { MAX_EPISODE_SECONDS } from '@/utils/parse/time';
import { toWebVtt } from '@/utils/export/webvtt';
import { SecondsSchema } from '@/utils/model';

function body(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`).document
    .body;
}

describe('link-carried times', () => {
  it('the bound is the model’s limit on seconds', () => {
    expect(SecondsSchema.safeParse(MAX_EPISODE_SECONDS).success).toBe(true);
    expect(SecondsSchema.safeParse(MAX_EPISODE_SECONDS + 1).success).toBe(false);
  });

  it('refuses values beyond the limit in every form a link writes', () => {
    for (const raw of [
      '999999999999999',
      '9999999999999999',
      '1000001',
      '1000001.5s',
      '9999999999999999,20',
      '1e400',
    ]) {
      expect(parseTimeValue(raw), raw).toBeNull();
    }
    expect(parseTimeValue(String(MAX_EPISODE_SECONDS))).toBe(MAX_EPISODE_SECONDS);
    expect(parseTimeValue('105')).toBe(105);
    expect(hrefTime('#t=9999999999999999', null)).toBeNull();
    expect(hrefTime('?t=1234567890123456', null)).toBeNull();
    expect(hrefTime('https://example.com/ep?t=99999999999', new URL('https://example.com/ep'))).toBeNull();
    const seek = body('<a href="#" data-audio-seek="999999999999999">Databases</a>').querySelector('a')!;
    expect(linkSeconds(seek)).toBeNull();
  });

  it('any value a link can carry is null or a whole number of seconds within the model', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[0-9]{1,16}(\.[0-9]{1,3})?s?$/),
          fc.stringMatching(/^([0-9]{1,2}h)?([0-9]{1,3}m)?([0-9]{1,5}s)?$/),
          fc.string(),
        ),
        (raw) => {
          const seconds = parseTimeValue(raw);
          if (seconds !== null) expect(SecondsSchema.safeParse(seconds).success).toBe(true);
          const fromHref = hrefTime(`#t=${raw}`, null);
          if (fromHref !== null) expect(SecondsSchema.safeParse(fromHref).success).toBe(true);
        },
      ),
    );
  });

  it('a seek link with a 15-digit time does not make a chapter, nor hide the chapters after it', () => {
    const html = `<ul><li><a href="#" data-audio-seek="0">Intro</a></li>
      <li><a href="#" data-audio-seek="999999999999999">Databases</a></li>
      <li><a href="#" data-audio-seek="600">Deploys</a></li>
      <li><a href="#" data-audio-seek="1200">Costs</a></li></ul>`;
    const { chapters } = parseChapters(body(html), {});
    for (const chapter of chapters) {
      expect(SecondsSchema.safeParse(chapter.start).success).toBe(true);
      if (chapter.end != null) expect(SecondsSchema.safeParse(chapter.end).success).toBe(true);
    }
    expect(chapters.map((c) => c.start)).toEqual([0, 600, 1200]);
  });

  it('two links, one of them out of range: no one-chapter list, and no cue to 99:59:59.999 from it', () => {
    const html = `<ul><li><a href="#t=0">Intro</a></li><li><a href="#t=9999999999999999">Databases</a></li></ul>`;
    const { chapters } = parseChapters(body(html), {});
    expect(chapters.length === 0 || chapters.length >= 2).toBe(true);
    expect(chapters.every((c) => c.start <= MAX_EPISODE_SECONDS && (c.end ?? 0) <= MAX_EPISODE_SECONDS)).toBe(
      true,
    );
    const vtt = toWebVtt({
      id: 'x',
      title: null,
      podcast: null,
      date: null,
      durationSeconds: 1800,
      url: null,
      audioUrl: null,
      chapters,
      chapterConfidence: 1,
      tech: [],
    });
    expect(vtt).not.toContain('99:59:59.999');
  });
});
