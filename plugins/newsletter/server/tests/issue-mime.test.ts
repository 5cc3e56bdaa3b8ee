/**
 * The issue's raw messages (`mail/issue-mime.ts`) against nodemailer's own: the same recipients
 * built both ways — the old way (the recipient's HTML and text from `personalise`, headers as
 * the dispatcher set them, the message built by nodemailer) and the raw way — sent through the
 * same transport, parsed with mailparser and compared: headers, text part, HTML part, links,
 * the per-recipient values and the envelope. Also: the quoted-printable pieces decode to their
 * text whatever the cuts, line lengths, DKIM over SMTP.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import config from '../src/config';
import { escapeHtml } from '../src/lib/html';
import {
  freezeIssue,
  personalise,
  type FrozenRendering,
  type IssueContent,
} from '../src/mail/issue';
import { createIssueMessages, type IssueRecipient } from '../src/mail/issue-mime';
import { encodeHeaderText, formatMailbox, qpPiece } from '../src/mail/mime';
import { createTransport, type OutgoingMail, type TransportConfig } from '../src/mail/transport';

const DOMAIN = 'landkreis.example';
const secret = 'unit-test-secret-unit-test-secret-0123';
const sender = {
  name: 'Bildungsbüro Landkreis Verden – Übergang Schule/Beruf',
  email: `newsletter@${DOMAIN}`,
  replyTo: `redaktion@${DOMAIN}`,
};
const ISSUE_DOCUMENT_ID = 'k3j4h5g6f7d8s9a0p1o2i3u4';

const settings = {
  ...config.default,
  publicUrl: 'https://cms.example',
  newsletterName: 'Newsletter Übergang Schule–Beruf',
  imprint: {
    organisation: 'Bildungsbüro Landkreis Verden',
    lines: ['Lindhooper Straße 67', '27283 Verden (Aller)'],
    url: 'https://cms.example/impressum',
  },
  privacyUrl: 'https://cms.example/datenschutz?a=1&b=2',
};

const longWord = 'Ausbildungsplatzförderungsprogrammübersicht'.repeat(30);
const longText = `Größere Betriebe & „kleine“ Läden: ${'Wir zeigen, wie’s geht = 100 % Praxis? Ja! '.repeat(60)}`;

const item = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  title,
  url: `/arbeitgeber-tipps/${id}?x=1&y=a=b`,
  label: 'Tipp für Betriebe',
  facts: [
    { label: 'Ort', value: 'Verden (Aller)' },
    { label: 'Kosten', value: '0 € = kostenlos' },
  ],
  summary: `Über ${title}: ${longText}`,
  ...extra,
});

const content: IssueContent = {
  subject:
    'Neuigkeiten für Betriebe – Ausbildung, Praktika & Förderung im Landkreis (Ausgabe März/April 2026) =?x?=',
  preheader: 'Neues aus dem Bildungsbüro: Größe zeigen',
  intro: [
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: `Willkommen! ${longWord} Straße & Weg <script> %%unknown%%` },
      ],
    },
  ],
  webUrl: 'https://cms.example/api/newsletter/issues/abc/web?token=x=y&z=%3D',
  sections: [
    {
      topic: 'offers',
      title: 'Angebote für Schülerinnen & Schüler',
      items: [
        item('tischlerei', 'Tischlerei Müßig'),
        item('pflege', 'Pflege „Sonnenhof“', { summary: longWord }),
      ],
    },
    {
      topic: 'practice-examples',
      title: 'Praxisbeispiele',
      items: [item('verden', 'Verden = Vorbild?', { facts: [] })],
    },
    {
      topic: 'employer-tips',
      title: 'Tipps für Arbeitgeber',
      personal: true,
      items: [item('onboarding', 'Onboarding'), item('social-media', 'Social Media')],
      pool: [
        item('azubi-marketing', 'Azubi-Marketing für Äpfel & Birnen'),
        item('pruefung', 'Prüfungsvorbereitung'),
        item('ueberstunden', 'Überstunden?'),
      ],
    },
  ],
  // the counting redirect: a per-item link with "=", "?" and "&"
  itemLink: (url, { section, id }) =>
    `https://cms.example/api/newsletter/r/${Buffer.from(JSON.stringify([section, id ?? '', url])).toString('base64url')}.sig?s=${section}&u=${encodeURIComponent(url)}`,
};

const all = ['offers', 'practice-examples', 'employer-tips'];

const recipients: (IssueRecipient & { id: number })[] = [
  {
    id: 1,
    email: 'juergen@example.org',
    subscriberId: 11,
    topics: all,
    name: 'Jürgen Müßig-Öztürk',
    items: null,
    preferencesUrl: 'https://cms.example/api/newsletter/preferences?token=a%2Bb.c_d-e',
    unsubscribeUrl: 'https://cms.example/api/newsletter/unsubscribe?token=a%2Bb.c_d-e',
  },
  {
    id: 2,
    email: 'ohne.name@example.org',
    subscriberId: 12,
    topics: ['offers'],
    name: null,
    preferencesUrl: 'https://cms.example/api/newsletter/preferences?token=x=y&z=1?q',
    unsubscribeUrl: 'https://cms.example/api/newsletter/unsubscribe?token=x=y&z=1?q',
  },
  {
    id: 3,
    email: 'anna+news@sub.example.org',
    subscriberId: 13,
    topics: ['employer-tips', 'practice-examples'],
    name: 'Anna "=?utf-8?q?x?=" & <Co> ß',
    items: ['ueberstunden', 'azubi-marketing', 'onboarding'],
    preferencesUrl: `https://cms.example/api/newsletter/preferences?token=${'Ab=?&'.repeat(60)}`,
    unsubscribeUrl: `https://cms.example/api/newsletter/unsubscribe?token=${'Zy9-_'.repeat(60)}`,
  },
  {
    id: 4,
    email: 'unknown.items@example.org',
    subscriberId: 14,
    topics: ['employer-tips'],
    name: `${'Ä'.repeat(120)} ${'x'.repeat(200)}`,
    items: ['gone', 'also-gone'],
    preferencesUrl: 'https://cms.example/p?t=1',
    unsubscribeUrl: 'https://cms.example/u?t=1',
  },
  {
    id: 5,
    email: 'same.variant@example.org',
    subscriberId: 15,
    topics: all,
    name: 'Zoë',
    items: null,
    preferencesUrl: 'https://cms.example/p?t=2',
    unsubscribeUrl: 'https://cms.example/u?t=2',
  },
];

let dir: string;
let frozen: FrozenRendering;
beforeAll(async () => {
  frozen = await freezeIssue(settings, content);
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-mime-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const fileTransport = (extra: Partial<TransportConfig> = {}) =>
  createTransport(
    {
      transport: { smtp: null, mailDir: 'mail' },
      sender,
      secret,
      returnPath: { address: `bounces@${DOMAIN}` },
      ...extra,
    },
    { appRoot: dir, log: () => undefined }
  );

/** What the dispatcher sent before raw messages: nodemailer builds the message. */
const oldMail = (recipient: IssueRecipient): OutgoingMail | null => {
  const mail = personalise(frozen, recipient);
  if (!mail) return null;
  return {
    to: recipient.email,
    subject: frozen.subject,
    html: mail.html,
    text: mail.text,
    messageId: `<${ISSUE_DOCUMENT_ID}.${recipient.subscriberId}@${DOMAIN}>`,
    headers: {
      'List-Unsubscribe': `<${recipient.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Newsletter-Issue': ISSUE_DOCUMENT_ID,
      Precedence: 'bulk',
    },
  };
};

const messages = () => createIssueMessages({ frozen, issueDocumentId: ISSUE_DOCUMENT_ID, sender });

const sendBoth = async (recipient: IssueRecipient & { id: number }) => {
  const transport = fileTransport();
  const returnPath = { kind: 'delivery' as const, id: recipient.id };
  const before = oldMail(recipient)!;
  const after = messages().message(recipient)!;
  const sentBefore = await transport.send({ ...before, returnPath });
  const sentAfter = await transport.send({ ...after, returnPath });
  const rawBefore = fs.readFileSync(sentBefore.file!);
  const rawAfter = fs.readFileSync(sentAfter.file!);
  return {
    sentBefore,
    sentAfter,
    rawAfter: rawAfter.toString('latin1'),
    before: await simpleParser(rawBefore),
    after: await simpleParser(rawAfter),
  };
};

const links = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);

/** Parsed headers without the ones that differ by construction (Date, the boundary). */
const headersOf = (mail: ParsedMail) => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of mail.headers) {
    if (key === 'date') continue;
    out[key] =
      key === 'content-type'
        ? (value as { value: string }).value
        : JSON.parse(JSON.stringify(value));
  }
  return out;
};

describe('raw issue messages equal the messages nodemailer builds', () => {
  it.each(recipients.map((recipient) => [recipient.email, recipient]))(
    '%s',
    async (_email, recipient) => {
      const { before, after, sentBefore, sentAfter, rawAfter } = await sendBoth(recipient);
      expect(headersOf(after)).toEqual(headersOf(before));
      expect(after.headerLines.map((line) => line.key).sort()).toEqual(
        before.headerLines.map((line) => line.key).sort()
      );
      for (const name of ['subject', 'messageId', 'from', 'to', 'replyTo'] as const) {
        expect(after[name]).toEqual(before[name]);
      }
      expect(after.subject).toBe(content.subject);
      expect(after.from?.value).toEqual([{ name: sender.name, address: sender.email }]);
      expect(after.headers.get('list')).toEqual(before.headers.get('list'));
      expect(after.headers.get('x-bounce-ref')).toBe(before.headers.get('x-bounce-ref'));
      expect(after.headers.get('x-bounce-ref')).toMatch(new RegExp(`^d${recipient.id}-`));
      expect(sentAfter.envelopeFrom).toBe(sentBefore.envelopeFrom);
      expect(sentAfter.messageId).toBe(sentBefore.messageId);

      expect(after.text).toBe(before.text);
      expect(after.html).toBe(before.html);
      expect(links(after.html as string)).toEqual(links(before.html as string));

      // the recipient's own values, escaped in the HTML
      const html = after.html as string;
      const text = after.text as string;
      expect(html).toContain(`href="${escapeHtml(recipient.unsubscribeUrl)}"`);
      expect(html).toContain(`href="${escapeHtml(recipient.preferencesUrl)}"`);
      expect(text).toContain(`Newsletter abbestellen: ${recipient.unsubscribeUrl}`);
      expect(text).toContain(`Themen ändern: ${recipient.preferencesUrl}`);
      if (recipient.name) {
        expect(text).toContain(`Guten Tag ${recipient.name},`);
        expect(html).toContain(`Guten Tag ${escapeHtml(recipient.name)},`);
      } else {
        expect(text).toContain('Guten Tag,');
      }
      expect(after.headerLines.filter((line) => line.key === 'list-unsubscribe-post')).toEqual([
        { key: 'list-unsubscribe-post', line: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click' },
      ]);

      // line lengths: header lines ≤ 998, body lines ≤ 76 (quoted-printable)
      // (checked on the message as handed to nodemailer: the file transport writes Unix newlines)
      const raw = messages()
        .message(recipient)!
        .raw('X-Bounce-Ref: d1-0123456789abcdef\r\n')
        .toString('latin1');
      const [head, body] = [
        raw.slice(0, raw.indexOf('\r\n\r\n')),
        raw.slice(raw.indexOf('\r\n\r\n')),
      ];
      for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
      for (const line of body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
      expect(raw).not.toMatch(/[^\r]\n/); // CRLF only
      expect(raw).toMatch(/^[\t\r\n\x20-\x7e]*$/); // 7-bit
      expect(rawAfter).toMatch(/^[\t\r\n\x20-\x7e]*$/);
    }
  );

  it('carries the personalised section: own items in their order, or the editor’s selection', async () => {
    const tips = (mail: ParsedMail, part: 'html' | 'text') =>
      [...String(mail[part]).matchAll(/arbeitgeber-tipps(?:\/|%2F)([a-z-]+)/g)]
        .map((match) => match[1])
        .filter((slug) => frozen.personal!.pool.includes(slug))
        .filter((slug, index, list) => list.indexOf(slug) === index);
    const own = await sendBoth(recipients[2]);
    expect(tips(own.after, 'html')).toEqual(['ueberstunden', 'azubi-marketing', 'onboarding']);
    expect(tips(own.after, 'text')).toEqual(['ueberstunden', 'azubi-marketing', 'onboarding']);
    const defaults = await sendBoth(recipients[3]);
    expect(tips(defaults.after, 'html')).toEqual(['onboarding', 'social-media']);
    expect(tips(defaults.after, 'text')).toEqual(['onboarding', 'social-media']);
  });

  it('gives no message when none of the topics has an item, like personalise', () => {
    const recipient = { ...recipients[0], topics: ['events'] };
    expect(personalise(frozen, recipient)).toBeNull();
    expect(messages().message(recipient)).toBeNull();
  });

  it('builds a variant once and reuses it for recipients who share it', () => {
    const built = messages();
    built.message(recipients[0])!.raw('');
    built.message(recipients[4])!.raw('');
    expect(built.cachedVariants()).toBe(1);
    built.message(recipients[1])!.raw('');
    expect(built.cachedVariants()).toBe(2);
  });

  it('fails the delivery, not the batch, for an address that cannot be written', () => {
    const mail = messages().message({ ...recipients[0], email: 'a b@example.org' })!;
    expect(() => mail.raw('')).toThrow(/kann nicht verwendet werden/);
  });
});

/** Strict quoted-printable decoding (soft breaks, =XX, CRLF as line break). */
const decodeQp = (encoded: string) => {
  const bytes: number[] = [];
  const text = encoded.replace(/=\r\n/g, '');
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=') {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      bytes.push(10);
      i += 1;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
};

describe('quoted-printable pieces', () => {
  const samples = [
    '',
    'a',
    '\n',
    'Guten Tag Jürgen,',
    'trailing space \nand tab\t\n',
    ' ',
    '=',
    '=?UTF-8?Q?x?=',
    `${'ä'.repeat(100)}\n${'x'.repeat(300)}\n\n`,
    `${'='.repeat(80)}`,
    `ends with space `,
    `crlf\r\nline\r\n`,
    `a\rb`,
    '😀 emoji 😀'.repeat(20),
    longText,
  ];

  it('decodes to the text, lines ≤ 76, ending with a line break', () => {
    for (const sample of samples) {
      const encoded = qpPiece(sample);
      expect(decodeQp(encoded)).toBe(sample.replace(/\r\n/g, '\n'));
      if (encoded) expect(encoded.endsWith('\r\n')).toBe(true);
      for (const line of encoded.split('\r\n')) {
        expect(line.length).toBeLessThanOrEqual(76);
        expect(line).not.toMatch(/[ \t]$/); // no trailing whitespace: decoders drop it
      }
      expect(encoded).toMatch(/^[\x21-\x7e \t\r\n]*$/);
    }
  });

  it('concatenated pieces decode to the concatenated texts, wherever the cuts are', () => {
    const text = samples.join('|') + longText;
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 50; round += 1) {
      const chars = [...text];
      const pieces: string[] = [];
      let start = 0;
      while (start < chars.length) {
        const length = Math.floor(random() * 120);
        pieces.push(chars.slice(start, start + length).join(''));
        start += length;
      }
      const encoded = pieces.map(qpPiece).join('');
      // (a cut between "\r" and "\n" leaves a lone "\r", encoded as =0D: normalise per piece)
      expect(decodeQp(encoded)).toBe(pieces.map((piece) => piece.replace(/\r\n/g, '\n')).join(''));
      for (const line of encoded.split('\r\n')) {
        expect(line.length).toBeLessThanOrEqual(76);
        expect(line).not.toMatch(/[ \t]$/);
      }
    }
  });
});

describe('header encoding', () => {
  it('writes names and subjects with umlauts as encoded words that mailparser decodes', async () => {
    const cases = [
      'Schöne Grüße aus Verden – ß',
      'plain ascii subject',
      `${'lang '.repeat(40)}ende`,
      'Ä'.repeat(100),
      '  two  spaces ',
      'with =?utf-8?q?x?= inside',
    ];
    for (const value of cases) {
      const raw =
        encodeHeaderText('Subject', value) +
        formatMailbox('From', { name: value, address: 'a@b.example' }) +
        'To: c@d.example\r\n\r\nbody\r\n';
      for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
      const parsed = await simpleParser(raw);
      expect(parsed.subject).toBe(value);
      // (mailparser trims display names)
      expect(parsed.from?.value).toEqual([{ name: value.trim(), address: 'a@b.example' }]);
    }
  });

  it('quotes ASCII names with specials', async () => {
    for (const name of ['Müller, Eva', 'Dr. "X" Y', 'a\\b', 'Name <x@y>']) {
      const parsed = await simpleParser(
        `${formatMailbox('From', { name, address: 'a@b.example' })}\r\nx\r\n`
      );
      expect(parsed.from?.value).toEqual([{ name, address: 'a@b.example' }]);
    }
  });
});

describe('DKIM and SMTP', () => {
  const SELECTOR = 'news2026';
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dkim = {
    domainName: DOMAIN,
    keySelector: SELECTOR,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const resolver = async (name: string, type: string) => {
    if (type === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) {
      return [[`v=DKIM1; k=rsa; p=${p}`]];
    }
    throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
  };

  it('signs raw messages (file transport) so that the signature verifies', async () => {
    const sent = await fileTransport({ dkim }).send({
      ...messages().message(recipients[2])!,
      returnPath: { kind: 'delivery', id: 3 },
    });
    const eml = fs.readFileSync(sent.file!, 'utf8');
    const [result] = (await dkimVerify(eml, { resolver })).results;
    expect(result.status.result).toBe('pass');
    const signed = /;\s*h=([^;]+);/.exec(eml.replace(/\r?\n\s+/g, ' '))![1].toLowerCase();
    expect(signed.split(':')).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'message-id',
        'list-unsubscribe',
        'list-unsubscribe-post',
      ])
    );
  });

  it('sends raw messages through the SMTP pool with the VERP envelope, signed', async () => {
    const received: { from: string; to: string[]; raw: Buffer }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const smtp = fileTransport({
      dkim,
      transport: {
        mailDir: 'mail',
        smtp: {
          host: '127.0.0.1',
          port,
          secure: false,
          maxConnections: 2,
          rateLimit: 0,
          rateDeltaMs: 1000,
          connectionTimeoutMs: 5000,
        },
      },
    });
    try {
      const built = messages();
      const sent = await Promise.all(
        recipients.map((recipient) =>
          smtp.send({
            ...built.message(recipient)!,
            returnPath: { kind: 'delivery', id: recipient.id },
          })
        )
      );
      expect(received).toHaveLength(recipients.length);
      for (const [index, recipient] of recipients.entries()) {
        const mail = received.find((entry) => entry.to[0] === recipient.email)!;
        expect(mail.to).toEqual([recipient.email]);
        expect(mail.from).toMatch(new RegExp(`^bounces\\+d${recipient.id}-[0-9a-f]{16}@`));
        expect(sent[index].envelopeFrom).toBe(mail.from);
        expect(sent[index].messageId).toBe(
          `<${ISSUE_DOCUMENT_ID}.${recipient.subscriberId}@${DOMAIN}>`
        );
        const [result] = (await dkimVerify(mail.raw, { resolver })).results;
        expect(result.status.result).toBe('pass');
        const parsed = await simpleParser(mail.raw);
        const expected = personalise(frozen, recipient)!;
        expect(parsed.text).toBe(expected.text);
        expect(parsed.html).toBe(expected.html);
      }
    } finally {
      smtp.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
