/**
 * The bounce mailbox classifier with messages as the mail systems write them (fixtures/bounces/,
 * fictional) and a few built here: several recipients, upper-case tokens, plain-text bounces
 * of other MTAs, auto-replies next to reports, and garbage.
 */
import fs from 'fs';
import path from 'path';
import { classifyMessage, type BounceReport } from '../src/lib/bounce';

const mailbox = { local: 'bounces', domain: 'landkreis.example' };
const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, 'fixtures', 'bounces', name));
const classify = (raw: Buffer | string) => classifyMessage(raw, mailbox);

describe('classifyMessage: fixtures', () => {
  it.each<[string, Partial<BounceReport>]>([
    [
      'postfix-hard.eml',
      {
        kind: 'hard',
        tokens: ['d42-0123456789abcdef'],
        recipient: 'anna.beispiel@example.net',
        status: '5.1.1',
        action: 'failed',
        diagnostic:
          '550 5.1.1 <anna.beispiel@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
      },
    ],
    [
      'postfix-delayed.eml',
      {
        kind: 'soft',
        tokens: ['d43-89abcdef01234567'],
        recipient: 'jonas.wartend@example.org',
        status: '4.4.1',
        action: 'delayed',
        diagnostic: 'connect to mx.example.org[203.0.113.40]:25: Connection timed out',
      },
    ],
    [
      'exim-hard.eml',
      {
        kind: 'hard',
        tokens: ['d44-fedcba9876543210'],
        recipient: 'l.lehmann@example.net',
        diagnostic: '550 No such user here',
      },
    ],
    [
      'exchange-hard.eml',
      {
        kind: 'hard',
        tokens: ['d45-0f1e2d3c4b5a6978'],
        recipient: 'b.muster@verwaltung.example.net',
        status: '5.1.10',
        action: 'failed',
        diagnostic:
          '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
      },
    ],
    [
      'gmail-hard.eml',
      {
        kind: 'hard',
        tokens: ['d46-00112233445566ff'],
        recipient: 'c.probe@example.net',
        status: '5.1.1',
        action: 'failed',
        diagnostic:
          "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.example.org/mail/?p=NoSuchUser a1b2c3d4e5f6.12 - gsmtp",
      },
    ],
    [
      'mailbox-full.eml',
      {
        kind: 'soft',
        tokens: ['d47-a0b1c2d3e4f50617'],
        recipient: 'dora.voll@example.org',
        status: '5.2.2',
        action: 'failed',
        diagnostic: '552 5.2.2 <dora.voll@example.org> Quota exceeded (mailbox for user is full)',
      },
    ],
    [
      'arf-complaint.eml',
      {
        kind: 'complaint',
        tokens: ['d48-1234567890abcdef'],
        recipient: 'emil.klage@example.net',
        diagnostic: 'Feedback-Type: abuse; User-Agent: ExampleFBL/2.1',
      },
    ],
    [
      'out-of-office.eml',
      {
        kind: 'auto-reply',
        tokens: ['d49-fedcba0123456789'],
        diagnostic: 'Auto-Submitted: auto-replied',
      },
    ],
    [
      'human-reply.eml',
      {
        kind: 'unknown',
        tokens: ['d50-0011223344556677'],
        reason: 'no delivery report, complaint or auto-reply markers',
      },
    ],
  ])('%s', async (name, expected) => {
    const report = await classify(fixture(name));
    expect(report).toEqual(expect.objectContaining(expected));
    if (expected.kind === 'auto-reply' || expected.kind === 'unknown') {
      expect(report.recipient).toBeUndefined();
      expect(report.status).toBeUndefined();
    }
    expect(report.diagnostic?.length ?? 0).toBeLessThanOrEqual(500);
    expect(report.diagnostic ?? '').not.toMatch(/\n/);
  });

  it('reports the message id, date and decoded subject of the bounce itself', async () => {
    const report = await classify(fixture('exchange-hard.eml'));
    expect(report.messageId).toBe(
      '<2f4e6a8c-1b3d-4f5a-8e7c-9d0b1a2c3e4f@EX01.verwaltung.example.net>'
    );
    expect(report.date).toEqual(new Date('2026-03-13T06:45:01Z'));
    expect(report.subject).toBe('Unzustellbar: Newsletter März 2026');
  });

  it('reads the same message with CRLF line endings and as a string', async () => {
    const lf = fixture('postfix-hard.eml').toString('utf8');
    const crlf = await classify(lf.replace(/\n/g, '\r\n'));
    expect(crlf).toEqual(await classify(fixture('postfix-hard.eml')));
    expect(crlf.kind).toBe('hard');
  });
});

