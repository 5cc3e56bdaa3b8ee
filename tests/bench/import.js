#!/usr/bin/env node
/**
 * Subscriber import benchmark: `npm run bench:import [-- --rows=50000 | --quick | --form=raw]`.
 *
 * A child process boots a real Strapi on a throw-away database (SQLite, or PostgreSQL when
 * DATABASE_URL is set), listens on 127.0.0.1 and imports one CSV file of `--rows` lines through
 * the real admin route `POST /newsletter/subscribers/import` with an admin's token: by default
 * as JSON `{ csv }` parts of at most 900 KB, each with the header line, one after the other (as
 * the admin page sends large files); with `--form=raw` as one `text/csv` body (the import limit
 * is raised to 64 MB for the benchmark). The file is a mix: 40 % new with consent (→ active), 30 % new without consent
 * (→ pending, a confirmation mail queued in the outbox), 10 % repeated addresses of the same
 * file, 5 % addresses already subscribed, 5 % unsubscribed addresses with consent after the
 * unsubscribe (→ re-activated), 5 % erased addresses without new consent (suppression list), 5 %
 * invalid lines (address or topic). The outbox timer is stopped during the import, so the figure
 * is the import's own; the queued mails are counted, not sent.
 *
 * Measured in the same run, as the baselines:
 *   - "read only": the same file through the plugin's CSV reader, no database;
 *   - "insert floor": the same number of minimal subscriber rows written with knex
 *     `batchInsert` in chunks of 500, one transaction per chunk, no checks (what the database
 *     needs at least to store that many rows).
 * Printed: rows/s of the import and both baselines, their ratios, the child's peak RSS, and the
 * anchor figure (listmonk's maintainer quotes about 10,000 rows/s for its importer; not measured
 * here). The run fails only when the report or the database disagree with the file (every line
 * counted once, statuses, outbox rows). Nothing asserts a wall-clock limit.
 */
const { fork } = require('child_process');
const crypto = require('crypto');
const http = require('http');
const os = require('os');
const path = require('path');

const { APP_DIR, bootBenchStrapi } = require('./lib/strapi');
const PART_BYTES = 900 * 1024;
const ANCHOR = 10_000;

const arg = (name) => process.argv.find((value) => value.startsWith(`--${name}=`))?.split('=')[1];

// ---------------------------------------------------------------------------------------------
// The file: one line per index j, its kind decided by j % 20
// ---------------------------------------------------------------------------------------------
const HEADER = 'email,name,organisation,topics,consentAt,consentIp';
const kindOf = (j) => {
  const r = j % 20;
  if (r < 8) return 'consent';
  if (r < 14) return 'pending';
  if (r < 16) return 'duplicate';
  if (r === 16) return 'exists';
  if (r === 17) return 'reactivate';
  if (r === 18) return 'erased';
  return 'invalid';
};
const addressOf = (j) => `import${j}@subscribers.example.org`;
const lineOf = (j) => {
  const name = j % 3 === 0 ? `"Müller, Jörg ${j}"` : `Leserin ${j}`;
  const org = j % 4 === 0 ? 'Bäckerei Größe GmbH' : '';
  switch (kindOf(j)) {
    case 'consent':
      return `${addressOf(j)},${name},${org},offers;employer-tips,2026-01-15T10:00:00Z,192.0.2.${j % 250}`;
    case 'pending':
      return `${addressOf(j)},${name},${org},practice-examples,,`;
    case 'duplicate':
      // an address of a line with consent a few lines before (same part)
      return `${addressOf(j - (j % 20))},${name},,offers,2026-01-15,`;
    case 'exists':
      return `${addressOf(j)},${name},,offers,,`;
    case 'reactivate':
      return `${addressOf(j)},${name},,offers,2026-06-01T08:00:00Z,`;
    case 'erased':
      return `${addressOf(j)},${name},,offers,,`;
    default:
      return j % 40 === 19
        ? `kaputt-${j}-ohne-at,${name},,offers,,`
        : `${addressOf(j)},${name},,astrologie,,`;
  }
};
const expected = (rows) => {
  const count = (kinds) =>
    Array.from({ length: rows }, (_, j) => kindOf(j)).filter((kind) => kinds.includes(kind)).length;
  return {
    active: count(['consent']),
    pending: count(['pending']),
    reactivated: count(['reactivate']),
    skipped: count(['duplicate', 'exists', 'erased']),
    rejected: count(['invalid']),
  };
};

