/**
 * The engine is the same for every model: a toy kernel (a random walk with a drift parameter)
 * checks what the engine itself owns, apart from any model's rules: validation against the
 * kernel's own schema, scheduled changes at the start of their tick, events merged in tick order,
 * series recorded in the kernel's order, determinism and the hash.
 */
import { describe, expect, it } from 'vitest';
import { ParamError, createKernelModel, hashResult, type ModelKernel, type ParamDef } from '../sim/index';

interface Walk {
  x: number;
  log: { tick: number; actor: string; action: string; detail?: string }[];
}

const PARAMS: readonly ParamDef[] = [
  { name: 'drift', group: 'walk', kind: 'number', default: 0, min: -1, max: 1, unit: 'step/tick', description: 'Mean step.', source: 'test' },
  { name: 'start', group: 'walk', kind: 'integer', default: 0, min: -10, max: 10, unit: '', description: 'Start.', source: 'test', structural: true },
];

const walk: ModelKernel<Walk, { final: number }> = {
  id: 'toy-walk',
  version: 'toy-walk/1',
  title: 'A random walk',
  params: PARAMS,
  series: [
    { name: 'x', unit: '', description: 'Position.' },
    { name: 'step', unit: '', description: 'This tick\'s step.' },
  ],
  defaultTicks: 20,
  create: (p) => ({ x: Number(p.start), log: [] }),
  step(w, p, tick, streams, out) {
    const u = streams.at('toy/walk', tick)();
    const step = Number(p.drift) + (u - 0.5);
    w.x += step;
    if (w.x > 3) w.log.push({ tick, actor: 'walker', action: 'far' });
    out[0] = w.x;
    out[1] = step;
  },
  summarise: (w) => ({ final: w.x }),
  events: (w) => w.log,
  agentCount: () => 1,
};

describe('the engine runs any kernel', () => {
  it('validates parameters against the kernel\'s own schema', () => {
    expect(() => createKernelModel(walk, { seed: 1, params: { drif: 0.1 } })).toThrow(/params\.drif: got "drif", expected a known parameter name \(did you mean "drift"\?\)/);
    expect(() => createKernelModel(walk, { seed: 1, params: { drift: 2 } })).toThrow(ParamError);
    expect(() => createKernelModel(walk, { seed: 1, schedule: [{ tick: 5, name: 'start' as never, value: 1 }] })).toThrow(/cannot change mid-run/);
  });

  it('uses the kernel\'s default run length and records its series in order', () => {
    const r = createKernelModel(walk, { seed: 1 }).run();
    expect(r.model).toBe('toy-walk');
    expect(r.ticks).toBe(20);
    expect(Object.keys(r.series)).toEqual(['x', 'step']);
    let x = 0;
    for (let t = 0; t < 20; t++) {
      x += r.series.step[t];
      expect(r.series.x[t]).toBeCloseTo(x, 12);
    }
    expect(r.summary.final).toBe(r.series.x[19]);
  });

  it('applies a scheduled change at the start of its tick and logs it before the tick\'s own events', () => {
    const base = createKernelModel(walk, { seed: 3, ticks: 30 }).run();
    const pushed = createKernelModel(walk, { seed: 3, ticks: 30, schedule: [{ tick: 10, name: 'drift' as never, value: 1 }] }).run();
    // Same random numbers (named streams): identical before tick 10, exactly +1 per tick after.
    for (let t = 0; t < 10; t++) expect(pushed.series.step[t]).toBe(base.series.step[t]);
    for (let t = 10; t < 30; t++) expect(pushed.series.step[t]).toBeCloseTo(base.series.step[t] + 1, 12);
    const set = pushed.events.findIndex((e) => e.action === 'set');
    expect(pushed.events[set]).toEqual({ tick: 10, actor: 'user', action: 'set', detail: 'drift=1' });
    expect(pushed.events.slice(0, set).every((e) => e.tick < 10)).toBe(true);
    expect(pushed.events.slice(set + 1).every((e) => e.tick >= 10)).toBe(true);
  });

  it('is deterministic per seed, and the hash tells runs apart', () => {
    const a = createKernelModel(walk, { seed: 'x', ticks: 50 }).run();
    const b = createKernelModel(walk, { seed: 'x', ticks: 50 }).run();
    const c = createKernelModel(walk, { seed: 'y', ticks: 50 }).run();
    expect(hashResult(a)).toBe(hashResult(b));
    expect(hashResult(a)).not.toBe(hashResult(c));
  });

  it('steps one tick at a time for whoever drives it', () => {
    const m = createKernelModel(walk, { seed: 2, ticks: 5 });
    expect(m.observe()).toEqual({});
    m.step();
    expect(m.tick).toBe(1);
    expect(Object.keys(m.observe())).toEqual(['x', 'step']);
    expect(m.series('x').length).toBe(1);
    expect(() => m.series('y')).toThrow(/series: got "y", expected one of x, step/);
    while (!m.done) m.step();
    expect(() => m.step()).toThrow(/complete/);
  });
});
