import { DemoHandler } from "../demo-network.types";
import { AREA_EAST, AREA_WEST } from "./util";

/**
 * Zuständigkeiten (who handles which individual case). The county's rule for "Migrationsberatung / individuelle
 * Begleitung" (SOCIAL_COUNSELLING): Jugendmigrationsdienste handle 12–27, the MBE providers handle 28+, each split
 * by area (DESIGN.md, seed 001).
 */
export function demoHandlers(): DemoHandler[] {
  // DELIBERATE: responsibility conflict – mbe-diakonie and mbe-drk both claim ages 28–99 in "Rheinfelden (Baden)" and
  // "Schwörstadt" for ALL_MIGRANTS with the same priority 1 (the area agreement between them ran out end of 2024).
  const mbeDiakonieArea = AREA_EAST.filter((m) => m !== "Grenzach-Wyhlen"); // includes Rheinfelden (Baden), Schwörstadt
  const mbeDrkArea = ["Rheinfelden (Baden)", "Grenzach-Wyhlen", "Schwörstadt"];

  const towns: [string, string][] = [
    ["stadt-loerrach", "Lörrach"],
    ["stadt-weil", "Weil am Rhein"],
    ["stadt-rheinfelden", "Rheinfelden (Baden)"],
    ["stadt-schopfheim", "Schopfheim"],
    ["gemeinde-grenzach", "Grenzach-Wyhlen"],
    ["gemeinde-steinen", "Steinen"],
    ["stadt-kandern", "Kandern"],
    ["stadt-zell", "Zell im Wiesental"],
    ["stadt-todtnau", "Todtnau"],
    ["gemeinde-efringen", "Efringen-Kirchen"],
  ];

  return [
    // ---- SOCIAL_COUNSELLING: Migrationsberatung / individuelle Begleitung
    // DELIBERATE: handler gap – nobody handles children aged 0–11 (JMD starts at 12, MBE at 28).
    {
      actor: "jmd-loerrach-weil",
      field: "SOCIAL_COUNSELLING",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: 12,
      ageMax: 27,
      countyWide: false,
      municipalities: [...AREA_WEST],
      languages: ["de", "en", "ar", "fa", "ru"],
      priority: 1,
      note: "Jugendmigrationsdienst A: Lörrach, Weil am Rhein, vorderes Kandertal und Markgräflerland",
    },
    {
      actor: "jmd-rheinfelden-wiesental",
      field: "SOCIAL_COUNSELLING",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: 12,
      ageMax: 27,
      countyWide: false,
      municipalities: [...AREA_EAST],
      languages: ["de", "en", "ar", "ti", "uk"],
      priority: 1,
      note: "Jugendmigrationsdienst B: Rheinfelden, Grenzach-Wyhlen, Schwörstadt, Schopfheim und Wiesental",
    },
    {
      actor: "mbe-caritas",
      field: "SOCIAL_COUNSELLING",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: 28,
      ageMax: 99,
      countyWide: false,
      municipalities: [...AREA_WEST],
      languages: ["de", "en", "fr", "ar", "tr"],
      priority: 1,
      note: "MBE für Lörrach, Weil am Rhein, Kandertal und Markgräflerland",
    },
    {
      actor: "mbe-diakonie",
      field: "SOCIAL_COUNSELLING",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: 28,
      ageMax: 99,
      countyWide: false,
      municipalities: mbeDiakonieArea,
      languages: ["de", "en", "ru", "fa"],
      priority: 1,
      note: "MBE für Schopfheim und Wiesental; seit 2025 auch Außensprechstunde Rheinfelden",
    },
    {
      actor: "mbe-drk",
      field: "SOCIAL_COUNSELLING",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: 28,
      ageMax: 99,
      countyWide: false,
      municipalities: mbeDrkArea,
      languages: ["de", "ar", "ti", "en"],
      priority: 1,
      note: "MBE für Rheinfelden, Grenzach-Wyhlen und Schwörstadt",
    },
    {
      actor: "stadt-loerrach",
      field: "SOCIAL_COUNSELLING",
      targetGroups: ["RECOGNISED_REFUGEES", "TOLERATED"],
      ageMin: 18,
      ageMax: 99,
      countyWide: false,
      municipalities: ["Lörrach"],
      languages: ["de", "ar", "uk", "en"],
      priority: 2,
      note: "Integrationsmanagement für Geflüchtete in der Anschlussunterbringung (nach Erstkontakt bei JMD/MBE)",
    },

    // ---- RETURN_COUNSELLING
    {
      actor: "rueckkehr",
      field: "RETURN_COUNSELLING",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: null,
      ageMax: null,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "fr", "ar", "ru", "ku"],
      priority: 1,
      note: "Unabhängige Rückkehr- und Perspektivberatung für den ganzen Landkreis",
    },

    // ---- RECOGNITION
    {
      actor: "iq-anerkennung",
      field: "RECOGNITION",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: 16,
      ageMax: null,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "fr", "ru", "ar"],
      priority: 1,
      note: "Erstberatung zur Anerkennung ausländischer Abschlüsse",
    },

    // ---- HOUSING: asylum seekers by the county (vorläufige Unterbringung), everyone else by the municipality
    // (Anschlussunterbringung).
    // DELIBERATE: handler gap – for RECOGNISED_REFUGEES/TOLERATED only the ten municipalities listed in `towns` have a
    // HOUSING handler; the other 25 (e.g. Maulburg, Schwörstadt, Binzen) have none.
    {
      actor: "lra-unterbringung",
      field: "HOUSING",
      targetGroups: ["ASYLUM_SEEKERS"],
      ageMin: null,
      ageMax: null,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "ar", "fa"],
      priority: 1,
      note: "Vorläufige Unterbringung in Gemeinschaftsunterkünften",
    },
    ...towns.map(
      ([actor, place]): DemoHandler => ({
        actor,
        field: "HOUSING",
        targetGroups: ["RECOGNISED_REFUGEES", "TOLERATED"],
        ageMin: null,
        ageMax: null,
        countyWide: false,
        municipalities: [place],
        languages: ["de"],
        priority: 1,
        note: `Anschlussunterbringung in ${place}`,
      }),
    ),

    // ---- EMPLOYMENT
    {
      actor: "jobcenter",
      field: "EMPLOYMENT",
      targetGroups: ["RECOGNISED_REFUGEES"],
      ageMin: 15,
      ageMax: 67,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "uk", "ru", "ar"],
      priority: 1,
      note: "Anerkannte Geflüchtete und Schutzsuchende aus der Ukraine im Leistungsbezug SGB II",
    },
    {
      actor: "agentur-arbeit",
      field: "EMPLOYMENT",
      targetGroups: ["ASYLUM_SEEKERS", "TOLERATED", "EU_CITIZENS", "THIRD_COUNTRY_NATIONALS", "LATE_REPATRIATES"],
      ageMin: 15,
      ageMax: 67,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "fr"],
      priority: 1,
      note: "Arbeits- und Ausbildungsvermittlung außerhalb des SGB II",
    },
    {
      actor: "welcome-center",
      field: "EMPLOYMENT",
      targetGroups: ["THIRD_COUNTRY_NATIONALS", "EU_CITIZENS"],
      ageMin: 18,
      ageMax: 67,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "fr", "es"],
      priority: 2,
      note: "Begleitung internationaler Fachkräfte und ihrer Familien",
    },

    // ---- HEALTH
    {
      actor: "lra-gesundheitsamt",
      field: "HEALTH",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: null,
      ageMax: null,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "fr"],
      priority: 1,
      note: "Gesundheitsberatung, Impfungen, Vermittlung in die Regelversorgung",
    },
    {
      actor: "psz",
      field: "HEALTH",
      targetGroups: ["ASYLUM_SEEKERS", "RECOGNISED_REFUGEES", "TOLERATED"],
      ageMin: 16,
      ageMax: null,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "ar", "fa", "ku", "ti"],
      priority: 2,
      note: "Psychosoziale Versorgung traumatisierter Geflüchteter",
    },

    // ---- ANTIDISCRIMINATION
    // DELIBERATE: handler gap – personal anti-discrimination counselling is only available for Lörrach.
    {
      actor: "adb",
      field: "ANTIDISCRIMINATION",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: null,
      ageMax: null,
      countyWide: false,
      municipalities: ["Lörrach"],
      languages: ["de", "en", "fr", "tr"],
      priority: 1,
      note: "Persönliche Beratung nur in Lörrach",
    },

    // ---- FAMILY
    {
      actor: "lra-jugendamt",
      field: "FAMILY",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: null,
      ageMax: null,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en"],
      priority: 1,
      note: "Familien mit Kindern: Kinderschutz, Hilfen zur Erziehung, unbegleitete Minderjährige",
    },

    // ---- INTEGRATION_COURSES
    {
      actor: "lra-auslaenderbehoerde",
      field: "INTEGRATION_COURSES",
      targetGroups: ["THIRD_COUNTRY_NATIONALS", "RECOGNISED_REFUGEES", "ASYLUM_SEEKERS", "TOLERATED"],
      ageMin: 16,
      ageMax: null,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en", "fr"],
      priority: 1,
      note: "Berechtigung und Verpflichtung zur Teilnahme am Integrationskurs",
    },

    // ---- SCHOOL_EDUCATION
    {
      actor: "schulamt",
      field: "SCHOOL_EDUCATION",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: 6,
      ageMax: 15,
      countyWide: true,
      municipalities: [],
      languages: ["de"],
      priority: 1,
      note: "Schulplatz und Vorbereitungsklasse für schulpflichtige Seiteneinsteiger",
    },
    {
      actor: "berufsschulen",
      field: "SCHOOL_EDUCATION",
      targetGroups: ["ALL_MIGRANTS"],
      ageMin: 16,
      ageMax: 20,
      countyWide: true,
      municipalities: [],
      languages: ["de", "en"],
      priority: 1,
      note: "Aufnahme in VABO-Klassen bei Berufsschulpflicht",
    },
  ];
}
