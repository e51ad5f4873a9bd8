/**
 * Case targets (the documented patterns the model is compared with): every built-in file is
 * valid, listed and named after an existing case profile, and every profile has one; the
 * committed JSON Schema is current and agrees with the validator; a broken file fails with an
 * error naming the file, the field, the value and what was expected; and the house rule holds:
 * neither the model (sim/) nor the mapping from profiles to parameters reads the targets, directly
 * or through anything it imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CASES, daysBetween } from '../scenarios/index';
import {
  BUILT_IN_TARGETS,
  BUILT_IN_TARGET_FILES,
  PATTERN_NAMES,
  TargetsError,
  parseTargets,
  targetsFor,
  targetsJsonSchema,
  validateTargets,
} from '../scenarios/targets/index';
import { specifiers } from './helpers/imports';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGETS_DIR = join(ROOT, 'scenarios', 'targets');
const SCHEMA_FILE = 'targets.schema.json';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** A built-in file's parsed JSON, to break in a test. */
const rawTargets = (id: string) => JSON.parse(readFileSync(join(TARGETS_DIR, `${id}.json`), 'utf8')) as Record<string, any>;
const FILE = 'scenarios/targets/rwanda-1994.json';

/** Catch a TargetsError and return it (fails the test if anything else happens). */
function targetsError(fn: () => unknown): TargetsError {
  try {
    fn();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(TargetsError);
    return e as TargetsError;
  }
  throw new Error('expected a TargetsError, got none');
}

describe('built-in targets', () => {
  it('lists every JSON file in scenarios/targets/, each named after its case', () => {
    const onDisk = readdirSync(TARGETS_DIR)
      .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
      .map((f) => `scenarios/targets/${f}`)
      .sort();
    expect(onDisk.length).toBeGreaterThan(0);
    expect([...BUILT_IN_TARGET_FILES].sort()).toEqual(onDisk);
    BUILT_IN_TARGETS.forEach((t, i) => expect(BUILT_IN_TARGET_FILES[i], t.case).toBe(`scenarios/targets/${t.case}.json`));
    expect(new Set(BUILT_IN_TARGETS.map((t) => t.case)).size).toBe(BUILT_IN_TARGETS.length);
  });

  it('validates every file as read from disk, not only as bundled', () => {
    for (const f of BUILT_IN_TARGET_FILES) {
      const t = parseTargets(readFileSync(join(ROOT, f), 'utf8'), f);
      expect(t, f).toEqual(BUILT_IN_TARGETS[BUILT_IN_TARGET_FILES.indexOf(f)]);
    }
  });

  it('has targets for every case profile, and names only existing cases', () => {
    const caseIds = CASES.map((s) => s.id).sort();
    expect(caseIds.length).toBeGreaterThan(0);
    for (const id of caseIds) expect(targetsFor(id), `no targets file for the case profile ${id}`).toBeDefined();
    for (const t of BUILT_IN_TARGETS) expect(caseIds, `${t.case} names no case profile`).toContain(t.case);
    expect(targetsFor('atlantis-2099')).toBeUndefined();
  });

  it('documents at least two patterns per case, each with the period it covers and a source that is not the working notes', () => {
    for (const t of BUILT_IN_TARGETS) {
      const names = Object.keys(t.patterns);
      // A case where no episode of killing is documented (toll from 0) has nothing to time or attribute: its toll is its pattern.
      const noEpisode = t.patterns.toll?.low === 0;
      expect(names.length, t.case).toBeGreaterThanOrEqual(noEpisode ? 1 : 2);
      for (const name of names) {
        expect(PATTERN_NAMES, `${t.case}: ${name}`).toContain(name);
        const p = t.patterns[name as keyof typeof t.patterns]!;
        expect(p.window, `${t.case}.${name}.window`).toMatch(/\S/);
        // Primary sources only: the shared reference table is a guide, not a citation.
        expect(p.source, `${t.case}.${name}.source`).not.toMatch(/calibration-targets|calibration targets/i);
        expect(p.low, `${t.case}.${name}`).toBeLessThanOrEqual(p.high);
      }
    }
  });

  it('places every onset inside its profile period, and gives the toll for every case', () => {
    for (const s of CASES) {
      const t = targetsFor(s.id)!;
      const tl = s.timeline as { opens: { date: string }; closes: { date: string } };
      const periodDays = daysBetween(tl.opens.date, tl.closes.date);
      const onset = t.patterns.onsetDay;
      expect(t.patterns.toll, `${s.id}: toll`).toBeDefined();
      // No onset where no episode of killing is documented (Kenya 2013): a run without killing must match it.
      if (t.patterns.toll!.low === 0) {
        expect(onset, `${s.id}: onsetDay without a documented episode`).toBeUndefined();
        continue;
      }
      expect(onset, `${s.id}: onsetDay`).toBeDefined();
      expect(onset!.low, s.id).toBeGreaterThanOrEqual(0);
      expect(onset!.high, s.id).toBeLessThanOrEqual(periodDays);
      expect(Number.isInteger(onset!.low) && Number.isInteger(onset!.high), s.id).toBe(true);
      expect(t.patterns.toll, `${s.id}: toll`).toBeDefined();
    }
  });

  it('counts days as the profiles do: Rwanda begins on 7 April 1994, day 184 from 5 October 1993', () => {
    // 26 days left in October, then 30 + 31 + 31 + 28 + 31, then 7 days of April.
    expect(26 + 30 + 31 + 31 + 28 + 31 + 7).toBe(184);
    expect(daysBetween('1993-10-05', '1994-04-07')).toBe(184);
    expect(targetsFor('rwanda-1994')!.patterns.onsetDay!.high).toBe(184);
  });

  it('gives earlyShare its number of days, and no other pattern one', () => {
    for (const t of BUILT_IN_TARGETS) {
      for (const [name, p] of Object.entries(t.patterns)) {
        if (name === 'earlyShare') expect(Number.isInteger(p.days) && p.days! >= 1, t.case).toBe(true);
        else expect(p.days, `${t.case}.${name}`).toBeUndefined();
      }
    }
  });
});

