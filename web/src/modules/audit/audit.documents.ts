import { graphql } from "../../gql";

export const auditLogQuery = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        at
        action
        entityType
        entityId
        accountEmail
        role
        changes {
          field
          before
          after
        }
      }
    }
  }
`);
