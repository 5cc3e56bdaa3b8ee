/**
 * DKIM signing and the VERP return path of the mail transport, through the file transport: the
 * written .eml is verified with mailauth against a key record served by a stub resolver.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import type { AddressInfo } from 'net';
import path from 'path';
import { SMTPServer } from 'smtp-server';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import pluginConfig from '../src/config';
import { parseReturnPathToken } from '../src/lib/return-path';
import { createTransport, type OutgoingMail, type TransportConfig } from '../src/mail/transport';

const DOMAIN = 'landkreis.example';
const SELECTOR = 'news2026';
const secret = 'unit-test-secret-unit-test-secret-0123';

const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
/** p= of the TXT record: the public key's DER (SubjectPublicKeyInfo), base64 */
const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

const resolver = async (name: string, type: string) => {
  if (type === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) {
    return [[`v=DKIM1; k=rsa; p=${p}`]];
  }
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-dkim-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const transport = (extra: Partial<TransportConfig> = {}) =>
  createTransport(
    {
      transport: { smtp: null, mailDir: 'mail' },
      sender: { name: 'Bildungsbüro', email: `newsletter@${DOMAIN}` },
      secret,
      ...extra,
    },
    { appRoot: dir, log: () => undefined }
  );

const dkim = { domainName: DOMAIN, keySelector: SELECTOR, privateKey: privatePem };

const newsletter = (extra: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: 'leserin@example.org',
  subject: 'Neuigkeiten für Sie',
  html: '<p>Hallo Welt, hier sind die Angebote.</p>',
  text: 'Hallo Welt, hier sind die Angebote.',
  headers: {
    'List-Unsubscribe': '<https://cms.landkreis.example/newsletter/abmelden?t=abc>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
  ...extra,
});

const verify = async (message: string | Buffer) =>
  (await dkimVerify(message, { resolver })).results;

describe('DKIM signing', () => {
  it('signs so that the signature verifies, covering the one-click unsubscribe headers', async () => {
    const sent = await transport({ dkim }).send(newsletter());
    const eml = fs.readFileSync(sent.file!, 'utf8');
    const [result] = await verify(eml);
    expect(result.status.result).toBe('pass');
    expect(result.signingDomain).toBe(DOMAIN);
    expect(result.selector).toBe(SELECTOR);

    const signature = /^DKIM-Signature:[^]*?(?=\n\S)/m.exec(eml)![0].replace(/\s+/g, '');
    const signed = /;h=([^;]+);/.exec(signature)![1].toLowerCase().split(':');
    expect(signed).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'date',
        'message-id',
        'list-unsubscribe',
        'list-unsubscribe-post',
      ])
    );
  });

  it('fails when the body is changed after signing', async () => {
    const sent = await transport({ dkim }).send(newsletter());
    const eml = fs.readFileSync(sent.file!, 'utf8');
    const tampered = eml.replace(/Hallo Welt/g, 'Hallo Wald');
    expect(tampered).not.toBe(eml);
    const [result] = await verify(tampered);
    // mailauth reports a body hash mismatch as "neutral" with this comment
    expect(result.status.result).not.toBe('pass');
    expect(result.status.comment).toMatch(/body hash did not verify/);
  });

  it('fails when a signed header is changed after signing', async () => {
    const sent = await transport({ dkim }).send(newsletter());
    const eml = fs.readFileSync(sent.file!, 'utf8');
    const tampered = eml.replace(
      'List-Unsubscribe: <https://cms.landkreis.example/',
      'List-Unsubscribe: <https://evil.example/'
    );
    expect(tampered).not.toBe(eml);
    const [result] = await verify(tampered);
    expect(result.status.result).toBe('fail');
  });

  it('does not sign without DKIM settings', async () => {
    const sent = await transport().send(newsletter());
    const eml = fs.readFileSync(sent.file!, 'utf8');
    expect(eml).not.toMatch(/^DKIM-Signature:/im);
  });
});

