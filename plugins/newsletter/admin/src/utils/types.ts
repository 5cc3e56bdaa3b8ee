/** Shapes of the plugin's admin routes (no runtime dependencies, shared with unit tests). */
export type IssueStatus =
  'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'failed' | 'cancelled';

export const ISSUE_STATUSES: IssueStatus[] = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'failed',
  'cancelled',
];

export const SUBSCRIBER_STATUSES = [
  'pending',
  'active',
  'unsubscribed',
  'bounced',
  'complained',
] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export interface ItemRef {
  section: string;
  documentId: string;
}

export interface ItemDetail extends ItemRef {
  title: string | null;
  current: boolean;
}

export interface Issue {
  documentId: string;
  subject: string;
  preheader: string | null;
  items: ItemRef[] | null;
  status: IssueStatus;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  recipients: number;
  sent: number;
  failed: number;
  skipped: number;
  pending?: number;
  lastError: string | null;
  pausedReason: string | null;
  digestKey: string | null;
  createdAt: string;
  updatedAt: string;
  /** public link of the web version (from the server: public URL and REST prefix) */
  webUrl?: string;
}

export interface Progress {
  status: IssueStatus;
  recipients: number;
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  pausedReason: string | null;
}

export interface Settings {
  topics: { key: string; label: string }[];
  sections: { topic: string; title: string }[];
  timezone: string;
}

export interface Candidate {
  documentId: string;
  title: string;
  label: string | null;
  publishedAt: string | null;
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface SubscriberRow {
  documentId: string;
  email: string;
  name: string | null;
  organisation: string | null;
  topics: string[] | null;
  status: SubscriberStatus;
  source: string | null;
  bounceCount: number | null;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  createdAt: string;
}

export interface SubscriberStats {
  total: number;
  byStatus: Record<SubscriberStatus, number>;
  byTopic: { key: string; label: string; active: number }[];
}

/** What the import answers (defined with the shared subscriber-file reader). */
export type { ImportReport } from '../../../server/src/lib/subscriber-file';

export interface TestResult {
  email: string;
  sent: boolean;
  error?: string;
}

/** One field of the preview profile (e.g. weakest dimensions); values are always arrays. */
export interface ProfileField {
  name: string;
  label: string;
  multiple?: boolean;
  options: { value: string; label: string }[];
}

/** The issue's personalised section: how many recipients get it, and the preview form. */
export type Personalisation =
  | { enabled: false }
  | {
      enabled: true;
      topic: string;
      section: string;
      label: string;
      /** estimate (active linked subscribers) until the send fixed the audience, then exact */
      recipients: number;
      exact: boolean;
      fields: ProfileField[];
    };

/** A chosen preview profile: field name → values (single fields hold at most one). */
export type Profile = Record<string, string[]>;

/** What an issue achieved (GET /newsletter/issues/:id/report). */
export interface IssueReport {
  issue: {
    documentId: string;
    subject: string;
    status: IssueStatus;
    startedAt: string | null;
    finishedAt: string | null;
  };
  figures: {
    recipients: number;
    sent: number;
    failed: number;
    skipped: number;
    hardBounces: number;
    softBounces: number;
    complaints: number;
    unsubscribes: number;
    clicks: number;
  };
  items: {
    section: string;
    sectionTitle: string;
    documentId: string | null;
    title: string | null;
    clicks: number;
  }[];
  mailbox: {
    configured: boolean;
    mailbox: string | null;
    lastPollAt: string | null;
    lastResult: { state: string; error?: string } | null;
    running: boolean;
    byOutcome: Record<string, number>;
    byKind: Record<string, number>;
  };
}
