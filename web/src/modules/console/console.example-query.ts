/**
 * What an analyst sees in the first tab of the console: a working query, commented in German, that
 * shows the shape of the API (cursor connections, totalCount, nested relations). Plain strings on
 * purpose: these are not client documents, so codegen must not pick them up;
 * tests/web/console-example-query.test.ts validates them against schema.graphql instead.
 */
export const exampleQuery = `# Analysekonsole von Knotenpunkt
#
# Ausführen: Strg+Enter (Mac: Cmd+Enter) oder ▶
# Felder vorschlagen: Strg+Leertaste
# Schema: Dokumentation (Buch-Symbol links)
#
# Beispiel: die ersten 10 Akteure mit ihren
# Maßnahmen (Angeboten) und Gremien. Listen sind
# Connections: "first" (1–100) und "after"
# blättern, "totalCount" zählt alle Treffer.

query AkteureMitMassnahmenUndGremien($anzahl: Int = 10) {
  actors(first: $anzahl) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        name
        shortName
        kind
        measureCount
        measures {
          title
          status
        }
        memberships {
          role
          network {
            name
          }
        }
      }
    }
  }
}
`;

/** Content of every further tab the analyst opens. */
export const newTabQuery = `# Neue Abfrage – Strg+Leertaste schlägt Felder vor.
`;
