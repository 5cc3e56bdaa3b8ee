#!/usr/bin/env node
/**
 * Production mode, end to end: `npm run test:production` (PostgreSQL; CI runs it once).
 *
 * On a throw-away PostgreSQL database created on the server DATABASE_URL names (dropped after),
 * this builds what `npm run build` builds (the admin panel only when its sources changed, with the
 * browser tests' hash-based cache in tests/helpers/admin.ts; the server code every time), then
 * runs `strapi start` with NODE_ENV=production, random secrets and a free loopback port as a
 * child process, and checks from outside what a deployment relies on:
 * - a start without secrets is refused with a message naming them (stderr, exit code ≠ 0);
 * - the built admin panel, the public pages and the REST API answer;
 * - no demo content is seeded in production;
 * - text responses are compressed (br, gzip) as the client accepts, and decode to the file;
 * - files in public/ carry cache headers, If-Modified-Since answers 304;
 * - /_ready answers 200, and 503 with Retry-After while PostgreSQL refuses the database's
 *   connections (sessions terminated, ALLOW_CONNECTIONS false), 200 again after; /_health stays
 *   204 throughout;
 * - SIGTERM stops the server.
 * Every check is printed; the last line counts them. Without DATABASE_URL, or with a server that
 * cannot be reached, it prints a notice and exits 0.
 */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { Client } = require('pg');

const APP_DIR = path.resolve(__dirname, '..', '..');
const PUBLIC_DIR = path.join(APP_DIR, 'public');
const STRAPI_BIN = path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

