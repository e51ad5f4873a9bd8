/**
 * The compare view end to end, in real headless Chromium (Debian's package, driven by
 * playwright-core), on the app as `npm run build` makes it: a teaching scenario's suggested
 * comparison is set up in one click; one seed runs every arm in its own worker, and the page
 * shows where the arms part and the people killed that Node computes for the same specs
 * (resolveSpec with the arm's changes as schedule, runModel); the changes' day markers move with
 * the keyboard and write the URL; ten seeds run on the worker pool and give fan charts, the
 * distribution of paired differences, the statistics table and a CSV of every run. Screenshots
 * go to test-output/screenshots/ (git-ignored).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { compareArms, firstParting, tickDigests, type ArmRun } from '../analysis/compare';
import { runModel, type RunSummary } from '../sim/index';
import { BUILT_IN } from '../scenarios/index';
import { resolveSpec } from '../viz/app/spec';
import type { AppState } from '../viz/app/state';
import { decodeState } from '../viz/app/url-state';
import { SHOTS, describeApp, type Viewport } from './browser/app-page';

const SCENARIO = 'incitement-cascade';

/** The state a page's URL holds (the app's own decoder). */
function stateOf(page: Page): AppState {
  const { state, errors } = decodeState(new URL(page.url()).search, { scenarios: BUILT_IN.map((s) => s.id) });
  expect(errors).toEqual([]);
  return state;
}

/** The specs of the baseline and each arm, by the app's rule: the arm's changes added to the schedule. */
function specsOf(state: AppState) {
  return [resolveSpec(state).spec, ...state.arms.map((a) => resolveSpec({ ...state, schedule: [...state.schedule, ...a.changes] }).spec)];
}

