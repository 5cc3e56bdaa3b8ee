#!/usr/bin/env node
/**
 * HTTP load benchmark: `npm run bench:http [-- --duration=10 --connections=20 --warmup=3]`.
 *
 * A child process boots a real Strapi on a throw-away database (SQLite, or PostgreSQL when
 * DATABASE_URL is set), seeds the demo content (as every first start outside production does) and
 * listens on 127.0.0.1. The parent drives it with autocannon over loopback, one target after the
 * other (never in parallel); every read target is warmed once before the first is measured, and
 * each is warmed again right before its own window, which has a fixed duration at the same
 * number of connections:
 *   - Strapi's own `/_health` and plain core `find`s (no code of this project) as references,
 *   - the public offer list as clients use it (custom controller, policy, filters, population),
 *   - the self-check: reading the questionnaire and posting complete submissions,
 *   - a core `create` (API token) as the reference for a write.
 * Per target it prints requests/s, p50/p99 latency, response size, non-2xx answers, SQL statements
 * and the CPU time the Strapi process (and, on PostgreSQL, the backends of its database) spent per request,
 * and the load generator's own CPU share, then the ratios between targets of this run. Rate limits
 * are raised for the child through configuration. Exits non-zero when any request failed or
 * answered non-2xx. Nothing here asserts wall-clock limits: the figures are for
 * docs/performance.md, measured in one run.
 *
 * More options: --proxy (every target also through a real nginx, docs/nginx-site.conf, and the
 * ratio nginx ÷ direct), --only=health,core,... (target keys below), --sql=FILE (the SQL of one request
 * per target), --cpu-prof=DIR (a V8 CPU profile of the server per measured target).
 */
const { fork } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const { APP_DIR, bootBenchStrapi } = require('./lib/strapi');
const { startNginx } = require('../faults/lib/nginx');
const arg = (name) => process.argv.find((value) => value.startsWith(`--${name}=`))?.split('=')[1];

// ---------------------------------------------------------------------------------------------
// Parent: autocannon and the report
// ---------------------------------------------------------------------------------------------

/**
 * CPU seconds (user + system) of the PostgreSQL backends serving `database`, from /proc (Linux
 * only; a backend's command line names its database). Other databases on the server don't count.
 */
const postgresCpuSeconds = (database) => {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.split(' ').includes(database)) continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
};

