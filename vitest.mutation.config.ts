/**
 * The tests StrykerJS runs against each mutant of the main model's rules (stryker.config.mjs):
 * the rule tests, the golden run files and the twin-run tests, all in-process and quick, so that
 * the 1,300-odd mutants take under half an hour on 2 cores. Tests that start the CLI, a browser
 * or worker threads run compiled or separately loaded code, which the mutants do not reach; the
 * statistical and property tests take seconds each and would run for every mutant they cover.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['test/rules/**/*.test.ts', 'test/golden.test.ts', 'test/twins.test.ts'],
    setupFiles: ['./test/support/fast-check.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
