/**
 * The golden table (test/golden/table.json, made by bench/golden-table.ts): every row replays to
 * its stored results hash; the table still reaches every value it claims (every numeric
 * parameter of every model at its min and at its max, every enum value, both booleans), so it
 * cannot silently shrink; the regeneration script refuses to write a changed hash under an
 * unchanged model version. And the hashes themselves: key order in a summary or a parameter set
 * never changes a hash, any changed value does.
 *
 * A deliberate model change: bump the model's version (its kernel's `version`), run
 * `npm run goldens`, and say in the commit message why results changed.
 */
import { describe, expect, it } from 'vitest';
import {
  REGENERATE,
  ROW_SPECS,
  buildTable,
  claimFailures,
  coverageGaps,
  normaliseSpec,
  planTableUpdate,
  readTable,
  rowHash,
  rowInputs,
  type GoldenTable,
  type TableRow,
} from '../bench/golden-table';
import { MODELS, hashInputs, hashResult, modelKernel, runModel, toRunFile, type ParamDef, type RunResult } from '../sim/index';

const table = readTable();
const HOW = `if the change is deliberate, bump the model's version and run \`${REGENERATE}\` (bench/golden-table.ts), and say in the commit message why results changed`;

describe('the golden table', () => {
  it('exists and was made by the current model versions', () => {
    expect(table, `test/golden/table.json is missing: run \`${REGENERATE}\``).toBeDefined();
    for (const id of new Set(table!.rows.map((r) => r.model))) {
      expect(table!.versions[id], `the table has rows of ${id} but no version for it; run \`${REGENERATE}\``).toBeDefined();
    }
    for (const [id, version] of Object.entries(table!.versions)) {
      expect(version, `model ${id} is now at version ${modelKernel(id).version} but the table was made at ${version}: run \`${REGENERATE}\``).toBe(modelKernel(id).version);
    }
  });

  it('holds exactly the rows bench/golden-table.ts defines', () => {
    const want = ROW_SPECS.map(normaliseSpec);
    expect(table!.rows.map((r) => r.id), `the table's rows differ from ROW_SPECS: run \`${REGENERATE}\``).toEqual(want.map((r) => r.id));
    for (const [i, r] of want.entries()) {
      expect(rowInputs(table!.rows[i]), `row ${r.id}: its inputs in the table differ from ROW_SPECS: run \`${REGENERATE}\``).toBe(rowInputs(r));
    }
  });

  it('reaches every parameter value it claims, for every model', () => {
    expect(coverageGaps(table!.rows), 'the table no longer reaches these values; add or restore rows in bench/golden-table.ts').toEqual([]);
    for (const k of MODELS) {
      expect(table!.rows.filter((r) => r.model === k.id).length, `${k.id} needs a few rows`).toBeGreaterThanOrEqual(3);
    }
    const main = table!.rows.filter((r) => r.model === 'r2p-luck-2018');
    expect(main.some((r) => r.ticks >= 365), 'the table needs a main-model run of a year or more').toBe(true);
    // Existential stakes with each kind of leadership that matters to the article, and a scheduled turn.
    expect(main.some((r) => r.params.existentialStakes === 1 && r.params.perpetratorType === 'extremist-armed-group')).toBe(true);
    expect(main.some((r) => r.schedule.some((c) => c.name === 'existentialStakes'))).toBe(true);
  });

  describe('every row shows what its note claims (its spec\'s claims, checked on its runs)', () => {
    it('the rows that claim something are the ones kept for a mechanism', () => {
      expect(ROW_SPECS.filter((r) => r.claims).map((r) => r.id)).toEqual(['luck-safe-areas-fall', 'luck-safe-areas-deported', 'luck-conscription', 'luck-coercion-uprising']);
    });
    for (const spec of ROW_SPECS.filter((r) => r.claims)) {
      it(spec.id, () => {
        expect(claimFailures(spec)).toEqual([]);
      });
    }
    it('names a claim that fails: a peak not reached, a contrast the wrong way, a series the model lacks', () => {
      const base = { id: 'x', note: 'x', params: { agents: 300 }, seed: 1, ticks: 20 };
      expect(claimFailures({ ...base, claims: { peaks: { venuesFallen: 1 } } })).toEqual(['row x: series venuesFallen peaks at 0, below the 1 its note claims']);
      expect(claimFailures({ ...base, claims: { peaks: { nope: 1 } } })[0]).toMatch(/series nope, which the model does not record/);
      const same = claimFailures({ ...base, claims: { versus: { params: { deterrence: 0.9 }, summary: 'deaths', row: 'more' } } });
      expect(same).toHaveLength(1);
      expect(same[0]).toMatch(/^row x: deaths is 0, against 0 with \{"deterrence":0.9\}; its note claims more$/);
      expect(claimFailures(base)).toEqual([]);
    });
  });

  describe('every row replays to its stored hash', () => {
    for (const row of table?.rows ?? []) {
      it(row.id, () => {
        expect(rowHash(row), `row ${row.id} (${row.note}) no longer reproduces its results; ${HOW}`).toBe(row.hash);
      });
    }
  });
});

