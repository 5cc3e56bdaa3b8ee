/**
 * Which employer tips a company gets. Pure.
 *
 * A tip fits when it serves one of the company's fields for action (its weakest dimensions), its
 * bands include that dimension's band (no bands = any), and its size classes include the
 * company's (none = any). Low effort first; then the weakest dimension first.
 */
import type { Band, ScoreResult } from './scoring';

export interface TipCandidate {
  id: string;
  title: string;
  summary: string;
  effort: 'gering' | 'mittel' | 'hoch' | string;
  dimensions: string[];
  bands: Band[];
  sizeClasses: string[];
  url?: string | null;
}

export interface Recommendation extends TipCandidate {
  /** the field for action the tip was chosen for */
  dimension: string;
}

const EFFORT_ORDER: Record<string, number> = { gering: 0, mittel: 1, hoch: 2 };

export const recommend = (
  tips: TipCandidate[],
  result: Pick<ScoreResult, 'dimensions' | 'weaknesses'>,
  sizeClass: string,
  limit = 6
): Recommendation[] => {
  const bandOf = new Map(result.dimensions.map((dimension) => [dimension.key, dimension.band]));
  const rank = new Map(result.weaknesses.map((key, index) => [key, index]));
  const chosen: Recommendation[] = [];
  for (const tip of tips) {
    if (tip.sizeClasses.length > 0 && !tip.sizeClasses.includes(sizeClass)) continue;
    const fields = result.weaknesses.filter((key) => {
      const band = bandOf.get(key);
      return (
        tip.dimensions.includes(key) &&
        (tip.bands.length === 0 ||
          (band !== null && band !== undefined && tip.bands.includes(band)))
      );
    });
    if (fields.length === 0) continue;
    chosen.push({ ...tip, dimension: fields[0] });
  }
  return chosen
    .sort(
      (a, b) =>
        (EFFORT_ORDER[a.effort] ?? 3) - (EFFORT_ORDER[b.effort] ?? 3) ||
        (rank.get(a.dimension) ?? 99) - (rank.get(b.dimension) ?? 99) ||
        a.title.localeCompare(b.title, 'de')
    )
    .slice(0, limit);
};
