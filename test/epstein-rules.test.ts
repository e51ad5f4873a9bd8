/**
 * Rules of Epstein's (2002) civil-violence models (sim/models/epstein/), driving the kernels
 * directly and through the engine (createKernelModel): neighbourhoods, rounding, jail terms, set-up,
 * the one-agent-per-cell and jail invariants, determinism, and the rule-level consequences the
 * reference file states (L = 1: nobody active; Model II at L = 0.9: nobody killed).
 */
import { describe, expect, it } from 'vitest';
import type { AgentView, GridView, KernelParams, ModelKernel } from '../sim/engine/kernel';
import { createKernelModel, type RunSpec } from '../sim/engine/stepping';
import { Streams } from '../sim/engine/streams';
import { defaultsOf, resolveParams } from '../sim/engine/validate';
import {
  ACTIVE,
  COP,
  EMPTY,
  JAILED,
  civilViolence,
  drawJailTerm,
  outburstStats,
  roundHalfEven,
  roundedRatio,
  ROUND_FLOOR,
  ROUND_HALF_EVEN,
  ROUND_NONE,
  type CivilWorld,
} from '../sim/models/epstein/civil-violence';
import { ethnicViolence, type EthnicWorld } from '../sim/models/epstein/ethnic-violence';
import { buildVisionTable, neighbourOffsets, neighbourhoodSize, visionBase } from '../sim/models/epstein/grid';
import { CIVIL_PRESETS, ETHNIC_PRESETS } from '../sim/models/epstein/params';

/** A run through the engine (createKernelModel), keeping the world for checks. */
function drive<W, S extends object>(k: ModelKernel<W, S>, spec: RunSpec) {
  const m = createKernelModel(k, spec);
  return { ...m.run(), world: m.world as W };
}

function paramsOf<W, S extends object>(k: ModelKernel<W, S>, preset: string | undefined, overrides: Record<string, unknown> = {}): KernelParams {
  let base = defaultsOf(k.params);
  if (preset) base = resolveParams(k.presets![preset].values, base, k.params);
  return resolveParams(overrides, base, k.params);
}

/** Step a kernel by hand, calling `check` on the world before and after every tick. */
function stepWith<W, S extends object>(
  k: ModelKernel<W, S>,
  p: KernelParams,
  seed: number,
  ticks: number,
  check: (w: W, tick: number) => (() => void) | void,
): W {
  const streams = new Streams(String(seed));
  const w = k.create(p, streams);
  const out = new Float64Array(k.series.length);
  for (let t = 0; t < ticks; t++) {
    const after = check(w, t);
    k.step(w, p, t, streams, out);
    after?.();
  }
  return w;
}

