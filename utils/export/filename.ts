// File names for downloads: what it is, and the day it was exported.

/**
 * @example
 * exportFileName('md', new Date('2026-11-22T10:00:00Z')) // 'stackcast-library-2026-11-22.md'
 * exportFileName('vtt', date, 'Deploys with Kamal') // 'stackcast-deploys-with-kamal-chapters-2026-11-22.vtt'
 */
export function exportFileName(extension: string, date: Date, episodeTitle?: string | null): string {
  const day = date.toISOString().slice(0, 10);
  if (episodeTitle === undefined) return `stackcast-library-${day}.${extension}`;
  const slug =
    (episodeTitle ?? '')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'episode';
  return `stackcast-${slug}-chapters-${day}.${extension}`;
}