/** JSON parts of at most PART_BYTES, each with the header (lines hold no line breaks here). */
const partsOf = (lines) => {
  const parts = [];
  let current = [];
  let size = 0;
  const bytes = (text) => Buffer.byteLength(JSON.stringify(text));
  for (const line of lines) {
    const add = bytes(`${line}\n`);
    if (current.length && size + add > PART_BYTES) {
      parts.push(current);
      current = [];
      size = 0;
    }
    if (!current.length) size = bytes(`{"csv":"${HEADER}\n"}`);
    current.push(line);
    size += add;
  }
  if (current.length) parts.push(current);
  return parts.map((part) => `${HEADER}\n${part.join('\n')}\n`);
};

// ---------------------------------------------------------------------------------------------
// Parent: the report
// ---------------------------------------------------------------------------------------------
const runParent = async () => {
  const rows = Number(arg('rows') ?? (process.argv.includes('--quick') ? 2000 : 50_000));
  const form = arg('form') ?? 'parts';
  const loadBefore = os.loadavg();
  const startedAt = new Date();
  const child = fork(__filename, ['--child', `--rows=${rows}`, `--form=${form}`], {
    cwd: APP_DIR,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const result = await new Promise((resolve, reject) => {
    child.on('message', resolve);
    child.on('exit', (code) => code && reject(new Error(`bench child exited with ${code}`)));
  });
  await new Promise((resolve) => child.on('exit', resolve));
  const loadAfter = os.loadavg();
  const load = (values) => values.map((v) => v.toFixed(2)).join(' ');
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const rate = (seconds) => rows / seconds;
  console.log(
    `\nSubscriber import benchmark (${os.cpus().length} cores, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${rows.toLocaleString('en')} rows, ${(result.fileBytes / 1024 / 1024).toFixed(1)} MB ${form === 'raw' ? 'as one text/csv body' : `in ${result.parts} JSON parts`})`
  );
  console.log(
    `${startedAt.toISOString().slice(0, 16)}–${new Date().toISOString().slice(11, 16)} UTC; load average before ${load(loadBefore)}, after ${load(loadAfter)}\n`
  );
  console.log(line(['what', 'seconds', 'rows/s', '÷ insert floor', '÷ anchor (10,000 rows/s)']));
  console.log(line(Array(5).fill('---')));
  for (const [label, seconds] of [
    ['import through the admin route', result.importSeconds],
    ['read only (CSV reader, no database)', result.readSeconds],
    ['insert floor (knex batchInsert, no checks)', result.floorSeconds],
  ]) {
    console.log(
      line([
        label,
        seconds.toFixed(2),
        Math.round(rate(seconds)).toLocaleString('en'),
        (rate(seconds) / rate(result.floorSeconds)).toFixed(2),
        (rate(seconds) / ANCHOR).toFixed(2),
      ])
    );
  }
  console.log(
    `\npeak RSS of the Strapi process ${result.peakRssMb.toFixed(0)} MB (before the import ${result.rssBeforeMb.toFixed(0)} MB); ` +
      `SQL statements during the import ${result.statements.toLocaleString('en')} (${(result.statements / rows).toFixed(2)} per row)`
  );
  const r = result.report;
  console.log(
    `report: rows ${r.rows}, active ${r.created.active}, pending ${r.created.pending}, reactivated ${r.reactivated}, ` +
      `skipped ${r.skipped}, rejected ${r.rejected}; outbox rows queued ${result.outboxQueued}`
  );
  if (result.problems.length) {
    console.log(`\nFAILED checks:\n${result.problems.map((p) => `- ${p}`).join('\n')}`);
  }
  process.exit(result.problems.length ? 1 : 0);
};

// ---------------------------------------------------------------------------------------------
// Child: one Strapi
// ---------------------------------------------------------------------------------------------
const post = (port, token, body, type = 'application/json') =>
  new Promise((resolve, reject) => {
    const payload = Buffer.from(type === 'application/json' ? JSON.stringify(body) : body);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/newsletter/subscribers/import',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': type,
          'Content-Length': payload.length,
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200)
            reject(new Error(`import answered ${response.statusCode}: ${text.slice(0, 500)}`));
          else resolve(JSON.parse(text).data);
        });
      }
    );
    request.on('error', reject);
    request.end(payload);
  });

