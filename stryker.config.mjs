// @ts-check
/**
 * Mutation testing of the main model's rules (`npm run mutate`; not in CI): StrykerJS changes
 * one operator, condition or constant at a time in the rule files and runs the in-process tests
 * that cover it; a mutant that no test notices is a rule the suite does not pin down. The report
 * lands in reports/mutation/ (HTML) and a summary on the terminal.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'sim/models/luck2018/agents/**/*.ts',
    'sim/models/luck2018/un/**/*.ts',
    'sim/models/luck2018/deterrence.ts',
    'sim/models/luck2018/risk.ts',
    'sim/models/luck2018/kernel.ts',
    'sim/models/luck2018/triggers.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static initialisers (constant tables) would rerun every test for each mutant.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  // Stryker rewrites tsconfig project references in its sandbox with TypeScript's JS API, which
  // TypeScript 7 no longer has; this project has no references, so point it at no file.
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
