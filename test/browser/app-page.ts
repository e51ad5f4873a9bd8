/**
 * What the app's browser tests (test/app*.test.ts) share: the app as `npm run build` makes it,
 * served on 127.0.0.1 and opened in Debian's Chromium, each page collecting its page errors and
 * console errors; and the real CLI, run in Node, for the results the app must reproduce.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, HOW_TO_INSTALL, SKIP_BROWSER, chromiumFound, launchChromium } from './chromium';
import { serveApp, type PageServer } from './serve';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the tests' screenshots go (git-ignored). */
export const SHOTS = join(ROOT, 'test-output', 'screenshots');
export const CLI = join(ROOT, 'cli/r2p-sim.mjs');

/** `r2p-sim ...args`: the real CLI, in Node. */
export function runCli(args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

/** The hash `r2p-sim run` gives for these flags. */
export function cliHash(...flags: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'r2p-app-cli-'));
  try {
    const r = runCli(['run', '--json', '--no-progress', '--out', join(dir, 'x.run.json'), ...flags]);
    if (r.status !== 0) throw new Error(`r2p-sim run ${flags.join(' ')} failed: ${r.stderr}`);
    return JSON.parse(r.stdout).hash as string;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface OpenedPage {
  readonly page: Page;
  /** Page errors and console errors (CSP violations among them), as they come. */
  readonly problems: string[];
}

export interface AppUnderTest {
  /** The app's address (valid once the suite's beforeAll has run). */
  url(): string;
  /** A new page at the app's `query`, once `ready` (a selector) is on it. */
  open(query: string, ready: string, viewport?: Viewport): Promise<OpenedPage>;
}

/**
 * A suite `title` over the built app in Chromium: skipped when R2P_SKIP_BROWSER=1, failing with
 * how to install Chromium when it is missing. `body` declares the suite's tests.
 */
export function describeApp(title: string, body: (app: AppUnderTest) => void): void {
  if (SKIP_BROWSER) {
    describe(title, () => {
      it.skip('skipped because R2P_SKIP_BROWSER=1', () => {});
    });
    return;
  }
  it(`finds Chromium at ${CHROMIUM}`, () => {
    expect(chromiumFound(), `${CHROMIUM} not found: ${HOW_TO_INSTALL}`).toBe(true);
  });

  describe.runIf(chromiumFound())(title, () => {
    let server: PageServer | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await serveApp();
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    body({
      url: () => server!.url,
      async open(query, ready, viewport = { width: 1280, height: 800 }) {
        // A context of its own (closed with the page), as axe-core's Playwright driver needs.
        const context = await browser!.newContext({ viewport, acceptDownloads: true });
        const page = await context.newPage();
        // (closing the browser closes its pages too, when the context is already gone: nothing to do)
        page.once('close', () => void context.close().catch(() => {}));
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`console: ${m.text()}`);
        });
        await page.goto(`${server!.url}${query}`);
        await page.waitForSelector(ready);
        return { page, problems };
      },
    });
  });
}
