import {
  parseReturnPathToken,
  returnPathAddress,
  returnPathMailbox,
  returnPathToken,
  tokenFromAddress,
} from '../src/lib/return-path';

const secret = 'unit-test-secret-unit-test-secret-0123';
const mailbox = { local: 'bounces', domain: 'landkreis.example' };

describe('return path tokens', () => {
  it('round-trips deliveries and outbox mails', () => {
    const delivery = returnPathToken({ kind: 'delivery', id: 42 }, secret);
    const mail = returnPathToken({ kind: 'mail', id: 7 }, secret);
    expect(delivery).toMatch(/^d42-[0-9a-f]{16}$/);
    expect(mail).toMatch(/^m7-[0-9a-f]{16}$/);
    expect(parseReturnPathToken(delivery, secret)).toEqual({ kind: 'delivery', id: 42 });
    expect(parseReturnPathToken(mail, secret)).toEqual({ kind: 'mail', id: 7 });
  });

  it('is lowercase only and accepted in upper case', () => {
    const token = returnPathToken({ kind: 'delivery', id: 123456 }, secret);
    expect(token).toBe(token.toLowerCase());
    expect(parseReturnPathToken(token.toUpperCase(), secret)).toEqual({
      kind: 'delivery',
      id: 123456,
    });
  });

  it('refuses a forged signature, another secret, and a copied signature on another id or kind', () => {
    const token = returnPathToken({ kind: 'delivery', id: 42 }, secret);
    const signature = token.split('-')[1];
    const flipped = signature.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(parseReturnPathToken(`d42-${flipped}`, secret)).toBeNull();
    expect(parseReturnPathToken(token, `${secret}-other`)).toBeNull();
    expect(parseReturnPathToken(`d43-${signature}`, secret)).toBeNull();
    expect(parseReturnPathToken(`m42-${signature}`, secret)).toBeNull();
  });

  it('refuses malformed tokens', () => {
    const signature = returnPathToken({ kind: 'delivery', id: 42 }, secret).split('-')[1];
    for (const bad of [
      '',
      'd42',
      `x42-${signature}`,
      `d-${signature}`,
      `d042-${signature}`,
      `d0-${signature}`,
      `d42-${signature.slice(1)}`,
      `d42-${signature}0`,
      `d42_${signature}`,
      `d4.2-${signature}`,
      `d99999999999999999-${signature}`,
      `d42-${'z'.repeat(16)}`,
    ]) {
      expect(parseReturnPathToken(bad, secret)).toBeNull();
    }
    expect(parseReturnPathToken(undefined as unknown as string, secret)).toBeNull();
  });

  it('needs a positive integer id', () => {
    expect(() => returnPathToken({ kind: 'mail', id: 0 }, secret)).toThrow(/positive integer/);
    expect(() => returnPathToken({ kind: 'mail', id: 1.5 }, secret)).toThrow(/positive integer/);
  });
});

describe('return path addresses', () => {
  it('builds local+TOKEN@domain', () => {
    const address = returnPathAddress({ kind: 'delivery', id: 42 }, mailbox, secret);
    expect(address).toBe(
      `bounces+${returnPathToken({ kind: 'delivery', id: 42 }, secret)}@landkreis.example`
    );
  });

  it('extracts the token from the address in its usual forms', () => {
    const token = returnPathToken({ kind: 'mail', id: 9 }, secret);
    const address = returnPathAddress({ kind: 'mail', id: 9 }, mailbox, secret);
    expect(tokenFromAddress(address, mailbox)).toBe(token);
    expect(tokenFromAddress(address.toUpperCase(), mailbox)).toBe(token);
    expect(tokenFromAddress(`<${address}>`, mailbox)).toBe(token);
    expect(tokenFromAddress(`"Bounces" <${address}>`, mailbox)).toBe(token);
    expect(tokenFromAddress(`  ${address}  `, mailbox)).toBe(token);
    expect(parseReturnPathToken(tokenFromAddress(address, mailbox)!, secret)).toEqual({
      kind: 'mail',
      id: 9,
    });
  });

  it('returns null for other addresses', () => {
    const token = returnPathToken({ kind: 'mail', id: 9 }, secret);
    expect(tokenFromAddress('bounces@landkreis.example', mailbox)).toBeNull();
    expect(tokenFromAddress(`other+${token}@landkreis.example`, mailbox)).toBeNull();
    expect(tokenFromAddress(`bounces+${token}@other.example`, mailbox)).toBeNull();
    expect(tokenFromAddress(`bounces+${token}@landkreisXexample`, mailbox)).toBeNull();
    expect(tokenFromAddress(`xbounces+${token}@landkreis.example`, mailbox)).toBeNull();
    expect(tokenFromAddress('bounces+@landkreis.example', mailbox)).toBeNull();
    expect(tokenFromAddress('', mailbox)).toBeNull();
  });

  it('splits the configured bounce address', () => {
    expect(returnPathMailbox('bounces@landkreis.example')).toEqual(mailbox);
    expect(() => returnPathMailbox('bounces+x@landkreis.example')).toThrow();
    expect(() => returnPathMailbox('landkreis.example')).toThrow();
  });
});
