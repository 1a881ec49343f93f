/**
 * Starting taxonomies of DESIGN.md. They are data, not code: the county renames, nests and extends them through
 * the API. Keys are stable identifiers for import and export.
 */
export interface TaxonomyDefault {
  key: string;
  nameDe: string;
  nameEn: string;
  parent?: string;
}

export const DEFAULT_FIELDS_OF_ACTION: TaxonomyDefault[] = [
  { key: "LANGUAGE", nameDe: "Sprache", nameEn: "Language" },
  { key: "INTEGRATION_COURSES", nameDe: "Integrationskurse", nameEn: "Integration courses", parent: "LANGUAGE" },
  { key: "JOB_LANGUAGE", nameDe: "Berufsbezogene Sprachförderung", nameEn: "Job-related language training", parent: "LANGUAGE" },
  { key: "EARLY_EDUCATION", nameDe: "Frühkindliche Bildung", nameEn: "Early childhood education" },
  { key: "SCHOOL_EDUCATION", nameDe: "Schulische Bildung", nameEn: "School education" },
  { key: "VOCATIONAL_TRAINING", nameDe: "Ausbildung", nameEn: "Vocational training" },
  { key: "EMPLOYMENT", nameDe: "Arbeit und Beschäftigung", nameEn: "Work and employment" },
  { key: "RECOGNITION", nameDe: "Anerkennung ausländischer Abschlüsse", nameEn: "Recognition of foreign qualifications", parent: "EMPLOYMENT" },
  { key: "HEALTH", nameDe: "Gesundheit", nameEn: "Health" },
  { key: "HOUSING", nameDe: "Wohnen", nameEn: "Housing" },
  { key: "SOCIAL_COUNSELLING", nameDe: "Soziale Beratung", nameEn: "Social counselling" },
  { key: "FAMILY", nameDe: "Familie", nameEn: "Family" },
  { key: "PARTICIPATION", nameDe: "Gesellschaftliche Teilhabe", nameEn: "Participation in society" },
  { key: "CULTURE_SPORT_LEISURE", nameDe: "Kultur, Sport, Freizeit", nameEn: "Culture, sport, leisure" },
  { key: "VOLUNTEERING", nameDe: "Ehrenamt", nameEn: "Volunteering" },
  { key: "INTERCULTURAL_OPENING", nameDe: "Interkulturelle Öffnung", nameEn: "Intercultural opening" },
  { key: "ANTIDISCRIMINATION", nameDe: "Antidiskriminierung", nameEn: "Anti-discrimination" },
  { key: "RETURN_COUNSELLING", nameDe: "Rückkehrberatung", nameEn: "Return counselling" },
];

export const DEFAULT_TARGET_GROUPS: TaxonomyDefault[] = [
  { key: "ALL_MIGRANTS", nameDe: "Alle Zugewanderten", nameEn: "All migrants" },
  { key: "ASYLUM_SEEKERS", nameDe: "Asylsuchende", nameEn: "Asylum seekers", parent: "ALL_MIGRANTS" },
  { key: "RECOGNISED_REFUGEES", nameDe: "Anerkannte Geflüchtete", nameEn: "Recognised refugees", parent: "ALL_MIGRANTS" },
  { key: "TOLERATED", nameDe: "Geduldete", nameEn: "Tolerated persons", parent: "ALL_MIGRANTS" },
  { key: "LATE_REPATRIATES", nameDe: "Spätaussiedler", nameEn: "Late repatriates", parent: "ALL_MIGRANTS" },
  { key: "EU_CITIZENS", nameDe: "EU-Bürgerinnen und -Bürger", nameEn: "EU citizens", parent: "ALL_MIGRANTS" },
  { key: "THIRD_COUNTRY_NATIONALS", nameDe: "Drittstaatsangehörige", nameEn: "Third-country nationals", parent: "ALL_MIGRANTS" },
  { key: "WOMEN", nameDe: "Frauen", nameEn: "Women" },
  { key: "CHILDREN", nameDe: "Kinder", nameEn: "Children" },
  { key: "YOUTH", nameDe: "Jugendliche", nameEn: "Youth" },
  { key: "PARENTS", nameDe: "Eltern", nameEn: "Parents" },
  { key: "SENIORS", nameDe: "Seniorinnen und Senioren", nameEn: "Seniors" },
  { key: "EMPLOYERS", nameDe: "Arbeitgeber", nameEn: "Employers" },
  { key: "VOLUNTEERS", nameDe: "Ehrenamtliche", nameEn: "Volunteers" },
  { key: "ADMINISTRATION_STAFF", nameDe: "Verwaltungsmitarbeitende", nameEn: "Administration staff" },
];
