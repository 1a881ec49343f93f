/**
 * German text similarity for overlap detection.
 *
 * Partners describe the same kind of offering in very different words ("Sprachcafé für geflüchtete Frauen" vs
 * "Deutsch-Treff für Frauen mit Fluchterfahrung"), and every description repeats the same boilerplate ("Beratung
 * für Migrantinnen und Migranten", "kostenlos, ohne Anmeldung"). The pipeline therefore
 *
 * 1. folds case, umlauts and ß (ä→ae, ö→oe, ü→ue, ß→ss) and gender forms (Migrant*innen, MigrantInnen),
 * 2. drops German stop words and the county's place names (place is compared as a structural dimension) and
 *    stems with the Snowball German stemmer,
 * 3. maps domain synonyms to one canonical token (Sprachcafé ≈ Sprachtreff ≈ Sprachtandem, …), also inside
 *    compounds ("Frauensprachcafé") and across words ("Mütter mit Kindern"); canonical tokens and title words
 *    weigh double, since they name the kind of offering,
 * 4. weights words by inverse document frequency over the corpus, so boilerplate counts for little,
 * 5. adds character 3- and 4-grams of the stems of title words and of long description words, so compounds that
 *    share a head match (Deutschkurs / Sprachkurs / Alphabetisierungskurs),
 *
 * and blends the cosine of the word vectors with the cosine of the n-gram vectors. Language courses on disjoint
 * levels (A1 vs B1) get half the similarity: they are different offerings however alike their texts are.
 */
import { hashString } from "./minhash";

// snowball-stemmers and stopword ship no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const snowball = require("snowball-stemmers") as { newStemmer(language: string): { stem(word: string): string } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stopwordLists = require("stopword") as { deu: string[] };

/* ------------------------------------------------------------------ normalisation */

/** Lower-cases and folds German special letters (ä→ae, ö→oe, ü→ue, ß→ss) and other diacritics (é→e). */
export function foldGerman(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  const folded = lower.replace(UMLAUTS, (c) => UMLAUT_FOLDS[c]);
  return NON_ASCII.test(folded) ? folded.normalize("NFD").replace(COMBINING_MARKS, "") : folded;
}
const NON_ASCII = /[^\u0000-\u007f]/;
const UMLAUTS = /[äöüß]/g;
const UMLAUT_FOLDS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Characters that may start a gender form (Migrant*innen, Schüler:innen, Lehrer/-innen, MigrantInnen). */
const GENDER_HINT = /[*:_/·(]|[a-zäöüß]In/;

function degender(text: string): string {
  if (!GENDER_HINT.test(text)) return text;
  return text
    .replace(/([a-zäöüß])Innen\b/g, "$1innen")
    .replace(/([a-zäöüß])In\b/g, "$1in")
    .replace(/([a-zäöüß])(?:[*:_·]|\/-?)(innen|in)\b/gi, "$1$2")
    .replace(/([a-zäöüß])\((innen|in)\)/gi, "$1$2");
}

/**
 * Normalised tokens: case, umlauts and gender forms folded, punctuation dropped; hyphens inside words survive so
 * that compounds like "Eltern-Kind-Gruppe" can be matched as one unit. One pass over the folded text.
 */
export function tokenize(text: string): string[] {
  const folded = foldGerman(degender(text));
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 32;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      let token = folded.slice(start, i);
      if (token.includes("-")) token = token.replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
      if (token) out.push(token);
      start = -1;
    }
  }
  return out;
}

/** The normalised text: {@link tokenize}d and joined with single spaces. */
export function normalizeText(text: string): string {
  return tokenize(text).join(" ");
}

const EXTRA_STOP_WORDS = ["bzw", "ca", "usw", "etc", "ggf", "inkl", "evtl", "sowie", "innen", "uhr", "je", "jeweils"];

/** German stop words, folded like the text (außer → ausser). */
export const GERMAN_STOP_WORDS: ReadonlySet<string> = new Set(
  [...stopwordLists.deu, ...EXTRA_STOP_WORDS].map((w) => foldGerman(w)),
);

const stemmer = snowball.newStemmer("german");
/** Snowball is slow and vocabularies are small: stems are memoised (bounded, cleared when full). */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

/** Stems that end in "inn" only by accident, not because of a feminine "-innen" plural. */
const INN_EXCEPTIONS = new Set(["beginn", "gewinn", "sinn", "unsinn", "spinn", "binn", "kinn", "zinn", "rinn", "linn"]);
/** Letters after which Snowball German removes a final "s" (it does so only once, so "Kurse" → "kurs"). */
const S_ENDING = /[bdfghklmnrt]s$/;

/**
 * Snowball German stem of a folded word, with two fixes for this domain: the feminine plural is merged with the
 * masculine form ("migrantinnen" → "migrant", like "migranten"), and a final s that Snowball leaves after removing
 * a plural "e" is dropped ("deutschkurse" → "deutschkur", like "deutschkurs").
 */
