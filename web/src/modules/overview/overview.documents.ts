import { graphql } from "../../gql";

/** What anyone may count: published offerings (anonymous visitors see only those). */
export const publicOverviewQuery = graphql(`
  query PublicOverview {
    measures(first: 1, filter: { statuses: [ACTIVE, PLANNED] }) {
      totalCount
    }
  }
`);

/**
 * The network in numbers for logged-in users, in one round trip: `first: 1` keeps the counting
 * connections cheap; only their `totalCount` is read. The bodies come alphabetically.
 */
export const overviewQuery = graphql(`
  query Overview($networksFirst: Int!) {
    actors(first: 1) {
      totalCount
    }
    measures(first: 1) {
      totalCount
    }
    networks(first: $networksFirst, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      nodes {
        id
        name
        kind
        memberCount
      }
    }
  }
`);
