/**
 * Real-browser tests: Debian's Chromium driven by playwright-core against the Strapi of the run,
 * listening on loopback. Without /usr/bin/chromium the browser specs are skipped with a message.
 */
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import type { Browser, Page } from 'playwright-core';
import { getStrapi } from './strapi';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

let baseUrl: string | undefined;

/** The running Strapi as a real HTTP server on 127.0.0.1 (random port). */
export const serverUrl = async (): Promise<string> => {
  if (baseUrl) return baseUrl;
  const server = getStrapi().server.httpServer;
  if (!server.listening)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return baseUrl;
};

export const launchBrowser = async (): Promise<Browser> => {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
};

const AXE_SOURCE = () => fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page (WCAG 2.0/2.1 A and AA rules); returns the violations. */
export const axeViolations = async (page: Page) => {
  await page.evaluate(AXE_SOURCE());
  const result = (await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
  )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
};

export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
};

/** Presses Tab until `predicate` holds for the focused element (keyboard only), at most `max` times. */
export const tabTo = async (page: Page, selector: string, max = 200) => {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector))
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
};