export function stemGerman(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let stem = stemmer.stem(word);
  if (stem.length > 6 && stem.endsWith("inn") && !INN_EXCEPTIONS.has(stem)) stem = stem.slice(0, -3);
  if (stem.length > 4 && S_ENDING.test(stem)) stem = stem.slice(0, -1);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

/** Distinct content stems of a text (no synonyms): what fingerprints and change detection compare. */
export function contentStems(text: string): string[] {
  const out = new Set<string>();
  for (const token of tokenize(text)) for (const stem of contentStemsOfToken(token).stems) out.add(stem);
  return [...out].sort();
}

/**
 * {@link hashString} of every content stem of a text, with repeats: for MinHash sketches, where only the set of
 * values matters, so the stems need not be collected, made distinct and sorted first.
 */
export function contentStemHashes(text: string, out: number[]): number[] {
  out.length = 0;
  for (const token of tokenize(text)) for (const h of contentStemsOfToken(token).hashes) out.push(h);
  return out;
}

interface TokenStems {
  stems: string[];
  hashes: number[];
}
const contentStemCache = new Map<string, TokenStems>();

function contentStemsOfToken(token: string): TokenStems {
  let cached = contentStemCache.get(token);
  if (!cached) {
    const stems = token.split("-").filter(isContentWord).map(stemGerman);
    cached = { stems, hashes: stems.map(hashString) };
    if (contentStemCache.size >= STEM_CACHE_LIMIT) contentStemCache.clear();
    contentStemCache.set(token, cached);
  }
  return cached;
}

function isContentWord(part: string): boolean {
  if (part.length < 2 || GERMAN_STOP_WORDS.has(part)) return false;
  // Language levels (a1, b2) carry meaning, plain numbers (years, hours, house numbers) do not.
  return !/^[0-9]+$/.test(part);
}

/* ------------------------------------------------------------------ synonyms */

/**
 * A group of interchangeable terms and the canonical token they map to. Terms are written as people write them
 * (umlauts, hyphens, several words); matching is on the folded, de-hyphenated form. Terms of at least six letters
 * are also found inside compounds ("Sommerferienprogramm" contains "ferienprogramm").
 */
export interface SynonymGroup {
  canonical: string;
  terms: string[];
}

/** The domain's starting synonym list; editable data, passed to the analyser. */
export const DEFAULT_SYNONYMS: readonly SynonymGroup[] = [
  {
    canonical: "sprachtreff",
    terms: [
      "Sprachcafé", "Sprachtreff", "Sprachtreffpunkt", "Sprachtandem", "Sprachtandem-Café", "Tandemcafé", "Deutschtreff",
      "Deutsch-Café", "Konversationscafé", "Konversationskreis", "Sprachstammtisch", "Deutsch-Stammtisch", "Gesprächskreis Deutsch",
      "Plauderstunde", "Sprechcafé",
    ],
  },
  {
    canonical: "sprachkurs",
    terms: [
      "Deutschkurs", "Sprachkurs", "Deutschunterricht", "Sprachunterricht", "Sprachförderkurs", "Deutschförderkurs",
      "Deutsch als Zweitsprache", "DaZ-Kurs", "Deutschlernkurs", "Sprachlernkurs",
    ],
  },
  {
    canonical: "alphakurs",
    terms: ["Alphabetisierungskurs", "Alphakurs", "Alphabetisierung", "Lesen und Schreiben lernen", "Grundbildungskurs", "Zweitschriftlernende"],
  },
  {
    canonical: "integrationskurs",
    terms: ["Integrationskurs", "BAMF-Integrationskurs", "Orientierungskurs", "Jugendintegrationskurs", "Elternintegrationskurs", "Frauenintegrationskurs"],
  },
  {
    canonical: "berufssprachkurs",
    terms: [
      "Berufssprachkurs", "berufsbezogene Sprachförderung", "DeuFöV", "Job-Deutsch", "Berufsdeutsch", "Fachsprachkurs",
      "Deutsch für den Beruf", "Deutsch im Beruf", "Pflegedeutsch",
    ],
  },
  {
    canonical: "bewerbungstraining",
    terms: [
      "Bewerbungstraining", "Bewerbungswerkstatt", "Bewerbungscoaching", "Bewerbungshilfe", "Bewerbungsunterstützung",
      "Bewerbungsseminar", "Bewerbungsworkshop", "Bewerbungscafé", "Bewerbungsmappe", "Bewerbungsunterlagen",
    ],
  },
  {
    canonical: "hausaufgabenhilfe",
    terms: [
      "Hausaufgabenhilfe", "Hausaufgabenbetreuung", "Hausaufgabenunterstützung", "Lernhilfe", "Nachhilfe", "Lernförderung",
      "Lernbegleitung", "Hausaufgabencafé", "Lerntreff", "Lernwerkstatt",
    ],
  },
  {
    canonical: "elternkind",
    terms: ["Mutter-Kind", "Eltern-Kind", "Vater-Kind", "Mutter und Kind", "Eltern und Kind", "Mütter mit Kindern", "Eltern mit Kleinkindern"],
  },
  {
    canonical: "migrationsberatung",
    terms: ["Migrationsberatung", "MBE", "Migrationsberatungsstelle", "Migrationsdienst", "Migrationssozialberatung", "Beratung für erwachsene Zuwanderer"],
  },
  {
    canonical: "jugendmigrationsdienst",
    terms: ["Jugendmigrationsdienst", "JMD", "Jugendmigrationsberatung", "Jugendmigrationsdienste"],
  },
  {
    canonical: "asylberatung",
    terms: ["Asylverfahrensberatung", "Asylberatung", "Verfahrensberatung", "Asylrechtsberatung", "Flüchtlingsberatung", "Beratung im Asylverfahren"],
  },
  {
    canonical: "integrationslotse",
    terms: ["Integrationslotse", "Integrationslotsin", "Integrationslotsen", "Kulturlotse", "Integrationsbegleiter", "Integrationsbegleitung", "Alltagslotse", "Alltagsbegleitung"],
  },
  {
    canonical: "patenschaft",
    terms: ["Patenschaft", "Patenschaftsprogramm", "Paten", "Patinnen", "Mentoring", "Mentorenprogramm", "Mentor", "Mentorin"],
  },
  {
    canonical: "sprachmittlung",
    terms: [
      "Dolmetscherdienst", "Dolmetscherpool", "Sprachmittler", "Sprachmittlerin", "Sprachmittlung",
      "Sprach- und Kulturmittler", "Kulturdolmetscher", "Übersetzungshilfe", "Laiendolmetscher",
    ],
  },
  {
    canonical: "frauentreff",
    terms: ["Frauencafé", "Frauentreff", "Frauentreffpunkt", "Frauengruppe", "Frauenfrühstück", "Frauenkreis", "Frauenrunde"],
  },
  {
    canonical: "wohnungssuche",
    terms: ["Wohnungssuche", "Wohnungsvermittlung", "Wohnraumvermittlung", "Wohnraumsuche", "Wohnungsbörse", "Wohnraumakquise", "Wohnungslotse"],
  },
  {
    canonical: "mietfuehrerschein",
    terms: ["Mietführerschein", "Mieterführerschein", "Wohnführerschein", "Mieterschulung", "Mietertraining", "Mieterseminar"],
  },
  {
    canonical: "anerkennungsberatung",
    terms: ["Anerkennungsberatung", "Anerkennung ausländischer Abschlüsse", "Anerkennung ausländischer Berufsabschlüsse", "Berufsanerkennung", "Zeugnisanerkennung", "Anerkennungsverfahren", "Anerkennungsstelle"],
  },
  {
    canonical: "jobcoaching",
    terms: ["Jobcoaching", "Berufscoaching", "Arbeitsmarktcoaching", "Jobbegleitung", "Jobpatenschaft", "Beschäftigungscoaching", "Berufsorientierungscoaching"],
  },
  {
    canonical: "gesundheitslotse",
    terms: ["Gesundheitslotse", "Gesundheitslotsen", "Gesundheitsmediator", "Gesundheitsmediatoren", "Gesundheitsbotschafter", "MiMi"],
  },
  {
    canonical: "psychosozial",
    terms: ["psychosoziale Beratung", "Traumaberatung", "psychosoziales Zentrum", "psychosoziale Unterstützung", "Traumaambulanz", "Traumapädagogik", "psychologische Erstberatung"],
  },
  {
    canonical: "schuldnerberatung",
    terms: ["Schuldnerberatung", "Schuldenberatung", "Insolvenzberatung", "Schuldnerhilfe"],
  },
  {
    canonical: "rueckkehrberatung",
    terms: ["Rückkehrberatung", "Rückkehrförderung", "Perspektivberatung", "Reintegrationsberatung", "freiwillige Rückkehr", "Weiterwanderung"],
  },
  {
    canonical: "ferienprogramm",
    terms: ["Ferienprogramm", "Ferienfreizeit", "Ferienbetreuung", "Feriencamp", "Ferienlager", "Ferienwoche", "Ferienaktion"],
  },
  {
    canonical: "sportgruppe",
    terms: ["Sportgruppe", "Sporttreff", "Sportangebot", "Bewegungsangebot", "Bewegungsgruppe", "Integration durch Sport", "Sportverein"],
  },
  {
    canonical: "schwimmkurs",
    terms: ["Schwimmkurs", "Schwimmunterricht", "Schwimmen lernen", "Schwimmtraining", "Seepferdchen"],
  },
  {
    canonical: "fahrradkurs",
    terms: ["Fahrradkurs", "Radfahrkurs", "Fahrradtraining", "Radfahrtraining", "Radfahren lernen", "Fahrradfahren lernen", "Fahrradschule"],
  },
  {
    canonical: "naehtreff",
    terms: ["Nähcafé", "Nähtreff", "Nähwerkstatt", "Nähkurs", "Nähgruppe", "Nähstube"],
  },
  {
    canonical: "kochtreff",
    terms: ["Kochtreff", "Kochkurs", "Kochabend", "Kochgruppe", "interkulturelles Kochen", "gemeinsames Kochen", "Kochwerkstatt"],
  },
  {
    canonical: "begegnungscafe",
    terms: ["Begegnungscafé", "Begegnungstreff", "Internationales Café", "Interkulturelles Café", "Café International", "Begegnungsstätte", "Willkommenscafé"],
  },
  {
    canonical: "kitaeinstieg",
    terms: ["Kita-Einstieg", "Brückenangebot", "Spielgruppe", "Krabbelgruppe", "Eltern-Kind-Spielgruppe", "Kita-Vorbereitung"],
  },
  {
    canonical: "ehrenamtsschulung",
    terms: ["Ehrenamtsschulung", "Ehrenamtlichenschulung", "Schulung für Ehrenamtliche", "Qualifizierung Ehrenamtlicher", "Fortbildung für Ehrenamtliche", "Ehrenamtsqualifizierung"],
  },
  {
    canonical: "interkulturelletraining",
    terms: ["interkulturelles Training", "interkulturelle Schulung", "interkulturelle Kompetenz", "Diversity-Training", "Diversitätstraining", "interkulturelle Fortbildung"],
  },
  {
    canonical: "antidiskriminierungsberatung",
    terms: ["Antidiskriminierungsberatung", "Antidiskriminierungsstelle", "Diskriminierungsberatung", "Beratung bei Diskriminierung", "Antidiskriminierungsbüro"],
  },
  {
    canonical: "sozialberatung",
    terms: ["Sozialberatung", "allgemeine Sozialberatung", "Sozialsprechstunde", "Sozialdienst", "soziale Beratung"],
  },
  {
    canonical: "ausbildungsbegleitung",
    terms: ["Ausbildungsbegleitung", "Ausbildungspaten", "Ausbildungscoaching", "assistierte Ausbildung", "Ausbildungsmentoring", "ausbildungsbegleitende Hilfen"],
  },
  {
    canonical: "computerkurs",
    terms: ["Computerkurs", "PC-Kurs", "EDV-Kurs", "Computerschulung", "Digitalkurs", "Smartphone-Kurs", "Handykurs", "digitale Grundkompetenzen"],
  },
  {
    canonical: "erstorientierung",
    terms: ["Erstorientierung", "Erstorientierungskurs", "Wegweiserkurs", "Orientierungshilfe für Neuzugewanderte", "Ankommenskurs"],
  },
];

interface PhraseTerm {
  canonical: string;
  /** Joined stems of all words, e.g. "muttundkind". */
  stemKey: string;
  words: number;
}

/**
 * Compiled synonym matcher. Single-word (or hyphenated) terms match a token exactly (by folded form or by stem)
 * or, from six letters on, inside a longer compound; multi-word terms match a run of consecutive tokens by stems.
 */
export class SynonymMatcher {
  private readonly exactJoined = new Map<string, string>();
  private readonly exactStem = new Map<string, string>();
  private readonly byPrefix = new Map<string, { term: string; canonical: string }[]>();
  private readonly phrases = new Map<string, PhraseTerm>();
  private readonly phraseStarts = new Set<string>();
  readonly maxPhraseWords: number;
  static readonly SUBSTRING_MIN = 6;

  constructor(readonly groups: readonly SynonymGroup[]) {
    let maxWords = 1;
    for (const group of groups) {
      const canonical = foldGerman(group.canonical).replace(/[^a-z0-9]/g, "");
      if (!canonical) throw new Error("synonym group without canonical token");
      for (const raw of [group.canonical, ...group.terms]) {
        const tokens = tokenize(raw);
        if (tokens.length === 0) continue;
        if (tokens.length === 1) {
          const joined = tokens[0].replace(/-/g, "");
          this.exactJoined.set(joined, canonical);
          this.exactStem.set(stemGerman(joined), canonical);
          if (joined.length >= SynonymMatcher.SUBSTRING_MIN) {
            const prefix = joined.slice(0, SynonymMatcher.SUBSTRING_MIN);
            const list = this.byPrefix.get(prefix) ?? [];
            list.push({ term: joined, canonical });
            this.byPrefix.set(prefix, list);
          }
        } else {
          const stemKey = tokens.map((t) => stemGerman(t.replace(/-/g, ""))).join("");
          this.phrases.set(stemKey, { canonical, stemKey, words: tokens.length });
          this.phraseStarts.add(stemGerman(tokens[0].replace(/-/g, "")));
          maxWords = Math.max(maxWords, tokens.length);
        }
      }
    }
    this.maxPhraseWords = maxWords;
  }

  /** Canonical token when the whole (de-hyphenated) token or its stem is a term. */
  exact(joined: string, stem: string): string | undefined {
    return this.exactJoined.get(joined) ?? this.exactStem.get(stem);
  }

  /** Canonical tokens of terms found inside a longer compound. */
  within(joined: string): string[] {
    const found: string[] = [];
    const n = SynonymMatcher.SUBSTRING_MIN;
    for (let i = 0; i + n <= joined.length; i++) {
      const list = this.byPrefix.get(joined.substr(i, n));
      if (!list) continue;
      for (const { term, canonical } of list) {
        if (term.length < joined.length && joined.startsWith(term, i) && !found.includes(canonical)) found.push(canonical);
      }
    }
    return found;
  }

  /** Whether some multi-word term starts with this stem. */
  startsPhrase(stem: string): boolean {
    return this.phraseStarts.has(stem);
  }

  /** Canonical token of a multi-word term whose joined stems equal `stemKey`. */
  phrase(stemKey: string): string | undefined {
    return this.phrases.get(stemKey)?.canonical;
  }
}

/* ------------------------------------------------------------------ analysis */

/** Number of buckets character n-grams are hashed into (so their document frequencies fit one typed array). */
export const NGRAM_BUCKETS = 1 << 16;
/** Description words this long (after folding) are treated as likely compounds and contribute n-grams. */
const COMPOUND_MIN_LENGTH = 9;
/** Prefix of canonical synonym tokens in the word vector, so "~sprachtreff" never collides with a stem. */
export const SYNONYM_PREFIX = "~";

/** Title words count this many times: titles name the kind of offering, descriptions add context. */
export const DEFAULT_TITLE_WEIGHT = 2;
/** Canonical synonym tokens count twice: they name the kind of offering in the county's own vocabulary. */
export const DEFAULT_SYNONYM_WEIGHT = 2;

/** CEFR levels, in order; a range "A1–B1" covers the levels between. */
const LEVELS = ["a1", "a2", "b1", "b2", "c1", "c2"];

/**
 * Bitmask of the language levels a text names (bit 0 = A1 ... bit 5 = C2), ranges included. Two language courses
 * on disjoint levels (A1 vs B1) are different offerings however alike their texts are.
 */
export function languageLevels(text: string): number {
  if (!/[abcABC][12]/.test(text)) return 0;
  const folded = foldGerman(text);
  let mask = 0;
  const range = /\b([abc][12])\s*(?:-|–|—|bis)\s*([abc][12])\b/g;
  for (const match of folded.matchAll(range)) {
    const from = LEVELS.indexOf(match[1]);
    const to = LEVELS.indexOf(match[2]);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) mask |= 1 << i;
  }
  for (const match of folded.matchAll(/\b([abc][12])\b/g)) mask |= 1 << LEVELS.indexOf(match[1]);
  return mask;
}

