#!/usr/bin/env node
/**
 * Newsletter throughput benchmark: `npm run bench:newsletter [-- --sizes=10000,100000]`.
 *
 * The parent process runs a counting SMTP sink on loopback; for each size a child process boots
 * a real Strapi on a throw-away database (SQLite, or PostgreSQL when DATABASE_URL is set), creates
 * that many active subscribers, and
 *   1. sends one issue of 30 items through the real dispatcher (snapshot, leases, bookkeeping),
 *   2. as the baseline, sends the same number of pre-rendered messages with a plain nodemailer
 *      pool loop (same pool size) to the same sink.
 * It prints messages/s of both and their ratio, the child's peak RSS, the MJML compile time of
 * the issue (cold and warm), and whether every subscriber received exactly one message.
 * Every figure is measured in this run; nothing is written by hand.
 */
const { fork } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..', '..');
const POOL = Number(process.env.BENCH_SMTP_CONNECTIONS || 10);

// ---------------------------------------------------------------------------------------------
// Parent: the SMTP sink and the report
// ---------------------------------------------------------------------------------------------
const runParent = async () => {
  const { SMTPServer } = require('smtp-server');
  const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice(8).split(',').map(Number) : [10_000, 100_000];

  const counts = { dispatcher: new Map(), baseline: new Map() };
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 0,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const run = /\r\nX-Bench-Run: (\w+)/i.exec(`\r\n${head}`)?.[1] ?? 'dispatcher';
        const map = counts[run] ?? counts.dispatcher;
        for (const rcpt of session.envelope.rcptTo)
          map.set(rcpt.address, (map.get(rcpt.address) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const port = sink.server.address().port;

  const results = [];
  for (const size of sizes) {
    counts.dispatcher.clear();
    counts.baseline.clear();
    const child = fork(__filename, ['--child', `--size=${size}`, `--port=${port}`], {
      cwd: APP_DIR,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const result = await new Promise((resolve, reject) => {
      child.on('message', resolve);
      child.on(
        'exit',
        (code) => code && reject(new Error(`bench child for ${size} exited with ${code}`))
      );
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const dispatcherCounts = [...counts.dispatcher.values()];
    result.everyoneOnce =
      counts.dispatcher.size === size && dispatcherCounts.every((n) => n === 1) ? 'yes' : 'NO';
    result.received = counts.dispatcher.size;
    result.duplicates = dispatcherCounts.filter((n) => n > 1).length;
    result.baselineReceived = [...counts.baseline.values()].reduce((a, b) => a + b, 0);
    results.push(result);
  }
  sink.close();

  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log(
    `\nNewsletter benchmark (${os.cpus().length} cores, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, SMTP pool ${POOL}, 30 items)\n`
  );
  console.log(
    line([
      'subscribers',
      'dispatcher msg/s',
      'baseline msg/s',
      'ratio',
      'peak RSS MB',
      'MJML compile cold / warm ms',
      'message size KB',
      'each exactly once',
    ])
  );
  console.log(line(Array(8).fill('---')));
  for (const r of results) {
    console.log(
      line([
        r.size.toLocaleString('en'),
        r.dispatcherRate.toFixed(0),
        r.baselineRate.toFixed(0),
        (r.dispatcherRate / r.baselineRate).toFixed(2),
        r.peakRssMb.toFixed(0),
        `${r.compileColdMs.toFixed(0)} / ${r.compileWarmMs.toFixed(1)}`,
        r.messageKb.toFixed(0),
        `${r.everyoneOnce} (${r.received} received, ${r.duplicates} duplicates)`,
      ])
    );
  }
  if (results.length >= 2) {
    const [small, large] = [results[0], results[results.length - 1]];
    console.log(
      `\npeak RSS ${large.size} / ${small.size}: ${(large.peakRssMb / small.peakRssMb).toFixed(2)} (target ≤ 1.3)`
    );
  }
  for (const r of results) {
    console.log(
      `ratio at ${r.size}: ${(r.dispatcherRate / r.baselineRate).toFixed(2)} (target ≥ 0.8); dispatcher ${r.dispatcherSeconds.toFixed(1)} s incl. audience snapshot ${r.snapshotMs.toFixed(0)} ms`
    );
  }
  const failed = results.some((r) => r.everyoneOnce !== 'yes');
  process.exit(failed ? 1 : 0);
};

// ---------------------------------------------------------------------------------------------
// Child: one Strapi, one size
// ---------------------------------------------------------------------------------------------
const arg = (name) => process.argv.find((value) => value.startsWith(`--${name}=`))?.split('=')[1];

const runChild = async () => {
  const size = Number(arg('size'));
  const port = Number(arg('port'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
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
    NEWSLETTER_SCHEDULER: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_MAX_CONNECTIONS: String(POOL),
    PUBLIC_URL: 'https://cms.example.org',
  });
  let dropDatabase = null;
  if (process.env.DATABASE_URL) {
    const { Client } = require('pg');
    const name = `cms_bench_${process.pid}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    const base = url.toString();
    url.pathname = `/${name}`;
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() });
    dropDatabase = async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
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
  strapi.log.level = 'warn';
  const newsletter = strapi.plugin('newsletter');
  const knex = strapi.db.connection;
  const table = (uid) => strapi.db.metadata.get(uid).tableName;

  // 30 items from the demo content
  const pick = async (uid, count) =>
    (await strapi.documents(uid).findMany({ status: 'published', limit: count })).map(
      (doc) => doc.documentId
    );
  const offers = await strapi.documents('api::offer.offer').findMany({
    status: 'published',
    filters: newsletter.service('composer').sections
      ? strapi.config.get('plugin::newsletter').sections[0].current(new Date())
      : {},
    limit: 12,
  });
  const items = [
    ...offers.map((doc) => ({ section: 'offers', documentId: doc.documentId })),
    ...(await pick('api::practice-example.practice-example', 7)).map((documentId) => ({
      section: 'practice-examples',
      documentId,
    })),
    ...(await pick('api::employer-tip.employer-tip', 30 - offers.length - 7)).map((documentId) => ({
      section: 'employer-tips',
      documentId,
    })),
  ];

  // subscribers, inserted in chunks
  const topics = JSON.stringify(['offers', 'practice-examples', 'employer-tips']);
  for (let i = 0; i < size; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(size, i + 1000); j += 1) {
      rows.push({
        document_id: crypto.randomBytes(12).toString('hex'),
        email: `bench${j}@subscribers.example.org`,
        name: j % 2 ? `Leser ${j}` : null,
        topics,
        status: 'active',
        source: 'import',
        bounce_count: 0,
      });
    }
    await knex.batchInsert(table('plugin::newsletter.subscriber'), rows, 100);
  }

  // MJML compile time: cold (first compile in this process) and warm
  const issues = newsletter.service('issues');
  const composer = newsletter.service('composer');
  const issue = await issues.create({ subject: `Benchmark ${size}`, items });
  if (issue.items.length !== 30) throw new Error(`expected 30 items, got ${issue.items.length}`);
  const cold = await composer.render(issue);
  const warmRuns = [];
  for (let i = 0; i < 5; i += 1) warmRuns.push((await composer.render(issue)).compileMs);
  const compileWarmMs = warmRuns.sort((a, b) => a - b)[2];

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);

  // 1. the real dispatcher
  const dispatcher = newsletter.service('dispatcher');
  const started = process.hrtime.bigint();
  await dispatcher.start(issue.id);
  await dispatcher.idle();
  const dispatcherSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const final = await strapi.db
    .query('plugin::newsletter.issue')
    .findOne({ where: { id: issue.id } });
  if (final.status !== 'sent')
    throw new Error(`issue ended as ${final.status}: ${final.lastError}`);
  const snapshot = await strapi.db
    .query('plugin::newsletter.issue')
    .findOne({ where: { id: issue.id }, select: ['startedAt', 'audienceAt'] });
  const snapshotMs = new Date(snapshot.audienceAt) - new Date(snapshot.startedAt);

  // 2. baseline: the same number of pre-rendered messages through a plain nodemailer pool
  const frozen = final.rendering;
  const { personalise } = require(path.join(APP_DIR, 'plugins/newsletter/dist/server/mail/issue'));
  const sample = personalise(frozen, {
    topics: frozen.topics,
    name: 'Leser 1',
    preferencesUrl: 'https://cms.example.org/api/newsletter/preferences?token=x',
    unsubscribeUrl: 'https://cms.example.org/api/newsletter/unsubscribe?token=x',
  });
  const nodemailer = require('nodemailer');
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    pool: true,
    maxConnections: POOL,
  });
  // Keep the pool saturated: a fixed number of messages in flight (no stalls between windows).
  const baselineStart = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < size) {
      const j = next++;
      await transport.sendMail({
        from: 'Bench <newsletter@bildungsbuero.example>',
        to: `bench${j}@subscribers.example.org`,
        subject: frozen.subject,
        html: sample.html,
        text: sample.text,
        headers: { 'X-Bench-Run': 'baseline' },
      });
    }
  };
  await Promise.all(Array.from({ length: 100 }, worker));
  const baselineSeconds = Number(process.hrtime.bigint() - baselineStart) / 1e9;
  transport.close();
  clearInterval(sampler);

  process.send({
    size,
    dispatcherSeconds,
    dispatcherRate: size / dispatcherSeconds,
    baselineRate: size / baselineSeconds,
    peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    compileColdMs: cold.compileMs,
    compileWarmMs,
    snapshotMs,
    messageKb: Buffer.byteLength(sample.html) / 1024,
  });
  await strapi.destroy();
  if (dropDatabase) await dropDatabase();
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
};

(process.argv.includes('--child') ? runChild : runParent)().catch((error) => {
  console.error(String(error?.stack ?? error).slice(0, 2000));
  process.exit(1);
});
