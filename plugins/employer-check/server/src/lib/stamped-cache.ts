/**
 * A value kept while a stamp stays the same: the caller reads a small stamp (one query over the
 * tables the value is built from) and loads the value only when the stamp changed since the last
 * load. Concurrent callers with the same new stamp share one load; a failed load is not kept.
 */
export interface StampedCache<T> {
  get(stamp: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export const createStampedCache = <T>(): StampedCache<T> => {
  let entry: { stamp: string; value: Promise<T> } | null = null;
  return {
    get(stamp, load) {
      if (entry && entry.stamp === stamp) return entry.value;
      const value = load();
      const current = { stamp, value };
      entry = current;
      value.catch(() => {
        if (entry === current) entry = null;
      });
      return value;
    },
    clear() {
      entry = null;
    },
  };
};