/** Similarity factor for two texts that name language levels, none of them shared. */
export const LEVEL_MISMATCH_FACTOR = 0.5;

function ngramHashes(stem: string, out: number[]): void {
  const s = `^${stem}$`;
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= s.length; i++) {
      const h = hashString(s.substr(i, n));
      out.push((h ^ (h >>> 16)) & (NGRAM_BUCKETS - 1));
    }
  }
}

const radixCounts = new Int32Array(257);
let radixBuffer = new Int32Array(1024);

/**
 * Writes the non-negative integers of `values` to `out` in ascending order: an LSD radix sort on bytes, as many
 * passes as the largest value needs (one or two for n-gram buckets and term ids), which beats a comparison sort
 * on the few hundred values of a document.
 */
function sortedInts<T extends Int32Array | Uint16Array>(values: readonly number[], out: T): T {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (values[i] > max) max = values[i];
  if (n < 2) {
    if (n === 1) out[0] = values[0];
    return out;
  }
  if (radixBuffer.length < n) radixBuffer = new Int32Array(Math.max(n, radixBuffer.length * 2));
  // Alternate between `out` and the buffer; the last pass writes to `out`.
  let passes = 1;
  while (passes < 4 && max >>> (8 * passes) > 0) passes++;
  const buffer = radixBuffer;
  let from: ArrayLike<number> = values;
  for (let pass = 0; pass < passes; pass++) {
    const shift = 8 * pass;
    const to: Int32Array | Uint16Array = (passes - pass) % 2 === 1 ? out : buffer;
    radixCounts.fill(0);
    for (let i = 0; i < n; i++) radixCounts[((from[i] >>> shift) & 255) + 1]++;
    for (let d = 1; d < 257; d++) radixCounts[d] += radixCounts[d - 1];
    for (let i = 0; i < n; i++) {
      const v = from[i];
      to[radixCounts[(v >>> shift) & 255]++] = v;
    }
    from = to;
  }
  return out;
}

