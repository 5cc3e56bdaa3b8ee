import {
  confirmationMail,
  dueItems,
  linkKey,
  openLinkKey,
  reminderMail,
  seal,
  unseal,
} from '../src/lib/reminders';
import type { StoredMeasure } from '../src/lib/plan';

const measure = (overrides: Partial<StoredMeasure>): StoredMeasure => ({
  tip: 'tip-a',
  title: 'Mitarbeitergespräche einführen',
  dimension: 'fuehrung',
  targetDate: '2027-03-10',
  done: false,
  doneOn: null,
  ...overrides,
});

const base = {
  completedOn: '2026-12-01',
  laterCheck: false,
  daysBefore: 7,
  recheckMonths: 12,
  sent: new Set<string>(),
};

describe('dueItems', () => {
  it('a measure is due from seven days before its target date until that date, unless done', () => {
    const plan = [measure({})];
    expect(dueItems({ ...base, plan, today: '2027-03-02' })).toEqual([]);
    expect(dueItems({ ...base, plan, today: '2027-03-03' })).toEqual([
      {
        key: 'measure:tip-a:2027-03-10',
        kind: 'measure',
        title: 'Mitarbeitergespräche einführen',
        targetDate: '2027-03-10',
      },
    ]);
    expect(dueItems({ ...base, plan, today: '2027-03-10' })).toHaveLength(1);
    expect(dueItems({ ...base, plan, today: '2027-03-11' })).toEqual([]);
    expect(dueItems({ ...base, plan: [measure({ done: true })], today: '2027-03-05' })).toEqual([]);
    expect(
      dueItems({ ...base, plan: [measure({ targetDate: null })], today: '2027-03-05' })
    ).toEqual([]);
  });

  it('the re-check is due twelve months after the check, unless a later check was completed', () => {
    expect(dueItems({ ...base, plan: [], today: '2027-11-30' })).toEqual([]);
    expect(dueItems({ ...base, plan: [], today: '2027-12-01' })).toEqual([
      { key: 'recheck', kind: 'recheck', title: null, targetDate: null },
    ]);
    expect(dueItems({ ...base, plan: [], today: '2028-06-01', laterCheck: true })).toEqual([]);
  });

  it('leaves out what was sent already; a moved target date is a new item', () => {
    const sent = new Set(['measure:tip-a:2027-03-10', 'recheck']);
    expect(dueItems({ ...base, plan: [measure({})], today: '2028-03-05', sent })).toEqual([]);
    expect(
      dueItems({
        ...base,
        plan: [measure({ targetDate: '2028-03-10' })],
        today: '2028-03-05',
        sent,
      }).map((item) => item.key)
    ).toEqual(['measure:tip-a:2028-03-10']);
  });
});

describe('link keys and the sealed token', () => {
  it('opens only genuine keys of the same purpose', () => {
    const key = linkKey('secret', 'confirm', 'abc123');
    expect(openLinkKey('secret', 'confirm', key)).toBe('abc123');
    expect(openLinkKey('secret', 'unsubscribe', key)).toBeNull();
    expect(openLinkKey('other', 'confirm', key)).toBeNull();
    expect(openLinkKey('secret', 'confirm', `${key.slice(0, -1)}A`)).toBeNull();
    expect(openLinkKey('secret', 'confirm', 'abc123')).toBeNull();
    expect(openLinkKey('secret', 'confirm', { key })).toBeNull();
  });

  it('seals and opens the check token; other keys or damage give null', () => {
    const sealed = seal('secret', 'TOKEN_abc');
    expect(sealed).not.toContain('TOKEN_abc');
    expect(unseal('secret', sealed)).toBe('TOKEN_abc');
    expect(unseal('other', sealed)).toBeNull();
    const [iv, tag, body] = sealed.split('.');
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(unseal('secret', [iv, tag, flipped].join('.'))).toBeNull();
    expect(unseal('secret', null)).toBeNull();
  });
});

describe('mails', () => {
  it('a reminder names the measures, the result link and the unsubscribe link, escaped in HTML', () => {
    const mail = reminderMail({
      items: [
        {
          key: 'measure:t:2027-03-10',
          kind: 'measure',
          title: 'Gehälter <offenlegen>',
          targetDate: '2027-03-10',
        },
        { key: 'recheck', kind: 'recheck', title: null, targetDate: null },
      ],
      resultUrl: 'https://cms.example/selbstcheck/?token=abc',
      unsubscribeUrl: 'https://cms.example/api/employer-check/reminders/unsubscribe/k',
      sender: 'Bildungsbüro',
    });
    expect(mail.subject).toBe('Erinnerung: Ihr Maßnahmenplan und ein neuer Selbstcheck');
    expect(mail.text).toContain('- Gehälter <offenlegen> (Ziel: 10.03.2027)');
    expect(mail.text).toContain('https://cms.example/selbstcheck/?token=abc');
    expect(mail.text).toContain('reminders/unsubscribe/k');
    expect(mail.html).toContain('Gehälter &lt;offenlegen&gt;');
    expect(mail.html).not.toContain('<offenlegen>');
  });

  it('the confirmation mail carries the link and says nothing is sent without it', () => {
    const mail = confirmationMail({ confirmUrl: 'https://cms.example/c/k', sender: 'Büro' });
    expect(mail.text).toContain('https://cms.example/c/k');
    expect(mail.text).toContain('Ohne Bestätigung senden wir keine Erinnerung');
  });
});
