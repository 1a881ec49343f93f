import { graphql } from "../../gql";

export const overlapsQuery = graphql(`
  query Overlaps($first: Int!, $after: String, $filter: OverlapFilter) {
    overlaps(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        score
        kind
        status
        open
        clusterKey
        explanation
        statusReason
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

export const overlapClustersQuery = graphql(`
  query OverlapClusters {
    overlapClusters {
      key
      minScore
      measures {
        id
        title
        provider {
          id
          name
        }
      }
      overlaps {
        id
        score
        status
      }
    }
  }
`);

/** One overlap with both offerings in full, for the side-by-side comparison. */
export const overlapQuery = graphql(`
  query Overlap($id: ID!) {
    overlap(id: $id) {
      id
      version
      score
      kind
      status
      open
      detected
      clusterKey
      explanation
      statusReason
      reviewNote
      reviewedAt
      reviewedBy
      dimensions {
        age
        area
        field
        targetGroup
        text
        time
      }
      shared {
        ageMin
        ageMax
        countyWide
        periodFrom
        periodTo
        text
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
      measureA {
        ...ComparedMeasure
      }
      measureB {
        ...ComparedMeasure
      }
    }
  }

  fragment ComparedMeasure on Measure {
    id
    title
    description
    status
    countyWide
    ageMin
    ageMax
    startDate
    endDate
    schedule
    venue
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
`);

export const reviewOverlapMutation = graphql(`
  mutation ReviewOverlap($input: ReviewOverlapInput!) {
    reviewOverlap(input: $input) {
      overlap {
        id
        version
        status
        open
        reviewNote
        reviewedAt
        reviewedBy
        statusReason
      }
    }
  }
`);
