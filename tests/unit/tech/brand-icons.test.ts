// The generated logos and brand colours match what scripts/tech-icons.ts makes from the installed simple-icons,
// only CC0 icons are shipped, and every one belongs to a catalog technology.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLORS_FILE, ICON_DIR, techIconFiles, techIcons } from '../../../scripts/tech-icons';
import BRAND_COLORS from '@/utils/tech/brand-colors.json';
import { techBySlug } from '@/utils/tech/catalog';

describe('technology logos', () => {
  const files = techIconFiles();

  it('are the files the script writes from the package (run npx tsx scripts/tech-icons.ts after an update)', () => {
    expect(readFileSync(COLORS_FILE, 'utf8')).toBe(files.colors);
    expect(readdirSync(ICON_DIR).sort()).toEqual([...files.svgs.keys()].sort());
    for (const [name, svg] of files.svgs) expect(readFileSync(join(ICON_DIR, name), 'utf8')).toBe(svg);
  });

  it('are CC0 only, each for a catalog technology, with a #RRGGBB colour', () => {
    const icons = techIcons();
    expect(icons.length).toBeGreaterThan(100);
    for (const { slug, icon } of icons) {
      expect(icon.license === undefined || icon.license.type === 'CC0-1.0').toBe(true);
      expect(techBySlug(slug)).toBeDefined();
      expect((BRAND_COLORS as Record<string, string>)[slug]).toMatch(/^#[0-9A-F]{6}$/i);
    }
    expect(Object.keys(BRAND_COLORS)).toHaveLength(icons.length);
  });
});