describe('the targets JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(targetsJsonSchema());

  it(`is committed as scenarios/targets/${SCHEMA_FILE}, up to date`, () => {
    const onDisk = readFileSync(join(TARGETS_DIR, SCHEMA_FILE), 'utf8');
    expect(onDisk, 'regenerate it from targetsJsonSchema()').toBe(`${JSON.stringify(targetsJsonSchema(), null, 2)}\n`);
    expect(targetsJsonSchema().$id).toBe('https://r2p-sim.invalid/targets.schema.json');
  });

  it('is the schema every built-in file names', () => {
    for (const f of BUILT_IN_TARGET_FILES) expect(JSON.parse(readFileSync(join(ROOT, f), 'utf8')).$schema, f).toBe(`./${SCHEMA_FILE}`);
  });

  it('accepts every built-in file and rejects what the validator rejects', () => {
    for (const f of BUILT_IN_TARGET_FILES) expect(validate(JSON.parse(readFileSync(join(ROOT, f), 'utf8'))), `${f}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    const bad: [string, (t: Record<string, any>) => void][] = [
      ['unknown field', (t) => (t.colour = 'red')],
      ['unknown pattern', (t) => (t.patterns.deaths = { low: 1, high: 2, source: 'x' })],
      ['pattern without a source', (t) => delete t.patterns.toll.source],
      ['blank source', (t) => (t.patterns.toll.source = '  ')],
      ['share above 1', (t) => (t.patterns.forceShare.high = 1.5)],
      ['negative count', (t) => (t.patterns.toll.low = -1)],
      ['earlyShare without days', (t) => delete t.patterns.earlyShare.days],
      ['days on another pattern', (t) => (t.patterns.toll.days = 7)],
      ['unknown use', (t) => (t.use = 'train')],
      ['unknown window end', (t) => (t.patterns.toll.until = 'aftermath')],
      ['counts on another pattern', (t) => (t.patterns.toll.counts = 'all')],
      ['case id with capitals', (t) => (t.case = 'Rwanda-1994')],
    ];
    for (const [what, breakIt] of bad) {
      const t = rawTargets('rwanda-1994');
      breakIt(t);
      expect(validate(t), `JSON Schema accepted: ${what}`).toBe(false);
      expect(() => validateTargets(t, FILE), `validator accepted: ${what}`).toThrow(TargetsError);
    }
  });
});

describe('broken targets files', () => {
  it('a missing source names the field and asks for the primary source', () => {
    const t = rawTargets('rwanda-1994');
    delete t.patterns.toll.source;
    const e = targetsError(() => validateTargets(t, FILE));
    expect(e.field).toBe(`${FILE}: patterns.toll.source`);
    expect(e.value).toBeUndefined();
    expect(e.expected).toMatch(/required field/);
    expect(e.expected).toMatch(/primary source/);
    expect(e.message).toContain('patterns.toll.source');
  });

  it('low above high names the range, shows it and says low <= high', () => {
    const t = rawTargets('rwanda-1994');
    t.patterns.participants.low = 300000;
    const e = targetsError(() => validateTargets(t, FILE));
    expect(e.field).toBe(`${FILE}: patterns.participants`);
    expect(e.value).toMatchObject({ low: 300000, high: 210000 });
    expect(e.expected).toContain('low <= high');
    expect(e.message).toContain('300000');
  });

  it('a share above 1 names the field, the value and the range allowed', () => {
    const t = rawTargets('srebrenica-1995');
    t.patterns.forceShare.high = 1.2;
    const e = targetsError(() => validateTargets(t, 'scenarios/targets/srebrenica-1995.json'));
    expect(e.field).toBe('scenarios/targets/srebrenica-1995.json: patterns.forceShare.high');
    expect(e.value).toBe(1.2);
    expect(e.expected).toMatch(/from 0 to 1/);
    expect(e.message).toMatch(/got 1\.2/);
  });

  it("an unknown window end names the field, the value and the two ends allowed", () => {
    const t = rawTargets('rwanda-1994');
    t.patterns.toll.until = 'later';
    const e = targetsError(() => validateTargets(t, FILE));
    expect(e.field).toBe(`${FILE}: patterns.toll.until`);
    expect(e.value).toBe('later');
    expect(e.expected).toMatch(/"close".*"end"/);
  });

  it('an unknown displacement count names the field, the value and the two counts allowed', () => {
    const t = rawTargets('kenya-2008');
    t.patterns.displaced.counts = 'everyone';
    const e = targetsError(() => validateTargets(t, 'scenarios/targets/kenya-2008.json'));
    expect(e.field).toBe('scenarios/targets/kenya-2008.json: patterns.displaced.counts');
    expect(e.value).toBe('everyone');
    expect(e.expected).toMatch(/"targeted".*"all"/);
  });

  it('an unknown pattern is refused, with the patterns allowed and the nearest name', () => {
    const t = rawTargets('rwanda-1994');
    t.patterns.tol = clone(t.patterns.toll);
    const e = targetsError(() => validateTargets(t, FILE));
    expect(e.field).toBe(`${FILE}: patterns.tol`);
    expect(e.expected).toContain('did you mean "toll"');
    for (const name of PATTERN_NAMES) expect(e.expected).toContain(name);
  });

  it('a case id in the wrong format names the field, the value and the format', () => {
    const t = rawTargets('rwanda-1994');
    t.case = 'Rwanda 1994';
    const e = targetsError(() => validateTargets(t, FILE));
    expect(e.field).toBe(`${FILE}: case`);
    expect(e.value).toBe('Rwanda 1994');
    expect(e.expected).toMatch(/lowercase letters, digits, hyphens/);
  });

  it('a case id that is not the file name is refused (a copied file cannot keep the old id)', () => {
    const t = rawTargets('rwanda-1994');
    const e = targetsError(() => validateTargets(t, 'scenarios/targets/burundi-1993.json'));
    expect(e.field).toBe('scenarios/targets/burundi-1993.json: case');
    expect(e.value).toBe('rwanda-1994');
    expect(e.expected).toContain('"burundi-1993"');
    // A name that is not a .json file has no id to match.
    expect(validateTargets(t, '<pasted text>').case).toBe('rwanda-1994');
  });

  it('days on a pattern other than earlyShare, a missing use and a blank note are each refused by path', () => {
    const cases: [(t: Record<string, any>) => void, string][] = [
      [(t) => (t.patterns.toll.days = 7), 'patterns.toll.days'],
      [(t) => delete t.use, 'use'],
      [(t) => (t.patterns.toll.note = '   '), 'patterns.toll.note'],
      [(t) => (t.patterns.earlyShare.low = 'most'), 'patterns.earlyShare.low'],
    ];
    for (const [breakIt, path] of cases) {
      const t = rawTargets('rwanda-1994');
      breakIt(t);
      expect(targetsError(() => validateTargets(t, FILE)).field).toBe(`${FILE}: ${path}`);
    }
  });

  it('reports every problem, not only the first', () => {
    const t = rawTargets('rwanda-1994');
    delete t.patterns.toll.source;
    t.patterns.forceShare.low = -0.1;
    const e = targetsError(() => validateTargets(t, FILE));
    expect(e.issues.map((i) => i.path).sort()).toEqual(['patterns.forceShare.low', 'patterns.toll.source']);
    expect(e.message).toMatch(/1 more problem/);
  });

  it('JSON that does not parse says where', () => {
    const e = targetsError(() => parseTargets('{"case": "rwanda-1994",, "use": "fit"}', FILE));
    expect(e.field).toBe(`${FILE}: (top level)`);
    expect(e.expected).toMatch(/valid JSON \(line 1, column \d+/);
  });
});

/** The file a relative specifier names (with .ts or /index.ts as the bundler resolves it); packages give undefined. */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(c) && statSync(c).isFile()) return c;
  return base; // unresolved: still judged by where it points
}

/** Every repository file reachable from `roots` through relative imports, each with the chain that reaches it. */
function reachable(roots: readonly string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>(roots.map((r) => [r, [r]]));
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!/\.[cm]?[jt]s$/.test(file) || !existsSync(file)) continue; // JSON and unresolved paths import nothing
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, spec);
      if (target === undefined || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, target]);
      queue.push(target);
    }
  }
  return seen;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.[cm]?[jt]s$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const insideTargets = (f: string) => f === TARGETS_DIR || f.startsWith(TARGETS_DIR + sep);
const show = (chain: string[]) => chain.map((f) => relative(ROOT, f)).join(' -> ');

describe('house rule: the model and the mapping never read the targets', () => {
  const roots = [
    ...sourcesUnder(join(ROOT, 'sim')),
    ...['mapping.ts', 'features.ts', 'timeline.ts', 'schema.ts'].map((f) => join(ROOT, 'scenarios', f)),
  ];

  it('finds the files it guards and sees their imports', () => {
    expect(roots.filter((f) => f.startsWith(join(ROOT, 'sim') + sep)).length).toBeGreaterThan(10);
    for (const f of roots) expect(existsSync(f), relative(ROOT, f)).toBe(true);
    const code = "import { a } from './targets/index';\nimport type { B } from '../scenarios/targets';\nexport * from './x';\nimport './y';\nconst m = await import('./targets/rwanda-1994.json');\nrequire('z');";
    expect(specifiers(code)).toEqual(expect.arrayContaining(['./targets/index', '../scenarios/targets', './x', './y', './targets/rwanda-1994.json', 'z']));
    // Walking from the targets module itself must reach its own folder: the walk is not blind.
    const fromIndex = reachable([join(TARGETS_DIR, 'index.ts')]);
    expect(fromIndex.has(join(TARGETS_DIR, 'schema.ts'))).toBe(true);
    expect(fromIndex.has(join(TARGETS_DIR, 'rwanda-1994.json'))).toBe(true);
    // The mapping's own imports are followed (mapping.ts -> features.ts).
    expect(reachable([join(ROOT, 'scenarios', 'mapping.ts')]).has(join(ROOT, 'scenarios', 'features.ts'))).toBe(true);
  });

  it('imports nothing from scenarios/targets/, directly or through anything it imports', () => {
    const offending = [...reachable(roots).entries()].filter(([f]) => insideTargets(f)).map(([, chain]) => show(chain));
    expect(offending, 'the targets are what the model is compared with, never an input').toEqual([]);
  });

  it('names no targets file in any import line', () => {
    for (const f of roots) {
      for (const spec of specifiers(readFileSync(f, 'utf8'))) {
        expect(/(^|\/)targets(\/|$)|targets\.schema\.json/.test(spec), `${relative(ROOT, f)} imports ${spec}`).toBe(false);
      }
    }
  });
});
