"use strict";
const http = require("node:http");
const { openDriver, placeholders, globalId, groupBy, sessionOf } = require("./sql-driver");

/**
 * The floor: query 1 (the actor network) answered with four hand-written statements and JSON.stringify over
 * node:http. No GraphQL, no ORM, no framework; it ignores the query text and honours only `variables.first`. Like our
 * server it first resolves the session cookie (one statement) and refuses unknown sessions.
 * It produces byte for byte the body our server produces (Apollo ends the JSON with a newline).
 */
async function actorNetwork(db, first) {
  const actors = await db.all("SELECT id, name, kind FROM actor WHERE archived = 0 ORDER BY name ASC, id ASC LIMIT ?", [first]);
  const actorIds = actors.map((a) => a.id);
  const measures = actorIds.length
    ? await db.all(
        `SELECT id, providerId, title, status FROM measure WHERE archived = 0 AND providerId IN (${placeholders(actorIds.length)}) ORDER BY title ASC, id ASC`,
        actorIds,
      )
    : [];
  const measureIds = measures.map((m) => m.id);
  const [fields, places] = measureIds.length
    ? await Promise.all([
        db.all(
          `SELECT mf.measureId, f.\`key\` FROM measure_field mf JOIN field_of_action f ON f.id = mf.fieldOfActionId` +
            ` WHERE mf.measureId IN (${placeholders(measureIds.length)}) ORDER BY mf.fieldOfActionId ASC`,
          measureIds,
        ),
        db.all(
          `SELECT mm.measureId, p.name FROM measure_municipality mm JOIN municipality p ON p.id = mm.municipalityId` +
            ` WHERE mm.measureId IN (${placeholders(measureIds.length)}) ORDER BY mm.municipalityId ASC`,
          measureIds,
        ),
      ])
    : [[], []];
  const fieldsOf = groupBy(fields, "measureId");
  const placesOf = groupBy(places, "measureId");
  const measuresOf = groupBy(measures, "providerId");
  const edges = actors.map((a) => ({
    node: {
      id: globalId("Actor", a.id),
      name: a.name,
      kind: a.kind,
      measures: (measuresOf.get(a.id) ?? []).map((m) => ({
        id: globalId("Measure", m.id),
        title: m.title,
        status: m.status,
        fieldsOfAction: (fieldsOf.get(m.id) ?? []).map((f) => ({ key: f.key })),
        municipalities: (placesOf.get(m.id) ?? []).map((p) => ({ name: p.name })),
      })),
    },
  }));
  return { data: { actors: { edges } } };
}

async function startFloorServer(target) {
  const db = openDriver(target);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      try {
        const { variables } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        if (!(await sessionOf(db, req.headers.cookie))) {
          res.writeHead(401, { "content-type": "text/plain" });
          res.end("session expired");
          return;
        }
        const first = Number(variables?.first ?? 20);
        const body = JSON.stringify(await actorNetwork(db, first)) + "\n";
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
        res.end(body);
      } catch (e) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(e?.message ?? e));
      }
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

module.exports = { startFloorServer, actorNetwork };
