/**
 * Sweep files: the examples in sweeps/ are valid (by the validator and by the JSON Schema, which
 * is current), and bad files are refused with errors that name the file, the path, the value and
 * what was expected: bad JSON, unknown fields, wrong types, parameters and ranges read against the
 * model's schema, schedule placeholders, designs, outcomes and column names.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ParamError } from '../sim/index';
import { SweepError, parseSweepText, sweepJsonSchema } from '../analysis/sweep/index';
import { readSweepFile } from '../cli/sweep/env';
import { ROOT, cli } from './helpers/cli';
import { refusal, resolve, smallSweep } from './helpers/sweep';

const EXAMPLES = readdirSync(join(ROOT, 'sweeps')).filter((f) => f.endsWith('.json') && f !== 'sweep.schema.json');

/** The issue at `path` (fails when there is none). */
function issueAt(e: Error & { issues?: { path: string; value: unknown; expected: string }[] }, path: string) {
  expect(e, e.message).toBeInstanceOf(SweepError);
  const i = e.issues!.find((x) => x.path === path);
  expect(i, `no issue at ${path}: ${e.message}`).toBeDefined();
  return i!;
}

describe('the example sweeps', () => {
  it('include tiny.json, one per design kind and a question of the article', () => {
    const kinds = new Set(EXAMPLES.map((f) => (JSON.parse(readFileSync(join(ROOT, 'sweeps', f), 'utf8')) as { design: { kind: string } }).design.kind));
    expect([...kinds].sort()).toEqual(['grid', 'lhs', 'morris', 'sobol']);
    expect(EXAMPLES).toContain('tiny.json');
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(EXAMPLES)('%s is valid against its model and scenario', (f) => {
    const r = readSweepFile(join(ROOT, 'sweeps', f)).resolved;
    expect(r.runs).toBeGreaterThan(0);
  });

  it('are valid by the JSON Schema, which is current in sweeps/sweep.schema.json', () => {
    const schema = sweepJsonSchema();
    expect(JSON.parse(readFileSync(join(ROOT, 'sweeps', 'sweep.schema.json'), 'utf8')), 'regenerate: node cli/r2p-sim.mjs sweep schema > sweeps/sweep.schema.json').toEqual(schema);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    for (const f of EXAMPLES) expect(validate(JSON.parse(readFileSync(join(ROOT, 'sweeps', f), 'utf8'))), `${f}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    expect(validate({ id: 'x', factors: [], design: { kind: 'grid' }, outcomes: ['deaths'], extra: 1 })).toBe(false);
  });

  it('`r2p-sim sweep schema` prints it', () => {
    const r = cli('sweep', 'schema');
    expect(r.status, r.what).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(sweepJsonSchema());
  });
});

describe('errors name the file, the path, the value and what was expected', () => {
  it('bad JSON: the line and column', () => {
    const e = (() => {
      try {
        parseSweepText('{\n  "id": "x",\n  "factors": [,]\n}', 'bad.json');
      } catch (x) {
        return x as SweepError;
      }
      throw new Error('accepted');
    })();
    expect(e).toBeInstanceOf(ParamError);
    expect(e.message).toMatch(/^bad\.json: \(top level\): got .*expected valid JSON \(line 3, column \d+: /);
  });

  it('an unknown field, with the nearest known one', () => {
    const i = issueAt(refusal(smallSweep({ replicate: 3 })), 'replicate');
    expect(i.value).toBe(3);
    expect(i.expected).toMatch(/no field "replicate" here \(did you mean "replicates"\?\)/);
    const j = issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', mn: 0, max: 1 }] })), 'factors[0].mn');
    expect(j.expected).toMatch(/did you mean "min"/);
  });

  it('a wrong type or a missing field', () => {
    issueAt(refusal(smallSweep({ replicates: 'three' })), 'replicates');
    const e = refusal({ id: 'x', factors: [], design: { kind: 'grid' } });
    expect(issueAt(e, 'outcomes').expected).toMatch(/required/);
    const d = issueAt(refusal(smallSweep({ design: { kind: 'factorial' } })), 'design.kind');
    expect(d.expected).toMatch(/"grid", "lhs", "morris", "sobol"/);
  });

  it('the message is one line per problem: FILE: PATH: got VALUE, expected ...', () => {
    const e = refusal(smallSweep({ factors: [{ param: 'incitement', min: 0.2, max: 1.5 }], design: { kind: 'lhs', samples: 4 } }), 'my-sweep.json');
    expect(e.message.split('\n')[0]).toBe('my-sweep.json: factors[0].max: got 1.5, expected a number from 0 to 1 (the range of parameter incitement)');
  });

  it('every problem is reported, not only the first', () => {
    const e = refusal(smallSweep({ params: { agents: 1000, peoplePerAgent: 50, incitment: 0.5 }, factors: [{ param: 'deterence', min: 0, max: 1, steps: 3 }], outcomes: ['deaths', 'nope'] }));
    expect(e.issues!.map((i) => i.path).sort()).toEqual(['factors[0].param', 'outcomes[1]', 'params.incitment']);
    expect(issueAt(e, 'params.incitment').expected).toMatch(/did you mean "incitement"/);
    expect(issueAt(e, 'factors[0].param').expected).toMatch(/did you mean "deterrence"/);
    expect(e.message).toMatch(/\(2 more problems in test\.json\)/);
  });
});

describe('factors read against the parameter schema', () => {
  it('refuses a range outside the parameter\'s range, at min or max', () => {
    const lo = issueAt(refusal(smallSweep({ factors: [{ param: 'deterrence', min: -0.1, max: 0.5 }], design: { kind: 'lhs', samples: 3 } })), 'factors[0].min');
    expect(lo.value).toBe(-0.1);
    expect(lo.expected).toBe('a number from 0 to 1 (the range of parameter deterrence)');
    const hi = issueAt(refusal(smallSweep({ factors: [{ param: 'networkDegree', min: 2, max: 41 }], design: { kind: 'lhs', samples: 3 } })), 'factors[0].max');
    expect(hi.expected).toBe('an integer from 2 to 40 (the range of parameter networkDegree)');
  });

  it('refuses a level outside the range and a non-integer level of an integer parameter', () => {
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', levels: [0.5, 2] }] })), 'factors[0].levels[1]');
    const i = issueAt(refusal(smallSweep({ factors: [{ param: 'networkDegree', levels: [4, 6.5] }] })), 'factors[0].levels[1]');
    expect(i.value).toBe(6.5);
    expect(i.expected).toMatch(/integer/);
  });

  it('refuses a range for an enum or boolean parameter, and a level that is not one of its values', () => {
    expect(issueAt(refusal(smallSweep({ factors: [{ param: 'patron', min: 0, max: 1 }], design: { kind: 'lhs', samples: 2 } })), 'factors[0].min').expected).toMatch(/levels/);
    const i = issueAt(refusal(smallSweep({ factors: [{ param: 'perpetratorType', levels: ['government', 'militia'] }] })), 'factors[0].levels[1]');
    expect(i.expected).toMatch(/"government", "armed-group", "extremist-armed-group"/);
  });

  it('refuses min >= max, min without max, steps without a range, and steps outside a grid', () => {
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', min: 0.5, max: 0.5, steps: 2 }] })), 'factors[0].max');
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', min: 0.5 }] })), 'factors[0].max');
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', levels: [0.1, 0.2], steps: 3 }] })), 'factors[0].steps');
    const s = issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', min: 0, max: 1, steps: 3 }], design: { kind: 'lhs', samples: 3 } })), 'factors[0].steps');
    expect(s.expected).toMatch(/grid/);
  });

  it('refuses a grid factor without levels or steps', () => {
    const i = issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', min: 0, max: 1 }] })), 'factors[0]');
    expect(i.expected).toMatch(/levels or steps/);
  });

  it('refuses more integer steps than the range holds', () => {
    const i = issueAt(refusal(smallSweep({ factors: [{ param: 'networkDegree', min: 4, max: 6, steps: 4 }] })), 'factors[0].steps');
    expect(i.expected).toMatch(/at most 3 steps/);
  });

  it('refuses two factors on one parameter, or with one name', () => {
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', levels: [0.1, 0.2] }, { param: 'incitement', name: 'again', levels: [0.3, 0.4] }] })), 'factors[1].param');
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', levels: [0.1, 0.2] }, { param: 'deterrence', name: 'incitement', levels: [0.3, 0.4] }] })), 'factors[1].name');
  });

  it('refuses an unknown parameter in params, or a value outside its range', () => {
    issueAt(refusal(smallSweep({ params: { agents: 1000, peoplePerAgent: 50, incitement: 3 } })), 'params.incitement');
    expect(issueAt(refusal(smallSweep({ params: { agents: 10, peoplePerAgent: 50 } })), 'params.agents').expected).toMatch(/from 100/);
  });

  it('refuses an agent count the scenario\'s population cannot be spread over', () => {
    const i = issueAt(refusal(smallSweep({ params: { agents: 1000 } })), 'params.agents');
    expect(i.expected).toMatch(/at least 10,000 agents/);
  });
});

describe('the schedule: a change\'s value or tick as a factor', () => {
  it('accepts {factor} for the value or the tick', () => {
    const r = resolve(smallSweep({ schedule: ['counterMessaging={cm}@{day}', 'deterrence=0.8@40'], factors: [{ name: 'cm', levels: [0.3, 0.9] }, { name: 'day', min: 10, max: 60, steps: 3 }] }));
    expect(r.factors.map((f) => [f.name, f.target.kind, f.kind])).toEqual([
      ['cm', 'value', 'number'],
      ['day', 'tick', 'integer'],
    ]);
  });

  it('refuses a tick factor beyond the run, a tick past the end, a placeholder naming no factor', () => {
    const t = issueAt(refusal(smallSweep({ schedule: ['counterMessaging=0.7@{day}'], factors: [{ name: 'day', levels: [10, 80] }] })), 'factors[0].levels[1]');
    expect(t.expected).toMatch(/a day of the run, an integer from 0 to 79 \(runs last 80 days\)/);
    issueAt(refusal(smallSweep({ schedule: ['counterMessaging=0.7@90'] })), 'schedule[0]');
    const p = issueAt(refusal(smallSweep({ schedule: ['counterMessaging=0.7@{dya}'] })), 'schedule[0]');
    expect(p.expected).toMatch(/placeholder \{dya\} naming a factor/);
  });

  it('refuses a value factor out of the changed parameter\'s range', () => {
    const i = issueAt(refusal(smallSweep({ schedule: ['counterMessaging={cm}@30'], factors: [{ name: 'cm', min: 0.5, max: 1.2 }], design: { kind: 'lhs', samples: 2 } })), 'factors[0].max');
    expect(i.expected).toMatch(/range of parameter counterMessaging/);
  });

  it('refuses the day of a structural parameter as a factor, and a mid-run change of one', () => {
    expect(issueAt(refusal(smallSweep({ schedule: ['agents=2000@{day}'], factors: [{ name: 'day', levels: [1, 2] }] })), 'schedule[0]').expected).toMatch(/set-up/);
    issueAt(refusal(smallSweep({ schedule: ['networkDegree=10@5'] })), 'schedule[0]');
  });

  it('refuses a factor without "param" that no change uses, saying how to vary the parameter', () => {
    const i = issueAt(refusal(smallSweep({ factors: [{ name: 'incitement', levels: [0.2, 0.4] }] })), 'factors[0].name');
    expect(i.expected).toMatch(/"param": "incitement"/);
  });

  it('refuses a factor with "param" that the schedule uses too, and one used as both a value and a tick', () => {
    issueAt(refusal(smallSweep({ schedule: ['counterMessaging={incitement}@20'], factors: [{ param: 'incitement', levels: [0.2, 0.4] }] })), 'factors[0].param');
    issueAt(refusal(smallSweep({ schedule: ['counterMessaging=0.5@{x}', 'deterrence={x}@10'], factors: [{ name: 'x', levels: [1, 2] }] })), 'factors[0].name');
  });
});

describe('designs and outcomes', () => {
  it('refuses a design without factors (but a grid of none is one point)', () => {
    issueAt(refusal(smallSweep({ factors: [], design: { kind: 'lhs', samples: 4 } })), 'factors');
    expect(resolve(smallSweep({ factors: [] })).points).toBe(1);
  });

  it('refuses odd Morris levels and a Sobol design of one sample', () => {
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', min: 0, max: 1 }], design: { kind: 'morris', trajectories: 3, levels: 5 } })), 'design.levels');
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', min: 0, max: 1 }], design: { kind: 'sobol', samples: 1 } })), 'design.samples');
  });

  it('refuses an outcome that is no summary field, a list field, an unknown series', () => {
    expect(issueAt(refusal(smallSweep({ outcomes: ['deathsPeeple'] })), 'outcomes[0]').expected).toMatch(/a field of the run summary/);
    expect(issueAt(refusal(smallSweep({ outcomes: ['councilMeasures'] })), 'outcomes[0]').expected).toMatch(/count\(councilMeasures\)/);
    issueAt(refusal(smallSweep({ outcomes: [{ series: 'deads', stat: 'max' }] })), 'outcomes[0].series');
  });

  it('refuses an expression naming an unknown variable, series or figure', () => {
    expect(issueAt(refusal(smallSweep({ outcomes: [{ name: 'x', expr: 'deathsPeople / population' }] })), 'outcomes[0].expr').expected).toMatch(/not "population"/);
    expect(issueAt(refusal(smallSweep({ outcomes: [{ name: 'x', expr: 'max(series.deads)' }] })), 'outcomes[0].expr').expected).toMatch(/series\.deads/);
    expect(issueAt(refusal(smallSweep({ outcomes: [{ name: 'x', expr: 'scenario.affectedPopulation' }] })), 'outcomes[0].expr').expected).toMatch(/a known documented figure \(hateMediaReach, incitementIntensity\)/);
    // A scenario file that documents no feature (the default scenario before r2p-luck-2018/8) has no figures to name.
    const featureless = smallSweep({ scenario: 'test/fixtures/app-sweep/grid/scenario.json', outcomes: [{ name: 'x', expr: 'scenario.affectedPopulation' }] });
    expect(issueAt(refusal(featureless), 'outcomes[0].expr').expected).toMatch(/documents no figures/);
  });

  it('refuses column names used twice or taken by the fixed columns', () => {
    issueAt(refusal(smallSweep({ outcomes: ['deathsPeople', { name: 'deathsPeople', expr: 'deaths' }] })), 'outcomes[1]');
    issueAt(refusal(smallSweep({ factors: [{ param: 'incitement', name: 'seed', levels: [0.2, 0.4] }] })), 'factors[0]');
    issueAt(refusal(smallSweep({ outcomes: [{ name: 'incitement', expr: 'deaths' }] })), 'outcomes[0]');
  });

  it('refuses a scenario for another model, and an unknown scenario', () => {
    issueAt(refusal({ id: 'e', model: 'epstein-civil-violence', scenario: 'default', factors: [], design: { kind: 'grid' }, outcomes: ['ticks'] }), 'scenario');
    expect(issueAt(refusal(smallSweep({ scenario: 'rwnda-1994' })), 'scenario').expected).toMatch(/did you mean "rwanda-1994"/);
  });

  it('runs the reference models, with their presets', () => {
    const r = resolve({ id: 'e', model: 'epstein-civil-violence', preset: 'mesa', ticks: 20, factors: [{ param: 'legitimacy', min: 0.5, max: 0.9 }], design: { kind: 'lhs', samples: 3 }, outcomes: ['peakActive', 'outbursts'] });
    expect(r.model.id).toBe('epstein-civil-violence');
    expect(r.scenario).toBeNull();
    expect(Object.keys(r.baseParams()).length).toBeGreaterThan(0);
  });
});

describe('the CLI reports a bad sweep file in one line, exit 2', () => {
  it('names the file, the path, the value and what was expected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'r2p-sweep-bad-'));
    try {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(smallSweep({ factors: [{ param: 'incitement', min: 0.2, max: 1.5 }], design: { kind: 'lhs', samples: 4 } })));
      const r = cli('sweep', file, '--out', join(dir, 'out'));
      expect(r.status, r.what).toBe(2);
      expect(r.stderr.trim()).toBe(`r2p-sim: error: ${file}: factors[0].max: got 1.5, expected a number from 0 to 1 (the range of parameter incitement)`);
      const missing = cli('sweep', 'check', join(dir, 'none.json'));
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/none\.json: cannot read the sweep file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
