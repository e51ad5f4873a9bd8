/**
 * The scenario commands end to end with the real bin: list, show, schema, check, mapping; a
 * user's file through `run --scenario`; and the case report on a handful of seeds, which must not
 * depend on the number of worker threads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN, CASES, FEATURE_DEFS, scenarioJsonSchema } from '../scenarios/index';
import { BEGIN, END, scenariosBlock } from '../cli/docs';
import { ROOT, cli } from './helpers/cli';



let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'r2p-scen-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('r2p-sim scenarios', () => {
  it('lists every scenario with its title and summary', () => {
    const r = cli('scenarios');
    expect(r.status, r.what).toBe(0);
    for (const s of BUILT_IN) {
      expect(r.stdout).toContain(s.id);
      expect(r.stdout).toContain(s.title);
    }
    const j = cli('scenarios', 'list', '--json');
    expect(JSON.parse(j.stdout).map((s: { id: string }) => s.id)).toEqual(BUILT_IN.map((s) => s.id));
  });

  it('shows a case: features with sources, the article\'s reading, and the parameters set', () => {
    const r = cli('scenarios', 'show', 'srebrenica-1995');
    expect(r.status, r.what).toBe(0);
    const s = CASES.find((c) => c.id === 'srebrenica-1995')!;
    expect(r.stdout).toContain(`The article's reading: ${s.articleReading!.verdict}`);
    for (const [name, f] of Object.entries(s.features)) {
      expect(r.stdout).toContain(`${name} = ${String(f.value)}  ->`);
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(f.source.replace(/\s+/g, ' ').slice(0, 40));
    }
    expect(r.stdout).toMatch(/Parameters set by this scenario \(\d+;/);
    const j = JSON.parse(cli('scenarios', 'show', 'srebrenica-1995', '--json').stdout);
    expect(j.scenario.id).toBe('srebrenica-1995');
    expect(Object.keys(j.params).length).toBe(Object.keys(j.origins).length);
  });

  it('an unknown id is a usage error with a suggestion', () => {
    const r = cli('scenarios', 'show', 'rwanda');
    expect(r.status, r.what).toBe(2);
    expect(r.stderr).toMatch(/scenario: got "rwanda", expected a built-in scenario id \(did you mean "rwanda-1994"\?\)/);
  });

  it('prints the JSON Schema generated from the validator', () => {
    const r = cli('scenarios', 'schema');
    expect(r.status, r.what).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(scenarioJsonSchema());
  });

  it('prints the mapping, and docs/scenarios.md holds it up to date', () => {
    const r = cli('scenarios', 'mapping');
    expect(r.status, r.what).toBe(0);
    for (const d of FEATURE_DEFS) expect(r.stdout).toContain(`${d.name}: `);
    const md = cli('scenarios', 'mapping', '--markdown').stdout;
    const doc = readFileSync(join(ROOT, 'docs/scenarios.md'), 'utf8');
    const block = doc.slice(doc.indexOf(BEGIN) + BEGIN.length, doc.indexOf(END)).trim();
    expect(block, 'regenerate: npm run docs').toBe(scenariosBlock().trim());
    expect(md.trim()).toBe(block);
  });

  it('checks files: ok for a good one, every problem with its path for a bad one', () => {
    const good = join(dir, 'good.json');
    const s = JSON.parse(readFileSync(join(ROOT, 'scenarios/cases/kenya-2008.json'), 'utf8'));
    writeFileSync(good, JSON.stringify({ ...s, id: 'my-kenya' }));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...s, features: { ...s.features, armedConflict: { value: 'war' } } }));
    const r = cli('scenarios', 'check', good, bad);
    expect(r.status, r.what).toBe(2);
    expect(r.stdout).toContain(`${good}: ok (case "my-kenya"`);
    expect(r.stderr).toContain(`${bad}: features.armedConflict.value: got "war", expected one of "none", "instability", "civil-war"`);
    expect(r.stderr).toContain('features.armedConflict.source: got nothing, expected a required field');
  });
});

describe('r2p-sim run --scenario FILE', () => {
  it('runs a user\'s file, with its features in the recorded parameters', () => {
    const f = join(dir, 'mine.json');
    writeFileSync(
      f,
      JSON.stringify({
        id: 'mine',
        kind: 'generic',
        title: 'Mine',
        period: '',
        summary: 'A test file.',
        features: { patron: { value: 'yes', source: 'test' }, hateMediaReach: { value: 'none', source: 'test' } },
        overrides: { killRate: { value: 0.01, reason: 'test' } },
      }),
    );
    const out = join(dir, 'mine.run.json');
    const r = cli('run', '--scenario', f, '--seed', '3', '--ticks', '30', '--agents', '1000', '--out', out);
    expect(r.status, r.what).toBe(0);
    const run = JSON.parse(readFileSync(out, 'utf8'));
    expect(run.scenario).toBe('mine');
    expect(run.params.patron).toBe(true);
    expect(run.params.incitementReach).toBe(0.05);
    expect(run.params.killRate).toBe(0.01);
    expect(run.params.agents).toBe(1000); // the command line wins over the scenario
  });

  it('a malformed file fails with the file, the path, the value and what was expected', () => {
    const f = join(dir, 'broken.json');
    writeFileSync(f, '{"id": "x", "kind": "generic", "title": "X", "period": "", "summary": "s", "features": {"patron": {"value": "maybe", "source": "s"}}, "overrides": {}}');
    const r = cli('run', '--scenario', f, '--ticks', '5');
    expect(r.status, r.what).toBe(2);
    expect(r.stderr).toContain(`r2p-sim: error: ${f}: features.patron.value: got "maybe", expected one of "no", "yes"`);
    const j = join(dir, 'notjson.json');
    writeFileSync(j, '{"id": "x",\n "kind": generic}');
    const r2 = cli('run', '--scenario', j);
    expect(r2.status, r2.what).toBe(2);
    expect(r2.stderr).toMatch(/notjson\.json: \(top level\): .*expected valid JSON .*line 2/);
    const r3 = cli('run', '--scenario', join(dir, 'missing.json'));
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain('cannot read');
  });
});

describe('r2p-sim cases', () => {
  it('reports every case over a handful of seeds, beside the article, the same on 1 and 2 threads', () => {
    const one = cli('cases', '--seeds', '3', '--ticks', '200', '--agents', '3000', '--jobs', '1');
    expect(one.status, one.what).toBe(0);
    expect(one.stdout).toContain('7 scenarios x 3 seeds');
    expect(one.stdout).toContain('3,000 agents');
    for (const s of CASES) expect(one.stdout).toContain(s.title);
    expect(one.stdout).toMatch(/P\(mass atrocity\)/);
    expect(one.stdout).toMatch(/agrees|DISAGREES/);
    const two = cli('cases', '--seeds', '3', '--ticks', '200', '--agents', '3000', '--jobs', '2');
    expect(two.status, two.what).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('gives tidy CSV and JSON for named scenarios', () => {
    const csv = cli('cases', 'rwanda-1994', 'incitement-cascade', '--seeds', '2', '--ticks', '60', '--jobs', '1', '--csv');
    expect(csv.status, csv.what).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('scenario,seed,mass_atrocity,deaths_people,onset_tick,model_reading,article_reading');
    expect(rows.length).toBe(1 + 2 * 2);
    expect(rows[1]).toMatch(/^rwanda-1994,1,(true|false),\d+,\d*,(prevented|curbed|failed),failed$/);
    const json = JSON.parse(cli('cases', 'kenya-2008', '--seeds', '2', '--ticks', '60', '--jobs', '1', '--json').stdout);
    expect(json.cases[0].id).toBe('kenya-2008');
    expect(json.cases[0].seeds).toBe(2);
    expect(json.runs[0].outcomes.length).toBe(2);
  });

  it('refuses bad options clearly', () => {
    const r = cli('cases', '--seeds', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seeds: got "0", expected an integer from 1 to 100000');
    const r1 = cli('cases', '--agents', '50');
    expect(r1.status).toBe(2);
    expect(r1.stderr).toContain('--agents: got 50, expected an integer from 100 to 2000000');
    const r2 = cli('cases', 'nowhere');
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('r2p-sim: error: scenario: got "nowhere"');
  });
});
