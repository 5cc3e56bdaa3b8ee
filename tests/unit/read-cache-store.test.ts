import { createAnswerStore, type StoredAnswer } from '../../src/cache/answer-store';

const answer = (bytes: number, extra: Partial<StoredAnswer> = {}): StoredAnswer => ({
  body: Buffer.alloc(bytes, 'x'),
  type: 'application/json',
  etag: 'W/"x"',
  dependencies: ['api::offer.offer'],
  tick: 0,
  expiresAt: Date.now() + 60_000,
  ...extra,
});

describe('read cache: stored answers', () => {
  it('returns an answer while it is current and drops it when it is not', () => {
    const store = createAnswerStore({ maxBytes: 1_000_000 });
    store.set('/a', answer(10));
    expect(store.get('/a', () => true)?.body.length).toBe(10);
    expect(store.get('/a', () => false)).toBeUndefined();
    expect(store.get('/a', () => true)).toBeUndefined();
  });

  it('drops an answer at its expiry', () => {
    const store = createAnswerStore({ maxBytes: 1_000_000 });
    store.set('/a', answer(10, { expiresAt: 1000 }));
    expect(store.get('/a', () => true, 999)).toBeDefined();
    expect(store.get('/a', () => true, 1000)).toBeUndefined();
  });

  it('stays within its size, evicting the least recently used, and refuses huge answers', () => {
    const store = createAnswerStore({ maxBytes: 80_000 });
    for (let i = 0; i < 20; i += 1) expect(store.set(`/k${i}`, answer(6000))).toBe(true);
    expect(store.stats().bytes).toBeLessThanOrEqual(80_000);
    expect(store.get('/k19', () => true)).toBeDefined();
    expect(store.get('/k0', () => true)).toBeUndefined();
    expect(store.set('/big', answer(20_000))).toBe(false);
  });
});
