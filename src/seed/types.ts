/**
 * Shape of the demo content. Relations are given by slug; dates as whole days relative to the
 * day the seed runs (negative = in the past), so a fresh install always has current offers.
 * Rich-text fields are arrays of paragraphs and become Strapi blocks when seeded.
 */
export type DayOffset = number;

export interface SeedContact {
  name?: string;
  role?: string;
  email?: string;
  phone?: string;
}

export interface SeedAddress {
  street?: string;
  postalCode?: string;
  city?: string;
}

export interface SeedFieldOfAction {
  slug: string;
  name: string;
  description: string;
}

export interface SeedMunicipality {
  slug: string;
  name: string;
  kind: 'landkreis' | 'kreisfreie-stadt' | 'stadt' | 'gemeinde';
  state: string;
  areaKm2: number;
  population: number;
  website?: string;
  contact?: SeedContact;
}

export interface SeedOrganisation {
  slug: string;
  name: string;
  kind:
    | 'betrieb'
    | 'schule'
    | 'kammer'
    | 'bildungstraeger'
    | 'verwaltung'
    | 'agentur-fuer-arbeit-jobcenter'
    | 'verband'
    | 'sonstige';
  sector?: string;
  sizeClass?: 'micro' | 'small' | 'medium' | 'large';
  municipality?: string;
  address?: SeedAddress;
  website?: string;
  contact?: SeedContact;
}

export interface SeedOffer {
  slug: string;
  title: string;
  offerType:
    | 'ausbildungsplatz'
    | 'praktikum'
    | 'duales-studium'
    | 'ferienjob'
    | 'veranstaltung'
    | 'beratung'
    | 'material';
  summary: string;
  description: string[];
  organisation?: string;
  occupation?: string;
  occupationCode?: string;
  location?: SeedAddress;
  municipality?: string;
  startDate?: DayOffset;
  endDate?: DayOffset;
  places?: number;
  requiredSchoolQualification?:
    | 'keiner'
    | 'erster-schulabschluss'
    | 'mittlerer-schulabschluss'
    | 'fachhochschulreife'
    | 'abitur';
  applicationDeadline?: DayOffset;
  applyUrl?: string;
  contact?: SeedContact;
  validUntil?: DayOffset;
  fieldsOfAction?: string[];
  targetGroups?: string[];
}

export interface SeedPracticeExample {
  slug: string;
  title: string;
  lead: string;
  municipality: string;
  fieldsOfAction: string[];
  kindsOfOffer: string[];
  contact?: SeedContact;
  website?: string;
  links?: { label: string; url: string }[];
  quote?: { text: string; author?: string; role?: string };
  body: string[];
  yearStarted?: number;
  partners?: string;
  successFactors?: string;
}

export interface SeedEmployerTip {
  slug: string;
  title: string;
  summary: string;
  body: string[];
  effort: 'gering' | 'mittel' | 'hoch';
  cost: 'keine' | 'gering' | 'mittel' | 'hoch';
  suitedSizeClasses: ('micro' | 'small' | 'medium' | 'large')[];
  practiceExamples?: string[];
  /** Self-check dimension keys this tip serves (linked by the employer-check plugin). */
  dimensions: string[];
}

export interface SeedData {
  fieldsOfAction: SeedFieldOfAction[];
  municipalities: SeedMunicipality[];
  organisations: SeedOrganisation[];
  practiceExamples: SeedPracticeExample[];
  offers: SeedOffer[];
  employerTips: SeedEmployerTip[];
}
