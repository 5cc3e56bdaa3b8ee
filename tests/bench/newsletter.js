#!/usr/bin/env node
/**
 * Newsletter throughput benchmark: `npm run bench:newsletter [-- --sizes=10000,100000 | --quick]`.
 *
 * The parent process runs a counting SMTP sink on loopback; for each size a child process boots
 * a real Strapi on a throw-away database (SQLite, or PostgreSQL when DATABASE_URL is set) and
 *   1. "plain": inserts that many active subscribers (all three topics, no links) and sends one
 *      issue of 30 items through the real dispatcher (snapshot, leases, bookkeeping);
 *   2. "personalised": unsubscribes those, inserts the same number of new subscribers of whom
 *      half have an active newsletter link to a completed self-check with varied weaknesses
 *      (tests/bench/personal-tips.js), and sends the same items as a second issue: employer tips
 *      chosen per linked subscriber, everything else as in 1;
 *   3. as the baseline, sends the same number of pre-rendered messages with a plain nodemailer
 *      pool loop (same pool size) to the same sink.
 * It prints messages/s of all three and their ratios, the personalise step's own time, how many
 * deliveries were personalised, the child's peak RSS, the MJML compile time (cold and warm) and
 * how often the dispatcher compiled, and checks the invariants: every subscriber received exactly
 * one message per issue; exactly the linked subscribers who want the topic were personalised;
 * sampled mails carry their own tips (the stored choice, not the editor's selection, led by a tip
 * for one of the subscriber's weakest dimensions) or the editor's selection; MJML was compiled
 * once per issue. Every figure is measured in this run; nothing is written by hand.
 */
const { fork } = require('child_process');
const crypto = require('crypto');
const os = require('os');
const path = require('path');

const { APP_DIR, bootBenchStrapi } = require('./lib/strapi');
const POOL = Number(process.env.BENCH_SMTP_CONNECTIONS || 10);

const personalTips = require('./personal-tips');

// ---------------------------------------------------------------------------------------------
// Parent: the SMTP sink and the report
// ---------------------------------------------------------------------------------------------
const ADDRESS = /^bench(p?)(\d+)@subscribers\.example\.org$/;