const runChild = async () => {
  const rows = Number(arg('rows'));
  const form = arg('form');
  const { strapi, cleanup } = await bootBenchStrapi({
    name: 'bench-import',
    env: (tmp) => ({
      NEWSLETTER_SCHEDULER: 'false',
      NEWSLETTER_DIGEST: 'false',
      MAIL_DIR: path.join(tmp, 'mail'),
      NEWSLETTER_IMPORT_MAX_MB: '64',
    }),
  });
  const newsletter = strapi.plugin('newsletter');
  // The confirmation mails are queued by the import and counted; sending them is not measured.
  await newsletter.service('outbox').stop();
  const knex = strapi.db.connection;
  const table = (uid) => strapi.db.metadata.get(uid).tableName;
  const SUBSCRIBERS = table('plugin::newsletter.subscriber');
  const OUTBOX = table('plugin::newsletter.outbox-mail');
  const SUPPRESSIONS = table('plugin::newsletter.suppression');
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  strapi.server.mount();
  const port = strapi.server.httpServer.address().port;

  // an admin and its token
  const email = 'bench.import@bildungsbuero.example';
  const password = 'Bench-Passwort-123';
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Bench',
    lastname: 'Import',
    password,
    isActive: true,
    roles: [superAdmin.id],
  });
  const login = await new Promise((resolve, reject) => {
    const payload = JSON.stringify({ email, password });
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/admin/login',
        headers: { 'Content-Type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
      }
    );
    request.on('error', reject);
    request.end(payload);
  });
  const token = login.data.accessToken ?? login.data.token;

  // what the database holds before: subscribed, unsubscribed and erased addresses of the file
  const now = new Date();
  const seed = [];
  const hashes = [];
  const tokens = newsletter.service('tokens');
  for (let j = 0; j < rows; j += 1) {
    const kind = kindOf(j);
    if (kind === 'exists' || kind === 'reactivate') {
      seed.push({
        document_id: crypto.randomBytes(12).toString('hex'),
        email: addressOf(j),
        topics: JSON.stringify(['offers']),
        status: kind === 'exists' ? (j % 40 === 16 ? 'active' : 'pending') : 'unsubscribed',
        source: 'form',
        bounce_count: 0,
        unsubscribed_at: kind === 'reactivate' ? new Date('2026-03-01T00:00:00Z') : null,
        created_at: now,
        updated_at: now,
        published_at: now,
      });
    } else if (kind === 'erased') {
      hashes.push({
        address_hash: tokens.addressHash(addressOf(j)),
        reason: 'erased',
        suppressed_at: new Date('2026-03-01T00:00:00Z'),
        document_id: crypto.randomBytes(12).toString('hex'),
        created_at: now,
        updated_at: now,
        published_at: now,
      });
    }
  }
  await knex.batchInsert(SUBSCRIBERS, seed, 200);
  await knex.batchInsert(SUPPRESSIONS, hashes, 200);

  const lines = Array.from({ length: rows }, (_, j) => lineOf(j));
  const file = `${HEADER}\n${lines.join('\n')}\n`;
  const parts = partsOf(lines);

  // baseline 1: the CSV reader alone
  const readStarted = process.hrtime.bigint();
  const readOnly = require(path.join(APP_DIR, 'plugins/newsletter/dist/server/lib/import-reader'));
  const sheet = readOnly.readCsvBytes(new Uint8Array(Buffer.from(file)));
  if (sheet.rows.length + sheet.problems.length !== rows)
    throw new Error(`the reader found ${sheet.rows.length + sheet.problems.length} rows`);
  const readSeconds = Number(process.hrtime.bigint() - readStarted) / 1e9;

  let statements = 0;
  const countStatement = () => (statements += 1);
  let peakRss = process.memoryUsage().rss;
  const rssBeforeMb = peakRss / 1024 / 1024;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);

  // the import through the route, part by part
  knex.on('query', countStatement);
  const importStarted = process.hrtime.bigint();
  const reports = [];
  if (form === 'raw') reports.push(await post(port, token, file, 'text/csv'));
  else for (const csv of parts) reports.push(await post(port, token, { csv }));
  const importSeconds = Number(process.hrtime.bigint() - importStarted) / 1e9;
  knex.off('query', countStatement);
  clearInterval(sampler);

  const report = {
    rows: 0,
    created: { active: 0, pending: 0 },
    reactivated: 0,
    skipped: 0,
    rejected: 0,
  };
  for (const part of reports) {
    report.rows += part.rows;
    report.created.active += part.created.active;
    report.created.pending += part.created.pending;
    report.reactivated += part.reactivated;
    report.skipped += part.skipped.length;
    report.rejected += part.rejected;
  }

  // checks: the report and the database against the file
  const want = expected(rows);
  const problems = [];
  const compare = (label, got, wanted) => {
    if (got !== wanted) problems.push(`${label}: ${got}, expected ${wanted}`);
  };
  compare('rows', report.rows, rows);
  compare('created active', report.created.active, want.active);
  compare('created pending', report.created.pending, want.pending);
  compare('reactivated', report.reactivated, want.reactivated);
  compare('skipped', report.skipped, want.skipped);
  compare('rejected', report.rejected, want.rejected);
  compare(
    'rows = active + pending + reactivated + skipped + rejected',
    report.created.active +
      report.created.pending +
      report.reactivated +
      report.skipped +
      report.rejected,
    report.rows
  );
  const countWhere = async (where) =>
    Number((await knex(SUBSCRIBERS).where(where).count({ n: '*' }))[0].n);
  compare(
    'active subscribers in the database',
    await countWhere({ status: 'active' }),
    want.active + want.reactivated + seed.filter((row) => row.status === 'active').length
  );
  compare(
    'pending subscribers in the database',
    await countWhere({ status: 'pending' }),
    want.pending + seed.filter((row) => row.status === 'pending').length
  );
  const outboxQueued = Number(
    (await knex(OUTBOX).where({ kind: 'confirmation' }).count({ n: '*' }))[0].n
  );
  compare('confirmation mails queued', outboxQueued, want.pending);
  const sample = await strapi.db
    .query('plugin::newsletter.subscriber')
    .findOne({ where: { email: addressOf(0) } });
  if (
    !sample ||
    sample.name !== 'Müller, Jörg 0' ||
    sample.organisation !== 'Bäckerei Größe GmbH' ||
    sample.source !== 'import' ||
    !Array.isArray(sample.history) ||
    sample.history[0]?.event !== 'imported' ||
    !sample.documentId
  )
    problems.push(`imported subscriber 0 reads back as ${JSON.stringify(sample)}`);

  // baseline 2: the insert floor, then removed again
  const floorStarted = process.hrtime.bigint();
  for (let i = 0; i < rows; i += 500) {
    const chunk = [];
    for (let j = i; j < Math.min(rows, i + 500); j += 1) {
      chunk.push({
        document_id: crypto.randomBytes(12).toString('hex'),
        email: `floor${j}@subscribers.example.org`,
        name: `Leserin ${j}`,
        topics: JSON.stringify(['offers']),
        status: 'active',
        source: 'import',
        bounce_count: 0,
        history: JSON.stringify([{ at: now.toISOString(), event: 'imported' }]),
        created_at: now,
        updated_at: now,
        published_at: now,
      });
    }
    await knex.transaction((trx) => trx.batchInsert(SUBSCRIBERS, chunk, 500));
  }
  const floorSeconds = Number(process.hrtime.bigint() - floorStarted) / 1e9;
  await knex(SUBSCRIBERS).where('email', 'like', 'floor%').delete();

  process.send({
    rows,
    fileBytes: Buffer.byteLength(file),
    parts: parts.length,
    importSeconds,
    readSeconds,
    floorSeconds,
    statements,
    peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    rssBeforeMb,
    report,
    outboxQueued,
    problems,
  });
  await cleanup();
  process.exit(0);
};

(process.argv.includes('--child') ? runChild : runParent)().catch((error) => {
  console.error(String(error?.stack ?? error).slice(0, 2000));
  process.exit(1);
});
