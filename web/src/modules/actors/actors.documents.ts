import { graphql } from "../../gql";

export const actorsQuery = graphql(`
  query Actors($first: Int!, $after: String, $filter: ActorFilter, $orderBy: ActorOrder) {
    actors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        shortName
        kind
        level
        measureCount
        overlapCount
        municipality {
          id
          name
        }
      }
    }
  }
`);

/** Names for pickers (provider, partners, participants). */
export const actorOptionsQuery = graphql(`
  query ActorOptions($after: String) {
    actors(first: 100, after: $after, orderBy: { field: NAME, direction: ASC }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
      }
    }
  }
`);

export const actorQuery = graphql(`
  query Actor($id: ID!) {
    actor(id: $id) {
      id
      version
      name
      shortName
      kind
      level
      description
      email
      phone
      website
      address
      languages
      tags
      measureCount
      overlapCount
      updatedAt
      municipality {
        id
        name
      }
      contactPersons {
        id
        name
        role
        email
        phone
      }
      measures {
        id
        title
        status
        published
        lastConfirmedOn
      }
      partnerMeasures {
        id
        title
        provider {
          id
          name
        }
      }
      memberships {
        id
        role
        since
        until
        network {
          id
          name
        }
      }
      handlers {
        id
        priority
        ageMin
        ageMax
        countyWide
        fieldOfAction {
          id
          nameDe
          nameEn
        }
        targetGroups {
          id
          nameDe
          nameEn
        }
        municipalities {
          id
          name
        }
      }
      cooperations {
        id
        kind
        since
        until
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

export const updateActorMutation = graphql(`
  mutation UpdateActor($input: UpdateActorInput!) {
    updateActor(input: $input) {
      actor {
        id
        version
        name
        shortName
        description
        email
        phone
        website
        address
        languages
        updatedAt
        municipality {
          id
          name
        }
        contactPersons {
          id
          name
          role
          email
          phone
        }
      }
    }
  }
`);
