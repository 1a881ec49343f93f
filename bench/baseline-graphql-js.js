"use strict";
const http = require("node:http");
const DataLoader = require("dataloader");
const { buildSchema, graphql, GraphQLError } = require("graphql");
const { openDriver, placeholders, globalId, groupBy, sessionOf } = require("./sql-driver");

/**
 * Plain graphql-js: the part of schema.graphql that query 1 needs, built with `buildSchema`, hand-written
 * resolvers over the bare driver, one set of DataLoaders per request, `graphql()` per request (parse, validate,
 * execute, as in graphql-js's own examples) over node:http. Like our server it resolves the session cookie first
 * (one statement) and refuses unknown sessions. The body is byte for byte what our server returns.
 */
const SDL = /* GraphQL */ `
  type Query {
    actors(first: Int, after: String): ActorConnection!
  }

  type ActorConnection {
    edges: [ActorEdge!]!
  }

  type ActorEdge {
    cursor: String!
    node: Actor!
  }

  type Actor {
    id: ID!
    name: String!
    kind: ActorKind!
    measures: [Measure!]!
  }

  enum ActorKind {
    ADVISORY_COUNCIL
    CHURCH
    EDUCATION_PROVIDER
    EMPLOYMENT_SERVICE
    MIGRANT_ORGANISATION
    MIGRATION_SERVICE
    MUNICIPALITY
    OTHER
    PUBLIC_AUTHORITY
    VOLUNTEER_INITIATIVE
    WELFARE_ASSOCIATION
  }

  type Measure {
    id: ID!
    title: String!
    status: MeasureStatus!
    fieldsOfAction: [FieldOfAction!]!
    municipalities: [Municipality!]!
  }

  enum MeasureStatus {
    ACTIVE
    ENDED
    PAUSED
    PLANNED
  }

  type FieldOfAction {
    id: ID!
    key: String!
  }

  type Municipality {
    id: ID!
    name: String!
  }
`;

function buildBaselineSchema() {
  const schema = buildSchema(SDL);
  const resolvers = {
    Query: {
      async actors(_root, args, ctx) {
        const first = args.first ?? 20;
        if (!Number.isInteger(first) || first < 1 || first > 100) throw new GraphQLError("first must be between 1 and 100");
        const rows = await ctx.db.all("SELECT id, name, kind FROM actor WHERE archived = 0 ORDER BY name ASC, id ASC LIMIT ?", [first]);
        return { edges: rows.map((node) => ({ node })) };
      },
    },
    Actor: {
      id: (a) => globalId("Actor", a.id),
      measures: (a, _args, ctx) => ctx.loaders.measuresByProvider.load(a.id),
    },
    Measure: {
      id: (m) => globalId("Measure", m.id),
      fieldsOfAction: (m, _args, ctx) => ctx.loaders.fieldsByMeasure.load(m.id),
      municipalities: (m, _args, ctx) => ctx.loaders.municipalitiesByMeasure.load(m.id),
    },
    FieldOfAction: { id: (f) => globalId("FieldOfAction", f.id) },
    Municipality: { id: (p) => globalId("Municipality", p.id) },
  };
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    for (const [field, resolve] of Object.entries(fields)) type.getFields()[field].resolve = resolve;
  }
  return schema;
}

/** One `WHERE key IN (...)` per batch, results grouped per key in row order. */
function groupLoader(db, sql, keyColumn) {
  return new DataLoader(async (keys) => {
    const groups = groupBy(await db.all(sql(placeholders(keys.length)), keys), keyColumn);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

function createLoaders(db) {
  return {
    measuresByProvider: groupLoader(
      db,
      (ph) => `SELECT id, providerId, title, status FROM measure WHERE archived = 0 AND providerId IN (${ph}) ORDER BY title ASC, id ASC`,
      "providerId",
    ),
    fieldsByMeasure: groupLoader(
      db,
      (ph) =>
        `SELECT mf.measureId, f.id, f.\`key\` FROM measure_field mf JOIN field_of_action f ON f.id = mf.fieldOfActionId` +
        ` WHERE mf.measureId IN (${ph}) ORDER BY mf.fieldOfActionId ASC`,
      "measureId",
    ),
    municipalitiesByMeasure: groupLoader(
      db,
      (ph) =>
        `SELECT mm.measureId, p.id, p.name FROM measure_municipality mm JOIN municipality p ON p.id = mm.municipalityId` +
        ` WHERE mm.measureId IN (${ph}) ORDER BY mm.municipalityId ASC`,
      "measureId",
    ),
  };
}

async function startGraphqlJsServer(target) {
  const db = openDriver(target);
  const schema = buildBaselineSchema();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      let status = 200;
      let result;
      try {
        const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const session = await sessionOf(db, req.headers.cookie);
        if (!session) {
          res.writeHead(401, { "content-type": "text/plain" });
          res.end("session expired");
          return;
        }
        result = await graphql({ schema, source: query, variableValues: variables, operationName, contextValue: { db, loaders: createLoaders(db) } });
      } catch (e) {
        status = 400;
        result = { errors: [{ message: String(e?.message ?? e) }] };
      }
      const body = JSON.stringify(result) + "\n";
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    statements: () => db.statements,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

module.exports = { startGraphqlJsServer, buildBaselineSchema };
