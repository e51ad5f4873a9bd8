/**
 * The app's URL state (viz/app/url-state.ts): a state round-trips through its URL, one state
 * gives one URL, the CLI's `--set` and `--arm` texts paste into it, and no text whatever breaks
 * the decoder: every bad piece is reported (field, value, what was expected) and dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN, scenarioTicks } from '../scenarios/index';
import {
  DEFAULT_MODEL,
  MAX_TICKS,
  MODELS,
  PARAM_DEFS,
  modelKernel,
  parseSeed,
  parseSetting,
  type ParamDef,
  type ParamValue,
  type ScheduledChange,
} from '../sim/index';
import { DEFAULT_STATE, VIEWS, type AppState, type ArmState } from '../viz/app/state';
import {
  KEYS,
  MAX_ARMS,
  MAX_LABEL_CHARS,
  MAX_QUERY_CHARS,
  MAX_SETTINGS,
  armText,
  decodeState,
  encodeState,
  settingText,
  type StateIssue,
} from '../viz/app/url-state';
import { valueArb } from './helpers/arbitraries';

const SCENARIOS = BUILT_IN.map((s) => s.id);
const state = (patch: Partial<AppState>): AppState => ({ ...DEFAULT_STATE, ...patch });
const decode = (q: string) => decodeState(q, { scenarios: SCENARIOS });
const runLengthOf = (s: AppState): number =>
  s.ticks ?? (s.model === DEFAULT_MODEL ? scenarioTicks(BUILT_IN.find((x) => x.id === s.scenario)!) : modelKernel(s.model).defaultTicks);

/** Decode, expect exactly one issue, and check that its message names its field, value and expectation. */
function oneIssue(q: string): StateIssue {
  const { errors } = decode(q);
  expect(errors, JSON.stringify(errors, null, 1)).toHaveLength(1);
  const [e] = errors;
  expect(e.message).toContain(e.field);
  expect(e.message).toContain(e.expected);
  expect(e.message).toMatch(/: got .*, expected /);
  return e;
}

describe('encodeState', () => {
  it('gives an empty query for the default state, and leaves out every default field', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(encodeState(state({ seed: '7' }))).toBe('seed=7');
    expect(encodeState(state({ model: DEFAULT_MODEL, scenario: 'default', view: 'run', ticks: undefined }))).toBe('');
  });

  it('writes the fields in a fixed order, readable, with the CLI --set syntax', () => {
    const s = state({
      view: 'compare',
      scenario: 'kenya-2008',
      seed: '7',
      ticks: 200,
      params: { impartiality: 0.2, deterrence: 0.8 },
      schedule: [{ tick: 120, name: 'deterrence', value: 0.9 }],
      arms: [{ label: 'Deterrence from day 60', changes: [{ tick: 60, name: 'impartiality', value: 0.2 }, { tick: 60, name: 'deterrence', value: 0.8 }] }],
    });
    expect(encodeState(s)).toBe(
      'view=compare&scenario=kenya-2008&seed=7&ticks=200&set=deterrence=0.8&set=impartiality=0.2&set=deterrence=0.9@120' +
        '&arm=Deterrence%20from%20day%2060:deterrence=0.8@60;impartiality=0.2@60',
    );
  });

  it('is deterministic: insertion order of parameters, schedule and changes does not matter', () => {
    const a = state({
      params: { b: 1, a: 2, c: true } as Record<string, ParamValue>,
      schedule: [{ tick: 50, name: 'z', value: 1 }, { tick: 10, name: 'y', value: 2 }, { tick: 10, name: 'x', value: 3 }],
      arms: [{ label: 'L', changes: [{ tick: 9, name: 'q', value: 1 }, { tick: 0, name: 'p', value: 'e' }] }],
    });
    const b = state({
      params: { c: true, a: 2, b: 1 } as Record<string, ParamValue>,
      schedule: [{ tick: 10, name: 'x', value: 3 }, { tick: 50, name: 'z', value: 1 }, { tick: 10, name: 'y', value: 2 }],
      arms: [{ label: 'L', changes: [{ tick: 0, name: 'p', value: 'e' }, { tick: 9, name: 'q', value: 1 }] }],
    });
    expect(encodeState(a)).toBe(encodeState(b));
    expect(encodeState(a)).toBe('set=a=2&set=b=1&set=c=true&set=x=3@10&set=y=2@10&set=z=1@50&arm=L:p=e;q=1@9');
  });

  it('escapes labels so that any text survives, and keeps the last character safe from link-finders', () => {
    const arm: ArmState = { label: 'a:b;c=d@e\\f <b>🕊</b> & + %', changes: [] };
    expect(armText(arm)).toBe('a\\:b;c=d@e\\\\f <b>🕊</b> & + %:');
    const q = encodeState(state({ arms: [arm] }));
    expect(q).toBe('arm=a%5C:b;c=d@e%5C%5Cf%20%3Cb%3E%F0%9F%95%8A%3C/b%3E%20%26%20%2B%20%25%3A');
    expect(decode(q)).toEqual({ state: state({ arms: [arm] }), errors: [] });
    expect(encodeState(state({ seed: 'run.' }))).toBe('seed=run%2E');
  });

  it("writes settings the CLI's parseSetting reads back as the same change", () => {
    const changes: ScheduledChange[] = [
      { tick: 0, name: 'deterrence', value: 0.30000000000000004 },
      { tick: 7, name: 'perpetratorType', value: 'extremist-armed-group' },
      { tick: 3, name: 'patron', value: true },
      { tick: 0, name: 'barIncitement', value: 5e-7 },
    ];
    for (const c of changes) expect(parseSetting(settingText(c), PARAM_DEFS)).toEqual(c);
    expect(settingText({ tick: 0, name: 'deterrence', value: -0 })).toBe('deterrence=0');
  });
});