/** One agent per cell, and the cell and agent records agree (one expect: expect per cell is slow). */
function checkGrid(w: CivilWorld | EthnicWorld, emptyCode: number, copCode: number, liveAgents: number): void {
  const bad: string[] = [];
  let occupied = 0;
  for (let cell = 0; cell < w.cells; cell++) {
    const id = w.occupant[cell];
    if (id < 0) {
      if (w.code[cell] !== emptyCode) bad.push(`cell ${cell}: no occupant but code ${w.code[cell]}`);
      continue;
    }
    occupied++;
    if (w.cellOf[id] !== cell) bad.push(`cell ${cell}: occupant ${id} is at ${w.cellOf[id]}`);
    if ((w.code[cell] === copCode) !== id >= w.cells) bad.push(`cell ${cell}: code ${w.code[cell]} for agent ${id}`);
  }
  let live = 0;
  for (let id = 0; id < 2 * w.cells; id++) {
    if (w.cellOf[id] < 0) continue;
    live++;
    if (w.occupant[w.cellOf[id]] !== id) bad.push(`agent ${id}: its cell ${w.cellOf[id]} holds ${w.occupant[w.cellOf[id]]}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
  expect([occupied, live]).toEqual([liveAgents, liveAgents]);
}

describe('neighbourhoods (grid.ts)', () => {
  it('have the sizes the reference file gives', () => {
    expect(neighbourhoodSize('von-neumann', 7)).toBe(112);
    expect(neighbourhoodSize('euclidean', 7)).toBe(148);
    expect(neighbourhoodSize('moore', 1.7)).toBe(8);
    expect(neighbourhoodSize('euclidean', 1.7)).toBe(8);
    expect(neighbourhoodSize('von-neumann', 1.7)).toBe(4);
    expect(neighbourhoodSize('moore', 7)).toBe(224);
  });

  it('list distinct torus cells, never the centre, the same number for every cell', () => {
    for (const [w, h, shape, v] of [[40, 40, 'von-neumann', 7], [10, 6, 'euclidean', 7], [5, 5, 'moore', 3], [7, 40, 'euclidean', 1.7]] as const) {
      const vt = buildVisionTable(w, h, shape, v);
      const bad: number[] = [];
      for (let cell = 0; cell < w * h; cell++) {
        const base = visionBase(vt, cell);
        const seen = new Set(Array.from(vt.data.subarray(base, base + vt.size)));
        if (seen.size !== vt.size || seen.has(cell) || [...seen].some((n) => n < 0 || n >= w * h)) bad.push(cell);
      }
      expect(bad).toEqual([]);
    }
    // A 5x5 torus seen through a radius-7 diamond: every other cell, once.
    expect(buildVisionTable(5, 5, 'von-neumann', 7).size).toBe(24);
  });

  it('fills the same rows on the fallback path of very large grids as a direct computation', () => {
    const vt = buildVisionTable(300, 300, 'euclidean', 7);
    expect(vt.full).toBe(false);
    expect(vt.size).toBe(148);
    const { dx, dy } = neighbourOffsets('euclidean', 7);
    for (const cell of [0, 299, 300 * 150 + 7, 300 * 300 - 1]) {
      const x = cell % 300;
      const y = Math.floor(cell / 300);
      const expected = Array.from(dx, (ddx, j) => ((y + dy[j] + 300) % 300) * 300 + ((x + ddx + 300) % 300));
      const base = visionBase(vt, cell);
      expect(Array.from(vt.data.subarray(base, base + vt.size))).toEqual(expected);
    }
    expect(buildVisionTable(100, 100, 'euclidean', 7).full).toBe(true);
  });

  it('wraps around the torus', () => {
    const vt = buildVisionTable(40, 40, 'von-neumann', 1);
    const base = visionBase(vt, 0);
    expect(Array.from(vt.data.subarray(base, base + 4)).sort((a, b) => a - b)).toEqual([1, 39, 40, 39 * 40]);
  });
});

describe('rule functions', () => {
  it('round halves to even, as Python', () => {
    expect(roundHalfEven(0.5)).toBe(0);
    expect(roundHalfEven(1.5)).toBe(2);
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(0.49)).toBe(0);
    expect(roundHalfEven(2.51)).toBe(3);
    expect(roundedRatio(1, 2, ROUND_HALF_EVEN)).toBe(0);
    expect(roundedRatio(3, 2, ROUND_HALF_EVEN)).toBe(2);
    expect(roundedRatio(5, 2, ROUND_HALF_EVEN)).toBe(2);
  });

  it('rounds the cop-to-active ratio by each switch', () => {
    for (let c = 0; c <= 60; c++) {
      for (let a = 1; a <= 40; a++) {
        expect(roundedRatio(c, a, ROUND_HALF_EVEN)).toBe(roundHalfEven(c / a));
        expect(roundedRatio(c, a, ROUND_FLOOR)).toBe(Math.floor(c / a));
        expect(roundedRatio(c, a, ROUND_NONE)).toBe(c / a);
      }
    }
  });

  it('draws jail terms: inclusive reaches Jmax, exclusive never does', () => {
    const below1 = 1 - 2 ** -32; // the largest uniform the streams give
    for (const jmax of [1, 15, 30, 1000]) {
      const incl = new Set<number>();
      const excl = new Set<number>();
      for (let k = 0; k < 20_000; k++) {
        const u = k / 20_000;
        incl.add(drawJailTerm(u, jmax, true));
        excl.add(drawJailTerm(u, jmax, false));
      }
      incl.add(drawJailTerm(below1, jmax, true));
      excl.add(drawJailTerm(below1, jmax, false));
      expect(Math.min(...incl)).toBe(0);
      expect(Math.max(...incl)).toBe(jmax);
      expect(incl.size).toBe(jmax + 1);
      expect(Math.min(...excl)).toBe(0);
      expect(Math.max(...excl)).toBe(jmax - 1);
      expect(excl.size).toBe(jmax);
    }
    expect(drawJailTerm(0.99, 0, true)).toBe(0);
    expect(drawJailTerm(0.99, 0, false)).toBe(0);
  });

  it('finds outbursts and the waits between them', () => {
    const s = outburstStats([0, 60, 70, 0, 0, 0, 55, 0, 0, 51, 52, 53], 50);
    expect(s.outbursts).toBe(3);
    expect(s.outburstTicks).toBe(6);
    expect(s.meanWait).toBe((3 + 2) / 2);
    expect(s.meanInterval).toBe((5 + 3) / 2);
    expect(outburstStats([1, 2, 3], 50).meanWait).toBeNull();
  });
});

describe('Model I: epstein-civil-violence', () => {
  it('presets are valid parameter sets; the mesa preset is the defaults', () => {
    for (const [name, preset] of Object.entries(CIVIL_PRESETS)) {
      expect(preset.description.length, name).toBeGreaterThan(20);
      expect(() => resolveParams(preset.values, defaultsOf(civilViolence.params), civilViolence.params)).not.toThrow();
    }
    expect(resolveParams(CIVIL_PRESETS.mesa.values, defaultsOf(civilViolence.params), civilViolence.params)).toEqual(defaultsOf(civilViolence.params));
    expect(CIVIL_PRESETS.netlogo.values).toMatchObject({ vision: 7, legitimacy: 0.82, maxJail: 30, copDensity: 0.04, arrestRounding: 'floor', neighbourhood: 'euclidean', jailTerm: 'exclusive' });
  });

  it('sets up densities close to nominal, one agent per cell, hardship and risk aversion in [0, 1)', () => {
    const p = paramsOf(civilViolence, 'mesa', { width: 100, height: 100 });
    const w = civilViolence.create(p, new Streams('7'));
    const cells = 10_000;
    // Binomial counts: within 4 standard deviations.
    expect(Math.abs(w.nCitizens - 0.7 * cells)).toBeLessThan(4 * Math.sqrt(cells * 0.7 * 0.3));
    expect(Math.abs(w.nCops - 0.074 * cells)).toBeLessThan(4 * Math.sqrt(cells * 0.074 * 0.926));
    checkGrid(w, EMPTY, COP, w.nCitizens + w.nCops);
    let hSum = 0;
    for (let a = 0; a < w.nCitizens; a++) {
      expect(w.hardship[a] >= 0 && w.hardship[a] < 1 && w.riskAversion[a] >= 0 && w.riskAversion[a] < 1).toBe(true);
      hSum += w.hardship[a];
    }
    expect(Math.abs(hSum / w.nCitizens - 0.5)).toBeLessThan(0.02);
  });

  it('refuses citizenDensity + copDensity above 1, as Mesa', () => {
    expect(() => civilViolence.create(paramsOf(civilViolence, undefined, { citizenDensity: 0.95, copDensity: 0.1 }), new Streams('1'))).toThrow(/copDensity/);
  });

  it('keeps one agent per cell, and jailed citizens never move, over many ticks', () => {
    for (const preset of ['mesa', 'netlogo']) {
      let jailedSeen = 0;
      stepWith(civilViolence, paramsOf(civilViolence, preset), 3, 250, (w) => {
        checkGrid(w, EMPTY, COP, w.nCitizens + w.nCops);
        const held: [number, number][] = [];
        for (let a = 0; a < w.nCitizens; a++) if (w.code[w.cellOf[a]] === JAILED && w.term[a] > 0) held.push([a, w.cellOf[a]]);
        jailedSeen += held.length;
        return () => {
          const moved = held.filter(([a, cell]) => w.cellOf[a] !== cell || w.code[cell] !== JAILED);
          expect(moved).toEqual([]);
        };
      });
      expect(jailedSeen, preset).toBeGreaterThan(0);
    }
  });

  it('counts every citizen once: quiet + active + jailed = citizens, no NaN', () => {
    for (const preset of Object.keys(CIVIL_PRESETS)) {
      const r = drive(civilViolence, { preset, seed: 11, ticks: 120 });
      for (const s of civilViolence.series) expect(r.series[s.name].every(Number.isFinite), `${preset} ${s.name}`).toBe(true);
      for (let t = 0; t < r.ticks; t++) expect(r.series.quiet[t] + r.series.active[t] + r.series.jailed[t]).toBe(r.world.nCitizens);
      expect(JSON.parse(JSON.stringify(r.summary))).toEqual(r.summary);
    }
  });

  it('is deterministic: same seed, same series; another seed, other series', () => {
    const a = drive(civilViolence, { preset: 'netlogo', seed: 5, ticks: 150 });
    const b = drive(civilViolence, { preset: 'netlogo', seed: 5, ticks: 150 });
    const c = drive(civilViolence, { preset: 'netlogo', seed: 6, ticks: 150 });
    expect(b.series).toEqual(a.series);
    expect(b.summary).toEqual(a.summary);
    expect(c.series.active).not.toEqual(a.series.active);
  });

  it('with L = 1 nobody is ever active (grievance 0), under every rounding rule', () => {
    for (const arrestRounding of ['half-even', 'floor', 'none']) {
      const r = drive(civilViolence, { preset: 'netlogo', params: { legitimacy: 1, arrestRounding }, seed: 2, ticks: 60 });
      expect(r.summary.peakActive).toBe(0);
      expect(r.summary.totalArrests).toBe(0);
      expect(r.series.meanGrievance.every((g) => g === 0)).toBe(true);
    }
  });

  it('without cops, P = 0 and exactly the citizens with H (1 - L) > T are active', () => {
    const r = drive(civilViolence, { params: { copDensity: 0, legitimacy: 0.7 }, seed: 4, ticks: 3 });
    const w = r.world;
    let expected = 0;
    for (let a = 0; a < w.nCitizens; a++) {
      const active = w.hardship[a] * 0.30000000000000004 > 0.1; // 1 - 0.7 in floating point
      if (active) expected++;
      expect(w.code[w.cellOf[a]] === ACTIVE).toBe(active);
    }
    expect(r.series.active[2]).toBe(expected);
  });

  it('mesa preset stays quiet; netlogo preset shows punctuated outbursts', () => {
    for (const seed of [1, 2, 3]) {
      const mesa = drive(civilViolence, { preset: 'mesa', seed, ticks: 200 });
      expect(mesa.summary.outbursts, `mesa seed ${seed}`).toBe(0);
      expect(mesa.series.jailed[199]).toBeGreaterThan(mesa.series.jailed[0]);
    }
    for (const seed of [1, 2]) {
      const nl = drive(civilViolence, { preset: 'netlogo', seed, ticks: 400 });
      expect(nl.summary.outbursts, `netlogo seed ${seed}`).toBeGreaterThanOrEqual(3);
      expect(nl.summary.meanWait).not.toBeNull();
    }
  });

  it('a sudden legitimacy drop sets off more actives than the same drop made gradually', () => {
    for (const seed of [1, 2, 3]) {
      const sudden = drive(civilViolence, { preset: 'run3', seed, ticks: 130, schedule: [{ tick: 77, name: 'legitimacy', value: 0.7 }] });
      const gradual = drive(civilViolence, {
        preset: 'run3', seed, ticks: 130,
        schedule: Array.from({ length: 20 }, (_, i) => ({ tick: 77 + i, name: 'legitimacy', value: Math.round((0.89 - 0.01 * i) * 100) / 100 })),
      });
      expect(sudden.series.legitimacy[76]).toBe(0.9);
      expect(sudden.series.legitimacy[77]).toBe(0.7);
      expect(gradual.series.legitimacy[96]).toBe(0.7);
      expect(Math.max(...sudden.series.active.subarray(0, 77))).toBe(0); // G <= 0.1 = T at L = 0.9
      expect(sudden.summary.peakActive).toBeGreaterThan(2 * gradual.summary.peakActive);
    }
  });

  it('a scheduled copDensity change withdraws or adds cops', () => {
    const r = drive(civilViolence, {
      seed: 8, ticks: 30,
      schedule: [{ tick: 5, name: 'copDensity', value: 0.02 }, { tick: 20, name: 'copDensity', value: 0.1 }],
    });
    expect(r.series.cops[4]).toBe(r.series.cops[0]);
    expect(r.series.cops[5]).toBe(32);
    expect(r.series.cops[19]).toBe(32);
    expect(r.series.cops[20]).toBe(160);
    expect(civilViolence.events!(r.world).map((e) => e.tick)).toEqual([5, 20]);
    checkGrid(r.world, EMPTY, COP, r.world.nCitizens + r.world.nCops);
  });
});

describe('Model II: epstein-ethnic-violence', () => {
  it('presets are valid parameter sets', () => {
    for (const [name, preset] of Object.entries(ETHNIC_PRESETS)) {
      expect(preset.description.length, name).toBeGreaterThan(20);
      expect(() => resolveParams(preset.values, defaultsOf(ethnicViolence.params), ethnicViolence.params)).not.toThrow();
    }
  });

  it('with L = 0.9 grievance stays <= 0.1 = T: nobody active, nobody killed', () => {
    const r = drive(ethnicViolence, { preset: 'run6', seed: 1, ticks: 300 });
    expect(r.summary.killsByA + r.summary.killsByB).toBe(0);
    expect(r.summary.peakActive).toBe(0);
    expect(r.summary.eliminationTick).toBeNull();
    expect(r.summary.births).toBeGreaterThan(0);
    expect(r.summary.deathsByAge).toBeGreaterThan(0);
  });

  it('keeps one agent per cell through births, deaths, kills and the peacekeepers\' arrival', () => {
    let sawJail = false;
    const w = stepWith(ethnicViolence, paramsOf(ethnicViolence, 'run8', { copArrivalTick: 10 }), 2, 120, (w, tick) => {
      checkGrid(w, 0, 1, w.nCitizens + w.nCops);
      const held: [number, number][] = [];
      for (let a = 0; a < w.cells; a++) if (w.cellOf[a] >= 0 && w.term[a] > 0) held.push([a, w.cellOf[a]]);
      if (held.length) sawJail = true;
      return () => {
        // A jailed citizen stays put, unless it died of age on its turn (its id may then be a newborn's).
        const moved = held.filter(([a, cell]) => w.cellOf[a] >= 0 && w.born[a] !== tick && w.cellOf[a] !== cell);
        expect(moved).toEqual([]);
      };
    });
    expect(w.nCops).toBe(Math.round(0.04 * 1600));
    expect(sawJail).toBe(true);
  });

  it('records consistent, finite series; is deterministic', () => {
    const a = drive(ethnicViolence, { preset: 'run8', seed: 3, ticks: 200 });
    const b = drive(ethnicViolence, { preset: 'run8', seed: 3, ticks: 200 });
    const c = drive(ethnicViolence, { preset: 'run8', seed: 4, ticks: 200 });
    expect(b.series).toEqual(a.series);
    expect(b.summary).toEqual(a.summary);
    expect(c.series.groupA).not.toEqual(a.series.groupA);
    for (const s of ethnicViolence.series) expect(a.series[s.name].every(Number.isFinite), s.name).toBe(true);
    let kA = 0;
    let kB = 0;
    for (let t = 0; t < 200; t++) {
      expect(a.series.killedToday[t]).toBe(a.series.killsByA[t] + a.series.killsByB[t]);
      expect(a.series.cops[t]).toBe(t < 50 ? 0 : 64);
      kA += a.series.killsByA[t];
      kB += a.series.killsByB[t];
    }
    expect([kA, kB]).toEqual([a.summary.killsByA, a.summary.killsByB]);
    expect(JSON.parse(JSON.stringify(a.summary))).toEqual(a.summary);
  });

  it('run 7 (L = 0.8, no peacekeepers) ends with one group eliminated', () => {
    const r = drive(ethnicViolence, { preset: 'run7', seed: 1, ticks: 600 });
    expect(r.summary.eliminationTick).not.toBeNull();
    expect(['A', 'B']).toContain(r.summary.survivor);
    const t = r.summary.eliminationTick!;
    expect(Math.min(r.series.groupA[t], r.series.groupB[t])).toBe(0);
    expect(Math.min(r.series.groupA[t - 1], r.series.groupB[t - 1])).toBeGreaterThan(0);
  });
});

describe('the grid as a front end draws it (view)', () => {
  // Each cell's category comes from its code; the counts agree with the tick's own series.
  const count = (cells: Uint8Array, k: number) => cells.reduce((n, c) => n + (c === k ? 1 : 0), 0);
  const grid = (v: AgentView): GridView => {
    if (v.kind !== 'grid') throw new Error(`a grid model's view is a grid, got ${v.kind}`);
    return v;
  };
  it('Model I: cops, quiet and active citizens as the series count them, every 10 ticks', () => {
    const m = createKernelModel(civilViolence, { preset: 'mesa', params: { width: 20, height: 20 }, seed: 7, ticks: 60 });
    for (let t = 0; t < 60; t++) {
      m.step();
      if (t % 10 !== 9) continue;
      const v = grid(civilViolence.view!(m.world));
      expect([v.width * v.height, v.cells.length]).toEqual([400, 400]);
      const o = m.observe();
      const key = (k: string) => v.categories.findIndex((c) => c.key === k);
      expect([count(v.cells, key('cop')), count(v.cells, key('quiet')), count(v.cells, key('active'))], `tick ${t}`).toEqual([o.cops, o.quiet, o.active]);
    }
  });
  it('Model II: the categories are the cell codes; group A and B actives as the series count them', () => {
    const m = createKernelModel(ethnicViolence, { preset: 'run8', params: { width: 20, height: 20 }, seed: 7, ticks: 40 });
    for (let t = 0; t < 40; t++) m.step();
    const v = grid(ethnicViolence.view!(m.world));
    expect(Array.from(v.cells)).toEqual(Array.from(m.world.code));
    const o = m.observe();
    expect([count(v.cells, 1), count(v.cells, 3), count(v.cells, 6)]).toEqual([o.cops, o.activeA, o.activeB]);
  });
});
