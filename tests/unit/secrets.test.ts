import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  ensureSecrets,
  missingSecrets,
  REQUIRED_SECRETS,
  upsertDotenv,
} from '../../config/lib/secrets';

const complete = () =>
  Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, `real-${name}`])) as NodeJS.ProcessEnv;

describe('secrets', () => {
  it('treats missing and placeholder values as missing', () => {
    expect(missingSecrets(complete())).toEqual([]);
    expect(missingSecrets({ ...complete(), JWT_SECRET: 'tobemodified' })).toEqual(['JWT_SECRET']);
    expect(missingSecrets({})).toEqual([...REQUIRED_SECRETS]);
  });

  it('refuses to start in production without real secrets, naming them', () => {
    const env = { ...complete(), NODE_ENV: 'production', APP_KEYS: '' };
    expect(() => ensureSecrets(env)).toThrow(/production.*APP_KEYS/);
    expect(() => ensureSecrets({ ...complete(), NODE_ENV: 'production' })).not.toThrow();
  });

  it('generates missing development secrets into .env, keeping other lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    const envPath = path.join(dir, '.env');
    fs.writeFileSync(envPath, 'PORT=1338\nJWT_SECRET=tobemodified\n');
    const env: NodeJS.ProcessEnv = { ENV_PATH: envPath, NODE_ENV: 'development' };
    const log = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    ensureSecrets(env);
    log.mockRestore();

    const text = fs.readFileSync(envPath, 'utf8');
    expect(text).toMatch(/^PORT=1338$/m);
    for (const name of REQUIRED_SECRETS) {
      expect(env[name]).toBeTruthy();
      expect(text).toContain(`${name}=${env[name]}`);
    }
    expect(env.JWT_SECRET).not.toBe('tobemodified');
    expect(env.APP_KEYS!.split(',')).toHaveLength(4);

    // A second run finds everything and writes nothing.
    const before = fs.readFileSync(envPath, 'utf8');
    ensureSecrets(env);
    expect(fs.readFileSync(envPath, 'utf8')).toBe(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('upsertDotenv replaces and appends', () => {
    expect(upsertDotenv('A=1\nB=2\n', { B: '3', C: '4' })).toBe('A=1\nB=3\nC=4\n');
    expect(upsertDotenv('', { A: '1' })).toBe('A=1\n');
  });
});
