/**
 * `r2p-sim discover DIR --outcome EXPR`: scenario discovery on a finished sweep. PRIM (Friedman
 * and Fisher 1999, as in EMA Workbench) peels the factor space towards the runs where the
 * condition holds and reports each box of the peeling trajectory with its coverage and density,
 * and the box it chooses. The analysis is analysis/sweep/analyse.ts and analysis/prim.ts.
 */
import { Command } from 'commander';
import { discover } from '../../analysis/sweep/analyse';
import { csvLine } from '../../analysis/sweep/index';
import { UsageError } from '../errors';
import { analysing, readResults } from '../sweep/read-results';

const share = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(4));

function fraction(text: string, flag: string): number {
  const x = Number(text);
  if (!(x > 0 && x < 1)) throw new UsageError(`${flag}: got ${JSON.stringify(text)}, expected a number between 0 and 1`);
  return x;
}

export function discoverCommand(): Command {
  return new Command('discover')
    .description('find the boxes of factor space where an outcome condition holds (PRIM scenario discovery) in a finished sweep')
    .argument('<dir>', 'the results folder of r2p-sim sweep (design.json, runs.csv)')
    .requiredOption('--outcome <expr>', 'the condition, a mathjs expression over a run\'s columns, e.g. "massAtrocity == 1" or "deathsPeople > 10000"')
    .option('--alpha <share>', 'share of the box peeled at each step', '0.05')
    .option('--min-support <share>', 'smallest share of the runs a box may hold', '0.05')
    .option('--threshold <density>', 'choose the first box whose density reaches this')
    .option('--csv', 'the peeling trajectory, one row per box')
    .option('--json', 'the full result as JSON')
    .action((dir: string, opts: { outcome: string; alpha: string; minSupport: string; threshold?: string; csv?: boolean; json?: boolean }) => {
      const { design, runs } = readResults(dir);
      const options = {
        alpha: fraction(opts.alpha, '--alpha'),
        minSupport: fraction(opts.minSupport, '--min-support'),
        ...(opts.threshold === undefined ? {} : { threshold: fraction(opts.threshold, '--threshold') }),
      };
      const d = analysing(() => discover(design, runs, opts.outcome, options));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
        return;
      }
      const limits = (b: (typeof d.trajectory)[number]) =>
        b.restricted.length ? b.restricted.map((f) => `${num(b.limits[f][0])} <= ${f} <= ${num(b.limits[f][1])}`).join(', ') : 'the whole space';
      if (opts.csv) {
        const lines = [csvLine(['box', 'chosen', 'coverage', 'density', 'support', 'runs', 'cases', ...d.factors.flatMap((f) => [`${f}_lo`, `${f}_hi`])])];
        d.trajectory.forEach((b, i) => {
          lines.push(csvLine([i, i === d.chosen, b.coverage, b.density, b.support, b.count, b.interesting, ...d.factors.flatMap((f) => (b.limits[f] ? [b.limits[f][0], b.limits[f][1]] : [null, null]))]));
        });
        process.stdout.write(lines.join(''));
        return;
      }
      const out = [
        `Scenario discovery (PRIM): "${d.condition}" holds in ${d.cases} of ${d.runs} runs (${share(d.cases / Math.max(1, d.runs))}); ${d.trajectory.length} boxes on the peeling trajectory.`,
        '',
        '  box  coverage  density  support  limits',
      ];
      d.trajectory.forEach((b, i) => {
        out.push(`  ${String(i).padStart(3)}${i === d.chosen ? '*' : ' '} ${share(b.coverage).padStart(8)}  ${share(b.density).padStart(7)}  ${share(b.support).padStart(7)}  ${limits(b)}`);
      });
      const c = d.trajectory[d.chosen];
      out.push('', `* chosen (${d.chosenBy}): ${limits(c)}; coverage ${share(c.coverage)} (of the runs where it holds, the share inside), density ${share(c.density)} (of the runs inside, the share where it holds).`, '');
      process.stdout.write(out.join('\n'));
    });
}
