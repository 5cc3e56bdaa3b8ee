/**
 * The Arbeitgeber-Check admin pages: the admin routes behind them (filter options, 400s naming
 * the field, questionnaire status and usage, new versions, permissions) and, in Chromium, the
 * statistics page (figures as the API gives them, a filter, a group below k, the CSV export),
 * the questionnaire page with its warning and Content Manager links, the warning panel in the
 * Content Manager, and a user without the export permission. Screenshots:
 * tests/artifacts/admin-employer-check-*.png. Everything seeded here is removed afterwards.
 */
import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import {
  adminApiToken,
  adminPage,
  createRestrictedAdmin,
  type AdminCredentials,
} from '../../helpers/admin';
import { hasChromium, launchBrowser, screenshot, serverUrl } from '../../helpers/browser';
import { createAdminToken, getStrapi } from '../../helpers/strapi';
import { hashSubmissionToken } from '../../../plugins/employer-check/server/src/lib/tokens';

const server = () => getStrapi().server.httpServer;
const plugin = () => getStrapi().plugin('employer-check');
const SUBMISSION = 'plugin::employer-check.submission';
const QUESTIONNAIRE = 'plugin::employer-check.questionnaire';
const QUESTION = 'plugin::employer-check.question';
const ACTION = (name: string) => `plugin::employer-check.${name}`;

/** Sector and size classes the other specs do not use, so the expectations are exact. */
const SECTOR = 'N';
const LARGE_GROUP = 6; // ≥ k (5): shown
const SMALL_GROUP = 2; // < k: "zu wenige Teilnahmen"
// < k as well; hidden together with SMALL_GROUP they reach k, so the large group may be shown
// (complementary suppression: overall − shown groups must not reveal fewer than k)
const TINY_GROUP = 3;

interface Group {
  key: string;
  count: number | null;
  suppressed: boolean;
  total: number | null;
  dimensions: Record<string, number | null> | null;
}

interface Summary {
  k: number;
  dimensions: { key: string; name: string }[];
  options: {
    sectors: { key: string; label: string }[];
    sizeClasses: { key: string; label: string }[];
    municipalities: { key: string; label: string }[];
  };
  overall: Group;
  bySector: Group[];
  bySizeClass: Group[];
  byMunicipality: Group[];
  byMonth: Group[];
}

const seededTokens: string[] = [];
const createdVersions: string[] = [];

const admin = async () => `Bearer ${await createAdminToken()}`;

const statistics = async (query = '') =>
  (
    await request(server())
      .get(`/employer-check/statistics${query}`)
      .set('Authorization', await admin())
      .expect(200)
  ).body.data as Summary;

/** Completed checks with consent, created through the plugin's service (no rate limit). */
const seed = async () => {
  const questionnaire = await plugin().service('questionnaire').active();
  const municipality = await getStrapi()
    .db.query('api::municipality.municipality')
    .findOne({ select: ['documentId'] });
  const answers = (level: number) =>
    Object.fromEntries(
      questionnaire.questions.map((question: { id: string }, index: number) => [
        question.id,
        Math.max(1, Math.min(5, level + (index % 3) - 1)),
      ])
    );
  const create = async (sizeClass: string, level: number) => {
    const created = await plugin()
      .service('submissions')
      .create(
        {
          profile: {
            sector: SECTOR,
            sizeClass,
            municipality: municipality.documentId,
            trainsApprentices: true,
          },
          answers: answers(level),
          complete: true,
          consentStatistics: true,
        },
        { honeypot: false }
      );
    seededTokens.push(created.token);
  };
  for (let i = 0; i < LARGE_GROUP; i += 1) await create('large', 2 + (i % 3));
  for (let i = 0; i < SMALL_GROUP; i += 1) await create('medium', 4);
  for (let i = 0; i < TINY_GROUP; i += 1) await create('small', 3);
  // a running check of the active version
  const draft = await plugin()
    .service('submissions')
    .create(
      {
        profile: { sector: SECTOR, sizeClass: 'large', trainsApprentices: false },
        answers: {},
        complete: false,
        consentStatistics: false,
      },
      { honeypot: false }
    );
  seededTokens.push(draft.token);
  // two of the large group completed three months ago: the trend has more than one month
  const earlier = new Date();
  earlier.setUTCMonth(earlier.getUTCMonth() - 3, 10);
  for (const token of seededTokens.slice(0, 2)) {
    await getStrapi()
      .db.query(SUBMISSION)
      .update({ where: { tokenHash: hashSubmissionToken(token) }, data: { completedAt: earlier } });
  }
};

