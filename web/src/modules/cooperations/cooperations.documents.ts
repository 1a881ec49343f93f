import { graphql } from "../../gql";

export const cooperationsQuery = graphql(`
  query Cooperations($first: Int!, $after: String, $filter: CooperationFilter, $orderBy: CooperationOrder) {
    cooperations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        archived
        kind
        since
        until
        note
        actorA {
          id
          name
        }
        actorB {
          id
          name
        }
      }
    }
  }
`);

export const cooperationQuery = graphql(`
  query Cooperation($id: ID!) {
    cooperation(id: $id) {
      id
      version
      archived
      kind
      since
      until
      note
      actorA {
        id
        name
      }
      actorB {
        id
        name
      }
    }
  }
`);

export const createCooperationMutation = graphql(`
  mutation CreateCooperation($input: CreateCooperationInput!) {
    createCooperation(input: $input) {
      cooperation {
        id
        version
      }
    }
  }
`);

export const updateCooperationMutation = graphql(`
  mutation UpdateCooperation($input: UpdateCooperationInput!) {
    updateCooperation(input: $input) {
      cooperation {
        id
        version
        kind
        since
        until
        note
      }
    }
  }
`);

export const archiveCooperationMutation = graphql(`
  mutation ArchiveCooperation($input: ArchiveInput!) {
    archiveCooperation(input: $input) {
      cooperation {
        id
        version
        archived
      }
    }
  }
`);
