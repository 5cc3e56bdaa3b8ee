#!/usr/bin/env node
/**
 * The fault suite: `npm run test:faults`.
 *
 * Real Strapi processes (tests/faults/server.js) on a throw-away database (SQLite, or PostgreSQL
 * when DATABASE_URL is set), a real SMTP sink on loopback in this process, and faults made for
 * real: kill -9, a second server on the same database, SMTP answering 451/550, SMTP gone for a
 * minute, the database refusing connections. Each scenario checks its invariants against what the
 * sink counted per recipient and what the database holds; the run prints a table of the measured
 * figures, writes them to tests/artifacts/faults-<sqlite|postgres>.json and exits non-zero when
 * an invariant failed.
 *
 *   npm run test:faults                        all scenarios, full size
 *   npm run test:faults -- --only=crash        one scenario (crash, two-instances, sigterm,
 *                                              smtp-errors, smtp-down, db-outage, db-errors,
 *                                              hostile, proxy, cluster; comma-separated)
 *   FAULT_SUBSCRIBERS=1000 FAULT_SMTP_DOWN_SECONDS=10 npm run test:faults   scaled down (CI)
 *   DATABASE_URL=postgres://… npm run test:faults                           on PostgreSQL
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createDatabase } = require('./lib/db');
const { startServer, APP_DIR } = require('./lib/servers');
const { startSink } = require('./lib/sink');

const SCENARIOS = [
  require('./scenarios/crash'),
  require('./scenarios/two-instances'),
  require('./scenarios/sigterm'),
  require('./scenarios/smtp-errors'),
  require('./scenarios/smtp-down'),
  require('./scenarios/db-outage'),
  require('./scenarios/db-errors'),
  require('./scenarios/hostile'),
  require('./scenarios/proxy'),
  require('./scenarios/cluster'),
];

const scale = {
  subscribers: Number(process.env.FAULT_SUBSCRIBERS || 5000),
  smtpDownSeconds: Number(process.env.FAULT_SMTP_DOWN_SECONDS || 60),
  dbOutageSeconds: Number(process.env.FAULT_DB_OUTAGE_SECONDS || 5),
};

const kind = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

const main = async () => {
  const only = process.argv
    .find((value) => value.startsWith('--only='))
    ?.slice(7)
    .split(',')
    .filter(Boolean);
  const unknown = (only ?? []).filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) {
    console.error(
      `unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`
    );
    process.exit(2);
  }
  const selected = SCENARIOS.filter((s) => !only || only.includes(s.name));

  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-faults-logs-'));
  console.log(
    `Fault suite on ${kind === 'postgres' ? 'PostgreSQL' : 'SQLite'}: ${selected.map((s) => s.name).join(', ')}; ` +
      `${scale.subscribers} subscribers, SMTP down ${scale.smtpDownSeconds} s, database out ${scale.dbOutageSeconds} s ` +
      `(${os.cpus().length} cores, Node ${process.version}); server logs in ${logDir}`
  );

  // Compile once: the servers load dist/ and never compile themselves (no concurrent writes).
  const compileStarted = Date.now();
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });
  console.log(`compiled in ${((Date.now() - compileStarted) / 1000).toFixed(1)} s`);

  const context = {
    kind,
    scale,
    logDir,
    createDatabase,
    startSink,
    startServer: (options) => startServer({ logDir, ...options }),
  };
  const results = [];
  const runStarted = Date.now();
  for (const scenario of selected) {
    const started = Date.now();
    console.log(`\n--- ${scenario.name}: ${scenario.title}`);
    let result;
    if ((scenario.postgresOnly && kind !== 'postgres') || scenario.unavailable) {
      result = { skipped: scenario.skipReason, checks: [], figures: {} };
      console.log(`skipped: ${scenario.skipReason}`);
    } else {
      try {
        result = await scenario.run(context);
      } catch (error) {
        result = {
          checks: [
            {
              name: 'scenario ran to the end',
              ok: false,
              measured: String(error?.stack ?? error).slice(0, 3000),
            },
          ],
          figures: {},
        };
      }
    }
    result.seconds = (Date.now() - started) / 1000;
    results.push({ name: scenario.name, title: scenario.title, ...result });
    for (const check of result.checks) {
      console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.measured}`);
    }
    if (result.figures?.summary) console.log(`     ${result.figures.summary}`);
    console.log(`     (${result.seconds.toFixed(0)} s)`);
  }

  // The table
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const rows = [];
  rows.push(line(['scenario', 'invariant', 'measured', 'result']));
  rows.push(line(['---', '---', '---', '---']));
  for (const result of results) {
    if (result.skipped) {
      rows.push(line([result.name, '–', `skipped: ${result.skipped}`, 'skipped']));
      continue;
    }
    result.checks.forEach((check, index) =>
      rows.push(
        line([
          index === 0 ? `${result.name} (${result.seconds.toFixed(0)} s)` : '',
          check.name,
          check.measured.split('\n')[0].replace(/\|/g, '/'),
          check.ok ? 'ok' : '**FAIL**',
        ])
      )
    );
  }
  const totalSeconds = (Date.now() - runStarted) / 1000;
  console.log(
    `\nFault suite, ${kind === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${scale.subscribers} subscribers, ` +
      `SMTP down ${scale.smtpDownSeconds} s, database out ${scale.dbOutageSeconds} s, ${totalSeconds.toFixed(0)} s in all\n`
  );
  console.log(rows.join('\n'));

  const failed = results.filter((result) => result.checks.some((check) => !check.ok));
  const artifacts = path.join(APP_DIR, 'tests', 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `faults-${kind}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify(
      {
        database: kind,
        scale,
        node: process.version,
        cores: os.cpus().length,
        finishedAt: new Date().toISOString(),
        seconds: totalSeconds,
        ok: failed.length === 0,
        scenarios: results,
      },
      null,
      2
    )}\n`
  );
  console.log(`\nfigures written to ${path.relative(APP_DIR, file)}`);
  if (failed.length) {
    console.log(
      `FAILED: ${failed.map((result) => result.name).join(', ')} (server logs in ${logDir})`
    );
    process.exit(1);
  }
  if (!process.env.FAULT_KEEP_LOGS) fs.rmSync(logDir, { recursive: true, force: true });
  process.exit(0);
};

main().catch((error) => {
  console.error(String(error?.stack ?? error).slice(0, 3000));
  process.exit(1);
});