const runParent = async () => {
  const autocannon = require('autocannon');
  const duration = Number(arg('duration') ?? 10);
  const warmup = Number(arg('warmup') ?? 3);
  const connections = Number(arg('connections') ?? 20);
  const postgres = Boolean(process.env.DATABASE_URL);

  // --sql=FILE: the SQL statements of one request per target (the check before measuring)
  const sqlFile = arg('sql') && path.resolve(arg('sql'));
  if (sqlFile) fs.writeFileSync(sqlFile, '');
  // --cpu-prof=DIR: a V8 CPU profile of the Strapi process per target (DIR/<target>.cpuprofile)
  const profileDir = arg('cpu-prof') && path.resolve(arg('cpu-prof'));
  const child = fork(__filename, ['--child'], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      ...(profileDir ? { BENCH_PROFILE_DIR: profileDir } : {}),
      ...(sqlFile ? { BENCH_SQL_FILE: sqlFile } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.on('exit', (code) => {
    if (code) {
      console.error(`bench child exited with ${code}`);
      process.exit(1);
    }
  });
  const replies = [];
  child.on('message', (message) => replies.shift()?.(message));
  const ask = (message) =>
    new Promise((resolve) => {
      replies.push(resolve);
      if (message) child.send(message);
    });
  const ready = await ask(null);
  const base = `http://127.0.0.1:${ready.port}`;

  // one connection per request (no keep-alive), so the server is idle when none is open
  const send = (method, requestPath, headers = {}, body = undefined) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        `${base}${requestPath}`,
        { method, headers, agent: false },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode, text, headers: res.headers }));
        }
      );
      req.on('error', reject);
      req.end(body);
    });
  const questionnaire = JSON.parse(
    (await send('GET', '/api/employer-check/questionnaire')).text
  ).data;
  const municipalities = JSON.parse((await send('GET', '/api/municipalities')).text).data.map(
    (doc) => doc.documentId
  );
  const sectors = questionnaire.sectors.map((sector) => sector.key);
  const sizeClasses = questionnaire.sizeClasses.map((size) => size.key);
  // What a company's browser sends: every question answered, profile with a real municipality.
  let submissionNo = 0;
  const submissionBody = () => {
    const i = submissionNo++;
    return JSON.stringify({
      profile: {
        // spread over all sector × size groups, as many companies would be
        sector: sectors[i % sectors.length],
        sizeClass: sizeClasses[Math.floor(i / sectors.length) % sizeClasses.length],
        municipality: municipalities[i % municipalities.length],
        trainsApprentices: true,
      },
      answers: Object.fromEntries(
        questionnaire.questions.map((question, q) => [question.id, ((i * 7 + q * 3) % 5) + 1])
      ),
      complete: true,
      consentStatistics: i % 4 !== 0,
      questionnaireVersion: questionnaire.version,
    });
  };
  let createNo = 0;
  const createBody = () => {
    const i = createNo++;
    return JSON.stringify({
      data: { name: `Lasttest ${i}`, slug: `lasttest-${process.pid}-${i}`, description: 'Last' },
    });
  };

  const json = { 'content-type': 'application/json' };
  // Reads measured without the public read cache ask for a fresh answer (`no-cache` bypasses
  // it); the cached targets send nothing of the kind, like an anonymous visitor.
  const fresh = { 'cache-control': 'no-cache' };
  const offersList =
    '/api/offers?populate[organisation]=true&populate[municipality]=true&populate[fieldsOfAction]=true&sort=applicationDeadline:asc';
  const targets = [
    { key: 'health', name: 'GET /_health (Strapi)', path: '/_health' },
    {
      key: 'core',
      name: 'GET /api/fields-of-action (core find)',
      path: '/api/fields-of-action',
      headers: fresh,
    },
    {
      key: 'corePopulate',
      name: 'GET /api/organisations?populate[municipality] (core find + populate)',
      path: '/api/organisations?populate[municipality]=true',
      headers: fresh,
    },
    { key: 'offersPlain', name: 'GET /api/offers (no query)', path: '/api/offers', headers: fresh },
    {
      // the client names a date field, so the controller adds no current-offer filter
      key: 'offersOwnDates',
      name: 'GET /api/offers?filters[validUntil] (client filter on dates: no current-offer filter)',
      path: '/api/offers?filters[$or][0][validUntil][$null]=true&filters[$or][1][validUntil][$notNull]=true',
      headers: fresh,
    },
    {
      key: 'offersList',
      name: 'GET /api/offers, list page (populate 3 relations, sort)',
      path: offersList,
      headers: fresh,
    },
    {
      key: 'offersListCached',
      name: 'GET /api/offers, list page (from the read cache)',
      short: 'GET /api/offers, list page, cached',
      path: offersList,
    },
    {
      key: 'offersListCachedBrotli',
      name: 'GET /api/offers, list page (from the read cache, Accept-Encoding: br)',
      short: 'GET /api/offers, list page, cached, br',
      path: offersList,
      headers: { 'accept-encoding': 'br' },
    },
    {
      // the answer's ETag is filled in after the probe
      key: 'offersListNotModified',
      name: 'GET /api/offers, list page (If-None-Match: 304 from the read cache)',
      short: 'GET /api/offers, list page, 304',
      path: offersList,
      headers: { 'if-none-match': null },
      expect: 304,
    },
    {
      key: 'offersPage',
      name: 'GET /angebote/ (HTML offer list page)',
      path: '/angebote/',
      headers: fresh,
    },
    {
      key: 'offersPageCached',
      name: 'GET /angebote/ (HTML offer list page, from the read cache)',
      short: 'GET /angebote/, cached',
      path: '/angebote/',
    },
    {
      key: 'offersFiltered',
      name: 'GET /api/offers, filter offerType + populate 2',
      path: '/api/offers?filters[offerType][$eq]=ausbildungsplatz&populate[organisation]=true&populate[municipality]=true',
      headers: fresh,
    },
    {
      key: 'questionnaire',
      name: 'GET /api/employer-check/questionnaire',
      path: '/api/employer-check/questionnaire',
    },
    {
      key: 'submission',
      name: 'POST /api/employer-check/submissions (complete)',
      method: 'POST',
      path: '/api/employer-check/submissions',
      body: submissionBody,
      expect: 201,
    },
    {
      key: 'coreCreate',
      name: 'POST /api/fields-of-action (core create, API token)',
      method: 'POST',
      path: '/api/fields-of-action',
      headers: { authorization: `Bearer ${ready.token}` },
      body: createBody,
      expect: 201,
    },
  ];

  const only = arg('only')?.split(',');
  if (only) targets.splice(0, targets.length, ...targets.filter((t) => only.includes(t.key)));

  // --proxy: every target also through a real nginx (docs/nginx-site.conf, below /bildung)
  const proxy = process.argv.includes('--proxy')
    ? await startNginx({
        upstreams: [ready.port],
        prefix: '/bildung',
        clientKeepaliveRequests: 1_000_000,
      })
    : null;

  const fire = (target, seconds, through = null) =>
    new Promise((resolve, reject) => {
      const request = {
        method: target.method ?? 'GET',
        path: `${through ? through.prefix : ''}${target.path}`,
        headers: { ...(target.body ? json : {}), ...(target.headers ?? {}) },
      };
      if (target.body) request.setupRequest = (req) => ({ ...req, body: target.body() });
      autocannon(
        {
          url: through ? through.origin : base,
          connections,
          duration: seconds,
          requests: [request],
        },
        (error, result) => (error ? reject(error) : resolve(result))
      );
    });

  const loadBefore = os.loadavg();
  // Every read is warmed before any is measured: the first target to run a code path would
  // otherwise pay the JIT's warm-up for the targets after it (the offer queries share one).
  if (warmup > 0) {
    for (const target of targets) {
      if ((target.method ?? 'GET') !== 'GET' || target.headers?.['if-none-match'] === null)
        continue;
      await fire(target, warmup);
    }
  }
  const results = [];
  for (const target of targets) {
    // a check of the answer first: the right status, so a 4xx cannot pass as a fast target
    await ask({ cmd: 'usage' }); // the previous target's last requests are answered
    if (sqlFile) await ask({ cmd: 'sql', label: target.name });
    if (target.headers?.['if-none-match'] === null) {
      const answer = await send(target.method ?? 'GET', target.path);
      target.headers = { 'if-none-match': answer.headers.etag };
    }
    const probe = await send(
      target.method ?? 'GET',
      target.path,
      { ...(target.body ? json : {}), ...(target.headers ?? {}) },
      target.body?.()
    );
    if (probe.status !== (target.expect ?? (target.key === 'health' ? 204 : 200)))
      throw new Error(`${target.name}: ${probe.status} ${probe.text}`);
    if (sqlFile) await ask({ cmd: 'sql', label: null });

    for (const through of proxy ? [null, proxy] : [null]) {
      if (warmup > 0) await fire(target, warmup, through);
      // the warm-up's last requests are answered before the window opens, and the window's own
      // after it closes: CPU and SQL are divided by the requests the server answered in between
      const serverBefore = await ask({ cmd: 'usage', profile: 'start' });
      const dbBefore = postgres ? postgresCpuSeconds(ready.database) : 0;
      const generatorBefore = process.cpuUsage();
      const result = await fire(target, duration, through);
      const generator = process.cpuUsage(generatorBefore);
      const serverAfter = await ask({ cmd: 'usage', profile: target.key });
      const dbAfter = postgres ? postgresCpuSeconds(ready.database) : 0;
      const requests = result.requests.total;
      const served = serverAfter.served - serverBefore.served;
      results.push({
        ...target,
        ...(through ? { key: `${target.key}@nginx`, name: `${target.name} via nginx` } : {}),
        rps: requests / duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        bytes: result.throughput.total / Math.max(1, requests),
        // a 304 target's expected answers are 3xx, not 2xx
        non2xx: target.expect === 304 ? requests - result['3xx'] : result.non2xx,
        errors: result.errors + result.timeouts,
        requests,
        generatorCpu: (generator.user + generator.system) / 1e6 / duration,
        queries: (serverAfter.queries - serverBefore.queries) / served,
        serverCpuMs: (serverAfter.cpuMicros - serverBefore.cpuMicros) / 1000 / served,
        dbCpuMs: postgres ? ((dbAfter - dbBefore) * 1000) / served : null,
        rssMb: serverAfter.rssMb,
      });
      process.stderr.write(
        `  ${target.name}${through ? ' via nginx' : ''}: ${(requests / duration).toFixed(0)} req/s\n`
      );
    }
  }
  const loadAfter = os.loadavg();
  await proxy?.stop();
  const stats = await ask({ cmd: 'stats' });
  child.send({ cmd: 'exit' });
  await exited;

  // ---- report ----
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const fmt = (value, digits = 0) => value.toLocaleString('en', { maximumFractionDigits: digits });
  console.log(
    `\nHTTP load benchmark (${os.cpus().length} cores, Node ${process.version}, ${postgres ? 'PostgreSQL' : 'SQLite'}, autocannon ${require('autocannon/package.json').version}, ${connections} connections, ${warmup} s warm-up + ${duration} s per target, loopback)`
  );
  console.log(
    `load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}\n`
  );
  console.log(
    line([
      'target',
      'req/s',
      'p50 ms',
      'p99 ms',
      'KB/resp',
      'non-2xx',
      'errors',
      'SQL/req',
      'Strapi CPU ms/req',
      ...(postgres ? ['PostgreSQL CPU ms/req'] : []),
      'autocannon CPU %',
    ])
  );
  console.log(line(Array(postgres ? 11 : 10).fill('---')));
  for (const r of results) {
    console.log(
      line([
        r.name.replace(/\|/g, '\\|'),
        fmt(r.rps),
        fmt(r.p50),
        fmt(r.p99),
        (r.bytes / 1024).toFixed(1),
        String(r.non2xx),
        String(r.errors),
        r.queries.toFixed(1),
        r.serverCpuMs.toFixed(2),
        ...(postgres ? [r.dbCpuMs.toFixed(2)] : []),
        (r.generatorCpu * 100).toFixed(0),
      ])
    );
  }

  const by = Object.fromEntries(results.map((r) => [r.key, r]));
  const ratio = (a, b) => {
    const x = by[a];
    const y = by[b];
    if (!x || !y) return null;
    const label = (r) => {
      const nginx = r.key.endsWith('@nginx');
      const name = nginx ? r.name.slice(0, -' via nginx'.length) : r.name;
      return `${r.short ?? name.split(' (')[0]}${nginx ? ' via nginx' : ''}`;
    };
    return line([
      `${label(x)} ÷ ${label(y)}`,
      (x.rps / y.rps).toFixed(2),
      (x.p99 / y.p99).toFixed(1),
      (x.serverCpuMs / y.serverCpuMs).toFixed(1),
    ]);
  };
  console.log('\nRatios in this run (throughput < 1 and latency/CPU > 1 mean slower)\n');
  console.log(line(['comparison', 'req/s ratio', 'p99 ratio', 'Strapi CPU/req ratio']));
  console.log(line(Array(4).fill('---')));
  for (const [a, b] of [
    ['core', 'health'],
    ['corePopulate', 'core'],
    ['offersPlain', 'core'],
    ['offersPlain', 'offersOwnDates'],
    ['offersList', 'core'],
    ['offersList', 'corePopulate'],
    ['offersListCached', 'health'],
    ['offersListCached', 'offersList'],
    ['offersListCachedBrotli', 'health'],
    ['offersListNotModified', 'health'],
    ['offersPage', 'health'],
    ['offersPageCached', 'health'],
    ['offersPageCached', 'offersPage'],
    ['offersFiltered', 'core'],
    ['questionnaire', 'core'],
    ['submission', 'health'],
    ['submission', 'coreCreate'],
    ['coreCreate', 'health'],
    // the proxy's cost: each target through nginx against the same target direct
    ...(proxy ? targets.map((target) => [`${target.key}@nginx`, target.key]) : []),
  ]) {
    const row = ratio(a, b);
    if (row) console.log(row);
  }

  console.log(
    `\ndemo content: ${stats.offers} published offers (${stats.currentOffers} current), ${stats.organisations} organisations, ${stats.fieldsOfAction} fields of action before the writes; ${stats.submissions} submissions stored by the run; Strapi RSS ${fmt(results.at(-1).rssMb)} MB at the end`
  );
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failed.length) {
    console.log(`\nFAILED: non-2xx answers or errors in ${failed.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
};

// ---------------------------------------------------------------------------------------------
// Child: one Strapi listening on loopback
// ---------------------------------------------------------------------------------------------
/** Starts and stops V8's CPU profiler in this process (inspector protocol). */
const createProfiler = (dir) => {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)))
    );
  fs.mkdirSync(dir, { recursive: true });
  return {
    async start() {
      await post('Profiler.enable');
      await post('Profiler.start');
    },
    async stop(name) {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    },
  };
};

const runChild = async () => {
  const { strapi, databaseName, cleanup } = await bootBenchStrapi({
    name: 'bench-http',
    env: (tmp) => ({
      NEWSLETTER_SCHEDULER: 'false',
      NEWSLETTER_DIGEST: 'false',
      EMPLOYER_CHECK_RETENTION: 'false',
      // one client address sends everything: raise the per-IP limits (configuration, not code)
      NEWSLETTER_RATE_LIMIT_MAX: '100000000',
      EMPLOYER_CHECK_RATE_LIMIT_MAX: '100000000',
      MAIL_DIR: path.join(tmp, 'mail'),
    }),
  });
  const token = await strapi
    .service('admin::api-token')
    .create({ name: 'bench', description: '', type: 'full-access', lifespan: null });
  const count = (uid, where = {}) => strapi.db.query(uid).count({ where });
  const published = { publishedAt: { $notNull: true } };
  const stats = {
    offers: await count('api::offer.offer', published),
    currentOffers: (
      await strapi.documents('api::offer.offer').findMany({
        status: 'published',
        filters: require(path.join(APP_DIR, 'dist/src/lib/offers')).currentOfferFilter(
          new Date().toISOString().slice(0, 10)
        ),
        fields: ['id'],
      })
    ).length,
    organisations: await count('api::organisation.organisation'),
    fieldsOfAction: await count('api::field-of-action.field-of-action'),
  };

  // every SQL statement counts (queries per request); with --sql, one request's are written out
  let queries = 0;
  let sqlLabel = null;
  strapi.db.connection.on('query', (query) => {
    queries += 1;
    if (sqlLabel && process.env.BENCH_SQL_FILE)
      fs.appendFileSync(process.env.BENCH_SQL_FILE, `${query.sql};\n`);
  });

  // requests being handled, and handled ones (until Koa's handler settles, even when the client
  // has gone): the parent reads usage only when none is open
  let inflight = 0;
  let served = 0;
  const idleWaiters = [];
  const httpServer = strapi.server.httpServer;
  const [koaListener] = httpServer.listeners('request');
  httpServer.removeAllListeners('request');
  // idle: no request being handled and no connection open (autocannon's closed connections may
  // still hold requests the busy server has not read yet)
  const idle = async () => {
    for (;;) {
      if (inflight > 0) await new Promise((resolve) => idleWaiters.push(resolve));
      const open = await new Promise((resolve) =>
        httpServer.getConnections((error, count) => resolve(error ? 0 : count))
      );
      if (open === 0 && inflight === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  httpServer.on('request', (req, res) => {
    inflight += 1;
    Promise.resolve(koaListener(req, res))
      .catch(() => undefined)
      .finally(() => {
        inflight -= 1;
        served += 1;
        if (inflight === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
      });
  });

  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  process.send({
    port: strapi.server.httpServer.address().port,
    token: token.accessKey,
    database: databaseName,
  });

  const profiler = process.env.BENCH_PROFILE_DIR
    ? createProfiler(process.env.BENCH_PROFILE_DIR)
    : null;
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await cleanup();
    process.exit(0);
  };
  // the parent ended (or failed): clean up the throw-away database all the same
  process.on('disconnect', shutdown);
  process.on('message', async (message) => {
    if (message.cmd === 'usage') {
      await idle();
      if (profiler && message.profile === 'start') await profiler.start();
      else if (profiler && message.profile) await profiler.stop(message.profile);
      const cpu = process.cpuUsage();
      process.send({
        served,
        queries,
        cpuMicros: cpu.user + cpu.system,
        rssMb: process.memoryUsage().rss / 1024 / 1024,
      });
    } else if (message.cmd === 'sql') {
      sqlLabel = message.label;
      if (sqlLabel) fs.appendFileSync(process.env.BENCH_SQL_FILE, `\n-- ${sqlLabel}\n`);
      process.send({});
    } else if (message.cmd === 'stats') {
      process.send({ ...stats, submissions: await count('plugin::employer-check.submission') });
    } else if (message.cmd === 'exit') {
      await shutdown();
    }
  });
};

if (process.argv.includes('--child')) {
  runChild().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  runParent().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
