/**
 * The Strapi admin panel in a real browser: builds the admin bundle when its sources changed,
 * registers the first admin through the UI, logs users in (once per address; the admin login is
 * rate-limited to 5 attempts per 5 minutes) and creates admins with restricted roles.
 */
import { execFileSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serverUrl } from './browser';
import { getStrapi } from './strapi';

const APP_DIR = path.resolve(__dirname, '..', '..');
const BUILD_DIR = path.join(APP_DIR, 'dist', 'build');
const HASH_FILE = path.join(BUILD_DIR, '.source-hash');

export interface AdminCredentials {
  email: string;
  password: string;
}

/** The first admin, registered through the UI by admin-register.spec. */
export const FIRST_ADMIN = {
  firstname: 'Erika',
  lastname: 'Redaktion',
  email: 'redaktion@bildungsbuero.example',
  password: 'Bildung-2026-Check',
};

const listFiles = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) =>
          entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]
        )
    : [];

/** Modules of the plugin's server side that admin sources import (e.g. the subscriber reader). */
const serverImports = (files: string[]) =>
  files.flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']*\/server\/src\/[^']+)'/g)].flatMap(
      (match) => {
        const target = path.resolve(path.dirname(file), match[1]);
        // a module, or a folder of modules (its index re-exports them)
        return fs.existsSync(`${target}.ts`) ? [`${target}.ts`] : listFiles(target);
      }
    )
  );

