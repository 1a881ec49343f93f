/**
 * Generated German measures for benchmarking overlap detection at 10k, 100k and 1M measures, with injected
 * duplicates whose ground truth is known.
 *
 * Every measure is an instance of one of ~36 offering types (language café, application training, homework help,
 * ...) with the type's fields of action, typical audiences and ages, one of several titles the partners use for it,
 * a few of the type's sentences and some organisational boilerplate, filled with varying weekdays, times, venues
 * and topics. Measures are local (one to four neighbouring municipalities) or county-wide, ongoing or running for a
 * few months.
 *
 * Injected pairs (`duplicateShare` of all measures) copy an earlier measure: cross-actor overlaps are rewritten by
 * another provider (another title for the same type, some sentences kept, others replaced, structure overlapping
 * but not identical); same-actor duplicates are near-copies by the same provider. Random pairs of the same type at
 * the same place and time also overlap, as they would in reality; `truth` lists only the injected ones.
 *
 * Scale: municipalities grow with N (about 14 measures each) and are grouped into counties of 35. With a single
 * county (N up to about 500), region-wide offerings are `countyWide`; with several, a region-wide offering lists
 * its county's 35 municipalities, because the algorithms have no notion of "county" (production builds one index
 * per county) and 1M measures must not mean one county with 200 000 county-wide offerings. Deterministic for a
 * given seed (mulberry32), no clock.
 */
import { buildTaxonomy, OverlapKind, OverlapMeasure, Taxonomy, TaxonomyEntry } from "./types";

export interface GenerateOptions {
  n: number;
  seed?: number;
  /** Share of measures that are injected near-duplicates of an earlier one (default 0.05). */
  duplicateShare?: number;
  /** Share of the injected ones made by the same provider (data-entry duplicates; default 0.3). */
  sameActorShare?: number;
  /** Number of municipalities (default max(35, n / 14), so about 500 measures per county of 35). */
  municipalities?: number;
  /** Share of county-wide (region-wide) measures (default 0.15, as in the demo county). */
  countyWideShare?: number;
  /** Number of providers (default max(30, n / 15)). */
  providers?: number;
}

export interface GeneratedMeasures {
  measures: OverlapMeasure[];
  taxonomy: Taxonomy;
  /** Injected pairs: `aIds[i] < bIds[i]`, `kinds[i]` indexes {@link TRUTH_KINDS}. */
  truth: { aIds: Int32Array; bIds: Int32Array; kinds: Uint8Array; count: number };
}

export const TRUTH_KINDS: readonly OverlapKind[] = ["CROSS_ACTOR", "SAME_ACTOR_DUPLICATE"];

const FIELDS: TaxonomyEntry[] = [
  { key: "LANGUAGE", nameDe: "Sprache" },
  { key: "INTEGRATION_COURSES", nameDe: "Integrationskurse", parent: "LANGUAGE" },
  { key: "JOB_LANGUAGE", nameDe: "Berufsbezogene Sprachförderung", parent: "LANGUAGE" },
  { key: "EARLY_EDUCATION", nameDe: "Frühkindliche Bildung" },
  { key: "SCHOOL_EDUCATION", nameDe: "Schulische Bildung" },
  { key: "VOCATIONAL_TRAINING", nameDe: "Ausbildung" },
  { key: "EMPLOYMENT", nameDe: "Arbeit und Beschäftigung" },
  { key: "RECOGNITION", nameDe: "Anerkennung ausländischer Abschlüsse", parent: "EMPLOYMENT" },
  { key: "HEALTH", nameDe: "Gesundheit" },
  { key: "HOUSING", nameDe: "Wohnen" },
  { key: "SOCIAL_COUNSELLING", nameDe: "Soziale Beratung" },
  { key: "FAMILY", nameDe: "Familie" },
  { key: "PARTICIPATION", nameDe: "Gesellschaftliche Teilhabe" },
  { key: "CULTURE_SPORT_LEISURE", nameDe: "Kultur, Sport, Freizeit" },
  { key: "VOLUNTEERING", nameDe: "Ehrenamt" },
  { key: "INTERCULTURAL_OPENING", nameDe: "Interkulturelle Öffnung" },
  { key: "ANTIDISCRIMINATION", nameDe: "Antidiskriminierung" },
  { key: "RETURN_COUNSELLING", nameDe: "Rückkehrberatung" },
];

const TARGET_GROUPS: TaxonomyEntry[] = [
  { key: "ALL_MIGRANTS", nameDe: "Alle Zugewanderten" },
  { key: "ASYLUM_SEEKERS", nameDe: "Asylsuchende", parent: "ALL_MIGRANTS" },
  { key: "RECOGNISED_REFUGEES", nameDe: "Anerkannte Geflüchtete", parent: "ALL_MIGRANTS" },
  { key: "TOLERATED", nameDe: "Geduldete", parent: "ALL_MIGRANTS" },
  { key: "LATE_REPATRIATES", nameDe: "Spätaussiedler", parent: "ALL_MIGRANTS" },
  { key: "EU_CITIZENS", nameDe: "EU-Bürgerinnen und -Bürger", parent: "ALL_MIGRANTS" },
  { key: "THIRD_COUNTRY_NATIONALS", nameDe: "Drittstaatsangehörige", parent: "ALL_MIGRANTS" },
  { key: "WOMEN", nameDe: "Frauen" },
  { key: "CHILDREN", nameDe: "Kinder" },
  { key: "YOUTH", nameDe: "Jugendliche" },
  { key: "PARENTS", nameDe: "Eltern" },
  { key: "SENIORS", nameDe: "Seniorinnen und Senioren" },
  { key: "EMPLOYERS", nameDe: "Arbeitgeber" },
  { key: "VOLUNTEERS", nameDe: "Ehrenamtliche" },
  { key: "ADMINISTRATION_STAFF", nameDe: "Verwaltungsmitarbeitende" },
];

