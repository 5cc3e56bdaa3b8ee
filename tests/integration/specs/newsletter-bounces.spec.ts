/**
 * The bounce mailbox against a real IMAP server (Debian's Dovecot, started on a loopback port
 * with a throw-away configuration): an issue goes out with VERP return paths, the bounces come
 * back as Postfix, Exim, Exchange and Gmail write them, plus a feedback report, an
 * out-of-office reply and a person's reply; they are placed into the mailbox with IMAP APPEND and
 * the poller's effects are checked. Skipped with a notice when Dovecot is not installed.
 */
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { ImapFlow } from 'imapflow';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import { hasDovecot, startDovecot, type Dovecot } from '../../helpers/dovecot';
import {
  createSubscribers,
  retireAllSubscribers,
  SUBSCRIBER,
  waitForStatus,
} from '../../helpers/newsletter';

const server = () => getStrapi().server.httpServer;
const FIXTURES = path.resolve(
  __dirname,
  '../../../plugins/newsletter/server/tests/fixtures/bounces'
);
const MAILBOX_MESSAGE = 'plugin::newsletter.mailbox-message';
const DOMAIN = 'bounce-test.example.org';
const TOKEN = /\bd\d+-[0-9a-f]{16}\b/g;

/** Who gets which answer from "their" mail server. */
const CASES = {
  postfix: 'postfix-hard.eml',
  exim: 'exim-hard.eml',
  exchange: 'exchange-hard.eml',
  gmail: 'gmail-hard.eml',
  full: 'mailbox-full.eml',
  delayed: 'postfix-delayed.eml',
  complaint: 'arf-complaint.eml',
  holiday: 'out-of-office.eml',
  person: 'human-reply.eml',
} as const;
type Case = keyof typeof CASES;
const emailOf = (name: Case) => `${name}@${DOMAIN}`;

/** The fixture with the tokens of its (fictional) delivery replaced by a real one. */
const bounceFor = (name: Case, token: string, suffix = '') =>
  fs
    .readFileSync(path.join(FIXTURES, CASES[name]), 'utf8')
    .replace(TOKEN, token)
    .replace(/^(Message-ID:\s*<)/im, `$1${suffix}`);

if (!hasDovecot) {
  console.log('Dovecot (/usr/sbin/dovecot) not installed: bounce-mailbox tests skipped');
}

