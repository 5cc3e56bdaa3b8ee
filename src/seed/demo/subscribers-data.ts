/**
 * The demo subscribers, pure and deterministic: 40 fictional people in every status the
 * newsletter knows, with consent proof (time, IP address from the documentation ranges of
 * RFC 5737, text version) and their history, and what the one sent demo issue did for each
 * (delivery, bounce, complaint, unsubscribe). Dates are relative to `now`.
 */
import { DEMO_DOMAIN } from './markers';
import { createRandom, type Random } from './random';

export type DemoRole =
  | 'active'
  | 'linked'
  | 'soft-bounce'
  | 'active-new'
  | 'pending'
  | 'unsubscribed-issue'
  | 'unsubscribed-before'
  | 'bounced-smtp'
  | 'bounced-mailbox'
  | 'complained';

/** Who the demo subscribers are: [name, organisation, role, source]. */
export const PEOPLE: readonly [string, string | null, DemoRole, 'form' | 'import'][] = [
  ['Anna Berger', 'Tischlerei Berger & Sohn', 'active', 'form'],
  ['Jonas Wendt', 'Autohaus Wendt GmbH', 'linked', 'form'],
  ['Leonie Krüger', 'Oberschule am Mühlenteich', 'active', 'form'],
  ['Mehmet Aydın', 'Aydın Haustechnik', 'active', 'form'],
  ['Sophie Lange', null, 'active', 'form'],
  ['Tobias Richter', 'Kreishandwerkerschaft (Beispiel)', 'active', 'import'],
  ['Marie Schulte', 'Pflegeheim Lindenhof', 'linked', 'form'],
  ['Lukas Neumann', 'Neumann Metallbau KG', 'active', 'form'],
  ['Emily Hoffmann', null, 'active', 'form'],
  ['Finn Albrecht', 'Albrecht Logistik', 'soft-bounce', 'form'],
  ['Hannah Vogt', 'Berufsbildende Schulen Weserbogen', 'active', 'import'],
  ['Paul Hartmann', 'Hartmann Elektrotechnik', 'active', 'form'],
  ['Lea Brandes', 'Jugendberufsagentur (Beispiel)', 'active', 'form'],
  ['Noah Lindner', null, 'active', 'form'],
  ['Mia Kowalski', 'Bäckerei Kornblume', 'active', 'form'],
  ['Elias Seidel', 'Seidel Landtechnik', 'active', 'import'],
  ['Lina Fuchs', 'Stadtwerke Musterhausen', 'active', 'form'],
  ['Ben Schröder', null, 'active', 'form'],
  ['Clara Winter', 'Gasthof Zur Linde', 'active', 'form'],
  ['Felix Böhm', 'Böhm Dachdeckerei', 'active', 'form'],
  ['Ida Petersen', 'Kita Sonnenblume', 'active', 'import'],
  ['Jakob Engel', 'Engel Garten- und Landschaftsbau', 'active', 'form'],
  ['Nele Martens', null, 'active', 'form'],
  ['Moritz Kaya', 'Kaya Fliesen', 'active', 'form'],
  ['Frieda Ahrens', 'Apotheke am Markt (Beispiel)', 'active', 'import'],
  ['Theo Baumann', 'Baumann Fahrzeugbau', 'active', 'form'],
  ['Greta Wolff', 'Wolff Steuerberatung', 'active-new', 'form'],
  ['Anton Möller', null, 'active-new', 'form'],
  ['Luisa Heinrich', 'Hofladen Heinrich', 'pending', 'form'],
  ['Oskar Franke', null, 'pending', 'form'],
  ['Ella Schmitt', 'Zahnarztpraxis Dr. Schmitt (Beispiel)', 'pending', 'form'],
  ['Henry Kühn', 'Kühn Kältetechnik', 'pending', 'form'],
  ['Johanna Busch', null, 'unsubscribed-issue', 'form'],
  ['Karl Dietrich', 'Dietrich Druck', 'unsubscribed-issue', 'form'],
  ['Amelie Roth', null, 'unsubscribed-issue', 'form'],
  ['Max Lorenz', 'Lorenz Immobilien', 'unsubscribed-before', 'form'],
  ['Charlotte Beck', null, 'unsubscribed-before', 'form'],
  ['Emil Haas', 'Haas Spedition', 'bounced-smtp', 'form'],
  ['Lotta Jansen', 'Jansen Friseure', 'bounced-mailbox', 'form'],
  ['Jan Vogel', null, 'complained', 'form'],
];