const removeSeeded = async () => {
  const strapi = getStrapi();
  await strapi.db.query(SUBMISSION).deleteMany({
    where: { tokenHash: { $in: seededTokens.map((token) => hashSubmissionToken(token)) } },
  });
  for (const version of createdVersions) {
    const questionnaire = await strapi.db.query(QUESTIONNAIRE).findOne({ where: { version } });
    if (!questionnaire) continue;
    await strapi.db.query(QUESTION).deleteMany({ where: { questionnaire: questionnaire.id } });
    await strapi.db.query(QUESTIONNAIRE).delete({ where: { id: questionnaire.id } });
  }
};

const de = new Intl.NumberFormat('de-DE');

describe('Arbeitgeber-Check admin routes', () => {
  let statisticsOnly: AdminCredentials;
  let questionnaireOnly: AdminCredentials;

  beforeAll(async () => {
    await seed();
    statisticsOnly = await createRestrictedAdmin({
      email: 'statistik.lesen@bildungsbuero.example',
      actions: [ACTION('statistics.read')],
    });
    questionnaireOnly = await createRestrictedAdmin({
      email: 'fragebogen.lesen@bildungsbuero.example',
      actions: [ACTION('questionnaire.read')],
    });
  });

  afterAll(async () => {
    await removeSeeded();
  });

  it('the statistics answer the filters’ options: sectors and size classes from the config, municipalities from the app', async () => {
    const data = await statistics();
    const config = getStrapi().config.get('plugin::employer-check') as {
      sectors: Record<string, string>;
      sizeClasses: Record<string, string>;
    };
    expect(data.options.sectors).toEqual(
      Object.entries(config.sectors).map(([key, label]) => ({ key, label }))
    );
    expect(data.options.sizeClasses.map((option) => option.key)).toEqual(
      Object.keys(config.sizeClasses)
    );
    const municipalities = await getStrapi()
      .db.query('api::municipality.municipality')
      .findMany({ select: ['documentId', 'name'] });
    expect(data.options.municipalities.length).toBe(municipalities.length);
    expect(data.options.municipalities).toContainEqual({
      key: municipalities[0].documentId,
      label: municipalities[0].name,
    });
  });

  it('groups below k show neither count nor figures; the monthly trend has no gaps', async () => {
    const data = await statistics(`?sector=${SECTOR}`);
    expect(data.overall).toMatchObject({
      suppressed: false,
      count: LARGE_GROUP + SMALL_GROUP + TINY_GROUP,
    });
    const bySize = Object.fromEntries(data.bySizeClass.map((group) => [group.key, group]));
    expect(bySize.large).toMatchObject({ suppressed: false, count: LARGE_GROUP });
    expect(bySize.medium).toEqual({
      key: 'medium',
      suppressed: true,
      count: null,
      total: null,
      dimensions: null,
    });
    const months = data.byMonth.map((group) => group.key);
    expect(months.length).toBe(4); // three months ago … this month, the empty ones suppressed
    expect(data.byMonth[1]).toMatchObject({ suppressed: true, count: null });
  });

  it.each([
    ['sector=ZZ', 'sector'],
    ['sector=A&sector=C', 'sector'],
    ['sizeClass=riesig', 'sizeClass'],
    ['municipality=abcdefghijabcdefghij1234', 'municipality'],
    ['municipality=../etc', 'municipality'],
    ['from=gestern', 'from'],
    ['to=2026-02-30', 'to'],
    ['from=2026-03-01&to=2026-02-01', 'to'],
  ])('bad filter %s → 400 naming %s (statistics and export)', async (query, field) => {
    for (const path of ['/employer-check/statistics', '/employer-check/statistics/export']) {
      const response = await request(server())
        .get(`${path}?${query}`)
        .set('Authorization', await admin())
        .expect(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(
        response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
      ).toContain(field);
    }
  });

  it('the export follows the filters', async () => {
    const csv = await request(server())
      .get(`/employer-check/statistics/export?sector=${SECTOR}&sizeClass=large`)
      .set('Authorization', await admin())
      .expect(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[1].startsWith(`overall,,Alle,${LARGE_GROUP},`)).toBe(true);
    expect(lines.find((line) => line.startsWith('sizeClass,large,'))).toContain(`,${LARGE_GROUP},`);
    expect(lines.some((line) => line.startsWith('sizeClass,medium,'))).toBe(false);
  });

  it('questionnaire status: the active version with its running and completed checks', async () => {
    const response = await request(server())
      .get('/employer-check/questionnaire/status')
      .set('Authorization', await admin())
      .expect(200);
    const { active, versions, suggestedVersion } = response.body.data;
    const stored = await getStrapi()
      .db.query(QUESTIONNAIRE)
      .findOne({ where: { active: true } });
    const count = (status: string) =>
      getStrapi()
        .db.query(SUBMISSION)
        .count({ where: { questionnaireVersion: stored.version, status } });
    expect(active).toMatchObject({
      documentId: stored.documentId,
      version: stored.version,
      active: true,
      questions: await getStrapi()
        .db.query(QUESTION)
        .count({ where: { questionnaire: stored.id } }),
      dimensions: 8,
      drafts: await count('draft'),
      completed: await count('complete'),
    });
    expect(active.drafts).toBeGreaterThanOrEqual(1);
    expect(versions.filter((version: { active: boolean }) => version.active)).toHaveLength(1);
    expect(suggestedVersion).toMatch(/^\d{4}-\d+$/);
  });

  it('a new version copies the active questionnaire’s questions, stays inactive and leaves running checks alone', async () => {
    const strapi = getStrapi();
    const active = await strapi.db.query(QUESTIONNAIRE).findOne({ where: { active: true } });
    const response = await request(server())
      .post('/employer-check/questionnaire/versions')
      .set('Authorization', await admin())
      .send({ version: 'test-kopie-1', title: 'Kopie für den Test' })
      .expect(201);
    createdVersions.push('test-kopie-1');
    expect(response.body.data).toMatchObject({
      version: 'test-kopie-1',
      active: false,
      copiedFrom: active.version,
    });
    const copy = await strapi.db.query(QUESTIONNAIRE).findOne({
      where: { version: 'test-kopie-1' },
      populate: { questions: { populate: ['dimension'] } },
    });
    const original = await strapi.db
      .query(QUESTIONNAIRE)
      .findOne({ where: { id: active.id }, populate: { questions: { populate: ['dimension'] } } });
    const shape = (questions: Record<string, unknown>[]) =>
      questions
        .map((question) => ({
          key: question.key,
          text: question.text,
          order: question.order,
          weight: Number(question.weight),
          reverse: question.reverse,
          onlyIfTrainsApprentices: question.onlyIfTrainsApprentices,
          dimension: (question.dimension as { key: string }).key,
        }))
        .sort((a, b) => String(a.key).localeCompare(String(b.key)));
    expect(copy.active).toBe(false);
    expect(copy.title).toBe('Kopie für den Test');
    expect(shape(copy.questions)).toEqual(shape(original.questions));
    // still the same active questionnaire: running checks continue
    expect(
      (await strapi.db.query(QUESTIONNAIRE).findMany({ where: { active: true } })).map(
        (row: { version: string }) => row.version
      )
    ).toEqual([active.version]);
    const token = seededTokens[seededTokens.length - 1];
    await request(server())
      .put(`/api/employer-check/submissions/${token}`)
      .send({ answers: {} })
      .expect(200);

    // usage: the copy's questions do not affect running checks, the active one's do
    const usage = async (model: string, documentId: string) =>
      (
        await request(server())
          .get(`/employer-check/questionnaire/usage?model=${model}&documentId=${documentId}`)
          .set('Authorization', await admin())
          .expect(200)
      ).body.data;
    expect(await usage('question', copy.questions[0].documentId)).toMatchObject({
      affectsActive: false,
    });
    expect(await usage('question', original.questions[0].documentId)).toMatchObject({
      affectsActive: true,
      active: { version: active.version },
    });
    expect(await usage('questionnaire', copy.documentId)).toMatchObject({ affectsActive: false });
    expect(await usage('questionnaire', active.documentId)).toMatchObject({
      affectsActive: true,
    });
    expect(await usage('dimension', original.questions[0].dimension.documentId)).toMatchObject({
      affectsActive: true,
    });
  });

  it.each([
    [{ version: 'test-kopie-1' }, 'version'], // exists already
    [{ version: 'mit Leerzeichen' }, 'version'],
    [{}, 'version'],
    [{ version: 'test-kopie-2', title: '' }, 'title'],
    [[1, 2], 'body'],
  ])('new version %j → 400 naming %s, nothing created', async (body, field) => {
    const before = await getStrapi().db.query(QUESTIONNAIRE).count();
    const response = await request(server())
      .post('/employer-check/questionnaire/versions')
      .set('Authorization', await admin())
      .send(body)
      .expect(400);
    expect(
      response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
    ).toContain(field);
    expect(await getStrapi().db.query(QUESTIONNAIRE).count()).toBe(before);
  });

  it('usage: unknown model or missing documentId → 400 naming the field', async () => {
    const response = await request(server())
      .get('/employer-check/questionnaire/usage?model=submission')
      .set('Authorization', await admin())
      .expect(400);
    expect(
      response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
    ).toEqual(['model', 'documentId']);
  });

  it('every new route needs an admin with the right action', async () => {
    for (const path of [
      '/questionnaire/status',
      '/questionnaire/usage?model=question&documentId=x',
    ]) {
      await request(server()).get(`/employer-check${path}`).expect(401);
    }
    await request(server())
      .post('/employer-check/questionnaire/versions')
      .send({ version: 'x' })
      .expect(401);

    const reader = `Bearer ${await adminApiToken(statisticsOnly)}`;
    await request(server())
      .get('/employer-check/statistics')
      .set('Authorization', reader)
      .expect(200);
    await request(server())
      .get('/employer-check/statistics/export')
      .set('Authorization', reader)
      .expect(403);
    await request(server())
      .get('/employer-check/questionnaire/status')
      .set('Authorization', reader)
      .expect(403);

    const editor = `Bearer ${await adminApiToken(questionnaireOnly)}`;
    await request(server())
      .get('/employer-check/questionnaire/status')
      .set('Authorization', editor)
      .expect(200);
    await request(server())
      .get('/employer-check/statistics')
      .set('Authorization', editor)
      .expect(403);
    await request(server())
      .post('/employer-check/questionnaire/versions')
      .set('Authorization', editor)
      .send({ version: 'test-kopie-3' })
      .expect(403);
  });

  describe('in Chromium', () => {
    const describeBrowser = hasChromium ? describe : describe.skip;
    if (!hasChromium) console.warn('Admin browser tests SKIPPED: /usr/bin/chromium is missing.');

    describeBrowser('pages', () => {
      let browser: Browser;
      let base: string;
      let page: Page;

      /** axe-core on the page's main content (the plugin's; Strapi's menus are not ours). */
      const expectNoViolations = async (state: string) => {
        await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
        const violations = (await page.evaluate(() =>
          (
            window as unknown as {
              axe: { run: (context: unknown, options: unknown) => Promise<unknown> };
            }
          ).axe.run(document.querySelector('main'), {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          })
        )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
        const found = violations.violations.map((violation) => ({
          id: violation.id,
          targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
        }));
        if (found.length) console.error(state, JSON.stringify(found, null, 2));
        expect(found).toEqual([]);
      };

      beforeAll(async () => {
        base = await serverUrl();
        browser = await launchBrowser();
      });

      afterAll(async () => {
        await browser?.close();
      });

      it('statistics: count and dimension figures as the API gives them, a filter, a group below k, the CSV export', async () => {
        page = await adminPage(browser);
        const all = await statistics();
        await page.goto(`${base}/admin/plugins/employer-check`);
        await page.getByTestId('employer-check-count').waitFor();
        expect(await page.getByTestId('employer-check-count').textContent()).toBe(
          de.format(all.overall.count!)
        );
        await page.getByTestId('employer-check-dimension-chart').waitFor();
        await screenshot(page, 'admin-employer-check-statistics');

        // filter by sector through the select
        await page.getByRole('combobox', { name: 'Branche' }).click();
        await page.getByRole('option', { name: new RegExp(`^${SECTOR} – `) }).click();
        await page.waitForURL(new RegExp(`sector=${SECTOR}`));
        const filtered = await statistics(`?sector=${SECTOR}`);
        await page
          .getByTestId('employer-check-count')
          .filter({ hasText: new RegExp(`^${de.format(filtered.overall.count!)}$`) })
          .waitFor();

        // the figures per dimension, in the table view
        await page
          .getByTestId('employer-check-dimensions')
          .getByRole('tab', { name: 'Tabelle' })
          .click();
        const shown = await page
          .locator('[data-dimension]')
          .evaluateAll((rows) =>
            rows.map((row) => [
              row.getAttribute('data-dimension'),
              row.querySelectorAll('td')[1].textContent,
            ])
          );
        expect(shown).toEqual(
          filtered.dimensions.map((dimension) => [
            dimension.key,
            de.format(filtered.overall.dimensions![dimension.key]!),
          ])
        );

        // the size class below k: named, without figures
        await page
          .getByTestId('employer-check-groups')
          .getByRole('tab', { name: 'Betriebsgröße' })
          .click();
        const medium = page.locator(
          '[data-testid=employer-check-groups-sizeClass] tr[data-group=medium]'
        );
        await medium.waitFor();
        expect(await medium.getAttribute('data-suppressed')).toBe('true');
        expect(await medium.locator('td').allTextContents()).toEqual([
          '50–249 Beschäftigte',
          'zu wenige Teilnahmen',
        ]);
        const large = page.locator(
          '[data-testid=employer-check-groups-sizeClass] tr[data-group=large]'
        );
        expect(await large.textContent()).toContain(de.format(LARGE_GROUP));
        await expectNoViolations('statistics');
        await screenshot(page, 'admin-employer-check-filtered');

        // CSV export of the filtered rows, downloaded with the admin's token
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'CSV exportieren' }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(
          /^selbstcheck-statistik-\d{4}-\d{2}-\d{2}\.csv$/
        );
        let csv = '';
        for await (const chunk of await download.createReadStream()) csv += chunk;
        const lines = csv.trim().split('\r\n');
        expect(lines[0].startsWith('group,key,label,count,total,')).toBe(true);
        expect(lines[1].startsWith(`overall,,Alle,${filtered.overall.count},`)).toBe(true);
      });

      it('questionnaire: version, running checks, the warning and the Content Manager links', async () => {
        const status = (
          await request(server())
            .get('/employer-check/questionnaire/status')
            .set('Authorization', await admin())
        ).body.data;
        await page.goto(`${base}/admin/plugins/employer-check/fragebogen`);
        await page.getByTestId('employer-check-active-questionnaire').waitFor();
        expect(await page.getByTestId('employer-check-active-version').textContent()).toBe(
          status.active.version
        );
        expect(await page.getByTestId('employer-check-active-drafts').textContent()).toBe(
          de.format(status.active.drafts)
        );
        const warning = page.getByTestId('employer-check-warning');
        expect(await warning.textContent()).toContain(
          'Änderungen am aktiven Fragebogen wirken auf laufende Checks'
        );
        expect(await warning.textContent()).toContain('neuen Version');
        expect(
          await page.getByTestId('employer-check-edit-questionnaire').getAttribute('href')
        ).toBe(
          `/admin/content-manager/collection-types/plugin::employer-check.questionnaire/${status.active.documentId}`
        );
        expect(await page.getByTestId('employer-check-edit-dimensions').getAttribute('href')).toBe(
          '/admin/content-manager/collection-types/plugin::employer-check.dimension'
        );
        expect(
          await page.getByTestId('employer-check-edit-questions').getAttribute('href')
        ).toContain('/admin/content-manager/collection-types/plugin::employer-check.question?');
        await expectNoViolations('questionnaire');
        await screenshot(page, 'admin-employer-check-questionnaire');

        // "Neue Version anlegen": an inactive copy, listed with the versions
        await page.getByRole('button', { name: 'Neue Version anlegen' }).click();
        const dialog = page.getByRole('dialog');
        expect(await dialog.getByRole('textbox', { name: 'Version' }).inputValue()).toBe(
          status.suggestedVersion
        );
        await dialog.getByRole('textbox', { name: 'Version' }).fill('test-kopie-ui');
        createdVersions.push('test-kopie-ui');
        await dialog.getByRole('button', { name: 'Kopie anlegen' }).click();
        await page.getByTestId('employer-check-version-created').waitFor();
        await screenshot(page, 'admin-employer-check-new-version');
        await dialog.getByRole('button', { name: 'Schließen' }).first().click();
        const row = page.locator('tr[data-version="test-kopie-ui"]');
        await row.waitFor();
        expect(await row.textContent()).toContain('inaktiv');
        expect(
          (
            await getStrapi()
              .db.query(QUESTIONNAIRE)
              .findOne({ where: { version: 'test-kopie-ui' } })
          ).active
        ).toBe(false);

        // the questions of the active version in the Content Manager, with the warning panel
        await page.getByTestId('employer-check-edit-questions').click();
        await page.waitForURL(
          /content-manager\/collection-types\/plugin::employer-check\.question\?/
        );
        await page.locator('tbody tr').first().click();
        await page.waitForURL(/plugin::employer-check\.question\/[a-z0-9]+/);
        const panel = page.getByTestId('employer-check-panel');
        await panel.waitFor();
        expect(await panel.textContent()).toContain(
          `Dieser Eintrag gehört zum aktiven Fragebogen (Version ${status.active.version})`
        );
        await screenshot(page, 'admin-employer-check-content-manager');
        await page.context().close();
      });

      it('a user with statistics.read but without statistics.export sees no export button and no questionnaire', async () => {
        page = await adminPage(browser, statisticsOnly);
        await page.goto(`${base}/admin/plugins/employer-check`);
        await page.getByTestId('employer-check-count').waitFor();
        expect(await page.getByRole('button', { name: 'CSV exportieren' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Fragebogen' }).count()).toBe(0);
        await screenshot(page, 'admin-employer-check-read-only');
        const token = await adminApiToken(statisticsOnly);
        await request(server())
          .get('/employer-check/statistics/export')
          .set('Authorization', `Bearer ${token}`)
          .expect(403);
        await page.context().close();
      });
    });
  });
});
