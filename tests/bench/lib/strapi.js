/**
 * A real Strapi for a benchmark's child process, on a throw-away database: a new SQLite file in
 * a temporary folder, or, when DATABASE_URL is set, a new PostgreSQL database on that server
 * (dropped again by `cleanup`). Secrets are generated, the developer's .env is not read, request
 * logging is at `warn`. `env` adds the benchmark's own settings (configuration, not code).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..', '..', '..');

const bootBenchStrapi = async ({ name, env = {} }) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const secret = () => crypto.randomBytes(32).toString('base64');
  Object.assign(process.env, {
    NODE_ENV: 'test',
    ENV_PATH: path.join(tmp, 'no.env'),
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    NEWSLETTER_SECRET: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    PUBLIC_URL: 'https://cms.example.org',
    ...(typeof env === 'function' ? env(tmp) : env),
  });
  let dropDatabase = async () => undefined;
  let databaseName = null;
  if (process.env.DATABASE_URL) {
    const { Client } = require('pg');
    databaseName = `cms_${name.replace(/-/g, '_')}_${process.pid}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    const base = url.toString();
    url.pathname = `/${databaseName}`;
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() });
    dropDatabase = async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await client.end();
    };
  } else {
    Object.assign(process.env, {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(tmp, 'bench.db'),
    });
  }

  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appContext = await compileStrapi({ appDir: APP_DIR });
  const strapi = await createStrapi({ ...appContext, autoReload: false }).load();
  // Request logging (level http) would write a line per request; the figures are for the code.
  strapi.log.level = 'warn';
  return {
    strapi,
    tmp,
    databaseName,
    /** Stops Strapi, drops the database, removes the temporary folder. */
    async cleanup() {
      await strapi.destroy();
      await dropDatabase();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
};

module.exports = { APP_DIR, bootBenchStrapi };