describe('VERP return path', () => {
  const returnPath = { address: `bounces@${DOMAIN}` };

  it('gives a mail with a reference the signed envelope sender and X-Bounce-Ref', async () => {
    const sent = await transport({ returnPath, dkim }).send(
      newsletter({ returnPath: { kind: 'delivery', id: 4711 } })
    );
    const match = /^bounces\+(d4711-[0-9a-f]{16})@landkreis\.example$/.exec(sent.envelopeFrom!);
    expect(match).not.toBeNull();
    const token = match![1];
    expect(parseReturnPathToken(token, secret)).toEqual({ kind: 'delivery', id: 4711 });
    const eml = fs.readFileSync(sent.file!, 'utf8');
    expect(eml).toContain(`\nX-Bounce-Ref: ${token}\n`);
    expect(eml).toMatch(
      /^From: =\?UTF-8\?Q\?Bildungsb=C3=BCro\?= <newsletter@landkreis\.example>$/m
    );
    const [result] = await verify(eml);
    expect(result.status.result).toBe('pass');
  });

  it('sends the signed envelope sender as MAIL FROM over SMTP', async () => {
    const received: { from: string; to: string[]; raw: string }[] = [];
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
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const smtp = transport({
      returnPath,
      dkim,
      transport: {
        mailDir: 'mail',
        smtp: {
          host: '127.0.0.1',
          port,
          secure: false,
          maxConnections: 1,
          rateLimit: 0,
          rateDeltaMs: 1000,
          connectionTimeoutMs: 5000,
        },
      },
    });
    try {
      const sent = await smtp.send(newsletter({ returnPath: { kind: 'delivery', id: 5 } }));
      expect(received).toHaveLength(1);
      expect(received[0].from).toBe(sent.envelopeFrom);
      expect(received[0].from).toMatch(/^bounces\+d5-[0-9a-f]{16}@landkreis\.example$/);
      expect(received[0].to).toEqual(['leserin@example.org']);
      const [result] = await verify(received[0].raw);
      expect(result.status.result).toBe('pass');
    } finally {
      smtp.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('uses the outbox row for a single mail', async () => {
    const sent = await transport({ returnPath }).send(
      newsletter({ returnPath: { kind: 'mail', id: 12 } })
    );
    expect(sent.envelopeFrom).toMatch(/^bounces\+m12-[0-9a-f]{16}@landkreis\.example$/);
  });

  it('keeps the plain sender without a reference, or when switched off', async () => {
    const withoutRef = await transport({ returnPath }).send(newsletter());
    expect(withoutRef.envelopeFrom).toBe(`newsletter@${DOMAIN}`);
    expect(fs.readFileSync(withoutRef.file!, 'utf8')).not.toContain('X-Bounce-Ref');

    const off = await transport({ returnPath: { address: null } }).send(
      newsletter({ returnPath: { kind: 'delivery', id: 1 } })
    );
    expect(off.envelopeFrom).toBe(`newsletter@${DOMAIN}`);
    expect(fs.readFileSync(off.file!, 'utf8')).not.toContain('X-Bounce-Ref');
  });
});

describe('config', () => {
  const base = {
    ...pluginConfig.default,
    secret,
    sender: { name: 'Bildungsbüro', email: `newsletter@${DOMAIN}` },
  };

  it('accepts a return path address and an RSA key', () => {
    expect(() =>
      pluginConfig.validator({ ...base, returnPath: { address: `bounces@${DOMAIN}` }, dkim })
    ).not.toThrow();
  });

  it('refuses a key that is not an RSA private key, and a return path with "+"', () => {
    expect(() =>
      pluginConfig.validator({ ...base, dkim: { ...dkim, privateKey: 'not a key' } })
    ).toThrow(/dkim\.privateKey: is not an RSA private key/);
    const ed25519 = crypto
      .generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() =>
      pluginConfig.validator({ ...base, dkim: { ...dkim, privateKey: ed25519 } })
    ).toThrow(/dkim\.privateKey/);
    expect(() =>
      pluginConfig.validator({ ...base, returnPath: { address: `bounces+x@${DOMAIN}` } })
    ).toThrow(/returnPath\.address/);
  });
});
