// WXT build configuration: manifest, modules and the Vite plugins both browsers share.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // Parallel builds (tests, benchmarks) may use their own output folder.
  outDir: process.env.STACKCAST_OUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Stackcast',
    description:
      'Clickable chapters, tech-stack chips and a saved-episode library for podcasts about how software is built and run.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'stackcast@stackcast.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
