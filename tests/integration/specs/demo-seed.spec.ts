/**
 * The demo activity (src/seed/demo, `npm run demo` / `npm run demo:remove`) on the shared test
 * database: refused with NODE_ENV=production and not added by itself outside development; added
 * once (subscribers in every status, the sent issue's report with deliveries, bounces, a
 * complaint, unsubscribes and clicks, the scheduled issue, at least 60 completed self-checks with
 * statistics that show figures and suppress small groups), nothing more the second time; in
 * Chromium the issues list, the report, the subscribers page and the statistics page show the
 * figures (screenshots tests/artifacts/admin-demo-*.png); removed again, leaving every table with
 * exactly the rows it had before.
 */
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { adminPage } from '../../helpers/admin';
import { hasChromium, launchBrowser, screenshot, serverUrl } from '../../helpers/browser';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import {
  PRODUCTION_REFUSAL,
  removeDemoActivity,
  seedDemoActivity,
  seedDemoActivityOnFirstStart,
} from '../../../src/seed/demo';
import {
  DEMO_DOMAIN,
  DEMO_ISSUE_SUBJECTS,
  demoCheckTokens,
  tokenHash,
} from '../../../src/seed/demo/markers';
import { SEEDED_TYPES } from '../../../src/seed';

const server = () => getStrapi().server.httpServer;
const admin = async () => `Bearer ${await createAdminToken()}`;
const de = new Intl.NumberFormat('de-DE');

/** Every table the demo writes to or could touch, and the content it reads. */
const TABLES = [
  'plugin::newsletter.subscriber',
  'plugin::newsletter.issue',
  'plugin::newsletter.delivery',
  'plugin::newsletter.click',
  'plugin::newsletter.mailbox-message',
  'plugin::newsletter.link',
  'plugin::newsletter.outbox-mail',
  'plugin::newsletter.suppression',
  'plugin::employer-check.submission',
  'plugin::employer-check.questionnaire',
  'plugin::employer-check.question',
  ...Object.values(SEEDED_TYPES),
];

/** The ids of every row per table. */
const snapshot = async () => {
  const rows: Record<string, number[]> = {};
  for (const uid of TABLES) {
    rows[uid] = (
      (await getStrapi()
        .db.query(uid as never)
        .findMany({ select: ['id'], orderBy: { id: 'asc' } })) as { id: number }[]
    ).map((row) => row.id);
  }
  return rows;
};
const counts = (rows: Record<string, number[]>) =>
  Object.fromEntries(Object.entries(rows).map(([uid, ids]) => [uid, ids.length]));

interface Group {
  key: string;
  count: number | null;
  suppressed: boolean;
}
interface Statistics {
  overall: Group & { total: number | null };
  bySector: Group[];
  bySizeClass: Group[];
  byMunicipality: Group[];
  byMonth: Group[];
}

const get = async (path: string) =>
  (
    await request(server())
      .get(path)
      .set('Authorization', await admin())
      .expect(200)
  ).body.data;
const subscriberStats = () => get('/newsletter/subscribers/stats');
const statistics = () => get('/employer-check/statistics') as Promise<Statistics>;
const demoIssue = (kind: 'sent' | 'scheduled') =>
  getStrapi()
    .db.query('plugin::newsletter.issue')
    .findOne({ where: { subject: DEMO_ISSUE_SUBJECTS[kind] } });

