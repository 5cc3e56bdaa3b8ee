/**
 * „Passende Tipps per Newsletter“ on the self-check result page, in a real browser (Debian
 * Chromium + playwright-core): the panel with the server's two consent texts, the missing link
 * consent at its checkbox (nothing stored), the request with both consents, the confirmation
 * mail from the SMTP sink and its confirm page, the linked state on the result page, removal on
 * the newsletter preferences page and on the result page, and no panel when the feature is off.
 * axe-core without violations in every state; screenshots go to tests/artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  hasChromium,
  launchBrowser,
  screenshot,
  serverUrl,
} from '../../helpers/browser';
import { getMailSink, getStrapi } from '../../helpers/strapi';
import { SUBSCRIBER } from '../../helpers/newsletter';

const LINK = 'plugin::newsletter.link';
const EMAIL = 'tipps.betrieb@example.org';

interface ConsentTexts {
  label: string;
  newsletterConsent: { version: string; text: string };
  linkConsent: { version: string; text: string };
  privacyUrl: string | null;
}

const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn(
    'Browser tests SKIPPED (tips by newsletter): /usr/bin/chromium is missing (apt-get install chromium).'
  );
}

describeBrowser('self-check result: tips by newsletter in Chromium', () => {
  let browser: Browser;
  let base: string;
  let page: Page;
  let token: string;
  let key: string;
  let texts: ConsentTexts;
  let savedPublicUrl: string;

  const json = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };

  const links = () => getStrapi().db.query(LINK);

  const expectNoViolations = async (state: string) => {
    const violations = await axeViolations(page);
    if (violations.length) console.error(state, JSON.stringify(violations, null, 2));
    expect(violations).toEqual([]);
    await screenshot(page, state);
  };

  /** The result page of the check, with the panel's state loaded. */
  const openResult = async () => {
    await page.goto(`${base}/selbstcheck/?token=${token}`);
    await page.waitForSelector('#result-heading');
    await page.waitForSelector('#tips-form, #tips-state');
  };

  /** The message an input points at with aria-describedby (setFieldError's `<id>-error`). */
  const errorOf = async (selector: string) => {
    const ids = ((await page.getAttribute(selector, 'aria-describedby')) ?? '').split(' ');
    const id = ids.find((part) => part.endsWith('-error'));
    return id ? ((await page.textContent(`#${id}`)) ?? '') : '';
  };

  const confirmUrlOf = (text: string) =>
    /https?:\/\/\S+\/api\/newsletter\/confirm\?token=[^\s>]+/.exec(text)?.[0];

  beforeAll(async () => {
    base = await serverUrl();
    savedPublicUrl = getStrapi().config.get('plugin::newsletter.publicUrl') as string;
    // Links in mails point at this test server.
    getStrapi().config.set('plugin::newsletter.publicUrl', base);

    // A completed check through the public API, as the page would have sent it.
    const questionnaire = await json<{
      data: { version: string; questions: { id: string }[] };
    }>('GET', '/api/employer-check/questionnaire');
    expect(questionnaire.status).toBe(200);
    const created = await json<{ token: string; status: string }>(
      'POST',
      '/api/employer-check/submissions',
      {
        profile: { sector: 'C', sizeClass: 'small', trainsApprentices: true },
        answers: Object.fromEntries(
          questionnaire.body.data.questions.map((question, index) => [
            question.id,
            index % 3 === 0 ? 2 : 4,
          ])
        ),
        complete: true,
        consentStatistics: false,
        questionnaireVersion: questionnaire.body.data.version,
        website: '',
      }
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('complete');
    token = created.body.token;
    // what the link stores: the check's documentId
    key = await getStrapi().plugin('employer-check').service('submissions').completedKey(token);
    expect(key).toEqual(expect.any(String));

    const consent = await json<{ data: ConsentTexts }>('GET', '/api/newsletter/links/consent');
    expect(consent.status).toBe(200);
    texts = consent.body.data;
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

  it('the result shows the panel with the server’s two consent texts', async () => {
    await openResult();
    expect(await page.textContent('#tips-heading')).toBe('Passende Tipps per Newsletter');
    const panel = (await page.textContent('#tips-newsletter')) ?? '';
    expect(panel).toMatch(/nicht/); // tips already received are not repeated
    expect(panel).toMatch(/jederzeit lösen/);
    expect((await page.textContent('label[for="tips-consent"]'))?.trim()).toBe(
      texts.newsletterConsent.text
    );
    expect((await page.textContent('label[for="tips-link-consent"]'))?.trim()).toBe(
      texts.linkConsent.text
    );
    // The honeypot is out of sight and out of the tab order.
    expect(await page.getAttribute('#tips-website', 'tabindex')).toBe('-1');
    // Below the recommended tips, before the report.
    const order = await page.$$eval('#result h3', (nodes) => nodes.map((node) => node.textContent));
    expect(order.indexOf('Passende Tipps per Newsletter')).toBe(
      order.indexOf('Empfohlene Tipps') + 1
    );
    await expectNoViolations('selbstcheck-tipps-newsletter');
  });

  it('without the link consent: the message at that checkbox, focus there, nothing stored', async () => {
    await openResult();
    const before = await links().count();
    await page.fill('#tips-email', EMAIL);
    await page.check('#tips-consent');
    await page.click('#tips-submit');
    await page.waitForSelector('#tips-link-consent[aria-invalid="true"]');
    expect(await errorOf('#tips-link-consent')).toMatch(/Einwilligung/);
    expect(await page.getAttribute('#tips-consent', 'aria-invalid')).toBeNull();
    expect(await page.getAttribute('#tips-email', 'aria-invalid')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tips-link-consent');
    expect(await links().count()).toBe(before);
    expect(getMailSink().to(EMAIL)).toHaveLength(0);
    await expectNoViolations('selbstcheck-tipps-newsletter-fehler');

    // A bad address and no consent at all: both named at their fields, the first one focused.
    await page.fill('#tips-email', 'keine-adresse');
    await page.uncheck('#tips-consent');
    await page.click('#tips-submit');
    await page.waitForSelector('#tips-email[aria-invalid="true"]');
    expect(await errorOf('#tips-email')).toMatch(/E-Mail/);
    expect(await page.getAttribute('#tips-consent', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tips-email');
    expect(await links().count()).toBe(before);
  });

  it('with both consents: the neutral answer, then the page waits for the confirmation', async () => {
    await openResult();
    await page.fill('#tips-email', EMAIL);
    await page.fill('#tips-name', 'Petra Betrieb');
    await page.check('#tips-consent');
    await page.check('#tips-link-consent');
    await page.click('#tips-submit');
    await page.waitForSelector('#tips-status .notice');
    expect(await page.textContent('#tips-status')).toMatch(/Postfach.*E-Mail/s);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tips-status');
    expect(await page.textContent('#tips-state')).toMatch(
      /Bitte bestätigen Sie den Link in unserer E-Mail/
    );
    await expect(page.locator('#tips-form').count()).resolves.toBe(0);
    const stored = await links().findMany({ where: { key } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      status: 'pending',
      consentVersion: texts.linkConsent.version,
    });
    await expectNoViolations('selbstcheck-tipps-newsletter-angefragt');

    // After a reload the page still knows.
    await openResult();
    expect(await page.textContent('#tips-state')).toMatch(/Bitte bestätigen/);
  });

  it('the confirmation mail mentions the link; confirming it makes the result page say „verknüpft“', async () => {
    const mail = await getMailSink().waitFor((m) => m.to.includes(EMAIL));
    expect(mail.text).toContain(texts.label);
    expect(mail.text).toMatch(/verknüpf/);
    const confirmUrl = confirmUrlOf(mail.text);
    expect(confirmUrl).toBeDefined();

    await page.goto(confirmUrl!);
    await page.click('button[type="submit"]');
    await page.waitForSelector('h1:has-text("bestätigt")');
    expect(await page.textContent('main')).toContain(texts.label);
    const [link] = await links().findMany({ where: { key } });
    expect(link.status).toBe('active');

    await openResult();
    const state = (await page.textContent('#tips-state')) ?? '';
    expect(state).toMatch(/Verknüpft seit \d{1,2}\. \S+ \d{4}/);
    await expect(page.locator('#tips-unlink').count()).resolves.toBe(1);
    await expectNoViolations('selbstcheck-tipps-newsletter-verknuepft');
  });

  it('the preferences page shows „Persönliche Tipps“ and its button removes the link', async () => {
    const strapi = getStrapi();
    const subscriber = await strapi.db.query(SUBSCRIBER).findOne({ where: { email: EMAIL } });
    expect(subscriber.status).toBe('active');
    const { preferencesUrl } = strapi
      .plugin('newsletter')
      .service('tokens')
      .manageUrls({ documentId: subscriber.documentId, email: subscriber.email });

    await page.goto(preferencesUrl);
    const section = page.locator('section', {
      has: page.locator('h2:has-text("Persönliche Tipps")'),
    });
    await expect(section.count()).resolves.toBe(1);
    await expectNoViolations('newsletter-einstellungen-persoenliche-tipps');
    await section.locator('button:has-text("Verknüpfung lösen")').click();
    await page.waitForSelector('text=Die Verknüpfung ist gelöst');
    expect(await links().count({ where: { key } })).toBe(0);
    // The subscription itself stays.
    const after = await strapi.db.query(SUBSCRIBER).findOne({ where: { email: EMAIL } });
    expect(after.status).toBe('active');

    await openResult();
    await expect(page.locator('#tips-form').count()).resolves.toBe(1);
  });

  it('removal on the result page: „Verknüpfung lösen“, then the form again', async () => {
    // Linked again, a day later (confirmation mails to one address are spaced out), as a
    // subscriber already: the mail confirms only the link.
    await getStrapi()
      .db.query(SUBSCRIBER)
      .update({
        where: { email: EMAIL },
        data: { lastConfirmationSentAt: new Date(Date.now() - 24 * 3600_000) },
      });
    const requested = await json('POST', '/api/newsletter/links', {
      reference: token,
      email: EMAIL,
      consent: true,
      linkConsent: true,
      website: '',
    });
    expect(requested.status).toBe(202);
    const mail = await getMailSink().waitFor(
      (m) => m.to.includes(EMAIL) && /Verknüpfung/.test(m.subject)
    );
    const confirmToken = new URL(confirmUrlOf(mail.text)!).searchParams.get('token');
    const confirmed = await json<{ linked: number }>('POST', '/api/newsletter/confirm', {
      token: confirmToken,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.linked).toBe(1);

    await openResult();
    expect(await page.textContent('#tips-state')).toMatch(/Verknüpft seit/);
    await page.click('#tips-unlink');
    await page.waitForSelector('#tips-form');
    expect(await page.textContent('#tips-status')).toMatch(/Die Verknüpfung ist gelöst/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tips-status');
    expect(await links().count({ where: { key } })).toBe(0);
    const status = await json<{ data: { linked: string } }>(
      'GET',
      `/api/newsletter/links?reference=${token}`
    );
    expect(status.body.data.linked).toBe('none');
    await expectNoViolations('selbstcheck-tipps-newsletter-geloest');
  });

  it('switched off: the result page shows no panel', async () => {
    const strapi = getStrapi();
    const saved = strapi.config.get('plugin::newsletter.personalisation');
    strapi.config.set('plugin::newsletter.personalisation', null);
    try {
      const consent = page.waitForResponse((response) =>
        response.url().endsWith('/api/newsletter/links/consent')
      );
      await page.goto(`${base}/selbstcheck/?token=${token}`);
      await page.waitForSelector('#result-heading');
      expect((await consent).status()).toBe(404);
      await page.waitForFunction(() => !document.getElementById('tips-newsletter'));
      await expect(page.locator('#report-link').count()).resolves.toBe(1);
    } finally {
      strapi.config.set('plugin::newsletter.personalisation', saved);
    }
  });
});