describe('decodeState', () => {
  it('reads the example URL, with the CLI syntax encoded or not, and a leading "?"', () => {
    const expected = state({
      view: 'run',
      scenario: 'kenya-2008',
      seed: '7',
      ticks: 200,
      params: { deterrence: 0.8 },
      schedule: [{ tick: 120, name: 'deterrence', value: 0.9 }],
      arms: [{ label: 'Deterrence from day 60', changes: [{ tick: 60, name: 'deterrence', value: 0.8 }, { tick: 60, name: 'impartiality', value: 0.2 }] }],
    });
    const a = decode(
      'view=run&model=r2p-luck-2018&scenario=kenya-2008&seed=7&ticks=200&set=deterrence%3D0.8&set=deterrence%3D0.9%40120' +
        '&arm=Deterrence%20from%20day%2060:deterrence=0.8@60;impartiality=0.2@60',
    );
    expect(a).toEqual({ state: expected, errors: [] });
    const b = decode('?scenario=kenya-2008&seed=7&ticks=200&set=deterrence=0.8&set=deterrence=0.9@120&arm=Deterrence+from+day+60:impartiality=0.2@60;deterrence=0.8@60');
    expect(b).toEqual({ state: expected, errors: [] });
  });

  it('gives the default state for an empty query', () => {
    expect(decode('')).toEqual({ state: DEFAULT_STATE, errors: [] });
    expect(decode('?')).toEqual({ state: DEFAULT_STATE, errors: [] });
    expect(decode('&&')).toEqual({ state: DEFAULT_STATE, errors: [] });
  });

  it('reads kebab-case names and @0 as the CLI does (a day-0 parameter)', () => {
    const { state: s, errors } = decode('set=incitement-reach=0.4@0&set=deterrence=%200.5%20');
    expect(errors).toEqual([]);
    expect(s.params).toEqual({ incitementReach: 0.4, deterrence: 0.5 });
    expect(s.schedule).toEqual([]);
  });

  it('lets the last of several settings of one parameter win, as the CLI does', () => {
    const { state: s, errors } = decode('set=deterrence=0.1&set=deterrence=0.2&set=deterrence=0.3@9&set=deterrence=0.4@9');
    expect(errors).toEqual([]);
    expect(s.params).toEqual({ deterrence: 0.2 });
    expect(s.schedule).toEqual([{ tick: 9, name: 'deterrence', value: 0.4 }]);
  });

  it('reads the seed as written (7, 07 and +7 are one seed; "+" in a URL is a space)', () => {
    expect(decode('seed=07').state.seed).toBe('07');
    expect(decode('seed=%2B7').state.seed).toBe('+7');
    expect(decode('seed=+7').state.seed).toBe(' 7');
    expect(parseSeed(decode('seed=+7').state.seed)).toBe(7);
    expect(decode('seed=run-7%20%F0%9F%8E%B2').state.seed).toBe('run-7 🎲');
  });

  it("checks settings against the chosen model's parameters and its run length", () => {
    const { state: s, errors } = decode('model=epstein-civil-violence&set=legitimacy=0.8&set=deterrence=0.5');
    expect(s.model).toBe('epstein-civil-violence');
    expect(s.params).toEqual({ legitimacy: 0.8 });
    expect(errors.map((e) => e.field)).toEqual(['set deterrence']);
    // The run is the scenario's unless ticks say otherwise: kenya-2008 runs scenarioTicks days.
    const kenya = scenarioTicks(BUILT_IN.find((x) => x.id === 'kenya-2008')!);
    expect(decode(`scenario=kenya-2008&set=deterrence=0.5@${kenya - 1}`).errors).toEqual([]);
    expect(decode(`scenario=kenya-2008&set=deterrence=0.5@${kenya}`).errors).toHaveLength(1);
    expect(decode(`scenario=kenya-2008&ticks=${kenya + 1}&set=deterrence=0.5@${kenya}`).errors).toEqual([]);
  });

  it('keeps the rest when pieces are bad', () => {
    const { state: s, errors } = decode('view=graph&seed=1.5&scenario=kenya-2008&set=deterence=0.8&set=impartiality=0.3&arm=x&arm=Early:deterrence=2@5;impartiality=0.1@5&colour=red');
    expect(errors.map((e) => e.field)).toEqual(['query key "colour"', 'view', 'seed', 'set deterence', 'arm 1', 'arm "Early" deterrence']);
    expect(s).toEqual(state({ scenario: 'kenya-2008', params: { impartiality: 0.3 }, arms: [{ label: 'Early', changes: [{ tick: 5, name: 'impartiality', value: 0.1 }] }] }));
  });
});