(hasDovecot ? describe : describe.skip)('newsletter: bounce mailbox over IMAP (Dovecot)', () => {
  let dovecot: Dovecot;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const tokenOf = new Map<string, string>();
  let issueId = '';
  let offer: { documentId: string } | undefined;
  let saved: { returnPath: unknown; bounces: unknown };

  const config = () => getStrapi().config;
  const bounces = () => getStrapi().plugin('newsletter').service('bounces');
  const subscriber = async (name: Case) =>
    getStrapi()
      .db.query(SUBSCRIBER)
      .findOne({ where: { email: emailOf(name) } });

  const imap = async () => {
    const client = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.pass },
      logger: false,
    });
    await client.connect();
    return client;
  };
  const append = async (messages: string[]) => {
    const client = await imap();
    for (const message of messages) await client.append('INBOX', message);
    await client.logout();
  };
  const flagsOnServer = async () => {
    const client = await imap();
    const lock = await client.getMailboxLock('INBOX');
    const flags: { uid: number; flags: string[] }[] = [];
    for await (const message of client.fetch('1:*', { uid: true, flags: true })) {
      flags.push({ uid: message.uid, flags: [...(message.flags ?? [])] });
    }
    lock.release();
    await client.logout();
    return flags;
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    admin = await createAdminToken();
    saved = {
      returnPath: config().get('plugin::newsletter.returnPath'),
      bounces: config().get('plugin::newsletter.bounces'),
    };
    config().set('plugin::newsletter.returnPath', { address: 'bounces@landkreis.example' });
    // the transport reads the return path when it is created: start a fresh one
    getStrapi().plugin('newsletter').service('mailer').reset();
    config().set('plugin::newsletter.bounces', {
      ...(saved.bounces as object),
      imap: {
        host: dovecot.host,
        port: dovecot.port,
        secure: false,
        user: dovecot.user,
        pass: dovecot.pass,
        folder: 'INBOX',
      },
      softBounceLimit: 3,
    });

    // an issue to everyone of this test, sent with VERP return paths
    await retireAllSubscribers();
    await createSubscribers(
      (Object.keys(CASES) as Case[]).map((name) => ({ email: emailOf(name), topics: ['offers'] }))
    );
    // something new to send: the automatic proposal takes what was published since the last issue
    offer = (await getStrapi()
      .documents('api::offer.offer')
      .create({
        data: {
          title: 'Schnupperwoche im Bounce-Test',
          summary: 'Kurzbeschreibung',
          offerType: 'praktikum',
        },
        status: 'published',
      } as never)) as unknown as { documentId: string };
    const sink = getMailSink();
    sink.clear();
    const created = await request(server())
      .post('/newsletter/issues')
      .set(auth())
      .send({ subject: 'Rückläufer-Test' })
      .expect(201);
    await request(server())
      .post(`/newsletter/issues/${created.body.data.documentId}/send`)
      .set(auth())
      .expect(202);
    issueId = created.body.data.documentId;
    await waitForStatus(issueId, ['sent']);
    for (const name of Object.keys(CASES) as Case[]) {
      const mail = sink.mails.find((entry) => entry.to.includes(emailOf(name)))!;
      const match = /^bounces\+([a-z0-9-]+)@landkreis\.example$/.exec(mail.from);
      expect(match).not.toBeNull();
      expect(mail.header('x-bounce-ref')).toBe(match![1]);
      tokenOf.set(name, match![1]);
    }
  }, 120_000);

  afterAll(async () => {
    if (offer) {
      await getStrapi()
        .documents('api::offer.offer')
        .delete({ documentId: offer.documentId } as never);
    }
    config().set('plugin::newsletter.returnPath', saved.returnPath);
    getStrapi().plugin('newsletter').service('mailer').reset();
    config().set('plugin::newsletter.bounces', saved.bounces);
    await dovecot?.stop();
  });

  it('every mail of the issue went out with its own signed return path', () => {
    const tokens = [...tokenOf.values()];
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).toMatch(/^d\d+-[0-9a-f]{16}$/);
  });

  it('hard bounces, a complaint, an auto-reply and a person’s reply have their effects', async () => {
    await append(
      (['postfix', 'exim', 'exchange', 'gmail', 'complaint', 'holiday', 'person'] as Case[]).map(
        (name) => bounceFor(name, tokenOf.get(name)!)
      )
    );
    const result = await bounces().poll();
    expect(result.state).toBe('done');
    expect(result.pass).toMatchObject({ found: 7, handled: 7, remarked: 0, stopped: false });
    expect(result.outcomes).toEqual({ applied: 5, ignored: 1, unmatched: 1, duplicate: 0 });

    for (const name of ['postfix', 'exim', 'exchange', 'gmail'] as Case[]) {
      const row = await subscriber(name);
      expect({ name, status: row.status, bounceCount: row.bounceCount }).toEqual({
        name,
        status: 'bounced',
        bounceCount: 1,
      });
      const event = row.history.at(-1);
      expect(event).toMatchObject({ event: 'bounced', source: 'mailbox' });
      // Exim names only the SMTP code (550) in its text, the others an enhanced status code
      expect(`${event.statusCode ?? ''} ${event.reason}`).toMatch(/\b5\.\d|\b5\d\d\b/);
    }
    const complained = await subscriber('complaint');
    expect(complained.status).toBe('complained');
    expect(complained.unsubscribedAt).toBeTruthy();
    expect(complained.history.at(-1)).toMatchObject({ event: 'complained', source: 'mailbox' });
    expect((await subscriber('holiday')).status).toBe('active');
    expect((await subscriber('person')).status).toBe('active');

    // on the server: done, and the person's reply flagged and unread for a person
    const flags = await flagsOnServer();
    expect(flags).toHaveLength(7);
    for (const entry of flags) expect(entry.flags).toContain('NewsletterDone');
    const forPerson = flags.filter((entry) => entry.flags.includes('\\Flagged'));
    expect(forPerson).toHaveLength(1);
    expect(forPerson[0].flags).not.toContain('\\Seen');

    const status = await request(server())
      .get('/newsletter/bounces/status')
      .set(auth())
      .expect(200);
    expect(status.body.data).toMatchObject({
      configured: true,
      running: false,
      byOutcome: { applied: 5, ignored: 1, unmatched: 1 },
    });
    expect(status.body.data.lastPollAt).toBeTruthy();

    // the issue's report counts what came back for its mails
    const report = await request(server())
      .get(`/newsletter/issues/${issueId}/report`)
      .set(auth())
      .expect(200);
    expect(report.body.data.figures).toMatchObject({
      recipients: 9,
      sent: 9,
      hardBounces: 4,
      softBounces: 0,
      complaints: 1,
    });
    expect(report.body.data.mailbox).toMatchObject({ configured: true });
  });

  it('soft bounces count; the third within the period makes the address bounced', async () => {
    const token = tokenOf.get('full')!;
    await append([bounceFor('delayed', tokenOf.get('delayed')!), bounceFor('full', token, 'a')]);
    await bounces().poll();
    expect((await subscriber('delayed')).status).toBe('active');
    expect((await subscriber('full')).status).toBe('active');
    await append([bounceFor('full', token, 'b')]);
    await bounces().poll();
    expect((await subscriber('full')).status).toBe('active');
    await append([bounceFor('full', token, 'c')]);
    await bounces().poll();
    const full = await subscriber('full');
    expect(full.status).toBe('bounced');
    const events = full.history.map((event: { event: string }) => event.event);
    expect(events.filter((event: string) => event === 'soft-bounce')).toHaveLength(3);
    expect(events.at(-1)).toBe('bounced');
  });

  it('a forged or foreign token bounces nobody', async () => {
    const real = tokenOf.get('holiday')!;
    const forged = real.replace(/-[0-9a-f]{16}$/, '-0000000000000000');
    const other = real.replace(/^d\d+/, 'd999999');
    await append([bounceFor('postfix', forged, 'x'), bounceFor('postfix', other, 'y')]);
    const result = await bounces().poll();
    expect(result.outcomes).toMatchObject({ applied: 0, unmatched: 2 });
    expect((await subscriber('holiday')).status).toBe('active');
  });

  it('a message whose flag was lost is not applied again (crash after the commit)', async () => {
    const before = (await getStrapi().db.query(MAILBOX_MESSAGE).count()) as number;
    const client = await imap();
    const lock = await client.getMailboxLock('INBOX');
    await client.messageFlagsRemove('1:*', ['NewsletterDone'], { uid: true });
    lock.release();
    await client.logout();
    const result = await bounces().poll();
    expect(result.pass).toMatchObject({ handled: 0 });
    expect(result.pass!.remarked).toBeGreaterThan(10);
    expect(await getStrapi().db.query(MAILBOX_MESSAGE).count()).toBe(before);
    expect((await subscriber('postfix')).bounceCount).toBe(1);
  });

  it('two pollers at once: one holds the lease; a message read by both counts once', async () => {
    const [a, b] = await Promise.all([
      bounces().poll({ owner: 'instance-a' }),
      bounces().poll({ owner: 'instance-b' }),
    ]);
    expect([a.state, b.state].sort()).toEqual(['busy', 'done']);

    // Two instances that both fetched the same message (e.g. one whose lease ran out while it
    // was still working): the unique message key lets its effect happen once.
    await getStrapi()
      .db.query(SUBSCRIBER)
      .updateMany({
        where: { email: emailOf('exim') },
        data: { status: 'active', bounceCount: 0, history: [] },
      });
    const source = Buffer.from(bounceFor('exim', tokenOf.get('exim')!, 'again'));
    const key = 'both-instances@test/INBOX/1/1';
    const results = await Promise.all(
      Array.from({ length: 4 }, () => bounces().processMessage(key, source))
    );
    expect(results.map((result) => result.outcome).sort()).toEqual([
      'applied',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    const row = await subscriber('exim');
    expect(row).toMatchObject({ status: 'bounced', bounceCount: 1 });
    expect(
      row.history.filter((event: { event: string }) => event.event === 'bounced')
    ).toHaveLength(1);
  });

  it('an editor reactivates a bounced address only with a reason; the export shows the bounces', async () => {
    const row = await subscriber('gmail');
    await request(server())
      .post(`/newsletter/subscribers/${row.documentId}/reactivate`)
      .set(auth())
      .send({})
      .expect(400);
    const complained = await subscriber('complaint');
    const refused = await request(server())
      .post(`/newsletter/subscribers/${complained.documentId}/reactivate`)
      .set(auth())
      .send({ reason: 'Telefonisch bestätigt' })
      .expect(400);
    expect(refused.body.error.message).toContain('unzustellbare');

    const data = await request(server())
      .get(`/newsletter/subscribers/${row.documentId}/data`)
      .set(auth())
      .expect(200);
    expect(data.body.data.bounces).toHaveLength(1);
    expect(data.body.data.bounces[0]).toMatchObject({ kind: 'hard' });
    expect(data.body.data.bounces[0].statusCode).toMatch(/^5\./);

    await request(server())
      .post(`/newsletter/subscribers/${row.documentId}/reactivate`)
      .set(auth())
      .send({ reason: 'Postfach laut Telefonat wieder eingerichtet' })
      .expect(200);
    const after = await subscriber('gmail');
    expect(after.status).toBe('active');
    expect(after.history.at(-1)).toMatchObject({
      event: 'reactivated',
      from: 'bounced',
      reason: 'Postfach laut Telefonat wieder eingerichtet',
    });
  });

  it('confirmation mails carry a return path too: a bounce of one marks the pending address', async () => {
    const sink = getMailSink();
    await request(server())
      .post('/api/newsletter/subscribe')
      .send({ email: `pending@${DOMAIN}`, topics: ['offers'], consent: true })
      .expect(202);
    const mail = await sink.waitFor((entry) => entry.to.includes(`pending@${DOMAIN}`));
    const token = /^bounces\+(m\d+-[0-9a-f]{16})@/.exec(mail.from)?.[1];
    expect(token).toBeTruthy();
    await append([bounceFor('gmail', token!, 'confirm')]);
    const result = await bounces().poll();
    expect(result.outcomes).toMatchObject({ applied: 1 });
    const row = await getStrapi()
      .db.query(SUBSCRIBER)
      .findOne({ where: { email: `pending@${DOMAIN}` } });
    expect(row.status).toBe('bounced');
  });
});
