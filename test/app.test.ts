/**
 * The app end to end, in real headless Chromium (Debian's package, driven by playwright-core):
 * the app as `npm run build` makes it, served on 127.0.0.1. It opens on the default scenario,
 * runs it in a Web Worker to the end with charts that hold data, and reaches the same results
 * hash as the command line tool for the same inputs; a shared link reproduces a run; a bad link
 * says what is wrong and breaks nothing; text from the URL is shown as text; the page allows no
 * inline script. Screenshots of the main views go to test-output/screenshots/ (git-ignored).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ROOT, SHOTS, cliHash, describeApp, runCli, type Viewport } from './browser/app-page';

/** How many colours a canvas shows (every 7th pixel sampled). */
function canvasColours(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
}

describeApp('the app in Chromium', (app) => {
  /** A page at `query`, collecting page errors and CSP violations. */
  const open = (query = '', viewport?: Viewport) => app.open(query, '.run-view .status', viewport);

  /** Run to the end and return the hash the page shows. */
  async function runToEnd(page: Page): Promise<string> {
    await page.getByRole('button', { name: 'Run to the end' }).click();
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('.run-view')?.dataset.hash ?? '') !== '', undefined, { timeout: 60_000 });
    return (await page.locator('.run-view').getAttribute('data-hash'))!;
  }

  it('opens on the default scenario and runs it in a worker to the CLI’s hash, with charts of data', async () => {
    const { page, problems } = await open();
    await expect.poll(() => page.locator('.run-view .status').textContent()).toMatch(/^Day 0 of 365/);
    expect(await page.locator('.run-view').getByLabel('Scenario', { exact: true }).inputValue()).toBe('default');
    const hash = await runToEnd(page);
    expect(hash).toBe(cliHash('--scenario', 'default', '--seed', '1'));
    expect(await page.locator('.run-view .status').textContent()).toMatch(/^Day 365 of 365/);
    // Every line chart drew a line with many points, and the axes say what they show.
    const paths = await page.locator('.run-view .charts svg path.r2p-line').evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').split(/[LH V]/).length));
    expect(paths.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...paths)).toBeGreaterThan(100);
    expect(await page.locator('.run-view .charts').textContent()).toContain('people');
    // The population canvas has pixels of more than one colour.
    expect(await canvasColours(page.locator('.run-view canvas.population-canvas'))).toBeGreaterThan(2);
    await page.screenshot({ path: join(SHOTS, 'run-view-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows a shared link: the same seed and settings give the CLI’s hash, and the controls show them', async () => {
    const { page, problems } = await open('?scenario=kenya-2008&seed=7&set=deterrence%3D0.8&set=impartiality%3D0.2%4030');
    expect(await page.locator('.run-view').getByLabel('Seed', { exact: true }).inputValue()).toBe('7');
    expect(await page.locator('.run-view').getByLabel('Scenario', { exact: true }).inputValue()).toBe('kenya-2008');
    const hash = await runToEnd(page);
    expect(hash).toBe(cliHash('--scenario', 'kenya-2008', '--seed', '7', '--set', 'deterrence=0.8', '--set', 'impartiality=0.2@30'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a run file the CLI wrote: reruns it, says it reproduces the hash, and takes its inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r2p-app-runfile-'));
    try {
      const file = join(dir, 'kenya.run.json');
      const r = runCli(['run', '--scenario', 'kenya-2008', '--seed', '11', '--set', 'deterrence=0.7@20', '--no-progress', '--out', file]);
      expect(r.status, r.stderr).toBe(0);
      const stored = JSON.parse(readFileSync(file, 'utf8')).hash as string;
      const { page, problems } = await open();
      await page.locator('#run-file-input').setInputFiles(file);
      const report = page.locator('.run-file-report');
      await expect.poll(() => report.getAttribute('data-verdict'), { timeout: 60_000 }).toBe('reproduced');
      expect(await report.getAttribute('data-hash')).toBe(stored);
      expect(await report.textContent()).toContain(stored);
      // The run view now holds the file's inputs: running them gives the same hash again.
      expect(await page.locator('.run-view').getByLabel('Seed', { exact: true }).inputValue()).toBe('11');
      expect(await page.locator('.run-view').getByLabel('Scenario', { exact: true }).inputValue()).toBe('kenya-2008');
      expect(await runToEnd(page)).toBe(stored);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what is wrong with a bad run file, and breaks nothing', async () => {
    const { page, problems } = await open('?seed=4');
    const input = page.locator('#run-file-input');
    const notices = page.locator('#notices');
    await input.setInputFiles({ name: 'broken.run.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "r2p-sim/run@1", ') });
    await expect.poll(() => notices.textContent()).toMatch(/broken\.run\.json: not JSON/);
    await input.setInputFiles({ name: 'other.run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'something/else' })) });
    await expect.poll(() => notices.textContent()).toMatch(/other\.run\.json: format/);
    // Text from a file is text: markup in a field's value is shown, not parsed.
    await input.setInputFiles({ name: 'markup.run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: '<img src=x id=from-file onerror="window.pwned=1">' })) });
    await expect.poll(() => notices.textContent()).toContain('<img src=x id=from-file');
    expect(await page.locator('#from-file').count()).toBe(0);
    // The run view is as it was and still runs.
    expect(await page.locator('.run-view').getByLabel('Seed', { exact: true }).inputValue()).toBe('4');
    expect(await runToEnd(page)).toBe(cliHash('--scenario', 'default', '--seed', '4'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a scenario file: its title and sources shown as text (markup in them stays text), and it runs as the CLI runs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r2p-app-scenario-'));
    try {
      const base = JSON.parse(readFileSync(join(ROOT, 'scenarios/teaching/incitement-cascade.json'), 'utf8'));
      const title = '<img src=x id=title-markup onerror="window.pwned=1"><b>Bold</b> cascade';
      const scenario = { ...base, id: 'my-cascade', title, summary: '<script>window.pwned=2</script> a summary' };
      delete scenario.$schema;
      const file = join(dir, 'my-cascade.json');
      writeFileSync(file, JSON.stringify(scenario));
      const { page, problems } = await open();
      await page.locator('#run-file-input').setInputFiles(file);
      await expect.poll(() => page.locator('.run-file-report').getAttribute('data-verdict')).toBe('scenario');
      const picker = page.locator('.run-view').getByLabel('Scenario', { exact: true });
      expect(await picker.inputValue()).toBe('file:my-cascade');
      expect(await picker.locator('option:checked').textContent()).toBe(`${title} (from a file)`);
      expect(await page.locator('.run-view .scenario-info summary').textContent()).toContain(title);
      expect(await page.locator('#title-markup').count()).toBe(0);
      expect(await page.locator('.run-view b').count()).toBe(0);
      // It runs as `r2p-sim run --scenario <the file>` does.
      expect(await runToEnd(page)).toBe(cliHash('--scenario', file, '--seed', '1'));
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      // A bad scenario file is refused with the field named.
      await page.locator('#run-file-input').setInputFiles({ name: 'bad-scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...scenario, kind: 'novel' })) });
      await expect.poll(() => page.locator('#notices').textContent()).toMatch(/bad-scenario\.json: kind/);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('saves the series as CSV, each chart as SVG and PNG, and the run file', async () => {
    const { page } = await open('?seed=2&ticks=60');
    const hash = await runToEnd(page);
    const save = async (name: string | RegExp) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
      return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'latin1') };
    };
    const csv = await save('Save the series as CSV');
    expect(csv.name).toBe('default-seed2-series.csv');
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^day,deaths,deathsToday,deathsPeople,/);
    expect(lines).toHaveLength(61);
    const svg = await save('Save "People killed" as SVG');
    expect(svg.name).toBe('default-seed2-People-killed.svg');
    expect(svg.text).toMatch(/^<\?xml|^<svg/);
    expect(svg.text).toContain('People killed');
    const png = await save('Save "People killed" as PNG');
    expect(png.text.slice(1, 4)).toBe('PNG');
    const run = await save('Save the run file');
    expect(JSON.parse(run.text).hash).toBe(hash);
    await page.close();
  });

  it('says what is wrong with a bad link, keeps the rest, and still runs', async () => {
    const { page, problems } = await open('?view=nowhere&scenario=atlantis&seed=5&set=deterence%3D0.8&set=deterrence%3D7');
    const notices = await page.locator('#notices').textContent();
    expect(notices).toContain('nowhere');
    expect(notices).toContain('atlantis');
    expect(notices).toContain('deterence');
    expect(notices).toMatch(/did you mean "deterrence"/);
    expect(notices).toContain('7');
    // The good part (the seed) is kept; the run view works.
    expect(await page.locator('.run-view').getByLabel('Seed', { exact: true }).inputValue()).toBe('5');
    expect(await runToEnd(page)).toBe(cliHash('--scenario', 'default', '--seed', '5'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows text from the URL as text, never as markup', async () => {
    const seed = '<img src=x id=injected onerror="window.pwned=1">';
    const { page } = await open(`?seed=${encodeURIComponent(seed)}`);
    expect(await page.locator('.run-view').getByLabel('Seed', { exact: true }).inputValue()).toBe(seed);
    await runToEnd(page);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });

  it('sets a Content-Security-Policy that allows no inline script', async () => {
    const { page } = await open();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // An inline script injected now is refused by the policy.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(ran).toBe(false);
    await page.close();
  });

  it('draws a grid model (Epstein’s Model II) cell by cell, with its categories in the legend, to the CLI’s hash', async () => {
    const { page, problems } = await open('?model=epstein-ethnic-violence&seed=5&ticks=30&set=width=20&set=height=20');
    expect(await runToEnd(page)).toBe(cliHash('--model', 'epstein-ethnic-violence', '--seed', '5', '--ticks', '30', '--width', '20', '--height', '20'));
    const figure = page.locator('.run-view figure.population');
    expect(await figure.locator('figcaption').textContent()).toBe('The grid, 20 by 20 cells');
    expect(await figure.locator('ul[aria-label="Cells"]').textContent()).toContain('group B, active (killing)');
    expect(await canvasColours(figure.locator('canvas'))).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(SHOTS, 'run-view-grid-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lays out on a narrow screen', async () => {
    const { page, problems } = await open('?scenario=rwanda-1994&seed=3', { width: 390, height: 844 });
    await page.getByRole('button', { name: 'Step a day' }).click();
    await expect.poll(() => page.locator('.run-view').getAttribute('data-day')).toBe('1');
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'run-view-390.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('links to the model description and the case report, served beside the app', async () => {
    const { page } = await open();
    await page.getByText('What this is, and what it is not').click();
    for (const [name, heading] of [
      ['Model description (ODD protocol)', /ODD/],
      ['Case report', /case/i],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const res = await page.request.get(new URL(href!, app.url()).href);
      expect(res.status(), name).toBe(200);
      expect(await res.text()).toMatch(heading);
    }
    expect(readFileSync(join(ROOT, 'docs/ODD.md'), 'utf8').length).toBeGreaterThan(1000);
    await page.close();
  });
});