const LOERRACH = [
  "Kandern", "Lörrach", "Rheinfelden (Baden)", "Schönau im Schwarzwald", "Schopfheim", "Todtnau", "Weil am Rhein",
  "Zell im Wiesental", "Aitern", "Bad Bellingen", "Binzen", "Böllen", "Efringen-Kirchen", "Eimeldingen", "Fischingen",
  "Fröhnd", "Grenzach-Wyhlen", "Häg-Ehrsberg", "Hasel", "Hausen im Wiesental", "Inzlingen", "Kleines Wiesental",
  "Malsburg-Marzell", "Maulburg", "Rümmingen", "Schallbach", "Schliengen", "Schönenberg", "Schwörstadt", "Steinen",
  "Tunau", "Utzenfeld", "Wembach", "Wieden", "Wittlingen",
];

/** The generator's taxonomy: the default fields and target groups, the county's 35 towns, then "Gemeinde 36", ... */
export function generatedTaxonomy(municipalities: number): Taxonomy {
  const list: { id: number; name: string }[] = [];
  for (let i = 0; i < municipalities; i++) list.push({ id: i + 1, name: LOERRACH[i] ?? `Gemeinde ${i + 1}` });
  return buildTaxonomy({ fields: FIELDS, targetGroups: TARGET_GROUPS, municipalities: list });
}

type Ages = [number | null, number | null];

interface OfferingType {
  fields: string[];
  groups: string[][];
  ages: Ages[];
  titles: string[];
  sentences: string[];
}

const ALL: string[] = ["ALL_MIGRANTS"];
const REFUGEES: string[] = ["ASYLUM_SEEKERS", "RECOGNISED_REFUGEES"];

