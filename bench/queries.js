"use strict";

/**
 * The three representative operations. Query 1 is answered by all three implementations and must give the same
 * body; queries 2 and 3 only by our server.
 */

/** 1. The network of actors with their measures: the overview's main list. */
const ACTOR_NETWORK = `query ActorNetwork($first: Int!) {
  actors(first: $first) {
    edges {
      node {
        id
        name
        kind
        measures {
          id
          title
          status
          fieldsOfAction { key }
          municipalities { name }
        }
      }
    }
  }
}`;

/** 2. A filtered measure list: language offerings running now in Lörrach (county-wide ones included). */
const LANGUAGE_IN_LOERRACH = `query LanguageInLoerrach($fields: [ID!], $places: [ID!]) {
  measures(first: 50, filter: { fieldOfActionIds: $fields, municipalityIds: $places, statuses: [ACTIVE] }) {
    totalCount
    nodes {
      title
      provider { name }
      targetGroups { key }
    }
  }
}`;

/** 3. One actor with everything about it: the actor detail page. */
const ACTOR_DETAIL = `query ActorDetail($id: ID!) {
  actor(id: $id) {
    id name shortName kind level description website email phone address languages tags
    municipality { name }
    contactPersons { id name role email phone }
    measures {
      id title description status level ageMin ageMax languages countyWide venue startDate endDate schedule
      capacity cost costNote published registrationUrl lastConfirmedOn
      funding { source level }
      provider { id name }
      partners { id name }
      fieldsOfAction { key nameDe }
      targetGroups { key nameDe }
      municipalities { name }
    }
    partnerMeasures { id title provider { name } }
    handlers {
      id ageMin ageMax countyWide languages priority note
      fieldOfAction { key }
      targetGroups { key }
      municipalities { name }
    }
    memberships { id role since until network { id name kind } }
    cooperations { id kind since until note actorA { id name } actorB { id name } }
  }
}`;

/**
 * Page size of query 1. The server refuses operations whose estimated cost exceeds LIMIT_COST (default 10 000,
 * server/src/app/limits/cost.ts): a connection multiplies by `first`, an unpaged list counts 20, so one actor of this
 * query costs 1 + 20 × (1 + 20 + 20) = 821 and 12 actors (9 852) are the largest page a client may ask for.
 * BENCH_FIRST overrides it (with LIMIT_COST raised for the server, e.g. `LIMIT_COST=50000 BENCH_FIRST=50`).
 */
const ACTOR_PAGE = Number(process.env.BENCH_FIRST || 12);

/**
 * The operations with their variables. `ids` are global ids looked up in the loaded database: the field of
 * action LANGUAGE, the municipality Lörrach and the actor with the most relations.
 */
function buildQueries(ids) {
  return [
    {
      key: "q1",
      label: "actor network",
      body: JSON.stringify({ query: ACTOR_NETWORK, variables: { first: ACTOR_PAGE } }),
      check: (data) => data.actors.edges.length > 0 || "no actors",
    },
    {
      key: "q2",
      label: "filtered measures",
      body: JSON.stringify({ query: LANGUAGE_IN_LOERRACH, variables: { fields: [ids.language], places: [ids.loerrach] } }),
      check: (data) => data.measures.nodes.length > 0 || "no measures matched",
    },
    {
      key: "q3",
      label: "actor detail",
      body: JSON.stringify({ query: ACTOR_DETAIL, variables: { id: ids.busiestActor } }),
      check: (data) => (data.actor && data.actor.measures.length > 0) || "actor without measures",
    },
  ];
}

module.exports = { buildQueries, ACTOR_PAGE, ACTOR_NETWORK, LANGUAGE_IN_LOERRACH, ACTOR_DETAIL };
