// WXT build configuration: manifest, modules and the Vite plugins both browsers share.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { preactNoRawHtml } from './scripts/preact-no-raw-html';

export default defineConfig({
  // Parallel builds (tests, benchmarks) may use their own output folder.
  outDir: process.env.STACKCAST_OUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox gets Manifest V3 too (WXT defaults Firefox to MV2).
  manifestVersion: 3,
  // STACKCAST_MINIFY=0 keeps names readable for CPU profiles (never for a release).
  vite: () => ({
    plugins: [preact(), preactNoRawHtml()],
    build: { minify: process.env.STACKCAST_MINIFY !== '0' },
  }),
  // Store packages: Chrome zip, Firefox zip and the Firefox sources zip AMO reviewers rebuild from.
  zip: {
    excludeSources: [
      'coverage/**',
      'dist/**',
      'tmp/**',
      'bench/results/**',
      '**/*.zip',
      '**/*.log',
      'stats.html',
    ],
  },
  // Least privilege: these six permissions and nothing else (`alarms`: the periodic sync and its
  // back-off, issue 13); host access comes only from the content-script matches (supported
  // directories), activeTab, and origins the listener grants on the options page (sites, and the
  // sync server's origin). No content_security_policy key: extension pages keep the default MV3 CSP.
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_actionTitle__' },
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'next-chapter': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_commandNextChapter__',
      },
      'previous-chapter': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commandPreviousChapter__',
      },
      'save-episode': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveEpisode__',
      },
      'open-library': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandOpenLibrary__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'stackcast@stackcast.dev',
              // 140 is the first desktop release that understands data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
