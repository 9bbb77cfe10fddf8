// Sites the listener enabled beyond the built-in ones: optional host permission + a dynamically
// registered copy of the main content script, kept in step with the permissions the browser holds.
import { browser } from 'wxt/browser';
import { ORIGIN_PATTERN, getSettings, updateSettings } from './settings';

/** A site the listener typed, as the match pattern we request and register. */
export interface SiteAccess {
  /** `https://example.com/*` */
  pattern: string;
  /** `example.com`, for display. */
  host: string;
}

const SCRIPT_ID_PREFIX = 'stackcast-site:';

/**
 * Understand what the listener typed: `example.com`, `https://example.com/some/page`, `http://localhost:8080`.
 * The scheme is kept when given (https otherwise); the path is dropped (the whole site is enabled).
 * @example
 * siteFromInput('www.example.com/podcast'); // { ok: true, value: { pattern: 'https://www.example.com/*', host: 'www.example.com' } }
 */
export function siteFromInput(input: string): { ok: true; value: SiteAccess } | { ok: false } {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed)) return { ok: false };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false };
  if (url.username || url.password) return { ok: false };
  const pattern = `${url.protocol}//${url.host}/*`;
  // A bare word ("podcast") is a typo, not a site; localhost is the one single-label host people mean.
  const plausibleHost = url.hostname.includes('.') || url.hostname === 'localhost';
  if (!ORIGIN_PATTERN.test(pattern) || !plausibleHost) return { ok: false };
  return { ok: true, value: { pattern, host: url.host } };
}

/** The host part of a match pattern, for display. */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

/** The id under which a site's content script is registered. */
export function scriptIdFor(pattern: string): string {
  return SCRIPT_ID_PREFIX + pattern;
}

/**
 * The built-in sites, one entry per site: hostnames from the manifest's content-script matches, with
 * `*.` and `www.` dropped and subdomains folded into their site (disabling a site covers them all).
 * @example
 * supportedHosts(); // ['castbox.fm', 'listennotes.com', ..., 'pocketcasts.com', 'runninginproduction.com']
 */
export function supportedHosts(manifest = browser.runtime.getManifest()): string[] {
  const hosts = new Set<string>();
  for (const script of manifest.content_scripts ?? []) {
    for (const match of script.matches ?? []) {
      const host = /^(?:\*|https?):\/\/(?:\*\.)?([^/*]+)\//.exec(match)?.[1];
      if (host) hosts.add(host.toLowerCase().replace(/^www\./, ''));
    }
  }
  return [...hosts].filter((host) => ![...hosts].some((other) => host.endsWith(`.${other}`))).sort();
}

/** Whether a host is already covered by a built-in site (same host or a subdomain of one). */
export function isSupportedHost(host: string, supported: string[]): boolean {
  const bare = host.replace(/:\d+$/, '').toLowerCase();
  return supported.some((s) => bare === s || bare.endsWith(`.${s}`));
}

/** The files of the main content script, so an enabled site gets exactly what supported sites get. */
function mainContentScript(): { js: string[]; css: string[] } {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  const main = scripts.find((s) => s.js?.some((file) => file.endsWith('content-scripts/content.js'))) ?? scripts[0];
  if (!main?.js?.length) throw new Error('this build has no content script to register');
  return { js: main.js, css: main.css ?? [] };
}

/**
 * Register the content script for a granted site (or update it if already registered).
 * @example
 * await registerSiteScript('https://example.com/*');
 */
export async function registerSiteScript(pattern: string): Promise<void> {
  const id = scriptIdFor(pattern);
  const { js, css } = mainContentScript();
  const script = { id, matches: [pattern], js, ...(css.length ? { css } : {}), runAt: 'document_idle' as const };
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
}

/**
 * Stop running on a site: unregister its script and forget it in the settings. The permission is
 * removed by the caller (the options page) or was already revoked by the browser.
 * @example
 * await forgetSite('https://example.com/*');
 */
export async function forgetSite(pattern: string): Promise<void> {
  const id = scriptIdFor(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  const settings = await getSettings();
  if (settings.enabledSites.includes(pattern)) {
    await updateSettings({ enabledSites: settings.enabledSites.filter((p) => p !== pattern) });
  }
}

/**
 * After the permission was granted (by `browser.permissions.request` in the click handler):
 * register the script and remember the site.
 * @example
 * if (await browser.permissions.request({ origins: [site.pattern] })) await rememberSite(site.pattern);
 */
export async function rememberSite(pattern: string): Promise<void> {
  await registerSiteScript(pattern);
  const settings = await getSettings();
  if (!settings.enabledSites.includes(pattern)) {
    await updateSettings({ enabledSites: [...settings.enabledSites, pattern].sort() });
  }
}

/**
 * Make registered scripts match what the browser grants: re-register granted sites (browsers that
 * drop dynamic scripts across restarts), forget sites whose permission is gone, and remove scripts
 * no longer in the settings. Returns the patterns still enabled.
 * @example
 * await reconcileSiteAccess(); // in the background, at start-up
 */
export async function reconcileSiteAccess(): Promise<string[]> {
  const settings = await getSettings();
  const kept: string[] = [];
  for (const pattern of settings.enabledSites) {
    if (await browser.permissions.contains({ origins: [pattern] })) {
      await registerSiteScript(pattern);
      kept.push(pattern);
    }
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered
    .map((s) => s.id)
    .filter((id) => id.startsWith(SCRIPT_ID_PREFIX) && !kept.includes(id.slice(SCRIPT_ID_PREFIX.length)));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (kept.length !== settings.enabledSites.length) await updateSettings({ enabledSites: kept });
  return kept;
}

/**
 * Background wiring: reconcile now, and forget a site the moment its permission is revoked
 * (from the options page or the browser's own extension settings).
 * @example
 * watchSiteAccess(); // once, in the background
 */
export function watchSiteAccess(): void {
  void reconcileSiteAccess().catch((error: unknown) => console.warn('[stackcast] could not restore enabled sites:', error));
  browser.permissions.onRemoved.addListener((removed) => {
    for (const pattern of removed.origins ?? []) {
      void forgetSite(pattern).catch((error: unknown) => console.warn('[stackcast] could not forget', pattern, error));
    }
  });
}
