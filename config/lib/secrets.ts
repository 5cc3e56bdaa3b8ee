/**
 * Secrets the app needs before Strapi can start.
 *
 * Development: any secret that is missing (or still the `.env.example` placeholder) is generated
 * once and written into `.env`, so a fresh clone runs with `npm run develop` and no manual step.
 * Production (`NODE_ENV=production`): missing secrets are a hard error with a clear message.
 *
 * This folder is skipped by Strapi's config loader (it only loads files directly in `config/`);
 * the config files import it.
 */
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';

export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'NEWSLETTER_SECRET',
] as const;

const PLACEHOLDER = /tobemodified|change-me/i;

const randomSecret = (): string => crypto.randomBytes(32).toString('base64');

const generate = (name: string): string =>
  name === 'APP_KEYS'
    ? [randomSecret(), randomSecret(), randomSecret(), randomSecret()].join(',')
    : randomSecret();

export const missingSecrets = (env: NodeJS.ProcessEnv = process.env): string[] =>
  REQUIRED_SECRETS.filter((name) => !env[name] || PLACEHOLDER.test(env[name] as string));

/** Replaces `NAME=...` lines in a dotenv text, appending the names it does not contain. */
export const upsertDotenv = (text: string, values: Record<string, string>): string => {
  const lines = text.length ? text.replace(/\n$/, '').split('\n') : [];
  const seen = new Set<string>();
  const updated = lines.map((line) => {
    const match = /^\s*([A-Z0-9_]+)\s*=/.exec(line);
    if (match && match[1] in values) {
      seen.add(match[1]);
      return `${match[1]}=${values[match[1]]}`;
    }
    return line;
  });
  for (const [name, value] of Object.entries(values)) {
    if (!seen.has(name)) updated.push(`${name}=${value}`);
  }
  return `${updated.join('\n')}\n`;
};

export const ensureSecrets = (env: NodeJS.ProcessEnv = process.env): void => {
  const missing = missingSecrets(env);
  if (missing.length === 0) return;

  if (env.NODE_ENV === 'production') {
    throw new Error(
      `Refusing to start in production without real secrets: ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} missing or still a placeholder. ` +
        'Set them in the environment (see .env.example); create each value with ' +
        `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))".`
    );
  }

  const envPath = env.ENV_PATH ?? path.resolve(process.cwd(), '.env');
  const values = Object.fromEntries(missing.map((name) => [name, generate(name)]));
  const current = fs.existsSync(envPath) ? fs.readFileSync(envPath, 'utf8') : '';
  fs.writeFileSync(envPath, upsertDotenv(current, values), { mode: 0o600 });
  Object.assign(env, values);
  console.info(`Generated development secrets into ${envPath}: ${missing.join(', ')}`);
};
