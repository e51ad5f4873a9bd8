/**
 * The scenario commands end to end with the real bin: list, show, schema, check, mapping; a
 * user's file through `run --scenario`; a dated case's run length and dates in run, cases and
 * compare; the resolution rule's refusals; and the case report on a handful of seeds, which must
 * not depend on the number of worker threads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTERMATH_DAYS, BUILT_IN, CASES, FEATURE_DEFS, scenarioCloseDay, scenarioJsonSchema, scenarioMapping, scenarioTicks } from '../scenarios/index';
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
    expect(r.stdout).toContain(`${good}: ok (case "my-kenya", ${Object.keys(s.features).length} features, 3 events, 151 days, 458,440 agents)`);
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
    const r = cli('run', '--scenario', f, '--seed', '3', '--ticks', '30', '--agents', '20000', '--out', out);
    expect(r.status, r.what).toBe(0);
    const run = JSON.parse(readFileSync(out, 'utf8'));
    expect(run.scenario).toBe('mine');
    expect(run.params.patron).toBe(true);
    expect(run.params.incitementReach).toBe(0.05);
    expect(run.params.killRate).toBe(0.01);
    expect(run.params.agents).toBe(20000); // the command line wins over the scenario
    expect(run.params.peoplePerAgent).toBe(25); // its 500,000 people spread over them
    // Without a timeline the run is undated: no calendar dates in the summary.
    expect(r.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
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

describe('a dated case: its run length and its dates', () => {
  it('shows the timeline with each event on its day and its source, and the resolution with its reason', () => {
    const r = cli('scenarios', 'show', 'rwanda-1994');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain(`Timeline (dated: day 0 = 1993-10-05; the run lasts 347 days, the period's 287 plus ${AFTERMATH_DAYS} of aftermath):`);
    expect(r.stdout).toContain('1994-04-06 = day 183  leader-killed  ->  leaderKilledDay 183');
    expect(r.stdout).toContain('1993-08-04  agreement  ->  agreementDay 0 (dated before the period opens: already signed on day 0)');
    expect(r.stdout).toMatch(/leaderKilledDay +183 +\(default -1; timeline: leader-killed on 1994-04-06\)/);
    expect(r.stdout).toMatch(/agents +142000 +\(default 10000; resolution: 142,000 agents \(see Resolution\)\)/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Resolution: raised from 10,000 to 142,000 agents');
    const j = JSON.parse(cli('scenarios', 'show', 'rwanda-1994', '--json').stdout);
    expect(j.days).toBe(347);
    expect(j.origins.leaderKilledDay).toMatchObject({ from: 'timeline', kind: 'leader-killed', day: 183, date: '1994-04-06' });
    const t = cli('scenarios', 'show', 'incitement-cascade');
    expect(t.stdout).toContain('Timeline (stylised: the run lasts 180 days):');
    expect(t.stdout).toContain('day 30  election  ->  electionDay 30');
  });

  it('runs over its own period plus the aftermath unless --ticks says otherwise, and dates the days it reports', () => {
    const out = join(dir, 'sreb.run.json');
    const r = cli('run', '--scenario', 'srebrenica-1995', '--seed', '1', '--out', out);
    expect(r.status, r.what).toBe(0);
    const run = JSON.parse(readFileSync(out, 'utf8'));
    expect(run.ticks).toBe(75);
    expect(run.params.offensiveDay).toBe(0);
    expect(run.params.townFallsDay).toBe(5);
    expect(r.stdout).toMatch(/^scenario "srebrenica-1995" \(day 0 = 1995-07-06\), seed 1: 75 days, /m);
    // Every "day N" the summary prints carries its date; day N of this run is 1995-07-06 + N.
    const days = [...r.stdout.split('\n').slice(1).join('\n').matchAll(/day (\d+)( \((\d{4}-\d{2}-\d{2})\))?/g)];
    expect(days.length).toBeGreaterThan(0);
    for (const [, n, , date] of days) {
      expect(date, `day ${n}`).toBeDefined();
      expect(date).toBe(new Date(Date.UTC(1995, 6, 6 + Number(n))).toISOString().slice(0, 10));
    }
    const short = cli('run', '--scenario', 'srebrenica-1995', '--seed', '1', '--ticks', '20', '--json', '--out', join(dir, 'sreb20.run.json'));
    expect(short.status, short.what).toBe(0);
    expect(JSON.parse(short.stdout).ticks).toBe(20);
    // A stylised scenario runs its own days, undated.
    const teach = cli('run', '--scenario', 'safe-area-without-capacity', '--seed', '1', '--json', '--out', join(dir, 'safe.run.json'));
    expect(teach.status, teach.what).toBe(0);
    expect(JSON.parse(teach.stdout).ticks).toBe(180);
  });

  it('compare runs a dated case over its own run length and dates the day the arms part', () => {
    const r = cli('compare', '--scenario', 'srebrenica-1995', '--seeds', '3', '--jobs', '1', '--arm', 'deter', '--set', 'deterrence=0.9@2');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain('Compare: scenario "srebrenica-1995" (day 0 = 1995-07-06), 3 seeds (1-3, the same in every arm), 75 days, 10,000 agents.');
    const parts = r.stdout.match(/parts from the baseline on day (\d+) \((\d{4}-\d{2}-\d{2})\)/);
    if (parts) expect(parts[2]).toBe(new Date(Date.UTC(1995, 6, 6 + Number(parts[1]))).toISOString().slice(0, 10));
    else expect(r.stdout).toContain('never parts from the baseline');
  });

  it('refuses an agent count too small for the case, in one line naming the case, the agents, the least and the alternatives', () => {
    const r = cli('run', '--scenario', 'kenya-2008', '--agents', '2500', '--ticks', '5');
    expect(r.status, r.what).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBe(1);
    expect(lines[0]).toMatch(/^r2p-sim: error: kenya-2008: --agents: got 2500, expected at least 458,440 agents: 22,922,000 people over 2,500 agents is 9168\.8 people per agent/);
    expect(lines[0]).toContain('leave --agents out (the case runs at 458,440 agents), give --agents 458440 or more, or give --people-per-agent 50 or less');
    const c = cli('cases', '--agents', '3000', '--seeds', '1');
    expect(c.status, c.what).toBe(2);
    expect(c.stderr).toMatch(/^r2p-sim: error: rwanda-1994: --agents: got 3000, expected at least 142,000 agents/);
    // A scale given outright keeps that scale instead.
    const s = cli('run', '--scenario', 'kenya-2008', '--agents', '2500', '--people-per-agent', '40', '--ticks', '3', '--json', '--out', join(dir, 'kenya-scale.run.json'));
    expect(s.status, s.what).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, 'kenya-scale.run.json'), 'utf8'));
    expect([run.params.agents, run.params.peoplePerAgent]).toEqual([2500, 40]);
  });
});

describe('r2p-sim cases', () => {
  it('reports every case over its own run length and agents, beside the article', () => {
    const r = cli('cases', '--seeds', '2', '--ticks', '5', '--jobs', '2');
    expect(r.status, r.what).toBe(0);
    expect(r.stdout).toContain(`${CASES.length} scenarios x 2 seeds`);
    expect(r.stdout).toContain("each scenario's agents (raised where a case's population needs more)");
    for (const s of CASES) {
      const row = r.stdout.split('\n').find((l) => l.startsWith(`${s.title} `));
      expect(row, s.title).toBeDefined();
      // The days run (--ticks here) and the scenario's own agents.
      expect(row!.replace(/\s+/g, ' ')).toContain(` 5 ${scenarioMapping(s).params.agents.toLocaleString('en-US')} `);
    }
    expect(r.stdout).toMatch(/P\(mass atrocity\)/);
    // Beside the documented patterns: every case has targets, with its documented toll.
    expect(r.stdout).toContain('Beside the documented patterns');
    expect(r.stdout).toMatch(/^Rwanda 1994\s+500,000-800,000\s/m);
    expect(r.stdout).toMatch(/agrees|DISAGREES/);
    const own = cli('cases', 'kyrgyzstan-2010', '--seeds', '1', '--jobs', '1', '--json');
    expect(own.status, own.what).toBe(0);
    const j = JSON.parse(own.stdout);
    expect(j.ticks).toBeNull();
    expect(j.cases[0].ticks).toBe(scenarioTicks(CASES.find((c) => c.id === 'kyrgyzstan-2010')!));
    expect(j.cases[0].agents).toBe(10_000);
  });

  it("sets beside the targets each documented pattern read over its window (to the period's close), as the calibration reads it", () => {
    const id = 'srebrenica-1995';
    const own = cli('cases', id, '--seeds', '1', '--jobs', '1', '--json');
    expect(own.status, own.what).toBe(0);
    const documented = JSON.parse(own.stdout).cases[0].documentedPatterns;
    const file = join(dir, 'srebrenica-seed1.run.json');
    const run = cli('run', '--scenario', id, '--seed', '1', '--out', file);
    expect(run.status, run.what).toBe(0);
    const { series, summary, params } = JSON.parse(readFileSync(file, 'utf8'));
    const close = scenarioCloseDay(CASES.find((c) => c.id === id)!);
    // The period (14 days) closes long before the run ends (60 more): the window's figures, not the run's.
    expect(summary.deathsPeople).toBeGreaterThan(series.deathsPeople[close]);
    expect(documented.toll).toBe(series.deathsPeople[close]);
    expect(documented.displaced).toBe(series.displaced[close] * params.peoplePerAgent);
    expect(documented.forceShare).toBeCloseTo(series.deathsByForce[close] / series.deaths[close], 12);
    expect(documented.onsetDay).toBe(summary.firstKillingTick);
  });

  it('is the same on 1 and 2 threads, and dates the median onset of a dated case', () => {
    const args = ['cases', 'srebrenica-1995', 'kyrgyzstan-2010', 'sri-lanka-2009', '--seeds', '3', '--ticks', '120'];
    const one = cli(...args, '--jobs', '1');
    expect(one.status, one.what).toBe(0);
    const two = cli(...args, '--jobs', '2');
    expect(two.status, two.what).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    for (const m of one.stdout.matchAll(/day (\d+) \((\d{4}-\d{2}-\d{2})\), \d+ runs?/g)) expect(m[2]).toMatch(/^(1995|2008|2009|2010)-/);
  });

  it('gives tidy CSV and JSON for named scenarios', () => {
    const csv = cli('cases', 'srebrenica-1995', 'incitement-cascade', '--seeds', '2', '--ticks', '60', '--jobs', '1', '--csv');
    expect(csv.status, csv.what).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('scenario,seed,mass_atrocity,deaths_people,onset_tick,onset_date,model_reading,article_reading,killing_days,first_killing_tick,force_share,displaced_people,settings');
    expect(rows.length).toBe(1 + 2 * 2);
    expect(rows[1]).toMatch(/^srebrenica-1995,1,(true|false),[\d.]+,(\d+,1995-\d{2}-\d{2}|,),(prevented|curbed|failed),failed,\d+,\d*,[\d.]*,[\d.]+,$/);
    // A stylised scenario has onset days but no dates.
    expect(rows[3]).toMatch(/^incitement-cascade,1,(true|false),[\d.]+,\d*,,(prevented|curbed|failed),,\d+,\d*,[\d.]*,[\d.]+,$/);
    // Settings made with --set go on every row, so stacked files keep them apart.
    const set = cli('cases', 'srebrenica-1995', '--seeds', '1', '--ticks', '20', '--jobs', '1', '--csv', '--set', 'organisedForce=0', '--set', 'roadblocks=50').stdout.trim().split('\n');
    expect(set[1]).toMatch(/^srebrenica-1995,1,false,0,.*,organisedForce=0;roadblocks=50$/);
    const json = JSON.parse(cli('cases', 'srebrenica-1995', '--seeds', '2', '--ticks', '60', '--jobs', '1', '--json').stdout);
    expect(json.cases[0].id).toBe('srebrenica-1995');
    expect(json.cases[0].seeds).toBe(2);
    expect(json.ticks).toBe(60);
    expect(json.runs[0].outcomes.length).toBe(2);
  });

  it('sets a parameter in every case with --set, and says so at the head of the report', () => {
    const args = ['cases', 'srebrenica-1995', '--seeds', '1', '--ticks', '20', '--jobs', '1'];
    const base = JSON.parse(cli(...args, '--json').stdout);
    const off = JSON.parse(cli(...args, '--json', '--set', 'organised-force=0').stdout);
    expect(base.settings).toEqual({});
    expect(off.settings).toEqual({ organisedForce: 0 });
    // Srebrenica's killing is the force's: set on top of the profile, no force kills no one.
    expect(base.cases[0].documentedPatterns.toll).toBeGreaterThan(1000);
    expect(off.cases[0].documentedPatterns.toll).toBe(0);
    const text = cli(...args, '--set', 'organisedForce=0', '--set', 'roadblocks=50');
    expect(text.status, text.what).toBe(0);
    expect(text.stdout).toContain('Settings on top of every scenario (--set; not the defaults): organisedForce=0, roadblocks=50.');
    expect(cli(...args).stdout).not.toContain('Settings on top');
  });

  it('refuses bad options clearly, naming the option, the value and what was expected', () => {
    const cases: [string[], string][] = [
      [['--seeds', '0'], '--seeds: got "0", expected an integer from 1 to 100000'],
      [['--agents', '50'], '--agents: got 50, expected an integer from 100 to 2000000'],
      [['--ticks', '1.5'], '--ticks: got "1.5", expected an integer from 1 to 36500'],
      [['nowhere'], 'r2p-sim: error: scenario: got "nowhere"'],
      [['--set', 'roadblocks=50@3'], '--set roadblocks: got "roadblocks=50@3", expected name=value, from day 0 in every case'],
      [['--set', 'agents=500'], 'expected a parameter other than agents and peoplePerAgent (give --agents'],
      [['--set', 'roadblocks=5000'], '--set roadblocks: got 5000, expected a number from 0 to 1000'],
    ];
    for (const [args, message] of cases) {
      const r = cli('cases', ...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });
});