describe('decodeState: each kind of error names the field, the value and what was expected', () => {
  it('an unknown view, with a suggestion', () => {
    const e = oneIssue('view=compar');
    expect(e).toMatchObject({ field: 'view', value: 'compar' });
    expect(e.message).toBe('view: got "compar", expected one of "run", "compare", "sweep" (did you mean "compare"?)');
  });

  it('an unknown model, with a suggestion', () => {
    const e = oneIssue('model=epstein-civil');
    expect(e).toMatchObject({ field: 'model', value: 'epstein-civil' });
    expect(e.expected).toContain('"epstein-civil-violence"');
    expect(e.message).toContain('got "epstein-civil"');
  });

  it('an unknown scenario, with a suggestion', () => {
    const e = oneIssue('scenario=kenya-2009');
    expect(e.message).toBe('scenario: got "kenya-2009", expected a built-in scenario id (did you mean "kenya-2008"?)');
  });

  it('a scenario with a model that takes none', () => {
    const e = oneIssue('model=epstein-civil-violence&scenario=kenya-2008');
    expect(e.message).toContain('scenario: got "kenya-2008", expected no scenario for model epstein-civil-violence');
  });

  it('a seed that reads as a number but is no integer, and an empty seed', () => {
    expect(oneIssue('seed=1.5').message).toBe('seed: got "1.5", expected an integer seed (digits, with an optional sign) or a text seed that does not read as a number');
    expect(oneIssue('seed=99999999999999999999').message).toContain('seed: got "99999999999999999999", expected an integer seed from');
    expect(oneIssue('seed=').message).toBe('seed: got "", expected a safe integer or a non-empty string of at most 200 characters');
  });

  it('ticks out of range or not a whole number', () => {
    for (const t of ['0', '36501', '12.5', 'ten', '-3', '0x10']) {
      const e = oneIssue(`ticks=${t}`);
      expect(e.message).toBe(`ticks: got "${t}", expected an integer from 1 to ${MAX_TICKS} (days), or no ticks for the scenario's run length`);
    }
    expect(decode('ticks=36500').state.ticks).toBe(36500);
  });

  it('an unknown parameter name, with a suggestion', () => {
    const e = oneIssue('set=deterence=0.8');
    expect(e).toMatchObject({ field: 'set deterence', value: 'deterence' });
    expect(e.message).toContain('set deterence: got "deterence", expected a known parameter name (did you mean "deterrence"?)');
  });

  it('a value out of range, and a value of the wrong kind', () => {
    expect(oneIssue('set=deterrence=1.5').message).toBe('set deterrence: got 1.5, expected a number from 0 to 1');
    expect(oneIssue('set=deterrence=high').message).toBe('set deterrence: got "high", expected a number from 0 to 1');
    expect(oneIssue('set=patron=maybe').message).toBe('set patron: got "maybe", expected true or false');
    expect(oneIssue('set=mandate=strong').message).toBe('set mandate: got "strong", expected one of "weak", "robust"');
    expect(oneIssue('set=agents=100.5').message).toBe('set agents: got 100.5, expected an integer from 100 to 2000000');
  });

  it('a setting that is not name=value@tick, and a bad tick', () => {
    expect(oneIssue('set=deterrence').message).toBe('set: got "deterrence", expected name=value or name=value@tick');
    expect(oneIssue('set=deterrence=0.5@soon').message).toBe('set deterrence@tick: got "soon", expected a whole tick from 0');
  });

  it('a tick beyond the run', () => {
    const e = oneIssue('ticks=100&set=deterrence=0.5@100');
    expect(e).toMatchObject({ field: 'set deterrence@tick', value: '100' });
    expect(e.message).toBe('set deterrence@tick: got 100, expected an integer tick from 0 to 99 (the run has 100 ticks)');
  });

  it('a structural parameter scheduled mid-run', () => {
    expect(oneIssue('set=agents=500@10').message).toBe('set agents@tick: got 10, expected 0: agents shapes the world at set-up and cannot change mid-run');
  });

  it('a malformed arm: no label separator, an empty label, a repeated label, a bad change, a dangling escape', () => {
    expect(oneIssue('arm=Early').message).toBe('arm 1: got "Early", expected label:name=value@tick;name=value@tick... (":" ends the label; write "\\:" for a ":" in it)');
    expect(oneIssue('arm=%20:deterrence=0.5').message).toBe(`arm 1 label: got " ", expected a label of 1 to ${MAX_LABEL_CHARS} characters, not only spaces`);
    expect(oneIssue(`arm=${'x'.repeat(MAX_LABEL_CHARS + 1)}:`).field).toBe('arm 1 label');
    expect(oneIssue('arm=A:deterrence=0.5&arm=A:deterrence=0.6').message).toBe('arm 2 label: got "A", expected a label no other arm has');
    expect(oneIssue('arm=A:deterrence=0.5@9;impartiality=x').message).toBe('arm "A" impartiality: got "x", expected a number from 0 to 1');
    expect(oneIssue('arm=A:deterrence=0.5\\').message).toContain('arm "A" changes: got "deterrence=0.5\\\\"');
    expect(oneIssue('arm=A:deterrence=0.5@400').message).toBe('arm "A" deterrence@tick: got 400, expected an integer tick from 0 to 364 (the run has 365 ticks)');
  });

  it('an unknown query key, with a suggestion', () => {
    const e = oneIssue('sed=7');
    expect(e.message).toBe(`query key "sed": got "7", expected one of the keys ${KEYS.join(', ')} (did you mean "seed"?)`);
    expect(oneIssue('=7').field).toBe('query key "(a key with no name)"');
  });

  it('a key given twice (the last is used)', () => {
    const { state: s, errors } = decode('seed=3&seed=4');
    expect(s.seed).toBe('4');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('seed: got "3", expected one seed (given 2 times; the last, "4", is used)');
  });

  it('too long a query, too many settings, too many arms', () => {
    const long = `seed=${'x'.repeat(MAX_QUERY_CHARS)}`;
    const e = oneIssue(long);
    expect(e.field).toBe('query');
    expect(e.value.length).toBeLessThan(300);
    expect(e.message).toContain(`expected at most 65,536 characters (this one has ${long.length.toLocaleString('en-US')})`);
    expect(decode(long).state).toEqual(DEFAULT_STATE);

    const sets = Array.from({ length: MAX_SETTINGS + 5 }, (_, i) => `set=deterrence=${i / 1000}`).join('&');
    const s = decode(sets);
    expect(s.errors.map((x) => x.message)).toEqual([`set: got "${MAX_SETTINGS + 5} settings", expected at most ${MAX_SETTINGS} settings in a URL (the first ${MAX_SETTINGS} are read)`]);
    expect(s.state.params).toEqual({ deterrence: (MAX_SETTINGS - 1) / 1000 });

    const arms = Array.from({ length: MAX_ARMS + 2 }, (_, i) => `arm=a${i}:deterrence=0.5`).join('&');
    const a = decode(arms);
    expect(a.errors.map((x) => x.message)).toEqual([`arm: got "${MAX_ARMS + 2} arms", expected at most ${MAX_ARMS} arms (the first ${MAX_ARMS} are read)`]);
    expect(a.state.arms).toHaveLength(MAX_ARMS);

    // Arms' changes count towards the same limit as the settings.
    const both = decode(`${Array.from({ length: MAX_SETTINGS - 1 }, () => 'set=deterrence=0.5').join('&')}&arm=A:deterrence=0.1;impartiality=0.2`);
    expect(both.errors).toHaveLength(1);
    expect(both.errors[0].field).toBe('arm "A" changes');
    expect(both.state.arms).toEqual([{ label: 'A', changes: [{ tick: 0, name: 'deterrence', value: 0.1 }] }]);
  });
});

