/**
 * The sweep view (viz/views/sweep-*.ts). In Node: the CLI's result files (test/fixtures/app-sweep/,
 * made by make-fixtures.sh with the real CLI) read as CSV and as Parquet to the same runs, whose
 * cells match the CLI's summary.csv; a sweep defined from the app's state is the CLI's sweep (the
 * same points and seeds); bad files are refused with messages that name them. In real headless
 * Chromium (the app as `npm run build` makes it): a 2 x 2 x 2 sweep runs on the worker pool, fills
 * a heatmap of 4 cells and its progress to 8 of 8, and its runs.csv is byte for byte what
 * `r2p-sim sweep` writes for the sweep.json saved from the page; the CLI's CSV and Parquet files
 * show the same values; the sensitivity and discovery output is shown; bad files say what is wrong
 * and break nothing; Cancel stops the workers and keeps what finished; the view works from the
 * keyboard and at 390 px. Screenshots go to test-output/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../viz/app/state';
import { BrowserSweep, sweepFileOf } from '../viz/views/sweep-build';
import { cellGrid, runsCsv } from '../viz/views/sweep-data';
import { MAX_RESULT_FILE_BYTES, ResultFileError, assemble, readResultFile, type InputFile } from '../viz/views/sweep-files';
import { ROOT, SHOTS, describeApp, runCli, type OpenedPage, type Viewport } from './browser/app-page';

const FIX = join(ROOT, 'test/fixtures/app-sweep');

/** A fixture as the page's File would give it. */
function fixture(path: string, name = path.split('/').pop()!): InputFile {
  const b = readFileSync(join(FIX, path));
  return { name, size: b.length, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
}

async function load(...paths: string[]): Promise<ReturnType<typeof assemble>> {
  return assemble(await Promise.all(paths.map((p) => readResultFile(fixture(p)))));
}

const summaryRows = () => csvParse(readFileSync(join(FIX, 'grid/summary.csv'), 'utf8'));
const FACTORS = [
  { param: 'incitement', from: 0.2, to: 1, steps: 2 },
  { param: 'deterrence', from: 0, to: 0.9, steps: 2 },
];
/** The baseline of the grid fixture as the app's state: the default scenario, 120 days, 500 agents of 20 people. */
const STATE = { ...DEFAULT_STATE, ticks: 120, params: { agents: 500, peoplePerAgent: 20 } };
const QUERY = '?view=sweep&ticks=120&set=agents%3D500&set=peoplePerAgent%3D20';

describe('the sweep view’s files and data (Node)', () => {
  it('reads the CLI’s runs.csv and runs.parquet to the same runs, and saves them back as the CLI’s runs.csv', async () => {
    const csv = await load('grid/runs.csv', 'grid/design.json', 'grid/manifest.json');
    const pq = await load('grid/runs.parquet', 'grid/design.json');
    const want = readFileSync(join(FIX, 'grid/runs.csv'), 'utf8');
    for (const a of [csv, pq]) {
      expect(a.problems).toEqual([]);
      const d = a.data!;
      expect(d.factors.map((f) => f.name)).toEqual(['incitement', 'deterrence']);
      expect(d.factors.map((f) => f.unit)).toEqual(['strength', 'credibility']);
      expect(d.outcomes.map((o) => o.name)).toEqual(['massAtrocity', 'deathsPeople', 'deathShare', 'firstKillingTick']);
      expect(d.outcomes[0].binary).toBe(true);
      expect(d.rows).toHaveLength(8);
      expect(runsCsv(d)).toBe(want);
    }
    expect(pq.data!.rows).toEqual(csv.data!.rows);
  });

  it('gives per cell the mean and the 5th and 95th percentiles summary.csv gives per point', async () => {
    const { data } = await load('grid/runs.parquet', 'grid/design.json');
    const d = data!;
    for (const [k, o] of d.outcomes.entries()) {
      if (o.binary) continue;
      const g = cellGrid(d, { x: 0, y: 1, outcome: k, hold: [null, null] });
      for (const r of summaryRows().filter((s) => s.outcome === o.name)) {
        const xi = g.x.index(Number(r.incitement));
        const yi = g.y!.index(Number(r.deterrence));
        const same = (a: number, b: string) => (b === '' ? expect(a).toBeNaN() : expect(a).toBeCloseTo(Number(b), 12));
        same(g.mean[yi][xi], r.mean!);
        same(g.lo[yi][xi], r.p05!);
        same(g.hi[yi][xi], r.p95!);
        expect(g.n[yi][xi]).toBe(Number(r.values));
      }
    }
    // A 0/1 outcome: P, with the Wilson 90% interval.
    const p = cellGrid(d, { x: 0, y: 1, outcome: 0, hold: [null, null] });
    expect(p.band).toBe('wilson');
    expect(p.mean.flat()).toEqual([0, 1, 0, 0]);
    expect(p.lo[0][1]).toBeGreaterThan(0.2);
    expect(p.hi[0][1]).toBe(1);
    // summary.csv alone gives the same means.
    const s = (await load('grid/summary.csv')).data!;
    const gs = cellGrid(s, { x: 0, y: 1, outcome: s.outcomes.findIndex((o) => o.name === 'deathsPeople'), hold: [null, null] });
    expect(gs.mean).toEqual(cellGrid(d, { x: 0, y: 1, outcome: 1, hold: [null, null] }).mean);
  });

  it('builds from the app’s state the sweep the fixture was made from: the CLI’s points, seeds and parameters', () => {
    const file = sweepFileOf(STATE, { factors: FACTORS, replicates: 2, seeds: { policy: 'common', base: 1 }, outcome: 'massAtrocity' });
    const fx = JSON.parse(readFileSync(join(FIX, 'grid.sweep.json'), 'utf8')) as Record<string, unknown>;
    for (const k of ['model', 'scenario', 'ticks', 'params', 'factors', 'design', 'replicates', 'seeds']) expect(file[k], k).toEqual(fx[k]);
    const s = new BrowserSweep(file);
    const design = JSON.parse(readFileSync(join(FIX, 'grid/design.json'), 'utf8')) as { values: unknown[][] };
    expect(s.plan.values).toEqual(design.values);
    const runs = csvParse(readFileSync(join(FIX, 'grid/runs.csv'), 'utf8'));
    runs.forEach((r, i) => {
      const t = s.task(i);
      expect([t.point, t.replicate, t.seed]).toEqual([Number(r.point), Number(r.replicate), Number(r.seed)]);
      expect(t.params.incitement).toBe(Number(r.incitement));
    });
    // Independent seeds: the CLI's SHA-256 rule, not base + k.
    const ind = new BrowserSweep(sweepFileOf(STATE, { factors: FACTORS, replicates: 2, seeds: { policy: 'independent', base: 1 } }));
    expect(ind.task(3).seed).not.toBe(2);
    expect(ind.task(3).seed).toBeLessThan(2 ** 48);
  });

  it('refuses bad files, naming each, what was found and what was expected', async () => {
    const cases: [string, RegExp][] = [
      ['bad/people.csv', /^people\.csv: a CSV table with the columns name, age; expected a sweep’s runs\.csv/],
      ['bad/broken-design.json', /^broken-design\.json: not valid JSON .*; expected JSON/],
      ['bad/short.run.json', /^short\.run\.json: a run file .*not a sweep’s results; expected .*Run view/],
      ['bad/not.parquet', /^not\.parquet: not a Parquet file .*; expected runs\.parquet/],
    ];
    for (const [path, message] of cases) {
      const e = await readResultFile(fixture(path)).catch((x: unknown) => x);
      expect(e, path).toBeInstanceOf(ResultFileError);
      expect((e as Error).message).toMatch(message);
    }
    const big: InputFile = { name: 'huge.csv', size: MAX_RESULT_FILE_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) };
    await expect(readResultFile(big)).rejects.toThrow(/^huge\.csv: 67,108,865 bytes; expected a file of at most 67,108,864 bytes/);
    const empty: InputFile = { name: 'empty.csv', size: 0, arrayBuffer: async () => new ArrayBuffer(0) };
    await expect(readResultFile(empty)).rejects.toThrow(/^empty\.csv: an empty file; expected/);
    // Files of two sweeps: said, and the runs still shown.
    const mixed = await load('grid/runs.csv', 'morris/design.json');
    expect(mixed.problems.join('\n')).toMatch(/design\.json: the factors "organisedForce", not a column of runs\.csv/);
    expect(mixed.data!.rows).toHaveLength(8);
  });

  it('reads the sensitivity and discovery output, as JSON and as CSV alike', async () => {
    const a = await load('morris/sensitivity.json', 'morris/sensitivity.csv', 'grid/discovery.json', 'grid/discovery.csv');
    const [j, c] = a.sensitivity.map((s) => s.result);
    expect(c.map((o) => o.outcome)).toEqual(j.map((o) => o.outcome));
    j.forEach((o, i) => expect(c[i].factors.map((f) => [f.factor, f.muStar])).toEqual(o.factors.map((f) => [f.factor, f.muStar])));
    const [dj, dc] = a.discovery.map((d) => d.result);
    expect(dc.chosen).toBe(dj.chosen);
    expect(dc.trajectory.map((b) => b.limits)).toEqual(dj.trajectory.map((b) => b.limits));
    expect(dj.condition).toBe('massAtrocity == 1');
  });
});

