/** Shapes shared by the dispatch modules (see SENDING.md for the protocol they implement). */
import type { FrozenRendering } from '../mail/issue';

export const SUBSCRIBER = 'plugin::newsletter.subscriber';
export const DELIVERY = 'plugin::newsletter.delivery';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** A delivery this instance holds the lease of, with what its message needs. */
export interface ClaimedDelivery {
  id: number;
  subscriberId: number;
  subscriberDocumentId: string;
  email: string;
  name: string | null;
  topics: string[];
  /** claims so far, this one included */
  attempts: number;
  /** how often the row was taken over from an expired lease (an instance that died with it) */
  takeovers: number;
  /** the personalised section's items for this recipient (null: the editor's selection) */
  personalItems: string[] | null;
}

export interface IssueRow {
  id: number;
  documentId: string;
  subject: string;
  preheader: string | null;
  intro: unknown;
  items: { section: string; documentId: string }[] | null;
  status: string;
  rendering: FrozenRendering | null;
  audienceAt: string | null;
  personalisedAt: string | null;
  personalised: number | null;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  recipients: number;
  sent: number;
  failed: number;
  skipped: number;
  lastError: string | null;
  pausedReason: string | null;
}

/** The delivery counts of an issue, read from its rows. */
export interface DeliveryCounts {
  recipients: number;
  /** pending + sending */
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
}

/** A JSON list column as read by knex (a string on SQLite, parsed on PostgreSQL). */
export const parseStringList = (value: unknown): string[] => {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((entry) => typeof entry === 'string') : [];
};

/** As `parseStringList`, but null stays null. */
export const parseNullableList = (value: unknown): string[] | null =>
  value === null || value === undefined ? null : parseStringList(value);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : String(error);
