/**
 * Scenarios: the built-in files are valid and complete, the one mapping is consistent with the
 * parameter schema, quotes of the article are verbatim, the JSON Schema agrees with the
 * validator, and bad files fail with errors that name the file, the path, the value and what
 * was expected. The timeline puts each event on the right day (checked against days counted by
 * hand and by an independent calendar) and refuses what cannot be placed; the resolution rule
 * keeps the mass-atrocity threshold at 20 agents or more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKS, PARAM_BY_NAME, PARAM_DEFS, ParamError, checkValue, defaultParams, type ParamName } from '../sim/index';
import {
  AFTERMATH_DAYS,
  BUILT_IN,
  BUILT_IN_FILES,
  CASES,
  EVENT_KINDS,
  EVENT_PARAM,
  FEATURE_DEFS,
  MAX_RESOLUTION_AGENTS,
  MIN_THRESHOLD_AGENTS,
  ScenarioError,
  builtInScenario,
  featureParams,
  featureTargets,
  leastAgents,
  parseScenario,
  placeEvents,
  scenarioDate,
  scenarioJsonSchema,
  scenarioMapping,
  scenarioParams,
  scenarioTicks,
  validateScenario,
  type Scenario,
} from '../scenarios/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLE = readFileSync(join(ROOT, 'docs/sources/luck-2018-why-the-un-underperforms.txt'), 'utf8');

/** Scenario files under dir (the targets beside them are not scenarios: test/targets.test.ts). */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'targets' ? [] : jsonFiles(join(dir, e.name))) : e.name.endsWith('.json') && e.name !== 'scenario.schema.json' ? [join(dir, e.name)] : [],
  );
}