/* Placeholders: {tag} weekday, {zeit} time, {ort} venue, {thema} topic, {anzahl} a number. */
const TYPES: OfferingType[] = [
  {
    fields: ["LANGUAGE"], groups: [["WOMEN"], ["WOMEN", ...REFUGEES], ALL, []], ages: [[null, null], [16, null], [18, null]],
    titles: ["Sprachcafé", "Sprachtreff", "Deutsch-Café", "Sprachtandem-Café", "Gesprächskreis Deutsch"],
    sentences: [
      "In entspannter Runde wird Deutsch gesprochen und der Alltag geübt.", "Ehrenamtliche Gesprächspartnerinnen begleiten die Kleingruppen.",
      "Themen sind zum Beispiel {thema}.", "Wer Deutsch lernt, kann hier ohne Druck sprechen üben.", "Bei Kaffee und Tee kommen Zugewanderte und Einheimische ins Gespräch.",
      "Es gibt Sprachspiele und Hilfe bei Fragen zu Briefen.", "Alle Sprachniveaus sind willkommen.",
    ],
  },
  {
    fields: ["INTEGRATION_COURSES", "LANGUAGE"], groups: [ALL, ["WOMEN", ...ALL], ["PARENTS", ...ALL]], ages: [[16, null], [18, null], [16, 26]],
    titles: ["Integrationskurs", "Allgemeiner Integrationskurs", "Integrationskurs in Teilzeit", "Frauenintegrationskurs", "Elternintegrationskurs"],
    sentences: [
      "Der Kurs umfasst 600 Unterrichtseinheiten Deutsch und einen Orientierungskurs.", "Am Ende steht der Deutsch-Test für Zuwanderer.",
      "Unterricht findet {tag}s von {zeit} statt.", "Eine Kinderbetreuung ist während des Unterrichts möglich.", "Der Orientierungskurs behandelt Geschichte, Politik und Alltag in Deutschland.",
      "Die Anmeldung erfolgt mit Berechtigungsschein oder Verpflichtung.", "Der Kurs wird vom BAMF gefördert.",
    ],
  },
  {
    fields: ["JOB_LANGUAGE", "LANGUAGE"], groups: [ALL, ["THIRD_COUNTRY_NATIONALS", "EU_CITIZENS"], ["RECOGNISED_REFUGEES"]], ages: [[18, null]],
    titles: ["Berufssprachkurs", "Deutsch für den Beruf", "Berufsbezogener Deutschkurs", "Job-Deutsch", "Fachsprachkurs"],
    sentences: [
      "Der Kurs vermittelt Deutsch für den Arbeitsplatz: E-Mails, Telefonate und Besprechungen.", "Am Ende steht die Prüfung Deutsch Beruf.",
      "Fachwortschatz für {thema} wird gezielt geübt.", "Der Unterricht findet abends und samstags statt.", "Gefördert nach der Deutschsprachförderverordnung.",
      "Praxisnahe Übungen bereiten auf Gespräche mit Kunden und Vorgesetzten vor.",
    ],
  },
  {
    fields: ["LANGUAGE"], groups: [ALL, REFUGEES], ages: [[18, null], [16, null]],
    titles: ["Alphabetisierungskurs", "Alphakurs", "Lesen und Schreiben lernen", "Grundbildungskurs Deutsch"],
    sentences: [
      "Erwachsene, die nicht oder kaum lesen und schreiben können, lernen Buchstaben, Wörter und Sätze.", "Das Tempo ist langsam, die Gruppe klein.",
      "Formulare ausfüllen und Alltagstexte lesen wird geübt.", "Auch wer das lateinische Alphabet neu lernt, ist richtig.", "Der Kurs findet {tag}s von {zeit} statt.",
    ],
  },
  {
    fields: ["EMPLOYMENT"], groups: [REFUGEES, ["RECOGNISED_REFUGEES"], ["WOMEN", ...ALL], ALL], ages: [[18, null], [18, 64]],
    titles: ["Bewerbungstraining", "Bewerbungswerkstatt", "Bewerbungscoaching", "Bewerbungshilfe"],
    sentences: [
      "Gemeinsam werden Lebenslauf und Anschreiben erstellt.", "Vorstellungsgespräche werden im Rollenspiel geübt.", "Stellenportale und Online-Bewerbungen werden erklärt.",
      "Laptops werden gestellt.", "Die Teilnehmenden bekommen Tipps zur Stellensuche in {thema}.", "Das Training umfasst {anzahl} Termine in kleinen Gruppen.",
    ],
  },
  {
    fields: ["EMPLOYMENT"], groups: [["RECOGNISED_REFUGEES"], ["RECOGNISED_REFUGEES", "TOLERATED"], ALL], ages: [[18, 64], [18, null]],
    titles: ["Jobcoaching", "Berufscoaching", "Jobbegleitung", "Arbeitsmarktcoaching"],
    sentences: [
      "Coaches begleiten einzeln auf dem Weg in Arbeit.", "Berufswünsche und Kompetenzen werden geklärt.", "Wir vermitteln Praktika in Betrieben aus {thema}.",
      "Auch nach der Arbeitsaufnahme bleibt die Begleitung bestehen.", "Termine werden individuell vereinbart.",
    ],
  },
  {
    fields: ["RECOGNITION", "EMPLOYMENT"], groups: [ALL, ["THIRD_COUNTRY_NATIONALS"]], ages: [[18, null]],
    titles: ["Anerkennungsberatung", "Beratung zur Anerkennung ausländischer Abschlüsse", "Berufsanerkennung – Beratung"],
    sentences: [
      "Wir klären, welche Stelle für die Anerkennung zuständig ist.", "Unterlagen, Übersetzungen und Kosten werden besprochen.", "Auch Anpassungsqualifizierungen in {thema} sind Thema.",
      "Die Beratung begleitet durch das gesamte Verfahren.", "Termine nach Vereinbarung, auch telefonisch.",
    ],
  },
  {
    fields: ["SCHOOL_EDUCATION"], groups: [["CHILDREN"], ["CHILDREN", ...ALL]], ages: [[6, 10], [6, 11], [7, 12]],
    titles: ["Hausaufgabenhilfe", "Hausaufgabenbetreuung", "Lernhilfe für Grundschulkinder", "Lerntreff"],
    sentences: [
      "Ehrenamtliche helfen Grundschulkindern bei den Hausaufgaben.", "Auch Lesen und Rechnen wird spielerisch geübt.", "Die Betreuung findet {tag}s von {zeit} statt.",
      "Kinder aus zugewanderten Familien sind besonders willkommen.", "Treffpunkt ist {ort}.",
    ],
  },
  {
    fields: ["SCHOOL_EDUCATION"], groups: [["YOUTH"], ["YOUTH", ...ALL]], ages: [[10, 18], [12, 17], [12, 20]],
    titles: ["Lernhilfe für Jugendliche", "Hausaufgabencafé", "Nachhilfe für Schülerinnen und Schüler", "Lernbegleitung ab Klasse 5"],
    sentences: [
      "Jugendliche bekommen Unterstützung bei Hausaufgaben und Referaten.", "Vorbereitung auf Klassenarbeiten in Deutsch, Mathe und Englisch.", "Lehramtsstudierende helfen beim Lernen.",
      "Jugendliche, die noch nicht lange in Deutschland sind, sind willkommen.", "Die Lernhilfe ist {tag}s im Jugendhaus.",
    ],
  },
  {
    fields: ["EARLY_EDUCATION"], groups: [["CHILDREN"], ["CHILDREN", "PARENTS"]], ages: [[1, 6], [2, 6], [1, 3]],
    titles: ["Kita-Einstieg Spielgruppe", "Brückenangebot vor der Kita", "Spielgruppe für Kinder ohne Kitaplatz", "Krabbelgruppe international"],
    sentences: [
      "Kinder ohne Kitaplatz spielen zweimal pro Woche mit Fachkräften.", "Eltern werden zur Kita-Anmeldung beraten.", "Erste deutsche Wörter werden spielerisch gelernt.",
      "Die Eingewöhnung begleiten die Eltern.", "Die Gruppe trifft sich in {ort}.",
    ],
  },
  {
    fields: ["FAMILY"], groups: [["PARENTS"], ["WOMEN", "PARENTS"], ["PARENTS", ...ALL]], ages: [[null, null]],
    titles: ["Eltern-Kind-Gruppe", "Mutter-Kind-Treff", "Elterncafé", "Familientreff international"],
    sentences: [
      "Mütter und Väter mit Kleinkindern treffen sich zum Spielen und Austauschen.", "Es gibt Informationen zu Kita, Kinderarzt und Erziehung.", "Ein kleines Frühstück gehört dazu.",
      "Lieder und Spiele aus vielen Ländern werden geteilt.", "Der Treff ist {tag}s von {zeit}.",
    ],
  },
  {
    fields: ["SOCIAL_COUNSELLING"], groups: [ALL], ages: [[28, null], [27, null]],
    titles: ["Migrationsberatung für erwachsene Zuwanderer", "MBE-Sprechstunde", "Migrationsberatung"],
    sentences: [
      "Beratung zu Sprachkurs, Arbeit, Wohnen, Gesundheit und Aufenthalt.", "Ein individueller Förderplan wird gemeinsam erstellt.", "Die Sprechstunde ist {tag}s von {zeit}.",
      "Sprachmittlung kann organisiert werden.", "Die Beratung ist kostenlos und vertraulich.",
    ],
  },
  {
    fields: ["SOCIAL_COUNSELLING"], groups: [ALL], ages: [[12, 27]],
    titles: ["Jugendmigrationsdienst", "JMD-Sprechstunde", "Beratung für junge Zugewanderte"],
    sentences: [
      "Junge Zugewanderte werden bei Schule, Ausbildung und Aufenthalt begleitet.", "Ein Integrationsförderplan wird erstellt.", "Die Sprechstunde findet {tag}s in {ort} statt.",
      "Auch Eltern können sich beraten lassen.", "Gruppenangebote zu {thema} ergänzen die Beratung.",
    ],
  },
  {
    fields: ["SOCIAL_COUNSELLING"], groups: [["ASYLUM_SEEKERS"], ["ASYLUM_SEEKERS", "TOLERATED"]], ages: [[16, null], [null, null]],
    titles: ["Asylverfahrensberatung", "Beratung im Asylverfahren", "Verfahrensberatung für Asylsuchende"],
    sentences: [
      "Wir bereiten auf die Anhörung beim Bundesamt vor.", "Bescheide, Fristen und Rechtsmittel werden erklärt.", "Bei Bedarf vermitteln wir an Anwältinnen und Anwälte.",
      "Die Beratung ist unabhängig und kostenlos.", "Termine {tag}s oder nach Vereinbarung.",
    ],
  },
  {
    fields: ["SOCIAL_COUNSELLING"], groups: [ALL, []], ages: [[18, null]],
    titles: ["Schuldnerberatung", "Schuldenberatung", "Beratung bei Schulden"],
    sentences: [
      "Wir verschaffen einen Überblick über die Schulden.", "Ein Haushaltsplan wird gemeinsam erstellt.", "Wir verhandeln mit Gläubigern.",
      "Der Weg in die Privatinsolvenz wird begleitet.", "Beratung auch auf {thema}.",
    ],
  },
  {
    fields: ["SOCIAL_COUNSELLING"], groups: [ALL], ages: [[null, null]],
    titles: ["Sozialsprechstunde", "Allgemeine Sozialberatung", "Sozialberatung für Zugewanderte"],
    sentences: [
      "Hilfe bei Anträgen für Jobcenter, Familienkasse und Krankenkasse.", "Briefe von Behörden werden gemeinsam gelesen.", "Wir vermitteln an Fachdienste.",
      "Die Sprechstunde ist {tag}s von {zeit} ohne Anmeldung.", "Beratung in einfacher Sprache.",
    ],
  },
  {
    fields: ["HOUSING"], groups: [["RECOGNISED_REFUGEES"], REFUGEES], ages: [[18, null]],
    titles: ["Mietführerschein", "Mieterschulung", "Wohnführerschein"],
    sentences: [
      "In vier Modulen geht es um Mietvertrag, Nebenkosten und Hausordnung.", "Richtiges Heizen und Lüften und Mülltrennung werden erklärt.", "Am Ende gibt es ein Zertifikat für Vermieter.",
      "Die Schulung findet in {ort} statt.", "Fragen zu {thema} werden besprochen.",
    ],
  },
  {
    fields: ["HOUSING"], groups: [["RECOGNISED_REFUGEES"], REFUGEES], ages: [[null, null]],
    titles: ["Wohnungslotsen", "Hilfe bei der Wohnungssuche", "Wohnraumvermittlung"],
    sentences: [
      "Wir helfen beim Lesen von Wohnungsanzeigen.", "Besichtigungen werden begleitet.", "Wir vermitteln zwischen Vermietern und Wohnungssuchenden.",
      "Unterlagen für die Bewerbung um eine Wohnung werden zusammengestellt.", "Auch nach dem Einzug bleiben wir ansprechbar.",
    ],
  },
  {
    fields: ["HEALTH"], groups: [ALL, REFUGEES], ages: [[null, null]],
    titles: ["Gesundheitslotsen", "Gesundheitsinformation in Muttersprache", "Gesundheitsmediatoren"],
    sentences: [
      "Muttersprachliche Lotsinnen erklären das Gesundheitssystem.", "Themen sind Vorsorge, Impfungen und {thema}.", "Die Veranstaltungen finden in Vereinen und Unterkünften statt.",
      "Auch Kindergesundheit und Zahngesundheit werden angesprochen.", "Die Termine werden {tag}s angeboten.",
    ],
  },
  {
    fields: ["HEALTH"], groups: [REFUGEES, ["ASYLUM_SEEKERS", "RECOGNISED_REFUGEES", "TOLERATED"]], ages: [[18, null], [null, null]],
    titles: ["Psychosoziale Beratung", "Traumaberatung", "Psychosoziale Sprechstunde für Geflüchtete"],
    sentences: [
      "Geflüchtete mit Ängsten und Schlafstörungen erhalten Einzelgespräche.", "Dolmetschende sind bei den Gesprächen dabei.", "Wir vermitteln in Psychotherapie.",
      "Stabilisierungsgruppen ergänzen die Beratung.", "Termine nach Vereinbarung in {ort}.",
    ],
  },
  {
    fields: ["PARTICIPATION"], groups: [["WOMEN"], ["WOMEN", ...ALL]], ages: [[16, null], [18, null]],
    titles: ["Fahrradkurs für Frauen", "Radfahren lernen für Frauen", "Radfahrkurs für Migrantinnen"],
    sentences: [
      "Frauen üben Gleichgewicht, Bremsen und Kurven.", "Verkehrsregeln werden in einfacher Sprache erklärt.", "Fahrräder und Helme werden gestellt.",
      "Der Kurs umfasst {anzahl} Termine auf dem Schulhof.", "Am Ende fahren alle gemeinsam durch die Stadt.",
    ],
  },
  {
    fields: ["CULTURE_SPORT_LEISURE"], groups: [["WOMEN"], ["WOMEN", ...ALL]], ages: [[16, null]],
    titles: ["Schwimmkurs für Frauen", "Schwimmen lernen für Frauen", "Frauenschwimmen"],
    sentences: [
      "Frauen ohne Vorkenntnisse lernen in geschützter Atmosphäre schwimmen.", "Es gibt ausschließlich weibliches Personal.", "Burkinis sind erlaubt.",
      "Der Kurs findet im Hallenbad statt, {tag}s ab {zeit}.", "Wassergewöhnung steht am Anfang.",
    ],
  },
  {
    fields: ["CULTURE_SPORT_LEISURE"], groups: [["YOUTH"], ["YOUTH", ...REFUGEES]], ages: [[12, 20], [14, 21], [12, 17]],
    titles: ["Fußball für junge Geflüchtete", "Offenes Fußballtraining", "Integration durch Sport – Fußballgruppe"],
    sentences: [
      "Jugendliche trainieren gemeinsam mit Vereinsmitgliedern.", "Schuhe und Trikots werden gestellt.", "Wer möchte, kann später im Verein mitspielen.",
      "Das Training ist {tag}s auf dem Sportplatz.", "Ein Übungsleiter spricht {thema}.",
    ],
  },
  {
    fields: ["CULTURE_SPORT_LEISURE"], groups: [["CHILDREN"], ["CHILDREN", ...REFUGEES]], ages: [[6, 12], [7, 13]],
    titles: ["Ferienprogramm", "Ferienfreizeit", "Ferienbetreuung für Kinder"],
    sentences: [
      "Ausflüge, Spiele und Basteln in den Ferien.", "Ein Mittagessen ist inklusive.", "Kinder aus Unterkünften sind besonders eingeladen.",
      "Ein Besuch im Schwimmbad gehört dazu.", "Die Betreuung läuft von {zeit}.",
    ],
  },
  {
    fields: ["PARTICIPATION"], groups: [["WOMEN"], ["WOMEN", ...ALL]], ages: [[null, null]],
    titles: ["Nähcafé", "Nähtreff", "Nähwerkstatt für Frauen"],
    sentences: [
      "Frauen nähen gemeinsam und reparieren Kleidung.", "Nähmaschinen und Stoffe sind vorhanden.", "Anfängerinnen sind willkommen.",
      "Nebenbei wird viel Deutsch gesprochen.", "Der Treff ist {tag}s in {ort}.",
    ],
  },
  {
    fields: ["PARTICIPATION"], groups: [["WOMEN"], ["WOMEN", ...ALL]], ages: [[null, null]],
    titles: ["Frauencafé", "Frauentreff international", "Frauenfrühstück"],
    sentences: [
      "Frauen aus aller Welt treffen sich zum Austausch.", "Gemeinsame Ausflüge und Feste werden geplant.", "Kinder können mitgebracht werden.",
      "Ab und zu gibt es einen kurzen Vortrag zu {thema}.", "Der Treff ist {tag}s von {zeit}.",
    ],
  },
  {
    fields: ["PARTICIPATION"], groups: [["ASYLUM_SEEKERS"], REFUGEES, []], ages: [[null, null]],
    titles: ["Begegnungscafé", "Willkommenscafé", "Internationales Café"],
    sentences: [
      "Geflüchtete und Einheimische treffen sich bei Kaffee und Kuchen.", "Es wird gespielt, erzählt und Deutsch gesprochen.", "Das Café öffnet {tag}s um {zeit}.",
      "Ehrenamtliche aus dem Ort organisieren den Treff.", "Alle sind willkommen.",
    ],
  },
  {
    fields: ["PARTICIPATION", "CULTURE_SPORT_LEISURE"], groups: [ALL, []], ages: [[null, null]],
    titles: ["Interkulturelles Kochen", "Kochabend international", "Kochtreff"],
    sentences: [
      "Zugewanderte und Einheimische kochen Gerichte aus verschiedenen Ländern.", "Anschließend wird gemeinsam gegessen.", "Zutaten werden gestellt.",
      "Rezepte werden ausgetauscht.", "Der Kochabend ist einmal im Monat in {ort}.",
    ],
  },
  {
    fields: ["PARTICIPATION"], groups: [["SENIORS", ...ALL], ["SENIORS"]], ages: [[60, null], [65, null]],
    titles: ["Smartphone-Kurs für Ältere", "Handykurs für Seniorinnen und Senioren", "Digital fit im Alter"],
    sentences: [
      "Ältere lernen Messenger und Videoanrufe mit der Familie.", "Online-Termine buchen wird geübt.", "Erklärt wird langsam und in einfacher Sprache.",
      "Sicheres Verhalten im Internet ist Thema.", "Der Kurs findet {tag}s statt.",
    ],
  },
  {
    fields: ["VOLUNTEERING", "PARTICIPATION"], groups: [ALL, REFUGEES], ages: [[null, null]],
    titles: ["Integrationslotsen", "Alltagsbegleitung", "Ehrenamtliche Begleitung zu Behörden"],
    sentences: [
      "Ehrenamtliche begleiten Zugewanderte zu Behörden, Ärzten und Schulen.", "Sie helfen beim Ausfüllen von Formularen.", "Sie zeigen, wo es im Ort was gibt.",
      "Die Begleiterinnen sind geschult.", "Anfragen nimmt {ort} entgegen.",
    ],
  },
  {
    fields: ["VOLUNTEERING", "FAMILY"], groups: [["RECOGNISED_REFUGEES", "PARENTS"], REFUGEES], ages: [[null, null]],
    titles: ["Familienpatenschaften", "Patenschaftsprogramm", "Paten für geflüchtete Familien"],
    sentences: [
      "Patinnen und Paten begleiten eine Familie ein Jahr lang.", "Hilfe bei Schule, Kita und Behördenpost.", "Gemeinsame Freizeit gehört dazu.",
      "Die Tandems werden fachlich begleitet.", "Neue Patinnen werden laufend gesucht.",
    ],
  },
  {
    fields: ["VOLUNTEERING"], groups: [["VOLUNTEERS"]], ages: [[null, null]],
    titles: ["Schulung für Ehrenamtliche", "Qualifizierung Ehrenamtlicher", "Fortbildungsreihe Ehrenamt"],
    sentences: [
      "Abende zu Asylrecht, Trauma und interkultureller Kommunikation.", "Rolle und Grenzen des Ehrenamts werden besprochen.", "Selbstfürsorge ist ein eigenes Modul.",
      "Die Reihe umfasst {anzahl} Abende.", "Referentinnen kommen aus {thema}.",
    ],
  },
  {
    fields: ["INTERCULTURAL_OPENING"], groups: [["ADMINISTRATION_STAFF"]], ages: [[null, null]],
    titles: ["Interkulturelles Training für Verwaltung", "Interkulturelle Kompetenz im Kundenkontakt", "Fortbildung interkulturelle Kommunikation"],
    sentences: [
      "Beschäftigte von Behörden lernen, Missverständnisse zu vermeiden.", "Einfache Sprache und Arbeit mit Dolmetschenden werden geübt.", "Fallbeispiele aus {thema} werden besprochen.",
      "Die Fortbildung dauert einen Tag.", "Anmeldung über das Personalamt.",
    ],
  },
  {
    fields: ["ANTIDISCRIMINATION"], groups: [[], ALL], ages: [[null, null]],
    titles: ["Antidiskriminierungsberatung", "Beratung bei Diskriminierung", "Anlaufstelle gegen Diskriminierung"],
    sentences: [
      "Wer wegen Herkunft oder Religion benachteiligt wird, bekommt vertrauliche Beratung.", "Wir unterstützen bei Beschwerden.", "Fälle bei der Wohnungssuche und im Job kommen häufig vor.",
      "Die Beratung ist kostenlos und auf Wunsch anonym.", "Termine {tag}s in {ort}.",
    ],
  },
  {
    fields: ["RETURN_COUNSELLING"], groups: [["ASYLUM_SEEKERS", "TOLERATED"], ALL], ages: [[null, null]],
    titles: ["Rückkehrberatung", "Perspektivberatung", "Beratung zur freiwilligen Rückkehr"],
    sentences: [
      "Ergebnisoffene Beratung zu Rückkehr und Weiterwanderung.", "Förderprogramme und Reisekosten werden erklärt.", "Starthilfen im Herkunftsland sind Thema.",
      "Die Beratung ist vertraulich.", "Sprechzeiten {tag}s von {zeit}.",
    ],
  },
  {
    fields: ["VOCATIONAL_TRAINING"], groups: [["RECOGNISED_REFUGEES", "TOLERATED"], REFUGEES], ages: [[16, 35], [16, null]],
    titles: ["Ausbildungsbegleitung", "Ausbildungspaten", "Ausbildungscoaching für Geflüchtete"],
    sentences: [
      "Azubis bekommen Unterstützung in der Berufsschule.", "Fachsprache und Prüfungsvorbereitung stehen im Mittelpunkt.", "Bei Konflikten im Betrieb wird vermittelt.",
      "Ziel ist, Ausbildungsabbrüche zu vermeiden.", "Die Treffen sind {tag}s in {ort}.",
    ],
  },
];

