/**
 * Outcomes: summary fields, series statistics and derived outcomes (mathjs expressions) give the
 * values computed by hand from the same run; missing values are null; a run whose outcome cannot be
 * evaluated is recorded with its message. Expressions are data: calls of mathjs's import, evaluate,
 * parse, createUnit, simplify or derivative, assignments, function definitions and property access
 * beyond series.NAME / params.NAME / scenario.NAME are refused when the sweep is read, and the
 * limited mathjs instance refuses them again at evaluation even if that check were bypassed.
 */
import { describe, expect, it } from 'vitest';
import { hashResult, runModel } from '../sim/index';
import { builtInScenario } from '../scenarios/index';
import { checkExpression, compileOutcomes, designPlan, runSweepJob, taskAt, type OutcomeContext, type RunValues } from '../analysis/sweep/index';
import { documentedFigures } from '../cli/sweep/env';
import { refusal, resolve, smallSweep } from './helpers/sweep';

const OUTCOMES = [
  'deathsPeople',
  'massAtrocity',
  'outcome',
  'onsetTick',
  { name: 'killedShare', expr: 'deathsPeople / affectedPopulation' },
  { name: 'firstDeathDay', expr: 'firstAbove(series.deaths, 0)' },
  { name: 'neverDay', expr: 'firstAbove(series.deaths, 1e9)' },
  { name: 'perpetratorsLast', expr: 'last(series.perpetrators)' },
  { name: 'perpetratorsSum', expr: 'sum(series.perpetrators)' },
  { name: 'perpetratorsDay40', expr: 'at(series.perpetrators, 40)' },
  { name: 'daysWithPerpetrators', expr: 'daysAbove(series.perpetrators, 0)' },
  { name: 'failedRun', expr: 'equalText(outcome, "failed") == 0 ? 0 : 1' },
  { name: 'scaled', expr: 'params.incitement * 100 + ticks' },
  { series: 'perpetrators', stat: 'max' },
  { series: 'perpetrators', stat: 'argmax', name: 'peakDay' },
  { series: 'exposure', stat: 'mean' },
];

describe('outcome values', () => {
  // An early election and high stakes, so that both runs kill (the killing days below need it).
  const r = resolve(smallSweep({ ticks: 90, params: { agents: 1000, peoplePerAgent: 50, electionDay: 10, stakes: 0.9 }, factors: [{ param: 'incitement', levels: [0.9, 0.95] }], replicates: 1, outcomes: OUTCOMES }));
  const plan = designPlan(r);

  it.each([0, 1])('run %i: every outcome equals the value computed from the run itself', (i) => {
    const task = taskAt(r, plan, i);
    const rec = runSweepJob({ task, outcomes: r.outcomes, figures: {} });
    expect(rec.error).toBeNull();
    const res = runModel({ params: task.params, schedule: task.schedule, seed: task.seed, ticks: task.ticks });
    expect(rec.hash).toBe(hashResult(res));
    const s = res.summary;
    const deaths = Array.from(res.series.deaths);
    const perp = Array.from(res.series.perpetrators);
    const firstDeath = deaths.findIndex((x) => x > 0);
    const peak = Math.max(...perp);
    const exposure = Array.from(res.series.exposure);
    const expected = [
      s.deathsPeople,
      s.massAtrocity ? 1 : 0,
      s.outcome,
      s.onsetTick,
      s.deathsPeople / (1000 * 50),
      firstDeath < 0 ? null : firstDeath,
      null,
      perp[perp.length - 1],
      perp.reduce((a, b) => a + b, 0),
      perp[40],
      perp.filter((x) => x > 0).length,
      s.outcome === 'failed' ? 1 : 0,
      Number(task.params.incitement) * 100 + 90,
      peak,
      perp.indexOf(peak),
      exposure.reduce((a, b) => a + b, 0) / exposure.length,
    ];
    expect(rec.outcomes!.map((v, k) => (typeof v === 'number' && typeof expected[k] === 'number' ? Number(v.toPrecision(12)) : v))).toEqual(
      expected.map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)),
    );
    // The killing days make the test worth something: the run kills.
    expect(firstDeath).toBeGreaterThanOrEqual(0);
  });

  it('the scenario\'s documented figures: scenario.NAME, and affectedPopulation is the modelled population', () => {
    const sr = resolve({
      id: 'figs',
      scenario: 'srebrenica-1995',
      ticks: 20,
      factors: [],
      design: { kind: 'grid' },
      outcomes: [
        { name: 'documented', expr: 'scenario.affectedPopulation' },
        { name: 'same', expr: 'affectedPopulation == scenario.affectedPopulation' },
        { name: 'safeAreas', expr: 'scenario.safeAreas' },
        { name: 'share', expr: 'scenario.targetGroupShare' },
      ],
    });
    const s = builtInScenario('srebrenica-1995')!;
    const rec = runSweepJob({ task: taskAt(sr, designPlan(sr), 0), outcomes: sr.outcomes, figures: documentedFigures(s) });
    expect(rec.error).toBeNull();
    expect(rec.outcomes).toEqual([37_000, 1, 6, 0.75]);
  });

  it('a result that is no number is a failed run with its message; an impossible day too', () => {
    const bad = resolve(smallSweep({ outcomes: [{ name: 'outOfRun', expr: 'at(series.deaths, 500)' }] }));
    const rec = runSweepJob({ task: taskAt(bad, designPlan(bad), 0), outcomes: bad.outcomes, figures: {} });
    expect(rec.outcomes).toBeNull();
    expect(rec.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rec.error).toMatch(/day 500 is outside the run/);
    const list = compileOutcomes({ outcomes: [{ name: 'l', kind: 'expr', expr: '[1, 2]', type: 'number' }], series: [] });
    expect(() => list.evaluate(VALUES)).toThrow(/gave a list, expected a number/);
  });

  it('division by zero and other non-finite results are missing values (null)', () => {
    const e = compileOutcomes({ outcomes: [{ name: 'x', kind: 'expr', expr: 'deaths / 0', type: 'number' }, { name: 'y', kind: 'expr', expr: 'onsetTick + 1', type: 'number' }], series: [] });
    expect(e.evaluate(VALUES)).toEqual([null, null]);
  });
});

