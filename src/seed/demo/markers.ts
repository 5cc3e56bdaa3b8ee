/**
 * How demo activity is recognised, so `npm run demo` adds nothing twice and `npm run demo:remove`
 * deletes exactly what it added (no schema of the plugins has a "demo" flag):
 * - subscribers: every address in DEMO_DOMAIN (a reserved `.example` domain, RFC 2606);
 * - issues: their subjects, DEMO_ISSUE_SUBJECTS;
 * - self-checks: their token hashes; the tokens are derived from a fixed text and the position
 *   (`demoCheckToken(i)`), so the demo results can also be opened on the public result page.
 */
import crypto from 'crypto';

export const DEMO_DOMAIN = 'demo-newsletter.example';

export const isDemoEmail = (email: string): boolean =>
  email.toLowerCase().endsWith(`@${DEMO_DOMAIN}`);

export const DEMO_ISSUE_SUBJECTS = {
  sent: '[Demo] Ausbildung, Praktika und Tipps für Betriebe',
  scheduled: '[Demo] Sommerferienjobs und Berufsorientierung',
} as const;

/** Number of demo self-checks (positions 0 … DEMO_CHECK_COUNT − 1). */
export const DEMO_CHECK_COUNT = 72;

/**
 * The submission token of demo self-check `index`: 32 characters of base64url like the plugin's
 * random tokens (which are 24 random bytes), derived from a fixed text instead.
 */
export const demoCheckToken = (index: number): string =>
  crypto
    .createHash('sha256')
    .update(`bildungsbuero-demo-selbstcheck:${index}`)
    .digest()
    .subarray(0, 24)
    .toString('base64url');

/** What the self-check plugin stores of a token: its SHA-256 in hex (plugin `lib/tokens.ts`). */
export const tokenHash = (token: string): string =>
  crypto.createHash('sha256').update(token).digest('hex');

export const demoCheckTokens = (count = DEMO_CHECK_COUNT): string[] =>
  Array.from({ length: count }, (_, index) => demoCheckToken(index));
