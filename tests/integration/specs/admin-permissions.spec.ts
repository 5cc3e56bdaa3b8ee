/**
 * A county's "editor without send" role: issues may be read, edited, previewed and test-sent,
 * but only other users may send to all. The send route answers 403 and the page shows no send
 * controls, while the allowed ones are there.
 */
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { adminApiToken, adminPage, createRestrictedAdmin } from '../../helpers/admin';
import { hasChromium, launchBrowser, screenshot, serverUrl } from '../../helpers/browser';
import { ISSUE } from '../../helpers/newsletter';
import { createAdminToken, getStrapi } from '../../helpers/strapi';

const EDITOR_ACTIONS = ['issues.read', 'issues.edit', 'issues.test'].map(
  (action) => `plugin::newsletter.${action}`
);

describe('Admin permissions: an editor without the send permission', () => {
  const server = () => getStrapi().server.httpServer;
  let issueId: string;
  let credentials: { email: string; password: string };

  beforeAll(async () => {
    const admin = await createAdminToken();
    const created = await request(server())
      .post('/newsletter/issues')
      .set('Authorization', `Bearer ${admin}`)
      .send({ subject: 'Rechte-Test: Ausgabe ohne Versandrecht' })
      .expect(201);
    issueId = created.body.data.documentId;
    credentials = await createRestrictedAdmin({
      email: 'redaktion-ohne-versand@bildungsbuero.example',
      actions: EDITOR_ACTIONS,
      roleName: 'Redaktion (ohne Versand)',
    });
  });

  it('gets 403 from every send route, and the issue stays a draft', async () => {
    const token = await adminApiToken(credentials);
    for (const action of ['send', 'schedule', 'pause', 'resume', 'cancel']) {
      const response = await request(server())
        .post(`/newsletter/issues/${issueId}/${action}`)
        .set('Authorization', `Bearer ${token}`)
        .send(action === 'schedule' ? { at: '2030-01-01T08:00' } : {})
        .expect(403);
      expect(response.body.error.name).toBe('PolicyError'); // Strapi's name for a failed admin::hasPermissions
    }
    const issue = await getStrapi()
      .db.query(ISSUE)
      .findOne({ where: { documentId: issueId } });
    expect(issue.status).toBe('draft');
    expect(issue.audienceAt).toBeNull();
    // what the role allows still works
    await request(server())
      .get(`/newsletter/issues/${issueId}/preview?format=text`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
  });

  (hasChromium ? it : it.skip)(
    'sees save, preview and test send on the issue page, but no send controls',
    async () => {
      const base = await serverUrl();
      const browser: Browser = await launchBrowser();
      try {
        const page = await adminPage(browser, credentials);
        await page.goto(`${base}/admin/plugins/newsletter/issues/${issueId}`);
        await page.getByRole('button', { name: 'Testversand', exact: true }).waitFor();
        expect(await page.getByRole('button', { name: 'Speichern', exact: true }).count()).toBe(1);
        // the preview (issues.test) is there; its iframe only when the proposal found items
        await page.getByText('Vorschau', { exact: true }).first().waitFor();
        for (const name of ['Jetzt senden', 'Planen', 'Versand abbrechen', 'Planung aufheben']) {
          expect([name, await page.getByRole('button', { name, exact: true }).count()]).toEqual([
            name,
            0,
          ]);
        }
        await screenshot(page, 'admin-permissions-editor-without-send');
        // the subscriber pages are not part of this role either
        expect(await page.getByRole('link', { name: 'Abonnenten' }).count()).toBe(0);
      } finally {
        await browser.close();
      }
    }
  );
});
