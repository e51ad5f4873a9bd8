/**
 * The plain closing line of test/support/plain-summary-reporter.ts ("N passed, N failed, N
 * skipped") must never contradict vitest's exit code: CI judges a run by it. Each fixture in
 * test/fixtures/reporter/ (named *.fixture.ts, outside the main suite's include) is run by a real
 * vitest in a child process, with that reporter and vitest's JSON reporter: a clean file, a
 * failing beforeAll, a failing afterAll, an unhandled rejection, an import error, a describe
 * body that throws, an ordinary failing test; and the clean file under a global set-up that
 * throws, and with a reporter that fails the run after it ended (R2P_REPORTER_FIXTURE, see
 * test/fixtures/reporter/vitest.config.ts). The line CI reads is the last one of its kind.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/reporter');
const LINE = /^(\d+) passed, (\d+) failed, (\d+) skipped$/;

interface Case {
  readonly name: string;
  readonly file: string;
  /** R2P_REPORTER_FIXTURE for the child: a failure outside the test files. */
  readonly variant?: 'global-setup-fails' | 'late-failure';
  /** The exit code vitest gives, and what a truthful closing line says. */
  readonly exit: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

const CASES: readonly Case[] = [
  { name: 'a clean file', file: 'pass.fixture.ts', exit: 0, passed: 2, failed: 0, skipped: 1 },
  { name: 'a failing beforeAll', file: 'before-all.fixture.ts', exit: 1, passed: 0, failed: 1, skipped: 2 },
  { name: 'a failing afterAll', file: 'after-all.fixture.ts', exit: 1, passed: 1, failed: 1, skipped: 0 },
  { name: 'an unhandled rejection', file: 'unhandled.fixture.ts', exit: 1, passed: 1, failed: 1, skipped: 0 },
  { name: 'an import error', file: 'import-error.fixture.ts', exit: 1, passed: 0, failed: 1, skipped: 0 },
  { name: 'a describe body that throws', file: 'describe-throws.fixture.ts', exit: 1, passed: 0, failed: 1, skipped: 0 },
  { name: 'a failing test', file: 'fails.fixture.ts', exit: 1, passed: 1, failed: 1, skipped: 0 },
  { name: 'a global set-up that throws', file: 'pass.fixture.ts', variant: 'global-setup-fails', exit: 1, passed: 0, failed: 1, skipped: 0 },
  { name: 'a failure after the run ended', file: 'pass.fixture.ts', variant: 'late-failure', exit: 1, passed: 2, failed: 1, skipped: 1 },
];

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** vitest's own counts (its JSON reporter). */
  readonly json: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
}

/** The environment without the parent vitest's own variables, so the child is a fresh run. */
function childEnv(variant: string | undefined, jsonFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST') && !k.startsWith('R2P_REPORTER_')) env[k] = v;
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1', R2P_REPORTER_JSON: jsonFile, ...(variant ? { R2P_REPORTER_FIXTURE: variant } : {}) };
}

function runFixture(c: Case, outDir: string): Promise<Outcome> {
  const { file } = c;
  const jsonFile = join(outDir, `${c.variant ?? 'plain'}-${file}.json`);
  const args = [
    join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run',
    '--root', FIXTURES,
    '--config', join(FIXTURES, 'vitest.config.ts'),
    file,
  ];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env: childEnv(c.variant, jsonFile), encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      let json: Outcome['json'];
      try {
        json = JSON.parse(readFileSync(jsonFile, 'utf8'));
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

/** The closing plain line: the last line of its form (vitest's JSON reporter may log after it). */
function plainLine(o: Outcome): { passed: number; failed: number; skipped: number } | undefined {
  const lines = o.stdout.split('\n').map((l) => l.trim()).filter((l) => LINE.test(l));
  if (lines.length === 0) return undefined;
  const [, p, f, s] = LINE.exec(lines[lines.length - 1])!;
  return { passed: Number(p), failed: Number(f), skipped: Number(s) };
}

describe('the plain summary line agrees with vitest', () => {
  const outcomes = new Map<string, Outcome>();
  let outDir = '';

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'r2p-reporter-'));
    // Two at a time: the machine has two cores and others use them too.
    const queue = [...CASES];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) outcomes.set(c.name, await runFixture(c, outDir));
    };
    await Promise.all([worker(), worker()]);
  });

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.name}: exit ${c.exit}, "${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped"`, () => {
      const o = outcomes.get(c.name)!;
      const what = `vitest on ${c.file}${c.variant ? ` (${c.variant})` : ''} exited ${o.code}\nstdout:\n${o.stdout}\nstderr:\n${o.stderr}`;
      const line = plainLine(o);
      expect(line, `no plain summary line; ${what}`).toBeDefined();
      // The rule CI relies on: a failing run never reads as clean, a clean run never as failing.
      expect(o.code === 0 ? line!.failed === 0 : line!.failed > 0, `the plain line ${JSON.stringify(line)} contradicts the exit code; ${what}`).toBe(true);
      expect(o.code, what).toBe(c.exit);
      expect(line, what).toEqual({ passed: c.passed, failed: c.failed, skipped: c.skipped });
      // And against vitest's own counts: the same passed and skipped tests, at least its failed tests.
      expect(o.json, `vitest's JSON report is missing; ${what}`).toBeDefined();
      expect(line!.passed, what).toBe(o.json!.numPassedTests);
      expect(line!.skipped, what).toBe(o.json!.numPendingTests + o.json!.numTodoTests);
      expect(line!.failed, what).toBeGreaterThanOrEqual(o.json!.numFailedTests);
      if (c.exit === 0) expect(line!.failed, what).toBe(o.json!.numFailedTests);
    });
  }
});
