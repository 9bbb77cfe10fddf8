// Category colours for technology chips: data, one hue per category, readable in light and dark themes.
import type { TechCategory } from '@/utils/model';

/** Hue (0–360) per category; the stylesheet turns it into a light or dark tint. */
export const CATEGORY_HUE: Record<TechCategory, number> = {
  language: 210,
  framework: 265,
  database: 150,
  cache: 10,
  queue: 35,
  hosting: 195,
  container: 225,
  ci: 85,
  monitoring: 300,
  'error-tracking': 350,
  email: 55,
  payments: 130,
  'cdn-dns': 180,
  search: 240,
  storage: 170,
  os: 20,
  'web-server': 280,
  other: 0,
};

/** Human label per category, for chip tooltips and screen readers. */
export const CATEGORY_LABEL: Record<TechCategory, string> = {
  language: 'Language',
  framework: 'Framework',
  database: 'Database',
  cache: 'Cache',
  queue: 'Queue',
  hosting: 'Hosting',
  container: 'Containers',
  ci: 'CI/CD',
  monitoring: 'Monitoring',
  'error-tracking': 'Error tracking',
  email: 'Email',
  payments: 'Payments',
  'cdn-dns': 'CDN/DNS',
  search: 'Search',
  storage: 'Storage',
  os: 'OS',
  'web-server': 'Web server',
  other: 'Other',
};

/**
 * One rule per category setting the chip hue (`.chip.c-database { --sc-hue: 150 }`), appended to the panel's stylesheet.
 * @example CATEGORY_CSS.includes('.c-database{--sc-hue:150}') // true
 */
export const CATEGORY_CSS = Object.entries(CATEGORY_HUE)
  .map(([category, hue]) => `.chip.c-${category}{--sc-hue:${hue}}`)
  .join('\n');
