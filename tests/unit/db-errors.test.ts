import { EventEmitter } from 'events';
import { guardDatabaseRejections } from '../../src/bootstrap/unhandled-rejections';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  databaseUnavailableReason,
  isDatabaseUnavailable,
} from '../../src/lib/db-errors';

/** An error shaped like node-postgres' DatabaseError. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('databaseUnavailableReason', () => {
  it('knex pool timeouts', () => {
    const error = new Error(
      'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?'
    );
    error.name = 'KnexTimeoutError';
    expect(databaseUnavailableReason(error)).toBe('pool-timeout');
    // the message alone is enough (e.g. after a re-throw that lost the name)
    expect(databaseUnavailableReason(new Error(error.message))).toBe('pool-timeout');
  });

  it('PostgreSQL: terminated, shutting down, refusing or overloaded', () => {
    expect(
      databaseUnavailableReason(
        pgError('57P01', 'terminating connection due to administrator command')
      )
    ).toBe('server-unavailable');
    expect(databaseUnavailableReason(pgError('57P02', 'crash shutdown'))).toBe(
      'server-unavailable'
    );
    expect(databaseUnavailableReason(pgError('57P03', 'the database system is starting up'))).toBe(
      'server-unavailable'
    );
    expect(databaseUnavailableReason(pgError('08006', 'connection failure'))).toBe(
      'connection-lost'
    );
    expect(databaseUnavailableReason(pgError('08001', 'could not connect'))).toBe(
      'connection-refused'
    );
    expect(databaseUnavailableReason(pgError('53300', 'sorry, too many clients already'))).toBe(
      'too-many-connections'
    );
    expect(
      databaseUnavailableReason(
        pgError('55000', 'database "cms_faults_1" is not currently accepting connections')
      )
    ).toBe('server-unavailable');
  });

  it("node-postgres' own errors when the server closed the socket", () => {
    expect(databaseUnavailableReason(new Error('Connection terminated unexpectedly'))).toBe(
      'connection-lost'
    );
    expect(
      databaseUnavailableReason(
        new Error('Client has encountered a connection error and is not queryable')
      )
    ).toBe('connection-lost');
  });

  it('socket errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(databaseUnavailableReason(refused)).toBe('connection-refused');
    expect(databaseUnavailableReason(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(
      'connection-lost'
    );
    // Node's happy-eyeballs connect gives an AggregateError of per-address errors
    expect(databaseUnavailableReason(new AggregateError([refused], ''))).toBe('connection-refused');
  });

  it('SQLite locked by another process', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(databaseUnavailableReason(busy)).toBe('locked');
    expect(
      databaseUnavailableReason(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))
    ).toBe('locked');
    expect(
      databaseUnavailableReason(
        Object.assign(new Error('database table is locked'), { code: 'SQLITE_LOCKED' })
      )
    ).toBe('locked');
  });

  it('finds the cause of a wrapped error', () => {
    const inner = pgError('57P01', 'terminating connection due to administrator command');
    expect(databaseUnavailableReason(new Error('insert failed', { cause: inner }))).toBe(
      'server-unavailable'
    );
    expect(databaseUnavailableReason({ message: 'wrapped', originalError: inner })).toBe(
      'server-unavailable'
    );
  });

  it('everything else is not "unavailable"', () => {
    expect(databaseUnavailableReason(new Error('Cannot read properties of undefined'))).toBeNull();
    expect(
      databaseUnavailableReason(pgError('23505', 'duplicate key value violates unique constraint'))
    ).toBeNull();
    expect(databaseUnavailableReason(pgError('23502', 'null value in column'))).toBeNull();
    // 55000 is also used for unrelated errors
    expect(
      databaseUnavailableReason(
        pgError('55000', 'currval of sequence "x" is not yet defined in this session')
      )
    ).toBeNull();
    expect(databaseUnavailableReason(pgError('40P01', 'deadlock detected'))).toBeNull();
    expect(
      databaseUnavailableReason(
        Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })
      )
    ).toBeNull();
    expect(databaseUnavailableReason(null)).toBeNull();
    expect(databaseUnavailableReason('database is locked')).toBeNull();
    expect(isDatabaseUnavailable(new Error('ValidationError'))).toBe(false);
  });

  it('does not loop on cyclic causes', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    const b = { message: 'b', cause: a };
    a.cause = b;
    expect(databaseUnavailableReason(a)).toBeNull();
  });

  it('has a German message for clients', () => {
    expect(DATABASE_UNAVAILABLE_MESSAGE).toMatch(/vorübergehend nicht erreichbar/);
  });
});

describe('guardDatabaseRejections', () => {
  const setup = () => {
    const target = new EventEmitter();
    const warnings: string[] = [];
    guardDatabaseRejections({ warn: (message) => warnings.push(message) }, target);
    return { target, warnings };
  };

  it('logs a database-unavailable rejection and keeps running', () => {
    const { target, warnings } = setup();
    const reason = Object.assign(new Error('Connection terminated unexpectedly'), {});
    expect(() => target.emit('unhandledRejection', reason)).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/connection-lost/);
  });

  it('keeps Node’s default for everything else: thrown again', () => {
    const { target, warnings } = setup();
    const reason = new TypeError('x is undefined');
    expect(() => target.emit('unhandledRejection', reason)).toThrow(reason);
    expect(warnings).toHaveLength(0);
  });

  it('installs once per target', () => {
    const target = new EventEmitter();
    const log = { warn: () => undefined };
    guardDatabaseRejections(log, target);
    guardDatabaseRejections(log, target);
    expect(target.listenerCount('unhandledRejection')).toBe(1);
  });
});
