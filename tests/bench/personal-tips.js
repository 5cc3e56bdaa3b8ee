/**
 * Helpers of the newsletter benchmark for personalised employer tips: which
 * subscribers are linked, the self-check submissions and newsletter links inserted in bulk, and
 * reading the employer tips out of a received mail. Used by tests/bench/newsletter.js.
 *
 * Subscriber j of the personalised scenario (address `benchp<j>@…`):
 *   - even j: all three topics and an active link to its own completed self-check (3 weakest
 *     dimensions in red, varied per subscriber; size class varied) → must be personalised;
 *   - odd j with j % 50 === 1: an active link but no employer-tips topic → must not be;
 *   - odd j with j % 50 === 3: a pending link (not confirmed) → must not be;
 *   - other odd j: no link.
 */
const crypto = require('crypto');

/** The dimension keys of the seeded questionnaire. */
const DIMENSIONS = [
  'fuehrung',
  'verguetung',
  'vereinbarkeit',
  'gesundheit',
  'entwicklung',
  'ausbildung',
  'onboarding',
  'arbeitgebermarke',
];
const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'];
const ALL_TOPICS = ['offers', 'practice-examples', 'employer-tips'];

const kindOf = (j) => {
  if (j % 2 === 0) return 'linked';
  if (j % 50 === 1) return 'linked-without-topic';
  if (j % 50 === 3) return 'pending-link';
  return 'plain';
};

const topicsOf = (j) =>
  kindOf(j) === 'linked-without-topic' ? ['offers', 'practice-examples'] : ALL_TOPICS;

/** How many subscribers of `size` must get their own tips. */
const expectedPersonalised = (size) => Math.ceil(size / 2);

/** A small deterministic PRNG (mulberry32), so every run seeds the same profiles. */
const prng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** The self-check result of subscriber j: three weakest dimensions in red, the rest better. */
const profileOf = (j) => {
  const random = prng(j + 1);
  const order = [...DIMENSIONS];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const k = Math.floor(random() * (i + 1));
    [order[i], order[k]] = [order[k], order[i]];
  }
  const weaknesses = order.slice(0, 3);
  const score = new Map(order.map((key, i) => [key, i < 3 ? 15 + i * 10 : 55 + i * 5]));
  const band = (value) => (value < 50 ? 'rot' : value < 75 ? 'gelb' : 'gruen');
  const dimensions = DIMENSIONS.map((key) => ({
    key,
    name: key,
    score: score.get(key),
    band: band(score.get(key)),
  }));
  const total = Math.round(dimensions.reduce((sum, d) => sum + d.score, 0) / dimensions.length);
  return {
    sizeClass: SIZE_CLASSES[(j >> 1) % SIZE_CLASSES.length],
    result: {
      dimensions,
      total,
      totalBand: band(total),
      strengths: order.slice(-2).reverse(),
      weaknesses,
    },
  };
};

/**
 * Inserts a completed submission for every subscriber with a link, and the links (active or
 * pending), in chunks, straight into the tables (as the benchmark inserts subscribers).
 * `subscribers`: [{ id, documentId, j }]. Returns the number of links by kind.
 */
const seedLinks = async ({ knex, table, questionnaireVersion, subscribers }) => {
  const submissions = table('plugin::employer-check.submission');
  const links = table('plugin::newsletter.link');
  const now = new Date();
  const counts = { active: 0, pending: 0 };
  const withLink = subscribers.filter((s) => kindOf(s.j) !== 'plain');
  for (let i = 0; i < withLink.length; i += 1000) {
    const chunk = withLink.slice(i, i + 1000);
    const submissionRows = [];
    const linkRows = [];
    for (const subscriber of chunk) {
      const key = crypto.randomBytes(12).toString('hex');
      const { sizeClass, result } = profileOf(subscriber.j);
      const completedAt = new Date(now.getTime() - (subscriber.j % 1000) * 60_000);
      submissionRows.push({
        document_id: key,
        token_hash: crypto.randomBytes(32).toString('hex'),
        status: 'complete',
        questionnaire_version: questionnaireVersion,
        sector: 'C',
        size_class: sizeClass,
        answers: JSON.stringify({}),
        completed_at: completedAt,
        result: JSON.stringify(result),
        total: result.total,
        created_at: completedAt,
        updated_at: completedAt,
        published_at: completedAt,
      });
      const active = kindOf(subscriber.j) !== 'pending-link';
      counts[active ? 'active' : 'pending'] += 1;
      linkRows.push({
        document_id: crypto.randomBytes(12).toString('hex'),
        subscriber_id: subscriber.id,
        subscriber_document_id: subscriber.documentId,
        key,
        status: active ? 'active' : 'pending',
        consent_version: '1',
        consent_at: now,
        consent_ip: '127.0.0.1',
        confirmed_at: active ? now : null,
        created_at: now,
        updated_at: now,
        published_at: now,
      });
    }
    await knex.batchInsert(submissions, submissionRows, 100);
    await knex.batchInsert(links, linkRows, 100);
  }
  return counts;
};

/** Which j of a size have their whole mail checked (the first 12 and 16 spread over the rest). */
const sampleIndices = (size) => {
  const picked = new Set();
  for (let j = 0; j < Math.min(12, size); j += 1) picked.add(j);
  const step = Math.max(1, Math.floor(size / 16));
  for (let j = 12; j < size; j += step) picked.add(j);
  return [...picked];
};

/** The employer tips (slugs, in order) of a raw message, from its HTML and its text part. */
const tipsOfMessage = async (raw) => {
  const { simpleParser } = require('mailparser');
  const mail = await simpleParser(raw);
  // item links may go through the counting redirect: its token carries the target
  const resolved = (source) =>
    String(source ?? '').replace(
      /https?:\/\/[^\s"<>]*\/newsletter\/r\/([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+/g,
      (link, payload) => {
        try {
          return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))[2];
        } catch {
          return link;
        }
      }
    );
  const slugs = (source) => {
    const found = [];
    for (const match of resolved(source).matchAll(/\/arbeitgeber-tipps\/([a-z0-9-]+)/g)) {
      if (found[found.length - 1] !== match[1]) found.push(match[1]);
    }
    return found;
  };
  // the HTML may link an item twice (title and button); keep each tip once, in order
  const unique = (list) => list.filter((slug, i) => list.indexOf(slug) === i);
  return { html: unique(slugs(mail.html)), text: unique(slugs(mail.text)) };
};

module.exports = {
  DIMENSIONS,
  kindOf,
  topicsOf,
  expectedPersonalised,
  profileOf,
  seedLinks,
  sampleIndices,
  tipsOfMessage,
};
