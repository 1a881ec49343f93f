import { graphql } from "../../gql";

/** The editable taxonomies and the county's municipalities: the vocabulary of every filter and form. */
export const taxonomyQuery = graphql(`
  query Taxonomy {
    fieldsOfAction {
      id
      key
      nameDe
      nameEn
      sortOrder
      parent {
        id
      }
    }
    targetGroups {
      id
      key
      nameDe
      nameEn
      sortOrder
    }
    municipalities {
      id
      name
      kind
      population
    }
  }
`);
