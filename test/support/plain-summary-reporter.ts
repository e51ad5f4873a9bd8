/**
 * Prints one plain closing line, "N passed, N failed, N skipped", after vitest's own report, so
 * that any CI log reader can count the tests without knowing vitest's format.
 *
 * The line never contradicts vitest's exit code: "failed" counts failed tests and also every
 * failure that is not a test's own, each once, so that it is above 0 whenever the run fails:
 *
 * - a suite or file whose hooks failed (a `beforeAll` or `afterAll` that throws; the tests a
 *   failed `beforeAll` kept from running are counted as skipped, as vitest counts them);
 * - a file that could not be collected (an import or syntax error, a throwing `describe` body);
 * - an unhandled error or rejection (vitest fails the run for each unless the config sets
 *   `dangerouslyIgnoreUnhandledErrors`);
 * - anything else for which vitest reports the run as failed or interrupted (one, if nothing
 *   above counted);
 * - a non-zero exit that comes after the run ended (a coverage threshold, another reporter, an
 *   error in vitest's own process) or without a run ending: at exit, a last line with one
 *   failure closes the log, so the closing line is always the one to read.
 *
 * Lines before it name the failures that are not tests, so a reader sees why the count is what
 * it is. test/reporter.test.ts runs vitest on fixtures of each kind to prove all this.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason, TestSuite, Vitest } from 'vitest/node';

export default class PlainSummaryReporter implements Reporter {
  private ignoreUnhandled = false;
  /** The counts last printed; undefined until a run ends. */
  private last: { passed: number; failed: number; skipped: number } | undefined;

  onInit(vitest: Vitest): void {
    this.ignoreUnhandled = vitest.config.dangerouslyIgnoreUnhandledErrors === true;
    // Vitest can set a failing exit code after the run ended (a coverage threshold, a reporter
    // after this one, an error in its own process) or without ending a run: the line printed so
    // far, if any, would then read as a success. Close with a line that says otherwise.
    process.once('exit', (code) => {
      if (code === 0 || (this.last !== undefined && this.last.failed > 0)) return;
      const when = this.last === undefined ? 'before any test run ended (a start-up or global set-up error)' : 'after the run ended (an error after the tests: a coverage threshold, a reporter, vitest itself)';
      const { passed = 0, skipped = 0 } = this.last ?? {};
      this.print([`vitest is exiting with code ${code} ${when}`], passed, 1, skipped);
    });
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = [], reason?: TestRunEndReason): void {
    let passed = 0;
    let failedTests = 0;
    let skipped = 0;
    /** Failures that are not a test's own: "<file>: <what>". */
    const other: string[] = [];
    for (const m of testModules) {
      let moduleFailedTests = 0;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') moduleFailedTests++;
        else skipped++;
      }
      failedTests += moduleFailedTests;
      const before = other.length;
      // Errors outside any test: the file's own (collection, module-level hooks) and each suite's (its hooks).
      const holders: (TestModule | TestSuite)[] = [m, ...m.children.allSuites()];
      for (const h of holders) {
        const errors = h.errors();
        if (errors.length === 0) continue;
        const where = h.type === 'module' ? m.relativeModuleId : `${m.relativeModuleId} > ${h.fullName}`;
        const what = errors[0]?.message ?? 'error';
        const kind = h.type === 'module' && [...m.children.allTests()].length === 0 ? 'could not be collected' : 'failed outside its tests (a hook)';
        other.push(`${where} ${kind}: ${firstLine(what)}`);
      }
      // A file vitest marks failed with no failed test and no error we could see still fails the run.
      if (m.state() === 'failed' && moduleFailedTests === 0 && other.length === before) other.push(`${m.relativeModuleId} failed`);
    }
    if (!this.ignoreUnhandled) {
      for (const e of unhandledErrors) other.push(`unhandled error: ${firstLine(e.message ?? String(e.name ?? 'error'))}`);
    }
    if (reason !== undefined && reason !== 'passed' && failedTests + other.length === 0) {
      if (reason === 'interrupted') other.push('the run was interrupted');
      else other.push(testModules.length === 0 ? 'vitest reports the run as failed, and no test file ran (a global set-up error?)' : 'vitest reports the run as failed');
    }
    this.print(other, passed, failedTests + other.length, skipped);
  }

  private print(other: readonly string[], passed: number, failed: number, skipped: number): void {
    this.last = { passed, failed, skipped };
    // Written synchronously (process.stdout is synchronous for files, and for pipes and
    // terminals on Linux), so it also lands from the 'exit' handler.
    if (other.length > 0) process.stdout.write(`\nfailures outside tests (${other.length}):\n${other.map((o) => `  ${o}\n`).join('')}`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

function firstLine(s: string): string {
  const line = s.split('\n', 1)[0];
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}
