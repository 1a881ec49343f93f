import { graphql } from "../../gql";

/** One page of responsibilities: who handles which kind of case, for whom and where. */
export const handlersQuery = graphql(`
  query Handlers($first: Int!, $after: String, $filter: HandlerFilter, $orderBy: HandlerOrder) {
    handlers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        archived
        priority
        ageMin
        ageMax
        countyWide
        languages
        note
        actor {
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
    }
  }
`);

export const handlerQuery = graphql(`
  query Handler($id: ID!) {
    handler(id: $id) {
      id
      version
      archived
      priority
      ageMin
      ageMax
      countyWide
      languages
      note
      actor {
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
  }
`);

export const createHandlerMutation = graphql(`
  mutation CreateHandler($input: CreateHandlerInput!) {
    createHandler(input: $input) {
      handler {
        id
        version
      }
    }
  }
`);

export const updateHandlerMutation = graphql(`
  mutation UpdateHandler($input: UpdateHandlerInput!) {
    updateHandler(input: $input) {
      handler {
        id
        version
        archived
        priority
        ageMin
        ageMax
        countyWide
        languages
        note
        actor {
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
    }
  }
`);

export const archiveHandlerMutation = graphql(`
  mutation ArchiveHandler($input: ArchiveInput!) {
    archiveHandler(input: $input) {
      handler {
        id
        version
        archived
      }
    }
  }
`);
