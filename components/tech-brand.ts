// A technology's brand colour and logo where simple-icons has a CC0 one (generated: utils/tech/brand-colors.json,
// public/tech-icons/). For extension pages: a logo is an image fetched only when shown, so no bundle holds the
// paths; the colours table stays out of the content script (the panel keeps category hues, tech-colors.ts).
import brandColors from '@/utils/tech/brand-colors.json';

const BRAND_COLORS: Readonly<Record<string, string>> = brandColors;

/**
 * @example brandColor('postgres') // '#4169E1'
 */
export function brandColor(slug: string): string | undefined {
  return Object.hasOwn(BRAND_COLORS, slug) ? BRAND_COLORS[slug] : undefined;
}

/**
 * The logo's address on an extension page (the page is at the extension's root), or undefined without one.
 * @example logoUrl('postgres') // '/tech-icons/postgres.svg'
 */
export function logoUrl(slug: string): string | undefined {
  return brandColor(slug) === undefined ? undefined : `/tech-icons/${slug}.svg`;
}
