/** Shapes of the employer-check API (plugins/employer-check, public routes). */

export type Band = 'rot' | 'gelb' | 'gruen';
export type AnswerValue = 1 | 2 | 3 | 4 | 5 | null;
export type Answers = Record<string, AnswerValue>;

export interface Dimension {
  key: string;
  name: string;
  description: string | null;
  order: number;
}

export interface Question {
  id: string;
  key: string;
  dimension: string;
  text: string;
  help: string | null;
  order: number;
  onlyIfTrainsApprentices: boolean;
}

export interface Option {
  key: string;
  label: string;
}

export interface Questionnaire {
  version: string;
  title: string;
  intro: string | null;
  dimensions: Dimension[];
  questions: Question[];
  scale: { value: AnswerValue; label: string }[];
  sectors: Option[];
  sizeClasses: Option[];
}

export interface Profile {
  sector: string;
  sizeClass: string;
  municipality?: string | null;
  trainsApprentices: boolean;
}

export interface DimensionResult {
  key: string;
  name: string;
  score: number | null;
  band: Band | null;
  answered: number;
  applicable: number;
}

export interface Recommendation {
  id: string;
  title: string;
  summary: string;
  effort: string;
  dimension: string;
  url: string | null;
}

export type RegionalAverage =
  | {
      available: true;
      count: number;
      total: number | null;
      dimensions: Record<string, number | null>;
    }
  | { available: false; reason: string };

export type Direction = 'up' | 'down' | 'same';

export interface DimensionChange {
  key: string;
  name: string;
  score: number | null;
  previousScore: number | null;
  delta: number | null;
  direction: Direction | null;
}

/** The change since the company's previous check (`null` for its first). */
export interface Comparison {
  previousCompletedOn: string;
  total: number | null;
  previousTotal: number | null;
  totalDelta: number | null;
  totalDirection: Direction | null;
  dimensions: DimensionChange[];
}

export interface TrendPoint {
  completedOn: string;
  current: boolean;
  total: number | null;
  scores: Record<string, number | null>;
}

export interface Result {
  dimensions: DimensionResult[];
  total: number | null;
  totalBand: Band | null;
  strengths: string[];
  weaknesses: string[];
  bandLabels: Record<Band, string>;
  thresholds: { red: number; green: number };
  recommendations: Recommendation[];
  regionalAverage: RegionalAverage;
  comparison?: Comparison | null;
  trend?: TrendPoint[];
  plan?: Plan;
  survey?: Survey | null;
  reminders?: { available: boolean; status: 'none' | 'pending' | 'active' };
}

/** One dimension of the employees' survey next to the company's own score. */
export interface SurveyDimension {
  key: string;
  name: string;
  management: number | null;
  employees: number | null;
  band: Band | null;
  answered: number;
  gap: number | null;
  reading: 'management-higher' | 'employees-higher' | 'aligned' | null;
}

export interface Survey {
  surveyId: string;
  link: string | null;
  endsOn: string;
  closedOn: string | null;
  open: boolean;
  responses: number;
  k: number;
  available: boolean;
  missing: number;
  dimensions: SurveyDimension[] | null;
}

/** A recommended tip the company took on, as the result shows it. */
export interface Measure {
  tip: string;
  title: string;
  dimension: string | null;
  targetDate: string | null;
  done: boolean;
  doneOn: string | null;
  overdue: boolean;
}

export interface Plan {
  measures: Measure[];
  done: number;
  open: number;
  overdue: number;
}

/** One measure as the plan route takes it. */
export interface MeasureInput {
  tip: string;
  targetDate: string | null;
  done: boolean;
}

export interface Submission {
  token?: string;
  status: 'draft' | 'complete';
  questionnaireVersion: string;
  profile: Profile;
  answers: Answers;
  consentStatistics: boolean;
  completedAt: string | null;
  result?: Result;
  /** only in the answer to a company's first re-check */
  companyToken?: string;
}
