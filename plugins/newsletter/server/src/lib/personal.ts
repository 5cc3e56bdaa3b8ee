/**
 * Which items of the personalised section one recipient gets. Pure.
 *
 * The items that fit the recipient's linked profile come first (in the profile's order), then
 * the editor's selection; items the recipient already received in earlier issues are left out.
 * The section keeps at least `limit` items, or as many as the editor chose. Null means "the
 * editor's selection" (nothing fits or everything was received already, or the result is the
 * editor's selection anyway), so only real personalisation is stored and counted.
 */
export interface ChoiceInput {
  /** ids that fit the profile, best first */
  ranked: string[];
  /** the editor's selection for this issue */
  defaults: string[];
  /** what was compiled into the issue (anything else cannot be shown) */
  pool: string[];
  /** ids this recipient received in earlier issues */
  received: Iterable<string>;
  limit: number;
}

export const chooseItems = ({
  ranked,
  defaults,
  pool,
  received,
  limit,
}: ChoiceInput): string[] | null => {
  const available = new Set(pool);
  const seen = new Set(received);
  const size = Math.max(limit, defaults.length);
  const chosen: string[] = [];
  for (const id of [...ranked, ...defaults]) {
    if (chosen.length >= size) break;
    if (!available.has(id) || seen.has(id) || chosen.includes(id)) continue;
    chosen.push(id);
  }
  if (chosen.length === 0) return null;
  const same = chosen.length === defaults.length && chosen.every((id, i) => id === defaults[i]);
  return same ? null : chosen;
};

/**
 * What a recipient already received of the section: its own earlier selections, or the
 * editor's selection of issues where it had none (only for deliveries that carried the topic).
 */
export const receivedItems = (
  deliveries: { issueId: number; topics: string[]; personalItems: string[] | null }[],
  topic: string,
  defaultsOf: (issueId: number) => string[]
): Set<string> => {
  const received = new Set<string>();
  for (const delivery of deliveries) {
    const items =
      delivery.personalItems ??
      (delivery.topics.includes(topic) ? defaultsOf(delivery.issueId) : []);
    for (const id of items) received.add(id);
  }
  return received;
};

/**
 * Per subscriber, the profile of its latest linked result (by `at`, whatever order the links
 * come in); links whose key has no profile (deleted meanwhile) are ignored.
 */
export const latestProfiles = <P extends { at: string }>(
  links: { subscriberId: number; key: string }[],
  profiles: Map<string, P>
): Map<number, P> => {
  const latest = new Map<number, P>();
  for (const link of links) {
    const profile = profiles.get(link.key);
    const current = latest.get(link.subscriberId);
    if (profile && (!current || profile.at > current.at)) latest.set(link.subscriberId, profile);
  }
  return latest;
};