// ---- the refusal rule, on fake tables ----------------------------------------------------------

const H = (c: string) => c.repeat(64);
const fakeRow = (id: string, hash: string, over: Partial<TableRow> = {}): TableRow => ({
  id, note: `row ${id}`, model: 'r2p-luck-2018', params: { agents: 300 }, schedule: [], seed: 1, ticks: 10, hash, ...over,
});
const fakeTable = (rows: TableRow[], versions: Record<string, string> = { 'r2p-luck-2018': 'r2p-luck-2018/2' }): GoldenTable => ({
  about: 'fake', versions, rows,
});

describe('planTableUpdate: refuses a changed hash under an unchanged model version', () => {
  const stored = fakeTable([fakeRow('a', H('a')), fakeRow('b', H('b'), { seed: 2 })]);

  it('writes nothing when nothing changed', () => {
    const plan = planTableUpdate(stored, fakeTable([fakeRow('a', H('a')), fakeRow('b', H('b'), { seed: 2 })]));
    expect(plan).toEqual({ write: false, refused: [], changes: [] });
  });

  it('refuses when a hash changed but the version did not, and says to bump it and why', () => {
    const plan = planTableUpdate(stored, fakeTable([fakeRow('a', H('a')), fakeRow('b', H('c'), { seed: 2 })]));
    expect(plan.write).toBe(false);
    expect(plan.refused).toHaveLength(1);
    const msg = plan.refused[0];
    expect(msg).toContain('row b');
    expect(msg).toContain('r2p-luck-2018/2');
    expect(msg).toMatch(/bump/i);
    expect(msg).toContain('r2p-luck-2018/3'); // the suggested next version
    expect(msg).toContain('sim/models/luck2018/kernel.ts');
    expect(msg).toMatch(/run files record the version/);
  });

  it('refuses even when other rows were legitimately added in the same regeneration', () => {
    const plan = planTableUpdate(stored, fakeTable([fakeRow('a', H('d')), fakeRow('b', H('b'), { seed: 2 }), fakeRow('new', H('e'))]));
    expect(plan.write).toBe(false);
    expect(plan.refused.map((m) => m.slice(0, 6))).toEqual(['row a:']);
  });

  it('writes when the version was bumped', () => {
    const plan = planTableUpdate(stored, fakeTable([fakeRow('a', H('d')), fakeRow('b', H('c'), { seed: 2 })], { 'r2p-luck-2018': 'r2p-luck-2018/3' }));
    expect(plan.refused).toEqual([]);
    expect(plan.write).toBe(true);
    expect(plan.changes).toContain('model r2p-luck-2018: version r2p-luck-2018/2 -> r2p-luck-2018/3');
  });

  it("bumping one model's version does not excuse another model's changed hash", () => {
    const two = fakeTable([fakeRow('a', H('a')), fakeRow('e', H('e'), { model: 'epstein-civil-violence', params: {} })], {
      'r2p-luck-2018': 'r2p-luck-2018/2', 'epstein-civil-violence': 'epstein-2002-I/1',
    });
    const plan = planTableUpdate(two, fakeTable([fakeRow('a', H('a')), fakeRow('e', H('f'), { model: 'epstein-civil-violence', params: {} })], {
      'r2p-luck-2018': 'r2p-luck-2018/3', 'epstein-civil-violence': 'epstein-2002-I/1',
    }));
    expect(plan.write).toBe(false);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]).toContain('epstein-2002-I/1');
    expect(plan.refused[0]).toContain('sim/models/epstein/civil-violence.ts');
  });

  it('writes when rows were added, removed or their inputs edited (a new run, not a changed model)', () => {
    const added = planTableUpdate(stored, fakeTable([fakeRow('a', H('a')), fakeRow('b', H('b'), { seed: 2 }), fakeRow('c', H('c'))]));
    expect(added).toMatchObject({ write: true, refused: [], changes: ['row c added'] });
    const removed = planTableUpdate(stored, fakeTable([fakeRow('a', H('a'))]));
    expect(removed).toMatchObject({ write: true, refused: [], changes: ['row b removed'] });
    const edited = planTableUpdate(stored, fakeTable([fakeRow('a', H('a')), fakeRow('b', H('c'), { seed: 3 })]));
    expect(edited.refused).toEqual([]);
    expect(edited.write).toBe(true);
  });

  it('writes a version bump that changed no hash, and a first table', () => {
    expect(planTableUpdate(stored, fakeTable(stored.rows.slice(), { 'r2p-luck-2018': 'r2p-luck-2018/3' })).write).toBe(true);
    expect(planTableUpdate(undefined, stored)).toMatchObject({ write: true, refused: [] });
  });

  it('refuses duplicate row ids', () => {
    expect(planTableUpdate(stored, fakeTable([fakeRow('a', H('a')), fakeRow('a', H('a'), { seed: 5 })])).refused[0]).toMatch(/twice/);
  });

  it('reads parameter key order as the same inputs', () => {
    const reordered = fakeTable([fakeRow('a', H('a'), { params: { agents: 300, incitement: 0.9 } })]);
    const same = fakeTable([fakeRow('a', H('b'), { params: { incitement: 0.9, agents: 300 } })]);
    expect(planTableUpdate(reordered, same).refused).toHaveLength(1);
  });
});

