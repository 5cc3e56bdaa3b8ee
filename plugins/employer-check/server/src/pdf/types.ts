/**
 * Input types of the PDF report: the already prepared (German) labels, scores, comparison,
 * action plan and survey that renderReport takes. Re-exported from report.ts.
 */

export type Band = 'rot' | 'gelb' | 'gruen';

export interface ReportDimension {
  key: string;
  name: string;
  score: number | null;
  band: Band | null;
}

export interface ReportTip {
  title: string;
  summary: string;
  effort: 'gering' | 'mittel' | 'hoch';
  /** name of the dimension the tip serves */
  dimension: string;
  url?: string | null;
}

export interface ReportInput {
  title: string;
  publisher: string;
  /** completion date, printed as dd.mm.yyyy (Europe/Berlin) */
  date: Date;
  /** labels, already German */
  profile: {
    sector: string;
    sizeClass: string;
    municipality?: string | null;
    trainsApprentices: boolean;
  };
  /** 0–100 or null */
  total: number | null;
  /** score 0–100 or null = "nicht bewertet" */
  dimensions: ReportDimension[];
  /** dimension names */
  strengths: string[];
  /** dimension names */
  fieldsForAction: string[];
  tips: ReportTip[];
  bandLabels?: Partial<Record<Band, string>>;
  footerNote?: string;
  /** the change since the company's previous check, if it has one */
  comparison?: ReportComparison | null;
  /** the company's action plan, if it took on measures */
  plan?: ReportMeasure[] | null;
  /** the employees' survey, if the company started one */
  survey?: ReportSurvey | null;
}

export interface ReportSurvey {
  /** the page employees open; printed with a QR code while the survey is open */
  link: string | null;
  open: boolean;
  /** already German (dd.mm.yyyy) */
  endsOn: string;
  responses: number;
  k: number;
  missing: number;
  /** null until k employees answered (never anything below k) */
  dimensions:
    | {
        name: string;
        management: number | null;
        employees: number | null;
        /** the band of the employees' mean */
        band?: Band | null;
        /** management − employees */
        gap: number | null;
      }[]
    | null;
}

export interface ReportMeasure {
  title: string;
  /** name of the dimension the measure serves */
  dimension: string;
  /** already German (dd.mm.yyyy), or null */
  targetDate: string | null;
  done: boolean;
  overdue: boolean;
}

export type ReportDirection = 'up' | 'down' | 'same';

export interface ReportComparison {
  /** the previous check's day, already German (dd.mm.yyyy) */
  previousDate: string;
  total: number | null;
  previousTotal: number | null;
  totalDelta: number | null;
  totalDirection: ReportDirection | null;
  dimensions: {
    name: string;
    score: number | null;
    previousScore: number | null;
    delta: number | null;
    direction: ReportDirection | null;
  }[];
}
