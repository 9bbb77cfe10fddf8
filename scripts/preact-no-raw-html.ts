// Vite plugin: removes Preact's one HTML sink (the dangerouslySetInnerHTML branch) from the bundles.
//
// Why: Stackcast renders page text only as text, and lint already bans `dangerouslySetInnerHTML`,
// so that branch is dead code. Removing it means no bundle contains a dynamic `innerHTML`
// assignment at all (defence in depth), and the Firefox build passes `web-ext lint` with zero
// warnings (addons-linter reports every `x.innerHTML = variable` as UNSAFE_VAR_ASSIGNMENT).
// If a Preact upgrade changes the code, the build fails here instead of silently keeping the sink.
import type { Plugin } from 'vite';

/** Preact's ESM builds: `preact.module.js` (and the `.min` variant some tools pick). */
const PREACT_BUILD = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact(\.min)?\.module\.js$/;
/** `(dom.innerHTML = newHtml.__html)` as it appears minified in Preact 10's diffElementNodes. */
const RAW_HTML_ASSIGNMENT = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
const REPLACEMENT =
  '(()=>{throw new Error("Stackcast never renders raw HTML: dangerouslySetInnerHTML is disabled")})()';

/**
 * @example
 * // wxt.config.ts
 * vite: () => ({ plugins: [preact(), preactNoRawHtml()] })
 */
export function preactNoRawHtml(): Plugin {
  return {
    name: 'stackcast:preact-no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_BUILD.test(id)) return null;
      const stripped = code.replace(RAW_HTML_ASSIGNMENT, REPLACEMENT);
      if (stripped === code) {
        throw new Error(
          `preact-no-raw-html: Preact's innerHTML assignment was not found in ${id}. ` +
            'Preact changed: update RAW_HTML_ASSIGNMENT in scripts/preact-no-raw-html.ts.',
        );
      }
      return { code: stripped, map: null };
    },
  };
}