const GENERIC = [
  "Die Teilnahme ist kostenlos.", "Eine Anmeldung ist nicht erforderlich.", "Bitte melden Sie sich vorher an.", "Das Angebot wird aus Landesmitteln gefördert.",
  "Der Raum ist barrierefrei erreichbar.", "Informationen gibt es auch auf Arabisch, Türkisch und Ukrainisch.", "Kinder können während der Zeit betreut werden.",
  "Die Gruppe ist auf {anzahl} Personen begrenzt.", "Getränke stehen bereit.", "Das Angebot findet nicht in den Schulferien statt.", "Fahrtkosten können erstattet werden.",
  "Eine Kooperation mit dem Jobcenter besteht.", "Ansprechpartnerin ist die Koordinatorin vor Ort.", "Neue Ehrenamtliche sind jederzeit willkommen.",
  "Die Termine werden im Gemeindeblatt veröffentlicht.", "Wir arbeiten eng mit der Stadtverwaltung zusammen.", "Sprachmittlung ist nach Absprache möglich.",
];
/* Free sentences "{who} {do} {what} {how}." give every measure wording of its own, as real descriptions have. */
const WHO = [
  "Ehrenamtliche", "Pädagogische Fachkräfte", "Studierende der Hochschule", "Mitarbeitende der Stadt", "Erfahrene Lehrkräfte", "Sozialarbeiterinnen",
  "Mentorinnen und Mentoren", "Übungsleiterinnen", "Muttersprachliche Begleiterinnen", "Engagierte aus der Kirchengemeinde", "Rentnerinnen und Rentner",
  "Fachleute aus Betrieben", "Beraterinnen des Vereins", "Schülerinnen der Oberstufe",
];
const DO = [
  "unterstützen die Teilnehmenden bei", "begleiten die Gruppe bei", "informieren verständlich über", "helfen gezielt bei", "üben gemeinsam mit allen",
  "geben praktische Tipps zu", "bereiten sorgfältig vor auf", "vermitteln Wissen zu", "sprechen offen über", "organisieren Ausflüge zu",
];
const WHAT = [
  "Formularen und Anträgen", "der Suche nach einem Praktikum", "dem Umgang mit Behörden", "Terminen beim Hausarzt", "Gesprächen mit der Schule",
  "Fragen zur Krankenversicherung", "Bus und Bahn im Landkreis", "Vereinen im Ort", "Museen und Bibliotheken", "Prüfungen und Tests", "dem Mietvertrag",
  "Geld und Kontoführung", "Ernährung und Kochen", "dem Leben im Stadtteil", "Rechten und Pflichten im Job", "Sport und Bewegung", "digitalen Diensten",
  "Erziehung und Familienalltag", "der Freizeit mit Kindern", "Festen und Traditionen", "Natur und Umwelt", "Müll und Recycling", "Nachbarschaft und Ehrenamt",
];
const HOW = [
  "in kleinen Gruppen", "einzeln und vertraulich", "in der Muttersprache", "in einfacher Sprache", "mit Bildkarten und Videos", "mit Tablets",
  "direkt vor Ort", "mit viel Geduld", "in entspannter Atmosphäre", "Schritt für Schritt", "anhand von Beispielen aus dem Alltag",
];

