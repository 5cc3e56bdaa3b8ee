/**
 * Micro-benchmark: the personalise step's history query (what a batch of 500 linked subscribers
 * received in earlier issues) on 300,000 delivery rows, without and with the index on
 * subscriber_id that the delivery schema now has. SQLite in memory (better-sqlite3), the same
 * statement shape knex sends. Run: node tests/bench/delivery-history.js
 */
const Database = require('better-sqlite3');
const db = new Database(':memory:');
db.exec(`CREATE TABLE d (id INTEGER PRIMARY KEY, issue_id INT, subscriber_id INT, status TEXT, topics TEXT, personal_items TEXT);
CREATE UNIQUE INDEX d_is ON d(issue_id, subscriber_id); CREATE INDEX d_ist ON d(issue_id, status);`);
const insert = db.prepare(
  'INSERT INTO d (issue_id, subscriber_id, status, topics, personal_items) VALUES (?, ?, ?, ?, ?)'
);
db.transaction(() => {
  for (const issue of [1, 2])
    for (let s = 1; s <= 100000; s += 1)
      insert.run(
        issue,
        s + (issue - 1) * 100000,
        'sent',
        '["offers","employer-tips"]',
        s % 2 ? '["a","b","c"]' : null
      );
  for (let s = 1; s <= 100000; s += 1)
    insert.run(3, 100000 + s, 'pending', '["employer-tips"]', null);
})();
const ids = Array.from({ length: 500 }, (_, i) => 100001 + i * 2);
const sql = `SELECT subscriber_id, issue_id, topics, personal_items FROM d WHERE subscriber_id IN (${ids.map(() => '?').join(',')}) AND status = 'sent' AND NOT issue_id = ?`;
const measure = (label) => {
  const stmt = db.prepare(sql);
  stmt.all(...ids, 3);
  const runs = 20;
  const t = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) stmt.all(...ids, 3);
  const ms = Number(process.hrtime.bigint() - t) / 1e6 / runs;
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...ids, 3)
    .map((row) => row.detail)
    .join('; ');
  console.log(`${label}: ${ms.toFixed(2)} ms per batch of 500 (${plan})`);
  return ms;
};
const before = measure('without index');
db.exec('CREATE INDEX d_sub ON d(subscriber_id)');
const after = measure('with index on subscriber_id');
console.log(
  `ratio ${(before / after).toFixed(0)}x; 300,000 rows; load ${require('os')
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`
);
