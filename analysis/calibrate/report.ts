/**
 * The calibration report as Markdown tables (docs/calibration.md pastes them): the fitted
 * constants and how well the patterns pin them down, every pattern of every case beside its
 * documented range (before the fit, fitted, and predicted when left out), and the issue's success
 * criteria, each stated as met or not.
 */
import type { CalibrationReport, CaseResult, PatternResult } from './fit';

/** The band the issue asks of the default scenario's P(mass atrocity): at risk, not foregone. */
export const AT_RISK: readonly [number, number] = [0.3, 0.7];

/** A constant whose leave-one-out values span more than this share of its searched range "swings widely". */
export const SWING_SHARE = 0.5;

const sig = (x: number | null): string => {
  if (x === null) return '-';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 10) return x.toFixed(0);
  return Number(x.toPrecision(2)).toString();
};

/** Names as inline code, comma-separated. */
const codeList = (names: readonly string[]): string => names.map((n) => `\`${n}\``).join(', ');

/** A pattern's standing against its documented range: in it, within a factor of 3, or neither (''). */
const standing = (x: PatternResult): string => (x.inRange ? 'in range' : x.withinFactor3 ? 'within x3' : '');

/** Position of a value in a constant's searched range, in [0, 1] (log scale for log constants). */
function unit(c: CalibrationReport['constants'][number], v: number): number {
  return c.scale === 'log' ? (Math.log10(v) - Math.log10(c.min)) / (Math.log10(c.max) - Math.log10(c.min)) : (v - c.min) / (c.max - c.min);
}

export interface Criterion {
  readonly name: string;
  readonly target: string;
  readonly result: string;
  readonly met: boolean;
}

/** The issue's criteria, from the report and the article's readings (id -> verdict). */
export function criteria(r: CalibrationReport, readings: Readonly<Record<string, string | undefined>>, defaultP?: number): Criterion[] {
  const out: Criterion[] = [];
  // Left-out predictions: training cases predicted without themselves, and the held-out cases at the fit.
  // A left-out case with a constant only it informs is not predicted: it counts as not within.
  const leftOut: { c: CaseResult; alone: readonly string[] }[] = [
    ...r.leaveOneOut.map((l) => ({ c: l.prediction, alone: l.alone ?? [] })),
    ...r.after.filter((c) => c.use === 'holdout').map((c) => ({ c, alone: [] })),
  ];
  const tolls = leftOut.flatMap(({ c, alone }) => {
    const p = c.patterns.find((x) => x.pattern === 'toll');
    return p ? [{ p, id: c.id, alone }] : [];
  });
  const inherited = tolls.filter((t) => t.alone.length > 0);
  const within = tolls.filter((t) => t.p.withinFactor3 && t.alone.length === 0).length;
  const notPredicted = inherited.length
    ? `; not predicted, so not counted: ${inherited.map((t) => `${t.id} (only it informs ${codeList(t.alone)})`).join(', ')}`
    : '';
  out.push({
    name: 'toll, left out',
    target: 'median toll within a factor of 3 of the documented range for at least 80% of cases (left-out predictions)',
    result: `${within} of ${tolls.length} (${tolls.length ? Math.round((100 * within) / tolls.length) : 0}%)${notPredicted}`,
    met: tolls.length > 0 && within >= 0.8 * tolls.length,
  });
  if (defaultP !== undefined) {
    out.push({ name: 'default scenario', target: `P(mass atrocity) between ${AT_RISK[0]} and ${AT_RISK[1]}`, result: defaultP.toFixed(2), met: defaultP >= AT_RISK[0] && defaultP <= AT_RISK[1] });
  }
  const judged = r.after.filter((c) => readings[c.id] !== undefined);
  const separated = judged.filter((c) => (readings[c.id] === 'failed' ? c.pMassAtrocity > 0.5 : c.pMassAtrocity < 0.5));
  out.push({
    name: 'failures vs successes',
    target: "cases the article (or the literature) reads as prevented or curbed below P = 0.5, failures above, in most cases",
    result: `${separated.length} of ${judged.length}`,
    met: judged.length > 0 && separated.length > judged.length / 2,
  });
  return out;
}

/** What the search's objective added beside the patterns: the risk target, and where the fit left it. */
function riskLine(r: CalibrationReport): string {
  const risk = r.risk!;
  return `The search's objective also counted a design target, weighed as one more case: the ${risk.id} scenario's P(mass atrocity) within ${risk.low}-${risk.high} over ${risk.seeds} seeds a point, distance 0 inside and the gap over 0.2 outside (at the fitted point ${risk.pFitted.toFixed(2)} over those seeds). It is not a documented pattern, and the objective above leaves it out.`;
}

