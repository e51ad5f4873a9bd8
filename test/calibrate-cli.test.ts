/**
 * `r2p-sim calibrate --quick` end to end on the real bin and worker pool: the report files, the
 * fit's bookkeeping (budget, leave-one-out, validation) and its provenance; the generated
 * fitted.ts module; refusals. The search itself is tested on a synthetic problem with known
 * constants (test/calibrate-search.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CALIBRATED, QUICK_SETTINGS } from '../analysis/calibrate/constants';
import { fittedModule, targetsHash } from '../cli/commands/calibrate';
import { riskDistance } from '../analysis/calibrate/fit';
import { ENGINE, MODEL_VERSION } from '../sim/index';
import { cli } from './helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'r2p-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('r2p-sim calibrate --quick', () => {
  const run = cli('calibrate', '--quick', '--out', dir, '--no-progress');
  const report = run.status === 0 ? JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) : null;

  it('finishes and writes report.json and report.md', () => {
    expect(run.status, run.what).toBe(0);
    expect(run.stdout).toContain(`Calibrated ${CALIBRATED.length} constants on 3 training cases`);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    for (const c of CALIBRATED) expect(md).toContain(`\`${c.param}\``);
    expect(md).toMatch(/\| criterion \| target \| result \| met \|/);
  });

  it('evaluates within its budget, every point inside the searched ranges', () => {
    expect(report.evaluations).toBeLessThanOrEqual(QUICK_SETTINGS.budget);
    expect(report.history).toHaveLength(report.evaluations);
    for (const h of report.history) {
      for (const c of CALIBRATED) {
        expect(h.values[c.param]).toBeGreaterThanOrEqual(c.min);
        expect(h.values[c.param]).toBeLessThanOrEqual(c.max);
      }
      expect(Object.keys(h.perCase).sort()).toEqual(['kyrgyzstan-2010', 'sri-lanka-2009', 'srebrenica-1995'].sort());
    }
  });

  it("races the search's best distinct points at more seeds and fits the best of them there", () => {
    type Raced = { values: Record<string, number>; searchObjective: number; raceObjective: number; chosen: boolean };
    const race: Raced[] = report.race;
    expect(race).toHaveLength(QUICK_SETTINGS.race);
    // The contenders are the search's best, in order, each set of values once.
    const objectives = [...report.history.map((h: { objective: number }) => h.objective)].sort((a, b) => a - b);
    expect(race[0].searchObjective).toBe(objectives[0]);
    for (let i = 1; i < race.length; i++) expect(race[i].searchObjective).toBeGreaterThanOrEqual(race[i - 1].searchObjective);
    expect(new Set(race.map((x) => JSON.stringify(x.values))).size).toBe(race.length);
    for (const x of race) expect(report.history.some((h: { values: unknown; objective: number }) => JSON.stringify(h.values) === JSON.stringify(x.values) && h.objective === x.searchObjective)).toBe(true);
    // One is fitted: the best at the race's seeds (the earliest of equals).
    const chosen = race.filter((x) => x.chosen);
    expect(chosen).toHaveLength(1);
    expect(chosen[0].raceObjective).toBe(Math.min(...race.map((x) => x.raceObjective)));
    expect(race.findIndex((x) => x.chosen)).toBe(race.findIndex((x) => x.raceObjective === chosen[0].raceObjective));
    expect(chosen[0].values).toEqual(report.fitted);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/Racing: the search's 2 best points run again at 2 seeds a case/);
  });

  it('predicts each training case from a point chosen without it', () => {
    expect(report.leaveOneOut.map((l: { left: string }) => l.left).sort()).toEqual([...report.training].sort());
    for (const l of report.leaveOneOut) {
      // The chosen point is the best of the history on the other cases.
      const others = report.training.filter((id: string) => id !== l.left);
      const score = (h: { perCase: Record<string, number> }) => others.reduce((a: number, id: string) => a + h.perCase[id], 0);
      const bestScore = Math.min(...report.history.map(score));
      expect(score(report.history.find((h: { values: unknown }) => JSON.stringify(h.values) === JSON.stringify(l.values)))).toBe(bestScore);
      expect(l.prediction.id).toBe(l.left);
    }
    expect(report.before).toHaveLength(3);
    expect(report.after).toHaveLength(3);
    expect(report.runs).toBe(report.evaluations * 3 * QUICK_SETTINGS.seeds + QUICK_SETTINGS.race * 3 * QUICK_SETTINGS.raceSeeds + (3 + 3 + 3) * QUICK_SETTINGS.validationSeeds);
  });

  it('fits the documented patterns alone by default: no design target in the objective', () => {
    expect(report.risk).toBeNull();
    for (const h of report.history) {
      expect(h.risk).toBeUndefined();
      const cases = Object.values(h.perCase) as number[];
      expect(h.objective).toBeCloseTo(cases.reduce((a, b) => a + b, 0) / cases.length, 12);
    }
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).not.toMatch(/also counted a design target/);
  });

  it('with --design-target counts the default scenario at risk in the search objective, as one more case, and says so', () => {
    const again = mkdtempSync(join(tmpdir(), 'r2p-calibrate-'));
    try {
      const r = cli('calibrate', '--quick', '--design-target', '--out', again, '--no-progress');
      expect(r.status, r.what).toBe(0);
      const other = JSON.parse(readFileSync(join(again, 'report.json'), 'utf8'));
      expect(other.provenance.command).toBe('r2p-sim calibrate --quick --design-target');
      // pFitted: the risk target's P at the fitted point; the race reruns the risk target's own seeds, so it is the search's.
      const fittedRecord = other.history.find((h: { values: unknown }) => JSON.stringify(h.values) === JSON.stringify(other.fitted));
      expect(other.risk).toEqual({ id: 'default', low: 0.3, high: 0.7, seeds: QUICK_SETTINGS.riskSeeds, pFitted: fittedRecord.risk.p });
      for (const h of other.history) {
        expect(h.risk.distance).toBe(riskDistance(h.risk.p, 0.3, 0.7));
        const cases = Object.values(h.perCase) as number[];
        expect(h.objective).toBeCloseTo([...cases, h.risk.distance].reduce((a, b) => a + b, 0) / (cases.length + 1), 12);
      }
      expect(other.runs).toBe(
        other.evaluations * (3 * QUICK_SETTINGS.seeds + QUICK_SETTINGS.riskSeeds) + QUICK_SETTINGS.race * (3 * QUICK_SETTINGS.raceSeeds + QUICK_SETTINGS.riskSeeds) + (3 + 3 + 3) * QUICK_SETTINGS.validationSeeds,
      );
      expect(readFileSync(join(again, 'report.md'), 'utf8')).toMatch(/also counted a design target, weighed as one more case: the default scenario's P\(mass atrocity\) within 0.3-0.7/);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('records its provenance: the targets hash, the model, the day, the command', () => {
    expect(report.provenance.targetsHash).toBe(targetsHash());
    expect(report.provenance.model).toBe(MODEL_VERSION);
    expect(report.provenance.engine).toBe(`${ENGINE.name} ${ENGINE.version}`);
    expect(report.provenance.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.provenance.command).toBe('r2p-sim calibrate --quick');
  });

  it('is deterministic: the same search again gives the same history', () => {
    const again = mkdtempSync(join(tmpdir(), 'r2p-calibrate-'));
    try {
      const r = cli('calibrate', '--quick', '--out', again, '--no-progress', '--workers', '1');
      expect(r.status, r.what).toBe(0);
      const other = JSON.parse(readFileSync(join(again, 'report.json'), 'utf8'));
      expect(other.history).toEqual(report.history);
      expect(other.after).toEqual(report.after);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('screens each --start beside the defaults, and names it in the command', () => {
    const again = mkdtempSync(join(tmpdir(), 'r2p-calibrate-'));
    try {
      const r = cli('calibrate', '--quick', '--out', again, '--no-progress', '--start', 'killRate=0.5, forceKillCapacity=100');
      expect(r.status, r.what).toBe(0);
      const other = JSON.parse(readFileSync(join(again, 'report.json'), 'utf8'));
      expect(other.provenance.command).toBe('r2p-sim calibrate --quick --start killRate=0.5, forceKillCapacity=100');
      // The first batch is the Latin hypercube, then the defaults, then each --start: the defaults with its constants changed.
      const defaults = report.history[QUICK_SETTINGS.screen].values;
      expect(other.history[QUICK_SETTINGS.screen].values).toEqual(defaults);
      expect(other.history[QUICK_SETTINGS.screen + 1].values).toEqual({ ...defaults, killRate: 0.5, forceKillCapacity: 100 });
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('refuses a --start that is not name=value pairs of fitted constants within their ranges', () => {
    for (const [start, message] of [
      ['killRate', /"killRate" is not name=value/],
      ['speed=3', /"speed" is not a fitted constant; expected one of lethalityTargeted, /],
      ['killRate=fast', /killRate=fast is not a number within its searched range 0.01 - 1/],
      ['forceKillCapacity=1', /forceKillCapacity=1 is not a number within its searched range 5 - 5000/],
      [',', /names no constant/],
    ] as const) {
      const r = cli('calibrate', '--quick', '--out', dir, '--start', start);
      expect(r.status, start).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('refuses to write a quick fit to the defaults, and a budget below the screen', () => {
    const a = cli('calibrate', '--quick', '--write-defaults', '--out', dir);
    expect(a.status).not.toBe(0);
    expect(a.stderr).toMatch(/--quick and --write-defaults/);
    const b = cli('calibrate', '--quick', '--budget', '2', '--screen', '4', '--out', dir);
    expect(b.status).not.toBe(0);
    expect(b.stderr).toMatch(/--budget \(2\) must exceed --screen \(4\) plus its 1 warm start/);
  });
});

describe('the generated fitted.ts', () => {
  it('is TypeScript that holds the values and the provenance as given', () => {
    const text = fittedModule({ lethalityTargeted: 0.123 }, { targetsHash: 'abc', model: 'm', date: '2026-12-02', objective: 1.5, trainingCases: ['a'], command: 'c' });
    expect(text).toMatch(/export const FITTED: /);
    const json = text.slice(text.indexOf('= {') + 2, text.lastIndexOf('}') + 1);
    expect(JSON.parse(json)).toEqual({ values: { lethalityTargeted: 0.123 }, provenance: { targetsHash: 'abc', model: 'm', date: '2026-12-02', objective: 1.5, trainingCases: ['a'], command: 'c' } });
  });
});
