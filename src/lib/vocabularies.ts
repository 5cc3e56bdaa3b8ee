/**
 * Closed vocabularies for multi-value fields stored as JSON arrays. The keys are the API values;
 * the labels are what editors and readers see.
 */
export const TARGET_GROUPS = {
  schueler: 'Schülerinnen und Schüler',
  schulabgaenger: 'Schulabgängerinnen und Schulabgänger',
  studieninteressierte: 'Studieninteressierte',
  eltern: 'Eltern',
  lehrkraefte: 'Lehrkräfte',
  arbeitgeber: 'Arbeitgeber und Personalverantwortliche',
  ausbilder: 'Ausbilderinnen und Ausbilder',
  auszubildende: 'Auszubildende',
  quereinsteiger: 'Quereinsteigerinnen und Quereinsteiger',
  neuzugewanderte: 'Neuzugewanderte',
} as const;

export const KINDS_OF_OFFER = {
  strukturloesung: 'Strukturlösung',
  'instrument-angebot': 'Instrument/Angebot',
} as const;

export const SIZE_CLASSES = {
  micro: '1–9 Beschäftigte',
  small: '10–49 Beschäftigte',
  medium: '50–249 Beschäftigte',
  large: '250 und mehr Beschäftigte',
} as const;

/** Self-check result bands an employer tip suits (see the employer-check plugin). */
export const CHECK_BANDS = {
  rot: 'Handlungsbedarf',
  gelb: 'Ausbaufähig',
  gruen: 'Stark',
} as const;

/** Offer types (the `offerType` enumeration of offers). */
export const OFFER_TYPES: Record<string, string> = {
  ausbildungsplatz: 'Ausbildungsplatz',
  praktikum: 'Praktikum',
  'duales-studium': 'Duales Studium',
  ferienjob: 'Ferienjob',
  veranstaltung: 'Veranstaltung',
  beratung: 'Beratung',
  material: 'Material',
};

/** School qualifications an offer asks for (`requiredSchoolQualification`). */
export const SCHOOL_QUALIFICATIONS: Record<string, string> = {
  keiner: 'kein Schulabschluss erforderlich',
  'erster-schulabschluss': 'Erster Schulabschluss',
  'mittlerer-schulabschluss': 'Mittlerer Schulabschluss',
  fachhochschulreife: 'Fachhochschulreife',
  abitur: 'Abitur',
};

/** Effort and cost of an employer tip. */
export const LEVELS: Record<string, string> = {
  keine: 'keine',
  gering: 'gering',
  mittel: 'mittel',
  hoch: 'hoch',
};

export type TargetGroup = keyof typeof TARGET_GROUPS;
export type KindOfOffer = keyof typeof KINDS_OF_OFFER;
export type SizeClass = keyof typeof SIZE_CLASSES;