const WEEKDAYS = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag"];
const TIMES = ["9 bis 11 Uhr", "10 bis 12 Uhr", "14 bis 16 Uhr", "15 bis 17 Uhr", "17 bis 19 Uhr", "18:30 bis 20 Uhr"];
const VENUES = [
  "dem Gemeindehaus", "dem Bürgerhaus", "der Stadtbibliothek", "dem Jugendhaus", "dem Familienzentrum", "der Grundschule", "dem Rathaus", "dem Pfarrsaal",
  "der Volkshochschule", "dem Mehrgenerationenhaus", "der Gemeinschaftsunterkunft", "dem Stadtteilzentrum",
];
const TOPICS = [
  "Arztbesuch und Apotheke", "Einkaufen und Wohnen", "Schule und Kita", "Pflege und Gesundheit", "Handwerk und Technik", "Gastronomie und Hotel", "Logistik und Lager",
  "Behörden und Ämter", "Arabisch und Dari", "Türkisch und Kurdisch", "Ukrainisch und Russisch", "Ernährung und Bewegung", "Freizeit und Sport", "Recht und Aufenthalt",
];

/** mulberry32: a small, fast, seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTY_SIZE = 35;
const DAY_MS = 86_400_000;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (iso: string) => Math.round(Date.parse(iso) / DAY_MS);
const FROM_2018 = dayOf("2018-01-01");
const FROM_2023 = dayOf("2023-01-01");

export function generateMeasures(options: GenerateOptions): GeneratedMeasures {
  const n = options.n;
  const random = rng(options.seed ?? 20260101);
  const duplicateShare = options.duplicateShare ?? 0.05;
  const sameActorShare = options.sameActorShare ?? 0.3;
  const municipalities = options.municipalities ?? Math.max(35, Math.round(n / 14));
  const countyWideShare = options.countyWideShare ?? 0.15;
  const counties = Math.ceil(municipalities / COUNTY_SIZE);
  const countyMunicipalities: number[][] = [];
  for (let c = 0; c < counties; c++) {
    const ids: number[] = [];
    for (let id = c * COUNTY_SIZE + 1; id <= Math.min(municipalities, (c + 1) * COUNTY_SIZE); id++) ids.push(id);
    countyMunicipalities.push(ids);
  }
  const providers = options.providers ?? Math.max(30, Math.round(n / 15));
  const int = (k: number) => Math.floor(random() * k);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];

  const fill = (sentence: string) =>
    sentence.includes("{")
      ? sentence
          .replace("{tag}", pick(WEEKDAYS))
          .replace("{zeit}", pick(TIMES))
          .replace("{ort}", pick(VENUES))
          .replace("{thema}", pick(TOPICS))
          .replace("{anzahl}", String(4 + int(12)))
      : sentence;
  const sentences = (type: OfferingType, count: number): string[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, type.sentences.length)) chosen.add(int(type.sentences.length));
    return [...chosen].map((i) => fill(type.sentences[i]));
  };
  const describe = (parts: string[]) => parts.join(" ");

  const typeOf = new Uint8Array(n);
  const measures: OverlapMeasure[] = new Array(n);
  const truthA = new Int32Array(Math.ceil(n * duplicateShare) + 16);
  const truthB = new Int32Array(truthA.length);
  const truthKind = new Uint8Array(truthA.length);
  let truthCount = 0;

  const area = (): { countyWide: boolean; municipalityIds: number[] } => {
    const county = countyMunicipalities[int(counties)];
    if (random() < countyWideShare) {
      // One shared array per county keeps a million measures lean.
      return counties === 1 ? { countyWide: true, municipalityIds: [] } : { countyWide: false, municipalityIds: county };
    }
    const first = int(county.length);
    const count = random() < 0.75 ? 1 : 2 + int(3);
    const ids: number[] = [];
    for (let k = 0; k < count && first + k < county.length; k++) ids.push(county[first + k]);
    return { countyWide: false, municipalityIds: ids };
  };
  const period = (): { startDate: string | null; endDate: string | null } => {
    if (random() < 0.35) return { startDate: random() < 0.15 ? null : isoDay(FROM_2018 + int(9 * 365)), endDate: null };
    const start = FROM_2023 + int(5 * 365);
    return { startDate: isoDay(start), endDate: isoDay(start + 60 + int(700)) };
  };

  for (let i = 0; i < n; i++) {
    const id = i + 1;
    const injected = i > 10 && truthCount < truthA.length && random() < duplicateShare;
    if (!injected) {
      const t = int(TYPES.length);
      const type = TYPES[t];
      typeOf[i] = t;
      const ages = pick(type.ages);
      const free = () => `${pick(WHO)} ${pick(DO)} ${pick(WHAT)} ${pick(HOW)}.`;
      const title = random() < 0.3 ? `${pick(type.titles)} – ${pick(TOPICS)}` : pick(type.titles);
      measures[i] = {
        id,
        providerId: 1 + int(providers),
        title,
        description: describe([...sentences(type, 1 + int(2)), free(), free(), fill(pick(GENERIC))]),
        fieldKeys: type.fields,
        targetGroupKeys: pick(type.groups),
        ageMin: ages[0],
        ageMax: ages[1],
        ...area(),
        ...period(),
      };
      continue;
    }
    // An injected duplicate of a recent measure (recent, so generation stays cache-friendly at 1M).
    const j = Math.max(0, i - 1 - int(Math.min(i, 5000)));
    const base = measures[j];
    const type = TYPES[typeOf[j]];
    typeOf[i] = typeOf[j];
    const sameActor = random() < sameActorShare;
    let m: OverlapMeasure;
    if (sameActor) {
      const baseSentences = base.description.split(/(?<=\.)\s+/);
      const kept = random() < 0.5 ? baseSentences : [...baseSentences.slice(0, -1), fill(pick(GENERIC))];
      m = {
        ...base,
        id,
        title: random() < 0.5 ? base.title : `${base.title} (${pick(["neu", "2026", "Aktualisierung", "Kopie"])})`,
        description: describe(kept),
        endDate: base.endDate && random() < 0.3 ? isoDay(dayOf(base.endDate) + 30 + int(120)) : base.endDate,
      };
    } else {
      const baseSentences = base.description.split(/(?<=\.)\s+/);
      const kept = baseSentences.filter(() => random() < 0.5);
      const start = base.startDate ? dayOf(base.startDate) : FROM_2023;
      m = {
        ...base,
        id,
        providerId: 1 + ((base.providerId + int(providers - 1)) % providers),
        title: pick(type.titles),
        description: describe([...kept, ...sentences(type, 1), fill(pick(GENERIC))]),
        // Overlapping but not identical structure: more places, an open start or a shifted window.
        municipalityIds:
          base.countyWide || base.municipalityIds.length > 4 || random() < 0.6
            ? base.municipalityIds
            : [...new Set([...base.municipalityIds, base.municipalityIds[0] % municipalities + 1])],
        startDate: random() < 0.5 ? base.startDate : isoDay(start + int(60)),
        endDate: base.endDate && random() < 0.5 ? isoDay(dayOf(base.endDate) + int(90)) : base.endDate,
      };
      if (m.startDate && m.endDate && m.startDate > m.endDate) m.startDate = base.startDate;
    }
    measures[i] = m;
    truthA[truthCount] = base.id;
    truthB[truthCount] = id;
    truthKind[truthCount] = sameActor ? 1 : 0;
    truthCount++;
  }
  return {
    measures,
    taxonomy: generatedTaxonomy(municipalities),
    truth: { aIds: truthA, bIds: truthB, kinds: truthKind, count: truthCount },
  };
}