/** How many days before the seed the demo issue went out. */
export const SENT_DAYS_AGO = 16;

export interface DemoHistoryEvent {
  at: string;
  event: string;
  [detail: string]: unknown;
}

export interface DemoSubscriber {
  email: string;
  name: string;
  organisation: string | null;
  role: DemoRole;
  topics: string[];
  source: 'form' | 'import';
  status: 'pending' | 'active' | 'unsubscribed' | 'bounced' | 'complained';
  consentVersion: string;
  consentAt: Date;
  consentIp: string | null;
  confirmedAt: Date | null;
  confirmIp: string | null;
  unsubscribedAt: Date | null;
  bounceCount: number;
  lastConfirmationSentAt: Date | null;
  history: DemoHistoryEvent[];
  /** the subscriber's delivery of the sent demo issue (null: not in its audience) */
  delivery: { status: 'sent' | 'failed'; at: Date; smtpCode?: number; error?: string } | null;
  /** what came back through the bounce mailbox for that delivery */
  mailbox: {
    kind: 'hard' | 'soft' | 'complaint';
    at: Date;
    statusCode: string | null;
    diagnostic: string;
  } | null;
  /** unsubscribed with the link of the sent issue (counted on the issue) */
  unsubscribedThroughIssue: boolean;
  /** linked its self-check result (with its own consent) for tips in the newsletter */
  link: { consentAt: Date; ip: string | null; confirmedAt: Date } | null;
}

/** The sent demo issue's start: SENT_DAYS_AGO days before `now`, 07:00 UTC. */
export const demoSentAt = (now: Date): Date => {
  const day = new Date(now.getTime() - SENT_DAYS_AGO * 86_400_000);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7));
};

/** `Jörg Müller-Åsen` → `joerg.mueller-asen` */
export const localPart = (name: string): string =>
  name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9-]+/g, '.')
    .replace(/^\.|\.$/g, '');

const ip = (random: Random) =>
  `${random.pick(['192.0.2', '198.51.100', '203.0.113'])}.${random.int(1, 254)}`;

const daysBefore = (moment: Date, days: number, random: Random) =>
  new Date(moment.getTime() - days * 86_400_000 - random.int(0, 600) * 60_000);

const minutesAfter = (moment: Date, minutes: number) =>
  new Date(moment.getTime() + minutes * 60_000);

const topicsFor = (random: Random, topics: string[], required: string | null) => {
  const chances = [0.8, 0.5, 0.45];
  const chosen = topics.filter((_, i) => random.next() < (chances[i] ?? 0.5));
  if (required && topics.includes(required) && !chosen.includes(required)) chosen.push(required);
  return chosen.length ? chosen : topics.slice(0, 1);
};

export interface DemoSubscriberOptions {
  now: Date;
  /** the sent demo issue's documentId (named in the history of what it caused) */
  issueDocumentId: string;
  /** the version of the newsletter's consent text (the form's) */
  consentVersion: string;
  /** the newsletter's topic keys */
  topics: string[];
  /** the personalised section's topic: linked subscribers have it */
  personalTopic?: string | null;
}

