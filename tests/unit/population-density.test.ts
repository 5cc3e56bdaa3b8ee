import { populationDensity } from '../../src/lib/population-density';

describe('populationDensity', () => {
  it('divides population by area and rounds to one decimal', () => {
    expect(populationDensity(787.97, 134645)).toBe(170.9);
    expect(populationDensity(635.99, 74367)).toBe(116.9);
    expect(populationDensity(50, 2000)).toBe(40);
  });

  it('accepts decimals as strings (as some database drivers return them)', () => {
    expect(populationDensity('106.8', '204687')).toBe(1916.5);
  });

  it('is null when it cannot be computed', () => {
    expect(populationDensity(undefined, 100)).toBeNull();
    expect(populationDensity(100, null)).toBeNull();
    expect(populationDensity(0, 100)).toBeNull();
    expect(populationDensity(-5, 100)).toBeNull();
    expect(populationDensity('abc', 100)).toBeNull();
  });
});
