#!/usr/bin/env node
/**
 * `npm run bench`: the HTTP load benchmark (tests/bench/http.js), the newsletter benchmark
 * (tests/bench/newsletter.js) and the subscriber import benchmark (tests/bench/import.js), one
 * after the other, each printing its own table and the ratios measured in that run. On
 * PostgreSQL when DATABASE_URL is set (each creates and drops a throw-away database), SQLite
 * otherwise.
 *
 * Arguments go to every script (each reads its own: --duration, --warmup, --connections for the
 * load test; --sizes for the newsletter; --rows, --form for the import). `--quick` is a short
 * run for CI: 1 s warm-up and 3 s per load target, 2,000 subscribers, 2,000 import rows
 * (arguments given explicitly win).
 */
const { spawnSync } = require('child_process');
const path = require('path');

const args = process.argv.slice(2).filter((value) => value !== '--quick');
if (process.argv.includes('--quick')) {
  const given = (name) => args.some((value) => value.startsWith(`--${name}=`));
  if (!given('duration')) args.push('--duration=3');
  if (!given('warmup')) args.push('--warmup=1');
  if (!given('sizes')) args.push('--sizes=2000');
  if (!given('rows')) args.push('--rows=2000');
}

let failed = false;
for (const script of ['http.js', 'newsletter.js', 'import.js']) {
  const { status } = spawnSync(process.execPath, [path.join(__dirname, script), ...args], {
    stdio: 'inherit',
  });
  if (status !== 0) {
    console.error(`\n${script} exited with ${status}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
