/**
 * A company's action plan: recommended tips it takes on as measures, each with an optional
 * target date and a done mark. Pure: no Strapi, no I/O; days are `YYYY-MM-DD` strings in the
 * office's time zone (the caller passes `today`).
 *
 * Rules of a change (the whole plan is replaced, like a form that is saved):
 * - a new measure must be one of the check's current recommendations; a measure already in the
 *   plan may stay even when the tips have changed since (it keeps the title it was chosen with);
 * - a target date must not lie before today, unless it is the date the measure already had (a
 *   plan saved again after its date passed is not refused);
 * - a tip appears at most once; `doneOn` is set on the day a measure is first marked done and
 *   cleared when it is unmarked.
 */

export interface StoredMeasure {
  tip: string;
  title: string;
  dimension: string | null;
  targetDate: string | null;
  done: boolean;
  doneOn: string | null;
}

export interface MeasureInput {
  tip: string;
  targetDate?: string | null;
  done?: boolean;
}

export interface RecommendedTip {
  id: string;
  title: string;
  dimension: string;
}

export interface PlanIssue {
  path: (string | number)[];
  message: string;
}

export interface MeasureView extends StoredMeasure {
  /** the target date has passed and the measure is not done */
  overdue: boolean;
}

export interface PlanView {
  measures: MeasureView[];
  done: number;
  open: number;
  overdue: number;
}

/** The most measures one plan holds: more than a small company can follow up on. */
export const MAX_MEASURES = 20;

/** The stored plan as read back from the JSON column; anything malformed is left out. */
export const storedPlan = (value: unknown): StoredMeasure[] =>
  Array.isArray(value)
    ? value.flatMap((entry) => {
        if (!entry || typeof entry !== 'object') return [];
        const measure = entry as Partial<StoredMeasure>;
        if (typeof measure.tip !== 'string' || typeof measure.title !== 'string') return [];
        return [
          {
            tip: measure.tip,
            title: measure.title,
            dimension: typeof measure.dimension === 'string' ? measure.dimension : null,
            targetDate: typeof measure.targetDate === 'string' ? measure.targetDate : null,
            done: measure.done === true,
            doneOn: typeof measure.doneOn === 'string' ? measure.doneOn : null,
          },
        ];
      })
    : [];

/**
 * The new plan from the company's input, or the issues that refuse it (each with the path of
 * the field, e.g. `['measures', 2, 'targetDate']`). Nothing is half applied: issues mean no
 * change at all.
 */
export const applyPlan = (
  input: MeasureInput[],
  stored: StoredMeasure[],
  recommended: RecommendedTip[],
  today: string
): { plan: StoredMeasure[]; issues: PlanIssue[] } => {
  const issues: PlanIssue[] = [];
  const before = new Map(stored.map((measure) => [measure.tip, measure]));
  const tips = new Map(recommended.map((tip) => [tip.id, tip]));
  const seen = new Set<string>();
  const plan: StoredMeasure[] = [];
  input.forEach((measure, index) => {
    const path = ['measures', index];
    const earlier = before.get(measure.tip);
    const tip = tips.get(measure.tip);
    if (seen.has(measure.tip)) {
      issues.push({ path: [...path, 'tip'], message: 'Dieser Tipp steht schon im Plan.' });
      return;
    }
    seen.add(measure.tip);
    if (!tip && !earlier) {
      issues.push({
        path: [...path, 'tip'],
        message: 'Dieser Tipp gehört nicht zu den Empfehlungen Ihres Ergebnisses.',
      });
      return;
    }
    const targetDate = measure.targetDate ?? null;
    if (targetDate !== null && targetDate < today && targetDate !== earlier?.targetDate) {
      issues.push({
        path: [...path, 'targetDate'],
        message: 'Das Zieldatum liegt in der Vergangenheit.',
      });
      return;
    }
    const done = measure.done === true;
    plan.push({
      tip: measure.tip,
      title: tip?.title ?? earlier!.title,
      dimension: tip?.dimension ?? earlier?.dimension ?? null,
      targetDate,
      done,
      doneOn: done ? (earlier?.done ? (earlier.doneOn ?? today) : today) : null,
    });
  });
  return { plan: issues.length ? stored : plan, issues };
};

/** The plan as the company sees it: overdue marks and counts. */
export const planView = (stored: StoredMeasure[], today: string): PlanView => {
  const measures = stored.map((measure) => ({
    ...measure,
    overdue: !measure.done && measure.targetDate !== null && measure.targetDate < today,
  }));
  return {
    measures,
    done: measures.filter((measure) => measure.done).length,
    open: measures.filter((measure) => !measure.done).length,
    overdue: measures.filter((measure) => measure.overdue).length,
  };
};
