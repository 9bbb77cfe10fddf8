// Unit and integration tests: WXT's fake browser and auto-imports, Preact JSX, fake IndexedDB where asked.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'utils/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
