/**
 * The reference models through the same CLI, run files, replay and hash as the main model:
 * `--model`, `--preset`, `params --model`, and clear errors when a flag belongs to another model.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS, createModel, hashResult, modelKernel, parseRunFile, replay, runModel, toRunFile } from '../sim/index';
import { cli } from './helpers/cli';



let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'r2p-models-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every model on the same engine', () => {
  it('registers the main model and both reference models', () => {
    expect(MODELS.map((m) => m.id)).toEqual(['r2p-luck-2018', 'epstein-civil-violence', 'epstein-ethnic-violence']);
    for (const m of MODELS) {
      expect(m.version, m.id).toMatch(/\/\d+$/);
      expect(new Set(m.series.map((s) => s.name)).size, m.id).toBe(m.series.length);
      for (const d of m.params) expect(d.source.length, `${m.id}.${d.name}`).toBeGreaterThan(3);
    }
  });

  it('starts from a named preset, with overrides on top; an unknown preset names the ones there are', () => {
    const m = createModel({ model: 'epstein-civil-violence', preset: 'netlogo', params: { legitimacy: 0.5 }, seed: 1, ticks: 1 });
    const p = m.initialParams as Record<string, unknown>;
    expect(p).toEqual({ ...p, ...modelKernel('epstein-civil-violence').presets!.netlogo.values, legitimacy: 0.5 });
    expect(p.arrestRounding).toBe('floor');
    expect(() => createModel({ model: 'epstein-civil-violence', preset: 'mason', seed: 1 })).toThrow(/^preset: got "mason", expected one of "mesa", "netlogo"/);
    expect(() => createModel({ preset: 'mesa', seed: 1 })).toThrow(/expected nothing: model r2p-luck-2018 has no presets/);
  });

  it('writes run files that replay and verify, for each model', () => {
    for (const [model, params] of [
      ['epstein-civil-violence', { ...modelKernel('epstein-civil-violence').presets!.netlogo.values, width: 20, height: 20 }],
      ['epstein-ethnic-violence', { width: 20, height: 20 }],
    ] as const) {
      const result = runModel({ model, params, seed: 9, ticks: 60, schedule: [{ tick: 30, name: 'legitimacy' as never, value: 0.5 }] });
      const file = toRunFile(result);
      expect(file.model).toBe(model);
      expect(file.engine.model).toBe(modelKernel(model).version);
      expect(Object.keys(file.series)).toEqual(modelKernel(model).series.map((s) => s.name));
      const text = JSON.parse(JSON.stringify(file));
      const outcome = replay(parseRunFile(text));
      expect(outcome.ok, `${model}: ${JSON.stringify(outcome.firstDifference)}`).toBe(true);
      expect(outcome.actual).toBe(hashResult(result));
      // Tampering is found and located.
      const name = modelKernel(model).series[0].name;
      text.series[name][40] += 1;
      const bad = replay(parseRunFile(text));
      expect(bad.ok).toBe(false);
      expect(bad.firstDifference?.series).toBe(name);
    }
  });
});

describe('r2p-sim run --model', () => {
  it('runs Model I with the mesa preset, writes a run file, and replay verifies it', () => {
    const out = join(dir, 'ep.run.json');
    const r = cli('run', '--model', 'epstein-civil-violence', '--preset', 'mesa', '--seed', '4', '--ticks', '40', '--out', out);
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain('model epstein-civil-violence (preset mesa), seed 4');
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.model).toBe('epstein-civil-violence');
    expect(file.params.arrestRounding).toBe('half-even');
    const v = cli('replay', out);
    expect(v.status, v.what).toBe(0);
    expect(v.stdout).toContain('verified');
  });

  it('takes the model\'s own parameter flags and --set changes', () => {
    const out = join(dir, 'ep2.run.json');
    const r = cli('run', '--model', 'epstein-civil-violence', '--width', '20', '--height', '20', '--legitimacy', '0.9', '--set', 'legitimacy=0.7@20', '--ticks', '30', '--out', out);
    expect(r.status, r.what).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.params.width).toBe(20);
    expect(file.params.legitimacy).toBe(0.9);
    expect(file.schedule).toEqual([{ tick: 20, name: 'legitimacy', value: 0.7 }]);
  });

  it('refuses what belongs to another model, with the model named', () => {
    const a = cli('run', '--model', 'epstein-civil-violence', '--incitement', '0.5');
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('--incitement: not a parameter of model epstein-civil-violence (it belongs to r2p-luck-2018)');
    const b = cli('run', '--model', 'epstein-ethnic-violence', '--scenario', 'rwanda-1994');
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('--scenario: scenarios describe situations for the model r2p-luck-2018');
    const c = cli('run', '--model', 'epstein-civil-violence', '--preset', 'mason');
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/--preset: got "mason", expected one of "mesa", "netlogo"/);
    const d = cli('run', '--model', 'epstein-civil-violence', '--set', 'width=30@5');
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('cannot change mid-run');
    const e = cli('run', '--model', 'schelling');
    expect(e.status).toBe(2);
  });

  it('lists a model\'s parameters and presets with params --model', () => {
    const r = cli('params', '--model', 'epstein-civil-violence');
    expect(r.status, r.what).toBe(0);
    for (const d of modelKernel('epstein-civil-violence').params) expect(r.stdout).toContain(`  ${d.name} = `);
    expect(r.stdout).toContain('preset mesa:');
    expect(r.stdout).toContain('preset netlogo:');
    const j = JSON.parse(cli('params', '--model', 'epstein-ethnic-violence', '--json').stdout);
    const defs = Array.isArray(j) ? j : j.params;
    expect(defs.map((d: { name: string }) => d.name)).toEqual(modelKernel('epstein-ethnic-violence').params.map((d) => d.name));
  });

  it('leaves the main model\'s run files as they were (model field added, hash unchanged)', () => {
    const out = join(dir, 'main.run.json');
    const r = cli('run', '--seed', '2', '--ticks', '20', '--agents', '500', '--people-per-agent', '50', '--out', out);
    expect(r.status, r.what).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.model).toBe('r2p-luck-2018');
    // A run file written before there was more than one model has no "model" field: still replays.
    delete file.model;
    writeFileSync(out, JSON.stringify(file));
    const v = cli('replay', out);
    expect(v.status, v.what).toBe(0);
  });
});
