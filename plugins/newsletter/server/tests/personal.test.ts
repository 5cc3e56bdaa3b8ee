import { chooseItems, latestProfiles, receivedItems } from '../src/lib/personal';

describe('chooseItems', () => {
  const pool = ['a', 'b', 'c', 'd', 'e1', 'e2'];

  test('fitting items first, then the editor selection, at least `limit`', () => {
    expect(
      chooseItems({ ranked: ['c', 'a'], defaults: ['e1', 'e2'], pool, received: [], limit: 3 })
    ).toEqual(['c', 'a', 'e1']);
  });

  test('as many items as the editor chose when that is more than the limit', () => {
    expect(
      chooseItems({ ranked: ['d'], defaults: ['e1', 'e2', 'a'], pool, received: [], limit: 2 })
    ).toEqual(['d', 'e1', 'e2']);
  });

  test('received items are not repeated while others are available', () => {
    expect(
      chooseItems({
        ranked: ['a', 'b', 'c'],
        defaults: ['e1'],
        pool,
        received: ['a', 'b'],
        limit: 2,
      })
    ).toEqual(['c', 'e1']);
  });

  test('everything received: the editor selection (null)', () => {
    expect(
      chooseItems({ ranked: ['a'], defaults: ['e1'], pool, received: ['a', 'e1'], limit: 2 })
    ).toBeNull();
  });

  test('nothing fits: the editor selection itself is not a personalisation', () => {
    expect(
      chooseItems({ ranked: [], defaults: ['e1', 'e2'], pool, received: [], limit: 2 })
    ).toBeNull();
  });

  test('ids outside the compiled pool are never chosen', () => {
    expect(chooseItems({ ranked: ['x', 'b'], defaults: [], pool, received: [], limit: 3 })).toEqual(
      ['b']
    );
  });
});

describe('receivedItems', () => {
  test('own selections, else the editor selection of issues that carried the topic', () => {
    const defaults: Record<number, string[]> = { 1: ['e1'], 2: ['e2'], 3: ['e3'] };
    const received = receivedItems(
      [
        { issueId: 1, topics: ['tips'], personalItems: ['a', 'b'] },
        { issueId: 2, topics: ['tips', 'offers'], personalItems: null },
        { issueId: 3, topics: ['offers'], personalItems: null },
      ],
      'tips',
      (id) => defaults[id] ?? []
    );
    expect([...received].sort()).toEqual(['a', 'b', 'e2']);
  });
});

describe('latestProfiles', () => {
  const profiles = new Map([
    ['old', { at: '2026-01-01T00:00:00.000Z', ranked: ['a'] }],
    ['new', { at: '2026-06-01T00:00:00.000Z', ranked: ['b'] }],
  ]);

  test('the latest result counts, in either order of the links', () => {
    for (const keys of [
      ['old', 'new'],
      ['new', 'old'],
    ]) {
      const latest = latestProfiles(
        keys.map((key) => ({ subscriberId: 7, key })),
        profiles
      );
      expect(latest.get(7)?.ranked).toEqual(['b']);
    }
  });

  test('links without a profile (deleted result) are ignored; subscribers apart', () => {
    const latest = latestProfiles(
      [
        { subscriberId: 1, key: 'gone' },
        { subscriberId: 1, key: 'old' },
        { subscriberId: 2, key: 'gone' },
      ],
      profiles
    );
    expect(latest.get(1)?.ranked).toEqual(['a']);
    expect(latest.has(2)).toBe(false);
  });
});
