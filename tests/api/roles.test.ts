import { Actor, ContactPerson } from "../../server/src/modules/actors/actor.entity";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { buildActor, buildCooperation, buildHandler, buildMeasure, buildNetwork, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { changedTables, dumpDatabase } from "../helpers/db-state";
import { CATALOGUE, catalogueGaps, SCHEMA_MUTATIONS, Who, WHO, World } from "../helpers/mutation-catalogue";
import { Client, failure, GqlResponse, ok, startTestServer, TestServer } from "../helpers/test-server";

/**
 * DESIGN.md's users table, executed: every Mutation field of schema.graphql runs for real as the commissioner, a
 * partner of the actor concerned, a partner of another actor, an analyst and an anonymous visitor. A refused call
 * must carry the expected code and leave every table as it was; an allowed call must change something. The
 * expectations live in tests/helpers/mutation-catalogue.ts, one entry per mutation.
 */

describe.each(databaseKinds())("roles on %s", (kind) => {
  let s: TestServer;
  let fieldId: number;
  beforeAll(async () => {
    s = await startTestServer(kind);
    fieldId = (await taxonomy(s.ds)).field("LANGUAGE").rowId;
  }, 120_000);
  afterAll(async () => s?.stop());

  const clientFor = async (w: World, who: Who): Promise<Client | null> => {
    if (who === "ANONYMOUS") return null;
    if (who === "COMMISSIONER") return s.as(Role.COMMISSIONER);
    if (who === "ANALYST") return s.as(Role.ANALYST);
    return s.as(Role.PARTNER, who === "PARTNER_OWN" ? w.own.rowId : w.other.rowId);
  };

  /** Runs one mutation as one caller on fresh rows; returns a description of any deviation from the rule. */
  async function check(name: string, who: Who): Promise<string | null> {
    const entry = CATALOGUE[name];
    const w: World = { s, own: await buildActor(s.ds), other: await buildActor(s.ds), third: await buildActor(s.ds), fieldId };
    const me = await clientFor(w, who);
    const call = await entry.prepare(w, me);
    const before = await dumpDatabase(s.ds);
    const res: GqlResponse = await (me ?? s.anon).gql(call.query, call.variables);
    const after = await dumpDatabase(s.ds);
    const expected = entry.rule[who];
    const got = res.errors?.length ? String(res.errors[0].extensions?.code) : "ALLOWED";
    if (got !== expected) return `${name} as ${who}: expected ${expected}, got ${got}${res.errors ? ` (${res.errors[0].message})` : ""}`;
    if (expected === "ALLOWED") {
      if (!res.data?.[name] && res.data?.[name] !== false) return `${name} as ${who}: allowed but returned no data`;
      if (changedTables(before, after).length === 0) return `${name} as ${who}: allowed but changed nothing`;
      try {
        await call.effect?.();
      } catch (e) {
        return `${name} as ${who}: allowed but without its effect: ${(e as Error).message.split("\n")[0]}`;
      }
    } else if (changedTables(before, after).length > 0) {
      return `${name} as ${who}: refused with ${got} but changed ${changedTables(before, after).join(", ")}`;
    }
    return null;
  }

  it("has an entry in the role table for every Mutation field of schema.graphql, and none for removed ones", () => {
    expect(catalogueGaps()).toEqual([]);
  });

  it.each(SCHEMA_MUTATIONS)("%s: allowed or refused per role, and a refusal changes nothing", async (name) => {
    if (!CATALOGUE[name]) throw new Error(`new mutation ${name} has no entry in the role table`);
    const deviations: string[] = [];
    for (const who of WHO) {
      const d = await check(name, who);
      if (d) deviations.push(d);
    }
    expect(deviations).toEqual([]);
  });

  describe("read rules", () => {
    let own: Actor;
    let other: Actor;
    let ids: Record<string, string>;
    beforeAll(async () => {
      own = await buildActor(s.ds, { name: "Eigener Träger" });
      other = await buildActor(s.ds, { name: "Fremder Träger" });
      const pubOwn = await buildMeasure(s.ds, own.rowId, { title: "Öffentlich eigen", published: true }, { fields: [fieldId] });
      const unpubOwn = await buildMeasure(s.ds, own.rowId, { title: "Entwurf eigen", published: false }, { fields: [fieldId] });
      const pubOther = await buildMeasure(s.ds, other.rowId, { title: "Öffentlich fremd", published: true }, { fields: [fieldId] });
      const unpubOther = await buildMeasure(s.ds, other.rowId, { title: "Entwurf fremd", published: false }, { fields: [fieldId] });
      const archived = await buildMeasure(s.ds, other.rowId, { title: "Archiviert fremd", published: true, archived: true }, { fields: [fieldId] });
      const repo = s.ds.getRepository(ContactPerson);
      const contact = await repo.save(repo.create({ actorId: own.rowId, name: "Petra Privat", role: "Beratung", email: "petra@privat.example", phone: "0761 555", position: 0 }));
      const h = await buildHandler(s.ds, own.rowId, fieldId);
      const net = await buildNetwork(s.ds);
      const c = await buildCooperation(s.ds, own.rowId, other.rowId);
      ids = {
        own: gid("Actor", own.rowId),
        other: gid("Actor", other.rowId),
        pubOwn: gid("Measure", pubOwn.rowId),
        unpubOwn: gid("Measure", unpubOwn.rowId),
        pubOther: gid("Measure", pubOther.rowId),
        unpubOther: gid("Measure", unpubOther.rowId),
        archived: gid("Measure", archived.rowId),
        contact: gid("ContactPerson", contact.rowId),
        handler: gid("Handler", h.rowId),
        network: gid("Network", net.rowId),
        cooperation: gid("Cooperation", c.rowId),
      };
    });

    const titles = async (client: Client) =>
      (ok(await client.gql(`query($a: [ID!]) { measures(first: 100, filter: { actorIds: $a }) { nodes { title } } }`, { a: [ids.own, ids.other] })).measures.nodes as { title: string }[])
        .map((n) => n.title)
        .sort();

    it("shows anonymous visitors published measures and the taxonomies, nothing else of the directory", async () => {
      expect(await titles(s.anon)).toEqual(["Öffentlich eigen", "Öffentlich fremd"]);
      for (const id of [ids.unpubOwn, ids.unpubOther, ids.archived]) {
        expect(failure(await s.anon.gql(`query($id: ID!) { measure(id: $id) { title } }`, { id })).code).toBe("NOT_FOUND");
        expect(ok(await s.anon.gql(`query($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
      }
      const tax = ok(await s.anon.gql(`{ fieldsOfAction { key } targetGroups { key } municipalities { name } }`));
      expect(tax.fieldsOfAction.length).toBeGreaterThan(0);
      expect(tax.targetGroups.length).toBeGreaterThan(0);
      expect(tax.municipalities.length).toBeGreaterThan(0);
      for (const list of ["actors", "handlers", "networks", "cooperations"]) {
        expect({ list, code: failure(await s.anon.gql(`{ ${list} { totalCount } }`)).code }).toEqual({ list, code: "UNAUTHENTICATED" });
      }
      for (const [q, id] of [
        ["actor", ids.own],
        ["handler", ids.handler],
        ["network", ids.network],
        ["cooperation", ids.cooperation],
      ]) {
        expect({ q, code: failure(await s.anon.gql(`query($id: ID!) { ${q}(id: $id) { id } }`, { id })).code }).toEqual({ q, code: "UNAUTHENTICATED" });
      }
      for (const id of [ids.own, ids.contact, ids.handler, ids.network, ids.cooperation]) {
        expect(ok(await s.anon.gql(`query($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
      }
      expect(failure(await s.anon.gql(`{ auditLog { totalCount } }`)).code).toBe("UNAUTHENTICATED");
      expect(failure(await s.anon.gql(`{ accounts { id } }`)).code).toBe("UNAUTHENTICATED");
      expect(ok(await s.anon.gql(`{ me { id } }`)).me).toBeNull();
    });

    it("shows anonymous visitors a provider's published measures only, and no contact details", async () => {
      const m = ok(
        await s.anon.gql(`query($id: ID!) { measure(id: $id) { provider { name measures { title } measureCount contactPersons { name email phone } } } }`, { id: ids.pubOwn }),
      ).measure;
      expect(m.provider.measures).toEqual([{ title: "Öffentlich eigen" }]);
      expect(m.provider.measureCount).toBe(1);
      expect(m.provider.contactPersons).toEqual([{ name: "Petra Privat", email: null, phone: null }]);
      for (const field of ["history { action }", "handlers { id }", "partnerMeasures { id }", "memberships { id }", "cooperations { id }"]) {
        const res = await s.anon.gql(`query($id: ID!) { measure(id: $id) { provider { ${field} } } }`, { id: ids.pubOwn });
        expect({ field, code: failure(res).code }).toEqual({ field, code: "UNAUTHENTICATED" });
      }
      expect(failure(await s.anon.gql(`query($id: ID!) { measure(id: $id) { history { action } } }`, { id: ids.pubOwn })).code).toBe("UNAUTHENTICATED");
    });

    it("shows contact persons' e-mail and phone to the commissioner and the actor's own partner only", async () => {
      const clients: [string, Client][] = [
        ["COMMISSIONER", await s.as(Role.COMMISSIONER)],
        ["PARTNER_OWN", await s.as(Role.PARTNER, own.rowId)],
        ["PARTNER_OTHER", await s.as(Role.PARTNER, other.rowId)],
        ["ANALYST", await s.as(Role.ANALYST)],
      ];
      const seen: Record<string, unknown> = {};
      for (const [who, c] of clients) {
        const viaActor = ok(await c.gql(`query($id: ID!) { actor(id: $id) { contactPersons { email phone } } }`, { id: ids.own })).actor.contactPersons[0];
        const viaNode = ok(await c.gql(`query($id: ID!) { node(id: $id) { ... on ContactPerson { email phone } } }`, { id: ids.contact })).node;
        const viaMeasure = ok(await c.gql(`query($id: ID!) { measure(id: $id) { provider { contactPersons { email phone } } } }`, { id: ids.pubOwn })).measure.provider.contactPersons[0];
        seen[who] = [viaActor, viaNode, viaMeasure];
      }
      const visible = { email: "petra@privat.example", phone: "0761 555" };
      const hidden = { email: null, phone: null };
      expect(seen).toEqual({
        COMMISSIONER: [visible, visible, visible],
        PARTNER_OWN: [visible, visible, visible],
        PARTNER_OTHER: [hidden, hidden, hidden],
        ANALYST: [hidden, hidden, hidden],
      });
    });

    it("shows a partner the published measures and its own unpublished ones, never another actor's drafts", async () => {
      const partner = await s.as(Role.PARTNER, own.rowId);
      expect(await titles(partner)).toEqual(["Entwurf eigen", "Öffentlich eigen", "Öffentlich fremd"]);
      expect(ok(await partner.gql(`query($id: ID!) { measure(id: $id) { title } }`, { id: ids.unpubOwn })).measure.title).toBe("Entwurf eigen");
      expect(failure(await partner.gql(`query($id: ID!) { measure(id: $id) { title } }`, { id: ids.unpubOther })).code).toBe("NOT_FOUND");
      expect(ok(await partner.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: ids.unpubOther })).node).toBeNull();
      const otherActor = ok(await partner.gql(`query($id: ID!) { actor(id: $id) { measures { title } measureCount } }`, { id: ids.other })).actor;
      expect(otherActor).toEqual({ measures: [{ title: "Öffentlich fremd" }], measureCount: 1 });
      const filtered = ok(await partner.gql(`query($a: [ID!]) { measures(filter: { actorIds: $a, published: false }) { nodes { title } } }`, { a: [ids.other] })).measures.nodes;
      expect(filtered).toEqual([]);
      // Editing another actor's draft is NOT_FOUND (not even its existence is revealed), not FORBIDDEN.
      const e = failure(await partner.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { id } } }`, { i: { id: ids.unpubOther, version: 1, title: "x" } }));
      expect(e.code).toBe("NOT_FOUND");
    });

    it("lets an analyst read everything (drafts, directory lists) and refuses the audit log and accounts", async () => {
      const analyst = await s.as(Role.ANALYST);
      expect(await titles(analyst)).toEqual(["Entwurf eigen", "Entwurf fremd", "Öffentlich eigen", "Öffentlich fremd"]);
      expect(ok(await analyst.gql(`query($id: ID!) { measure(id: $id) { title } }`, { id: ids.unpubOther })).measure.title).toBe("Entwurf fremd");
      const lists = ok(await analyst.gql(`{ actors { totalCount } handlers { totalCount } networks { totalCount } cooperations { totalCount } }`));
      for (const list of ["actors", "handlers", "networks", "cooperations"]) expect(lists[list].totalCount).toBeGreaterThan(0);
      expect(failure(await analyst.gql(`{ auditLog { totalCount } }`)).code).toBe("FORBIDDEN");
      expect(failure(await analyst.gql(`{ accounts { id } }`)).code).toBe("FORBIDDEN");
      expect(failure(await analyst.gql(`query($id: ID!) { actor(id: $id) { history { action } } }`, { id: ids.own })).code).toBe("FORBIDDEN");
    });

    it("lets the commissioner read everything, archived measures included when asked", async () => {
      const all = ok(await s.gql(`query($a: [ID!]) { measures(first: 100, filter: { actorIds: $a, archived: null }) { totalCount } }`, { a: [ids.own, ids.other] }));
      expect(all.measures.totalCount).toBe(5);
      expect(ok(await s.gql(`query($id: ID!) { measure(id: $id) { archived } }`, { id: ids.archived })).measure.archived).toBe(true);
    });
  });
});
