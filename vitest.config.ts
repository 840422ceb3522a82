import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Font files and the colour profile load as bytes, as esbuild's `binary` loader gives them to the bundles (server/src/render/fonts.ts, pdf.ts).
  plugins: [
    {
      name: 'ttf-as-bytes',
      enforce: 'pre',
      load(id) {
        if (!id.endsWith('.ttf') && !id.endsWith('.icc')) return null;
        const base64 = readFileSync(id).toString('base64');
        return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));`;
      },
    },
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    // Two cores: keep the pool small so CLI tests that spawn processes do not starve.
    maxWorkers: 2,
    // A guard against hangs, not a speed goal (speed lives in the benchmarks): generous, so that a
    // loaded machine never turns a slow pass into a failure.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
