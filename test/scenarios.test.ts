/**
 * Scenarios: the built-in files are valid and complete, the one mapping is consistent with the
 * parameter schema, quotes of the article are verbatim, the JSON Schema agrees with the
 * validator, and bad files fail with errors that name the file, the path, the value and what
 * was expected.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { PARAM_BY_NAME, PARAM_DEFS, checkValue, defaultParams, type ParamName } from '../sim/index';
import {
  BUILT_IN,
  BUILT_IN_FILES,
  CASES,
  FEATURE_DEFS,
  ScenarioError,
  featureParams,
  featureTargets,
  parseScenario,
  scenarioJsonSchema,
  scenarioMapping,
  scenarioParams,
  validateScenario,
} from '../scenarios/index';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLE = readFileSync(join(ROOT, 'docs/sources/luck-2018-why-the-un-underperforms.txt'), 'utf8');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') && e.name !== 'scenario.schema.json' ? [join(dir, e.name)] : [],
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

describe('built-in scenarios', () => {
  it('every JSON file in scenarios/ is registered, and each id matches its file name', () => {
    const onDisk = jsonFiles(join(ROOT, 'scenarios')).map((f) => relative(ROOT, f).replaceAll('\\', '/')).sort();
    expect([...BUILT_IN_FILES].sort()).toEqual(onDisk);
    BUILT_IN.forEach((s, i) => expect(BUILT_IN_FILES[i].endsWith(`/${s.id}.json`), s.id).toBe(true));
    expect(new Set(BUILT_IN.map((s) => s.id)).size).toBe(BUILT_IN.length);
  });

  it('has the seven cases, five teaching scenarios and a generic default', () => {
    expect(CASES.map((s) => s.id).sort()).toEqual(
      ['kenya-2008', 'kyrgyzstan-2010', 'libya-2011', 'rwanda-1994', 'sri-lanka-2009', 'srebrenica-1995', 'syria-2011'].sort(),
    );
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
    expect(scenarioParams(BUILT_IN.find((s) => s.id === 'default')!)).toEqual(defaultParams());
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
    expect(scenarioParams(v).peoplePerAgent).toBe(750);
    const p = scenarioParams(v, 'test.json', 2500);
    expect(p.agents).toBe(2500);
    expect(p.peoplePerAgent).toBe(3000);
    // Too many agents for the population: the error says which counts would work.
    s.features.affectedPopulation.value = 1000;
    expect(() => scenarioParams(validateScenario(s, 'test.json'), 'test.json', 2_000_000)).toThrow(
      /^test\.json: features\.affectedPopulation over 2000000 agents: got 1000, expected .*peoplePerAgent from 1 to 100000 \(got 0\.5\); with this population choose between 10 and 1000000 agents/,
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
    ];
    for (const [what, mutate] of bad) {
      const s = rwanda();
      mutate(s);
      expect(validate(s), `JSON Schema should reject: ${what}`).toBe(false);
      scenarioError(() => validateScenario(s, 'x.json'));
    }
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