/** The race among the search's best points: their objectives in the search and at the race's seeds, and which was fitted. */
function raceLine(r: CalibrationReport): string {
  const rank = r.race.findIndex((x) => x.chosen) + 1;
  const each = r.race.map((x, i) => `${i + 1}. ${x.searchObjective.toFixed(3)} -> ${x.raceObjective.toFixed(3)}${x.chosen ? ' (fitted)' : ''}`).join('; ');
  return `Racing: the search's ${r.race.length} best points run again at ${r.settings.raceSeeds} seeds a case (objective in the search -> at the race's seeds): ${each}. The fitted point was the search's number ${rank}.`;
}

export function renderReport(r: CalibrationReport, readings: Readonly<Record<string, string | undefined>>, defaultP?: number): string {
  const lines: string[] = [];
  const loo = new Map(r.leaveOneOut.map((l) => [l.left, l]));
  lines.push(
    `Training cases (${r.training.length}): ${r.training.join(', ')}. Held out (never fitted): ${r.holdout.join(', ') || 'none'}.`,
    `Search: ${r.evaluations} evaluations (${r.settings.screen} Latin-hypercube points, then Nelder-Mead; stopped: ${r.stopped}), ${r.settings.seeds} seeds per case and point; validation ${r.settings.validationSeeds} seeds; ${r.runs.toLocaleString('en-US')} runs in all.`,
    raceLine(r),
    `Objective (mean pattern distance over the training cases, validation seeds): ${r.objectiveAtDefaults.toFixed(3)} at the defaults, ${r.objectiveFitted.toFixed(3)} fitted.`,
    ...(r.risk ? [riskLine(r)] : []),
    '',
    '| constant | before | fitted | searched range | best ' + Math.round(100 * r.settings.accept) + '% of evaluations (min - median - max) | leave-one-out (min - max) | |',
    '|---|---|---|---|---|---|---|',
  );
  for (const c of r.constants) {
    const acc = r.accepted.ranges[c.param];
    const vals = r.leaveOneOut.map((l) => l.values[c.param]);
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    const swing = unit(c, hi) - unit(c, lo) > SWING_SHARE;
    lines.push(
      `| \`${c.param}\` | ${sig(r.defaults[c.param])} | ${sig(r.fitted[c.param])} | ${sig(c.min)} - ${sig(c.max)}${c.scale === 'log' ? ' (log)' : ''} | ${sig(acc.min)} - ${sig(acc.median)} - ${sig(acc.max)} | ${sig(lo)} - ${sig(hi)} | ${swing ? '**swings widely**' : ''} |`,
    );
  }
  lines.push('', '| case | use | pattern | documented | before: median | fitted: median [90%] | left out: median [90%] | |', '|---|---|---|---|---|---|---|---|');
  for (const after of r.after) {
    const before = r.before.find((b) => b.id === after.id)!;
    const left = loo.get(after.id)?.prediction;
    const alone = loo.get(after.id)?.alone ?? [];
    for (const p of after.patterns) {
      const b = before.patterns.find((x) => x.pattern === p.pattern)!;
      const l = left?.patterns.find((x) => x.pattern === p.pattern);
      const range = p.low === p.high ? sig(p.low) : `${sig(p.low)} - ${sig(p.high)}`;
      // A held-out case's fitted column is its prediction; a left-out case that inherits a constant only it informs is not predicted.
      let mark = '';
      if (after.use === 'holdout') mark = standing(p);
      else if (l && alone.length > 0) mark = `${standing(l)} (left out, inherits ${codeList(alone)}: not a prediction)`.trim();
      else if (l && standing(l) !== '') mark = `${standing(l)} (left out)`;
      lines.push(
        `| ${after.id} | ${after.use} | ${p.pattern} | ${range} | ${sig(b.median)} | ${sig(p.median)} [${sig(p.q05)} - ${sig(p.q95)}] | ${l ? `${sig(l.median)} [${sig(l.q05)} - ${sig(l.q95)}]` : after.use === 'holdout' ? '(held out: the fitted column)' : '-'} | ${mark} |`,
      );
    }
  }
  lines.push('', '| case | reading (article or literature) | P(mass atrocity) before | fitted | left out | prevented / curbed / failed (fitted) |', '|---|---|---|---|---|---|');
  for (const after of r.after) {
    const before = r.before.find((b) => b.id === after.id)!;
    const left = loo.get(after.id)?.prediction;
    const pc = (x: number) => `${Math.round(100 * x)}%`;
    lines.push(
      `| ${after.id} | ${readings[after.id] ?? '-'} | ${before.pMassAtrocity.toFixed(2)} | ${after.pMassAtrocity.toFixed(2)} | ${left ? left.pMassAtrocity.toFixed(2) : '-'} | ${pc(after.readings.prevented)} / ${pc(after.readings.curbed)} / ${pc(after.readings.failed)} |`,
    );
  }
  lines.push('', '| criterion | target | result | met |', '|---|---|---|---|');
  for (const c of criteria(r, readings, defaultP)) lines.push(`| ${c.name} | ${c.target} | ${c.result} | ${c.met ? 'yes' : '**no**'} |`);
  return `${lines.join('\n')}\n`;
}
