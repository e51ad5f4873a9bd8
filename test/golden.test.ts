/**
 * Golden runs: run files made by the CLI and committed; the engine must still reproduce them
 * bit for bit. The default scenario (its election), two crisis runs that exercise the Council
 * (vetoes and a patron; force under a measure-of-last-resort doctrine), the Assembly, inquiries,
 * host consent and a deployment, safe areas that fall and are relieved, a settlement and the PBC,
 * and the Srebrenica case (an offensive, the town's fall, venues taken in the assault); and one run of each Epstein model (a
 * legitimacy drop and cops withdrawn; peacekeepers arriving, with the unrounded arrest
 * probability so exp is evaluated on arbitrary ratios). test/browser.test.ts replays every one
 * in Chromium too. Regenerate (only for a deliberate model
 * change) with the commands in GOLDENS below, and say in the commit message why results changed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, hashResult, modelKernel, parseRunFile, replay } from '../sim/index';

const GOLDENS = [
  {
    file: 'default-seed42.run.json',
    command: 'node cli/r2p-sim.mjs run --scenario default --seed 42 --ticks 120 --agents 3000 --people-per-agent 50 --out test/golden/default-seed42.run.json',
    events: ['trigger:election', 'leadership:climb'],
  },
  {
    // Since r2p-luck-2018/6 the safe areas are reinforced on day 120 (safeAreaCapacity 0.9): at the
    // calibrated defaults no seed in 60 tried saw the mob's attack on a weak venue ease by itself.
    file: 'patron-safe-areas-seed74.run.json',
    command:
      'node cli/r2p-sim.mjs run --seed 74 --ticks 200 --agents 3000 --people-per-agent 50 --safe-areas 2 --safe-area-capacity 0.05 --incitement 0.8 --patron true --election-day 20 --set safeAreaCapacity=0.9@120 --out test/golden/patron-safe-areas-seed74.run.json',
    events: ['council:vetoed', 'assembly:adopted', 'hrc:inquiry-report', 'peacekeepers:venue-fell', 'peacekeepers:venue-relieved', 'outcome:mass-atrocity'],
  },
  {
    file: 'last-resort-force-seed42.run.json',
    command:
      'node cli/r2p-sim.mjs run --seed 42 --ticks 365 --agents 3000 --people-per-agent 50 --safe-areas 2 --safe-area-capacity 0.05 --incitement 0.8 --force-doctrine measure-of-last-resort --council-willingness 0.7 --election-day 30 --settlement-inclusion 1 --stakes 0.8 --peacekeeper-coverage 0.3 --out test/golden/last-resort-force-seed42.run.json',
    // pbc:engage-recurrence left the list with r2p-luck-2018/4: at the calibrated defaults (a crisis
    // half-life of about 160 days) no leadership steps back to incitement within the year after a
    // mass atrocity in 90 seeds tried; test/rules/organs.test.ts holds the PBC's recurrence rule.
    events: ['council:adopted', 'host:consent', 'peacekeepers:deployed', 'peacekeepers:force-arrives', 'peacekeepers:venue-relieved', 'mediators:settlement-signed'],
  },
  {
    file: 'srebrenica-seed42.run.json',
    command: 'node cli/r2p-sim.mjs run --scenario srebrenica-1995 --seed 42 --out test/golden/srebrenica-seed42.run.json',
    events: ['trigger:offensive', 'trigger:town-assault', 'peacekeepers:venue-taken', 'outcome:mass-atrocity'],
  },
  {
    file: 'epstein-civil-mesa-seed42.run.json',
    command:
      'node cli/r2p-sim.mjs run --model epstein-civil-violence --preset mesa --width 20 --height 20 --ticks 100 --seed 42 --set legitimacy=0.6@40 --set copDensity=0.04@70 --out test/golden/epstein-civil-mesa-seed42.run.json',
    events: ['user:set', 'model:cops'],
  },
  {
    file: 'epstein-ethnic-run8-seed42.run.json',
    command:
      'node cli/r2p-sim.mjs run --model epstein-ethnic-violence --preset run8 --width 20 --height 20 --ticks 300 --seed 42 --cop-arrival-tick 10 --arrest-rounding none --out test/golden/epstein-ethnic-run8-seed42.run.json',
    events: ['model:peacekeepers', 'model:eliminated'],
  },
];

for (const g of GOLDENS) {
  const path = fileURLToPath(new URL(`./golden/${g.file}`, import.meta.url));
  const regenerate = `a deliberate model change must regenerate test/golden/ with the command below and say why in the commit message: ${g.command}`;

  describe(`golden run ${g.file}`, () => {
    const file = parseRunFile(JSON.parse(readFileSync(path, 'utf8')), path);

    it('is internally consistent and covers what it is kept for', () => {
      expect(hashResult(file), `the golden file is internally inconsistent; ${regenerate}`).toBe(file.hash);
      const seen = new Set(file.events.map((e) => `${e.actor}:${e.action}`));
      for (const ev of g.events) expect(seen.has(ev), `golden run no longer shows ${ev}; ${regenerate}`).toBe(true);
    });

    it('replays to the stored hash', () => {
      const outcome = replay(file);
      const where = outcome.firstDifference ? ` First difference: ${JSON.stringify(outcome.firstDifference)}.` : '';
      expect(outcome.ok, `golden run no longer reproduced: got ${outcome.actual}, stored ${file.hash}.${where} ${regenerate}`).toBe(true);
      expect(outcome.actual, regenerate).toBe(file.hash);
    });

    it('was made by this model version', () => {
      expect(file.engine.model, `the model's version changed; ${regenerate}`).toBe(modelKernel(file.model ?? DEFAULT_MODEL).version);
    });
  });
}
