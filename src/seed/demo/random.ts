/**
 * A small seeded pseudo-random generator (mulberry32), so the demo activity is the same on every
 * machine and in every run: the same subscribers, the same self-check profiles and answers.
 * Not for anything secret.
 */
export interface Random {
  /** a number in [0, 1) */
  next(): number;
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  /** a number in [min, max) */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** a shuffled copy */
  shuffle<T>(items: readonly T[]): T[];
}

/** A 32-bit seed from a text (FNV-1a), e.g. `seedOf('selbstcheck-17')`. */
export const seedOf = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

export const createRandom = (seed: number | string): Random => {
  let state = (typeof seed === 'string' ? seedOf(seed) : seed) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)],
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
  return random;
};

/** `counts` as a list of keys, each repeated its count times, in a seeded order. */
export const quotaList = <K extends string>(
  counts: readonly (readonly [K, number])[],
  random: Random
): K[] => random.shuffle(counts.flatMap(([key, count]) => Array<K>(count).fill(key)));
