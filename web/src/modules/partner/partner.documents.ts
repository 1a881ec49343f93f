import { graphql } from "../../gql";

/** The partner's own offerings, archived ones included, stalest first. */
export const myMeasuresQuery = graphql(`
  query MyMeasures($actorId: ID!, $after: String) {
    measures(first: 100, after: $after, filter: { actorIds: [$actorId], archived: null }, orderBy: { field: LAST_CONFIRMED, direction: ASC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        title
        status
        published
        archived
        lastConfirmedOn
        provider {
          id
        }
      }
    }
  }
`);

export const myOverlapsQuery = graphql(`
  query MyOverlaps($actorId: ID!) {
    overlaps(first: 50, filter: { actorIds: [$actorId], detected: true }) {
      totalCount
      nodes {
        id
        score
        status
        kind
        explanation
        measureA {
          id
          title
          provider {
            id
            name
          }
        }
        measureB {
          id
          title
          provider {
            id
            name
          }
        }
      }
    }
  }
`);