interface TokenInfo {
  /** Interned ids of the terms for the word vector: stems and/or canonical synonym tokens. */
  termIds: number[];
  /** Weight factor per term (synonymWeight for canonical tokens, else 1). */
  factors: number[];
  /** Stem of the whole token (stop words included), for multi-word synonym matching. */
  phraseStem: string;
  /** Character n-gram buckets of the token's stems. */
  ngrams: number[];
  /** Whether a description word is long enough to contribute its n-grams. */
  compound: boolean;
  /** Content stems of the token as {@link contentStems} finds them (place names included), for fingerprints. */
  content: TokenStems;
}

/** One measure's text as vectors: sorted term ids with weighted term frequencies, sorted n-gram buckets. */
export interface AnalyzedText {
  termIds: Int32Array;
  termFrequencies: Float64Array;
  ngrams: Uint16Array;
  /** Language levels named (see {@link languageLevels}). */
  levels: number;
  /** `contentStems(title)`: the title part of the fingerprint (see fingerprint.ts). */
  titleStems: string[];
  /** `contentStemHashes(description)`: the description sketch of the fingerprint. */
  descriptionStemHashes: number[];
}

export interface AnalyzerOptions {
  synonyms?: readonly SynonymGroup[];
  /** How many times a title word counts against a description word. */
  titleWeight?: number;
  /** Description words at least this long contribute character n-grams (title words always do). */
  compoundMinLength?: number;
  /** Extra weight of canonical synonym tokens. */
  synonymWeight?: number;
  /**
   * Words to leave out, typically the county's municipality names: where an offering takes place is compared as a
   * structural dimension, and "Lörrach" in two titles says nothing about the kind of offering.
   */
  ignoredWords?: Iterable<string>;
}

/**
 * Turns title and description into term and n-gram vectors. Terms are interned (the analyser owns the vocabulary,
 * ids are stable) and everything per distinct token is cached, so analysis stays cheap on a million measures.
 */
export class TextAnalyzer {
  readonly synonyms: SynonymMatcher;
  readonly titleWeight: number;
  readonly compoundMinLength: number;
  readonly synonymWeight: number;
  /** The vocabulary: term strings by id, and a stable 32-bit hash of each (for MinHash). */
  readonly terms: string[] = [];
  termHashes = new Uint32Array(1024);
  /**
   * Number of the `analyze` call that added each term (1 = the first text analysed). Term ids follow the order in
   * which texts first used the terms; a partitioned run uses this to number the terms of its parts exactly as
   * one analyser of the whole corpus would (see parallel.ts).
   */
  termFirstAnalysis = new Int32Array(1024);
  /** Texts analysed so far. */
  analyses = 0;
  private termIdOf = new Map<string, number>();
  private readonly ignored: Set<string>;
  private cache = new Map<string, TokenInfo>();
  private static readonly CACHE_LIMIT = 200_000;
  private tfScratch = new Float64Array(1024);
  private readonly touched: number[] = [];
  private readonly ngramStamp = new Uint32Array(NGRAM_BUCKETS);
  private stampRun = 0;
  private readonly ngramScratch: number[] = [];

  constructor(options: AnalyzerOptions = {}) {
    this.synonyms = new SynonymMatcher(options.synonyms ?? DEFAULT_SYNONYMS);
    this.titleWeight = options.titleWeight ?? DEFAULT_TITLE_WEIGHT;
    this.compoundMinLength = options.compoundMinLength ?? COMPOUND_MIN_LENGTH;
    this.synonymWeight = options.synonymWeight ?? DEFAULT_SYNONYM_WEIGHT;
    this.ignored = new Set<string>();
    for (const phrase of options.ignoredWords ?? []) {
      for (const token of tokenize(phrase)) for (const part of token.split("-")) if (part.length > 2) this.ignored.add(part);
    }
  }

