import type { BounceMailbox } from './types';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TOKEN = /^[a-z0-9][a-z0-9._=-]{0,63}$/i;

const addressPattern = ({ local, domain }: BounceMailbox): RegExp | null => {
  if (!local?.trim() || !domain?.trim()) return null;
  return new RegExp(
    `(?<![\\w.+=-])${escape(local.trim())}\\+([a-z0-9][a-z0-9._=-]{0,63})@${escape(domain.trim())}(?![\\w-]|\\.\\w)`,
    'gi'
  );
};

/** The VERP tokens in `text` (any case), lower-cased, in order of appearance. */
export const tokensIn = (text: string | undefined, mailbox: BounceMailbox): string[] => {
  const pattern = addressPattern(mailbox);
  if (!text || !pattern) return [];
  return [...text.matchAll(pattern)].map((match) => match[1].toLowerCase());
};

/** An `X-Bounce-Ref` value: a bare token, or a return-path address holding one. */
export const tokenOfRef = (value: string | undefined, mailbox: BounceMailbox): string[] => {
  const bare = value?.trim().replace(/^<|>$/g, '') ?? '';
  if (TOKEN.test(bare)) return [bare.toLowerCase()];
  return tokensIn(bare, mailbox);
};

export const unique = (values: string[]): string[] => [...new Set(values)];
