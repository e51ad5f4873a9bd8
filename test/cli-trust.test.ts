/**
 * Runs a user can trust, through the real bin: output paths checked before any simulation, run
 * files written whole or not at all (a full disk leaves the old file intact), replay checking
 * every claim of a file, short errors, a summary that says what was run, one rule for --agents,
 * one rule for seeds, and progress for long work.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInScenario, scenarioParams } from '../scenarios/index';
import { ParamError, parseSeed, showValue, type RunFile } from '../sim/index';
import { caseSpecs } from '../cli/commands/cases';
import { estimateRun } from '../cli/progress';
import { ROOT, cli, cliWith } from './helpers/cli';

const SMALL = ['--ticks', '30', '--agents', '300', '--people-per-agent', '50'];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'r2p-trust-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Exit 2, one short line on stderr naming every part, nothing simulated (no run file, no summary). */
function expectRefused(r: ReturnType<typeof cli>, ...parts: string[]) {
  expect(r.status, r.what).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.what).toHaveLength(1);
  expect(r.stderr, r.what).not.toMatch(/\n\s+at /);
  for (const p of parts) expect(r.stderr, r.what).toContain(p);
  expect(r.stdout, r.what).not.toContain('hash:');
}

describe('output paths are checked before the run', () => {
  it('refuses an empty path, a directory, a parent that is a file and an unwritable place', () => {
    expectRefused(cli('run', ...SMALL, '--out', ''), '--out', 'empty path');
    expectRefused(cli('run', ...SMALL, '--out', dir), dir, 'is a directory');
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    expectRefused(cli('run', ...SMALL, '--out', join(file, 'run.json')), file, 'is a file, not a folder');
    // /proc/self refuses writes even to root.
    expectRefused(cli('run', ...SMALL, '--out', '/proc/self/r2p.run.json'), '/proc/self', 'cannot write in');
    expectRefused(cli('run', ...SMALL, '--out', '/dev/full'), '/dev/full', 'not a regular file');
  });

  it('creates missing folders', () => {
    const out = join(dir, 'new', 'deeper', 'x.run.json');
    const r = cli('run', ...SMALL, '--out', out);
    expect(r.status, r.what).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('r2p-sim/run@1');
  });
});

