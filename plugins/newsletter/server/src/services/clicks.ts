/**
 * Counting clicks on the items of an issue, without knowing who clicked: the links of an issue's
 * items go through `GET /newsletter/r/:token` (`lib/click-token.ts`: issue, item and target,
 * signed), which redirects to the target and adds one to the item's counter
 * (`clicks/counter.ts`). The links are the same for every recipient and are fixed when the issue
 * is frozen for sending. `clickTracking.enabled: false` links items straight to their targets
 * and stops counting; redirect links in mails sent before keep working.
 */
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { createClickCounter } from '../clicks/counter';
import {
  createClickToken,
  itemKey,
  parseItemKey,
  redirectTarget,
  verifyClickToken,
} from '../lib/click-token';
import { publicApiUrl } from '../utils/urls';

export interface ClickFigure {
  /** `section:documentId` */
  itemKey: string;
  section: string;
  documentId: string | null;
  clicks: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const counter = createClickCounter(strapi);

  return {
    enabled() {
      return config().clickTracking.enabled;
    },

    /**
     * The link for an item's URL in the issue's frozen rendering: the counting redirect, or the
     * URL itself when it cannot be one (not http(s), too long, an item without a usable id).
     */
    redirectUrl(issueId: number, item: { section: string; id?: string }, url: string): string {
      const key = item.id ? itemKey(item.section, item.id) : null;
      const target = redirectTarget(url);
      if (!key || !target) return url;
      const token = createClickToken({ issue: issueId, item: key, url: target }, config().secret);
      return publicApiUrl(strapi, `/r/${token}`);
    },

    verify(token: unknown) {
      return verifyClickToken(token, config().secret);
    },

    /** One click on the item of the issue (when counting is on). */
    async count(issueId: number, key: string) {
      if (!this.enabled()) return false;
      await counter.increment(issueId, key);
      return true;
    },

    /**
     * The issue's clicks per item for its report, most clicked first: only items clicked at
     * least once (an item of the issue that is not listed has 0).
     */
    async figures(issueId: number): Promise<ClickFigure[]> {
      return (await counter.forIssue(issueId)).map((row) => ({
        itemKey: row.itemKey,
        ...parseItemKey(row.itemKey),
        clicks: row.clicks,
      }));
    },
  };
};
