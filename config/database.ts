import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite (`.tmp/data.db`) unless DATABASE_CLIENT=postgres. For PostgreSQL either DATABASE_URL or
 * DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD are used.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  // Compiled to dist/config, so the app root is two levels up.
  const appRoot = path.resolve(__dirname, '..', '..');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          // pg gives a connection string precedence over the separate fields.
          connectionString: env('DATABASE_URL', undefined),
          host: env('DATABASE_HOST', 'localhost'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'strapi'),
          password: env('DATABASE_PASSWORD', 'strapi'),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(
      `Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres".`
    );
  }

  const busyTimeoutMs = env.int('DATABASE_BUSY_TIMEOUT_MS', 5000);
  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(appRoot, env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      pool: {
        // How long a statement waits for a lock another process holds before it fails with
        // SQLITE_BUSY (answered as 503 by the db-unavailable middleware).
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          (connection as { pragma: (source: string) => unknown }).pragma(
            `busy_timeout = ${busyTimeoutMs}`
          );
          done(undefined, connection);
        },
      },
    },
  };
};

export default config;