  /** Id of a term, added to the vocabulary when new. */
  intern(term: string): number {
    let id = this.termIdOf.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIdOf.set(term, id);
      if (id >= this.termHashes.length) {
        const grown = new Uint32Array(this.termHashes.length * 2);
        grown.set(this.termHashes);
        this.termHashes = grown;
        const first = new Int32Array(this.termHashes.length);
        first.set(this.termFirstAnalysis);
        this.termFirstAnalysis = first;
      }
      this.termHashes[id] = hashString(term);
      this.termFirstAnalysis[id] = this.analyses;
    }
    return id;
  }

  /**
   * Replaces the vocabulary by `terms` (a superset of the current terms, in another order). Cached token analyses
   * refer to the old ids and are dropped. For a partitioned run, after its part was analysed.
   */
  replaceVocabulary(terms: readonly string[]): void {
    this.terms.length = 0;
    this.termIdOf = new Map();
    this.termHashes = new Uint32Array(Math.max(1024, terms.length));
    this.termFirstAnalysis = new Int32Array(this.termHashes.length);
    for (const term of terms) this.intern(term);
    this.cache.clear();
  }

  /** Id of a known term, undefined otherwise. */
  termId(term: string): number | undefined {
    return this.termIdOf.get(term);
  }

  private token(token: string): TokenInfo {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const parts = token.split("-").filter((p) => p.length > 0);
    const joined = parts.join("");
    const phraseStem = stemGerman(joined);
    const info: TokenInfo = {
      termIds: [],
      factors: [],
      phraseStem,
      ngrams: [],
      compound: joined.length >= this.compoundMinLength,
      content: contentStemsOfToken(token),
    };
    const contentParts = parts.filter((p) => isContentWord(p) && !this.ignored.has(p));
    if (contentParts.length > 0) {
      const exact = this.synonyms.exact(joined, phraseStem);
      const partStems = contentParts.map(stemGerman);
      if (exact) {
        // The whole token is a synonym term: only the canonical token goes into the word vector.
        info.termIds.push(this.intern(SYNONYM_PREFIX + exact));
        info.factors.push(this.synonymWeight);
      } else {
        for (const stem of partStems) {
          info.termIds.push(this.intern(stem));
          info.factors.push(1);
        }
        if (joined.length > SynonymMatcher.SUBSTRING_MIN) {
          for (const canonical of this.synonyms.within(joined)) {
            info.termIds.push(this.intern(SYNONYM_PREFIX + canonical));
            info.factors.push(this.synonymWeight);
          }
        }
      }
      const ngramSource = parts.length > 1 ? partStems : [phraseStem];
      for (const stem of ngramSource) if (stem.length >= 3) ngramHashes(stem, info.ngrams);
    }
    if (this.cache.size >= TextAnalyzer.CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, info);
    return info;
  }

  private addTerm(id: number, weight: number): void {
    if (id >= this.tfScratch.length) {
      const grown = new Float64Array(Math.max(id + 1, this.tfScratch.length * 2));
      grown.set(this.tfScratch);
      this.tfScratch = grown;
    }
    if (this.tfScratch[id] === 0) this.touched.push(id);
    this.tfScratch[id] += weight;
  }

  private addPart(text: string, weight: number, isTitle: boolean): TokenInfo[] {
    const infos = tokenize(text).map((t) => this.token(t));
    const run = this.stampRun;
    for (const info of infos) {
      for (let k = 0; k < info.termIds.length; k++) this.addTerm(info.termIds[k], weight * info.factors[k]);
      if (isTitle || info.compound) {
        for (const h of info.ngrams) {
          if (this.ngramStamp[h] !== run) {
            this.ngramStamp[h] = run;
            this.ngramScratch.push(h);
          }
        }
      }
    }
    const maxWords = this.synonyms.maxPhraseWords;
    for (let i = 0; i + 1 < infos.length; i++) {
      if (!this.synonyms.startsPhrase(infos[i].phraseStem)) continue;
      let key = infos[i].phraseStem;
      for (let w = 2; w <= maxWords && i + w <= infos.length; w++) {
        key += infos[i + w - 1].phraseStem;
        const canonical = this.synonyms.phrase(key);
        if (canonical) this.addTerm(this.intern(SYNONYM_PREFIX + canonical), weight * this.synonymWeight);
      }
    }
    return infos;
  }

  analyze(title: string, description: string): AnalyzedText {
    this.analyses++;
    this.stampRun = (this.stampRun + 1) >>> 0 || 1;
    this.touched.length = 0;
    this.ngramScratch.length = 0;
    const titleInfos = this.addPart(title, this.titleWeight, true);
    const descriptionInfos = this.addPart(description, 1, false);
    const termIds = sortedInts(this.touched, new Int32Array(this.touched.length));
    const termFrequencies = new Float64Array(termIds.length);
    for (let i = 0; i < termIds.length; i++) {
      termFrequencies[i] = this.tfScratch[termIds[i]];
      this.tfScratch[termIds[i]] = 0;
    }
    const titleStems = new Set<string>();
    for (const info of titleInfos) for (const stem of info.content.stems) titleStems.add(stem);
    const descriptionStemHashes: number[] = [];
    for (const info of descriptionInfos) for (const h of info.content.hashes) descriptionStemHashes.push(h);
    return {
      termIds,
      termFrequencies,
      ngrams: sortedInts(this.ngramScratch, new Uint16Array(this.ngramScratch.length)),
      levels: languageLevels(`${title} ${description}`),
      titleStems: [...titleStems].sort(),
      descriptionStemHashes,
    };
  }

  /** The term strings of an analysed text (for explanations and tests). */
  termsOf(analyzed: AnalyzedText): string[] {
    return Array.from(analyzed.termIds, (id) => this.terms[id]);
  }
}

/* ------------------------------------------------------------------ corpus model */

export interface TextModelOptions extends AnalyzerOptions {
  /** Weight of the word cosine; 1 − wordWeight goes to the n-gram cosine. */
  wordWeight?: number;
}

export interface TextDocument {
  id: number;
  title: string;
  description: string;
}

