/**
 * The tests StrykerJS runs against each mutant of the main model's rules (stryker.config.mjs):
 * the in-process ones. Tests that start the CLI, a browser or worker threads run compiled or
 * separately loaded code, which the mutants do not reach.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['test/rules/**/*.test.ts', 'test/golden.test.ts', 'test/golden-table.test.ts', 'test/invariants.test.ts', 'test/twins.test.ts', 'test/determinism.test.ts', 'test/stats/directions.test.ts'],
    setupFiles: ['./test/support/fast-check.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
