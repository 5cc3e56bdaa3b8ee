/**
 * An SMTP sink on loopback that keeps every message parsed (mailparser), so the hostile-input
 * scenario reads mails as a subscriber's mail program would (the fault suite's own sink only
 * counts).
 */
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const startMailCapture = async () => {
  const mails = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 0,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        try {
          const parsed = await simpleParser(raw);
          mails.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            raw: raw.toString('utf8'),
            subject: parsed.subject ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            text: parsed.text ?? '',
            headers: parsed.headers,
          });
        } catch (error) {
          mails.push({ to: [], raw: raw.toString('utf8'), error: String(error) });
        }
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.server.address().port,
    mails,
    to: (address) => mails.filter((mail) => mail.to.includes(address.toLowerCase())),
    async waitFor(predicate, timeoutMs = 30_000) {
      const start = Date.now();
      for (;;) {
        const found = mails.find(predicate);
        if (found) return found;
        if (Date.now() - start > timeoutMs) throw new Error('no such mail arrived');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

module.exports = { startMailCapture };
