/**
 * Accessibility of the app's three views, checked by axe-core (the standard engine, through
 * @axe-core/playwright) in headless Chromium against WCAG 2.1 A and AA: no violation in any view
 * once it shows results (charts, tables, forms, the population canvas). Keyboard use and focus are
 * exercised by the views' own tests; this checks names, roles, labels, contrast and structure.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeApp } from './browser/app-page';

/** axe's violations on the page, as "rule (impact): target ..." lines (empty when it passes). */
async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

describeApp('the app’s accessibility (axe-core, WCAG 2.1 AA)', (app) => {
  it('the run view, after a run', async () => {
    const { page } = await app.open('?seed=3&ticks=60', '.run-view .status');
    await page.getByRole('button', { name: 'Run to the end' }).click();
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('.run-view')?.dataset.hash ?? '') !== '', undefined, { timeout: 60_000 });
    await page.getByText('What this is, and what it is not').click();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('the compare view, with a suggested comparison run on one seed', async () => {
    const { page } = await app.open('?view=compare&scenario=incitement-cascade', '.compare-view');
    await page.locator('.compare-view').getByRole('button', { name: 'Set up this comparison' }).click();
    await page.locator('.compare-view').getByRole('button', { name: /^Run seed/ }).click();
    await page.locator('.compare-view').getByText(/First day they part/).first().waitFor({ timeout: 60_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('the sweep view, after a tiny sweep', async () => {
    const { page } = await app.open('?view=sweep&ticks=60&set=agents=500&set=peoplePerAgent=20', '.sweep-view:not([hidden])');
    const run = page.locator('.sweep-view').getByRole('button', { name: 'Run the sweep' });
    await expect.poll(() => run.isEnabled()).toBe(true);
    for (const [name, param, to] of [['Factor 1: the x axis', 'incitement', '1'], ['Factor 2: one line per value', 'deterrence', '0.9']] as const) {
      const box = page.getByRole('group', { name });
      await box.getByLabel('Parameter').selectOption(param);
      await box.getByLabel('From').fill('0');
      await box.getByLabel('To').fill(to);
      await box.getByLabel('Steps').fill('2');
    }
    await run.click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sweep-view')?.dataset.state === 'done', undefined, { timeout: 60_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