/** Catch a ScenarioError and return it (fails the test if anything else happens). */
function scenarioError(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('expected a ScenarioError, got none');
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const rwanda = () => clone(BUILT_IN.find((s) => s.id === 'rwanda-1994')) as unknown as Record<string, any>;
const builtIn = (id: string) => clone(BUILT_IN.find((s) => s.id === id)) as unknown as Record<string, any>;

/** Days from `a` to `b` counted with a calendar walk, independent of timeline.ts's arithmetic. */
function calendarDays(a: string, b: string): number {
  const lengths = (y: number) => [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const parse = (d: string) => d.split('-').map(Number);
  let [y, m, d] = parse(a);
  const [yb, mb, db] = parse(b);
  const sign = a <= b ? 1 : -1;
  if (sign < 0) return -calendarDays(b, a);
  let n = 0;
  while (y !== yb || m !== mb || d !== db) {
    d++;
    if (d > lengths(y)[m - 1]) {
      d = 1;
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
    n++;
  }
  return n;
}

describe('built-in scenarios', () => {
  it('every JSON file in scenarios/ is registered, and each id matches its file name', () => {
    const onDisk = jsonFiles(join(ROOT, 'scenarios')).map((f) => relative(ROOT, f).replaceAll('\\', '/')).sort();
    expect([...BUILT_IN_FILES].sort()).toEqual(onDisk);
    BUILT_IN.forEach((s, i) => expect(BUILT_IN_FILES[i].endsWith(`/${s.id}.json`), s.id).toBe(true));
    expect(new Set(BUILT_IN.map((s) => s.id)).size).toBe(BUILT_IN.length);
  });

  it('has the fifteen cases, five teaching scenarios and a generic default', () => {
    expect(CASES.map((s) => s.id).sort()).toEqual(
      [
        'kenya-2008', 'kyrgyzstan-2010', 'libya-2011', 'rwanda-1994', 'sri-lanka-2009', 'srebrenica-1995', 'syria-2011',
        'east-timor-1999', 'zimbabwe-2008', 'mali-2013', 'kenya-2013', 'south-sudan-2013', 'iraq-sinjar-2014', 'burundi-2015', 'myanmar-2017',
      ].sort(),
    );
    // Every verdict is represented among the cases (issue 13: prevented, curbed and failed).
    expect(new Set(CASES.map((s) => s.articleReading?.verdict))).toEqual(new Set(['prevented', 'curbed', 'failed']));
    expect(BUILT_IN.filter((s) => s.kind === 'teaching').map((s) => s.id).sort()).toEqual(
      ['incitement-cascade', 'patron-block-uniting-for-peace', 'quiet-diplomacy-divided-regime', 'safe-area-without-capacity', 'self-censoring-secretariat'].sort(),
    );
    expect(BUILT_IN.find((s) => s.id === 'default')?.kind).toBe('generic');
  });

  it('every case documents its features with sources and carries the article\'s reading', () => {
    for (const s of CASES) {
      expect(Object.keys(s.features).length, s.id).toBeGreaterThanOrEqual(10);
      for (const [name, f] of Object.entries(s.features)) expect(f.source.trim().length, `${s.id}.${name}`).toBeGreaterThan(10);
      expect(s.articleReading?.source, s.id).toMatch(/Luck 2018/);
    }
  });

  it('teaching scenarios each isolate a mechanism: a few features and one suggested comparison', () => {
    for (const s of BUILT_IN.filter((x) => x.kind === 'teaching')) {
      expect(Object.keys(s.features).length, s.id).toBeLessThanOrEqual(5);
      expect(s.suggestedComparison?.set.length, s.id).toBeGreaterThan(0);
      // The comparison changes something: its second arm differs from the first.
      const a = scenarioParams(s);
      const changed = s.suggestedComparison!.set.map((t) => t.split('=')[0].trim()).filter((n) => a[n as ParamName] !== undefined);
      expect(changed.length, s.id).toBeGreaterThan(0);
    }
  });

  it('quotes attributed to the article are verbatim (sources, readings and the mapping\'s reasons)', () => {
    const norm = (t: string) =>
      t.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[—–]/g, '-').replace(/\*/g, '').replace(/\s+/g, ' ').toLowerCase();
    const article = norm(ARTICLE);
    const texts: string[] = FEATURE_DEFS.map((d) => d.why);
    for (const s of BUILT_IN) {
      for (const f of Object.values(s.features)) texts.push(f.source, f.note ?? '');
      if (s.articleReading) texts.push(s.articleReading.source, s.articleReading.note ?? '');
    }
    const missing: string[] = [];
    let checked = 0;
    for (const t of texts.filter((x) => /Luck 2018/.test(x))) {
      // Only the quotes that follow the citation of the article.
      const afterCitation = t.slice(t.indexOf('Luck 2018'));
      for (const m of afterCitation.matchAll(/"([^"]{12,}?)"/g)) {
        for (let part of m[1].split(/\.\.\.|…/)) {
          part = norm(part).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
          if (part.length < 8) continue;
          checked++;
          if (!article.includes(part)) missing.push(part);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing, 'quoted passages not found in the article').toEqual([]);
  });
});

describe('the mapping from features to parameters', () => {
  it('a case profile\u2019s left-out feature takes its neutral level (origin neutral); a teaching scenario keeps the default', () => {
    const bare = (kind: Scenario['kind']): Scenario => ({ ...builtInScenario('kenya-2008')!, kind, features: {}, timeline: kind === 'case' ? builtInScenario('kenya-2008')!.timeline : { days: 100, events: [] } });
    const asCase = scenarioMapping(bare('case'));
    const asTeaching = scenarioMapping(bare('teaching'));
    const defaults = defaultParams();
    for (const d of FEATURE_DEFS) {
      if (d.kind !== 'levels') continue;
      expect(Object.keys(d.levels), `${d.name}: neutral level`).toContain(d.neutral);
      for (const [name, value] of Object.entries(d.levels[d.neutral])) {
        expect(asCase.params[name as ParamName], `${d.name} -> ${name}`).toBe(value);
        expect(asCase.origins[name as ParamName]).toEqual({ from: 'neutral', feature: d.name, level: d.neutral });
        expect(asTeaching.params[name as ParamName], `${d.name} -> ${name} (teaching)`).toBe(defaults[name as ParamName]);
      }
    }
    // Silence never means hate media on the air: the neutral reach is the lowest level.
    expect(asCase.params.incitementReach).toBe(0.05);
    expect(defaults.incitementReach).toBeGreaterThan(0.05);
  });

  it('no two features set the same parameter, and every target is a parameter of the schema', () => {
    const owner = new Map<string, string>();
    for (const d of FEATURE_DEFS) {
      for (const p of featureTargets(d)) {
        expect(PARAM_BY_NAME.has(p as ParamName), `${d.name} -> ${p}`).toBe(true);
        expect(owner.get(p), `${p} is set by ${owner.get(p)} and ${d.name}`).toBeUndefined();
        owner.set(p, d.name);
      }
    }
  });

  it('every level sets the same parameters, each to a value the schema allows', () => {
    for (const d of FEATURE_DEFS) {
      if (d.kind === 'count') {
        for (const v of [d.min, d.max]) {
          const [[name, value]] = Object.entries(featureParams(d, v, defaultParams().agents));
          expect(() => checkValue(PARAM_BY_NAME.get(name as ParamName)!, value), `${d.name}=${v}`).not.toThrow();
        }
        continue;
      }
      const targets = featureTargets(d).sort();
      for (const [level, m] of Object.entries(d.levels)) {
        expect(Object.keys(m).sort(), `${d.name}=${level}`).toEqual(targets);
        for (const [name, value] of Object.entries(m)) expect(() => checkValue(PARAM_BY_NAME.get(name as ParamName)!, value)).not.toThrow();
      }
    }
  });

  it('graded levels run in one direction (least to most)', () => {
    for (const d of FEATURE_DEFS) {
      if (d.kind !== 'levels') continue;
      for (const p of featureTargets(d)) {
        const vs = Object.values(d.levels).map((m) => m[p]);
        if (!vs.every((v) => typeof v === 'number')) continue;
        const nums = vs as number[];
        const up = nums.every((v, i) => i === 0 || v >= nums[i - 1]);
        const down = nums.every((v, i) => i === 0 || v <= nums[i - 1]);
        expect(up || down, `${d.name} -> ${p}: ${nums.join(', ')}`).toBe(true);
      }
    }
  });

  it('defaults, then features, then overrides; each value keeps its origin', () => {
    // The default scenario is every default but its two documented levels (local hate media at
    // their most extreme), with its stylised election on day 60.
    expect(scenarioParams(BUILT_IN.find((s) => s.id === 'default')!)).toEqual({ ...defaultParams(), incitementReach: 0.3, incitement: 0.8, electionDay: 60 });
    const s = rwanda();
    s.features.armedConflict = { value: 'none', source: 'test' };
    s.features.patron = { value: 'yes', source: 'test' };
    s.overrides = { patron: { value: false, reason: 'test: an override beats the feature' } };
    const m = scenarioMapping(validateScenario(s, 'test.json'));
    expect(m.params.armedConflict).toBe(0);
    expect(m.origins.armedConflict).toEqual({ from: 'feature', feature: 'armedConflict', level: 'none' });
    expect(m.params.patron).toBe(false);
    expect(m.origins.patron).toEqual({ from: 'override', reason: 'test: an override beats the feature' });
    expect(m.origins.killRate).toEqual({ from: 'default' });
    expect(m.params.killRate).toBe(defaultParams().killRate);
  });

  it('percent counts map to exact shares', () => {
    const d = FEATURE_DEFS.find((f) => f.name === 'targetGroupShare')!;
    expect(featureParams(d, 14, 10_000)).toEqual({ targetShare: 0.14 });
    expect(featureParams(d, 7, 10_000)).toEqual({ targetShare: 0.07 });
  });

  it('the affected population is spread over the agents, whatever their number', () => {
    const s = rwanda();
    s.features.affectedPopulation = { value: 7500, source: 'test' };
    const v = validateScenario(s, 'test.json');
    // 7.5 million people need 150,000 agents for the threshold to be 20 agents: raised to that.
    expect(scenarioParams(v).agents).toBe(150_000);
    expect(scenarioParams(v).peoplePerAgent).toBe(50);
    const p = scenarioParams(v, 'test.json', 300_000);
    expect(p.agents).toBe(300_000);
    expect(p.peoplePerAgent).toBe(25);
    expect(scenarioMapping(v, 'test.json', 300_000).origins.peoplePerAgent).toMatchObject({ from: 'resolution', agents: 300_000 });
    // Too many agents for the population: the error says which counts would work (none below
    // the resolution rule's least).
    s.features.affectedPopulation.value = 1000;
    expect(() => scenarioParams(validateScenario(s, 'test.json'), 'test.json', 2_000_000)).toThrow(
      /^test\.json: features\.affectedPopulation over 2000000 agents: got 1000, expected .*peoplePerAgent from 1 to 100000 \(got 0\.5\); with this population choose between 20000 and 1000000 agents/,
    );
  });

  it('every built-in scenario maps to a full, valid parameter set', () => {
    for (const s of BUILT_IN) {
      const p = scenarioParams(s);
      for (const d of PARAM_DEFS) expect(() => checkValue(d, p[d.name]), `${s.id}.${d.name}`).not.toThrow();
    }
  });
});

describe('the JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(scenarioJsonSchema());

  it('is committed as scenarios/scenario.schema.json, up to date', () => {
    const onDisk = readFileSync(join(ROOT, 'scenarios/scenario.schema.json'), 'utf8');
    expect(onDisk, 'regenerate: npm run docs').toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });

  it('accepts every built-in file and rejects what the validator rejects', () => {
    for (const f of BUILT_IN_FILES) expect(validate(JSON.parse(readFileSync(join(ROOT, f), 'utf8'))), `${f}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    const bad: [string, (s: Record<string, any>) => void][] = [
      ['unknown field', (s) => (s.colour = 'red')],
      ['unknown feature', (s) => (s.features.weather = { value: 'rain', source: 'x' })],
      ['level not allowed', (s) => (s.features.armedConflict.value = 'war')],
      ['feature without a source', (s) => delete s.features.armedConflict.source],
      ['blank source', (s) => (s.features.armedConflict.source = '   ')],
      ['count out of range', (s) => (s.features.targetGroupShare = { value: 95, source: 'x' })],
      ['override out of range', (s) => (s.overrides.killRate = { value: 2, reason: 'x' })],
      ['override without reason', (s) => (s.overrides.killRate = { value: 0.1 })],
      ['case without the article\'s reading', (s) => delete s.articleReading],
      ['bad kind', (s) => (s.kind = 'story')],
      ['bad id', (s) => (s.id = 'Rwanda 1994')],
      ['case without a timeline', (s) => delete s.timeline],
      ['case timeline without opens', (s) => delete s.timeline.opens],
      ['both styles', (s) => (s.timeline.days = 300)],
      ['an event by day in a dated timeline', (s) => (s.timeline.events[1] = { ...s.timeline.events[1], day: 3 })],
      ['an event without a date in a dated timeline', (s) => delete s.timeline.events[1].date],
      ['a date not YYYY-MM-DD', (s) => (s.timeline.events[1].date = '6 April 1994')],
      ['an unknown kind of event', (s) => (s.timeline.events[1].kind = 'massacre')],
      ['an event without a source', (s) => delete s.timeline.events[1].source],
      ['opens without a source', (s) => delete s.timeline.opens.source],
      ['an unknown field in an event', (s) => (s.timeline.events[1].when = 'spring')],
    ];
    for (const [what, mutate] of bad) {
      const s = rwanda();
      mutate(s);
      expect(validate(s), `JSON Schema should reject: ${what}`).toBe(false);
      scenarioError(() => validateScenario(s, 'x.json'));
    }
    // Stylised timelines: both the schema and the validator refuse dates in them, and both styles.
    const badTeaching: [string, (s: Record<string, any>) => void][] = [
      ['an event by date in a stylised timeline', (s) => (s.timeline.events[0].date = '2020-01-01')],
      ['opens beside days', (s) => (s.timeline.opens = { date: '2020-01-01', source: 'x' })],
      ['neither days nor dates', (s) => delete s.timeline.days],
    ];
    for (const [what, mutate] of badTeaching) {
      const s = builtIn('incitement-cascade');
      mutate(s);
      expect(validate(s), `JSON Schema should reject: ${what}`).toBe(false);
      scenarioError(() => validateScenario(s, 'x.json'));
    }
    // A teaching scenario may be dated, or have no timeline at all.
    const dated = builtIn('incitement-cascade');
    dated.timeline = { opens: { date: '2020-01-01', source: 'x' }, closes: { date: '2020-03-31', source: 'x' }, events: [] };
    expect(validate(dated), ajv.errorsText(validate.errors)).toBe(true);
    expect(scenarioTicks(validateScenario(dated, 'x.json'))).toBe(91 + AFTERMATH_DAYS);
    const none = builtIn('incitement-cascade');
    delete none.timeline;
    expect(validate(none), ajv.errorsText(validate.errors)).toBe(true);
    expect(scenarioTicks(validateScenario(none, 'x.json'))).toBe(DEFAULT_TICKS);
  });
});

describe('scenario errors name the file, the path, the value and what was expected', () => {
  const text = (s: unknown) => JSON.stringify(s, null, 2);

  it('bad JSON, with line and column', () => {
    const e = scenarioError(() => parseScenario('{\n  "id": "x",\n  "kind": }', 'my.json'));
    expect(e.message).toMatch(/^my\.json: \(top level\): got .*expected valid JSON/);
    expect(e.message).toMatch(/line 3, column \d+/);
  });

  it('an unknown field, with a suggestion', () => {
    const s = rwanda();
    s.features.armedConflit = s.features.armedConflict;
    const e = scenarioError(() => parseScenario(text(s), 'my.json'));
    expect(e.field).toBe('my.json: features.armedConflit');
    expect(e.message).toContain('did you mean "armedConflict"?');
    // Inside a list too: an event's fields.
    const t = rwanda();
    t.timeline.events[1].wht = 'x';
    const e2 = scenarioError(() => parseScenario(text(t), 'my.json'));
    expect(e2.field).toBe('my.json: timeline.events[1].wht');
    expect(e2.expected).toBe('no field "wht" here (did you mean "what"?); allowed: date, day, kind, what, source, note');
  });

  it('a wrong type, a level out of the list, a number out of range', () => {
    const cases: [(s: Record<string, any>) => void, string, unknown, RegExp][] = [
      [(s) => (s.features.patron.value = true), 'features.patron.value', true, /one of "no", "yes"/],
      [(s) => (s.features.armedConflict.value = 'war'), 'features.armedConflict.value', 'war', /one of "none", "instability", "civil-war"/],
      [(s) => (s.features.targetGroupShare = { value: 140, source: 'census' }), 'features.targetGroupShare.value', 140, /integer from 1 to 90/],
      [(s) => (s.overrides.killRate = { value: 'fast', reason: 'r' }), 'overrides.killRate.value', 'fast', /a number from 0 to 1/],
      [(s) => (s.title = 42), 'title', 42, /a title/],
      [(s) => (s.articleReading.verdict = 'mixed'), 'articleReading.verdict', 'mixed', /one of "prevented", "curbed", "failed"/],
    ];
    for (const [mutate, path, value, expected] of cases) {
      const s = rwanda();
      mutate(s);
      const e = scenarioError(() => parseScenario(text(s), 'my.json'));
      expect(e.field).toBe(`my.json: ${path}`);
      expect(e.value).toEqual(value);
      expect(e.expected).toMatch(expected);
      expect(e.message).toContain(`got ${JSON.stringify(value)}`);
    }
  });

  it('a feature without a source, and a missing required field', () => {
    const s = rwanda();
    delete s.features.patron.source;
    delete s.summary;
    const e = scenarioError(() => parseScenario(text(s), 'my.json'));
    const paths = e.issues.map((i) => i.path);
    expect(paths).toContain('features.patron.source');
    expect(paths).toContain('summary');
    expect(e.issues.find((i) => i.path === 'features.patron.source')?.expected).toMatch(/required field.*document and page or paragraph/);
    expect(e.message).toContain('more problem');
  });

  it('a suggested comparison whose setting does not parse', () => {
    const s = clone(BUILT_IN.find((x) => x.id === 'incitement-cascade')) as unknown as Record<string, any>;
    s.suggestedComparison.set = ['counterMesaging=0.7@15'];
    const e = scenarioError(() => parseScenario(text(s), 'teach.json'));
    expect(e.field).toBe('teach.json: suggestedComparison.set[0]');
    expect(e.expected).toContain('did you mean "counterMessaging"?');
  });

  it('not an object at all', () => {
    for (const t of ['null', '[]', '"rwanda"', '42']) {
      const e = scenarioError(() => parseScenario(t, 'my.json'));
      expect(e.message).toMatch(/^my\.json: /);
      expect(e.message).toMatch(/expected/);
    }
  });
});

describe('the timeline', () => {
  /** Each case's day parameters and run length, counted by hand from its dates. */
  const EXPECTED: Record<string, { days: Partial<Record<ParamName, number>>; ticks: number; opens: string }> = {
    // 1993-10-05 to 1994-04-06: 26 + 30 + 31 + 31 + 28 + 31 + 6 = 183; to 1994-07-18: 286 (+1 +60).
    'rwanda-1994': { days: { agreementDay: 0, leaderKilledDay: 183, offensiveDay: 184 }, ticks: 347, opens: '1993-10-05' },
    'srebrenica-1995': { days: { offensiveDay: 0, townFallsDay: 5 }, ticks: 75, opens: '1995-07-06' },
    // 2007-12-01: 30 Dec = 29, 22 Jan = 31 + 21 = 52, 29 Jan = 59; to 29 Feb 2008 (a leap year): 90.
    'kenya-2008': { days: { electionDay: 29, mediationStartDay: 52, leaderKilledDay: 59 }, ticks: 151, opens: '2007-12-01' },
    'sri-lanka-2009': { days: { offensiveDay: 0, townFallsDay: 123 }, ticks: 321, opens: '2008-09-01' },
    'kyrgyzstan-2010': { days: { coupDay: 0, clashDay: 64 }, ticks: 142, opens: '2010-04-07' },
    // 2011-02-15 to 2011-03-19: 13 (February 2011 has 28 days) + 19 = 32.
    'libya-2011': { days: { uprisingDay: 0, offensiveDay: 32 }, ticks: 105, opens: '2011-02-15' },
    'syria-2011': { days: { uprisingDay: 0, offensiveDay: 38 }, ticks: 330, opens: '2011-03-18' },
    // 1999-08-30: 4 Sep = 1 + 4 = 5, 20 Sep = 21; the agreement of 5 May predates the period: day 0.
    'east-timor-1999': { days: { agreementDay: 0, electionDay: 5, offensiveDay: 5, outsideForceDay: 21 }, ticks: 117, opens: '1999-08-30' },
    // 2008-03-01: 29 Mar = 28, 1 Apr = 31.
    'zimbabwe-2008': { days: { electionDay: 28, offensiveDay: 31 }, ticks: 260, opens: '2008-03-01' },
    // 2012-01-17 (2012 a leap year): 22 Mar = 14 + 29 + 22 = 65, 30 Mar = 73, 9 Jun = 73 + 31 + 31 + 9 = 144, 27 Jun = 162, 11 Jan 2013 = 366 - 6 = 360.
    'mali-2013': { days: { offensiveDay: 0, coupDay: 65, townFallsDay: 73, mediationStartDay: 144, leadershipChangeDay: 162, outsideForceDay: 360 }, ticks: 592, opens: '2012-01-17' },
    // 2013-02-04: 9 Mar = 24 + 9 = 33.
    'kenya-2013': { days: { electionDay: 33 }, ticks: 116, opens: '2013-02-04' },
    // 2013-12-15: 16 Dec = 1, 3 Jan 2014 = 16 + 3 = 19.
    'south-sudan-2013': { days: { clashDay: 0, offensiveDay: 1, mediationStartDay: 19 }, ticks: 206, opens: '2013-12-15' },
    'iraq-sinjar-2014': { days: { offensiveDay: 0, townFallsDay: 0, outsideForceDay: 5 }, ticks: 89, opens: '2014-08-03' },
    // 2015-04-25: 26 Apr = 1, 13 May = 5 + 13 = 18, 14 Jul = 5 + 31 + 30 + 14 = 80, 21 Jul = 87, 2 Aug = 99, 11 Dec = 99 + 29 + 30 + 31 + 30 + 31 - 20 = 230.
    'burundi-2015': { days: { uprisingDay: 1, coupDay: 18, mediationStartDay: 80, electionDay: 87, leaderKilledDay: 99, offensiveDay: 230 }, ticks: 342, opens: '2015-04-25' },
    'myanmar-2017': { days: { clashDay: 0, offensiveDay: 0 }, ticks: 91, opens: '2017-08-25' },
  };

  it('puts every case event on its day, counted from the day the period opens', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(CASES.map((s) => s.id).sort());
    for (const s of CASES) {
      const want = EXPECTED[s.id];
      const { params, origins, ticks } = scenarioMapping(s);
      for (const [name, day] of Object.entries(want.days)) expect(params[name as ParamName], `${s.id}.${name}`).toBe(day);
      // Kinds without an event keep their defaults (none; the mediation track open from day 0).
      for (const kind of EVENT_KINDS) {
        const p = EVENT_PARAM[kind];
        if (!(p in want.days)) expect(params[p], `${s.id}.${p}`).toBe(defaultParams()[p]);
        else expect(origins[p], `${s.id}.${p}`).toMatchObject({ from: 'timeline', kind, day: want.days[p] });
      }
      expect(ticks, s.id).toBe(want.ticks);
      expect(scenarioTicks(s), s.id).toBe(want.ticks);
      expect(s.timeline!.opens!.date, s.id).toBe(want.opens);
    }
  });

  it('agrees with an independent calendar, and dates every day back to its event', () => {
    for (const s of CASES) {
      const t = s.timeline!;
      const { params } = scenarioMapping(s);
      expect(scenarioTicks(s), s.id).toBe(calendarDays(t.opens!.date, t.closes!.date) + 1 + AFTERMATH_DAYS);
      for (const e of t.events) {
        const day = Math.max(0, calendarDays(t.opens!.date, e.date!));
        expect(params[EVENT_PARAM[e.kind]], `${s.id} ${e.kind}`).toBe(day);
        if (e.date! >= t.opens!.date) expect(scenarioDate(s, day), `${s.id} ${e.kind}`).toBe(e.date);
      }
      expect(scenarioDate(s, 0)).toBe(t.opens!.date);
      expect(scenarioDate(s, calendarDays(t.opens!.date, t.closes!.date))).toBe(t.closes!.date);
    }
    // Stylised and undated scenarios have no dates.
    expect(scenarioDate(builtInScenario('default')!, 10)).toBeNull();
  });

  it('day arithmetic across month ends, leap days and years (property, against a calendar walk)', () => {
    const dateArb = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1500 }), (opens, a, b) => {
        const closesDay = Math.max(a, b);
        const eventDay = Math.min(a, b);
        const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        const s = builtIn('kenya-2008');
        s.timeline = {
          opens: { date: opens, source: 'test' },
          closes: { date: shift(opens, closesDay), source: 'test' },
          events: [{ date: shift(opens, eventDay), kind: 'coup', what: 'test', source: 'test' }],
        };
        const v = validateScenario(s, 'p.json');
        expect(scenarioMapping(v, 'p.json').params.coupDay).toBe(calendarDays(opens, shift(opens, eventDay)));
        expect(scenarioTicks(v)).toBe(calendarDays(opens, shift(opens, closesDay)) + 1 + AFTERMATH_DAYS);
        expect(scenarioDate(v, eventDay)).toBe(shift(opens, eventDay));
      }),
      { numRuns: 300 },
    );
  });

  it('every case is dated, with sourced period and events, and its period text names the same months', () => {
    for (const s of CASES) {
      const t = s.timeline!;
      expect(t.days, s.id).toBeUndefined();
      expect(t.events.length, s.id).toBeGreaterThan(0);
      for (const x of [t.opens!, t.closes!, ...t.events]) expect(x.source.trim().length, s.id).toBeGreaterThan(20);
      expect(s.period, s.id).toContain(t.opens!.date.slice(0, 7));
      expect(s.period, s.id).toContain(t.closes!.date.slice(0, 7));
    }
    // Teaching and generic scenarios are stylised, each with at least one event.
    for (const s of BUILT_IN.filter((x) => x.kind !== 'case')) {
      expect(s.timeline?.days, s.id).toBeGreaterThan(0);
      expect(s.timeline?.events.length, s.id).toBeGreaterThan(0);
      // The suggested comparison's changes fall inside the run.
      for (const t of s.suggestedComparison?.set ?? []) {
        const at = t.split('@')[1];
        if (at !== undefined) expect(Number(at), `${s.id}: ${t}`).toBeLessThan(scenarioTicks(s));
      }
    }
  });

  it('docs/scenarios.md lists every case timeline as the files give it', () => {
    const doc = readFileSync(join(ROOT, 'docs/scenarios.md'), 'utf8');
    for (const s of CASES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${s.title} |`));
      expect(row, `docs/scenarios.md: no timeline row for ${s.title}`).toBeDefined();
      const t = s.timeline!;
      const { params, ticks } = scenarioMapping(s);
      expect(row).toContain(t.opens!.date);
      expect(row).toContain(t.closes!.date);
      expect(row!.trim().endsWith(`| ${ticks} |`), `${s.id}: run length ${ticks}`).toBe(true);
      for (const e of t.events) {
        expect(row).toContain(`${e.kind} ${e.date}`);
        if (e.date! >= t.opens!.date) expect(row).toContain(`= ${params[EVENT_PARAM[e.kind]]}`);
      }
    }
  });

  it('an agreement before the period opens is already signed (day 0); other events outside the period are refused', () => {
    const s = builtIn('kenya-2008');
    s.timeline.events.push({ date: '2007-06-01', kind: 'agreement', what: 'test', source: 'test' });
    const m = scenarioMapping(validateScenario(s, 'k.json'));
    expect(m.params.agreementDay).toBe(0);
    expect(m.origins.agreementDay).toMatchObject({ from: 'timeline', kind: 'agreement', day: 0, date: '2007-06-01' });

    const before = builtIn('kenya-2008');
    before.timeline.events[0].date = '2007-11-30';
    let e = scenarioError(() => validateScenario(before, 'k.json'));
    expect(e.field).toBe('k.json: timeline.events[0].date');
    expect(e.value).toBe('2007-11-30');
    expect(e.expected).toMatch(/on or after the day the period opens \(2007-12-01\).*only an agreement may predate the period/);

    const after = builtIn('kenya-2008');
    after.timeline.events[2].date = '2008-03-01';
    e = scenarioError(() => validateScenario(after, 'k.json'));
    expect(e.field).toBe('k.json: timeline.events[2].date');
    expect(e.expected).toMatch(/on or before the day the period closes \(2008-02-29\).*cannot be placed on the run's clock/);

    // An agreement after the period closes is refused too; one on the last day is the last day.
    const late = builtIn('kenya-2008');
    late.timeline.events.push({ date: '2008-03-10', kind: 'agreement', what: 'test', source: 'test' });
    expect(scenarioError(() => validateScenario(late, 'k.json')).field).toBe('k.json: timeline.events[3].date');
    late.timeline.events[3].date = '2008-02-29';
    expect(scenarioParams(validateScenario(late, 'k.json')).agreementDay).toBe(90);
  });

  it('two events of one kind are refused: the model takes one of each', () => {
    const s = builtIn('kenya-2008');
    s.timeline.events.push({ date: '2008-01-31', kind: 'leader-killed', what: 'MP David Too killed', source: 'test' });
    const e = scenarioError(() => validateScenario(s, 'k.json'));
    expect(e.field).toBe('k.json: timeline.events[3].kind');
    expect(e.value).toBe('leader-killed');
    expect(e.expected).toBe('a kind not given before (events[2] is already "leader-killed"): the model takes one event of each kind');
    const t = builtIn('default');
    t.timeline.events.push({ day: 100, kind: 'election', what: 'a second election', source: 'test' });
    expect(scenarioError(() => validateScenario(t, 'd.json')).field).toBe('d.json: timeline.events[1].kind');
  });

  it('exactly one style: both, neither, or the wrong one for an event are refused', () => {
    const both = builtIn('kenya-2008');
    both.timeline.days = 200;
    let e = scenarioError(() => validateScenario(both, 'k.json'));
    expect(e.field).toBe('k.json: timeline.days');
    expect(e.expected).toMatch(/^no "days" beside opens and closes: a timeline is either dated .* or stylised .*, never both/);

    const bothTeaching = builtIn('incitement-cascade');
    bothTeaching.timeline.opens = { date: '2020-01-01', source: 'x' };
    bothTeaching.timeline.closes = { date: '2020-02-01', source: 'x' };
    expect(scenarioError(() => validateScenario(bothTeaching, 't.json')).field).toBe('t.json: timeline.days');

    const neither = builtIn('incitement-cascade');
    delete neither.timeline.days;
    e = scenarioError(() => validateScenario(neither, 't.json'));
    expect(e.field).toBe('t.json: timeline.days');
    expect(e.expected).toMatch(/^a required field: the run length in days/);

    const caseByDays = builtIn('kenya-2008');
    caseByDays.timeline = { days: 100, events: [] };
    e = scenarioError(() => validateScenario(caseByDays, 'k.json'));
    expect(e.field).toBe('k.json: timeline.days');
    expect(e.expected).toMatch(/a case is dated/);

    const onlyOpens = builtIn('incitement-cascade');
    onlyOpens.timeline = { opens: { date: '2020-01-01', source: 'x' }, events: [] };
    expect(scenarioError(() => validateScenario(onlyOpens, 't.json')).field).toBe('t.json: timeline.closes');

    const dayInDated = builtIn('kenya-2008');
    dayInDated.timeline.events[0] = { day: 5, kind: 'election', what: 'x', source: 'x' };
    e = scenarioError(() => validateScenario(dayInDated, 'k.json'));
    expect(e.field).toBe('k.json: timeline.events[0].day');
    expect(e.expected).toMatch(/^a date instead of a day: this timeline is dated/);

    const dateInStylised = builtIn('default');
    dateInStylised.timeline.events[0] = { date: '2020-01-05', kind: 'election', what: 'x', source: 'x' };
    e = scenarioError(() => validateScenario(dateInStylised, 'd.json'));
    expect(e.field).toBe('d.json: timeline.events[0].date');
    expect(e.expected).toMatch(/^a day instead of a date: this timeline is stylised/);
  });

  it('refuses dates that do not exist, a period that closes before it opens, and days past the run', () => {
    const cases: [(s: Record<string, any>) => void, string, string, RegExp][] = [
      [(s) => (s.timeline.events[0].date = '2007-12-32'), 'kenya-2008', 'timeline.events[0].date', /a calendar date that exists/],
      [(s) => (s.timeline.closes.date = '2007-02-29'), 'kenya-2008', 'timeline.closes.date', /a calendar date that exists/],
      [(s) => (s.timeline.opens.date = '2007/12/01'), 'kenya-2008', 'timeline.opens.date', /a date YYYY-MM-DD/],
      [(s) => (s.timeline.closes.date = '2007-11-30'), 'kenya-2008', 'timeline.closes.date', /on or after the day the period opens \(2007-12-01\)/],
      [(s) => (s.timeline.closes.date = '2107-11-30'), 'kenya-2008', 'timeline.closes.date', /a period of at most 36440 days/],
      [(s) => (s.timeline.events[0].day = 365), 'default', 'timeline.events[0].day', /a day of the run, from 0 to 364 \(the timeline runs 365 days\)/],
      [(s) => (s.timeline.events[0].day = -1), 'default', 'timeline.events[0].day', /an integer from 0/],
      [(s) => (s.timeline.days = 0), 'default', 'timeline.days', /a run length in days, an integer from 1/],
      [(s) => (s.timeline.events[0].kind = 'massacre'), 'default', 'timeline.events[0].kind', /one of "election", "leader-killed"/],
      [(s) => delete s.timeline.events[0].what, 'default', 'timeline.events[0].what', /required field: what happened/],
      [(s) => delete s.timeline, 'kenya-2008', 'timeline', /required field/],
    ];
    for (const [mutate, id, path, expected] of cases) {
      const s = builtIn(id);
      mutate(s);
      const e = scenarioError(() => validateScenario(s, 'my.json'));
      expect(e.field, `${id}: ${path}`).toBe(`my.json: ${path}`);
      expect(e.expected, `${id}: ${path}`).toMatch(expected);
    }
    // Leap day 2008-02-29 exists; the day after the last day of a 365-day run does not.
    const leap = builtIn('kenya-2008');
    leap.timeline.events[0].date = '2008-02-29';
    expect(scenarioParams(validateScenario(leap, 'k.json')).electionDay).toBe(90);
  });

  it('a timeline that skipped validation is refused by the mapping, naming the file', () => {
    const s = clone(builtInScenario('kenya-2008')!) as Scenario & { timeline: { events: Record<string, unknown>[] } };
    s.timeline.events.push({ date: '2009-01-01', kind: 'coup', what: 'x', source: 'x' });
    expect(() => scenarioMapping(s as Scenario, 'code.json')).toThrow(/^code\.json: timeline\.events\[3\]\.date: got "2009-01-01", expected a date on or before the day the period closes/);
    expect(() => placeEvents(s.timeline as never, 'code.json')).toThrow(ParamError);
  });

  it('overrides beat the timeline, and keep their origin', () => {
    const s = builtIn('kenya-2008');
    s.overrides = { electionDay: { value: 40, reason: 'test: an override beats the timeline' } };
    const m = scenarioMapping(validateScenario(s, 'k.json'));
    expect(m.params.electionDay).toBe(40);
    expect(m.origins.electionDay).toEqual({ from: 'override', reason: 'test: an override beats the timeline' });
  });
});

describe('resolution: the mass-atrocity threshold is at least 20 agents', () => {
  it('every built-in scenario maps to a threshold of 20 agents or more, within the agents the mapping may raise to', () => {
    for (const s of BUILT_IN) {
      const p = scenarioParams(s);
      expect(p.atrocityThreshold / p.peoplePerAgent, s.id).toBeGreaterThanOrEqual(MIN_THRESHOLD_AGENTS);
      expect(p.agents, s.id).toBeLessThanOrEqual(MAX_RESOLUTION_AGENTS);
      expect(p.agents, s.id).toBeGreaterThanOrEqual(defaultParams().agents);
    }
  });

  it('raises the agents of a case whose population needs more, to the least that works, with the reason', () => {
    // 20 agents per 1,000 people (the threshold at 50 people per agent): population / 50.
    const raised: Record<string, number> = {
      'rwanda-1994': 142_000,
      'kenya-2008': 458_440,
      'libya-2011': 113_160,
      'syria-2011': 421_640,
      'east-timor-1999': 17_000,
      'zimbabwe-2008': 144_740,
      'mali-2013': 25_860,
      'kenya-2013': 458_440,
      'south-sudan-2013': 65_540,
      'myanmar-2017': 15_340,
    };
    for (const s of CASES) {
      const m = scenarioMapping(s);
      if (s.id in raised) {
        expect(m.params.agents, s.id).toBe(raised[s.id]);
        expect(m.params.peoplePerAgent, s.id).toBe(50);
        expect(m.origins.agents, s.id).toMatchObject({ from: 'resolution', agents: raised[s.id] });
        const reason = (m.origins.agents as { reason: string }).reason;
        expect(reason).toContain(`to ${raised[s.id].toLocaleString('en-US')} agents`);
        expect(reason).toContain('at least 20 agents');
        // One agent fewer would break the rule.
        expect(m.params.atrocityThreshold / ((m.params.peoplePerAgent * m.params.agents) / (m.params.agents - 1))).toBeLessThan(MIN_THRESHOLD_AGENTS);
      } else {
        expect(m.params.agents, s.id).toBe(defaultParams().agents);
        expect(m.origins.agents, s.id).toEqual({ from: 'default' });
      }
    }
  });

  it('Sri Lanka represents the Vanni, its documented at-risk population, with the target share of the same area', () => {
    const s = builtInScenario('sri-lanka-2009')!;
    expect(s.features.affectedPopulation.value).toBe(330);
    expect(s.features.affectedPopulation.source).toMatch(/Panel of Experts.*para\. 132/);
    expect(s.features.targetGroupShare.note).toMatch(/same area/);
    const p = scenarioParams(s);
    expect(p.agents).toBe(10_000);
    expect(p.peoplePerAgent).toBe(33);
  });

  it('a threshold set in overrides changes the least agents; a population no agent count up to the cap resolves is refused with the fix', () => {
    const k = builtIn('kenya-2008');
    k.overrides = { atrocityThreshold: { value: 5000, reason: 'test' } };
    expect(scenarioParams(validateScenario(k, 'k.json')).agents).toBe(91_688);
    const big = builtIn('kenya-2008');
    big.features.affectedPopulation.value = 30_000;
    let e: unknown;
    try {
      scenarioParams(validateScenario(big, 'big.json'), 'big.json');
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ParamError);
    const err = e as ParamError;
    expect(err.field).toBe('big.json: features.affectedPopulation');
    expect(err.value).toBe(30_000);
    expect(err.expected).toMatch(/at most 500,000 agents: 30,000,000 people need 600,000 agents .*represent the documented at-risk population instead .*or raise atrocityThreshold in overrides/);
  });

  it('an agent count chosen at run time that is too small is refused in one line: the case, the agents, the least, the alternatives', () => {
    for (const [id, least] of [['rwanda-1994', 142_000], ['kenya-2008', 458_440], ['kyrgyzstan-2010', 5_160], ['default', 10_000]] as const) {
      let e: unknown;
      try {
        scenarioParams(builtInScenario(id)!, id, least - 1);
      } catch (x) {
        e = x;
      }
      expect(e, id).toBeInstanceOf(ParamError);
      const msg = (e as Error).message;
      expect(msg, id).not.toContain('\n');
      expect(msg, id).toMatch(new RegExp(`^${id}: --agents: got ${least - 1}, expected at least ${least.toLocaleString('en-US')} agents: `));
      expect(msg, id).toContain('leave --agents out');
      expect(msg, id).toContain(`--agents ${least} or more`);
      expect(msg, id).toContain('--people-per-agent 50 or less');
      // The least itself works.
      expect(scenarioParams(builtInScenario(id)!, id, least).agents, id).toBe(least);
    }
  });

  it('a scale set in overrides that breaks the rule is refused, naming the override', () => {
    const s = builtIn('default');
    s.overrides = { peoplePerAgent: { value: 100, reason: 'test: a coarser scale' } };
    expect(() => scenarioParams(validateScenario(s, 'd.json'), 'd.json')).toThrow(
      /^d\.json: peoplePerAgent: got 100, expected at most 50 people per agent \(overrides\.peoplePerAgent: test: a coarser scale\): the mass-atrocity threshold \(1,000 people\) must be at least 20 agents/,
    );
  });

  it('leastAgents is the fewest agents that satisfy the rule (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 100_000 }), fc.integer({ min: 20, max: 100_000 }), (thousands, threshold) => {
        const people = thousands * 1000;
        const n = leastAgents(people, threshold);
        const round9 = (x: number) => Math.round(x * 1e9) / 1e9;
        expect(threshold / round9(people / n)).toBeGreaterThanOrEqual(MIN_THRESHOLD_AGENTS);
        if (n > 1) expect(threshold / round9(people / (n - 1))).toBeLessThan(MIN_THRESHOLD_AGENTS);
      }),
      { numRuns: 500 },
    );
  });
});
