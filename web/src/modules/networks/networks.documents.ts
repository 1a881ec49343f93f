import { graphql } from "../../gql";

export const networksQuery = graphql(`
  query Networks($first: Int!, $after: String, $filter: NetworkFilter) {
    networks(first: $first, after: $after, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
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
        archived
        memberCount
        meetings {
          id
          date
        }
      }
    }
  }
`);

/** Everything the network page shows; mutations that change seats or meetings return it, so the page updates in place. */
export const networkDetailFragment = graphql(`
  fragment NetworkDetail on Network {
    id
    version
    name
    shortName
    kind
    description
    archived
    memberCount
    members {
      id
      version
      role
      since
      until
      actor {
        id
        name
      }
    }
    meetings {
      id
      version
      date
      title
      location
      minutes
      decisions
      participants {
        id
        name
      }
    }
  }
`);

export const networkQuery = graphql(`
  query Network($id: ID!) {
    network(id: $id) {
      ...NetworkDetail
    }
  }
`);

export const createNetworkMutation = graphql(`
  mutation CreateNetwork($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      network {
        ...NetworkDetail
      }
    }
  }
`);

export const updateNetworkMutation = graphql(`
  mutation UpdateNetwork($input: UpdateNetworkInput!) {
    updateNetwork(input: $input) {
      network {
        ...NetworkDetail
      }
    }
  }
`);

export const archiveNetworkMutation = graphql(`
  mutation ArchiveNetwork($input: ArchiveInput!) {
    archiveNetwork(input: $input) {
      network {
        id
        version
        archived
      }
    }
  }
`);

export const addMembershipMutation = graphql(`
  mutation AddMembership($input: AddMembershipInput!) {
    addMembership(input: $input) {
      membership {
        id
        network {
          ...NetworkDetail
        }
      }
    }
  }
`);

export const updateMembershipMutation = graphql(`
  mutation UpdateMembership($input: UpdateMembershipInput!) {
    updateMembership(input: $input) {
      membership {
        id
        network {
          ...NetworkDetail
        }
      }
    }
  }
`);

export const removeMembershipMutation = graphql(`
  mutation RemoveMembership($input: RemoveMembershipInput!) {
    removeMembership(input: $input) {
      removedId
      network {
        ...NetworkDetail
      }
    }
  }
`);

/** One seat as it is now (after a CONFLICT the form reloads it). */
export const membershipNodeQuery = graphql(`
  query MembershipNode($id: ID!) {
    node(id: $id) {
      ... on Membership {
        id
        version
        role
        since
        until
      }
    }
  }
`);

/** One meeting with its network's seats (participants are usually members). */
export const meetingQuery = graphql(`
  query Meeting($id: ID!) {
    node(id: $id) {
      ... on Meeting {
        id
        version
        date
        title
        location
        minutes
        decisions
        archived
        participants {
          id
          name
        }
        network {
          id
          name
        }
      }
    }
  }
`);

export const createMeetingMutation = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      meeting {
        id
        network {
          ...NetworkDetail
        }
      }
    }
  }
`);

export const updateMeetingMutation = graphql(`
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      meeting {
        id
        version
        date
        title
        location
        minutes
        decisions
        network {
          id
        }
      }
    }
  }
`);

export const archiveMeetingMutation = graphql(`
  mutation ArchiveMeeting($input: ArchiveInput!) {
    archiveMeeting(input: $input) {
      meeting {
        id
        version
        archived
        network {
          ...NetworkDetail
        }
      }
    }
  }
`);

/** Adding or removing a participant counts as a change of the meeting: its version goes up. */
export const addMeetingParticipantMutation = graphql(`
  mutation AddMeetingParticipant($input: MeetingParticipantInput!) {
    addMeetingParticipant(input: $input) {
      meeting {
        id
        version
        participants {
          id
          name
        }
      }
    }
  }
`);

export const removeMeetingParticipantMutation = graphql(`
  mutation RemoveMeetingParticipant($input: MeetingParticipantInput!) {
    removeMeetingParticipant(input: $input) {
      meeting {
        id
        version
        participants {
          id
          name
        }
      }
    }
  }
`);