describe('run files are never lost or half-written', () => {
  it('on a full disk, keeps the existing file intact, leaves no temporary file and says so in one line', () => {
    const sub = join(dir, 'full-disk');
    mkdirSync(sub);
    const out = join(sub, 'keep.run.json');
    const good = cli('run', ...SMALL, '--out', out);
    expect(good.status, good.what).toBe(0);
    const before = readFileSync(out, 'utf8');
    const r = cliWith({ nodeArgs: ['--import', join(ROOT, 'test/fixtures/enospc.mjs')] }, 'run', ...SMALL, '--seed', '9', '--out', out);
    expect(r.status, r.what).toBe(1);
    expect(r.stderr.trim().split('\n'), r.what).toHaveLength(1);
    expect(r.stderr).toContain(`cannot write ${out}: no space left on device (ENOSPC)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(readdirSync(sub)).toEqual(['keep.run.json']);
  });
});

/** A run file of the main model made now, as editable JSON. */
function freshRun(name: string, ...args: string[]): { path: string; file: Record<string, any> } {
  const path = join(dir, `${name}.run.json`);
  const r = cli('run', ...SMALL, ...args, '--out', path);
  expect(r.status, r.what).toBe(0);
  return { path, file: JSON.parse(readFileSync(path, 'utf8')) };
}

function replayEdited(name: string, base: Record<string, any>, edit: (f: Record<string, any>) => void, ...flags: string[]) {
  const f = structuredClone(base);
  edit(f);
  const path = join(dir, `${name}.run.json`);
  writeFileSync(path, JSON.stringify(f));
  return cli('replay', path, ...flags);
}

/** Replay output never repeats a hash or prints "undefined". */
function expectClean(r: ReturnType<typeof cli>) {
  expect(r.stdout + r.stderr, r.what).not.toContain('undefined');
  const hashes = (r.stdout.match(/[0-9a-f]{64}/g) ?? []);
  expect(new Set(hashes).size, r.what).toBe(hashes.length);
}

describe('replay checks everything a run file claims', () => {
  let base: { path: string; file: Record<string, any> };
  beforeAll(() => {
    base = freshRun('claims', '--seed', '3', '--incitement', '0.8');
  });

  it('names the file and its model, and verifies an untouched file', () => {
    const r = cli('replay', base.path);
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain(`${base.path}: model r2p-luck-2018 (${base.file.engine.model}), scenario "default", seed 3, 30 days`);
    expect(r.stdout).toMatch(/^verified [0-9a-f]{64}$/m);
    expectClean(r);
  });

  it('warns of another engine or model version and exits 1, unless --allow-version-change', () => {
    const edit = (f: Record<string, any>) => {
      f.engine.model = 'r2p-luck-2018/0';
      f.engine.version = '0.0.9';
    };
    const r = replayEdited('version', base.file, edit);
    expect(r.status, r.what).toBe(1);
    expect(r.stderr).toContain('warning: made by model version r2p-luck-2018/0');
    expect(r.stderr).toContain('warning: made by engine r2p-sim 0.0.9');
    expect(r.stdout).toMatch(/^verified /m);
    const allowed = replayEdited('version-allowed', base.file, edit, '--allow-version-change');
    expect(allowed.status, allowed.what).toBe(0);
    expectClean(allowed);
  });

  it('reports an extra or a missing series, and a missing parameter, and fails', () => {
    const extra = replayEdited('extra-series', base.file, (f) => {
      f.series.bogus = f.series.deaths;
    });
    expect(extra.status, extra.what).toBe(1);
    expect(extra.stdout).toContain('1 series in the file that model r2p-luck-2018 does not record: bogus');
    expectClean(extra);
    const missing = replayEdited('missing-series', base.file, (f) => {
      delete f.series.signal;
    });
    expect(missing.status, missing.what).toBe(1);
    expect(missing.stdout).toContain('missing from the file: signal');
    expect(missing.stdout).toContain('first difference: series "signal" at tick 0 (the series is missing from the file)');
    expectClean(missing);
    const param = replayEdited('missing-param', base.file, (f) => {
      delete f.params.incitement;
    });
    expect(param.status, param.what).toBe(1);
    expect(param.stdout).toContain('1 parameter of model r2p-luck-2018 missing from the file (the rerun used the defaults): incitement (default');
    expectClean(param);
  });

  it('names the model whose series a file holds when its model field says otherwise', () => {
    const epstein = freshRunModel();
    const r = replayEdited('wrong-model', epstein, (f) => {
      delete f.model;
      f.params = {};
    });
    expect(r.status, r.what).toBe(1);
    expect(r.stdout).toContain('the file has no model field (read as r2p-luck-2018), but its series are those of model epstein-civil-violence');
    expectClean(r);
  });

  it('notes a scenario label whose scenario no longer gives the file\'s parameters', () => {
    // Sri Lanka's documented population (the Vanni) maps at the file's 10,000 agents.
    const own = cli('run', '--ticks', '2', '--seed', '3', '--out', join(dir, 'label-base.run.json'));
    expect(own.status, own.what).toBe(0);
    const r = replayEdited('label', JSON.parse(readFileSync(join(dir, 'label-base.run.json'), 'utf8')), (f) => {
      f.scenario = 'sri-lanka-2009';
    });
    expect(r.stderr).toMatch(/note: \d+ of the file's parameters differ from what scenario "sri-lanka-2009" gives today/);
    // A label whose scenario cannot be mapped at the file's resolution says so.
    const small = replayEdited('label-small', base.file, (f) => {
      f.scenario = 'rwanda-1994';
    });
    expect(small.stderr).toContain('note: scenario "rwanda-1994" cannot be mapped at 300 agents today; the rerun uses the file\'s parameters');
    const unknown = replayEdited('label-unknown', base.file, (f) => {
      f.scenario = 'atlantis-2031';
    });
    expect(unknown.stderr).toContain('note: scenario "atlantis-2031" is not a built-in scenario');
    expect(unknown.status, unknown.what).toBe(0);
  });

  it('says the hash matches once when only the stored results were edited, and never prints undefined', () => {
    const r = replayEdited('summary', base.file, (f) => {
      f.summary.deaths = 12345;
    });
    expect(r.status, r.what).toBe(1);
    expect(r.stdout).toContain('MISMATCH: the hash matches');
    expect(r.stdout).toContain('summary.deaths differs');
    expectClean(r);
    const hash = replayEdited('hash', base.file, (f) => {
      f.hash = 'f'.repeat(64);
    });
    expect(hash.stdout).toContain(`the file's hash is ${'f'.repeat(64)}, the rerun's is ${base.file.hash}`);
    expectClean(hash);
  });
});

function freshRunModel(): Record<string, any> {
  const path = join(dir, 'epstein.run.json');
  const r = cli('run', '--model', 'epstein-civil-violence', '--width', '12', '--height', '12', '--ticks', '20', '--out', path);
  expect(r.status, r.what).toBe(0);
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('errors stay short', () => {
  it('shows at most about 200 characters of a value and summarises nested ones', () => {
    expect(showValue('x'.repeat(50_000_000)).length).toBeLessThan(260);
    const arr = showValue(Array.from({ length: 100_000 }, (_, i) => [i, { i }]));
    expect(arr).toMatch(/^an array of 100,000 items: \[\[0,\{"i":0\}\]/);
    expect(arr.length).toBeLessThan(260);
    expect(showValue({ a: 'y'.repeat(1000), b: 2 })).toMatch(/^an object with 2 keys: \{"a":"yyy/);
    expect(showValue([1, [2, 3]])).toBe('[1,[2,3]]');
    expect(showValue(undefined)).toBe('nothing');
    for (const v of [[1], { a: [1] }, [[[]]]]) expect(showValue(v)).not.toContain('[object');
    const e = new ParamError('f'.repeat(10_000), 'v'.repeat(10_000), 'something');
    expect(e.message.length).toBeLessThan(500);
  });

  it('a 50 MB scenario file or run file gives a one-line error of a few hundred characters', () => {
    const big = 'z'.repeat(50 * 1024 * 1024);
    const scenario = join(dir, 'huge-scenario.json');
    writeFileSync(scenario, JSON.stringify({ id: big, kind: 'case' }));
    const s = cli('run', '--scenario', scenario);
    expect(s.status, s.what.slice(0, 2000)).toBe(2);
    expect(s.stderr.length).toBeLessThan(2000);
    const runFile = join(dir, 'huge.run.json');
    writeFileSync(runFile, JSON.stringify({ format: 'r2p-sim/run@1', engine: { name: 'r2p-sim', version: '0', model: 'x' }, params: [big] }));
    const r = cli('replay', runFile);
    expect(r.status, r.what.slice(0, 2000)).toBe(2);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(r.stderr).toContain('params: got an array of 1 item');
    const text = join(dir, 'huge-text.run.json');
    writeFileSync(text, `{"format": ${big}`);
    const t = cli('replay', text);
    expect(t.status).toBe(2);
    expect(t.stderr.length).toBeLessThan(1000);
  }, 60_000);
});

describe('the CLI says what it did', () => {
  it('echoes scheduled changes and every parameter away from the defaults', () => {
    const r = cli('run', ...SMALL, '--incitement', '0.9', '--set', 'counter-messaging=0.5@10', '--set', 'deterrence=0.2', '--out', join(dir, 'echo.run.json'));
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toMatch(/^ {2}changes: +counterMessaging=0.5 from day 10$/m);
    expect(r.stdout).toMatch(/^ {2}not default: +.*incitement=0\.9/m);
    expect(r.stdout).toMatch(/deterrence=0\.2/);
    const json = cli('run', ...SMALL, '--json', '--set', 'deterrence=0.3@5', '--out', join(dir, 'echo2.run.json'));
    const parsed = JSON.parse(json.stdout);
    expect(parsed.run.schedule).toEqual([{ tick: 5, name: 'deterrence', value: 0.3 }]);
    expect(parsed.run.changedParams.agents).toBe(300);
  });

  it('names default run files by their inputs, so different runs never share a file', () => {
    const cwd = join(dir, 'names');
    mkdirSync(cwd);
    const a = cliWith({ cwd }, 'run', ...SMALL, '--seed', '4');
    const b = cliWith({ cwd }, 'run', ...SMALL, '--seed', '4', '--incitement', '0.9');
    const again = cliWith({ cwd }, 'run', ...SMALL, '--seed', '4');
    for (const r of [a, b, again]) expect(r.status, r.what).toBe(0);
    const files = readdirSync(join(cwd, 'runs')).sort();
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/^default-seed4-[0-9a-f]{8}\.run\.json$/);
    const path = (r: ReturnType<typeof cli>) => /run file: +(\S+)/.exec(r.stdout)![1];
    expect(path(a)).toBe(path(again));
    expect(path(a)).not.toBe(path(b));
  });

  it('takes --set names in kebab-case as well as camelCase', () => {
    const kebab = cli('run', ...SMALL, '--json', '--set', 'counter-messaging=0.4', '--out', join(dir, 'k1.run.json'));
    const camel = cli('run', ...SMALL, '--json', '--set', 'counterMessaging=0.4', '--out', join(dir, 'k2.run.json'));
    expect(kebab.status, kebab.what).toBe(0);
    expect(JSON.parse(kebab.stdout).hash).toBe(JSON.parse(camel.stdout).hash);
    expectRefused(cli('run', ...SMALL, '--set', 'counter-messagin=0.4'), '--set counter-messagin', 'did you mean "counterMessaging"');
  });

  it('says which flag lacks its value', () => {
    expectRefused(cli('run', '--incitement', '--seed', '3'), '--incitement: no value given', '"--seed", is a flag');
    expectRefused(cli('run', '--seed'), '--seed: no value given');
  });

  it("shows the chosen model's parameters in run --help, grouped with range and default", () => {
    const main = cli('run', '--help');
    expect(main.stdout).toMatch(/Parameters of r2p-luck-2018, settings/);
    expect(main.stdout).toMatch(/--incitement <value>[\s\S]*?default 0\.5/);
    expect(main.stdout).not.toContain('--cop-density');
    const epstein = cli('run', '--model', 'epstein-civil-violence', '--help');
    expect(epstein.stdout).toMatch(/--cop-density <value>[\s\S]*?default 0\.074/);
    expect(epstein.stdout).not.toContain('--incitement');
    expect(epstein.stdout).toContain('Other models\' parameters: r2p-sim run --model r2p-luck-2018|epstein-ethnic-violence --help');
    // A flag of another model is still refused with its owner named.
    expectRefused(cli('run', '--cop-density', '0.1'), '--cop-density', 'belongs to epstein-civil-violence');
  });

  it('formats every model\'s summary alike, with numbers and plurals in words', () => {
    const one = cli('run', '--ticks', '1', '--agents', '300', '--people-per-agent', '50', '--out', join(dir, 'one.run.json'));
    expect(one.stdout).toMatch(/: 1 day, 300 agents/);
    expect(one.stdout).toMatch(/^ {2}outcome: {12}prevented \(no one killed\)$/m);
    // A run that kills says over how many days, who killed, and the share taking part.
    const crisis = cli('run', '--ticks', '90', '--agents', '2000', '--people-per-agent', '50', '--election-day', '10', '--seed', '2', '--out', join(dir, 'crisis.run.json'));
    expect(crisis.stdout).toMatch(/^ {2}outcome: {12}(curbed|failed) \(/m);
    expect(crisis.stdout).toMatch(/^ {2}killed: .* over \d+ days \(day \d+ to day \d+\); [\d.]+% by the organised force$/m);
    expect(crisis.stdout).toMatch(/^ {2}perpetrators: .*peak [\d,]+ \([\d.]+% of the others\)/m);
    expect(crisis.stdout).toMatch(/^ {2}displaced: {10}[\d,]+ agents = [\d,]+ people;/m);
    const civil = cli('run', '--model', 'epstein-civil-violence', '--ticks', '40', '--out', join(dir, 'civil.run.json'));
    expect(civil.stdout).toMatch(/^model epstein-civil-violence, seed 1: 40 ticks, 1,\d{3} citizens$/m);
    expect(civil.stdout).toMatch(/^ {2}peak active: +\d+ on tick \d+$/m);
    expect(civil.stdout).not.toMatch(/[{}]/);
    const ethnic = cli('run', '--model', 'epstein-ethnic-violence', '--ticks', '30', '--out', join(dir, 'ethnic.run.json'));
    expect(ethnic.stdout).toMatch(/^ {2}elimination: +neither group was eliminated$/m);
    for (const r of [one, crisis, civil, ethnic]) {
      expect(r.stdout).not.toMatch(/\bnever\b|\bnull\b|undefined|NaN/);
      expect(r.stdout).toMatch(/^ {2}run file: {11}\S+$/m);
    }
  });
});

describe('--agents means the same everywhere', () => {
  it('keeps the modelled population in run and cases alike, for scenarios with and without a documented population', () => {
    // Each at a resolution that keeps the mass-atrocity threshold at 20 agents or more.
    for (const [id, agents] of [['default', 20_000], ['kenya-2008', 460_000]] as const) {
      const r = cli('run', '--scenario', id, '--agents', String(agents), '--ticks', '2', '--json', '--out', join(dir, `agents-${id}.run.json`));
      expect(r.status, r.what).toBe(0);
      const file = JSON.parse(readFileSync(join(dir, `agents-${id}.run.json`), 'utf8')) as RunFile;
      const s = builtInScenario(id)!;
      const own = scenarioParams(s);
      // The population (agents x people per agent) is the scenario's own.
      expect((file.params.agents as number) * (file.params.peoplePerAgent as number)).toBeCloseTo(own.agents * own.peoplePerAgent, 3);
      // cases builds its runs by the same rule.
      const [spec] = caseSpecs([s], 1, 2, agents);
      expect(spec.params).toEqual(file.params);
    }
  });

  it('keeps a scale given outright (--people-per-agent) instead', () => {
    const r = cli('run', '--agents', '2500', '--people-per-agent', '7', '--ticks', '5', '--out', join(dir, 'scale.run.json'));
    expect(r.status, r.what).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, 'scale.run.json'), 'utf8')) as RunFile;
    expect(file.params.peoplePerAgent).toBe(7);
  });

  it('refuses a resolution the population cannot be spread over, naming the agent counts that work', () => {
    expectRefused(cli('run', '--agents', '2000000', '--ticks', '5'), 'peoplePerAgent from 1 to 100000', 'choose between 10000 and 500000 agents');
  });
});

describe('seeds parse one way', () => {
  it('reads integers as integers and other text as text, and refuses what reads as a non-integer number', () => {
    for (const t of ['7', '07', '+7', ' 7 ', '007']) expect(parseSeed(t)).toBe(7);
    expect(parseSeed('-3')).toBe(-3);
    expect(Object.is(parseSeed('-0'), 0)).toBe(true);
    for (const t of ['alpha', 'run-7', '7a', '1e', 'x0x7']) expect(parseSeed(t)).toBe(t.trim());
    for (const t of ['NaN', 'nan', '1e30', '1E3', '0x7', '0b1', '0o7', '1.5', '.5', '7.', 'Infinity', '-Infinity', '99999999999999999999']) {
      expect(() => parseSeed(t), t).toThrow(ParamError);
    }
    expect(() => parseSeed('')).toThrow(ParamError);
  });

  it('gives 7, 07 and +7 the same run in the CLI, and refuses 1e30 in one line', () => {
    const hashes = ['7', '07', '+7'].map((s, i) => {
      const r = cli('run', ...SMALL, '--seed', s, '--json', '--out', join(dir, `seed${i}.run.json`));
      expect(r.status, r.what).toBe(0);
      return JSON.parse(r.stdout).hash as string;
    });
    expect(new Set(hashes).size).toBe(1);
    expectRefused(cli('run', ...SMALL, '--seed', '1e30'), '--seed', '"1e30"', 'an integer seed');
    expectRefused(cli('run', ...SMALL, '--seed', 'NaN'), '--seed', '"NaN"');
  });
});

describe('long work shows progress', () => {
  it('estimates time and memory, and prints plain progress lines when stderr is not a terminal', () => {
    const r = cli('run', ...SMALL, '--progress', '--out', join(dir, 'progress.run.json'));
    expect(r.status, r.what).toBe(0);
    expect(r.stderr).toMatch(/^estimate: about \d+ s and \d+ MB of memory for 300 agents x 30 days$/m);
    expect(r.stderr).toMatch(/^run: 100% \(30 of 30 days\)$/m);
    const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('run: '));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.length).toBeLessThanOrEqual(11);
    const quiet = cli('run', ...SMALL, '--out', join(dir, 'quiet.run.json'));
    expect(quiet.stderr).toBe('');
  });

  it('says up front that an absurd run will take long', () => {
    const e = estimateRun('r2p-luck-2018', 2_000_000, 36_500, 48, 'day');
    expect(e.seconds).toBeGreaterThan(600);
    expect(e.text).toMatch(/^about \d+ min and \d+ MB of memory for 2,000,000 agents x 36,500 days$/);
    expect(estimateRun('r2p-luck-2018', 1000, 365, 48).seconds).toBeLessThan(1);
  });
});

describe('the compiled CLI', () => {
  it('is built and current, so the bin starts from JavaScript', async () => {
    const { isStale, ENTRY } = await import('../cli/build.mjs');
    expect(existsSync(ENTRY)).toBe(true);
    expect(isStale()).toBe(false);
    const r = cli('--version');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+ \(model r2p-luck-2018\/\d+\)$/m);
  });
});
