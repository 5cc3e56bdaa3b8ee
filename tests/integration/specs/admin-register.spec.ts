/**
 * The admin panel as built for production: the first admin registers through Strapi's own
 * form, then both plugins appear in the menu with German labels. Runs before any spec creates
 * an admin (registration is only offered while there is none).
 */
import type { Browser } from 'playwright-core';
import { FIRST_ADMIN, registerFirstAdmin } from '../../helpers/admin';
import { hasChromium, launchBrowser, screenshot, serverUrl } from '../../helpers/browser';
import { getStrapi } from '../../helpers/strapi';

const describeWithBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn('Admin browser tests skipped: /usr/bin/chromium is missing.');

describeWithBrowser('Admin panel: first admin and plugin menu', () => {
  let browser: Browser;

  beforeAll(async () => {
    await serverUrl();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('registers the first admin through the UI and shows both plugins in the menu', async () => {
    expect(await getStrapi().db.query('admin::user').count()).toBe(0);
    const page = await registerFirstAdmin(browser);
    const user = await getStrapi()
      .db.query('admin::user')
      .findOne({ where: { email: FIRST_ADMIN.email }, populate: ['roles'] });
    expect(user.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');

    const menu = page.getByRole('navigation').first();
    await menu.getByRole('link', { name: 'Newsletter' }).waitFor();
    await menu.getByRole('link', { name: 'Arbeitgeber-Check' }).waitFor();
    await screenshot(page, 'admin-home');
    await page.context().close();
  });
});
