/**
 * The answers of the public read cache, in memory, bounded by their size (least recently used
 * go first). An answer is returned only while it is current: before its expiry and while
 * `isCurrent` (no dependency changed since its read began) holds; otherwise it is dropped.
 */
import { LRUCache } from 'lru-cache';

export interface StoredAnswer {
  body: Buffer;
  /** Content-Type */
  type: string;
  etag: string;
  /** models the answer shows (see `rules.dependencyClosure`) */
  dependencies: readonly string[];
  /** the content clock when the read began */
  tick: number;
  /** when the answer's result may change without an edit (epoch ms) */
  expiresAt: number;
  /** the body compressed, made on the first request that accepts the encoding */
  encoded?: Partial<Record<'br' | 'gzip', Buffer>>;
}

/** bookkeeping per entry besides key and body (the object, its arrays, the LRU's slot) */
const OVERHEAD_BYTES = 256;
/** room counted for the compressed forms (text compresses to well under a quarter each) */
const ENCODED_SHARE = 0.5;

export const createAnswerStore = ({ maxBytes }: { maxBytes: number }) => {
  const sizeOf = (key: string, answer: StoredAnswer) =>
    Math.ceil(answer.body.length * (1 + ENCODED_SHARE)) + key.length * 2 + OVERHEAD_BYTES;
  const lru = new LRUCache<string, StoredAnswer>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (answer, key) => sizeOf(key, answer),
  });
  // one answer may take at most an eighth of the cache, so a few huge lists cannot evict all
  const maxEntryBytes = Math.max(1, Math.floor(maxBytes / 8));

  return {
    get(key: string, isCurrent: (answer: StoredAnswer) => boolean, now = Date.now()) {
      const answer = lru.get(key);
      if (!answer) return undefined;
      if (answer.expiresAt <= now || !isCurrent(answer)) {
        lru.delete(key);
        return undefined;
      }
      return answer;
    },
    /** false when the answer is too large to keep */
    set(key: string, answer: StoredAnswer): boolean {
      if (sizeOf(key, answer) > maxEntryBytes) return false;
      lru.set(key, answer);
      return true;
    },
    clear: () => lru.clear(),
    stats: () => ({ entries: lru.size, bytes: lru.calculatedSize }),
  };
};

export type AnswerStore = ReturnType<typeof createAnswerStore>;