describe('classifyMessage: tokens', () => {
  it('finds upper-case tokens and returns them lower-cased', async () => {
    const raw = fixture('postfix-hard.eml')
      .toString('utf8')
      .replace(
        /^(To|Delivered-To): bounces\+d42-0123456789abcdef@landkreis\.example$/gm,
        '$1: BOUNCES+D42-0123456789ABCDEF@LANDKREIS.EXAMPLE'
      );
    expect(raw).toContain('To: BOUNCES+D42-0123456789ABCDEF@LANDKREIS.EXAMPLE');
    const report = await classify(raw);
    expect(report.tokens).toEqual(['d42-0123456789abcdef']);
  });

  it('orders tokens: bounce headers, then the original Return-Path, To and X-Bounce-Ref', async () => {
    const raw = fixture('postfix-hard.eml')
      .toString('utf8')
      .replace(/^To: bounces\+d42-0123456789abcdef/m, 'To: bounces+d42-aaaaaaaaaaaaaaaa')
      .replace(
        /^Return-Path: <bounces\+d42-0123456789abcdef/m,
        'Return-Path: <bounces+d42-bbbbbbbbbbbbbbbb'
      )
      .replace(/^X-Bounce-Ref: d42-0123456789abcdef/m, 'X-Bounce-Ref: D42-CCCCCCCCCCCCCCCC');
    const report = await classify(raw);
    expect(report.tokens).toEqual([
      'd42-aaaaaaaaaaaaaaaa',
      'd42-0123456789abcdef',
      'd42-bbbbbbbbbbbbbbbb',
      'd42-cccccccccccccccc',
    ]);
  });

  it('ignores other mailboxes and look-alike domains', async () => {
    const raw = [
      'From: Someone <someone@example.org>',
      'To: bounces+d1-0000000000000000@landkreis.example.net, other+d2-1111111111111111@landkreis.example',
      'Delivered-To: xbounces+d3-2222222222222222@landkreis.example',
      'Subject: hello',
      '',
      'text',
    ].join('\n');
    expect((await classify(raw)).tokens).toEqual([]);
  });

  it('takes the token from Original-Mail-From of a feedback report', async () => {
    const raw = fixture('arf-complaint.eml')
      .toString('utf8')
      .replace(
        'Version: 1\n',
        'Version: 1\nOriginal-Mail-From: <bounces+d48-ffffffffffffffff@landkreis.example>\n'
      );
    expect((await classify(raw)).tokens).toEqual(['d48-ffffffffffffffff', 'd48-1234567890abcdef']);
  });
});

const dsn = (statusPart: string, extraHeaders: string[] = []) =>
  [
    'Return-Path: <>',
    'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
    'To: bounces+d7-0123456789abcdef@landkreis.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Tue, 10 Mar 2026 10:00:00 +0100',
    'Message-ID: <dsn-test@mx.example.org>',
    'Auto-Submitted: auto-replied',
    ...extraHeaders,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Delivery to one or more recipients failed.',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    statusPart,
    '',
    '--b1--',
    '',
  ].join('\n');

