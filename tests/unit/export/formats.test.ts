// The chapter format registry is the one list: the CLI offers, prints and documents every format in it, and the
// library's chapter downloads name, type and write each file from it.
import { describe, expect, it } from 'vitest';
import { CHAPTER_FORMAT_IDS, CHAPTER_FORMATS } from '@/utils/export/formats';
import { FORMATS, parseFormat } from '@/cli/options';
import { formatEpisodes } from '@/cli/output';
import { chapterFile } from '@/utils/library/export/chapters';
import { episodeOf } from '@/utils/library/record';
import { makeSaved } from '../library/generate';
import { makeEpisode } from './episode';

describe('CHAPTER_FORMATS', () => {
  it('lists the CLI formats between json and markdown, in registry order', () => {
    expect(FORMATS).toEqual(['json', ...CHAPTER_FORMAT_IDS, 'markdown']);
    expect(CHAPTER_FORMAT_IDS).toEqual(['podcast-chapters', 'webvtt', 'psc']);
  });

  it.each(CHAPTER_FORMAT_IDS)('%s: the CLI prints one episode as the library downloads it', (id) => {
    const spec = CHAPTER_FORMATS[id];
    expect(parseFormat(id.toUpperCase())).toBe(id);
    const saved = makeSaved(3);
    const file = chapterFile(saved, id, new Date('2026-11-22T10:00:00Z'));
    expect(file.type).toBe(spec.mime);
    expect(file.name.endsWith(`-2026-11-22.${spec.extension}`)).toBe(true);
    expect(file.text).toBe(spec.write(episodeOf(saved)));
    expect(formatEpisodes([episodeOf(saved)], id)).toBe(file.text);
  });

  it.each(CHAPTER_FORMAT_IDS)('%s: several episodes and none give a text of the format', (id) => {
    const spec = CHAPTER_FORMATS[id];
    const two = [makeEpisode(), makeEpisode({ title: 'Second' })];
    expect(formatEpisodes(two, id)).toBe(spec.writeSeveral(two));
    expect(spec.writeSeveral(two)).toContain('Second');
    expect(spec.writeSeveral([]).length).toBeGreaterThan(0);
    expect(spec.writeSeveral([]).endsWith('\n')).toBe(true);
  });
});
