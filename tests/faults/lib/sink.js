/**
 * A counting SMTP sink on loopback for the fault suite. It counts per recipient (RCPT TO) what it
 * accepted and what it refused, and can misbehave on purpose:
 * - `flaky`: answers `451 4.3.0` at the end of DATA to a share of messages (seeded, so a run is
 *   repeatable), at most `maxDeferrals` times per recipient;
 * - `reject`: per address, `550 5.1.1` (mailbox does not exist) or another code at RCPT, as
 *   real servers do;
 * - `down()` / `up()`: stops listening AND drops every open connection at once (the server
 *   "disappears"), then listens again on the same port.
 * `onAccepted` is called synchronously for every accepted message (used to kill a process at an
 * exact count).
 */
const { SMTPServer } = require('smtp-server');

/** mulberry32: a tiny seeded PRNG, so the 451 pattern is the same in every run. */
const seeded = (seed) => () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const REJECT_TEXT = {
  550: '5.1.1 Mailbox does not exist',
  551: '5.1.6 Recipient has moved',
  552: '5.2.2 Mailbox full',
  553: '5.1.3 Bad destination mailbox address syntax',
  554: '5.7.1 Message rejected by policy',
};

const startSink = async ({
  deferShare = 0,
  maxDeferrals = 3,
  seed = 42,
  reject = new Map(),
  onAccepted = null,
  keepMessages = false,
} = {}) => {
  const random = seeded(seed);
  const accepted = new Map(); // address → messages accepted
  const deferred = new Map(); // address → 451 answers
  const refused = new Map(); // address → 5xx answers at RCPT
  const acceptedAt = []; // [time, address] in order
  const messages = []; // with keepMessages: { to, raw } of every accepted message
  const sockets = new Set();
  let server = null;
  let port = 0;
  let listening = false;
  const events = { connections: 0, dropped: 0 };
  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

  const create = () => {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 0,
      onRcptTo(address, _session, callback) {
        const code = reject.get(address.address.toLowerCase());
        if (code) {
          bump(refused, address.address.toLowerCase());
          const error = new Error(REJECT_TEXT[code] ?? `${String(code)[0]}.0.0 Rejected`);
          error.responseCode = code;
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks = [];
        stream.on('data', (chunk) => keepMessages && chunks.push(chunk));
        stream.on('end', () => {
          const rcpts = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          if (
            deferShare > 0 &&
            rcpts.every((rcpt) => (deferred.get(rcpt) ?? 0) < maxDeferrals) &&
            random() < deferShare
          ) {
            for (const rcpt of rcpts) bump(deferred, rcpt);
            const error = new Error('4.3.0 Temporary failure, please try again later');
            error.responseCode = 451;
            callback(error);
            return;
          }
          const now = Date.now();
          for (const rcpt of rcpts) {
            bump(accepted, rcpt);
            acceptedAt.push([now, rcpt]);
            if (keepMessages)
              messages.push({ to: rcpt, raw: Buffer.concat(chunks).toString('utf8') });
          }
          callback();
          if (onAccepted) for (const rcpt of rcpts) onAccepted(rcpt, acceptedAt.length);
        });
      },
    });
    // a client that vanished (killed process) is not the sink's problem
    smtp.on('error', () => undefined);
    smtp.server.on('connection', (socket) => {
      events.connections += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return smtp;
  };

  const listen = () =>
    new Promise((resolve, reject2) => {
      server = create();
      server.server.once('error', reject2);
      server.listen(port, '127.0.0.1', () => {
        port = server.server.address().port;
        listening = true;
        resolve();
      });
    });

  await listen();

  const total = () => acceptedAt.length;
  return {
    get port() {
      return port;
    },
    get listening() {
      return listening;
    },
    accepted,
    deferred,
    refused,
    acceptedAt,
    messages,
    events,
    total,
    distinct: () => accepted.size,
    duplicates: () => [...accepted.entries()].filter(([, n]) => n > 1),
    sumOf: (map) => [...map.values()].reduce((a, b) => a + b, 0),
    set onAccepted(fn) {
      onAccepted = fn;
    },
    /** Stops listening and drops every open connection (no QUIT, no goodbye). */
    async down() {
      if (!listening) return;
      listening = false;
      const closing = new Promise((resolve) => server.server.close(resolve));
      for (const socket of sockets) {
        events.dropped += 1;
        socket.destroy();
      }
      sockets.clear();
      await closing;
      server = null;
    },
    /** Listens again on the same port. */
    async up() {
      if (listening) return;
      await listen();
    },
    async close() {
      await this.down();
    },
    /** Waits until `predicate()` holds, checking every `everyMs`. */
    async until(predicate, timeoutMs, everyMs = 20) {
      const start = Date.now();
      while (!predicate()) {
        if (Date.now() - start > timeoutMs) return false;
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
      return true;
    },
  };
};

module.exports = { startSink, seeded };
