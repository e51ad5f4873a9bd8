/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser), launched the one
 * way every browser test launches it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** R2P_SKIP_BROWSER=1 skips the browser tests (they fail without Chromium otherwise, saying how to install it). */
export const SKIP_BROWSER = process.env.R2P_SKIP_BROWSER === '1';
export const HOW_TO_INSTALL = "install Debian's Chromium with `apt-get install chromium` (as root), or set R2P_SKIP_BROWSER=1 to skip the browser tests";

export const chromiumFound = (): boolean => existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