describe('classifyMessage: delivery reports', () => {
  it('reports the failed recipient of a report on two recipients', async () => {
    const report = await classify(
      dsn(
        [
          'Reporting-MTA: dns; mx.example.org',
          '',
          'Final-Recipient: rfc822; ok@example.org',
          'Action: delivered',
          'Status: 2.0.0',
          'Diagnostic-Code: smtp; 250 2.0.0 Ok: queued',
          '',
          'Final-Recipient: rfc822; Gone@Example.org',
          'Action: failed',
          'Status: 5.1.1',
          'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: user unknown',
        ].join('\n')
      )
    );
    expect(report).toEqual(
      expect.objectContaining({
        kind: 'hard',
        recipient: 'gone@example.org',
        status: '5.1.1',
        action: 'failed',
        diagnostic: '550 5.1.1 <gone@example.org>: user unknown',
        tokens: ['d7-0123456789abcdef'],
      })
    );
  });

  it('splits recipient blocks that lack the blank line between them', async () => {
    const report = await classify(
      dsn(
        [
          'Reporting-MTA: dns; mx.example.org',
          '',
          'Final-Recipient: rfc822; ok@example.org',
          'Action: relayed',
          'Status: 2.0.0',
          'Final-Recipient: rfc822; late@example.org',
          'Action: delayed',
          'Status: 4.7.0',
        ].join('\n')
      )
    );
    expect(report).toEqual(
      expect.objectContaining({ kind: 'soft', recipient: 'late@example.org', action: 'delayed' })
    );
  });

  it.each([
    ['delivered', '2.0.0', 'unknown'],
    ['relayed', '2.0.0', 'unknown'],
    ['expanded', '2.0.0', 'unknown'],
    ['failed', '5.7.1', 'hard'],
    ['failed', '4.4.7', 'soft'],
    ['failed', '5.2.2', 'soft'],
    ['failed', '5.3.1', 'soft'],
    ['delayed', '4.2.2', 'soft'],
  ])('Action %s with Status %s → %s', async (action, status, kind) => {
    const report = await classify(
      dsn(`Final-Recipient: rfc822; x@example.org\nAction: ${action}\nStatus: ${status}`)
    );
    expect(report.kind).toBe(kind);
    expect(report.action).toBe(action);
    expect(report.status).toBe(status);
    if (kind === 'unknown') expect(report.reason).toBe('not a failure');
  });

  it('treats a quota text with another permanent code as soft, an address code as hard', async () => {
    const quota = await classify(
      dsn(
        'Final-Recipient: rfc822; x@example.org\nAction: failed\nStatus: 5.0.0\n' +
          'Diagnostic-Code: smtp; 550 5.0.0 Mailbox over quota'
      )
    );
    expect(quota.kind).toBe('soft');
    const address = await classify(
      dsn(
        'Final-Recipient: rfc822; x@example.org\nAction: failed\nStatus: 5.1.1\n' +
          'Diagnostic-Code: smtp; 550 5.1.1 no such user (quota check skipped)'
      )
    );
    expect(address.kind).toBe('hard');
  });

  it('prefers the Original-Recipient (the address sent to) over the Final-Recipient', async () => {
    const report = await classify(
      dsn(
        'Final-Recipient: rfc822; anna@internal.example.org\n' +
          'Original-Recipient: rfc822; Anna@Example.org\nAction: failed\nStatus: 5.1.1'
      )
    );
    expect(report.recipient).toBe('anna@example.org');
  });

  it('caps the diagnostic at 500 characters on one line', async () => {
    const long = 'word '.repeat(300);
    const report = await classify(
      dsn(
        `Final-Recipient: rfc822; x@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 ${long}\n  ${long}`
      )
    );
    expect(report.diagnostic).toHaveLength(500);
    expect(report.diagnostic).not.toMatch(/\s{2}|\n/);
  });
});

