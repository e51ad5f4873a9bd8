/**
 * End to end with the real bin (cli/r2p-sim.mjs): run writes a run file, replay verifies it and
 * finds tampering, params lists the schema, --help works everywhere, and a scheduled --set
 * changes a run only from its tick on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAM_DEFS, SERIES, hashResult, runModel, type RunFile } from '../sim/index';
import { cli } from './helpers/cli';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);


// 90 days: past the default scenario's election (day 60), so that the run mobilises and kills.
const RUN_ARGS = ['run', '--scenario', 'default', '--seed', '5', '--ticks', '90', '--agents', '2000', '--people-per-agent', '50'];

let dir: string;
let basePath: string;
let base: RunFile;
let baseText: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'r2p-cli-'));
  basePath = join(dir, 'base.run.json');
  const r = cli(...RUN_ARGS, '--out', basePath);
  expect(r.status, r.what).toBe(0);
  baseText = readFileSync(basePath, 'utf8');
  base = JSON.parse(baseText) as RunFile;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A run file as plain, editable JSON. */
interface EditableRunFile {
  hash: string;
  params: Record<string, unknown>;
  series?: Record<string, number[]>;
  events: { tick: number; actor: string; action: string; detail?: string }[];
  [key: string]: unknown;
}

/** Write a modified copy of the base run file and replay it. */
function replayTampered(name: string, edit: (f: EditableRunFile) => void) {
  const f = JSON.parse(baseText) as EditableRunFile;
  edit(f);
  const path = join(dir, `${name}.run.json`);
  writeFileSync(path, JSON.stringify(f));
  return cli('replay', path);
}

describe('r2p-sim run', () => {
  it('writes a run file with inputs, results and hash', () => {
    for (const k of ['format', 'engine', 'scenario', 'params', 'schedule', 'seed', 'ticks', 'summary', 'series', 'events', 'hash']) {
      expect(base, k).toHaveProperty(k);
    }
    expect(base.format).toBe('r2p-sim/run@1');
    expect(base.engine.name).toBe('r2p-sim');
    expect(base.scenario).toBe('default');
    expect(base.seed).toBe(5);
    expect(base.ticks).toBe(90);
    expect(base.params.agents).toBe(2000);
    expect(Object.keys(base.params).sort()).toEqual(PARAM_DEFS.map((d) => d.name).sort());
    expect(base.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(base.series).sort()).toEqual(SERIES.map((s) => s.name).sort());
    for (const s of SERIES) expect(base.series[s.name], s.name).toHaveLength(90);
    expect(base.summary.ticks).toBe(90);
    expect(base.summary.agents).toBe(2000);
  });

  it('stores the hash of what it stores, and the API gives the same run', () => {
    expect(hashResult(base)).toBe(base.hash);
    const r = runModel({ params: base.params, seed: base.seed, ticks: base.ticks, schedule: [] });
    expect(hashResult(r)).toBe(base.hash);
  });

  it('writes the same file again for the same command', () => {
    const again = join(dir, 'again.run.json');
    const r = cli(...RUN_ARGS, '--out', again);
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain(base.hash);
    expect(readFileSync(again, 'utf8')).toBe(baseText);
  });
});

describe('r2p-sim run with -0', () => {
  it('writes a file that replays (JSON cannot store -0; regression)', () => {
    const path = join(dir, 'negzero.run.json');
    const r = cli('run', '--seed', '1', '--ticks', '30', '--agents', '500', '--people-per-agent', '50', '--set', 'incitement=-0', '--set', 'deterrenceSeverity=-0', '--out', path);
    expect(r.status, r.what).toBe(0);
    const rep = cli('replay', path);
    expect(rep.status, rep.what).toBe(0);
    expect(rep.stdout).toMatch(/^verified [0-9a-f]{64}$/m);
  });
});