export const demoSubscribers = (options: DemoSubscriberOptions): DemoSubscriber[] => {
  const { now, issueDocumentId: issue } = options;
  const sentAt = demoSentAt(now);
  return PEOPLE.map(([name, organisation, role, source], index) => {
    const random = createRandom(`abonnent-${index}`);
    const before = ['active-new', 'pending'].includes(role) ? null : sentAt;
    const consentAt =
      role === 'pending'
        ? daysBefore(now, random.int(1, 8), random)
        : role === 'active-new'
          ? daysBefore(now, random.int(3, 12), random)
          : daysBefore(before!, random.int(role === 'unsubscribed-before' ? 150 : 10, 380), random);
    const consentIp = source === 'import' && random.next() < 0.5 ? null : ip(random);
    const confirmed = role !== 'pending' && source === 'form';
    const confirmedAt = confirmed ? minutesAfter(consentAt, random.int(2, 240)) : null;
    const confirmIp = confirmed ? ip(random) : null;
    const history: DemoHistoryEvent[] =
      source === 'import'
        ? [{ at: consentAt.toISOString(), event: 'imported', consentAt: consentAt.toISOString() }]
        : [{ at: consentAt.toISOString(), event: 'subscribe-requested', ip: consentIp }];
    if (confirmedAt) {
      history.push({ at: confirmedAt.toISOString(), event: 'confirmed', ip: confirmIp });
    }
    let link: DemoSubscriber['link'] = null;
    if (role === 'linked') {
      const at = minutesAfter(confirmedAt!, random.int(60, 20_000));
      link = { consentAt: at, ip: confirmIp, confirmedAt: minutesAfter(at, 9) };
      history.push({ at: at.toISOString(), event: 'link-requested', ip: confirmIp });
      history.push({ at: link.confirmedAt.toISOString(), event: 'link-confirmed', ip: confirmIp });
    }

    let status: DemoSubscriber['status'] = role === 'pending' ? 'pending' : 'active';
    let unsubscribedAt: Date | null = null;
    let bounceCount = 0;
    let delivery: DemoSubscriber['delivery'] = null;
    let mailbox: DemoSubscriber['mailbox'] = null;
    const sentTo = minutesAfter(sentAt, 1 + (index % 7));
    if (role === 'unsubscribed-before') {
      unsubscribedAt = daysBefore(sentAt, random.int(20, 120), random);
      status = 'unsubscribed';
      history.push({
        at: unsubscribedAt.toISOString(),
        event: 'unsubscribed',
        ip: ip(random),
        via: 'page',
      });
    } else if (before) {
      delivery = { status: 'sent', at: sentTo };
    }
    if (role === 'unsubscribed-issue') {
      unsubscribedAt = minutesAfter(sentTo, random.int(30, 4_000));
      status = 'unsubscribed';
      const via = index % 2 ? 'one-click' : 'page';
      history.push({
        at: unsubscribedAt.toISOString(),
        event: 'unsubscribed',
        ip: ip(random),
        via,
      });
    } else if (role === 'bounced-smtp') {
      const error = `550 5.1.1 <${localPart(name)}@${DEMO_DOMAIN}>: Recipient address rejected: User unknown`;
      delivery = { status: 'failed', at: sentTo, smtpCode: 550, error };
      status = 'bounced';
      bounceCount = 1;
      history.push({
        at: sentTo.toISOString(),
        event: 'bounced',
        issue,
        smtpCode: 550,
        reason: error,
      });
    } else if (role === 'bounced-mailbox' || role === 'soft-bounce' || role === 'complained') {
      const kind = role === 'complained' ? 'complaint' : role === 'soft-bounce' ? 'soft' : 'hard';
      const at = minutesAfter(
        sentTo,
        kind === 'complaint' ? random.int(600, 3_000) : random.int(2, 40)
      );
      mailbox = {
        kind,
        at,
        statusCode: kind === 'hard' ? '5.1.1' : kind === 'soft' ? '4.2.2' : null,
        diagnostic:
          kind === 'hard'
            ? '550 5.1.1 The email account that you tried to reach does not exist.'
            : kind === 'soft'
              ? '452 4.2.2 Mailbox full'
              : 'Feedback-Report: abuse (Nachricht als Spam gemeldet)',
      };
      const event =
        kind === 'complaint' ? 'complained' : kind === 'hard' ? 'bounced' : 'soft-bounce';
      history.push({
        at: at.toISOString(),
        event,
        source: 'mailbox',
        issue,
        ...(mailbox.statusCode ? { statusCode: mailbox.statusCode } : {}),
        reason: mailbox.diagnostic,
      });
      if (kind === 'hard') {
        status = 'bounced';
        bounceCount = 1;
      } else if (kind === 'complaint') {
        status = 'complained';
        unsubscribedAt = at;
      }
    }

    return {
      email: `${localPart(name)}@${DEMO_DOMAIN}`,
      name,
      organisation,
      role,
      topics: topicsFor(
        random,
        options.topics,
        role === 'linked' ? (options.personalTopic ?? null) : null
      ),
      source,
      status,
      consentVersion: source === 'import' ? 'import' : options.consentVersion,
      consentAt,
      consentIp,
      confirmedAt,
      confirmIp,
      unsubscribedAt,
      bounceCount,
      lastConfirmationSentAt: source === 'form' ? consentAt : null,
      history,
      delivery,
      mailbox,
      unsubscribedThroughIssue: role === 'unsubscribed-issue',
      link,
    };
  });
};
