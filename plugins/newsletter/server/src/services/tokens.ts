import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import {
  addressHash,
  createToken,
  tokenMatchesAddress,
  verifyToken,
  type TokenClaims,
  type TokenPurpose,
} from '../lib/tokens';
import { publicApiUrl } from '../utils/urls';

export interface TokenSubject {
  documentId: string;
  email: string;
}

/** Token signing with the configured secret, and the links that carry the tokens. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const base = () => config().publicUrl.replace(/\/+$/, '');

  return {
    confirmToken(subject: TokenSubject, now = new Date()) {
      return createToken(
        {
          purpose: 'confirm',
          subscriberId: subject.documentId,
          email: subject.email,
          ttlSeconds: Math.round(config().confirmTokenTtlHours * 3600),
        },
        config().secret,
        now
      );
    },

    /** `issueId`: the token goes into that issue's mail (an unsubscribe with it counts there). */
    manageToken(subject: TokenSubject, { issueId }: { issueId?: number } = {}) {
      return createToken(
        { purpose: 'manage', subscriberId: subject.documentId, email: subject.email, issueId },
        config().secret
      );
    },

    verify(token: unknown, purpose: TokenPurpose) {
      return verifyToken(token, config().secret, purpose);
    },

    matches(claims: TokenClaims, email: string) {
      return tokenMatchesAddress(claims, email, config().secret);
    },

    addressHash(email: string) {
      return addressHash(email, config().secret);
    },

    confirmUrl(subject: TokenSubject) {
      return publicApiUrl(
        strapi,
        `/confirm?token=${encodeURIComponent(this.confirmToken(subject))}`
      );
    },

    /**
     * Preferences and unsubscribe links, as they go into every newsletter; with `issueId` (an
     * issue's mail) their token names the issue, signed, so an unsubscribe through them is
     * counted for that issue.
     */
    manageUrls(subject: TokenSubject, options: { issueId?: number } = {}) {
      const token = encodeURIComponent(this.manageToken(subject, options));
      return {
        preferencesUrl: publicApiUrl(strapi, `/preferences?token=${token}`),
        unsubscribeUrl: publicApiUrl(strapi, `/unsubscribe?token=${token}`),
      };
    },

    subscribePageUrl() {
      return config().subscribePageUrl ?? `${base()}/newsletter/`;
    },
  };
};