describeApp('the sweep view in Chromium', (app) => {
  const tmp = mkdtempSync(join(tmpdir(), 'r2p-app-sweep-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** The sweep view at `query`, its tools loaded, collecting page errors and console errors. */
  async function open(query = QUERY, viewport?: Viewport): Promise<OpenedPage> {
    const opened = await app.open(query, '.sweep-view:not([hidden])', viewport);
    await expect.poll(() => opened.page.getByRole('button', { name: 'Run the sweep' }).isEnabled()).toBe(true);
    return opened;
  }

  async function defineSweep(page: Page, f1: { param: string; from: number; to: number; steps: number }, f2: { param: string; from: number; to: number; steps: number }, replicates: number): Promise<void> {
    for (const [name, f] of [['Factor 1: the x axis', f1], ['Factor 2: one line per value', f2]] as const) {
      const box = page.getByRole('group', { name });
      await box.getByLabel('Parameter').selectOption(f.param);
      await box.getByLabel('From').fill(String(f.from));
      await box.getByLabel('To').fill(String(f.to));
      await box.getByLabel('Steps').fill(String(f.steps));
    }
    await page.getByLabel('Replicates').fill(String(replicates));
  }

  async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const path = join(tmp, `${Date.now()}-${dl.suggestedFilename()}`);
    await dl.saveAs(path);
    return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
  }

  /** The values table: per row its x and y labels and the mean, low and high as numbers (NaN: none). */
  async function tableValues(page: Page): Promise<{ x: string; y: string; mean: number; lo: number; hi: number }[]> {
    return page.locator('.sweep-values tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const v = (cls: string) => {
          const t = (r.querySelector(`.v-${cls}`) as HTMLElement).dataset.value!;
          return t === '' ? NaN : Number(t);
        };
        return { x: (r as HTMLElement).dataset.x!, y: (r as HTMLElement).dataset.y!, mean: v('mean'), lo: v('lo'), hi: v('hi') };
      }),
    );
  }

  const filledCells = (page: Page) =>
    page.locator('.sweep-view .r2p-heatmap .r2p-cells rect').evaluateAll((rs) => rs.filter((r) => !(r.getAttribute('fill') ?? 'url(').startsWith('url(')).length);

  it('runs a 2 x 2 x 2 sweep on the pool: 4 filled cells, progress 8 of 8, and the CLI’s runs for the saved sweep.json', async () => {
    const { page, problems } = await open();
    await defineSweep(page, { param: 'incitement', from: 0.2, to: 1, steps: 2 }, { param: 'deterrence', from: 0, to: 0.9, steps: 2 }, 2);
    await expect.poll(() => page.locator('.sweep-count').textContent()).toMatch(/^2 × 2 points × 2 replicates = 8 runs/);
    await page.getByRole('button', { name: 'Run the sweep' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sweep-view')?.dataset.state === 'done', undefined, { timeout: 120_000 });
    const progress = await page.locator('.sweep-progress progress').evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    expect(progress).toEqual([8, 8]);
    expect(await page.locator('.sweep-done').textContent()).toMatch(/^8 of 8 runs done/);
    await expect.poll(() => filledCells(page)).toBe(4);
    expect(await page.locator('.sweep-view .r2p-heatmap').getAttribute('aria-label')).toMatch(/incitement \(strength\).*deterrence \(credibility\)/);
    expect(await page.locator('.r2p-sweep-lines path.r2p-line').count()).toBe(2);
    expect(await page.locator('.r2p-sweep-lines path.r2p-band').count()).toBe(2);
    expect(await page.locator('.r2p-sweep-lines').textContent()).toContain('incitement (strength) →');
    await page.screenshot({ path: join(SHOTS, 'sweep-view-1280.png'), fullPage: true });

    // The sweep file and the runs, saved; the CLI runs the same sweep file to the same bytes.
    const sweep = await downloaded(page, 'Save sweep.json');
    expect(sweep.name).toBe('sweep.json');
    const runs = await downloaded(page, 'Save the runs as runs.csv');
    expect(runs.name).toBe('runs.csv');
    const dir = join(tmp, 'cli');
    mkdirSync(dir, { recursive: true });
    const sweepPath = join(dir, 'sweep.json');
    rmSync(sweepPath, { force: true });
    writeFileSync(sweepPath, sweep.bytes);
    const r = runCli(['sweep', sweepPath, '--out', join(dir, 'out'), '--no-progress', '--workers', '1']);
    expect(r.status, r.stderr).toBe(0);
    const cliCsv = readFileSync(join(dir, 'out/runs.csv'), 'utf8');
    expect(runs.bytes.toString('utf8')).toBe(cliCsv);
    // Every run's results hash is there, and the sweep is the fixture's (the same factors over the same baseline).
    const hashes = csvParse(cliCsv).map((x) => x.hash);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h!))).toBe(true);
    const saved = JSON.parse(sweep.bytes.toString('utf8')) as Record<string, unknown>;
    const fx = JSON.parse(readFileSync(join(FIX, 'grid.sweep.json'), 'utf8')) as Record<string, unknown>;
    for (const k of ['scenario', 'ticks', 'params', 'factors', 'replicates', 'seeds']) expect(saved[k], k).toEqual(fx[k]);

    // The charts export as SVG and PNG.
    const svg = await downloaded(page, 'Save the heatmap as SVG');
    expect(svg.name).toMatch(/heatmap\.svg$/);
    expect(svg.bytes.toString('utf8')).toMatch(/^<\?xml[^]*<svg[^]*incitement/);
    const png = await downloaded(page, 'Save the lines as PNG');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the CLI’s runs.csv and runs.parquet and shows the values the files hold, with the discovery box', async () => {
    const { page, problems } = await open('?view=sweep');
    await page.locator('#sweep-file-input').setInputFiles(['grid/runs.csv', 'grid/design.json', 'grid/manifest.json', 'grid/summary.csv', 'grid/discovery.json'].map((p) => join(FIX, p)));
    await expect.poll(() => page.locator('.sweep-results').getAttribute('data-shown')).toBe('files');
    expect(await filledCells(page)).toBe(4);
    // P(mass atrocity) first, as in summary.csv.
    const sum = summaryRows();
    const mean = (outcome: string, x: string, y: string) => sum.find((r) => r.outcome === outcome && r.incitement === x && r.deterrence === y)!;
    for (const v of await tableValues(page)) expect(v.mean).toBe(Number(mean('massAtrocity', v.x, v.y).mean));
    await page.getByLabel('Outcome').selectOption({ label: 'deathsPeople: people killed' });
    const fromCsv = await tableValues(page);
    for (const v of fromCsv) {
      const r = mean('deathsPeople', v.x, v.y);
      expect([v.mean, v.lo, v.hi]).toEqual([Number(r.mean), Number(r.p05), Number(r.p95)]);
    }
    expect(await page.locator('.sweep-discovery').textContent()).toMatch(/0\.6 ≤ incitement ≤ 1[^]*0 ≤ deterrence ≤ 0\.45[^]*Coverage100\.0%/);
    expect(await page.locator('.sweep-files').textContent()).toContain('8 runs');
    await page.screenshot({ path: join(SHOTS, 'sweep-view-files-1280.png'), fullPage: true });

    // The Parquet file alone: the same values.
    await page.locator('#sweep-file-input').setInputFiles([join(FIX, 'grid/runs.parquet')]);
    await expect.poll(() => page.locator('.sweep-files').textContent()).toContain('runs.parquet');
    await page.getByLabel('Outcome').selectOption({ label: 'deathsPeople: people killed' });
    expect(await tableValues(page)).toEqual(fromCsv);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('takes files dropped on the page (not as a run file)', async () => {
    const { page, problems } = await open('?view=sweep');
    const files = ['grid/runs.parquet', 'grid/design.json'].map((p) => ({ name: p.split('/')[1], bytes: [...readFileSync(join(FIX, p))] }));
    const dt = await page.evaluateHandle((fs) => {
      const d = new DataTransfer();
      for (const f of fs) d.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return d;
    }, files);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
    await expect.poll(() => filledCells(page)).toBe(4);
    expect(await page.locator('.sweep-files').textContent()).toMatch(/runs\.parquet: 8 runs; factors incitement, deterrence/);
    expect(await page.locator('#notices .notice').count()).toBe(0);
    expect(await page.evaluate(() => document.body.classList.contains('dropping'))).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a Morris sweep’s sensitivity from the CLI’s output, and computes the same estimates here', async () => {
    const { page, problems } = await open('?view=sweep');
    await page.locator('#sweep-file-input').setInputFiles(['morris/runs.csv', 'morris/design.json', 'morris/sensitivity.json'].map((p) => join(FIX, p)));
    await expect.poll(() => page.locator('.sweep-sensitivity').count()).toBe(2);
    const fromFile = await page.locator('.sweep-sensitivity table').first().textContent();
    expect(fromFile).toMatch(/incitement/);
    await page.getByRole('button', { name: 'Compute the sensitivity here' }).click();
    await expect.poll(() => page.locator('.sweep-sensitivity').count()).toBe(4);
    // The same ranking and estimates, mu and sigma (the intervals differ: 1000 resamples here, 200 in the file).
    const rows = (i: number) =>
      page
        .locator('.sweep-sensitivity table')
        .nth(i)
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c, k) => (k === 2 ? (c.textContent ?? '').split(' [')[0] : c.textContent))));
    for (const [file, here] of [[0, 2], [1, 3]]) {
      const a = await rows(file);
      expect(a).toHaveLength(3);
      expect(await rows(here)).toEqual(a);
    }
    await page.locator('.sweep-sensitivity').first().screenshot({ path: join(SHOTS, 'sweep-sensitivity.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says what is wrong with bad files, naming each, shows their text as text, and keeps what was shown', async () => {
    const { page, problems } = await open('?view=sweep');
    await page.locator('#sweep-file-input').setInputFiles([join(FIX, 'grid/runs.csv'), join(FIX, 'grid/design.json')]);
    await expect.poll(() => filledCells(page)).toBe(4);
    const evil = '<img src=x id=injected onerror="window.pwned=1">';
    await page.locator('#sweep-file-input').setInputFiles([
      ...['bad/people.csv', 'bad/broken-design.json', 'bad/short.run.json', 'bad/not.parquet'].map((p) => ({ name: p.slice(4), mimeType: 'application/octet-stream', buffer: readFileSync(join(FIX, p)) })),
      { name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from(`${evil},b\n1,2\n`) },
    ]);
    await expect.poll(() => page.locator('#notices .notice').count()).toBe(5);
    const notices = await page.locator('#notices').textContent();
    expect(notices).toMatch(/people\.csv: a CSV table with the columns name, age; expected/);
    expect(notices).toMatch(/broken-design\.json: not valid JSON/);
    expect(notices).toMatch(/short\.run\.json: a run file/);
    expect(notices).toMatch(/not\.parquet: not a Parquet file/);
    expect(notices).toContain(evil);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // What was shown stays.
    expect(await filledCells(page)).toBe(4);
    expect(await page.locator('.sweep-results').getAttribute('data-shown')).toBe('files');
    await page.screenshot({ path: join(SHOTS, 'sweep-view-bad-files.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs 100 runs on the pool (timed), then cancels a longer rerun: the workers stop and the finished runs stay', async () => {
    const { page, problems } = await open();
    await defineSweep(page, { param: 'incitement', from: 0, to: 1, steps: 5 }, { param: 'deterrence', from: 0, to: 1, steps: 5 }, 4);
    await page.getByRole('button', { name: 'Run the sweep' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sweep-view')?.dataset.state === 'done', undefined, { timeout: 300_000 });
    const ms = Number(await page.locator('.sweep-view').getAttribute('data-elapsed-ms'));
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`sweep view: 100 runs (500 agents, 120 days) in ${(ms / 1000).toFixed(1)} s on ${workers} workers`);
    expect(await filledCells(page)).toBe(25);

    // A rerun of 500 runs (20 replicates), cancelled part-way.
    await page.getByLabel('Replicates').fill('20');
    await page.getByRole('button', { name: 'Run the sweep' }).click();
    await page.waitForFunction(
      () => {
        const v = document.querySelector<HTMLElement>('.sweep-view')!.dataset;
        return v.state === 'running' && Number(v.done) >= 5;
      },
      undefined,
      { timeout: 60_000 },
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.sweep-view').getAttribute('data-state')).toBe('cancelled');
    const done = Number(await page.locator('.sweep-view').getAttribute('data-done'));
    expect(done).toBeGreaterThanOrEqual(5);
    expect(done).toBeLessThan(500);
    expect(await page.locator('.sweep-outputs .status').textContent()).toMatch(/^Cancelled after \d+ of 500 runs/);
    await page.waitForTimeout(1500);
    expect(Number(await page.locator('.sweep-view').getAttribute('data-done'))).toBe(done);
    const filled = await filledCells(page);
    expect(filled).toBeGreaterThan(0);
    expect(filled).toBeLessThanOrEqual(25);
    expect(await page.getByRole('button', { name: 'Cancel' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Run the sweep' }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'sweep-view-cancelled.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works from the keyboard and lays out at 390 px', async () => {
    const { page, problems } = await open(QUERY, { width: 390, height: 844 });
    await defineSweep(page, { param: 'incitement', from: 0.2, to: 1, steps: 2 }, { param: 'deterrence', from: 0, to: 0.9, steps: 2 }, 1);
    // Enter in a field submits the form: the sweep runs.
    await page.getByLabel('Replicates').press('Enter');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sweep-view')?.dataset.state === 'done', undefined, { timeout: 120_000 });
    // The lines chart reads out a level with the arrow keys.
    await page.locator('.r2p-sweep-lines').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.r2p-sweep-lines .r2p-tip').getAttribute('display')).toBeNull();
    expect(await page.locator('.r2p-sweep-lines .r2p-tip').textContent()).toMatch(/incitement \(strength\): 0\.2/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'sweep-view-390.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
