/**
 * Example queries for analysts, each answering a question the commissioner's office actually asks.
 * Plain strings (not client documents: codegen must not pick them up); tests/web validates them
 * against schema.graphql so none of them greets an analyst with an error.
 */
export type Example = { id: string; titleKey: string; query: string };

export const analystExamples: Example[] = [
  {
    id: "angebote-je-gemeinde",
    titleKey: "analyst:examples.stale",
    query: `# Angebote, die seit über einem halben Jahr nicht bestätigt wurden
query VeralteteAngebote($vor: LocalDate = "2026-05-01") {
  measures(first: 100, filter: { confirmedBefore: $vor, statuses: [ACTIVE] }) {
    totalCount
    nodes {
      title
      lastConfirmedOn
      provider { name email }
    }
  }
}
`,
  },
  {
    id: "luecken",
    titleKey: "analyst:examples.gaps",
    query: `# Versorgungslücken: Handlungsfeld × Gemeinde, nach Einwohnerzahl gewichtet
query Luecken {
  gaps(rows: FIELD_OF_ACTION, columns: MUNICIPALITY) {
    totalCount
    weighted
    gaps { rowLabel colLabel weight }
  }
}
`,
  },
  {
    id: "ueberschneidungen",
    titleKey: "analyst:examples.overlaps",
    query: `# Offene Doppelstrukturen mit mindestens 70 % Ähnlichkeit
query OffeneUeberschneidungen {
  overlaps(first: 100, filter: { statuses: [OPEN], kinds: [CROSS_ACTOR], minScore: 0.7 }) {
    totalCount
    nodes {
      score
      explanation
      measureA { title provider { name } }
      measureB { title provider { name } }
    }
  }
}
`,
  },
  {
    id: "vermittler",
    titleKey: "analyst:examples.brokers",
    query: `# Akteure im Netzwerk: Verbindungen, Vermittlerrolle und Cluster
query Netzwerkkennzahlen {
  networkGraph(filter: { betweenness: true }) {
    communityCount
    modularity
    nodes { name kind degree betweenness community measureCount }
  }
}
`,
  },
  {
    id: "zustaendigkeiten",
    titleKey: "analyst:examples.handlers",
    query: `# Zuständigkeiten für Soziale Beratung nach Alter
query Zustaendigkeiten {
  handlers(first: 100, orderBy: { field: AGE_MIN, direction: ASC }) {
    totalCount
    nodes {
      ageMin
      ageMax
      countyWide
      priority
      fieldOfAction { nameDe }
      actor { name }
      municipalities { name }
    }
  }
}
`,
  },
];
