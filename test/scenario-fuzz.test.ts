/**
 * fast-check mutates valid scenario files (structure and raw text) and feeds them to the loader:
 * the only outcomes allowed are a valid scenario that maps to finite, in-range parameters (its
 * timeline's days inside the run, the mass-atrocity threshold at least 20 agents), a
 * ScenarioError that names the file and says what was expected, or the mapping's refusal of a
 * valid file it cannot resolve (a ParamError naming the file). Never a crash, never NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAM_DEFS, ParamError, checkValue } from '../sim/index';
import { BUILT_IN, EVENT_KINDS, EVENT_PARAM, MIN_THRESHOLD_AGENTS, ScenarioError, parseScenario, scenarioMapping } from '../scenarios/index';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const FILE = 'fuzz.json';

function outcomeIsClean(text: string): void {
  let s;
  try {
    s = parseScenario(text, FILE);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    expect(e.message.startsWith(`${FILE}: `), e.message).toBe(true);
    expect(e.message).toContain('expected ');
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) expect(i.expected.length).toBeGreaterThan(0);
    return;
  }
  let m;
  try {
    m = scenarioMapping(s, FILE);
  } catch (e) {
    // A valid file the mapping cannot resolve (a population beyond the agents it may raise to).
    if (!(e instanceof ParamError) || e instanceof ScenarioError) throw e;
    expect(e.message.startsWith(`${FILE}: `), e.message).toBe(true);
    expect(e.message).toContain('expected ');
    return;
  }
  const p = m.params;
  for (const d of PARAM_DEFS) checkValue(d, p[d.name]);
  expect(p.atrocityThreshold / p.peoplePerAgent).toBeGreaterThanOrEqual(MIN_THRESHOLD_AGENTS);
  expect(Number.isInteger(m.ticks) && m.ticks >= 1).toBe(true);
  // Every event's day falls inside the run.
  for (const kind of EVENT_KINDS) {
    const day = p[EVENT_PARAM[kind]] as number;
    if (m.origins[EVENT_PARAM[kind]].from === 'timeline') expect(day >= 0 && day < m.ticks, `${kind} on day ${day} of ${m.ticks}`).toBe(true);
  }
}

/** Every path to a node of a JSON value. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], f: (old: Json, parent: any, key: string | number) => void): void {
  if (path.length === 0) return;
  let node: any = root;
  for (const k of path.slice(0, -1)) node = node[k];
  const key = path[path.length - 1];
  f(node[key], node, key);
}

const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -0, '', ' ', 'none', 'yes', 'civil-war', '__proto__', [], {}, '2008-02-29', '2007-02-29', '1994-04-06', 'agreement', 'coup', 36_499, 36_500),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.json().map((t) => JSON.parse(t) as Json),
);

type Mutation =
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: anyJson }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'value', 'source', 'patron', 'days', 'opens', 'date', 'day')),
    value: anyJson,
  }),
);

function mutate(doc: Json, ms: Mutation[]): Json {
  const root = JSON.parse(JSON.stringify(doc)) as Json;
  for (const m of ms) {
    const ps = paths(root);
    const path = ps[m.pick % ps.length];
    if (m.kind === 'replace') setAt(root, path, (_o, parent, key) => (parent[key] = m.value));
    else if (m.kind === 'delete')
      setAt(root, path, (_o, parent, key) => {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      });
    else {
      let node: any = root;
      for (const k of path) node = node[k];
      // defineProperty so that "__proto__" becomes an own key, as JSON.parse would make it.
      if (node !== null && typeof node === 'object' && !Array.isArray(node))
        Object.defineProperty(node, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

const docs = BUILT_IN.map((s) => JSON.parse(JSON.stringify(s)) as Json);

describe('mutated scenario files', () => {
  it('structural mutations give a valid scenario or a ScenarioError, nothing else', () => {
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, ms) => {
        outcomeIsClean(JSON.stringify(mutate(docs[i], ms)));
      }),
      { numRuns: 400 },
    );
  });

  it('timeline mutations (dates, days, kinds, events added or dropped) give a valid scenario or a ScenarioError', () => {
    const dated = docs.filter((d) => (d as { kind: string }).kind === 'case');
    const stylised = docs.filter((d) => (d as { kind: string }).kind !== 'case');
    const dateArb = fc
      .date({ min: new Date(Date.UTC(1985, 0, 1)), max: new Date(Date.UTC(2015, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const eventArb = fc.record({ kind: fc.constantFrom(...EVENT_KINDS), what: fc.constant('fuzz'), source: fc.constant('fuzz') });
    fc.assert(
      fc.property(
        fc.nat({ max: dated.length - 1 }),
        fc.option(dateArb, { nil: undefined }),
        fc.option(dateArb, { nil: undefined }),
        fc.array(fc.tuple(eventArb, dateArb), { maxLength: 4 }),
        fc.boolean(),
        (i, opens, closes, added, dropFirst) => {
          const d = JSON.parse(JSON.stringify(dated[i])) as { timeline: { opens: { date: string }; closes: { date: string }; events: unknown[] } };
          if (opens) d.timeline.opens.date = opens;
          if (closes) d.timeline.closes.date = closes;
          if (dropFirst) d.timeline.events.shift();
          for (const [e, date] of added) d.timeline.events.push({ ...e, date });
          outcomeIsClean(JSON.stringify(d));
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.nat({ max: stylised.length - 1 }),
        fc.option(fc.integer({ min: -2, max: 40_000 }), { nil: undefined }),
        fc.array(fc.tuple(eventArb, fc.integer({ min: -2, max: 40_000 })), { maxLength: 4 }),
        (i, days, added) => {
          const d = JSON.parse(JSON.stringify(stylised[i])) as { timeline: { days: number; events: unknown[] } };
          if (days !== undefined) d.timeline.days = days;
          for (const [e, day] of added) d.timeline.events.push({ ...e, day });
          outcomeIsClean(JSON.stringify(d));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('text mutations (cuts, insertions, replacements) give a valid scenario or a ScenarioError', () => {
    const texts = docs.map((d) => JSON.stringify(d, null, 2));
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 3 }),
        (i, edits) => {
          let t = texts[i];
          for (const [at, cut, insert] of edits) {
            const p = at % (t.length + 1);
            t = t.slice(0, p) + insert + t.slice(p + cut);
          }
          outcomeIsClean(t);
        },
      ),
      { numRuns: 400 },
    );
  });
});