describe('r2p-sim replay', () => {
  it('verifies an untouched run file', () => {
    const r = cli('replay', basePath);
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^verified ${base.hash}$`, 'm'));
  });

  it('names the tick and series of a tampered series value', () => {
    const r = replayTampered('series', (f) => {
      f.series!.perpetrators[30] += 1;
    });
    expect(r.status, r.what).toBe(1);
    expect(r.stdout).toContain('MISMATCH');
    expect(r.stdout).toContain('series "perpetrators" at tick 30');
    expect(r.stdout).toContain(`file has ${base.series.perpetrators[30] + 1}, rerun gives ${base.series.perpetrators[30]}`);
  });

  it('names the earliest of several tampered values', () => {
    const r = replayTampered('two-series', (f) => {
      f.series!.legitimacy[40] = 0.123;
      f.series!.deaths[12] = 999;
    });
    expect(r.status, r.what).toBe(1);
    expect(r.stdout).toContain('series "deaths" at tick 12');
  });

  it('fails on a tampered hash, event or input', () => {
    const hash = replayTampered('hash', (f) => {
      f.hash = f.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    });
    expect(hash.status, hash.what).toBe(1);
    expect(hash.stdout).toContain('MISMATCH');

    expect(base.events.length).toBeGreaterThan(0);
    const event = replayTampered('event', (f) => {
      f.events[0] = { ...f.events[0], action: 'tampered' };
    });
    expect(event.status, event.what).toBe(1);
    expect(event.stdout).toContain('event 0 differs');

    const summary = replayTampered('summary', (f) => {
      (f.summary as Record<string, unknown>).peakPerpetrators = 0;
    });
    expect(summary.status, summary.what).toBe(1);
    expect(summary.stdout).toContain('summary.peakPerpetrators differs');

    const input = replayTampered('input', (f) => {
      f.params.incitement = 1;
      f.params.incitementReach = 1;
    });
    expect(input.status, input.what).toBe(1);
    expect(input.stdout).toMatch(/first difference: series "\w+" at tick \d+/);
  });

  it('reports a run file of the wrong shape with exit code 2', () => {
    const r = replayTampered('shape', (f) => {
      delete f.series;
    });
    expect(r.status, r.what).toBe(2);
    expect(r.stderr).toContain('series');
  });
});

describe('r2p-sim params', () => {
  it('lists every parameter in the schema', () => {
    const r = cli('params');
    expect(r.status, r.what).toBe(0);
    for (const d of PARAM_DEFS) expect(r.stdout, d.name).toContain(`  ${d.name} = ${String(d.default)}`);
  });

  it('prints the schema as JSON', () => {
    const r = cli('params', '--json');
    expect(r.status, r.what).toBe(0);
    const defs = JSON.parse(r.stdout) as { name: string }[];
    expect(defs.map((d) => d.name)).toEqual(PARAM_DEFS.map((d) => d.name));
  });
});

describe('--help', () => {
  it('works at the top level and lists the commands', () => {
    const r = cli('--help');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain('Usage: r2p-sim');
    for (const c of ['run', 'replay', 'params']) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });

  it('works for run and lists every parameter flag', () => {
    const r = cli('run', '--help');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain('Usage: r2p-sim run');
    for (const o of ['--scenario', '--seed', '--ticks', '--set', '--out']) expect(r.stdout).toContain(o);
    for (const d of PARAM_DEFS) expect(r.stdout, d.name).toContain(`--${kebab(d.name)} <value>`);
  });

  it('works for replay and params', () => {
    const replay = cli('replay', '--help');
    expect(replay.status, replay.what).toBe(0);
    expect(replay.stdout).toContain('Usage: r2p-sim replay');
    expect(replay.stdout).toContain('<file>');
    const params = cli('params', '--help');
    expect(params.status, params.what).toBe(0);
    expect(params.stdout).toContain('Usage: r2p-sim params');
    expect(params.stdout).toContain('--json');
  });

  it('works as `help <command>`', () => {
    const r = cli('help', 'replay');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain('Usage: r2p-sim replay');
  });
});

describe('scheduled --set', () => {
  it('changes a run only from its tick on', () => {
    const armPath = join(dir, 'arm.run.json');
    const r = cli(...RUN_ARGS, '--set', 'deterrence=0.9@30', '--out', armPath);
    expect(r.status, r.what).toBe(0);
    const arm = JSON.parse(readFileSync(armPath, 'utf8')) as RunFile;
    expect(arm.schedule).toEqual([{ tick: 30, name: 'deterrence', value: 0.9 }]);
    expect(arm.params).toEqual(base.params);
    expect(arm.hash).not.toBe(base.hash);
    let firstDiff = Infinity;
    for (const s of SERIES) {
      const a = base.series[s.name];
      const b = arm.series[s.name];
      for (let t = 0; t < 60; t++) {
        if (a[t] !== b[t]) {
          firstDiff = Math.min(firstDiff, t);
          break;
        }
      }
    }
    expect(firstDiff, 'first tick at which any series differs').toBe(30);
    expect(arm.events.filter((e) => e.tick < 30)).toEqual(base.events.filter((e) => e.tick < 30));
    expect(arm.events).toContainEqual({ tick: 30, actor: 'user', action: 'set', detail: 'deterrence=0.9' });
    // The arm's file replays too (the schedule is part of its inputs).
    const rep = cli('replay', armPath);
    expect(rep.status, rep.what).toBe(0);
    expect(rep.stdout).toMatch(new RegExp(`^verified ${arm.hash}$`, 'm'));
  });
});
