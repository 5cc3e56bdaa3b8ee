/**
 * The shared store on a real PostgreSQL (DATABASE_URL; a throw-away database, dropped after):
 * two limiters on two connection pools stand for two instances of the app.
 */
import crypto from 'crypto';
import knexFactory, { type Knex } from 'knex';
import { createRateLimiter, RATE_LIMIT_TABLE } from '../src/rate-limit';

const baseUrl = process.env.DATABASE_URL;
const describePostgres = baseUrl ? describe : describe.skip;
if (!baseUrl) {
  console.log(
    'rate-limit-postgres: skipped, DATABASE_URL not set (the shared store needs PostgreSQL)'
  );
}

describePostgres('rate limiter (PostgreSQL store)', () => {
  const name = `rl_test_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  let admin: Knex;
  const pools: Knex[] = [];
  const pool = () => {
    const url = new URL(baseUrl!);
    url.pathname = `/${name}`;
    const knex = knexFactory({
      client: 'pg',
      connection: url.toString(),
      pool: { min: 0, max: 2 },
    });
    pools.push(knex);
    return knex;
  };

  beforeAll(async () => {
    admin = knexFactory({ client: 'pg', connection: baseUrl, pool: { min: 0, max: 1 } });
    await admin.raw(`CREATE DATABASE ${name}`);
  });

  afterAll(async () => {
    await Promise.all(pools.map((knex) => knex.destroy()));
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.destroy();
  });

  it('two instances share one count: the limit holds in total', async () => {
    const a = createRateLimiter({ windowMs: 60_000, max: 5, keyPrefix: 'test', knex: pool() });
    const b = createRateLimiter({ windowMs: 60_000, max: 5, keyPrefix: 'test', knex: pool() });
    expect([a.store, b.store]).toEqual(['postgres', 'postgres']);
    const answers = [];
    for (let i = 0; i < 8; i += 1)
      answers.push((await (i % 2 ? b : a).hit('10.0.0.1 POST /x')).allowed);
    expect(answers.filter(Boolean)).toHaveLength(5);
    expect(answers.slice(5)).toEqual([false, false, false]);
    expect((await b.hit('10.0.0.2 POST /x')).allowed).toBe(true);
    const rows = await pools[0](RATE_LIMIT_TABLE).select('key', 'points').orderBy('key');
    expect(rows).toEqual([
      { key: 'test:10.0.0.1 POST /x', points: 8 },
      { key: 'test:10.0.0.2 POST /x', points: 1 },
    ]);
  });

  it('counts concurrent hits from both instances without losing one', async () => {
    const a = createRateLimiter({ windowMs: 60_000, max: 50, keyPrefix: 'burst', knex: pool() });
    const b = createRateLimiter({ windowMs: 60_000, max: 50, keyPrefix: 'burst', knex: pool() });
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, i) => (i % 2 ? b : a).hit('10.0.0.3 POST /x'))
    );
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(50);
  });
});
