import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";

/** Every type behind the Relay `Node` interface, so `node(id)` results land in the right cache entry. */
export const possibleTypes = {
  Node: [
    "Account",
    "Actor",
    "ContactPerson",
    "Cooperation",
    "FieldOfAction",
    "Handler",
    "Measure",
    "Meeting",
    "Membership",
    "Municipality",
    "Network",
    "Overlap",
    "TargetGroup",
  ],
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes,
    typePolicies: {
      // Embedded value objects without an id: replace them whole instead of warning about merges.
      Overlap: { fields: { dimensions: { merge: false }, shared: { merge: false } } },
    },
  });
}

/**
 * The API is same-origin at /graphql; the session travels in an HttpOnly cookie, which same-origin
 * fetches send by default. Apollo Server's CSRF prevention only accepts requests that could not have
 * come from a plain HTML form; HttpLink always POSTs `application/json`, so it passes.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
    cache: createCache(),
  });
}
