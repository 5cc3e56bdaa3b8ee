export type BounceKind = 'hard' | 'soft' | 'complaint' | 'auto-reply' | 'unknown';

export interface BounceReport {
  kind: BounceKind;
  /**
   * VERP tokens found (`local+TOKEN@domain`, lower-cased), de-duplicated, best first: To,
   * Delivered-To, X-Original-To and Envelope-To of the message itself; then Return-Path, To and
   * X-Bounce-Ref of the embedded original message (`message/rfc822`, `text/rfc822-headers`, an
   * ARF `Original-Mail-From`, or the copy a plain-text bounce quotes); last any such address in
   * the human-readable text.
   */
  tokens: string[];
  /** The failed recipient (Original-/Final-Recipient, X-Failed-Recipients, ARF Original-Rcpt-To), lower-cased. */
  recipient?: string;
  /** Enhanced status code, e.g. '5.1.1'. */
  status?: string;
  /** DSN Action: failed | delayed | delivered | relayed | expanded. */
  action?: string;
  /** Diagnostic-Code text or the relevant human-readable line: one line, at most 500 characters. */
  diagnostic?: string;
  /** For 'unknown': why the message could not be classified. */
  reason?: string;
  /** Of the bounce message itself. */
  messageId?: string;
  date?: Date;
  subject?: string;
}

/** The bounce mailbox: return paths are `local+TOKEN@domain`. */
export interface BounceMailbox {
  local: string;
  domain: string;
}