describeApp('the compare view in Chromium', (app) => {
  const open = (query: string, viewport?: Viewport) => app.open(query, '.compare-view .status', viewport);

  async function runOneSeed(page: Page): Promise<void> {
    await page.locator('.compare-view').getByRole('button', { name: /^Run seed/ }).click();
    await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('.compare-view')?.dataset.one ?? ''), undefined, { timeout: 120_000 });
    expect(await page.locator('.compare-view').getAttribute('data-one')).toBe('done');
  }

  it('sets up a teaching scenario’s suggested comparison in one click and runs one seed as Node does', async () => {
    const { page, problems } = await open(`?view=compare&scenario=${SCENARIO}`);
    // Nothing runs before it is asked for.
    expect(await page.locator('.compare-view').getAttribute('data-one')).toBe('idle');
    await expect.poll(() => page.locator('.cmp-suggested').textContent()).toContain('push-back');
    await page.locator('.compare-view').getByRole('button', { name: 'Set up this comparison' }).click();
    const state = stateOf(page);
    expect(state.view).toBe('compare');
    expect(state.arms).toEqual([{ label: 'Counter-messaging from day 15', changes: [{ tick: 15, name: 'counterMessaging', value: 0.7 }] }]);
    expect(await page.locator('.compare-view').getByLabel('Label', { exact: true }).inputValue()).toBe('Counter-messaging from day 15');

    await runOneSeed(page);

    // The per-arm people killed at seed 1 are Node's for the same specs.
    const specs = specsOf(state);
    const results = specs.map((s) => runModel(s));
    const shown = await page.locator('.cmp-finals tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ arm: r.getAttribute('data-arm'), deaths: Number(r.querySelector<HTMLElement>('[data-deaths]')?.dataset.deaths) })),
    );
    expect(shown).toEqual([
      { arm: 'baseline', deaths: results[0].summary.deathsPeople },
      { arm: 'Counter-messaging from day 15', deaths: results[1].summary.deathsPeople },
    ]);
    expect(results[0].summary.deathsPeople).not.toBe(results[1].summary.deathsPeople);

    // Where they part: the first day any series differs (all series, as the CLI's compare).
    const parts = firstParting(tickDigests(results[0].series, results[0].ticks), tickDigests(results[1].series, results[1].ticks));
    expect(parts).toBe(15);
    const part = page.locator('.cmp-part').first();
    expect(await part.getAttribute('data-parts-at')).toBe(String(parts));
    expect(await part.locator('.cmp-first-day').textContent()).toMatch(/^First day they part: day 15\b/);
    expect(await part.locator('.cmp-first-day').textContent()).toContain('counterMessaging');
    // The first event that differs, your own change left out.
    const modelEvents = results.map((r) => r.events.filter((e) => e.actor !== 'user'));
    const i = modelEvents[0].findIndex((e, k) => JSON.stringify(e) !== JSON.stringify(modelEvents[1][k]));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(await part.locator('.cmp-first-event').textContent()).toContain(`First event that differs: day ${Math.min(modelEvents[0][i].tick, modelEvents[1][i]?.tick ?? Infinity)}`);

    // Every chart of the one seed has a line of many points per arm, and labelled axes.
    const lines = await page.locator('.cmp-one svg path.r2p-line').evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').split(/[LHV]/).length));
    expect(lines.length).toBe(4 * 2 + 2 * 1);
    expect(Math.min(...lines)).toBeGreaterThan(100);
    const text = await page.locator('.cmp-one').textContent();
    for (const t of ['(people)', '(agents)', 'day →', 'Baseline', 'Counter-messaging from day 15', 'minus baseline']) expect(text).toContain(t);
    await page.screenshot({ path: join(SHOTS, 'compare-one-seed-1280.png'), fullPage: true });

    // The change's day marker: a focusable slider on the time axis; the arrow keys move it and the URL follows.
    const marker = page.locator('.compare-view').getByRole('slider', { name: /counterMessaging=0\.7/ });
    expect(await marker.getAttribute('aria-valuenow')).toBe('15');
    await marker.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await marker.getAttribute('aria-valuenow')).toBe('26');
    expect(stateOf(page).arms[0].changes).toEqual([{ tick: 26, name: 'counterMessaging', value: 0.7 }]);
    expect(await page.locator('.cmp-day input').inputValue()).toBe('26');
    // The results are now for the earlier settings, and say so.
    expect(await page.locator('.cmp-stale').isVisible()).toBe(true);

    // A bad value is refused beside the field, naming field, value and expectation; the URL keeps the last good one.
    const value = page.locator('.cmp-value input');
    await value.fill('7');
    await value.press('Enter');
    expect(await page.locator('.cmp-change .cmp-error').textContent()).toMatch(/counterMessaging: got 7, expected a number from 0 to 1/);
    expect(stateOf(page).arms[0].changes[0].value).toBe(0.7);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('runs ten seeds on the pool: fan charts, paired differences, the statistics and the CSV', async () => {
    const { page, problems } = await open(`?view=compare&scenario=${SCENARIO}`);
    await page.locator('.compare-view').getByRole('button', { name: 'Set up this comparison' }).click();
    const state = stateOf(page);
    await page.locator('.compare-view').getByLabel('Seeds', { exact: true }).fill('10');
    await page.locator('.compare-view').getByRole('button', { name: 'Run 10 seeds' }).click();
    expect(await page.locator('.cmp-progress progress').count()).toBe(1);
    await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('.compare-view')?.dataset.many ?? ''), undefined, { timeout: 600_000 });
    expect(await page.locator('.compare-view').getAttribute('data-many')).toBe('done');
    expect(await page.locator('.cmp-progress').isHidden()).toBe(true);

    // Two fan charts (people killed, and arm minus baseline), each band and median drawn.
    const fans = page.locator('.cmp-many .r2p-fan-chart');
    expect(await fans.count()).toBe(2);
    const bandPaths = await page.locator('.cmp-many .r2p-fan-chart path.r2p-band').evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').length));
    expect(bandPaths.length).toBe(2 + 1);
    expect(Math.min(...bandPaths)).toBeGreaterThan(100);
    expect(await page.locator('.cmp-many .r2p-histogram rect').count()).toBeGreaterThan(0);

    // The statistics are analysis/compare.ts's over the same runs in Node.
    const specs = specsOf(state);
    const runs = specs.map((spec, k) =>
      Array.from({ length: 10 }, (_, i): ArmRun => {
        const r = runModel({ ...spec, seed: i + 1 });
        return { seed: i + 1, summary: r.summary as RunSummary, partsAt: k === 0 ? null : 0 };
      }),
    );
    const reports = compareArms(runs.map((r, k) => ({ name: k === 0 ? 'baseline' : state.arms[0].label, changes: [], runs: r })));
    const overview = await page.locator('.cmp-overview tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
    expect(overview.length).toBe(2);
    reports.forEach((r, k) => {
      expect(overview[k][2]).toBe(`${r.pMassAtrocity.toFixed(2)} [${r.pMassAtrocityCi[0].toFixed(2)}, ${r.pMassAtrocityCi[1].toFixed(2)}]`);
      expect(overview[k][3]).toBe(`${r.classes.prevented} / ${r.classes.curbed} / ${r.classes.failed}`);
    });
    const diffs = await page.locator('.cmp-differences').first().textContent();
    expect(diffs).toContain('P(mass atrocity)');
    expect(diffs).toContain('people killed (people)');
    expect(diffs).toMatch(/p = \d\.\d{3}|p < 0\.001/);

    // Every run in the CSV: a header and 2 arms x 10 seeds.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.compare-view').getByRole('button', { name: 'Save every run as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('arm,seed,outcome,mass_atrocity,deaths_people,death_share,peak_participation_share,displaced_people,killing_days,force_death_share,parts_at,hash');
    expect(csv.length).toBe(1 + 20);
    expect(csv[1].startsWith('baseline,1,')).toBe(true);
    expect(Number(csv[1].split(',')[4])).toBe(runs[0][0].summary.deathsPeople);

    await page.screenshot({ path: join(SHOTS, 'compare-many-seeds-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 900_000);

  it('lays out on a narrow screen', async () => {
    const { page, problems } = await open(`?view=compare&scenario=${SCENARIO}`, { width: 390, height: 844 });
    await page.locator('.compare-view').getByRole('button', { name: 'Set up this comparison' }).click();
    await runOneSeed(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'compare-one-seed-390.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
});