describe('coverageGaps', () => {
  const defs: ParamDef[] = [
    { name: 'x', group: 'g', unit: '', description: '', source: '', kind: 'number', default: 0.5, min: 0, max: 1 },
    { name: 'n', group: 'g', unit: '', description: '', source: '', kind: 'integer', default: 1, min: 1, max: 9, structural: true },
    { name: 'e', group: 'g', unit: '', description: '', source: '', kind: 'enum', default: 'p', values: ['p', 'q', 'r'] },
    { name: 'b', group: 'g', unit: '', description: '', source: '', kind: 'boolean', default: false },
  ];
  const model = [{ id: 'fake', params: defs }];
  const row = (params: Record<string, number | string | boolean>, schedule: TableRow['schedule'] = []) => ({ model: 'fake', params, schedule });

  it('names every value no row reaches (defaults count)', () => {
    expect(coverageGaps([row({})], model)).toEqual(['fake: x never at its min 0', 'fake: x never at its max 1', 'fake: n never at its max 9', 'fake: e never at "q"', 'fake: e never at "r"', 'fake: b never at true']);
  });

  it('counts values a row starts with or schedules', () => {
    expect(coverageGaps([row({ x: 0, n: 9, e: 'q' }), row({ b: true }, [{ tick: 3, name: 'x', value: 1 }, { tick: 4, name: 'e', value: 'r' }])], model)).toEqual([]);
  });

  it('reports a model without rows', () => {
    expect(coverageGaps([], model)).toEqual(['fake: no row']);
  });

  it('fails the real table when a row is dropped', () => {
    const without = table!.rows.filter((r) => r.id !== 'luck-agents-max');
    expect(coverageGaps(without)).toContain('r2p-luck-2018: agents never at its max 2000000');
  });
});

// ---- the hashes and key order ----------------------------------------------------------------

/** The same value with every object's keys in reverse order, at every depth (arrays keep their order). */
function reverseKeys<T>(v: T): T {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) return v.map(reverseKeys) as T;
  return Object.fromEntries(Object.entries(v as object).reverse().map(([k, x]) => [k, reverseKeys(x)])) as T;
}

