import { graphql } from "../../gql";

/** Wer ist zuständig? Public: nothing about the person is stored but a miss count. */
export const whoHandlesQuery = graphql(`
  query WhoHandles($profile: ReferralProfileInput!) {
    whoHandles(profile: $profile) {
      ambiguous
      miss
      handlers {
        id
        priority
        ageMin
        ageMax
        countyWide
        note
        languages
        actor {
          id
          name
          email
          phone
          website
          address
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
      }
      measures {
        id
        title
        schedule
        venue
        registrationUrl
        ageMin
        ageMax
        provider {
          id
          name
        }
      }
    }
  }
`);
