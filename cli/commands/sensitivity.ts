/**
 * `r2p-sim sensitivity DIR`: which factors decide each outcome of a finished sweep. On a morris
 * sweep, Morris elementary effects (mu*, mu, sigma); on a sobol sweep, Sobol first-order and total
 * indices; each with a bootstrap interval, factors ranked by influence. The analysis is
 * analysis/sweep/analyse.ts (tested on the Ishigami function in test/sensitivity.test.ts).
 */
import { Command } from 'commander';
import { sensitivity } from '../../analysis/sweep/analyse';
import { csvLine } from '../../analysis/sweep/index';
import { positiveInt } from '../spec';
import { analysing, readResults } from '../sweep/read-results';

const f3 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '-' : x.toPrecision(3));

export function sensitivityCommand(): Command {
  return new Command('sensitivity')
    .description("rank the factors of a finished morris or sobol sweep by their influence on each outcome (Morris mu*, Sobol indices), with bootstrap intervals")
    .argument('<dir>', 'the results folder of r2p-sim sweep (design.json, runs.csv)')
    .option('--outcome <name...>', 'only these outcomes (default: every numeric outcome)')
    .option('--resamples <n>', 'bootstrap resamples for the intervals', '1000')
    .option('--csv', 'one tidy row per outcome, factor and index')
    .option('--json', 'the full result as JSON')
    .action((dir: string, opts: { outcome?: string[]; resamples: string; csv?: boolean; json?: boolean }) => {
      const { design, runs } = readResults(dir);
      const resamples = positiveInt(opts.resamples, '--resamples', 1_000_000);
      const result = analysing(() => sensitivity(design, runs, { outcomes: opts.outcome, resamples }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      if (opts.csv) {
        const lines = [csvLine(['outcome', 'method', 'rank', 'factor', 'index', 'estimate', 'lo', 'hi'])];
        for (const o of result) {
          o.factors.forEach((f, rank) => {
            const rows: [string, { estimate: number; lo: number; hi: number } | number | undefined][] =
              o.method === 'morris' ? [['mu_star', f.muStar], ['mu', f.mu], ['sigma', f.sigma]] : [['s1', f.s1], ['st', f.st]];
            for (const [index, v] of rows) {
              const [est, lo, hi] = typeof v === 'object' ? [v.estimate, v.lo, v.hi] : [v, null, null];
              lines.push(csvLine([o.outcome, o.method, rank + 1, f.factor, index, est ?? null, lo, hi]));
            }
          });
        }
        process.stdout.write(lines.join(''));
        return;
      }
      const out: string[] = [];
      for (const o of result) {
        out.push(`${o.outcome} (${o.method === 'morris' ? 'Morris elementary effects' : 'Sobol indices'}; ${o.used} of ${o.points} design points with a value):`);
        const head = o.method === 'morris' ? ['rank', 'factor', 'mu* [95% CI]', 'mu', 'sigma'] : ['rank', 'factor', 'total ST [95% CI]', 'first-order S1 [95% CI]'];
        const rows = o.factors.map((f, i) =>
          o.method === 'morris'
            ? [String(i + 1), f.factor, `${f3(f.muStar!.estimate)} [${f3(f.muStar!.lo)}, ${f3(f.muStar!.hi)}]`, f3(f.mu), f3(f.sigma)]
            : [String(i + 1), f.factor, `${f3(f.st!.estimate)} [${f3(f.st!.lo)}, ${f3(f.st!.hi)}]`, `${f3(f.s1!.estimate)} [${f3(f.s1!.lo)}, ${f3(f.s1!.hi)}]`],
        );
        const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
        for (const r of [head, ...rows]) out.push(`  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()}`);
        out.push('');
      }
      process.stdout.write(out.join('\n'));
    });
}