const results = [];
const record = (ok, name, detail = '') => {
  results.push({ ok, name });
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
};
/** Runs one check; an exception is a failure with its message. */
const check = async (name, fn) => {
  try {
    const detail = await fn();
    record(true, name, typeof detail === 'string' ? detail : '');
  } catch (error) {
    record(false, name, error instanceof Error ? error.message : String(error));
  }
};
const expect = (condition, message) => {
  if (!condition) throw new Error(message);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secret = () => crypto.randomBytes(32).toString('base64');

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** A raw HTTP request: headers as sent, the body as bytes (nothing decompressed). */
const request = (port, urlPath, { method = 'GET', headers = {}, timeoutMs = 10000 } = {}) =>
  new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, method, headers, timeout: timeoutMs },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) })
        );
        res.on('error', reject);
      }
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath}: no answer in time`)));
    req.on('error', reject);
    req.end();
  });

const decode = (res) => {
  switch (res.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(res.body);
    case 'gzip':
      return zlib.gunzipSync(res.body);
    case undefined:
      return res.body;
    default:
      throw new Error(`unexpected Content-Encoding ${res.headers['content-encoding']}`);
  }
};

/** Spawns `strapi start`; output goes to a log file; resolves `exited` with the exit code. */
const startStrapi = (env, logFile) => {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: APP_DIR,
    env,
    stdio: ['ignore', log, 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    fs.appendFileSync(logFile, chunk);
  });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      fs.closeSync(log);
      resolve({ code, signal });
    })
  );
  return { child, exited, stderr: () => stderr };
};

const tail = (file, lines = 40) =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';

/** Builds what `npm run build` builds, reusing the admin build when its sources are unchanged. */
const build = async () => {
  // tests/helpers/admin.ts is TypeScript; esbuild-register (a dependency of Strapi's tooling)
  // loads it without a separate compile step.
  const { register } = require('esbuild-register/dist/node');
  const { unregister } = register({ target: 'node20' });
  const started = Date.now();
  const hashFile = path.join(APP_DIR, 'dist', 'build', '.source-hash');
  const before = fs.existsSync(hashFile) ? fs.readFileSync(hashFile, 'utf8') : '';
  require('../helpers/admin').ensureAdminBuild();
  unregister();
  const rebuilt = (fs.existsSync(hashFile) ? fs.readFileSync(hashFile, 'utf8') : '') !== before;
  console.log(
    `admin panel: ${rebuilt ? `built (strapi build) in ${Date.now() - started} ms` : 'unchanged sources, dist/build reused'}`
  );
  const compiled = Date.now();
  // The server code (config/, src/) into dist/, as `strapi build` and the test harness do.
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });
  console.log(`server code compiled into dist/ in ${Date.now() - compiled} ms`);
};

const main = async () => {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    console.log('test:production skipped: DATABASE_URL is not set (it needs PostgreSQL).');
    return 0;
  }
  const connect = async (connectionString) => {
    const client = new Client({ connectionString, connectionTimeoutMillis: 5000 });
    await client.connect();
    return client;
  };
  let admin;
  try {
    admin = await connect(baseUrl);
    await admin.query('select 1');
  } catch (error) {
    console.log(
      `test:production skipped: PostgreSQL at DATABASE_URL cannot be reached (${error.message}).`
    );
    return 0;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-production-'));
  const databaseName = `cms_production_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const logFile = path.join(tmp, 'strapi.log');
  let server;
  try {
    await admin.query(`CREATE DATABASE ${databaseName}`);
    const dbUrl = new URL(baseUrl);
    dbUrl.pathname = `/${databaseName}`;
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME || tmp,
      NODE_ENV: 'production',
      // the developer's .env is never read
      ENV_PATH: path.join(tmp, 'no.env'),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: dbUrl.toString(),
      APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
      API_TOKEN_SALT: secret(),
      ADMIN_JWT_SECRET: secret(),
      TRANSFER_TOKEN_SALT: secret(),
      JWT_SECRET: secret(),
      ENCRYPTION_KEY: secret(),
      NEWSLETTER_SECRET: secret(),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MAIL_DIR: path.join(tmp, 'mail'),
      // asks for demo content: production must ignore it
      SEED_DEMO_CONTENT: 'true',
      STRAPI_TELEMETRY_DISABLED: 'true',
    };

    // `strapi build` loads the configuration, which refuses production without secrets: it gets
    // the environment the server gets, as on a real server.
    const { PATH, HOME, ...buildEnv } = env;
    void PATH;
    void HOME;
    Object.assign(process.env, buildEnv);
    await build();

    console.log(`checks (strapi start, NODE_ENV=production, PostgreSQL ${databaseName}):`);

    await check('a start without APP_KEYS and NEWSLETTER_SECRET is refused', async () => {
      const { APP_KEYS, NEWSLETTER_SECRET, ...rest } = env;
      void APP_KEYS;
      void NEWSLETTER_SECRET;
      const refused = startStrapi(rest, path.join(tmp, 'refused.log'));
      const outcome = await Promise.race([refused.exited, sleep(90000).then(() => null)]);
      if (!outcome) {
        refused.child.kill('SIGKILL');
        throw new Error('still running after 90 s');
      }
      const message =
        /Refusing to start in production without real secrets: APP_KEYS, NEWSLETTER_SECRET/;
      expect(outcome.code !== 0 && outcome.code !== null, `exit code ${outcome.code}`);
      expect(message.test(refused.stderr()), `stderr: ${refused.stderr().slice(0, 500)}`);
      return `exit code ${outcome.code}, stderr names both`;
    });

    const booted = Date.now();
    server = startStrapi(env, logFile);
    let healthy = false;
    while (!healthy && Date.now() - booted < 180000) {
      const exited = await Promise.race([server.exited, sleep(500).then(() => null)]);
      if (exited) throw new Error(`strapi start exited (${exited.code}):\n${tail(logFile)}`);
      healthy = await request(port, '/_health', { timeoutMs: 2000 })
        .then((res) => res.status === 204)
        .catch(() => false);
    }
    await check('strapi start answers GET /_health with 204', () => {
      expect(healthy, `not healthy after 180 s:\n${tail(logFile)}`);
      return `healthy ${Date.now() - booted} ms after start`;
    });
    if (!healthy) throw new Error('not healthy');

    await check('GET /_ready answers 200 {"status":"ok"}, Cache-Control: no-store', async () => {
      const res = await request(port, '/_ready');
      expect(res.status === 200, `status ${res.status}`);
      expect(JSON.parse(res.body).status === 'ok', `body ${res.body}`);
      expect(res.headers['cache-control'] === 'no-store', res.headers['cache-control']);
    });

    await check('GET /admin serves the built admin panel and its scripts', async () => {
      const res = await request(port, '/admin', { headers: { 'Accept-Encoding': 'br' } });
      expect(res.status === 200, `status ${res.status}`);
      const html = decode(res).toString('utf8');
      expect(/text\/html/.test(res.headers['content-type']), res.headers['content-type']);
      expect(html.includes('<div id="strapi">'), 'no <div id="strapi"> in the page');
      const script = /<script type="module" src="([^"]+)"/.exec(html);
      expect(script, 'no module script in the page');
      const js = await request(port, script[1], { headers: { 'Accept-Encoding': 'br, gzip' } });
      expect(js.status === 200, `${script[1]}: status ${js.status}`);
      expect(js.headers['content-encoding'] === 'br', `${script[1]} not compressed with br`);
      return `${script[1]}: ${js.body.length} bytes br, ${decode(js).length} decoded`;
    });

    for (const [url, text] of [
      ['/', 'Fachkräfteoffensive'],
      ['/newsletter/', 'Newsletter'],
      ['/selbstcheck/', 'Selbstcheck'],
    ]) {
      await check(`GET ${url} answers the public page`, async () => {
        const res = await request(port, url);
        expect(res.status === 200, `status ${res.status}`);
        expect(/text\/html/.test(res.headers['content-type']), res.headers['content-type']);
        expect(res.body.toString('utf8').includes(text), `no "${text}" in the page`);
      });
    }

    await check('the REST API answers, and no demo content was seeded', async () => {
      const counts = [];
      for (const name of ['offers', 'practice-examples', 'employer-tips', 'municipalities']) {
        const res = await request(port, `/api/${name}`);
        expect(res.status === 200, `/api/${name}: status ${res.status}`);
        const body = JSON.parse(res.body);
        expect(Array.isArray(body.data), `/api/${name}: no data array`);
        counts.push(`${name} ${body.meta.pagination.total}`);
        expect(body.meta.pagination.total === 0, `/api/${name}: ${body.meta.pagination.total}`);
      }
      expect(!/Demo content seeded/.test(fs.readFileSync(logFile, 'utf8')), 'log says seeded');
      return counts.join(', ');
    });

    await check('JSON from the API is compressed (gzip) when accepted', async () => {
      const url = '/api/employer-check/questionnaire';
      const plain = await request(port, url);
      const zipped = await request(port, url, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(plain.status === 200 && zipped.status === 200, `status ${zipped.status}`);
      expect(!plain.headers['content-encoding'], 'compressed without Accept-Encoding');
      expect(zipped.headers['content-encoding'] === 'gzip', 'no Content-Encoding: gzip');
      expect(/Accept-Encoding/i.test(zipped.headers.vary), `Vary: ${zipped.headers.vary}`);
      expect(decode(zipped).equals(plain.body), 'decoded body differs');
      return `${url}: ${plain.body.length} → ${zipped.body.length} bytes`;
    });

    await check('CSS is compressed with br or gzip as accepted, identity otherwise', async () => {
      const file = fs.readFileSync(path.join(PUBLIC_DIR, 'assets', 'site.css'));
      const sizes = [];
      for (const [accept, expected] of [
        ['br;q=1.0, gzip;q=0.8', 'br'],
        ['gzip', 'gzip'],
        [undefined, undefined],
      ]) {
        const res = await request(port, '/assets/site.css', {
          headers: accept ? { 'Accept-Encoding': accept } : {},
        });
        expect(res.status === 200, `status ${res.status}`);
        expect(
          res.headers['content-encoding'] === expected,
          `Accept-Encoding ${accept}: Content-Encoding ${res.headers['content-encoding']}`
        );
        expect(decode(res).equals(file), `${expected ?? 'identity'}: body differs from the file`);
        sizes.push(`${expected ?? 'identity'} ${res.body.length}`);
      }
      return `site.css bytes: ${sizes.join(', ')}`;
    });

    await check('public assets: max-age 1 h; HTML: 60 s; If-Modified-Since → 304', async () => {
      const css = await request(port, '/assets/site.css');
      expect(css.headers['cache-control'] === 'public, max-age=3600', css.headers['cache-control']);
      const js = await request(port, '/assets/js/shared/api.js');
      expect(js.headers['cache-control'] === 'public, max-age=3600', js.headers['cache-control']);
      const html = await request(port, '/selbstcheck/');
      expect(html.headers['cache-control'] === 'max-age=60', html.headers['cache-control']);
      const again = await request(port, '/assets/site.css', {
        headers: { 'If-Modified-Since': css.headers['last-modified'] },
      });
      expect(again.status === 304 && again.body.length === 0, `status ${again.status}`);
      return `css "${css.headers['cache-control']}", html "${html.headers['cache-control']}"`;
    });

    await check('/_ready: 503 with Retry-After while PostgreSQL refuses, 200 after', async () => {
      await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS false`);
      let reopened = false;
      try {
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
          [databaseName]
        );
        const asked = Date.now();
        const down = await request(port, '/_ready');
        const took = Date.now() - asked;
        expect(down.status === 503, `status ${down.status}: ${down.body}`);
        expect(
          Number(down.headers['retry-after']) > 0,
          `Retry-After ${down.headers['retry-after']}`
        );
        expect(down.headers['cache-control'] === 'no-store', down.headers['cache-control']);
        expect(took < 3000, `answered after ${took} ms`);
        const health = await request(port, '/_health');
        expect(health.status === 204, `/_health ${health.status} while the database is away`);
        const reason = JSON.parse(down.body).reason;

        await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
        reopened = true;
        const back = Date.now();
        let status = 0;
        while (status !== 200 && Date.now() - back < 30000) {
          status = (await request(port, '/_ready')).status;
          if (status !== 200) await sleep(250);
        }
        expect(status === 200, `still ${status} 30 s after connections were allowed again`);
        return `503 after ${took} ms (${reason}), 200 again ${Date.now() - back} ms after`;
      } finally {
        if (!reopened) await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
      }
    });

    await check('SIGTERM stops the server', async () => {
      const asked = Date.now();
      server.child.kill('SIGTERM');
      const outcome = await Promise.race([server.exited, sleep(30000).then(() => null)]);
      expect(outcome, 'still running 30 s after SIGTERM');
      server = undefined;
      return `exit code ${outcome.code}${outcome.signal ? ` (${outcome.signal})` : ''} after ${Date.now() - asked} ms`;
    });
  } catch (error) {
    record(false, 'run', error instanceof Error ? error.message : String(error));
  } finally {
    if (server) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await admin
      .query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
      .catch((error) => console.log(`could not drop ${databaseName}: ${error.message}`));
    await admin.end();
  }
  const failed = results.filter((result) => !result.ok).length;
  if (failed) console.log(`server log: ${logFile}\n${tail(logFile, 30)}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`production: ${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
