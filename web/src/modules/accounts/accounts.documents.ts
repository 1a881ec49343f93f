import { graphql } from "../../gql";

/** Every account (commissioner only). */
export const accountsQuery = graphql(`
  query Accounts {
    accounts {
      id
      version
      email
      role
      disabled
      totpEnabled
      lastLoginAt
      createdAt
      actor {
        id
        name
      }
    }
  }
`);

/** A single-use link that creates an account; it is shown once and never stored readable. */
export const createInvitationMutation = graphql(`
  mutation CreateInvitation($input: CreateInvitationInput!) {
    createInvitation(input: $input) {
      url
      expiresAt
    }
  }
`);

export const createPasswordResetMutation = graphql(`
  mutation CreatePasswordReset($input: CreatePasswordResetInput!) {
    createPasswordReset(input: $input) {
      url
      expiresAt
    }
  }
`);

export const setAccountDisabledMutation = graphql(`
  mutation SetAccountDisabled($input: SetAccountDisabledInput!) {
    setAccountDisabled(input: $input) {
      id
      version
      disabled
    }
  }
`);