const VALUES: RunValues = {
  summary: { deaths: 3, deathsPeople: 150, massAtrocity: false, onsetTick: null, outcome: 'curbed' },
  params: { agents: 1000, peoplePerAgent: 50, incitement: 0.5 },
  series: { deaths: Float64Array.from([0, 1, 3]) },
  figures: {},
};

const CTX: OutcomeContext = {
  summaryFields: new Map([
    ['deaths', 'number'],
    ['deathsPeople', 'number'],
    ['massAtrocity', 'boolean'],
    ['outcome', 'text'],
  ]),
  series: ['deaths'],
  params: ['agents', 'peoplePerAgent', 'incitement'],
  figures: [],
  population: true,
};

describe('malicious expressions', () => {
  const MALICIOUS = [
    'import({x: 1}, {override: true})',
    'evaluate("1 + 1")',
    'parse("2 ^ 3")',
    'createUnit("foo")',
    'simplify("x + x")',
    'derivative("x^2", "x")',
    'compile("1")',
    'f(x) = x',
    'deaths = 1',
    'a = 1; a',
    'series.constructor',
    'series["__proto__"]',
    'series["constructor"]["constructor"]("return process")()',
    'params.constructor',
    'deaths.constructor',
    'cos.constructor("return process")()',
    '[1, 2].map',
    '{a: 1}.a',
    '(series).deaths',
    'series.deaths[1]',
    'max',
    'chain(1)',
    'import',
  ];

  it.each(MALICIOUS)('%s is refused when the sweep is read', (expr) => {
    expect(checkExpression(expr, CTX)).not.toBeNull();
    const e = refusal(smallSweep({ outcomes: [{ name: 'x', expr }] }));
    expect(e.message).toMatch(/outcomes\[0\]\.expr/);
  });

  it.each(['import({x: 1}, {override: true})', 'evaluate("1 + 1")', 'parse("2")', 'createUnit("foo")', 'simplify("x + x")', 'derivative("x^2", "x")'])(
    '%s throws "disabled" even when the check is bypassed',
    (expr) => {
      const e = compileOutcomes({ outcomes: [{ name: 'x', kind: 'expr', expr, type: 'number' }], series: [] });
      expect(() => e.evaluate(VALUES)).toThrow(/is disabled in outcome expressions/);
    },
  );

  it('property access to a constructor throws even when the check is bypassed', () => {
    for (const expr of ['series.constructor', 'series["constructor"]["constructor"]("return 1")', 'cos.constructor("return 1")', 'params.__proto__']) {
      const e = compileOutcomes({ outcomes: [{ name: 'x', kind: 'expr', expr, type: 'number' }], series: ['deaths'] });
      expect(() => e.evaluate(VALUES), expr).toThrow(/No access to (property|method)/);
    }
  });

  it('ordinary expressions pass the check', () => {
    for (const expr of ['deathsPeople / affectedPopulation', 'firstAbove(series.deaths, 0)', 'massAtrocity ? 1 : 0', 'max(series.deaths) - min(series.deaths)', 'params.incitement > 0.5 and deaths > 0', 'round(mean([deaths, deathsPeople]))', 'equalText(outcome, "curbed")', 'pi * e'])
      expect(checkExpression(expr, CTX), expr).toBeNull();
  });
});
