/**
 * The public pages in a real browser (Debian Chromium + playwright-core): keyboard-only
 * self-check, resume link, newsletter subscribe → confirm → unsubscribe with the link from the
 * real SMTP sink, API errors at the fields, axe-core without violations on every page and state.
 * Screenshots go to tests/artifacts/.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  hasChromium,
  launchBrowser,
  screenshot,
  serverUrl,
  tabTo,
} from '../../helpers/browser';
import { getMailSink, getStrapi } from '../../helpers/strapi';

const PUBLIC = path.resolve(__dirname, '..', '..', '..', 'public');

describe('public pages: weight and headers', () => {
  it.each([
    ['selbstcheck', ['selbstcheck/selbstcheck.css', 'assets/js/selbstcheck', 'assets/site.css']],
    ['newsletter', ['newsletter', 'assets/js/newsletter', 'assets/site.css']],
  ])('%s: own JS + CSS under 50 KB gzip', (_page, parts) => {
    const files = parts.flatMap((part) => {
      const full = path.join(PUBLIC, part);
      if (!fs.existsSync(full)) return [];
      return fs.statSync(full).isDirectory()
        ? fs
            .readdirSync(full)
            .filter((file) => /\.(js|css)$/.test(file))
            .map((file) => path.join(full, file))
        : [full];
    });
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce(
      (sum, file) => sum + zlib.gzipSync(fs.readFileSync(file)).length,
      0
    );
    expect(gzipped).toBeLessThan(50 * 1024);
  });

  it('pages are served with Strapi’s CSP (no unsafe-inline scripts) and configurable frame-ancestors', async () => {
    const base = await serverUrl();
    for (const page of ['/', '/selbstcheck/', '/newsletter/']) {
      const response = await fetch(`${base}${page}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      // FRAME_ANCESTORS=https://www.landkreis.example in the test environment
      expect(csp).toContain("frame-ancestors 'self' https://www.landkreis.example");
      expect(response.headers.get('x-frame-options')).toBeNull();
    }
  });

  it('page scripts are minified, with source maps that lead to the TypeScript', async () => {
    const base = await serverUrl();
    for (const file of ['selbstcheck/main.js', 'newsletter/main.js', 'shared/api.js']) {
      const response = await fetch(`${base}/assets/js/${file}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      const mapName = /\/\/# sourceMappingURL=([\w.-]+\.js\.map)\s*$/.exec(text)?.[1];
      expect(mapName).toBe(`${path.basename(file)}.map`);
      const code = text.slice(0, text.lastIndexOf('//# sourceMappingURL'));
      // no comments, no indentation: what a minifier leaves
      expect(code).not.toMatch(/\/\*\*|^\s+\S/m);
      expect(code.split('\n').length).toBeLessThan(5);
      const map = await fetch(`${base}/assets/js/${path.dirname(file)}/${mapName}`);
      expect(map.status).toBe(200);
      const parsed = (await map.json()) as { sources: string[]; sourcesContent: string[] };
      expect(parsed.sources[0]).toMatch(/\.ts$/);
      expect(parsed.sourcesContent[0]).toContain('/**');
    }
  });
});

describe('public pages: below any path prefix', () => {
  it('link relatively, so a proxy may publish them below a prefix such as /bildung/', () => {
    const pages = ['index.html', ...fs.readdirSync(PUBLIC).map((name) => `${name}/index.html`)];
    for (const page of pages.filter((file) => fs.existsSync(path.join(PUBLIC, file)))) {
      const html = fs.readFileSync(path.join(PUBLIC, page), 'utf8');
      expect({ page, absolute: html.match(/(?:href|src|action)="\/[^"]*"/g) }).toEqual({
        page,
        absolute: null,
      });
    }
  });

  it('redirect a folder without its slash relatively; tell the scripts the REST prefix', async () => {
    const base = await serverUrl();
    const bare = await fetch(`${base}/newsletter?quelle=flyer`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('newsletter/?quelle=flyer');
    const config = await fetch(`${base}/site-config.json`);
    expect(await config.json()).toEqual({ restPrefix: '/api' });
  });
});

const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  // A visible note in every local run without Chromium; CI installs Debian's chromium.
  console.warn('Browser tests SKIPPED: /usr/bin/chromium is missing (apt-get install chromium).');
}

describeBrowser('public pages in Chromium', () => {
  let browser: Browser;
  let base: string;
  let page: Page;
  const originalPublicUrl = () => getStrapi().config.get('plugin::newsletter.publicUrl') as string;
  let savedPublicUrl: string;

  const expectNoViolations = async (state: string) => {
    const violations = await axeViolations(page);
    if (violations.length) console.error(state, JSON.stringify(violations, null, 2));
    expect(violations).toEqual([]);
    await screenshot(page, state);
  };

  beforeAll(async () => {
    base = await serverUrl();
    savedPublicUrl = originalPublicUrl();
    // Links in mails and pages point at this test server.
    getStrapi().config.set('plugin::newsletter.publicUrl', base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    getStrapi().config.set('plugin::newsletter.publicUrl', savedPublicUrl);
    await browser?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ locale: 'de-DE' });
  });

  afterEach(async () => {
    await page.close();
  });

  it.each(['/impressum/', '/datenschutz/', '/api-dokumentation/'])(
    '%s is served and accessible',
    async (url) => {
      await page.goto(`${base}${url}`);
      await expectNoViolations(url.replace(/\//g, '') || 'root');
    }
  );

  it('start page links the self-check, the newsletter and the API', async () => {
    await page.goto(`${base}/`);
    // relative links, resolved by the browser
    const links = await page.$$eval('a', (anchors) =>
      anchors.map((a) => (a as HTMLAnchorElement).href)
    );
    for (const target of ['selbstcheck/', 'newsletter/', 'api-dokumentation/']) {
      expect(links).toContain(`${base}/${target}`);
    }
    await expectNoViolations('start');
  });

  it('newsletter: errors at the fields, subscribe, confirm from the mail, unsubscribe from the page', async () => {
    await page.goto(`${base}/newsletter/`);
    await expectNoViolations('newsletter-form');
    await page.click('#subscribe-submit');
    await page.waitForSelector('#email[aria-invalid="true"]');
    await expect(page.locator('#consent[aria-invalid="true"]').count()).resolves.toBe(1);
    const emailError = await page.locator('#email').getAttribute('aria-describedby');
    expect(await page.locator(`#${emailError!.split(' ').pop()}`).textContent()).toMatch(/E-Mail/);
    await expectNoViolations('newsletter-form-errors');

    const email = 'browser.reader@example.org';
    await page.fill('#email', email);
    await page.check('#topic-offers');
    await page.check('#consent');
    await page.click('#subscribe-submit');
    await page.waitForSelector('#subscribe-status:not(:empty)');
    await expectNoViolations('newsletter-accepted');

    const mail = await getMailSink().waitFor((m) => m.to.includes(email));
    const link = /https?:\/\/\S+\/api\/newsletter\/confirm\?token=\S+/.exec(mail.text)![0];
    await page.goto(link);
    await expectNoViolations('newsletter-confirm-page');
    await page.click('button[type="submit"]');
    await page.waitForSelector('text=Anmeldung bestätigt');
    await expectNoViolations('newsletter-confirmed');

    await page.click('a:has-text("Einstellungen ändern")');
    await page.waitForSelector('legend:has-text("Themen")');
    await expectNoViolations('newsletter-preferences');
    await page.click('a:has-text("abbestellen")');
    await page.waitForSelector('button:has-text("Jetzt abmelden")');
    await expectNoViolations('newsletter-unsubscribe-page');
    await page.click('button:has-text("Jetzt abmelden")');
    await page.waitForSelector('h1:has-text("Abgemeldet")');
    await expectNoViolations('newsletter-unsubscribed');
    const subscriber = await getStrapi()
      .db.query('plugin::newsletter.subscriber')
      .findOne({ where: { email } });
    expect(subscriber.status).toBe('unsubscribed');
  });

  /** Answers the current step with the keyboard only: every group gets `value` (1–5). */
  const answerStepByKeyboard = async (value: number) => {
    const groups = await page.$$eval('#check-form input[type="radio"][name^="q-"]', (inputs) => [
      ...new Set(inputs.map((input) => (input as HTMLInputElement).name)),
    ]);
    for (const name of groups) {
      await tabTo(page, `input[name="${name}"]`);
      await page.keyboard.press('Space'); // selects the focused option (value 1)
      for (let i = 1; i < value; i += 1) await page.keyboard.press('ArrowRight');
    }
    return groups.length;
  };

  it('self-check: the page keeps its layout while it loads (cumulative layout shift < 0.1)', async () => {
    // Layout shifts as Lighthouse counts them (without recent input), summed over the load; the
    // questionnaire answers late, as on a slow connection.
    await page.addInitScript(() => {
      const state = window as unknown as { layoutShift: number };
      state.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
        }[]) {
          if (!entry.hadRecentInput) state.layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.route('**/employer-check/questionnaire', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto(`${base}/selbstcheck/`);
    await page.waitForSelector('#check-form:not([hidden])');
    await page.waitForSelector('#sector option:nth-child(2)', { state: 'attached' });
    await page.waitForTimeout(300);
    const shift = await page.evaluate(
      () => (window as unknown as { layoutShift: number }).layoutShift
    );
    console.log(`self-check page: cumulative layout shift ${shift.toFixed(4)} while loading`);
    expect(shift).toBeLessThan(0.1);
  });

  it('self-check: profile errors at the fields, completed with the keyboard alone, result, PDF', async () => {
    await page.goto(`${base}/selbstcheck/`);
    await page.waitForSelector('#check-form');
    await expectNoViolations('selbstcheck-profile');

    await tabTo(page, '#next');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sector[aria-invalid="true"]');
    await expectNoViolations('selbstcheck-profile-errors');

    await tabTo(page, '#sector');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, '#sizeClass');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'input[name="trainsApprentices"]');
    // reach the "yes" option with the arrow keys
    for (
      let i = 0;
      i < 3 && !(await page.isChecked('input[name="trainsApprentices"][value="yes"]'));
      i += 1
    ) {
      await page.keyboard.press(i === 0 ? 'Space' : 'ArrowRight');
    }
    await tabTo(page, '#consentStatistics');
    await page.keyboard.press('Space');
    await tabTo(page, '#next');
    await page.keyboard.press('Enter');

    let steps = 0;
    let answered = 0;
    for (; steps < 20; steps += 1) {
      await page.waitForSelector('#step-heading:focus, #result', { timeout: 15_000 });
      if (await page.locator('#result').isVisible()) break;
      const heading = (await page.textContent('#step-heading')) ?? '';
      answered += await answerStepByKeyboard(/Ausbildung/.test(heading) ? 1 : 4);
      await expectNoViolations(`selbstcheck-step-${steps + 1}`);
      await tabTo(page, '#next');
      await page.keyboard.press('Enter');
    }
    expect(steps).toBe(8);
    expect(answered).toBeGreaterThanOrEqual(36);

    await page.waitForSelector('#result-table');
    expect(await page.textContent('#total')).toMatch(/\d+/);
    expect(await page.textContent('#result-table')).toMatch(/Handlungsbedarf|Ausbaufähig|Stark/);
    await expectNoViolations('selbstcheck-result');
    const href = await page.getAttribute('#report-link', 'href');
    const pdf = await page.request.get(new URL(href!, base).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  it('self-check: save, reload from the resume link, continue', async () => {
    await page.goto(`${base}/selbstcheck/`);
    await page.selectOption('#sector', 'F');
    await page.selectOption('#sizeClass', 'micro');
    await page.check('input[name="trainsApprentices"][value="no"]');
    await page.click('#next');
    await page.waitForSelector('#step-heading:focus');
    await answerStepByKeyboard(2);
    const firstGroup = await page.$eval(
      '#check-form input[type="radio"][name^="q-"]',
      (input) => (input as HTMLInputElement).name
    );
    await page.click('#save');
    await page.waitForSelector('#resume-link');
    const resume = await page.inputValue('#resume-link');
    expect(resume).toMatch(/\/selbstcheck\/\?token=[A-Za-z0-9_-]{32}$/);
    await expectNoViolations('selbstcheck-saved');

    const again = await browser.newPage();
    await again.goto(resume);
    await again.waitForSelector('#step-heading');
    const checked = await again
      .$eval(`input[name="${firstGroup}"]:checked`, (input) => (input as HTMLInputElement).value)
      .catch(() => null);
    if (checked === null) {
      // the page may open at the next unanswered step: go back to the first one
      await again.click('#back');
      await again.waitForSelector(`input[name="${firstGroup}"]`);
    }
    expect(
      await again.$eval(
        `input[name="${firstGroup}"]:checked`,
        (input) => (input as HTMLInputElement).value
      )
    ).toBe('2');
    await again.close();
  });
});
