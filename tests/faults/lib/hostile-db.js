/**
 * Row counts of every table of the database (knex from tests/faults/lib/db), to prove that
 * refused requests stored nothing: snapshot before, snapshot after, compare.
 */
const tableNames = async (knex, kind) => {
  if (kind === 'postgres') {
    const result = await knex.raw(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
    );
    return result.rows.map((row) => row.name);
  }
  const rows = await knex.raw(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"
  );
  return rows.map((row) => row.name);
};

const rowCounts = async (knex, kind) => {
  const counts = {};
  for (const name of await tableNames(knex, kind)) {
    const row = await knex(name).count({ n: '*' }).first();
    counts[name] = Number(row.n);
  }
  return counts;
};

/** Tables whose count differs: { table: [before, after] }. */
const differences = (before, after) => {
  const changed = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[name] !== after[name]) changed[name] = [before[name] ?? null, after[name] ?? null];
  }
  return changed;
};

const total = (counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);

module.exports = { rowCounts, differences, total, tableNames };