/** A hash of everything the admin bundle is built from. */
const adminSourceHash = () => {
  const pluginDirs = fs
    .readdirSync(path.join(APP_DIR, 'plugins'))
    .map((name) => path.join(APP_DIR, 'plugins', name));
  const files = [
    ...listFiles(path.join(APP_DIR, 'src', 'admin')),
    ...pluginDirs.flatMap((dir) => {
      const admin = listFiles(path.join(dir, 'admin', 'src'));
      return [...admin, ...serverImports(admin), path.join(dir, 'package.json')];
    }),
    path.join(APP_DIR, 'config', 'plugins.ts'),
    path.join(APP_DIR, 'config', 'admin.ts'),
    path.join(APP_DIR, 'package-lock.json'),
  ]
    .filter((file) => fs.existsSync(file))
    .sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(APP_DIR, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
};

/**
 * Builds the admin panel into dist/build (`strapi build`, ~30–45 s) unless a build from the same
 * sources is there. Must run before Strapi boots: Strapi picks the folder it serves at boot.
 * Parallel builds in one checkout are serialised with flock when it is available.
 */
export const ensureAdminBuild = () => {
  const hash = adminSourceHash();
  if (
    fs.existsSync(path.join(BUILD_DIR, 'index.html')) &&
    fs.existsSync(HASH_FILE) &&
    fs.readFileSync(HASH_FILE, 'utf8') === hash
  )
    return;
  const started = Date.now();
  const strapiBin = path.join(APP_DIR, 'node_modules', '.bin', 'strapi');
  const flock = ['/usr/bin/flock', '/bin/flock'].find((file) => fs.existsSync(file));
  const [command, args] = flock
    ? [flock, ['/tmp/strapi-admin-build.lock', strapiBin, 'build']]
    : [strapiBin, ['build']];
  execFileSync(command, args, {
    cwd: APP_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  fs.writeFileSync(HASH_FILE, hash);
  console.log(`Admin panel built for the browser tests in ${Date.now() - started} ms`);
};

/**
 * The admin as an editor meets it. The language is left to the app (German by default, which
 * the registration spec checks); only the guided tour is switched off.
 */
const withoutGuidedTour = async (context: BrowserContext) => {
  await context.addInitScript(() => {
    try {
      // the guided tour of a fresh installation would cover the pages
      window.localStorage.setItem(
        'STRAPI_GUIDED_TOUR',
        JSON.stringify({ enabled: false, completedActions: [], tours: {} })
      );
    } catch {
      // sandboxed frames (the newsletter preview) have no localStorage
    }
  });
};

const newContext = async (browser: Browser, storageState?: string, locale = 'de-DE') => {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale,
    timezoneId: 'Europe/Berlin',
    ...(storageState ? { storageState: JSON.parse(storageState) } : {}),
  });
  await withoutGuidedTour(context);
  return context;
};

let firstAdminRegistered = false;

/** Registers the first admin through the admin's own form (fails if an admin exists already). */
export const registerFirstAdmin = async (browser: Browser): Promise<Page> => {
  const base = await serverUrl();
  // an English browser: the admin's German must not depend on the browser's language
  const context = await newContext(browser, undefined, 'en-US');
  const page = await context.newPage();
  await page.goto(`${base}/admin/`);
  await page.waitForURL(/\/admin\/auth\/register-admin/, { timeout: 60_000 });
  // Strapi's registration page, in German (formal, as the app words it)
  await page.getByRole('button', { name: 'Konto anlegen' }).waitFor({ timeout: 60_000 });
  await page.fill('input[name=firstname]', FIRST_ADMIN.firstname);
  await page.fill('input[name=lastname]', FIRST_ADMIN.lastname);
  await page.fill('input[name=email]', FIRST_ADMIN.email);
  await page.fill('input[name=password]', FIRST_ADMIN.password);
  await page.fill('input[name=confirmPassword]', FIRST_ADMIN.password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  firstAdminRegistered = true;
  sessions.set(FIRST_ADMIN.email, JSON.stringify(await context.storageState()));
  return page;
};

/** Login state per address, so each user logs in once per run. */
const sessions = new Map<string, string>();

/**
 * A page of a logged-in admin (German UI). Without credentials: the first admin, created
 * directly if no spec registered it through the UI (e.g. when running a single spec).
 */
export const adminPage = async (
  browser: Browser,
  credentials: AdminCredentials = FIRST_ADMIN
): Promise<Page> => {
  const base = await serverUrl();
  if (credentials === FIRST_ADMIN && !firstAdminRegistered && !sessions.has(FIRST_ADMIN.email)) {
    await ensureAdminUser(FIRST_ADMIN, null);
  }
  const saved = sessions.get(credentials.email);
  const context = await newContext(browser, saved);
  const page = await context.newPage();
  if (saved) {
    await page.goto(`${base}/admin/`);
    await page.getByRole('navigation').first().waitFor({ timeout: 60_000 });
    return page;
  }
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name=email]', credentials.email);
  await page.fill('input[name=password]', credentials.password);
  await page.getByRole('checkbox').first().check();
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  await page.getByRole('navigation').first().waitFor({ timeout: 60_000 });
  sessions.set(credentials.email, JSON.stringify(await context.storageState()));
  return page;
};

/** Creates an active admin user with the given role id (null: super admin) unless it exists. */
const ensureAdminUser = async (
  credentials: AdminCredentials & { firstname?: string; lastname?: string },
  roleId: number | null
) => {
  const strapi = getStrapi();
  const existing = await strapi.db
    .query('admin::user')
    .findOne({ where: { email: credentials.email } });
  if (existing) return existing;
  const role = roleId ?? (await strapi.service('admin::role').getSuperAdmin()).id;
  return strapi.service('admin::user').create({
    email: credentials.email,
    firstname: credentials.firstname ?? 'Test',
    lastname: credentials.lastname ?? 'Redaktion',
    password: credentials.password,
    isActive: true,
    roles: [role],
  });
};

/**
 * An admin whose role grants only the given actions (full ids, e.g.
 * `plugin::newsletter.issues.read`), as a county would set up an "editor without send" role.
 */
export const createRestrictedAdmin = async ({
  email,
  actions,
  roleName = `Eingeschränkt ${email}`,
}: {
  email: string;
  actions: string[];
  roleName?: string;
}): Promise<AdminCredentials> => {
  const strapi = getStrapi();
  const roles = strapi.service('admin::role');
  const role = await roles.create({ name: roleName, description: 'Rolle für Tests' });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, conditions: [], properties: {} }))
  );
  const credentials = { email, password: 'Nur-Lesen-2026-ok' };
  await ensureAdminUser(credentials, role.id);
  return credentials;
};

/** The admin JWT of a user, for calling admin routes directly (logs in once per address). */
export const adminApiToken = async (credentials: AdminCredentials): Promise<string> => {
  const cached = apiTokens.get(credentials.email);
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const request = require('supertest');
  const response = await request(getStrapi().server.httpServer)
    .post('/admin/login')
    .send(credentials)
    .expect(200);
  const token = (response.body.data.accessToken ?? response.body.data.token) as string;
  apiTokens.set(credentials.email, token);
  return token;
};
const apiTokens = new Map<string, string>();
