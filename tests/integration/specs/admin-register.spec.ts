/**
 * The admin panel as built for production: the first admin registers through Strapi's own
 * form (in German, from an English browser), then lands on a German admin where both plugins
 * appear in the menu with German labels. Runs before any spec creates an admin (registration is
 * only offered while there is none).
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
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    // Strapi's own home page greets in German
    await page.getByRole('heading', { name: `Hallo ${FIRST_ADMIN.firstname}` }).waitFor();
    await menu.getByRole('link', { name: 'Newsletter' }).waitFor();
    await menu.getByRole('link', { name: 'Arbeitgeber-Check' }).waitFor();
    await screenshot(page, 'admin-home');
    await page.context().close();
  });

  it('shows the login page in German by default, English stays selectable', async () => {
    const base = await serverUrl();
    const german = await browser.newContext({ locale: 'en-US' });
    const page = await german.newPage();
    await page.goto(`${base}/admin/auth/login`);
    await page.getByRole('button', { name: 'Anmelden' }).waitFor({ timeout: 60_000 });
    await page.getByText('Melden Sie sich mit Ihrem Konto an').waitFor();
    await screenshot(page, 'admin-login');
    await german.close();

    // the choice Strapi stores when a user picks English in the profile
    const english = await browser.newContext({ locale: 'de-DE' });
    await english.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'en'));
    const englishPage = await english.newPage();
    await englishPage.goto(`${base}/admin/auth/login`);
    await englishPage.getByText('Welcome to Strapi!').waitFor({ timeout: 60_000 });
    await english.close();
  });
});
