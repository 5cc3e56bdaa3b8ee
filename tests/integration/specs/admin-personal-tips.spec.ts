/**
 * The personalised employer tips on the newsletter's issue page (Chromium, German UI): the
 * preview says how many recipients get tips chosen by their linked self-check result (an
 * estimate before the send, the exact number after it), and renders the mail for a made-up
 * profile chosen in the "Vorschau für ein Profil" form.
 * Seeds a completed self-check linked to an active subscriber, and one subscriber without a link.
 * Screenshot: tests/artifacts/admin-personal-tips.png.
 */
import fs from 'fs';
import type { Browser, Page, Response } from 'playwright-core';
import request from 'supertest';
import { activeQuestions, weakAnswers } from '../../helpers/employer-check';
import { adminPage } from '../../helpers/admin';
import { hasChromium, launchBrowser, screenshot, serverUrl } from '../../helpers/browser';
import { ISSUE, SUBSCRIBER, createSubscribers } from '../../helpers/newsletter';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';

const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn('Personal tips admin browser tests SKIPPED: /usr/bin/chromium is missing.');
}

const LINK = 'plugin::newsletter.link';
const SUBMISSION = 'plugin::employer-check.submission';
const TIP = 'api::employer-tip.employer-tip';
const LINKED = 'ui-tipps-verknuepft@example.org';
const UNLINKED = 'ui-tipps-ohne@example.org';
/** The editor's selection: tips about pay and the careers page, none about health. */
const EDITOR_TIPS = ['karriereseite-und-stellenanzeigen', 'verguetung-nachvollziehbar-gestalten'];

interface Tip {
  documentId: string;
  slug: string;
  title: string;
  checkDimensions: { key: string }[];
}

