import { graphql } from "../../gql";

/** Who is logged in; null for anonymous visitors. Drives the navigation and the route guards. */
export const meQuery = graphql(`
  query Me {
    me {
      id
      email
      role
      actor {
        id
        name
      }
    }
  }
`);

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      totpRequired
      account {
        id
        email
        role
        actor {
          id
          name
        }
      }
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout {
      loggedOut
    }
  }
`);

export const acceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      totpRequired
      account {
        id
        email
        role
        actor {
          id
          name
        }
      }
    }
  }
`);

/** Sets a new password with a reset link from the commissioner; ends every session of the account. */
export const resetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);