// ---- properties -------------------------------------------------------------------------------

/** A checked value as the engine stores it (+0, never -0). */
const cleanValue = (d: ParamDef) => valueArb(d).map((v) => (v === 0 ? 0 : v));

/** Any text but lone surrogates (which no URL can carry), with the grammar's awkward characters often. */
const textArb = (minLength: number, maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.string({ unit: fc.constantFrom(':', ';', '\\', '=', '@', '&', '+', '%', '#', '?', ' ', '<', '>', '"', "'", '🕊', 'é', '\n', '.', 'a'), minLength, maxLength }),
    fc.string({ unit: 'binary', minLength, maxLength }),
  ).filter((s) => !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));

const seedTextArb = fc
  .oneof(fc.maxSafeInteger().map(String), fc.integer({ min: -99, max: 99 }).map((n) => `0${n}`), textArb(1, 40))
  .filter((s) => {
    try {
      parseSeed(s);
      return true;
    } catch {
      return false;
    }
  });

/** `count` unique (tick, name) changes of `defs` at ticks in [minTick, ticks), structural ones at 0 only. */
function changesArb(defs: readonly ParamDef[], ticks: number, minTick: number, maxLength: number): fc.Arbitrary<ScheduledChange[]> {
  const one = fc.constantFrom(...defs).chain((d) =>
    fc.record({
      tick: d.structural ? fc.constant(0) : fc.integer({ min: minTick, max: ticks - 1 }),
      name: fc.constant(d.name),
      value: cleanValue(d),
    }),
  );
  return fc
    .uniqueArray(one, { maxLength, selector: (c) => `${c.tick} ${c.name}` })
    .map((cs) => cs.filter((c) => c.tick >= minTick).sort((a, b) => a.tick - b.tick || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

/** A valid state of any model: what the app may hold and the decoder gives. */
const stateArb: fc.Arbitrary<AppState> = fc
  .record({
    view: fc.constantFrom(...VIEWS),
    model: fc.constantFrom(...MODELS.map((m) => m.id)),
    seed: seedTextArb,
    ticks: fc.option(fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: MAX_TICKS })), { nil: undefined }),
  })
  .chain((s) =>
    (s.model === DEFAULT_MODEL ? fc.constantFrom(...SCENARIOS) : fc.constant('default')).chain((scenario) => {
      const base = state({ ...s, scenario });
      const ticks = runLengthOf(base);
      const defs = modelKernel(s.model).params;
      const schedulable = defs.filter((d) => !d.structural);
      return fc
        .record({
          params: fc.uniqueArray(fc.constantFrom(...defs), { maxLength: 12, selector: (d) => d.name }).chain((ds) =>
            fc.tuple(...ds.map((d) => cleanValue(d).map((v) => [d.name, v] as const))).map((kv) => Object.fromEntries(kv) as Record<string, ParamValue>),
          ),
          schedule: ticks > 1 ? changesArb(schedulable, ticks, 1, 8) : fc.constant([]),
          arms: fc.uniqueArray(
            fc.record({ label: textArb(1, 60).filter((l) => l.trim() !== ''), changes: changesArb(defs, ticks, 0, 5) }),
            { maxLength: MAX_ARMS, selector: (a) => a.label },
          ),
        })
        .map((rest): AppState => {
          const { ticks: t, ...noTicks } = { ...base, ...rest };
          return t === undefined ? noTicks : { ...noTicks, ticks: t };
        });
    }),
  );