describe('demo activity (npm run demo)', () => {
  let before: Record<string, number[]>;
  let statsBefore: { total: number; byStatus: Record<string, number> };
  let statisticsBefore: Statistics;
  let mailsBefore = 0;

  beforeAll(async () => {
    before = await snapshot();
    statsBefore = await subscriberStats();
    statisticsBefore = await statistics();
    mailsBefore = getMailSink().mails.length;
  });

  afterAll(async () => {
    // leaves the shared database as it found it, whatever failed
    await removeDemoActivity(getStrapi());
  });

  it('is refused with NODE_ENV=production and is not added on start outside development', async () => {
    const environment = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(seedDemoActivity(getStrapi())).rejects.toThrow(PRODUCTION_REFUSAL);
    } finally {
      process.env.NODE_ENV = environment;
    }
    expect(environment).toBe('test');
    expect(await seedDemoActivityOnFirstStart(getStrapi())).toBeNull();
    expect(counts(await snapshot())).toEqual(counts(before));
  });

  it('adds subscribers in every status, two issues and 72 self-checks, and sends no mail', async () => {
    const report = await seedDemoActivity(getStrapi());
    expect(report).toEqual({
      subscribers: { created: 40, existing: 0 },
      issues: { created: 2, existing: 0 },
      checks: { created: 72, existing: 0 },
    });
    const stats = await subscriberStats();
    const added = Object.fromEntries(
      Object.entries(stats.byStatus as Record<string, number>).map(([status, count]) => [
        status,
        count - statsBefore.byStatus[status],
      ])
    );
    expect(added).toEqual({ pending: 4, active: 28, unsubscribed: 5, bounced: 2, complained: 1 });
    const demo = await getStrapi()
      .db.query('plugin::newsletter.subscriber')
      .findMany({ where: { email: { $endsWith: `@${DEMO_DOMAIN}` } } });
    expect(demo).toHaveLength(40);
    for (const subscriber of demo) {
      expect(subscriber.consentAt).toBeTruthy();
      expect(subscriber.consentVersion).toBeTruthy();
      if (subscriber.source === 'form') expect(subscriber.consentIp).toBeTruthy();
    }
    const submissions = getStrapi().db.query('plugin::employer-check.submission');
    expect(await submissions.count()).toBe(before['plugin::employer-check.submission'].length + 72);
    const demoChecks = await submissions.findMany({
      where: { tokenHash: { $in: demoCheckTokens().map(tokenHash) } },
    });
    expect(demoChecks).toHaveLength(72);
    expect(demoChecks.every((check: { status: string }) => check.status === 'complete')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const toDemo = getMailSink()
      .mails.slice(mailsBefore)
      .filter((mail) => mail.to.some((address) => address.endsWith(`@${DEMO_DOMAIN}`)));
    expect(toDemo).toEqual([]);
  });

  it('the sent issue’s report shows deliveries, bounces, a complaint, unsubscribes and clicks', async () => {
    const issue = await demoIssue('sent');
    expect(issue.status).toBe('sent');
    const report = await get(`/newsletter/issues/${issue.documentId}/report`);
    expect(report.figures).toEqual({
      recipients: 32,
      sent: 31,
      failed: 1,
      skipped: 0,
      hardBounces: 1,
      softBounces: 1,
      complaints: 1,
      unsubscribes: 3,
      clicks: expect.any(Number),
    });
    expect(report.figures.clicks).toBeGreaterThan(0);
    expect(report.items.length).toBeGreaterThanOrEqual(3);
    expect(report.items.every((item: { clicks: number }) => item.clicks > 0)).toBe(true);
    expect(report.items.every((item: { title: string | null }) => item.title)).toBe(true);
    const deliveries = await getStrapi()
      .db.query('plugin::newsletter.delivery')
      .count({ where: { issueId: issue.id } });
    expect(deliveries).toBe(32);
    // the web version of the frozen rendering, as the public archive links it
    const web = await request(server())
      .get(`/api/newsletter/issues/${issue.documentId}/web`)
      .expect(200);
    expect(web.text).toContain('Beispielausgabe');
  });

  it('the scheduled issue goes out weeks from now, not in the next days', async () => {
    const issue = await demoIssue('scheduled');
    expect(issue.status).toBe('scheduled');
    const days = (Date.parse(issue.scheduledAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(25);
    expect(days).toBeLessThan(31);
  });

  it('the statistics show figures for at least 60 more checks and suppress small groups', async () => {
    const data = await statistics();
    expect(data.overall.suppressed).toBe(false);
    // 66 of the 72 consent to the statistics
    if (statisticsBefore.overall.count === null) {
      expect(data.overall.count).toBeGreaterThanOrEqual(66);
    } else {
      expect(data.overall.count! - statisticsBefore.overall.count).toBe(66);
    }
    for (const groups of [data.bySector, data.byMunicipality, data.byMonth]) {
      expect(groups.some((group) => group.suppressed)).toBe(true);
      expect(groups.filter((group) => !group.suppressed).length).toBeGreaterThanOrEqual(3);
    }
    expect(data.byMonth.length).toBeGreaterThanOrEqual(12);
  });

  it('running it again adds nothing and changes nothing', async () => {
    const seeded = await snapshot();
    const report = await seedDemoActivity(getStrapi());
    expect(report).toEqual({
      subscribers: { created: 0, existing: 40 },
      issues: { created: 0, existing: 2 },
      checks: { created: 0, existing: 72 },
    });
    expect(await snapshot()).toEqual(seeded);
  });

  const describeBrowser = hasChromium ? describe : describe.skip;
  if (!hasChromium) console.warn('Demo browser tests SKIPPED: /usr/bin/chromium is missing.');

  describeBrowser('in Chromium', () => {
    let browser: Browser;
    let page: Page;
    let base: string;

    /** A screenshot of the whole page (the admin scrolls inside its layout, so grow the window). */
    const capture = async (name: string, height = 1200) => {
      await page.setViewportSize({ width: 1400, height });
      await screenshot(page, name);
      await page.setViewportSize({ width: 1400, height: 1000 });
    };

    beforeAll(async () => {
      base = await serverUrl();
      browser = await launchBrowser();
      page = await adminPage(browser);
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('issues list: the sent issue with its recipients and sent mails, the scheduled one', async () => {
      const sent = await demoIssue('sent');
      // the list is newest first, ten per page: the page that holds the sent issue
      let position = -1;
      for (let listPage = 1; position < 0 && listPage < 20; listPage += 1) {
        const rows = await get(`/newsletter/issues?page=${listPage}&pageSize=100`);
        const index = rows.findIndex(
          (row: { documentId: string }) => row.documentId === sent.documentId
        );
        if (index >= 0) position = (listPage - 1) * 100 + index;
        if (rows.length < 100) break;
      }
      expect(position).toBeGreaterThanOrEqual(0);
      await page.goto(
        `${base}/admin/plugins/newsletter/issues?page=${Math.floor(position / 10) + 1}&pageSize=10`
      );
      const row = page.locator(`tr[data-issue="${sent.documentId}"]`);
      await row.waitFor({ timeout: 30_000 });
      const cells = await row.locator('td').allTextContents();
      expect(cells[0]).toContain(DEMO_ISSUE_SUBJECTS.sent);
      expect(cells.slice(3)).toEqual(['32', '31', '1', '0']);
      await capture('admin-demo-issues');
    });

    it('report: the figures and the clicks per item', async () => {
      const sent = await demoIssue('sent');
      const report = await get(`/newsletter/issues/${sent.documentId}/report`);
      await page.goto(`${base}/admin/plugins/newsletter/issues/${sent.documentId}/report`);
      await page.getByRole('heading', { name: `Bericht: ${DEMO_ISSUE_SUBJECTS.sent}` }).waitFor();
      const figures = await page
        .locator('main ul')
        .first()
        .locator(':scope > li')
        .evaluateAll((items) =>
          Object.fromEntries(
            items.map((item) => [
              item.querySelector('span')?.textContent ?? '',
              item.querySelector('p')?.textContent ?? '',
            ])
          )
        );
      expect(figures).toMatchObject({
        Empfänger: '32',
        Gesendet: '31',
        Fehlgeschlagen: '1',
        'Unzustellbar (dauerhaft)': '1',
        'Unzustellbar (vorübergehend)': '1',
        Beschwerden: '1',
        'Abmeldungen über diese Ausgabe': '3',
        Klicks: de.format(report.figures.clicks),
      });
      const clicks = page.getByRole('region', { name: 'Klicks je Beitrag' });
      for (const item of report.items) {
        await clicks.getByText(item.title, { exact: false }).first().waitFor();
      }
      await capture('admin-demo-report', 1600);
    });

    it('subscribers: counts by status and the demo addresses', async () => {
      const stats = await subscriberStats();
      await page.goto(`${base}/admin/plugins/newsletter/subscribers`);
      await page.getByRole('group', { name: `Gesamt: ${stats.total}` }).waitFor();
      await page.getByRole('group', { name: `Aktiv: ${stats.byStatus.active}` }).waitFor();
      expect(stats.byStatus.bounced).toBeGreaterThan(0);
      await page.getByRole('searchbox', { name: 'Nach E-Mail-Adresse suchen' }).fill(DEMO_DOMAIN);
      await page.waitForURL(/_q=demo-newsletter/);
      await page
        .locator('tbody tr', { hasText: `@${DEMO_DOMAIN}` })
        .first()
        .waitFor();
      const rows = await page.locator('tbody tr').allTextContents();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.includes(`@${DEMO_DOMAIN}`))).toBe(true);
      await capture('admin-demo-subscribers', 1400);
    });

    it('statistics: the count, the dimension chart, groups with figures and groups below k', async () => {
      const data = await statistics();
      await page.goto(`${base}/admin/plugins/employer-check`);
      await page.getByTestId('employer-check-count').waitFor();
      expect(await page.getByTestId('employer-check-count').textContent()).toBe(
        de.format(data.overall.count!)
      );
      await page.getByTestId('employer-check-dimension-chart').waitFor();
      await page.getByTestId('employer-check-trend-chart').waitFor();
      const table = page.getByTestId('employer-check-groups-sector');
      const shown = data.bySector.find((group) => !group.suppressed)!;
      const hidden = data.bySector.find((group) => group.suppressed)!;
      const shownRow = table.locator(`tr[data-group="${shown.key}"]`);
      expect(await shownRow.getAttribute('data-suppressed')).toBe('false');
      expect(await shownRow.textContent()).toContain(de.format(shown.count!));
      const hiddenRow = table.locator(`tr[data-group="${hidden.key}"]`);
      expect(await hiddenRow.getAttribute('data-suppressed')).toBe('true');
      expect(await hiddenRow.textContent()).toContain('zu wenige Teilnahmen');
      await capture('admin-demo-statistics', 2400);
    });
  });

  it('npm run demo:remove deletes exactly the demo rows; every other row stays', async () => {
    const removal = await removeDemoActivity(getStrapi());
    expect(removal).toMatchObject({
      subscribers: 40,
      issues: 2,
      deliveries: 32,
      mailboxMessages: 3,
      outboxMails: 35,
      checks: 72,
    });
    expect(removal.clicks).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    expect(await subscriberStats()).toEqual(statsBefore);
    expect(await removeDemoActivity(getStrapi())).toMatchObject({ subscribers: 0, checks: 0 });
  });
});
