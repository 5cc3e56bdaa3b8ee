/**
 * Inhabitants per km², rounded to one decimal, or null where it cannot be computed.
 */
export const populationDensity = (
  areaKm2: number | string | null | undefined,
  population: number | string | null | undefined
): number | null => {
  const area = Number(areaKm2);
  const people = Number(population);
  if (areaKm2 == null || population == null || !Number.isFinite(area) || !Number.isFinite(people)) {
    return null;
  }
  if (area <= 0 || people < 0) return null;
  return Math.round((people / area) * 10) / 10;
};