describe('properties', () => {
  it('every valid state round-trips through its URL, with no issue', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const q = encodeState(s);
        const back = decode(q);
        expect(back.errors).toEqual([]);
        expect(back.state).toEqual(s);
        expect(encodeState(back.state)).toBe(q);
      }),
      { numRuns: 300 },
    );
  });

  it('the URL is the same for the same state, whatever order its entries came in', () => {
    fc.assert(
      fc.property(stateArb, fc.integer(), (s, salt) => {
        const shuffle = <T>(xs: readonly T[]) => [...xs].sort((a, b) => (hash(JSON.stringify(a), salt) - hash(JSON.stringify(b), salt)));
        const t: AppState = {
          ...s,
          params: Object.fromEntries(shuffle(Object.entries(s.params))),
          schedule: shuffle(s.schedule),
          arms: s.arms.map((a) => ({ ...a, changes: shuffle(a.changes) })),
        };
        expect(encodeState(t)).toBe(encodeState(s));
      }),
      { numRuns: 200 },
    );
  });

  it('no text throws, and any text gives a valid state (it round-trips with no issue)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(...KEYS, 'set=deterrence', 'deterrence=0.5@3', 'arm=A:', 'agents=500', 'patron=true', '@', ':', ';', '\\', '%', '%E0%A4%A', '%FF', '+', '&', '=', 'kenya-2008', '7', '1e3', '200'),
    );
    /** Values that are valid for some key, so that the properties reach the deeper checks too. */
    const plausible = fc.constantFrom(
      'compare', 'epstein-civil-violence', 'kenya-2008', 'rwanda-1994', 'alpha', '-3', '120', '30',
      'deterrence=0.8', 'deterrence=0.9@120', 'deterrence=0.9@20', 'patron=true@5', 'agents=500', 'agents=500@3', 'legitimacy=0.5@9',
      'A:deterrence=0.4;impartiality=0.2@5', 'x\\:y\\\\:patron=true@2;mandate=robust', 'B:', 'C:legitimacy=0.7@10;vision=3',
    );
    const value = fc.oneof(plausible, fc.array(piece, { maxLength: 4 }).map((vs) => vs.join('')));
    const query = fc.oneof(
      { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
      {
        arbitrary: fc.array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 4 }, { arbitrary: piece, weight: 1 }), value), { maxLength: 12 }).map((pairs) =>
          pairs.map(([k, v]) => `${k}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, ''))}`).join('&'),
        ),
        weight: 3,
      },
      {
        arbitrary: fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
        weight: 2,
      },
    );
    fc.assert(
      fc.property(query, (q) => {
        const { state: s, errors } = decode(q);
        for (const e of errors) {
          expect(typeof e.field === 'string' && typeof e.value === 'string' && typeof e.expected === 'string').toBe(true);
          expect(e.message).toContain(e.expected);
          expect(e.message).not.toMatch(/NaN|undefined|\[object/);
        }
        expect(VIEWS).toContain(s.view);
        const again = decode(encodeState(s));
        expect(again.errors).toEqual([]);
        expect(again.state).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });
});

function hash(s: string, salt: number): number {
  let h = salt | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