interface ProfileField {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

/** Polls until `check` holds (a page and its iframe cannot be awaited with one locator). */
const until = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** axe-core (WCAG 2.1 A/AA) on the plugin's part of the page. */
const mainViolations = async (page: Page) => {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = (await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
      }
    ).axe.run(
      { include: [['main']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }
    )
  )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((violation) => ({
    id: violation.id,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
};

const recipients = (count: number) =>
  count === 1 ? '1 Empfängerin oder Empfänger' : `${count} Empfängerinnen und Empfänger`;

/** Titles of the tips in the order they appear in a text. */
const tipOrder = (text: string, tips: Tip[]) =>
  tips
    .map((tip) => ({ tip, at: text.indexOf(tip.title) }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.tip);

const isHealthTip = (tip: Tip | undefined) =>
  Boolean(tip?.checkDimensions.some((dimension) => dimension.key === 'gesundheit'));

describeBrowser('personalised employer tips on the issue page (Chromium)', () => {
  const server = () => getStrapi().server.httpServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  let tips: Tip[] = [];
  let fields: ProfileField[] = [];
  let issueId = '';
  let submissionId = '';
  /** linked recipients counted before this spec seeded (0 unless an earlier spec left some) */
  let before = 0;

  const frame = () => page.frameLocator('iframe[title="Vorschau der Ausgabe"]');
  const frameText = async () => {
    const body = frame().locator('body');
    return (await body.count()) > 0 ? body.innerText() : '';
  };
  const previewCard = () => page.getByRole('region', { name: 'Vorschau', exact: true });
  const field = (name: string) => fields.find((entry) => entry.name === name)!;
  const option = (name: string, value: string) =>
    field(name).options.find((entry) => entry.value === value)!.label;

  beforeAll(async () => {
    const strapi = getStrapi();
    base = await serverUrl();
    tips = (await strapi.documents(TIP).findMany({
      status: 'published',
      fields: ['slug', 'title'],
      populate: { checkDimensions: { fields: ['key'] } },
      limit: 200,
    } as never)) as unknown as Tip[];
    fields = await strapi.plugin('employer-check').service('submissions').profileFields();
    before = await strapi.plugin('newsletter').service('links').linkedRecipients();

    // A completed self-check whose weakest dimension is health, through the public API.
    const answers = weakAnswers(await activeQuestions(), ['gesundheit']);
    const created = await request(server())
      .post('/api/employer-check/submissions')
      .send({
        profile: { sector: 'C', sizeClass: 'small', trainsApprentices: true },
        answers,
        complete: true,
        consentStatistics: false,
      })
      .expect(201);
    expect(created.body.result.weaknesses[0]).toBe('gesundheit');
    submissionId = (await strapi
      .plugin('employer-check')
      .service('submissions')
      .completedKey(created.body.token)) as string;
    expect(submissionId).toBeTruthy();

    // A subscriber linked to it (as after the double opt-in) and one without a link.
    await createSubscribers([
      { email: LINKED, topics: ['employer-tips'], name: 'Lena Verknüpft' },
      { email: UNLINKED, topics: ['employer-tips'] },
    ]);
    const subscriber = await strapi.db.query(SUBSCRIBER).findOne({ where: { email: LINKED } });
    await strapi.db.query(LINK).create({
      data: {
        subscriberId: subscriber.id,
        subscriberDocumentId: subscriber.documentId,
        key: submissionId,
        status: 'active',
        consentVersion: '1',
        consentAt: new Date(),
        confirmedAt: new Date(),
      },
    });

    const items = EDITOR_TIPS.map((slug) => {
      const tip = tips.find((entry) => entry.slug === slug);
      if (!tip) throw new Error(`Demo tip ${slug} is missing`);
      expect(isHealthTip(tip)).toBe(false);
      return { section: 'employer-tips', documentId: tip.documentId };
    });
    const issue = await request(server())
      .post('/newsletter/issues')
      .set('Authorization', `Bearer ${await createAdminToken()}`)
      .send({ subject: 'Browsertest: Tipps nach Selbstcheck', items })
      .expect(201);
    issueId = issue.body.data.documentId;

    browser = await launchBrowser();
    page = await adminPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    const strapi = getStrapi();
    const subscribers = (await strapi.db
      .query(SUBSCRIBER)
      .findMany({ where: { email: { $in: [LINKED, UNLINKED] } }, select: ['id'] })) as {
      id: number;
    }[];
    await strapi.db
      .query(LINK)
      .deleteMany({ where: { subscriberId: { $in: subscribers.map((row) => row.id) } } });
    await strapi.db.query(SUBSCRIBER).deleteMany({ where: { email: { $in: [LINKED, UNLINKED] } } });
    if (submissionId) {
      await strapi.db.query(SUBMISSION).deleteMany({ where: { documentId: submissionId } });
    }
  });

  it('shows the estimated number of recipients with personalised tips', async () => {
    await page.goto(`${base}/admin/plugins/newsletter/issues/${issueId}`);
    await previewCard().waitFor({ timeout: 30_000 });
    await previewCard()
      .getByText(`Personalisierte Tipps: voraussichtlich ${recipients(before + 1)}`, {
        exact: true,
      })
      .waitFor();
    await previewCard()
      .getByText('Die genaue Zahl steht fest, sobald der Versand beginnt.', { exact: false })
      .waitFor();
    await previewCard().getByRole('group', { name: 'Vorschau für ein Profil' }).waitFor();
  });

  it('previews the mail for a chosen profile: health tips first, unlike the default', async () => {
    const editorTitles = EDITOR_TIPS.map((slug) => tips.find((tip) => tip.slug === slug)!.title);
    await until(async () => (await frameText()).includes(editorTitles[0]));
    const standard = await frameText();
    expect(tipOrder(standard, tips).map((tip) => tip.title)).toEqual(editorTitles);

    // weakest: health (multi select); band: red and size: small (single selects)
    const profileOf = (response: Response) =>
      response.url().includes(`/newsletter/issues/${issueId}/preview`)
        ? (JSON.parse(new URL(response.url()).searchParams.get('profile') ?? 'null') as Record<
            string,
            string[]
          > | null)
        : null;
    const choose = async (name: string, value: string, multiple = false) => {
      await page.getByRole('combobox', { name: field(name).label }).click();
      const [answer] = await Promise.all([
        page.waitForResponse((candidate) => profileOf(candidate)?.[name]?.[0] === value),
        page.getByRole('option', { name: option(name, value) }).click(),
      ]);
      if (multiple) await page.keyboard.press('Escape');
      return answer;
    };
    await choose('weakest', 'gesundheit', true);
    await choose('band', 'rot');
    const response = await choose('sizeClass', 'small');
    expect(profileOf(response)).toEqual({
      weakest: ['gesundheit'],
      band: ['rot'],
      sizeClass: ['small'],
    });
    const chosen = ((await response.json()) as { data: { personalItems: string[] | null } }).data
      .personalItems;
    expect(chosen).not.toBeNull();
    expect(chosen!.length).toBeGreaterThan(0);
    expect(isHealthTip(tips.find((tip) => tip.documentId === chosen![0]))).toBe(true);

    // the frame shows the profile's choice: a health tip first, not the editor's selection
    await until(async () => isHealthTip(tipOrder(await frameText(), tips)[0]));
    const personal = await frameText();
    expect(personal).not.toBe(standard);
    expect(tipOrder(personal, tips)[0].documentId).toBe(chosen![0]);
    await previewCard()
      .getByText('Die Vorschau zeigt im Abschnitt „Tipps für Arbeitgeber“ die Auswahl', {
        exact: false,
      })
      .waitFor();
    expect(await mainViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 2400 });
    await screenshot(page, 'admin-personal-tips');
    await page.setViewportSize({ width: 1400, height: 1000 });

    // the plain-text part follows the profile as well
    await page.getByRole('tab', { name: 'Nur Text' }).click();
    const text = page.getByLabel('Textfassung der Ausgabe');
    await text.waitFor();
    await until(async () => isHealthTip(tipOrder(await text.innerText(), tips)[0]));
    await page.getByRole('tab', { name: 'HTML' }).click();

    // an empty profile is the normal preview again
    await page.getByRole('button', { name: 'Profil zurücksetzen' }).click();
    await until(async () => (await frameText()) === standard);
  });

  it('after the send, names the exact number of recipients who got personalised tips', async () => {
    const mails = getMailSink();
    await page.getByRole('button', { name: 'Jetzt senden' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, jetzt senden' }).click();
    await page
      .getByRole('region', { name: 'Versand', exact: true })
      .getByText('Gesendet', { exact: true })
      .waitFor({ timeout: 60_000 });
    const issue = await getStrapi()
      .db.query(ISSUE)
      .findOne({ where: { documentId: issueId } });
    expect(issue.personalised).toBe(before + 1);
    await previewCard()
      .getByText(`Personalisierte Tipps: ${recipients(before + 1)}`, { exact: true })
      .waitFor();
    expect(await previewCard().getByText('voraussichtlich', { exact: false }).count()).toBe(0);

    // what the two subscribers received: health tips for the linked one, the selection otherwise
    const linked = await mails.waitFor(
      (mail) => mail.to.includes(LINKED) && mail.header('x-newsletter-issue') === issueId
    );
    const unlinked = await mails.waitFor(
      (mail) => mail.to.includes(UNLINKED) && mail.header('x-newsletter-issue') === issueId
    );
    expect(isHealthTip(tipOrder(linked.text, tips)[0])).toBe(true);
    expect(tipOrder(unlinked.text, tips).map((tip) => tip.slug)).toEqual(EDITOR_TIPS);
  });
});
