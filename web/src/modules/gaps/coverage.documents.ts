import { graphql } from "../../gql";

/** Active measures over two dimensions, with the empty cells (gaps) heaviest first. */
export const coverageQuery = graphql(`
  query Coverage($rows: CoverageDimension!, $columns: CoverageDimension!, $filter: CoverageFilter) {
    coverage(rows: $rows, columns: $columns, filter: $filter) {
      measureCount
      referenceDate
      rowsDimension
      columnsDimension
      rows {
        key
        label
        labelEn
        population
      }
      columns {
        key
        label
        labelEn
        population
      }
      cells {
        row
        col
        measureCount
        capacity
        capacityUnknown
      }
    }
    gaps(rows: $rows, columns: $columns, filter: $filter) {
      totalCount
      weighted
      gaps {
        row
        rowLabel
        col
        colLabel
        weight
      }
    }
  }
`);

/** Responsibility conflicts and gaps, and the referral guide's unanswered questions. */
export const handlerFindingsQuery = graphql(`
  query HandlerFindings {
    handlerFindings {
      conflicts {
        sameActor
        ageMin
        ageMax
        priority
        allMunicipalities
        actors {
          id
          name
        }
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
      gaps {
        ageMin
        ageMax
        allMunicipalities
        population
        fieldOfAction {
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
    referralMisses {
      count
      lastAt
      fieldOfAction {
        id
        nameDe
        nameEn
      }
      municipality {
        id
        name
      }
    }
  }
`);