const runParent = async () => {
  const { SMTPServer } = require('smtp-server');
  const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='));
  const quick = process.argv.includes('--quick');
  const sizes = sizesArg
    ? sizesArg.slice(8).split(',').map(Number)
    : quick
      ? [2000]
      : [10_000, 100_000];

  // per run: address → messages; for the personalised run also the whole sampled messages
  const counts = { plain: new Map(), personal: new Map(), baseline: new Map() };
  let sampled = new Set();
  const raws = new Map();
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 0,
    onData(stream, session, callback) {
      const rcpts = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      const keep = rcpts.some((address) => sampled.has(address));
      let head = '';
      const chunks = [];
      stream.on('data', (chunk) => {
        if (head.length < 4096) head += chunk.toString('latin1');
        if (keep) chunks.push(chunk);
      });
      stream.on('end', () => {
        const baseline = /\r\nX-Bench-Run: baseline/i.test(`\r\n${head}`);
        for (const address of rcpts) {
          const run = baseline ? 'baseline' : ADDRESS.exec(address)?.[1] ? 'personal' : 'plain';
          counts[run].set(address, (counts[run].get(address) ?? 0) + 1);
          if (keep && !baseline) raws.set(address, Buffer.concat(chunks));
        }
        callback();
      });
    },
  });
  await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const port = sink.server.address().port;

  const loadBefore = os.loadavg();
  const startedAt = new Date();
  const results = [];
  for (const size of sizes) {
    for (const map of Object.values(counts)) map.clear();
    raws.clear();
    sampled = new Set(
      personalTips.sampleIndices(size).map((j) => `benchp${j}@subscribers.example.org`)
    );
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
    for (const run of ['plain', 'personal']) {
      const values = [...counts[run].values()];
      result[run].received = counts[run].size;
      result[run].duplicates = values.filter((n) => n > 1).length;
      result[run].everyoneOnce =
        counts[run].size === size && values.every((n) => n === 1) ? 'yes' : 'NO';
    }
    result.baselineReceived = [...counts.baseline.values()].reduce((a, b) => a + b, 0);
    result.mailChecks = await checkSampledMails(result.samples, raws);
    results.push(result);
  }
  sink.close();
  const loadAfter = os.loadavg();

  const line = (cells) => `| ${cells.join(' | ')} |`;
  const load = (values) => values.map((v) => v.toFixed(2)).join(' ');
  console.log(
    `\nNewsletter benchmark (${os.cpus().length} cores, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, SMTP pool ${POOL}, 30 items)`
  );
  console.log(
    `${startedAt.toISOString().slice(0, 16)}–${new Date().toISOString().slice(11, 16)} UTC; load average before ${load(loadBefore)}, after ${load(loadAfter)}\n`
  );
  console.log(
    line([
      'subscribers',
      'plain msg/s',
      'personalised msg/s',
      'baseline msg/s',
      'plain ÷ baseline',
      'personalised ÷ baseline',
      'personalised ÷ plain',
      'peak RSS MB',
      'MJML compile cold / warm ms',
      'message size KB',
      'each exactly once (plain / personalised)',
    ])
  );
  console.log(line(Array(11).fill('---')));
  for (const r of results) {
    console.log(
      line([
        r.size.toLocaleString('en'),
        r.plain.rate.toFixed(0),
        r.personal.rate.toFixed(0),
        r.baselineRate.toFixed(0),
        (r.plain.rate / r.baselineRate).toFixed(2),
        (r.personal.rate / r.baselineRate).toFixed(2),
        (r.personal.rate / r.plain.rate).toFixed(2),
        r.peakRssMb.toFixed(0),
        `${r.compileColdMs.toFixed(0)} / ${r.compileWarmMs.toFixed(1)}`,
        r.messageKb.toFixed(0),
        ['plain', 'personal']
          .map((run) => `${r[run].everyoneOnce} (${r[run].received}, ${r[run].duplicates} dup.)`)
          .join(' / '),
      ])
    );
  }
  console.log('\nPersonalised run: the personalise step and its invariants\n');
  console.log(
    line([
      'subscribers',
      'linked, want the topic',
      'personalised (issue row)',
      'deliveries with own tips',
      'distinct selections',
      'personalise step ms (plain / personalised)',
      'start → first mail ms (plain / personalised)',
      'MJML compiles per issue (plain / personalised)',
      'sampled mails as expected',
    ])
  );
  console.log(line(Array(9).fill('---')));
  for (const r of results) {
    const p = r.personal;
    console.log(
      line([
        r.size.toLocaleString('en'),
        p.expected.toLocaleString('en'),
        p.issuePersonalised.toLocaleString('en'),
        p.withItems.toLocaleString('en'),
        p.distinctSelections.toLocaleString('en'),
        `${r.plain.personaliseMs} / ${p.personaliseMs}`,
        `${r.plain.firstMailMs} / ${p.firstMailMs}`,
        `${r.plain.compiles} / ${p.compiles}`,
        `${r.mailChecks.ok} of ${r.mailChecks.total}`,
      ])
    );
  }
  console.log(
    '\n(personalise step = issue personalisedAt − audienceAt as the dispatcher wrote them; ' +
      'start → first mail = earliest delivery sentAt − issue startedAt: freeze, snapshot, personalise, first claim)'
  );
  if (results.length >= 2) {
    const [small, large] = [results[0], results[results.length - 1]];
    console.log(
      `\npeak RSS ${large.size} / ${small.size}: ${(large.peakRssMb / small.peakRssMb).toFixed(2)} (target ≤ 1.3)`
    );
  }
  const problems = [];
  for (const r of results) {
    for (const run of ['plain', 'personal']) {
      console.log(
        `ratio ${run === 'plain' ? 'plain' : 'personalised'} at ${r.size}: ${(r[run].rate / r.baselineRate).toFixed(2)} (target ≥ 2); dispatcher ${r[run].seconds.toFixed(1)} s incl. audience snapshot ${r[run].snapshotMs} ms`
      );
    }
    console.log(
      `at ${r.size}: links ${r.personal.links.active} active, ${r.personal.links.pending} pending; ` +
        `linked subscribers who want the topic ${r.personal.expected}, personalised ${r.personal.issuePersonalised}`
    );
    if (r.mailChecks.example) console.log(`  e.g. ${r.mailChecks.example}`);
    console.log(
      `  links and submissions inserted in ${r.personal.seedSeconds.toFixed(1)} s; pool of ${r.personal.poolSize} tips compiled into the issue`
    );
    for (const run of ['plain', 'personal']) {
      if (r[run].everyoneOnce !== 'yes')
        problems.push(`${r.size} ${run}: not every subscriber got exactly one message`);
    }
    problems.push(...r.personal.problems.map((problem) => `${r.size}: ${problem}`));
    problems.push(...r.mailChecks.problems.map((problem) => `${r.size}: ${problem}`));
  }
  if (problems.length) {
    console.log(`\nFAILED checks:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  process.exit(problems.length ? 1 : 0);
};

/**
 * Reads the employer tips out of the sampled mails of the personalised run and compares them
 * with what the child expects: linked subscribers their stored choice (≠ the editor's
 * selection, first tip serving one of their weakest dimensions), everyone else the editor's
 * selection, and no tips without the topic.
 */
const checkSampledMails = async (samples, raws) => {
  const problems = [];
  let ok = 0;
  let example = null;
  for (const sample of samples) {
    const raw = raws.get(sample.address);
    if (!raw) {
      problems.push(`sampled mail to ${sample.address} not received`);
      continue;
    }
    const tips = await personalTips.tipsOfMessage(raw);
    const fail = (why) =>
      problems.push(
        `${sample.address} (${sample.kind}): ${why}; html ${tips.html.join(',')}; text ${tips.text.join(',')}`
      );
    const same = (a, b) => a.length === b.length && a.every((slug, i) => slug === b[i]);
    if (!same(tips.html, tips.text)) {
      fail('HTML and text part carry different tips');
      continue;
    }
    if (!same(tips.html, sample.expected)) {
      fail(`expected ${sample.expected.join(',') || 'no tips'}`);
      continue;
    }
    if (sample.kind === 'linked') {
      if (same(tips.html, sample.defaults)) {
        fail('the editor’s selection although linked');
        continue;
      }
      const first = sample.tipDimensions[tips.html[0]] ?? [];
      if (!first.some((key) => sample.weaknesses.includes(key))) {
        fail(`first tip serves ${first.join(',')}, weakest are ${sample.weaknesses.join(',')}`);
        continue;
      }
    }
    ok += 1;
    if (!example && sample.kind === 'linked') {
      const show = (slug) => `${slug} (${(sample.tipDimensions[slug] ?? []).join('/')})`;
      example =
        `${sample.address}, weakest ${sample.weaknesses.join(', ')}: tips ` +
        `${tips.html.slice(0, 3).map(show).join(', ')} …; editor's selection ` +
        `${sample.defaults.slice(0, 3).map(show).join(', ')} …`;
    }
  }
  return { ok, total: samples.length, problems, example };
};

