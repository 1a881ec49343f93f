import { graphql } from "../../gql";

/**
 * The whole actor graph in one compact payload (nodes + parallel edge arrays). Fetched by plain
 * fetch (useNetworkGraph), never through Apollo's normalised cache: the response goes straight into
 * a graphology graph.
 */
export const networkGraphQuery = graphql(`
  query NetworkGraph($filter: NetworkGraphFilter) {
    networkGraph(filter: $filter) {
      communityCount
      modularity
      edgeKinds
      edgeSource
      edgeTarget
      edgeKind
      edgeWeight
      isolated
      nodes {
        id
        name
        kind
        measureCount
        degree
        betweenness
        community
      }
    }
  }
`);

export const mapNetworksQuery = graphql(`
  query MapNetworks {
    networks(first: 100, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        name
      }
    }
  }
`);
