/**
 * HTTP for the hostile-input scenario: requests exactly as generated (raw path bytes, raw body
 * bytes, any headers), each on its own connection from its own loopback address, with a time
 * limit (a request that does not answer in time counts as a hang), and a small pool that keeps a
 * fixed number of them in flight.
 */
const http = require('http');

/**
 * Loopback addresses 127.10.0.1, 127.10.0.2, …: every request gets its own, so the per-IP rate
 * limits never interfere with the generated load (the rate limits are tested on their own).
 * The second octet starts at 10 to stay clear of other scenarios' 127.0.x.y.
 */
const createAddresses = (secondOctet = 10) => {
  let next = 0;
  return () => {
    const i = next++;
    const a = secondOctet + (Math.floor(i / (254 * 254)) % 200);
    const b = Math.floor(i / 254) % 254;
    const c = 1 + (i % 254);
    return `127.${a}.${b}.${c}`;
  };
};

/**
 * One request. `path` is sent as is (characters U+0080–U+00FF go out as single bytes, so invalid
 * UTF-8 can be sent on purpose); `body` is a Buffer or a string (UTF-8).
 */
const send = (
  base,
  { method, path, headers = {}, body },
  { localAddress, timeoutMs = 15_000 } = {}
) =>
  new Promise((resolve) => {
    const started = Date.now();
    const payload =
      body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      resolve({ ms: Date.now() - started, ...result });
    };
    let req;
    try {
      const url = new URL(base);
      req = http.request({
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent: false,
        localAddress,
        headers: {
          ...(payload ? { 'Content-Length': payload.length } : {}),
          ...headers,
        },
        timeout: timeoutMs,
        insecureHTTPParser: true,
      });
    } catch (error) {
      // the client refused to send it (e.g. a header Node will not write): not the server's fault
      done({ status: -1, error: `client: ${error.code ?? error.message}` });
      return;
    }
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const buffer = Buffer.concat(chunks);
        done({
          status: res.statusCode,
          headers: res.headers,
          buffer,
          text: buffer.toString('utf8'),
        });
      });
      res.on('error', (error) => done({ status: 0, error: error.message }));
    });
    req.on('timeout', () => {
      done({ status: 0, error: 'timeout' });
      req.destroy();
    });
    req.on('error', (error) => done({ status: 0, error: error.code ?? error.message }));
    if (payload) req.write(payload);
    req.end();
  });

/** Runs `tasks` (functions returning promises) with at most `concurrency` in flight. */
const pool = async (tasks, concurrency) => {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
};

const json = (value) => ({
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  body: JSON.stringify(value),
});

const parseJson = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

module.exports = { createAddresses, send, pool, json, parseJson };
