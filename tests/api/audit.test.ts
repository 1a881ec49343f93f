import { GraphQLInputObjectType, GraphQLInputType, GraphQLNamedType, getNamedType, isInputObjectType } from "graphql";
import { MoreThan } from "typeorm";
import { fromGlobalId } from "../../server/src/common/global-id";
import { AuditEntry } from "../../server/src/modules/audit/audit.entity";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { buildActor, buildMeasure, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { AuditExpectation, CATALOGUE, SCHEMA, SCHEMA_MUTATIONS, World } from "../helpers/mutation-catalogue";
import { Client, failure, ok, startTestServer, TestServer } from "../helpers/test-server";

/**
 * The audit trail: every mutation records who (account, role), what (entity type and id, action) and the changed
 * fields before → after, in the same transaction as the change; refusals and failures record nothing; the log is
 * the commissioner's, a history is also its owning partner's; nothing edits entries, and GDPR erasure redacts a
 * contact person's values in place while the rest of the history stays.
 */

const ENTRY = `accountId accountEmail role action entityType entityId at changes { field before after }`;
const today = () => new Date().toISOString().slice(0, 10);
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface AuditRow {
  accountId: string | null;
  accountEmail: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string;
  at: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

describe.each(databaseKinds())("audit trail on %s", (kind) => {
  let s: TestServer;
  let fieldId: number;
  beforeAll(async () => {
    s = await startTestServer(kind);
    fieldId = (await taxonomy(s.ds)).field("LANGUAGE").rowId;
  }, 120_000);
  afterAll(async () => s?.stop());

  const maxEntryId = async (): Promise<number> => Number((await s.ds.query("SELECT COALESCE(MAX(id), 0) AS m FROM audit_entry"))[0].m);
  const entriesAfter = (id: number) => s.ds.getRepository(AuditEntry).find({ where: { rowId: MoreThan(id) }, order: { rowId: "ASC" } });
  const log = async (filter: Record<string, unknown>, page: { first?: number; after?: string } = {}, client: Client["gql"] = s.gql) =>
    client(`query($f: AuditFilter, $first: Int, $after: String) { auditLog(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ENTRY} } } }`, {
      f: filter,
      ...page,
    });

  it("refuses the audit log to anonymous visitors, partners and analysts", async () => {
    expect(failure(await log({}, {}, s.anon.gql)).code).toBe("UNAUTHENTICATED");
    const partner = await s.as(Role.PARTNER, (await buildActor(s.ds)).rowId);
    expect(failure(await log({}, {}, partner.gql)).code).toBe("FORBIDDEN");
    expect(failure(await log({}, {}, (await s.as(Role.ANALYST)).gql)).code).toBe("FORBIDDEN");
    expect(ok(await log({})).auditLog.totalCount).toBeGreaterThan(0);
  });

  describe("every mutation of schema.graphql", () => {
    /** Why `expected` matches none of `entries`, or null when one matches. */
    async function mismatch(expected: AuditExpectation, entries: AuditEntry[], data: any, caller: Client | null): Promise<string | null> {
      const wantId = typeof expected.entityId === "function" ? expected.entityId(data) : expected.entityId;
      const target = wantId ? fromGlobalId(wantId) : null;
      const by = expected.by === undefined || expected.by === "caller" ? (caller?.accountId ?? null) : await expected.by();
      const problems = entries.map((e) => {
        const p: string[] = [];
        if (expected.entityType && e.entityType !== expected.entityType) p.push(`entityType ${e.entityType}`);
        if (target && (e.entityType !== target.type || e.entityId !== target.id)) p.push(`entity ${e.entityType}:${e.entityId}`);
        if (expected.action && e.action !== expected.action) p.push(`action ${e.action}`);
        if (e.accountId !== by) p.push(`accountId ${e.accountId} (expected ${by})`);
        if (by !== null && (!e.role || !e.accountEmail)) p.push("no role or e-mail of the account");
        if (expected.change) {
          const c = e.changes.find((x) => x.field === expected.change!.field);
          if (!c) p.push(`no change of ${expected.change.field}`);
          else {
            if ("before" in expected.change && JSON.stringify(c.before) !== JSON.stringify(expected.change.before)) p.push(`${c.field} before ${JSON.stringify(c.before)}`);
            if ("after" in expected.change && JSON.stringify(c.after) !== JSON.stringify(expected.change.after)) p.push(`${c.field} after ${JSON.stringify(c.after)}`);
          }
        }
        if (expected.mentions && !JSON.stringify(e.changes).includes(expected.mentions)) p.push(`does not mention ${expected.mentions}`);
        return p;
      });
      if (problems.some((p) => p.length === 0)) return null;
      return entries.length === 0 ? "no audit entry was written" : `no matching entry among ${entries.length}: ${problems.map((p) => p.join(", ")).join(" | ")}`;
    }

    it.each(SCHEMA_MUTATIONS)("%s records who, what and the change", async (name) => {
      const entry = CATALOGUE[name];
      if (!entry) throw new Error(`new mutation ${name} has no entry in the role table (tests/helpers/mutation-catalogue.ts)`);
      const w: World = { s, own: await buildActor(s.ds), other: await buildActor(s.ds), third: await buildActor(s.ds), fieldId };
      const me = entry.auditAs === "ANONYMOUS" ? null : await s.as(Role.COMMISSIONER);
      const call = await entry.prepare(w, me);
      const before = await maxEntryId();
      const data = ok(await (me ?? s.anon).gql(call.query, call.variables));
      const written = await entriesAfter(before);
      if ("exempt" in call.audit) {
        // Documented exemption (see the catalogue): the call must at least not write a misleading entry.
        expect(written.filter((e) => e.action !== "LOGIN")).toEqual([]);
        return;
      }
      expect(await mismatch(call.audit, written, data, me)).toBeNull();
    });

    it("never records a password hash, TOTP secret, session or link token", async () => {
      const rows: { changes: string }[] = await s.ds.query("SELECT changes FROM audit_entry");
      const text = rows.map((r) => r.changes).join("\n");
      expect(text).not.toMatch(/\$argon2|passwordHash|totpSecret|tokenHash|sessionHash/);
    });
  });

  describe("failures and refusals", () => {
    it("writes no entry for a refused, invalid, stale or unknown-target mutation", async () => {
      const actor = await buildActor(s.ds, { name: "Unverändert e.V." });
      const id = gid("Actor", actor.rowId);
      const otherPartner = await s.as(Role.PARTNER, (await buildActor(s.ds)).rowId);
      const analyst = await s.as(Role.ANALYST);
      ok(await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { version } } }`, { i: { id, version: 1, name: "Version zwei" } }));
      const before = await maxEntryId();
      const attempts: [string, Promise<any>][] = [
        ["FORBIDDEN", otherPartner.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }`, { i: { id, version: 2, name: "Gekapert" } })],
        ["FORBIDDEN", analyst.gql(`mutation { createNetwork(input: { name: "X", kind: ALLIANCE }) { network { id } } }`)],
        ["UNAUTHENTICATED", s.anon.gql(`mutation { createNetwork(input: { name: "X", kind: ALLIANCE }) { network { id } } }`)],
        ["BAD_USER_INPUT", s.gql(`mutation { createActor(input: { name: "  ", kind: OTHER, level: COUNTY }) { actor { id } } }`)],
        ["CONFLICT", s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }`, { i: { id, version: 1, name: "Veraltet" } })],
        ["NOT_FOUND", s.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { id } } }`, { i: { id: gid("Measure", 999999), version: 1, title: "x" } })],
        ["NOT_FOUND", s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }`, { i: { id, version: 2, name: "Halb", contactPersons: [{ id: gid("ContactPerson", 999999), name: "Fremd" }] } })],
      ];
      for (const [code, attempt] of attempts) expect(failure(await attempt).code).toBe(code);
      expect(await entriesAfter(before)).toEqual([]);
      expect(ok(await s.gql(`query($id: ID!) { actor(id: $id) { name version } }`, { id })).actor).toEqual({ name: "Version zwei", version: 2 });
    });

    it("writes the change and its entry in one transaction: when the entry cannot be written, the change is rolled back", async () => {
      const actor = await buildActor(s.ds, { name: "Atomar e.V." });
      const id = gid("Actor", actor.rowId);
      const actorsBefore = Number((await s.ds.query("SELECT COUNT(*) AS n FROM actor"))[0].n);
      await s.ds.query(kind === "mysql" ? "RENAME TABLE audit_entry TO audit_entry_away" : "ALTER TABLE audit_entry RENAME TO audit_entry_away");
      try {
        const update = await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }`, { i: { id, version: 1, name: "Ohne Protokoll" } });
        expect(failure(update).code).toBe("INTERNAL_SERVER_ERROR");
        const create = await s.gql(`mutation { createActor(input: { name: "Ohne Protokoll", kind: OTHER, level: COUNTY }) { actor { id } } }`);
        expect(failure(create).code).toBe("INTERNAL_SERVER_ERROR");
      } finally {
        await s.ds.query(kind === "mysql" ? "RENAME TABLE audit_entry_away TO audit_entry" : "ALTER TABLE audit_entry_away RENAME TO audit_entry");
      }
      expect(ok(await s.gql(`query($id: ID!) { actor(id: $id) { name version } }`, { id })).actor).toEqual({ name: "Atomar e.V.", version: 1 });
      expect(Number((await s.ds.query("SELECT COUNT(*) AS n FROM actor"))[0].n)).toBe(actorsBefore);
    });
  });

  describe("the audit log", () => {
    let editor: Client;
    let partner: Client;
    let actorId: string;
    let measureId: string;
    beforeAll(async () => {
      editor = await s.as(Role.COMMISSIONER);
      const provider = await buildActor(s.ds, { name: "Protokollierter Träger" });
      partner = await s.as(Role.PARTNER, provider.rowId);
      actorId = ok(await editor.gql(`mutation { createActor(input: { name: "Chronik e.V.", kind: OTHER, level: COUNTY }) { actor { id } } }`)).createActor.actor.id;
      for (const [version, name] of [
        [1, "Chronik e.V. (neu)"],
        [2, "Chronik e.V. (neuer)"],
      ] as const) {
        ok(await editor.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }`, { i: { id: actorId, version, name } }));
      }
      ok(await editor.gql(`mutation($i: ArchiveInput!) { archiveActor(input: $i) { actor { id } } }`, { i: { id: actorId, version: 3 } }));
      measureId = ok(
        await partner.gql(`mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { measure { id } } }`, {
          i: { providerId: gid("Actor", provider.rowId), title: "Elterncafé", fieldOfActionIds: [gid("FieldOfAction", fieldId)], countyWide: true, level: "MUNICIPAL", published: true },
        }),
      ).createMeasure.measure.id;
      ok(await partner.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { id } } }`, { i: { id: measureId, version: 1, schedule: "freitags 15 Uhr" } }));
    });

    it("lists one object's entries newest first, with who, role, action and before → after", async () => {
      const res = ok(await log({ entityId: actorId })).auditLog;
      expect(res.totalCount).toBe(4);
      const nodes: AuditRow[] = res.nodes;
      expect(nodes.map((n) => n.action)).toEqual(["ARCHIVE", "UPDATE", "UPDATE", "CREATE"]);
      const me = ok(await editor.gql(`{ me { id email } }`)).me;
      for (const n of nodes) expect(n).toMatchObject({ accountId: me.id, accountEmail: me.email, role: "COMMISSIONER", entityType: "Actor", entityId: actorId });
      expect(nodes[1].changes).toEqual([{ field: "name", before: "Chronik e.V. (neu)", after: "Chronik e.V. (neuer)" }]);
      expect(nodes[0].changes).toEqual([{ field: "archived", before: false, after: true }]);
      expect(nodes[3].changes).toEqual(expect.arrayContaining([{ field: "name", before: null, after: "Chronik e.V." }]));
      const times = nodes.map((n) => new Date(n.at).getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it("filters by account, entity type, action and date range", async () => {
      const partnerId = ok(await partner.gql(`{ me { id } }`)).me.id;
      const byPartner = ok(await log({ accountId: partnerId, entityType: "Measure" })).auditLog;
      expect(byPartner.nodes.map((n: AuditRow) => [n.action, n.role, n.entityId])).toEqual([
        ["UPDATE", "PARTNER", measureId],
        ["CREATE", "PARTNER", measureId],
      ]);
      expect(byPartner.nodes[0].changes).toEqual([{ field: "schedule", before: null, after: "freitags 15 Uhr" }]);
      expect(ok(await log({ entityId: actorId, actions: ["UPDATE"] })).auditLog.totalCount).toBe(2);
      expect(ok(await log({ entityId: actorId, actions: ["CREATE", "ARCHIVE"] })).auditLog.nodes.map((n: AuditRow) => n.action)).toEqual(["ARCHIVE", "CREATE"]);
      expect(ok(await log({ entityId: actorId, from: today(), to: today() })).auditLog.totalCount).toBe(4);
      expect(ok(await log({ entityId: actorId, from: dayOffset(1) })).auditLog.totalCount).toBe(0);
      expect(ok(await log({ entityId: actorId, to: dayOffset(-1) })).auditLog.totalCount).toBe(0);
      const logins = ok(await log({ accountId: partnerId, actions: ["LOGIN"] })).auditLog;
      expect(logins.nodes.map((n: AuditRow) => [n.entityType, n.entityId])).toEqual([["Account", partnerId]]);
      // Ids of another type or garbage match nothing rather than failing.
      expect(ok(await log({ entityId: "garbage" })).auditLog.totalCount).toBe(0);
      expect(ok(await log({ accountId: actorId })).auditLog.totalCount).toBe(0);
    });

    it("pages with first/after: no entry twice, none left out, totalCount across pages", async () => {
      const editorId = ok(await editor.gql(`{ me { id } }`)).me.id;
      const all = ok(await log({ accountId: editorId }, { first: 100 })).auditLog;
      expect(all.totalCount).toBe(5);
      const seen: AuditRow[] = [];
      let after: string | undefined;
      for (let page = 0; page < 5; page++) {
        const res = ok(await log({ accountId: editorId }, { first: 2, after })).auditLog;
        expect(res.totalCount).toBe(5);
        seen.push(...res.nodes);
        if (!res.pageInfo.hasNextPage) break;
        after = res.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.nodes);
      for (const first of [0, 101, -1]) expect(failure(await log({}, { first })).code).toBe("BAD_USER_INPUT");
      expect(failure(await log({}, { first: 2, after: "not-a-cursor" })).code).toBe("BAD_USER_INPUT");
    });

    it("shows an actor's and a measure's history to the commissioner and the owning partner only", async () => {
      const owner = await buildActor(s.ds, { name: "Historie e.V." });
      const m = await buildMeasure(s.ds, owner.rowId, { published: true }, { fields: [fieldId] });
      const ids = { actor: gid("Actor", owner.rowId), measure: gid("Measure", m.rowId) };
      ok(await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }`, { i: { id: ids.actor, version: 1, phone: "07621 42" } }));
      ok(await s.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { id } } }`, { i: { id: ids.measure, version: 1, venue: "Rathaus" } }));
      const actorHistory = `query($id: ID!) { actor(id: $id) { history { action changes { field after } } } }`;
      const measureHistory = `query($id: ID!) { measure(id: $id) { history { action changes { field after } } } }`;
      const clients: [string, Client][] = [
        ["COMMISSIONER", await s.as(Role.COMMISSIONER)],
        ["PARTNER_OWN", await s.as(Role.PARTNER, owner.rowId)],
        ["PARTNER_OTHER", await s.as(Role.PARTNER, (await buildActor(s.ds)).rowId)],
        ["ANALYST", await s.as(Role.ANALYST)],
        ["ANONYMOUS", s.anon],
      ];
      const outcome: Record<string, [unknown, unknown]> = {};
      for (const [who, c] of clients) {
        const a = await c.gql(actorHistory, { id: ids.actor });
        const mm = await c.gql(measureHistory, { id: ids.measure });
        outcome[who] = [a.errors ? a.errors[0].extensions?.code : a.data.actor.history, mm.errors ? mm.errors[0].extensions?.code : mm.data.measure.history];
      }
      const actorEntries = [{ action: "UPDATE", changes: [{ field: "phone", after: "07621 42" }] }];
      const measureEntries = [{ action: "UPDATE", changes: [{ field: "venue", after: "Rathaus" }] }];
      expect(outcome).toEqual({
        COMMISSIONER: [actorEntries, measureEntries],
        PARTNER_OWN: [actorEntries, measureEntries],
        PARTNER_OTHER: ["FORBIDDEN", "FORBIDDEN"],
        ANALYST: ["FORBIDDEN", "FORBIDDEN"],
        ANONYMOUS: ["UNAUTHENTICATED", "UNAUTHENTICATED"],
      });
      // Nor through a list.
      const other = clients[2][1];
      const viaList = await other.gql(`query($q: String) { actors(filter: { q: $q }) { nodes { name history { action } } } }`, { q: "Historie" });
      expect(failure(viaList).code).toBe("FORBIDDEN");
    });
  });

  describe("entries cannot be edited", () => {
    it("has no mutation that changes, deletes or takes an audit entry", () => {
      const mentionsAudit = (t: GraphQLNamedType, seen = new Set<string>()): boolean => {
        if (seen.has(t.name)) return false;
        seen.add(t.name);
        if (/audit/i.test(t.name)) return true;
        if (!isInputObjectType(t)) return false;
        return Object.values((t as GraphQLInputObjectType).getFields()).some((f) => /audit/i.test(f.name) || mentionsAudit(getNamedType(f.type as GraphQLInputType), seen));
      };
      const offenders = Object.values(SCHEMA.getMutationType()!.getFields())
        .filter((f) => /audit/i.test(f.name) || /^Audit/.test(getNamedType(f.type).name) || f.args.some((a) => mentionsAudit(getNamedType(a.type))))
        .map((f) => f.name);
      expect(offenders).toEqual([]);
      // The only audit input is the log's filter, used by a query.
      const auditInputs = Object.values(SCHEMA.getTypeMap()).filter((t) => isInputObjectType(t) && /audit/i.test(t.name)).map((t) => t.name);
      expect(auditInputs).toEqual(["AuditFilter"]);
    });
  });

  describe("GDPR erasure of a contact person", () => {
    const ACTOR = `id version contactPersons { id name email phone }`;

    it("removes the person and redacts their values in earlier entries, keeping the rest of the history", async () => {
      const created = ok(
        await s.gql(`mutation($i: CreateActorInput!) { createActor(input: $i) { actor { ${ACTOR} } } }`, {
          i: {
            name: "Datenschutz e.V.",
            kind: "MIGRANT_ORGANISATION",
            level: "NON_GOVERNMENTAL",
            contactPersons: [
              { name: "Anneliese Löschbar", role: "Vorsitz", email: "anneliese.loeschbar@example.org", phone: "07621 111111" },
              { name: "Bernd Bleibt", role: "Kasse", email: "bernd.bleibt@example.org", phone: "07621 222222" },
            ],
          },
        }),
      ).createActor.actor;
      const [anna, bernd] = created.contactPersons;
      // A later update changes Anneliese's phone and the actor's name: both land in the history.
      ok(
        await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { ${ACTOR} } } }`, {
          i: {
            id: created.id,
            version: created.version,
            name: "Datenschutz Verein e.V.",
            contactPersons: [
              { id: anna.id, name: "Anneliese Löschbar", role: "Vorsitz", email: "anneliese.loeschbar@example.org", phone: "07621 333333" },
              { id: bernd.id, name: "Bernd Bleibt", role: "Kasse", email: "bernd.bleibt@example.org", phone: "07621 222222" },
            ],
          },
        }),
      );
      const historyBefore: AuditRow[] = ok(await log({ entityId: created.id })).auditLog.nodes;
      expect(historyBefore).toHaveLength(2);

      const owner = await s.as(Role.PARTNER, fromGlobalId(created.id)!.id);
      const erased = ok(await owner.gql(`mutation($i: EraseContactPersonInput!) { eraseContactPerson(input: $i) { actor { ${ACTOR} } } }`, { i: { id: anna.id } }))
        .eraseContactPerson.actor;
      expect(erased.contactPersons.map((c: { name: string }) => c.name)).toEqual(["Bernd Bleibt"]);
      expect(ok(await s.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: anna.id })).node).toBeNull();

      // Nothing of Anneliese is left anywhere in the audit trail.
      const raw: { changes: string }[] = await s.ds.query("SELECT changes FROM audit_entry");
      const everything = raw.map((r) => r.changes).join("\n");
      for (const value of ["Anneliese", "Löschbar", "L\\u00f6schbar", "anneliese.loeschbar", "111111", "333333"]) expect(everything).not.toContain(value);

      // The rest stays: same entries, the name change, Bernd's data.
      const historyAfter: AuditRow[] = ok(await log({ entityId: created.id })).auditLog.nodes;
      expect(historyAfter.map((e) => [e.action, e.at, e.accountId])).toEqual(historyBefore.map((e) => [e.action, e.at, e.accountId]));
      expect(historyAfter[0].changes.find((c) => c.field === "name")).toEqual({ field: "name", before: "Datenschutz e.V.", after: "Datenschutz Verein e.V." });
      const contactsAfterCreate = historyAfter[1].changes.find((c) => c.field === "contactPersons")!.after as Record<string, unknown>[];
      expect(contactsAfterCreate).toHaveLength(2);
      expect(contactsAfterCreate[1]).toMatchObject({ name: "Bernd Bleibt", email: "bernd.bleibt@example.org", phone: "07621 222222" });
      expect(JSON.stringify(contactsAfterCreate[0])).not.toMatch(/Anneliese|loeschbar|111111/);
      // The erasure itself is on record, without the erased values.
      const erasures: AuditRow[] = ok(await log({ entityId: anna.id, actions: ["ERASE"] })).auditLog.nodes;
      expect(erasures).toHaveLength(1);
      expect(erasures[0]).toMatchObject({ role: "PARTNER", entityType: "ContactPerson" });
    });

    it("can still erase a person who was already taken off the actor's list: their earlier values are redacted", async () => {
      const created = ok(
        await s.gql(`mutation($i: CreateActorInput!) { createActor(input: $i) { actor { ${ACTOR} } } }`, {
          i: { name: "Ehemalige e.V.", kind: "OTHER", level: "MUNICIPAL", contactPersons: [{ name: "Carla Ausgeschieden", email: "carla.ausgeschieden@example.org", phone: "07621 444444" }] },
        }),
      ).createActor.actor;
      const carla = created.contactPersons[0];
      // Carla leaves the organisation: the list is replaced without her; her data stays in the history.
      ok(await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }`, { i: { id: created.id, version: created.version, contactPersons: [] } }));
      // Later she asks to be forgotten (GDPR Art. 17): the commissioner must be able to erase her.
      const res = await s.gql(`mutation($i: EraseContactPersonInput!) { eraseContactPerson(input: $i) { actor { id } } }`, { i: { id: carla.id } });
      expect(res.errors).toBeUndefined();
      const raw: { changes: string }[] = await s.ds.query("SELECT changes FROM audit_entry");
      for (const value of ["Carla", "carla.ausgeschieden", "444444"]) expect(raw.map((r) => r.changes).join("\n")).not.toContain(value);
      expect(ok(await log({ entityId: created.id })).auditLog.totalCount).toBe(2);
    });

    it("refuses another actor's partner, an analyst and anonymous visitors, and erases nothing then", async () => {
      const owner = await buildActor(s.ds, { name: "Geschützt e.V." });
      const created = ok(
        await s.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { ${ACTOR} } } }`, {
          i: { id: gid("Actor", owner.rowId), version: 1, contactPersons: [{ name: "Dora Geschützt", email: "dora@example.org" }] },
        }),
      ).updateActor.actor;
      const dora = created.contactPersons[0];
      const other = await s.as(Role.PARTNER, (await buildActor(s.ds)).rowId);
      const analyst = await s.as(Role.ANALYST);
      const before = await maxEntryId();
      const erase = `mutation($i: EraseContactPersonInput!) { eraseContactPerson(input: $i) { actor { id } } }`;
      expect(failure(await other.gql(erase, { i: { id: dora.id } })).code).toBe("FORBIDDEN");
      expect(failure(await analyst.gql(erase, { i: { id: dora.id } })).code).toBe("FORBIDDEN");
      expect(failure(await s.anon.gql(erase, { i: { id: dora.id } })).code).toBe("UNAUTHENTICATED");
      expect(await entriesAfter(before)).toEqual([]);
      const raw: { changes: string }[] = await s.ds.query("SELECT changes FROM audit_entry");
      expect(raw.map((r) => r.changes).join("\n")).toContain("dora@example.org");
    });
  });
});
