/**
 * Starting, stopping and killing Strapi processes (tests/faults/server.js), and talking to them
 * over HTTP like an operator or a visitor would.
 */
const { fork } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..', '..', '..');
const SERVER = path.join(__dirname, '..', 'server.js');

/** Secrets shared by every process of a run (a restarted server accepts the same admin token). */
const secret = () => crypto.randomBytes(32).toString('base64');
const SECRETS = {
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  NEWSLETTER_SECRET: secret(),
};

/**
 * The environment of every fault-suite server. The scheduler is on (resuming after a crash relies
 * on its tick); tick, lease and retry base are shortened so a scenario takes seconds, not minutes.
 */
const baseEnv = ({ logDir }) => ({
  ...process.env,
  ...SECRETS,
  NODE_ENV: 'test',
  ENV_PATH: path.join(logDir, 'no.env'),
  HOST: '127.0.0.1',
  PORT: '0',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'false',
  PUBLIC_URL: 'http://cms.faults.example',
  MAIL_FROM: 'Bildungsbüro Newsletter <newsletter@bildungsbuero.example>',
  MAIL_DIR: path.join(logDir, 'mail'),
  SMTP_HOST: '127.0.0.1',
  SMTP_SECURE: 'false',
  SMTP_TIMEOUT_MS: '5000',
  NEWSLETTER_SCHEDULER: 'true',
  NEWSLETTER_TICK_CRON: '*/2 * * * * *',
  NEWSLETTER_DISPATCH_LEASE_SECONDS: '5',
  NEWSLETTER_DISPATCH_RETRY_BASE_SECONDS: '1',
  NEWSLETTER_DIGEST: 'false',
  NEWSLETTER_RATE_LIMIT_MAX: '100000',
  EMPLOYER_CHECK_RETENTION: 'false',
  DATABASE_CONNECTION_TIMEOUT: '10000',
});

const tail = (file, lines = 40) => {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
};

/**
 * Starts one Strapi process and resolves when it listens. Output goes to `<logDir>/<name>.log`.
 */
const startServer = ({ name, env, logDir, timeoutMs = 240_000 }) =>
  new Promise((resolve, reject) => {
    const logFile = path.join(logDir, `${name}.log`);
    const out = fs.openSync(logFile, 'a');
    const child = fork(SERVER, [], {
      cwd: APP_DIR,
      env: { ...baseEnv({ logDir }), ...env },
      stdio: ['ignore', out, out, 'ipc'],
    });
    fs.closeSync(out);
    const startedAt = Date.now();
    let exitCode = null;
    const exited = new Promise((done) =>
      child.on('exit', (code, signal) => {
        exitCode = code ?? signal;
        done({ code, signal });
      })
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s\n${tail(logFile)}`));
    }, timeoutMs);
    const pending = new Map();
    child.on('message', (message) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        const url = `http://127.0.0.1:${message.port}`;
        resolve({
          name,
          pid: child.pid,
          port: message.port,
          url,
          bootMs: Date.now() - startedAt,
          logFile,
          exited,
          get alive() {
            return exitCode === null;
          },
          /** kill -9: no shutdown hooks, no flush, leases left as they are. */
          kill(signal = 'SIGKILL') {
            child.kill(signal);
            return exited;
          },
          /** Graceful stop (strapi.destroy()). */
          async stop() {
            if (exitCode !== null) return;
            child.send({ type: 'stop' });
            const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
            await exited;
            clearTimeout(timeout);
          },
          stats() {
            return new Promise((done) => {
              const id = crypto.randomBytes(4).toString('hex');
              pending.set(id, done);
              child.send({ type: 'stats', id });
            });
          },
          http: (method, route, options) => request(url, method, route, options),
        });
      }
      if (message?.type === 'stats' && pending.has(message.id)) {
        pending.get(message.id)(message.stats);
        pending.delete(message.id);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) while starting\n${tail(logFile)}`));
    });
  });

/**
 * One HTTP request (a new connection each time, so a killed server never leaves a pooled socket
 * behind). `localAddress` lets requests come from different loopback addresses (127.x.y.z), as
 * many visitors would, so per-IP rate limits do not interfere with load.
 */
const request = (
  base,
  method,
  route,
  { body, rawBody, token, headers = {}, localAddress, timeoutMs = 60_000 } = {}
) =>
  new Promise((resolve) => {
    const started = Date.now();
    // `body` is sent as JSON; `rawBody` as it is (with its own Content-Type in `headers`)
    const payload =
      rawBody !== undefined
        ? Buffer.from(rawBody)
        : body === undefined
          ? undefined
          : Buffer.from(JSON.stringify(body));
    const req = http.request(
      `${base}${route}`,
      {
        method,
        agent: false,
        localAddress,
        headers: {
          Accept: 'application/json',
          ...(payload
            ? {
                ...(rawBody === undefined ? { 'Content-Type': 'application/json' } : {}),
                'Content-Length': payload.length,
              }
            : {}),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = null;
          }
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: json,
            text,
            ms: Date.now() - started,
          });
        });
        res.on('error', (error) =>
          resolve({ status: 0, error: error.message, ms: Date.now() - started })
        );
      }
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) =>
      resolve({ status: 0, error: error.message, ms: Date.now() - started })
    );
    if (payload) req.write(payload);
    req.end();
  });

const expectStatus = (response, status, what) => {
  if (response.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${response.status} ${response.error ?? response.text?.slice(0, 500) ?? ''}`
    );
  }
  return response;
};

/** The operator: first admin, issues. */
const operator = {
  async registerAdmin(server) {
    const response = expectStatus(
      await server.http('POST', '/admin/register-admin', {
        body: {
          firstname: 'Fehler',
          lastname: 'Probe',
          email: 'fault-suite@bildungsbuero.example',
          password: 'Fault-Suite-2026',
        },
      }),
      200,
      'register the first admin'
    );
    return response.body.data.accessToken ?? response.body.data.token;
  },
  async createIssue(server, token, subject) {
    const response = expectStatus(
      await server.http('POST', '/newsletter/issues', { token, body: { subject } }),
      201,
      'create an issue'
    );
    const issue = response.body.data;
    if (!issue.items?.length) throw new Error('the proposed issue has no items');
    return issue;
  },
  async send(server, token, documentId) {
    return expectStatus(
      await server.http('POST', `/newsletter/issues/${documentId}/send`, { token }),
      202,
      'send the issue'
    ).body.data;
  },
  async schedule(server, token, documentId, at) {
    return expectStatus(
      await server.http('POST', `/newsletter/issues/${documentId}/schedule`, {
        token,
        body: { at: at.toISOString() },
      }),
      200,
      'schedule the issue'
    ).body.data;
  },
  async resume(server, token, documentId) {
    return expectStatus(
      await server.http('POST', `/newsletter/issues/${documentId}/resume`, { token }),
      200,
      'resume the issue'
    ).body.data;
  },
  async issue(server, token, documentId) {
    return expectStatus(
      await server.http('GET', `/newsletter/issues/${documentId}`, { token }),
      200,
      'read the issue'
    ).body.data;
  },
};

module.exports = { startServer, request, operator, expectStatus, baseEnv, APP_DIR };