describe('classifyMessage: auto-replies and reports', () => {
  it('a delivery report is a bounce even with auto-reply headers and subject', async () => {
    const report = await classify(
      dsn('Final-Recipient: rfc822; x@example.org\nAction: failed\nStatus: 5.1.1', [
        'X-Autoreply: yes',
        'Precedence: auto_reply',
      ]).replace(
        'Subject: Undelivered Mail Returned to Sender',
        'Subject: Automatische Antwort: Unzustellbar'
      )
    );
    expect(report.kind).toBe('hard');
  });

  it('a plain-text bounce with Auto-Submitted is a bounce (Exim)', async () => {
    const raw = fixture('exim-hard.eml').toString('utf8');
    expect(raw).toMatch(/^Auto-Submitted: auto-replied$/m);
    expect((await classify(raw)).kind).toBe('hard');
  });

  it('a complaint is a complaint even with Auto-Submitted', async () => {
    const raw = fixture('arf-complaint.eml')
      .toString('utf8')
      .replace('MIME-Version: 1.0', 'Auto-Submitted: auto-generated\nMIME-Version: 1.0');
    expect((await classify(raw)).kind).toBe('complaint');
  });

  it.each([
    ['Auto-Submitted: auto-generated', 'Re: Newsletter'],
    ['X-Autorespond: yes', 'Newsletter'],
    ['Precedence: auto_reply', 'Newsletter'],
    ['X-Other: 1', 'Automatische Antwort: Newsletter März'],
    ['X-Other: 1', 'Out of Office: Newsletter'],
    ['X-Other: 1', 'Automatic reply: Newsletter'],
    ['X-Other: 1', 'AUTO: Ich bin nicht im Büro'],
    ['X-Other: 1', 'Autoreply: Newsletter'],
    ['X-Other: 1', 'Newsletter (Abwesenheitsnotiz)'],
  ])('%s / subject "%s" → auto-reply', async (header, subject) => {
    const raw = [
      'Return-Path: <>',
      'From: Kai Weg <k.weg@example.org>',
      'To: bounces+d9-0123456789abcdef@landkreis.example',
      `Subject: ${subject}`,
      header,
      '',
      'Ich bin bis zum 30. März nicht erreichbar.',
    ].join('\n');
    const report = await classify(raw);
    expect(report.kind).toBe('auto-reply');
    expect(report.tokens).toEqual(['d9-0123456789abcdef']);
  });

  it('Auto-Submitted: no is not an auto-reply', async () => {
    const raw = 'From: a@example.org\nSubject: Frage\nAuto-Submitted: no\n\nHallo';
    expect((await classify(raw)).kind).toBe('unknown');
  });

  it('a feedback report of type not-spam is no complaint', async () => {
    const raw = fixture('arf-complaint.eml')
      .toString('utf8')
      .replace('Feedback-Type: abuse', 'Feedback-Type: not-spam');
    const report = await classify(raw);
    expect(report.kind).toBe('unknown');
    expect(report.reason).toMatch(/not-spam/);
  });
});

const plain = (headers: string[], body: string) =>
  [
    'Return-Path: <>',
    'Date: Fri, 20 Mar 2026 12:00:00 +0100',
    'To: bounces+d11-0123456789abcdef@landkreis.example',
    ...headers,
    '',
    body,
  ].join('\n');

