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
 * Why a typed site was refused, each with its own message on the options page: not an address at all;
 * not a web page (`file:`, `chrome:`, `javascript:` ...); a wildcard or `<all_urls>` (more than one site);
 * a port (Firefox refuses ports in match patterns, and a site's pattern covers all its ports); a bare
 * public suffix (`co.uk`), which no one's site is.
 */
export type SiteRefusal = 'invalid' | 'scheme' | 'wildcard' | 'port' | 'suffix';

/** Second-level labels under a two-letter country code that are not a site of their own (`co.uk`, `com.au`). */
const COUNTRY_SECOND_LEVEL = /^(?:co|com|net|org|gov|edu|ac|or|ne|go|gob|mil|nic|ltd|plc|sch)$/;
/** A host name's labels: letters, digits and inner hyphens (IDN in punycode), as in a match pattern. */
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Understand what the listener typed: `example.com`, `https://example.com/some/page`, `http://localhost`.
 * One site at a time: the scheme is kept when given (https otherwise), the path is dropped (the whole site is
 * enabled), and anything that would reach more than one site or is not a web page is refused with its reason.
 * @example
 * siteFromInput('www.example.com/podcast'); // { ok: true, value: { pattern: 'https://www.example.com/*', host: 'www.example.com' } }
 * siteFromInput('*://*\/*'); // { ok: false, reason: 'wildcard' }
 */
export function siteFromInput(
  input: string,
): { ok: true; value: SiteAccess } | { ok: false; reason: SiteRefusal } {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed)) return { ok: false, reason: 'invalid' };
  // Before parsing: URL() would turn `%2A` into `*` and accept `*` in a host.
  if (/[*]|%2a|<all_urls>/i.test(trimmed)) return { ok: false, reason: 'wildcard' };
  const explicit = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  // `javascript:…`, `about:blank`, `data:…` have a scheme but no `//`; `localhost:8080` is a host and port.
  const bareScheme = !explicit && /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(trimmed);
  const scheme = explicit?.[1]!.toLowerCase();
  if (bareScheme || (scheme && scheme !== 'http' && scheme !== 'https'))
    return { ok: false, reason: 'scheme' };
  const withScheme = explicit ? trimmed : `https://${trimmed}`;
  // The authority as typed: URL() drops a default port (`:443`), which is still a port the listener typed.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(withScheme)?.[1] ?? '';
  if (/:/.test(authority.replace(/^.*@/, '').replace(/\[[^\]]*\]/, ''))) return { ok: false, reason: 'port' };
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.username || url.password) return { ok: false, reason: 'invalid' };
  const labels = url.hostname.split('.');
  // A bare word ("podcast") is a typo, not a site; localhost is the one single-label host people mean.
  const plausibleHost = labels.length > 1 || url.hostname === 'localhost';
  if (!plausibleHost || !labels.every((label) => HOST_LABEL.test(label)))
    return { ok: false, reason: 'invalid' };
  if (labels.length === 2 && labels[1]!.length === 2 && COUNTRY_SECOND_LEVEL.test(labels[0]!))
    return { ok: false, reason: 'suffix' };
  const pattern = `${url.protocol}//${url.host}/*`;
  if (!ORIGIN_PATTERN.test(pattern)) return { ok: false, reason: 'invalid' };
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
  const main =
    scripts.find((s) => s.js?.some((file) => file.endsWith('content-scripts/content.js'))) ?? scripts[0];
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
  const script = {
    id,
    matches: [pattern],
    js,
    ...(css.length ? { css } : {}),
    runAt: 'document_idle' as const,
  };
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
  void reconcileSiteAccess().catch((error: unknown) =>
    console.warn('[stackcast] could not restore enabled sites:', error),
  );
  browser.permissions.onRemoved.addListener((removed) => {
    for (const pattern of removed.origins ?? []) {
      void forgetSite(pattern).catch((error: unknown) =>
        console.warn('[stackcast] could not forget', pattern, error),
      );
    }
  });
}
