/** `message/delivery-status` (RFC 3464): recipient blocks and what each one means. */
import { findBasic, findEnhanced, isSoftPermanent, normalizeAddress, oneLine } from './codes';
import { readFields } from './fields';
import type { BounceKind } from './types';

export interface DsnRecipient {
  finalRecipient?: string;
  originalRecipient?: string;
  action?: string;
  status?: string;
  diagnostic?: string;
}

type Block = Map<string, string>;

/** Recipient groups: blank lines separate them; a repeated recipient field starts a new one too. */
const recipientBlocks = (text: string): Block[] => {
  const blocks: Block[] = [];
  let current: Block = new Map();
  const close = () => {
    if (current.has('final-recipient') || current.has('original-recipient')) blocks.push(current);
    current = new Map();
  };
  for (const field of readFields(text)) {
    if (!field) {
      close();
      continue;
    }
    const { name, value } = field;
    const startsNew =
      (name === 'final-recipient' && current.has('final-recipient')) ||
      (name === 'original-recipient' &&
        (current.has('original-recipient') ||
          (current.has('final-recipient') && current.has('action'))));
    if (startsNew) close();
    if (!current.has(name)) current.set(name, value);
  }
  close();
  return blocks;
};

const stripType = (value: string | undefined) => value?.replace(/^\s*[\w-]+\s*;\s*/, '');

export const parseDeliveryStatus = (text: string): DsnRecipient[] =>
  recipientBlocks(text).map((block) => ({
    finalRecipient: normalizeAddress(block.get('final-recipient')),
    originalRecipient: normalizeAddress(block.get('original-recipient')),
    action:
      block
        .get('action')
        ?.trim()
        .split(/[\s(;]/)[0]
        .toLowerCase() || undefined,
    status: findEnhanced(block.get('status') ?? '')?.code,
    diagnostic: oneLine(stripType(block.get('diagnostic-code'))),
  }));

const NOT_FAILED = new Set(['delivered', 'relayed', 'expanded']);

export const judgeRecipient = (r: DsnRecipient): { kind: BounceKind; reason?: string } => {
  const statusClass = r.status?.[0];
  if ((r.action && NOT_FAILED.has(r.action)) || (!r.action && statusClass === '2')) {
    return { kind: 'unknown', reason: 'not a failure' };
  }
  if (r.action === 'delayed' || statusClass === '4') return { kind: 'soft' };
  if (statusClass === '5') {
    return { kind: isSoftPermanent(r.status, r.diagnostic) ? 'soft' : 'hard' };
  }
  if (r.action === 'failed') {
    // a failure without a status: the reply code in the diagnostic decides, else soft (counted)
    const basic = findBasic(r.diagnostic ?? '')?.code;
    const hard = basic?.startsWith('5') && !isSoftPermanent(undefined, r.diagnostic);
    return { kind: hard ? 'hard' : 'soft' };
  }
  return { kind: 'unknown', reason: 'delivery report without action or status' };
};

const rank = (r: DsnRecipient) => {
  const kind = judgeRecipient(r).kind;
  if (kind === 'hard') return 0;
  if (kind === 'soft') return r.action === 'delayed' ? 2 : 1;
  return 3;
};

/** The recipient block to report: a failure before a delay before anything else. */
export const pickRecipient = (recipients: DsnRecipient[]): DsnRecipient | undefined =>
  recipients.reduce<DsnRecipient | undefined>(
    (best, r) => (best === undefined || rank(r) < rank(best) ? r : best),
    undefined
  );
