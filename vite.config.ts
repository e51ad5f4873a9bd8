/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The app lives in viz/; tests in test/. Both import the engine from sim/.
export default defineConfig({
  root: 'viz',
  build: { outDir: '../dist', emptyOutDir: true },
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
