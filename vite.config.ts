/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The documents the app links to ("what the model is"), served beside it as text. */
const DOCS = ['ODD.md', 'cases.md', 'calibration.md'];

function docs(): Plugin {
  const path = (name: string) => fileURLToPath(new URL(`./docs/${name}`, import.meta.url));
  return {
    name: 'r2p-docs',
    // `vite build`: copy them into dist/docs/.
    generateBundle() {
      for (const name of DOCS) this.emitFile({ type: 'asset', fileName: `docs/${name}`, source: readFileSync(path(name), 'utf8') });
    },
    // `vite` (dev): serve them from docs/.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = DOCS.find((d) => req.url?.split('?')[0].endsWith(`/docs/${d}`));
        if (!name) return next();
        res.setHeader('content-type', 'text/markdown; charset=utf-8');
        res.end(readFileSync(path(name), 'utf8'));
      });
    },
  };
}

// The app lives in viz/ and builds to dist/ as a static site (relative URLs: any static host,
// any sub-path); tests in test/. Both import the engine from sim/.
export default defineConfig({
  root: 'viz',
  base: './',
  plugins: [docs()],
  // The main chunk holds the engine, the scenarios and d3 (about 640 kB, 200 kB gzipped); the
  // sweep tools load as their own chunk when the view is first shown.
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    setupFiles: ['./test/support/fast-check.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