describe('the results hash (hashResult) and the inputs hash (hashInputs)', () => {
  const civil = runModel({ model: 'epstein-civil-violence', params: { width: 12, height: 12, legitimacy: 0.6 }, seed: 3, ticks: 30 }) as unknown as RunResult<Record<string, unknown>>;
  const main = runModel({ params: { agents: 300, incitement: 0.9 }, seed: 3, ticks: 60 }) as unknown as RunResult<Record<string, unknown>>;

  for (const [name, r] of [['main model', main], ['Epstein Model I (a nested summary)', civil]] as const) {
    describe(name, () => {
      const base = hashResult(r);

      it('ignores the key order of the summary, at every depth', () => {
        const shuffled = { ...r, summary: reverseKeys(r.summary) };
        expect(JSON.stringify(Object.keys(shuffled.summary))).not.toBe(JSON.stringify(Object.keys(r.summary)));
        expect(hashResult(shuffled)).toBe(base);
      });

      it('changes with any summary value, series value or event', () => {
        const key = Object.keys(r.summary).find((k) => typeof r.summary[k] === 'number')!;
        expect(hashResult({ ...r, summary: { ...r.summary, [key]: (r.summary[key] as number) + 1 } })).not.toBe(base);
        const series = Object.fromEntries(Object.entries(r.series).map(([k, v]) => [k, Float64Array.from(v)]));
        const last = Object.keys(series).at(-1)!;
        series[last][r.ticks - 1] += 1e-12;
        expect(hashResult({ ...r, series })).not.toBe(base);
        expect(hashResult({ ...r, events: [...r.events, { tick: 0, actor: 'user', action: 'set', detail: 'x=1' }] })).not.toBe(base);
      });

      it("hashes series in the model's series order, which results and run files keep", () => {
        // Series are hashed in the order of the object's keys, not sorted: that order is the
        // model's series list (ModelKernel.series), as the engine builds results and run files.
        const order = modelKernel(r.model).series.map((s) => s.name);
        expect(Object.keys(r.series)).toEqual(order);
        expect(Object.keys(toRunFile(r).series)).toEqual(order);
        expect(hashResult(toRunFile(r))).toBe(base);
        // So the same series in another order hash differently.
        expect(hashResult({ ...r, series: reverseKeys(r.series) })).not.toBe(base);
      });
    });
  }

  const inputs = { model: main.model, params: main.params as Record<string, unknown>, schedule: [{ tick: 5, name: 'deterrence', value: 0.8 }], seed: 3, ticks: 60 };
  const base = hashInputs(inputs);

  it('ignores the key order of the parameters and of the whole', () => {
    const shuffled = reverseKeys(inputs);
    expect(Object.keys(shuffled.params)[0]).not.toBe(Object.keys(inputs.params)[0]);
    expect(hashInputs(shuffled)).toBe(base);
    expect(hashInputs({ ...inputs, schedule: [{ value: 0.8, name: 'deterrence', tick: 5 }] })).toBe(base);
  });

  it('changes with any parameter value, the schedule, the seed, the length or the model', () => {
    expect(hashInputs({ ...inputs, params: { ...inputs.params, incitement: 0.91 } })).not.toBe(base);
    expect(hashInputs({ ...inputs, params: { ...inputs.params, patron: !inputs.params.patron } })).not.toBe(base);
    expect(hashInputs({ ...inputs, schedule: [{ tick: 6, name: 'deterrence', value: 0.8 }] })).not.toBe(base);
    expect(hashInputs({ ...inputs, schedule: [] })).not.toBe(base);
    expect(hashInputs({ ...inputs, seed: 4 })).not.toBe(base);
    expect(hashInputs({ ...inputs, seed: '3' })).not.toBe(base);
    expect(hashInputs({ ...inputs, ticks: 61 })).not.toBe(base);
    expect(hashInputs({ ...inputs, model: 'epstein-civil-violence' })).not.toBe(base);
  });

  it('gives a rerun of the same inputs the same results hash, in any parameter key order', () => {
    const again = runModel({ params: reverseKeys({ agents: 300, incitement: 0.9 }), seed: 3, ticks: 60 });
    expect(hashResult(again)).toBe(hashResult(main));
  });
});

// Keep the generator's own path honest too: buildTable on one cheap spec gives what rowHash gives.
it('buildTable hashes a row as the replay does', () => {
  const spec = ROW_SPECS.find((s) => s.id === 'luck-floor')!;
  const built = buildTable([spec]);
  expect(built.rows[0].hash).toBe(rowHash(normaliseSpec(spec)));
  expect(built.versions).toEqual({ 'r2p-luck-2018': modelKernel('r2p-luck-2018').version });
});
