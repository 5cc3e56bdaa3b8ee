/**
 * Boots one real Strapi for the whole integration run, on a throw-away database:
 * - SQLite: a new file in a temporary folder (never the developer's .tmp/data.db);
 * - PostgreSQL when DATABASE_URL is set: a new database created on that server and dropped after.
 * The developer's .env is not read (ENV_PATH points at a file that does not exist), so nothing in
 * it can redirect the tests to a real database.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import { ensureAdminBuild } from './admin';
import { startMailSink, type MailSink } from './mail-sink';

const APP_DIR = path.resolve(__dirname, '..', '..');

let instance: Core.Strapi | undefined;
let cleanup: (() => Promise<void>) | undefined;
let mailSink: MailSink | undefined;

/** Fixed so tests can sign tokens the way the server does. */
export const TEST_NEWSLETTER_SECRET = crypto.randomBytes(32).toString('base64');

const testSecret = () => crypto.randomBytes(24).toString('base64');

const preparePostgres = async (url: string) => {
  const name = `cms_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  process.env.DATABASE_CLIENT = 'postgres';
  process.env.DATABASE_URL = testUrl.toString();
  return async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
};

export const setupStrapi = async (): Promise<Core.Strapi> => {
  if (instance) return instance;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-test-'));
  Object.assign(process.env, {
    NODE_ENV: 'test',
    ENV_PATH: path.join(tmp, 'no.env'),
    APP_KEYS: [testSecret(), testSecret()].join(','),
    API_TOKEN_SALT: testSecret(),
    ADMIN_JWT_SECRET: testSecret(),
    TRANSFER_TOKEN_SALT: testSecret(),
    JWT_SECRET: testSecret(),
    ENCRYPTION_KEY: testSecret(),
    NEWSLETTER_SECRET: TEST_NEWSLETTER_SECRET,
    PUBLIC_URL: 'http://cms.test',
    MAIL_FROM: 'Bildungsbüro Test <newsletter@bildungsbuero.example>',
    NEWSLETTER_RATE_LIMIT_MAX: '100000',
    // Specs that test the limits lower them for themselves (a suite faster than a minute would
    // otherwise run into the self-check's 60 requests a minute per route).
    EMPLOYER_CHECK_RATE_LIMIT_MAX: '100000',
    FRAME_ANCESTORS: 'https://www.landkreis.example',
    // Tests drive the scheduler's tick and the digest themselves.
    NEWSLETTER_SCHEDULER: 'false',
    // ... and the daily data minimisation (with a clock of their own)
    NEWSLETTER_RETENTION: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
  });

  mailSink = await startMailSink();
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailSink.port),
    SMTP_SECURE: 'false',
    SMTP_TIMEOUT_MS: '2000',
  });

  const dropDatabase = process.env.DATABASE_URL
    ? await preparePostgres(process.env.DATABASE_URL)
    : undefined;
  if (!dropDatabase) {
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = path.join(tmp, 'test.db');
  }
  cleanup = async () => {
    if (dropDatabase) await dropDatabase();
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  // The admin browser specs need the admin bundle; Strapi picks the folder it serves at boot.
  if (fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) ensureAdminBuild();

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appContext = await compileStrapi({ appDir: APP_DIR });
  instance = (await createStrapi({ ...appContext, autoReload: false }).load()) as Core.Strapi;
  instance.server.mount();
  return instance;
};

export const teardownStrapi = async (): Promise<void> => {
  if (instance) {
    await instance.destroy();
    instance = undefined;
  }
  if (mailSink) {
    await mailSink.stop().catch(() => undefined);
    mailSink = undefined;
  }
  if (cleanup) await cleanup();
};

export const getMailSink = (): MailSink => {
  if (!mailSink) throw new Error('The mail sink starts with setupStrapi()');
  return mailSink;
};

export const getStrapi = (): Core.Strapi => {
  if (!instance) throw new Error('Strapi is not booted: call setupStrapi() first');
  return instance;
};

/** A full-access API token, as an integration client (e.g. an import job) would use. */
export const createFullAccessToken = async (name = 'integration-tests'): Promise<string> => {
  const token = await getStrapi()
    .service('admin::api-token')
    .create({ name, description: '', type: 'full-access', lifespan: null });
  return token.accessKey as string;
};

const adminTokens = new Map<string, string>();

/**
 * Logs in a (new) super admin and returns the bearer token for admin routes. Cached: the admin
 * login is rate-limited (5 attempts per few minutes), and specs ask for a token often.
 */
export const createAdminToken = async (email = 'admin.tests@bildungsbuero.example') => {
  const cached = adminTokens.get(email);
  if (cached) return cached;
  const strapi = getStrapi();
  const password = 'Test-Passwort-123';
  const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
  if (!existing) {
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({
      email,
      firstname: 'Test',
      lastname: 'Admin',
      password,
      isActive: true,
      roles: [superAdmin.id],
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const request = require('supertest');
  const response = await request(strapi.server.httpServer)
    .post('/admin/login')
    .send({ email, password })
    .expect(200);
  const token = (response.body.data.accessToken ?? response.body.data.token) as string;
  adminTokens.set(email, token);
  return token;
};
