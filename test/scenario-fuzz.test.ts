/**
 * fast-check mutates valid scenario files (structure and raw text) and feeds them to the loader:
 * the only outcomes allowed are a valid scenario that maps to finite, in-range parameters, or a
 * ScenarioError that names the file and says what was expected. Never a crash, never NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAM_DEFS, checkValue } from '../sim/index';
import { BUILT_IN, ScenarioError, parseScenario, scenarioParams } from '../scenarios/index';

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
  const p = scenarioParams(s, FILE);
  for (const d of PARAM_DEFS) checkValue(d, p[d.name]);
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
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -0, '', ' ', 'none', 'yes', 'civil-war', '__proto__', [], {}),
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
    key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'value', 'source', 'patron')),
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
