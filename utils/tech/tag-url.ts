// Tag URLs (`/tags/rails`): readable without the catalog, so the page-side reading of show notes needs no tables.

/**
 * The slug in a runninginproduction-style tag URL (`/tags/rails`, `https://…/tags/rails/`), if any.
 * @example tagSlugFromUrl('https://runninginproduction.com/tags/rails') // 'rails'
 */
export function tagSlugFromUrl(url: string): string | undefined {
  const match = /\/tags\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(url.trim());
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]).toLowerCase();
  } catch {
    return match[1].toLowerCase();
  }
}