/** 1 + ln(tf) for tf = 0..255 (tf is stored in a byte). */
const LOG_TF = Float64Array.from({ length: 256 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

function grownInt32(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}
function grownUint32(a: Uint32Array<ArrayBuffer>, min: number): Uint32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Uint32Array(Math.max(min, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}
function grownUint16(a: Uint16Array<ArrayBuffer>, min: number): Uint16Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Uint16Array(Math.max(min, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}
function grownUint8(a: Uint8Array<ArrayBuffer>, min: number): Uint8Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Uint8Array(Math.max(min, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}
function grownFloat64(a: Float64Array<ArrayBuffer>, min: number): Float64Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Float64Array(Math.max(min, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

/**
 * The corpus: document frequencies of words and n-gram buckets, and every document's sparse vectors in pooled typed
 * arrays (sorted term ids with byte term frequencies; sorted n-gram buckets). Adding or removing a document
 * updates the frequencies in place; the IDF table and vector norms are recomputed lazily when next needed, so a
 * similarity always reflects the current corpus.
 *
 * IDF is ln(1 + N / df). A word in every description ("Beratung", "Migranten") gets ln 2 ≈ 0.7, a word in one of
 * a thousand gets ≈ 6.9, so shared boilerplate barely moves the cosine.
 */
export class TextModel {
  readonly analyzer: TextAnalyzer;
  readonly wordWeight: number;

  private df = new Int32Array(1024);
  private readonly ngramDf = new Int32Array(NGRAM_BUCKETS);
  private liveDocs = 0;
  /**
   * Set by {@link adoptCorpus}: the model holds one part of a larger corpus, and document frequencies and N are
   * those of the whole corpus.
   */
  private corpusDocs: number | null = null;

  private readonly docOfId = new Map<number, number>();
  private docCount = 0;
  private docAlive = new Uint8Array(1024);
  private wordStart = new Int32Array(1024);
  private wordEnd = new Int32Array(1024);
  private ngramStart = new Int32Array(1024);
  private ngramEnd = new Int32Array(1024);
  private docLevels = new Uint8Array(1024);
  private wordPool = new Int32Array(16384);
  private tfPool = new Uint8Array(16384);
  private wordPoolLength = 0;
  private ngramPool = new Uint16Array(65536);
  private ngramPoolLength = 0;

  /** Bumped on every change of the corpus; caches carry the version they were computed for. */
  private version = 0;
  private idf = new Float64Array(1024);
  private readonly ngramIdf = new Float64Array(NGRAM_BUCKETS);
  private idfAt = new Int32Array(1024).fill(-1);
  private readonly ngramIdfAt = new Int32Array(NGRAM_BUCKETS).fill(-1);
  private normVersion = new Int32Array(1024).fill(-1);
  private wordNorm = new Float64Array(1024);
  private ngramNorm = new Float64Array(1024);
  /** Row-wise comparison (see {@link beginRow}): the row's dense weights and the weights they were made with. */
  private rowDoc = -1;
  private rowWord = new Float64Array(1024);
  private readonly rowGram = new Float64Array(NGRAM_BUCKETS);
  private readonly rowGramSquare = new Float64Array(NGRAM_BUCKETS);
  private rowWeightsAt = -1;

  constructor(options: TextModelOptions = {}) {
    this.analyzer = new TextAnalyzer(options);
    this.wordWeight = options.wordWeight ?? 0.6;
  }

  /** Number of documents in the corpus. */
  get size(): number {
    return this.liveDocs;
  }

  has(id: number): boolean {
    return this.docOfId.has(id);
  }

  /** Internal document number of a measure id, −1 when absent. */
  docOf(id: number): number {
    return this.docOfId.get(id) ?? -1;
  }

  /** Adds (or replaces) the text of a measure; returns its document number. */
  add(doc: TextDocument): number {
    return this.addAnalyzed(doc.id, this.analyzer.analyze(doc.title, doc.description));
  }

  /** Adds (or replaces) a measure's text analysed by this model's {@link analyzer}; returns its document number. */
  addAnalyzed(id: number, analyzed: AnalyzedText): number {
    if (this.docOfId.has(id)) this.remove(id);
    const d = this.docCount++;
    this.ensureDocCapacity(d + 1);

    const { termIds, termFrequencies, ngrams } = analyzed;
    this.df = grownInt32(this.df, this.analyzer.terms.length);
    this.wordPool = grownInt32(this.wordPool, this.wordPoolLength + termIds.length);
    this.tfPool = grownUint8(this.tfPool, this.wordPoolLength + termIds.length);
    this.wordStart[d] = this.wordPoolLength;
    for (let i = 0; i < termIds.length; i++) {
      this.wordPool[this.wordPoolLength] = termIds[i];
      this.tfPool[this.wordPoolLength] = Math.min(255, Math.max(1, Math.round(termFrequencies[i])));
      this.wordPoolLength++;
      this.df[termIds[i]]++;
    }
    this.wordEnd[d] = this.wordPoolLength;

    this.ngramPool = grownUint16(this.ngramPool, this.ngramPoolLength + ngrams.length);
    this.ngramStart[d] = this.ngramPoolLength;
    this.ngramPool.set(ngrams, this.ngramPoolLength);
    this.ngramPoolLength += ngrams.length;
    for (let i = 0; i < ngrams.length; i++) this.ngramDf[ngrams[i]]++;
    this.ngramEnd[d] = this.ngramPoolLength;

    this.docLevels[d] = analyzed.levels;
    this.docAlive[d] = 1;
    this.docOfId.set(id, d);
    this.liveDocs++;
    this.version++;
    return d;
  }

  /** Grows the pooled vectors for about `documents` documents like those added so far (plus a tenth). */
  reserve(documents: number): void {
    if (this.docCount === 0) return;
    const perDoc = (used: number) => Math.ceil(((used / this.docCount) * documents * 11) / 10);
    this.wordPool = grownInt32(this.wordPool, perDoc(this.wordPoolLength));
    this.tfPool = grownUint8(this.tfPool, perDoc(this.wordPoolLength));
    this.ngramPool = grownUint16(this.ngramPool, perDoc(this.ngramPoolLength));
    this.ensureDocCapacity(documents);
  }

  /**
   * Releases most spare capacity of the pooled arrays after loading a corpus, keeping an eighth as headroom so the
   * next edits do not copy the pools at once.
   */
  trim(): void {
    const keep = (used: number) => used + (used >> 3) + 1024;
    const trimmed = <T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(pool: T, used: number, make: (n: number) => T): T => {
      if (pool.length <= keep(used)) return pool;
      const next = make(keep(used));
      next.set(pool.subarray(0, used));
      return next;
    };
    this.wordPool = trimmed(this.wordPool, this.wordPoolLength, (n) => new Int32Array(n));
    this.tfPool = trimmed(this.tfPool, this.wordPoolLength, (n) => new Uint8Array(n));
    this.ngramPool = trimmed(this.ngramPool, this.ngramPoolLength, (n) => new Uint16Array(n));
  }

  /** Word document frequencies by term id (a copy), and n-gram document frequencies by bucket. */
  corpusStatistics(): { documents: number; df: Int32Array; ngramDf: Int32Array } {
    return { documents: this.liveDocs, df: this.df.slice(0, this.analyzer.terms.length), ngramDf: this.ngramDf.slice() };
  }

  /**
   * Makes this model one part of a larger corpus (a partitioned run, see parallel.ts): term ids are renumbered by
   * `globalIdOf` (old id → id in `terms`), each document's term list re-sorted by the new ids, and IDF comes from
   * the whole corpus's frequencies and document count. Similarities are then exactly those of one model of the
   * whole corpus. The model must not change afterwards.
   */
  adoptCorpus(corpus: { terms: readonly string[]; globalIdOf: Int32Array; df: Int32Array; ngramDf: Int32Array; documents: number }): void {
    const { globalIdOf } = corpus;
    for (let i = 0; i < this.wordPoolLength; i++) this.wordPool[i] = globalIdOf[this.wordPool[i]];
    for (let d = 0; d < this.docCount; d++) {
      // Insertion sort of the (term, tf) pairs: a document has a few dozen terms, mostly in order already.
      const start = this.wordStart[d];
      for (let i = start + 1; i < this.wordEnd[d]; i++) {
        const t = this.wordPool[i];
        const tf = this.tfPool[i];
        let j = i - 1;
        while (j >= start && this.wordPool[j] > t) {
          this.wordPool[j + 1] = this.wordPool[j];
          this.tfPool[j + 1] = this.tfPool[j];
          j--;
        }
        this.wordPool[j + 1] = t;
        this.tfPool[j + 1] = tf;
      }
    }
    this.analyzer.replaceVocabulary(corpus.terms);
    this.df = grownInt32(new Int32Array(corpus.df), this.analyzer.terms.length);
    this.ngramDf.set(corpus.ngramDf);
    this.corpusDocs = corpus.documents;
    this.version++;
  }

  /** Removes a measure's text from the corpus (its pooled vectors stay until the owner rebuilds the model). */
  remove(id: number): boolean {
    const d = this.docOfId.get(id);
    if (d === undefined) return false;
    for (let i = this.wordStart[d]; i < this.wordEnd[d]; i++) this.df[this.wordPool[i]]--;
    for (let i = this.ngramStart[d]; i < this.ngramEnd[d]; i++) this.ngramDf[this.ngramPool[i]]--;
    this.docAlive[d] = 0;
    this.docOfId.delete(id);
    this.liveDocs--;
    this.version++;
    return true;
  }

  private ensureDocCapacity(n: number): void {
    if (this.docAlive.length >= n) return;
    const cap = Math.max(n, this.docAlive.length * 2);
    this.docAlive = grownUint8(this.docAlive, cap);
    this.docLevels = grownUint8(this.docLevels, cap);
    this.wordStart = grownInt32(this.wordStart, cap);
    this.wordEnd = grownInt32(this.wordEnd, cap);
    this.ngramStart = grownInt32(this.ngramStart, cap);
    this.ngramEnd = grownInt32(this.ngramEnd, cap);
    const oldLength = this.normVersion.length;
    this.normVersion = grownInt32(this.normVersion, cap);
    this.normVersion.fill(-1, oldLength);
    this.wordNorm = grownFloat64(this.wordNorm, cap);
    this.ngramNorm = grownFloat64(this.ngramNorm, cap);
  }

  /** Sizes the IDF caches to the vocabulary; the values themselves are computed lazily per term and version. */
  private ensureIdf(): void {
    const vocabulary = this.analyzer.terms.length;
    if (this.idf.length >= vocabulary && this.df.length >= vocabulary) return;
    this.df = grownInt32(this.df, vocabulary);
    this.idf = grownFloat64(this.idf, vocabulary);
    const old = this.idfAt.length;
    this.idfAt = grownInt32(this.idfAt, vocabulary);
    this.idfAt.fill(-1, old);
  }

  /** ln(1 + N / df) of a word term in the current corpus, cached until the corpus changes. */
  private wordIdf(t: number): number {
    if (this.idfAt[t] !== this.version) {
      this.idf[t] = this.df[t] > 0 ? Math.log(1 + (this.corpusDocs ?? this.liveDocs) / this.df[t]) : 0;
      this.idfAt[t] = this.version;
    }
    return this.idf[t];
  }

  private gramIdf(g: number): number {
    if (this.ngramIdfAt[g] !== this.version) {
      this.ngramIdf[g] = this.ngramDf[g] > 0 ? Math.log(1 + (this.corpusDocs ?? this.liveDocs) / this.ngramDf[g]) : 0;
      this.ngramIdfAt[g] = this.version;
    }
    return this.ngramIdf[g];
  }

  private ensureNorms(d: number): void {
    if (this.normVersion[d] === this.version) return;
    if (this.rowWeightsAt === this.version) {
      this.normsFromRowWeights(d);
      return;
    }
    let w = 0;
    for (let i = this.wordStart[d]; i < this.wordEnd[d]; i++) {
      const x = LOG_TF[this.tfPool[i]] * this.wordIdf(this.wordPool[i]);
      w += x * x;
    }
    let g = 0;
    for (let i = this.ngramStart[d]; i < this.ngramEnd[d]; i++) {
      const x = this.gramIdf(this.ngramPool[i]);
      g += x * x;
    }
    this.wordNorm[d] = Math.sqrt(w);
    this.ngramNorm[d] = Math.sqrt(g);
    this.normVersion[d] = this.version;
  }

  /** {@link ensureNorms} with every weight at hand (same arithmetic). */
  private normsFromRowWeights(d: number): void {
    const idf = this.idf;
    let w = 0;
    for (let i = this.wordStart[d], e = this.wordEnd[d]; i < e; i++) {
      const x = LOG_TF[this.tfPool[i]] * idf[this.wordPool[i]];
      w += x * x;
    }
    const square = this.rowGramSquare;
    let g = 0;
    for (let i = this.ngramStart[d], e = this.ngramEnd[d]; i < e; i++) g += square[this.ngramPool[i]];
    this.wordNorm[d] = Math.sqrt(w);
    this.ngramNorm[d] = Math.sqrt(g);
    this.normVersion[d] = this.version;
  }

  /**
   * Loads document `a` as the row of a row-wise comparison: its word and n-gram weights are scattered into dense
   * arrays, so each {@link similarityToRow} reads only the other document's entries instead of merging two sorted
   * lists. The arithmetic is the same as {@link similarityOfDocs}(a, b), term by term in the same order (terms
   * missing from `a` add exactly 0), so both give bit-identical results. Call {@link endRow} before the next row;
   * the corpus must not change in between.
   */
  beginRow(a: number): void {
    this.ensureIdf();
    this.ensureNorms(a);
    if (this.rowWord.length < this.idf.length) this.rowWord = new Float64Array(this.idf.length);
    if (this.rowWeightsAt !== this.version) this.refreshRowWeights();
    for (let i = this.wordStart[a]; i < this.wordEnd[a]; i++) this.rowWord[this.wordPool[i]] = LOG_TF[this.tfPool[i]];
    for (let i = this.ngramStart[a]; i < this.ngramEnd[a]; i++) this.rowGram[this.ngramPool[i]] = 1;
    this.rowDoc = a;
  }

  /** Clears the row loaded by {@link beginRow}. */
  endRow(): void {
    const a = this.rowDoc;
    if (a < 0) return;
    for (let i = this.wordStart[a]; i < this.wordEnd[a]; i++) this.rowWord[this.wordPool[i]] = 0;
    for (let i = this.ngramStart[a]; i < this.ngramEnd[a]; i++) this.rowGram[this.ngramPool[i]] = 0;
    this.rowDoc = -1;
  }

  /** Every word and n-gram weight of the current corpus version, for the row-wise comparison. */
  private refreshRowWeights(): void {
    const vocabulary = this.analyzer.terms.length;
    for (let t = 0; t < vocabulary; t++) this.wordIdf(t);
    for (let g = 0; g < NGRAM_BUCKETS; g++) {
      const w = this.gramIdf(g);
      this.rowGramSquare[g] = w * w;
    }
    this.rowWeightsAt = this.version;
  }

  /** {@link similarityOfDocs}(row, b) for the row loaded by {@link beginRow}. */
  similarityToRow(b: number): number {
    const a = this.rowDoc;
    this.ensureNorms(b);
    let sim = this.wordWeight * this.rowWordCosine(a, b) + (1 - this.wordWeight) * this.rowGramCosine(a, b);
    const la = this.docLevels[a];
    const lb = this.docLevels[b];
    if (la && lb && (la & lb) === 0) sim *= LEVEL_MISMATCH_FACTOR;
    return sim > 1 ? 1 : sim;
  }

  private rowWordCosine(a: number, b: number): number {
    const na = this.wordNorm[a];
    const nb = this.wordNorm[b];
    if (na === 0 || nb === 0) return 0;
    const row = this.rowWord;
    const idf = this.idf;
    const pool = this.wordPool;
    const tf = this.tfPool;
    let dot = 0;
    for (let j = this.wordStart[b], je = this.wordEnd[b]; j < je; j++) {
      const t = pool[j];
      const w = idf[t];
      dot += row[t] * LOG_TF[tf[j]] * w * w;
    }
    return dot / (na * nb);
  }

  private rowGramCosine(a: number, b: number): number {
    const na = this.ngramNorm[a];
    const nb = this.ngramNorm[b];
    if (na === 0 || nb === 0) return 0;
    const row = this.rowGram;
    const square = this.rowGramSquare;
    const pool = this.ngramPool;
    let dot = 0;
    for (let j = this.ngramStart[b], je = this.ngramEnd[b]; j < je; j++) {
      const g = pool[j];
      dot += row[g] * square[g];
    }
    return dot / (na * nb);
  }

  /** Similarity 0..1 of two measures in the corpus (by measure id). */
  similarity(aId: number, bId: number): number {
    const a = this.docOf(aId);
    const b = this.docOf(bId);
    if (a < 0 || b < 0) throw new Error(`measure ${a < 0 ? aId : bId} is not in the text model`);
    return this.similarityOfDocs(a, b);
  }

  /** The word and n-gram cosines separately (for tests and tuning). */
  similarityParts(aId: number, bId: number): { words: number; ngrams: number } {
    const a = this.docOf(aId);
    const b = this.docOf(bId);
    if (a < 0 || b < 0) throw new Error("measure not in the text model");
    return { words: this.wordCosine(a, b), ngrams: this.ngramCosine(a, b) };
  }

  /**
   * Similarity 0..1 of two document numbers: wordWeight × word cosine + (1 − wordWeight) × n-gram cosine, halved
   * when both name language levels and share none.
   */
  similarityOfDocs(a: number, b: number): number {
    let sim = this.wordWeight * this.wordCosine(a, b) + (1 - this.wordWeight) * this.ngramCosine(a, b);
    const la = this.docLevels[a];
    const lb = this.docLevels[b];
    if (la && lb && (la & lb) === 0) sim *= LEVEL_MISMATCH_FACTOR;
    return sim > 1 ? 1 : sim;
  }

  private wordCosine(a: number, b: number): number {
    this.ensureIdf();
    this.ensureNorms(a);
    this.ensureNorms(b);
    const na = this.wordNorm[a];
    const nb = this.wordNorm[b];
    if (na === 0 || nb === 0) return 0;
    let i = this.wordStart[a];
    let j = this.wordStart[b];
    const iEnd = this.wordEnd[a];
    const jEnd = this.wordEnd[b];
    let dot = 0;
    while (i < iEnd && j < jEnd) {
      const ta = this.wordPool[i];
      const tb = this.wordPool[j];
      if (ta === tb) {
        const w = this.wordIdf(ta);
        dot += LOG_TF[this.tfPool[i]] * LOG_TF[this.tfPool[j]] * w * w;
        i++;
        j++;
      } else if (ta < tb) i++;
      else j++;
    }
    return dot / (na * nb);
  }

  private ngramCosine(a: number, b: number): number {
    this.ensureIdf();
    this.ensureNorms(a);
    this.ensureNorms(b);
    const na = this.ngramNorm[a];
    const nb = this.ngramNorm[b];
    if (na === 0 || nb === 0) return 0;
    let i = this.ngramStart[a];
    let j = this.ngramStart[b];
    const iEnd = this.ngramEnd[a];
    const jEnd = this.ngramEnd[b];
    let dot = 0;
    while (i < iEnd && j < jEnd) {
      const ga = this.ngramPool[i];
      const gb = this.ngramPool[j];
      if (ga === gb) {
        const w = this.gramIdf(ga);
        dot += w * w;
        i++;
        j++;
      } else if (ga < gb) i++;
      else j++;
    }
    return dot / (na * nb);
  }

  /** Document frequency of a term (a stem, or "~canonical" for a synonym group). */
  documentFrequency(term: string): number {
    const id = this.analyzer.termId(term);
    return id === undefined || id >= this.df.length ? 0 : this.df[id];
  }

  /** Inverse document frequency of a term in the current corpus (0 for unknown terms). */
  inverseDocumentFrequency(term: string): number {
    const id = this.analyzer.termId(term);
    if (id === undefined) return 0;
    this.ensureIdf();
    return this.wordIdf(id);
  }

  /** The terms of a measure's word vector (for explanations and tests). */
  termsOf(id: number): string[] {
    const d = this.docOf(id);
    if (d < 0) return [];
    const out: string[] = [];
    for (let i = this.wordStart[d]; i < this.wordEnd[d]; i++) out.push(this.analyzer.terms[this.wordPool[i]]);
    return out;
  }

  /**
   * Stable 32-bit hashes of a document's word terms, leaving out those flagged in `exclude` (by term id), for
   * MinHash. Hashes are of the term strings, so they do not depend on the order documents were added in.
   */
  featureHashes(d: number, exclude: Uint8Array | null, out: number[]): number[] {
    out.length = 0;
    for (let i = this.wordStart[d]; i < this.wordEnd[d]; i++) {
      const t = this.wordPool[i];
      if (exclude && t < exclude.length && exclude[t]) continue;
      out.push(this.analyzer.termHashes[t]);
    }
    return out;
  }

  /** Flags (by term id) the terms in more than `share` of the documents and in at least `minDf` of them. */
  frequentTerms(share: number, minDf: number): Uint8Array {
    const vocabulary = Math.min(this.analyzer.terms.length, this.df.length);
    const flags = new Uint8Array(vocabulary);
    const limit = Math.max(minDf, share * this.liveDocs);
    for (let t = 0; t < vocabulary; t++) if (this.df[t] >= minDf && this.df[t] > limit) flags[t] = 1;
    return flags;
  }
}

/** Builds the corpus model of a set of measures. */
export function buildTextModel(documents: Iterable<TextDocument>, options: TextModelOptions = {}): TextModel {
  const model = new TextModel(options);
  for (const doc of documents) model.add(doc);
  return model;
}