describe('classifyMessage: plain-text bounces', () => {
  const qmail = (reply: string) =>
    plain(
      ['From: MAILER-DAEMON@mx.example.net', 'Subject: failure notice'],
      [
        'Hi. This is the qmail-send program at mx.example.net.',
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        "This is a permanent error; I've given up. Sorry it didn't work out.",
        '',
        '<Paul.Post@Example.net>:',
        '192.0.2.77 does not like recipient.',
        `Remote host said: ${reply}`,
        'Giving up on 192.0.2.77.',
        '',
        '--- Below this line is a copy of the message.',
        '',
        'Return-Path: <bounces+d11-0123456789abcdef@landkreis.example>',
        'To: paul.post@example.net',
        'X-Bounce-Ref: d11-0123456789abcdef',
        '',
      ].join('\n')
    );

  it('qmail with 5.1.1 is hard', async () => {
    const report = await classify(qmail('550 5.1.1 <paul.post@example.net>... User unknown'));
    expect(report).toEqual(
      expect.objectContaining({
        kind: 'hard',
        recipient: 'paul.post@example.net',
        status: '5.1.1',
        diagnostic: 'Remote host said: 550 5.1.1 <paul.post@example.net>... User unknown',
        tokens: ['d11-0123456789abcdef'],
      })
    );
  });

  it('qmail with 452 4.2.2 is soft, with 552 5.2.2 too', async () => {
    expect((await classify(qmail('452 4.2.2 mailbox full'))).kind).toBe('soft');
    expect((await classify(qmail('552 5.2.2 mailbox full'))).kind).toBe('soft');
  });

  it('Exim with a temporary code is soft, without any code unknown', async () => {
    const soft = fixture('exim-hard.eml')
      .toString('utf8')
      .replace('550 No such user here', '451 Temporary local problem - please try later');
    expect((await classify(soft)).kind).toBe('soft');
    const none = fixture('exim-hard.eml')
      .toString('utf8')
      .replace(/ {4}host mx1[\s\S]*?550 No such user here/, '    Unrouteable address');
    const report = await classify(none);
    expect(report.kind).toBe('unknown');
    expect(report.reason).toBe('bounce text without an SMTP reply code');
    expect(report.recipient).toBe('l.lehmann@example.net');
  });

  it('a code in the quoted original does not count', async () => {
    const raw = fixture('exim-hard.eml')
      .toString('utf8')
      .replace(/ {4}host mx1[\s\S]*?550 No such user here/, '    Unrouteable address')
      .replace('hier ist der Newsletter', '550 5.1.1 hier ist der Newsletter');
    expect((await classify(raw)).kind).toBe('unknown');
  });

  it('an Exchange text NDR without a report part is read from its text', async () => {
    const raw = plain(
      [
        'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org>',
        'Subject: Unzustellbar: Newsletter',
        'Content-Type: text/plain; charset=utf-8',
      ],
      [
        'Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:',
        '',
        'Greta Gruen (greta.gruen@example.org)',
        'Die E-Mail-Adresse wurde nicht gefunden.',
        '',
        'Diagnoseinformationen für Administratoren:',
        'Generierender Server: EX02.example.org',
        'greta.gruen@example.org',
        "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'",
        '',
        'Ursprüngliche Nachrichtenkopfzeilen:',
        'Return-Path: <bounces+d11-0123456789abcdef@landkreis.example>',
      ].join('\n')
    );
    const report = await classify(raw);
    expect(report).toEqual(
      expect.objectContaining({
        kind: 'hard',
        recipient: 'greta.gruen@example.org',
        status: '5.1.10',
        diagnostic: "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'",
      })
    );
  });

  it('a human mail that mentions 550 and delivery is not a bounce', async () => {
    const report = await classify(fixture('human-reply.eml'));
    expect(report.kind).toBe('unknown');
  });
});

describe('classifyMessage: garbage', () => {
  it.each<[string, unknown]>([
    ['an empty string', ''],
    ['an empty buffer', Buffer.alloc(0)],
    ['null', null],
    ['a number', 42],
    ['text without header fields', 'just some text\nwithout any header at all\n'],
    ['binary noise', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['a lone boundary', '--x\n--x--\n'],
  ])('%s → unknown with a reason', async (_label, input) => {
    const report = await classifyMessage(input as Buffer, mailbox);
    expect(report.kind).toBe('unknown');
    expect(report.reason).toEqual(expect.any(String));
    expect(report.tokens).toEqual([]);
  });

  it('a broken multipart report does not throw', async () => {
    const raw = dsn('Final-Recipient: rfc822; x@example.org\nAction: failed\nStatus: 5.1.1')
      .replace('--b1--', '')
      .replace('boundary="b1"', 'boundary="b2"');
    const report = await classify(raw);
    expect(['hard', 'unknown']).toContain(report.kind);
  });

  it('a report without recipient blocks is unknown with a reason', async () => {
    const report = await classify(dsn('Reporting-MTA: dns; mx.example.org'));
    expect(report.kind).toBe('unknown');
    expect(report.reason).toBe('delivery report without a recipient block');
  });

  it('works without a configured mailbox: only X-Bounce-Ref gives a token', async () => {
    const report = await classifyMessage(fixture('postfix-hard.eml'), { local: '', domain: '' });
    expect(report.kind).toBe('hard');
    expect(report.tokens).toEqual(['d42-0123456789abcdef']);
  });
});
