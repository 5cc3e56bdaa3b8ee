/**
 * The demo subscribers (src/seed/demo/subscribers-data.ts): every status, consent proof, dates
 * in a believable order, reserved addresses, and what the sent demo issue did for each.
 */
import { DEMO_DOMAIN, isDemoEmail } from '../../src/seed/demo/markers';
import {
  demoSentAt,
  demoSubscribers,
  localPart,
  SENT_DAYS_AGO,
} from '../../src/seed/demo/subscribers-data';

const NOW = new Date('2026-05-20T10:00:00Z');
const TOPICS = ['offers', 'practice-examples', 'employer-tips'];
const subscribers = demoSubscribers({
  now: NOW,
  issueDocumentId: 'issue123',
  consentVersion: '1',
  topics: TOPICS,
  personalTopic: 'employer-tips',
});
const sentAt = demoSentAt(NOW);
const DOCUMENTATION_IP = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/;

describe('demo subscribers', () => {
  it('are the same in every run', () => {
    expect(
      demoSubscribers({
        now: NOW,
        issueDocumentId: 'issue123',
        consentVersion: '1',
        topics: TOPICS,
        personalTopic: 'employer-tips',
      })
    ).toEqual(subscribers);
  });

  it('cover every status of the newsletter', () => {
    const byStatus: Record<string, number> = {};
    for (const subscriber of subscribers) {
      byStatus[subscriber.status] = (byStatus[subscriber.status] ?? 0) + 1;
    }
    expect(byStatus).toEqual({
      active: 28,
      pending: 4,
      unsubscribed: 5,
      bounced: 2,
      complained: 1,
    });
  });

  it('have distinct, valid addresses in the reserved demo domain and fictional names', () => {
    const emails = subscribers.map((subscriber) => subscriber.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) {
      expect(email).toMatch(new RegExp(`^[a-z0-9]+(\\.[a-z0-9-]+)*@${DEMO_DOMAIN}$`));
      expect(isDemoEmail(email)).toBe(true);
    }
    expect(DEMO_DOMAIN.endsWith('.example')).toBe(true);
    expect(isDemoEmail('someone@example.org')).toBe(false);
    expect(localPart('Jörg Müller-Åsen')).toBe('joerg.mueller-asen');
    expect(localPart('Mehmet Aydın')).toBe('mehmet.aydin');
  });

  it('carry consent proof and history in the order things happen', () => {
    for (const subscriber of subscribers) {
      expect(subscriber.consentAt.getTime()).toBeLessThan(NOW.getTime());
      expect(subscriber.topics.length).toBeGreaterThan(0);
      expect(subscriber.topics.every((topic) => TOPICS.includes(topic))).toBe(true);
      if (subscriber.consentIp !== null) expect(subscriber.consentIp).toMatch(DOCUMENTATION_IP);
      if (subscriber.source === 'form') {
        expect(subscriber.consentVersion).toBe('1');
        expect(subscriber.consentIp).toMatch(DOCUMENTATION_IP);
      } else {
        expect(subscriber.consentVersion).toBe('import');
      }
      if (subscriber.status === 'pending') {
        expect(subscriber.confirmedAt).toBeNull();
        // unconfirmed sign-ups are deleted after 30 days by the plugin's data minimisation
        expect(NOW.getTime() - subscriber.consentAt.getTime()).toBeLessThan(10 * 86_400_000);
      } else if (subscriber.source === 'form') {
        expect(subscriber.confirmedAt!.getTime()).toBeGreaterThan(subscriber.consentAt.getTime());
        expect(subscriber.confirmIp).toMatch(DOCUMENTATION_IP);
      }
      const times = subscriber.history.map((event) => Date.parse(event.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)!).toBeLessThanOrEqual(NOW.getTime());
      if (subscriber.unsubscribedAt) {
        expect(subscriber.unsubscribedAt.getTime()).toBeGreaterThan(subscriber.consentAt.getTime());
      }
    }
  });

  it('received the sent issue when they were subscribed at its time, with its outcomes', () => {
    expect(NOW.getTime() - sentAt.getTime()).toBeGreaterThan((SENT_DAYS_AGO - 1) * 86_400_000);
    const audience = subscribers.filter((subscriber) => subscriber.delivery);
    for (const subscriber of audience) {
      expect(subscriber.consentAt.getTime()).toBeLessThan(sentAt.getTime());
      expect(subscriber.delivery!.at.getTime()).toBeGreaterThan(sentAt.getTime());
    }
    for (const subscriber of subscribers.filter((s) => !s.delivery)) {
      const joinedLater = subscriber.consentAt.getTime() > sentAt.getTime();
      const leftBefore = (subscriber.unsubscribedAt?.getTime() ?? Infinity) < sentAt.getTime();
      expect(joinedLater || leftBefore).toBe(true);
    }
    const count = (predicate: (s: (typeof subscribers)[number]) => boolean) =>
      subscribers.filter(predicate).length;
    expect(audience).toHaveLength(32);
    expect(count((s) => s.delivery?.status === 'failed')).toBe(1);
    expect(count((s) => s.mailbox?.kind === 'hard')).toBe(1);
    expect(count((s) => s.mailbox?.kind === 'soft')).toBe(1);
    expect(count((s) => s.mailbox?.kind === 'complaint')).toBe(1);
    expect(count((s) => s.unsubscribedThroughIssue)).toBe(3);
    for (const subscriber of subscribers.filter((s) => s.mailbox)) {
      expect(subscriber.delivery?.status).toBe('sent');
      expect(subscriber.history.at(-1)).toMatchObject({ source: 'mailbox', issue: 'issue123' });
    }
  });

  it('linked to a self-check get the personalised topic, with the link’s own consent', () => {
    const linked = subscribers.filter((subscriber) => subscriber.link);
    expect(linked).toHaveLength(2);
    for (const subscriber of linked) {
      expect(subscriber.status).toBe('active');
      expect(subscriber.topics).toContain('employer-tips');
      expect(subscriber.link!.consentAt.getTime()).toBeGreaterThan(
        subscriber.confirmedAt!.getTime()
      );
      expect(subscriber.link!.confirmedAt.getTime()).toBeLessThan(NOW.getTime());
    }
  });
});
