import { graphql } from "../../gql";

/** One page of the catalogue: what the table shows and the facets need. */
export const measuresQuery = graphql(`
  query Measures($first: Int!, $after: String, $filter: MeasureFilter, $orderBy: MeasureOrder) {
    measures(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        status
        published
        archived
        countyWide
        ageMin
        ageMax
        startDate
        endDate
        lastConfirmedOn
        level
        version
        provider {
          id
          name
        }
        fieldsOfAction {
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
    }
  }
`);

/** Everything about one offering that anyone who may see it may read (anonymous visitors included). */
export const measureQuery = graphql(`
  query Measure($id: ID!) {
    measure(id: $id) {
      id
      version
      title
      description
      status
      published
      archived
      level
      countyWide
      ageMin
      ageMax
      startDate
      endDate
      schedule
      venue
      capacity
      cost
      costNote
      languages
      registrationUrl
      lastConfirmedOn
      updatedAt
      provider {
        id
        name
      }
      partners {
        id
        name
      }
      fieldsOfAction {
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
      funding {
        level
        source
      }
    }
  }
`);

/** Overlaps of one offering: only for logged-in users (the public may not see reviews). */
export const measureOverlapsQuery = graphql(`
  query MeasureOverlaps($id: ID!) {
    measure(id: $id) {
      id
      overlaps {
        id
        score
        kind
        status
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

export const createMeasureMutation = graphql(`
  mutation CreateMeasure($input: CreateMeasureInput!) {
    createMeasure(input: $input) {
      measure {
        id
        version
        title
      }
    }
  }
`);

export const updateMeasureMutation = graphql(`
  mutation UpdateMeasure($input: UpdateMeasureInput!) {
    updateMeasure(input: $input) {
      measure {
        id
        version
        title
        description
        status
        published
        level
        countyWide
        ageMin
        ageMax
        startDate
        endDate
        schedule
        venue
        capacity
        cost
        registrationUrl
        lastConfirmedOn
        updatedAt
        fieldsOfAction {
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
    }
  }
`);

export const archiveMeasureMutation = graphql(`
  mutation ArchiveMeasure($input: ArchiveInput!) {
    archiveMeasure(input: $input) {
      measure {
        id
        version
        archived
      }
    }
  }
`);

export const confirmMeasureMutation = graphql(`
  mutation ConfirmMeasure($input: ConfirmMeasureInput!) {
    confirmMeasure(input: $input) {
      measure {
        id
        version
        lastConfirmedOn
      }
    }
  }
`);
