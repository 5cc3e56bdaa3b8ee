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

  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(appRoot, env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;