// ---------------------------------------------------------------------------------------------
// Child: one Strapi, one size
// ---------------------------------------------------------------------------------------------
const arg = (name) => process.argv.find((value) => value.startsWith(`--${name}=`))?.split('=')[1];

const runChild = async () => {
  const size = Number(arg('size'));
  const port = Number(arg('port'));
  const { strapi, cleanup } = await bootBenchStrapi({
    name: 'bench',
    env: {
      NEWSLETTER_SCHEDULER: 'false',
      NEWSLETTER_PERSONAL_TIPS: 'true',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_MAX_CONNECTIONS: String(POOL),
    },
  });
  const newsletter = strapi.plugin('newsletter');
  const knex = strapi.db.connection;
  const table = (uid) => strapi.db.metadata.get(uid).tableName;
  const SUBSCRIBERS = table('plugin::newsletter.subscriber');
  const DELIVERIES = table('plugin::newsletter.delivery');
  if (!strapi.config.get('plugin::newsletter').personalisation)
    throw new Error('the newsletter has no personalised section (NEWSLETTER_PERSONAL_TIPS)');

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

  // the published employer tips of the seed: slug and self-check dimensions per documentId
  const tipDocuments = await strapi.documents('api::employer-tip.employer-tip').findMany({
    status: 'published',
    populate: { checkDimensions: { fields: ['key'] } },
    limit: 500,
  });
  const slugOf = new Map(tipDocuments.map((tip) => [tip.documentId, tip.slug]));
  const tipDimensions = Object.fromEntries(
    tipDocuments.map((tip) => [tip.slug, (tip.checkDimensions ?? []).map((d) => d.key)])
  );

  // subscribers, inserted in chunks
  const insertSubscribers = async (prefix, topicsOf) => {
    for (let i = 0; i < size; i += 1000) {
      const rows = [];
      for (let j = i; j < Math.min(size, i + 1000); j += 1) {
        rows.push({
          document_id: crypto.randomBytes(12).toString('hex'),
          email: `${prefix}${j}@subscribers.example.org`,
          name: j % 2 ? `Leser ${j}` : null,
          topics: JSON.stringify(topicsOf(j)),
          status: 'active',
          source: 'import',
          bounce_count: 0,
        });
      }
      await knex.batchInsert(SUBSCRIBERS, rows, 100);
    }
  };
  await insertSubscribers('bench', () => ['offers', 'practice-examples', 'employer-tips']);

  // MJML compile time: cold (first compile in this process) and warm
  const issues = newsletter.service('issues');
  const composer = newsletter.service('composer');
  const probe = await issues.create({ subject: `Benchmark ${size} (compile)`, items });
  if (probe.items.length !== 30) throw new Error(`expected 30 items, got ${probe.items.length}`);
  const cold = await composer.render(probe);
  const warmRuns = [];
  for (let i = 0; i < 5; i += 1) warmRuns.push((await composer.render(probe)).compileMs);
  const compileWarmMs = warmRuns.sort((a, b) => a - b)[2];
  await strapi.db.query('plugin::newsletter.issue').delete({ where: { id: probe.id } });

  // From here on every compile is the dispatcher's: count them (freeze calls the service).
  let compiles = 0;
  const render = composer.render.bind(composer);
  composer.render = async (...args) => {
    compiles += 1;
    return render(...args);
  };

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);

  /** One issue through the real dispatcher, with its figures from the issue row. */
  const dispatcher = newsletter.service('dispatcher');
  const sendIssue = async (subject) => {
    const issue = await issues.create({ subject, items });
    compiles = 0;
    const started = process.hrtime.bigint();
    await dispatcher.start(issue.id);
    await dispatcher.idle();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const final = await strapi.db
      .query('plugin::newsletter.issue')
      .findOne({ where: { id: issue.id } });
    if (final.status !== 'sent')
      throw new Error(`issue ended as ${final.status}: ${final.lastError}`);
    const [{ first }] = await knex(DELIVERIES)
      .where('issue_id', issue.id)
      .min({ first: 'sent_at' });
    const at = (value) => (value ? new Date(value).getTime() : NaN);
    return {
      issue: final,
      seconds,
      rate: size / seconds,
      snapshotMs: at(final.audienceAt) - at(final.startedAt),
      personaliseMs: at(final.personalisedAt) - at(final.audienceAt),
      firstMailMs: Number(first) - at(final.startedAt),
      compiles,
      frozenAt: final.rendering?.frozenAt ?? null,
    };
  };

  // 1. plain: no links
  const plainRun = await sendIssue(`Benchmark ${size} (ohne Verknüpfungen)`);
  const { issue: plainIssue, ...plain } = plainRun;
  plain.issuePersonalised = Number(plainIssue.personalised ?? NaN);

  // 2. personalised: new subscribers, half of them linked to a completed self-check
  await knex(SUBSCRIBERS)
    .where('email', 'like', 'bench%@subscribers.example.org')
    .update({ status: 'unsubscribed' });
  await insertSubscribers('benchp', personalTips.topicsOf);
  const subscriberRows = await knex(SUBSCRIBERS)
    .where('email', 'like', 'benchp%@subscribers.example.org')
    .select('id', 'document_id', 'email');
  const jOf = (email) => Number(/^benchp(\d+)@/.exec(email)[1]);
  const subscribers = subscriberRows.map((row) => ({
    id: Number(row.id),
    documentId: row.document_id,
    j: jOf(row.email),
  }));
  const questionnaire = await strapi.db
    .query('plugin::employer-check.questionnaire')
    .findOne({ where: { active: true }, select: ['version'] });
  const seedStarted = process.hrtime.bigint();
  const links = await personalTips.seedLinks({
    knex,
    table,
    questionnaireVersion: questionnaire.version,
    subscribers,
  });
  const seedSeconds = Number(process.hrtime.bigint() - seedStarted) / 1e9;
  const personalRun = await sendIssue(`Benchmark ${size} (persönliche Tipps)`);
  const { issue: personalIssue, ...personal } = personalRun;
  personal.links = links;
  personal.seedSeconds = seedSeconds;
  personal.expected = personalTips.expectedPersonalised(size);
  personal.issuePersonalised = Number(personalIssue.personalised ?? NaN);

  // invariants in the database
  const problems = [];
  const withItems = await knex(DELIVERIES)
    .where('issue_id', personalIssue.id)
    .whereNotNull('personal_items')
    .select('email', 'personal_items');
  const parseList = (value) => (typeof value === 'string' ? JSON.parse(value) : value);
  personal.withItems = withItems.length;
  personal.distinctSelections = new Set(
    withItems.map((row) => JSON.stringify(parseList(row.personal_items)))
  ).size;
  const wrong = withItems.filter((row) => personalTips.kindOf(jOf(row.email)) !== 'linked');
  if (wrong.length)
    problems.push(
      `${wrong.length} deliveries of subscribers without an active link wanting the topic have own tips (e.g. ${wrong[0].email})`
    );
  if (personal.withItems !== personal.expected)
    problems.push(
      `${personal.withItems} deliveries with own tips, expected ${personal.expected} (linked and wanting the topic)`
    );
  if (personal.issuePersonalised !== personal.expected)
    problems.push(
      `issue row says personalised ${personalIssue.personalised}, expected ${personal.expected}`
    );
  if (!personalIssue.personalisedAt) problems.push('personalisedAt not set on the issue');
  if (plain.issuePersonalised !== 0)
    problems.push(`plain issue says personalised ${plainIssue.personalised}, expected 0`);
  for (const [name, run] of [
    ['plain', plain],
    ['personalised', personal],
  ]) {
    if (run.compiles !== 1) problems.push(`${name} issue: MJML compiled ${run.compiles} times`);
    if (!run.frozenAt) problems.push(`${name} issue: rendering.frozenAt not set`);
  }
  const frozenPersonal = personalIssue.rendering?.personal;
  if (!frozenPersonal) problems.push('the frozen rendering has no personalised section');
  personal.poolSize = frozenPersonal?.pool?.length ?? 0;
  personal.problems = problems;
  // the editor's selection as frozen (what recipients without their own choice get)
  const defaults = (frozenPersonal?.defaults ?? []).map((id) => slugOf.get(id));

  // what the sampled mails must carry
  const sampleJs = personalTips.sampleIndices(size);
  const sampleRows = await knex(DELIVERIES)
    .where('issue_id', personalIssue.id)
    .whereIn(
      'email',
      sampleJs.map((j) => `benchp${j}@subscribers.example.org`)
    )
    .select('email', 'personal_items');
  const samples = sampleRows.map((row) => {
    const j = jOf(row.email);
    const kind = personalTips.kindOf(j);
    const own = row.personal_items
      ? parseList(row.personal_items).map((id) => slugOf.get(id))
      : null;
    return {
      address: row.email,
      kind,
      expected: kind === 'linked-without-topic' ? [] : (own ?? defaults),
      defaults,
      weaknesses: personalTips.profileOf(j).result.weaknesses,
      tipDimensions,
    };
  });

  // 3. baseline: the same number of pre-rendered messages through a plain nodemailer pool
  const frozen = plainIssue.rendering;
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
    plain,
    personal,
    samples,
    baselineRate: size / baselineSeconds,
    peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    compileColdMs: cold.compileMs,
    compileWarmMs,
    messageKb: Buffer.byteLength(sample.html) / 1024,
  });
  await cleanup();
  process.exit(0);
};

(process.argv.includes('--child') ? runChild : runParent)().catch((error) => {
  console.error(String(error?.stack ?? error).slice(0, 2000));
  process.exit(1);
});
