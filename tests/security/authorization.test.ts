import { ContactPerson } from "../../server/src/modules/actors/actor.entity";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { buildActor, buildMeasure, buildNetwork, gid, taxonomy } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { Client, ok, startTestServer, TestServer } from "../helpers/test-server";
import { expectNoLeak, expectRefused, unchanged } from "./support";

/**
 * IDOR, mass assignment and role escalation: partner A (Caritas) against partner B (AWO) and the commissioner's
 * data, an analyst trying to write, and an anonymous visitor walking from the public catalogue into the directory.
 */
describe.each(databaseKinds())("authorisation attacks on %s", (kind) => {
  let s: TestServer;
  let a: Client;
  let b: Client;
  let analyst: Client;
  let actorA: number;
  let actorB: number;
  let measureA: number;
  let measureB: number;
  let unpublishedB: number;
  let contactB: number;
  let fieldId: string;
  let networkId: number;

  beforeAll(async () => {
    s = await startTestServer(kind);
    const t = await taxonomy(s.ds);
    fieldId = t.fieldId("LANGUAGE");
    actorA = (await buildActor(s.ds, { name: "Caritasverband Lörrach" })).rowId;
    actorB = (await buildActor(s.ds, { name: "AWO Kreisverband Lörrach" })).rowId;
    measureA = (await buildMeasure(s.ds, actorA, { title: "Sprachcafé Caritas" })).rowId;
    measureB = (await buildMeasure(s.ds, actorB, { title: "Bewerbungstraining AWO" })).rowId;
    unpublishedB = (await buildMeasure(s.ds, actorB, { title: "Entwurf AWO", published: false })).rowId;
    contactB = (
      await s.ds
        .getRepository(ContactPerson)
        .save({ actorId: actorB, name: "Beraterin AWO", role: "Migrationsberatung", email: "beratung@awo.example", phone: "07621 000", position: 0 })
    ).rowId;
    await s.ds
      .getRepository(ContactPerson)
      .save({ actorId: actorA, name: "Berater Caritas", role: null, email: "berater@caritas.example", phone: "07621 111", position: 0 });
    networkId = (await buildNetwork(s.ds, { name: "Arbeitskreis Integration" })).rowId;
    a = await s.as(Role.PARTNER, actorA);
    b = await s.as(Role.PARTNER, actorB);
    analyst = await s.as(Role.ANALYST);
  });
  afterAll(async () => s?.stop());

  describe("partner A against partner B's rows (IDOR by global id)", () => {
    it("refuses to update B's measure with FORBIDDEN", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { title } } }`, {
          i: { id: gid("Measure", measureB), version: 1, title: "Gekapert" },
        }),
      );
      expectRefused(res, "FORBIDDEN");
    });

    it("refuses to archive B's measure", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: ArchiveInput!) { archiveMeasure(input: $i) { measure { archived } } }`, { i: { id: gid("Measure", measureB), version: 1 } }),
      );
      expectRefused(res, "FORBIDDEN");
    });

    it("refuses to confirm B's measure", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: ConfirmMeasureInput!) { confirmMeasure(input: $i) { measure { id } } }`, { i: { id: gid("Measure", measureB), version: 1 } }),
      );
      expectRefused(res, "FORBIDDEN");
    });

    it("refuses to add itself as a partner of B's measure", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: MeasurePartnerInput!) { addMeasurePartner(input: $i) { measure { id } } }`, {
          i: { measureId: gid("Measure", measureB), actorId: gid("Actor", actorA) },
        }),
      );
      expectRefused(res, "FORBIDDEN");
    });

    it("answers an edit of B's unpublished measure with NOT_FOUND (it cannot even see it)", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { title } } }`, {
          i: { id: gid("Measure", unpublishedB), version: 1, title: "Gekapert" },
        }),
      );
      expectRefused(res, "NOT_FOUND");
    });

    it("refuses to update B's actor", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { name } } }`, {
          i: { id: gid("Actor", actorB), version: 1, name: "Gekapert" },
        }),
      );
      expectRefused(res, "FORBIDDEN");
    });

    it("refuses to erase B's contact person", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: EraseContactPersonInput!) { eraseContactPerson(input: $i) { actor { id } } }`, { i: { id: gid("ContactPerson", contactB) } }),
      );
      expectRefused(res, "FORBIDDEN");
    });

    it("cannot take over B's contact person by naming its id in its own actor's contact list", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { name } } }`, {
          i: { id: gid("Actor", actorA), version: 1, contactPersons: [{ id: gid("ContactPerson", contactB), name: "Gekapert" }] },
        }),
      );
      expect(expectRefused(res, "NOT_FOUND").fields).toEqual([{ path: "contactPersons.0.id", message: "is not a contact person of this actor" }]);
    });

    it("answers a measure id passed as an actor id (type confusion) with NOT_FOUND", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { name } } }`, {
          i: { id: gid("Measure", actorA), version: 1, name: "Verwechselt" },
        }),
      );
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain(res.errors?.[0]?.extensions?.code);
      expectNoLeak(res);
    });

    it("does not show B's contact persons' e-mail and phone, but its own", async () => {
      const q = `query($a: ID!, $b: ID!) { a: actor(id: $a) { contactPersons { email phone } } b: actor(id: $b) { contactPersons { name email phone } } }`;
      const data = ok(await unchanged(s.ds, () => a.gql(q, { a: gid("Actor", actorA), b: gid("Actor", actorB) })));
      expect(data.a.contactPersons).toEqual([{ email: "berater@caritas.example", phone: "07621 111" }]);
      expect(data.b.contactPersons).toEqual([{ name: "Beraterin AWO", email: null, phone: null }]);
      const viaNode = ok(await a.gql(`query($id: ID!) { node(id: $id) { ... on ContactPerson { email phone } } }`, { id: gid("ContactPerson", contactB) }));
      expect(viaNode.node).toEqual({ email: null, phone: null });
    });

    it("refuses B's change history with FORBIDDEN", async () => {
      const res = await unchanged(s.ds, () => a.gql(`query($id: ID!) { actor(id: $id) { history { at } } }`, { id: gid("Actor", actorB) }));
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    });

    it("does not find B's unpublished measure by id, by node, in lists or under B", async () => {
      const id = gid("Measure", unpublishedB);
      const res = await unchanged(s.ds, () =>
        a.gql(
          `query($id: ID!, $b: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } measures(filter: { published: false }) { nodes { title } } actor(id: $b) { measures { title } } }`,
          { id, b: gid("Actor", actorB) },
        ),
      );
      const data = ok(res);
      expect(data.node).toBeNull();
      expect(data.nodes).toEqual([null]);
      expect(data.measures.nodes).toEqual([]);
      expect(data.actor.measures.map((m: { title: string }) => m.title)).toEqual(["Bewerbungstraining AWO"]);
      expectRefused(await a.gql(`query($id: ID!) { measure(id: $id) { title } }`, { id }), "NOT_FOUND");
    });

    it("does not read another account through node(id)", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`query($id: ID!) { node(id: $id) { ... on Account { email role } } }`, { id: gid("Account", b.accountId!) }),
      );
      expect(ok(res).node).toBeNull();
    });

    it("refuses another account's GDPR export with FORBIDDEN", async () => {
      const res = await unchanged(s.ds, () => a.gql(`query($id: ID!) { exportAccountData(accountId: $id) }`, { id: gid("Account", b.accountId!) }));
      expectRefused(res, "FORBIDDEN");
    });
  });

  describe("moving a measure to another provider", () => {
    it("refuses creating a measure for provider B with FORBIDDEN", async () => {
      const i = { title: "Untergeschoben", providerId: gid("Actor", actorB), level: "COUNTY", countyWide: true, fieldOfActionIds: [fieldId] };
      const res = await unchanged(s.ds, () => a.gql(`mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { measure { id } } }`, { i }));
      expectRefused(res, "FORBIDDEN");
    });

    it("refuses providerId in an update: the input has no such field (BAD_USER_INPUT, HTTP 400)", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { id } } }`, {
          i: { id: gid("Measure", measureA), version: 1, providerId: gid("Actor", actorB) },
        }),
      );
      expect(res.status).toBe(400);
      expect(expectRefused(res, "BAD_USER_INPUT").fields).toEqual([{ path: "providerId", message: expect.stringMatching(/not defined/) }]);
    });

    it("refuses providerId written into the query text (GRAPHQL_VALIDATION_FAILED)", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation { updateMeasure(input: { id: "${gid("Measure", measureA)}", version: 1, providerId: "${gid("Actor", actorB)}" }) { measure { id } } }`),
      );
      expectRefused(res, "GRAPHQL_VALIDATION_FAILED");
    });
  });

  describe("mass assignment and role escalation through input fields", () => {
    it.each([
      ["archived", true],
      ["createdAt", "2020-01-01T00:00:00Z"],
      ["role", "COMMISSIONER"],
      ["actorId", "QWN0b3I6MQ"],
    ])("refuses `%s` in a partner's update of its own actor (BAD_USER_INPUT)", async (field, value) => {
      const i = { id: gid("Actor", actorA), version: 1, name: "Caritas neu", [field]: value };
      const res = await unchanged(s.ds, () => a.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { version archived } } }`, { i }));
      expect(expectRefused(res, "BAD_USER_INPUT").fields).toEqual([{ path: field, message: expect.stringMatching(/not defined/) }]);
    });

    it("treats a made-up `version` as stale (CONFLICT), changing nothing", async () => {
      const res = await unchanged(s.ds, () =>
        a.gql(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { version } } }`, {
          i: { id: gid("Actor", actorA), version: 99, name: "Caritas neu" },
        }),
      );
      expect(expectRefused(res, "CONFLICT")).toMatchObject({ currentVersion: 1, givenVersion: 99 });
    });

    it.each([["published"], ["archived"], ["providerId"], ["id"]])("refuses `%s` smuggled into a measure's funding entry", async (field) => {
      const i = { id: gid("Measure", measureA), version: 1, funding: [{ source: "ESF", level: "FEDERAL", [field]: true }] };
      const res = await unchanged(s.ds, () => a.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { id } } }`, { i }));
      expectRefused(res, "BAD_USER_INPUT");
    });

    it("refuses `role` in a login", async () => {
      const res = await unchanged(s.ds, () =>
        s.anon.gql(`mutation($i: LoginInput!) { login(input: $i) { account { role } } }`, {
          i: { email: "x@example.org", password: "irrelevant-123", role: "COMMISSIONER" },
        }),
      );
      expectRefused(res, "BAD_USER_INPUT");
    });

    it("refuses `role` and `actorId` when accepting an invitation, leaving the invitation unused", async () => {
      const invitation = ok(await s.gql(`mutation { createInvitation(input: { email: "neu@partner.example", role: ANALYST }) { url } }`)).createInvitation;
      const token = new URL(invitation.url).hash.replace("#token=", "");
      const res = await unchanged(s.ds, () =>
        s.anon.gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { account { role } } }`, {
          i: { token, password: "ein-langes-passwort-1", role: "COMMISSIONER", actorId: gid("Actor", actorB) },
        }),
      );
      expectRefused(res, "BAD_USER_INPUT");
      const accepted = ok(
        await s.anon.gql(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { account { role } } }`, {
          i: { token, password: "ein-langes-passwort-1" },
        }),
      );
      expect(accepted.acceptInvitation.account.role).toBe("ANALYST");
    });

    it("refuses a partner inviting a commissioner", async () => {
      const res = await unchanged(s.ds, () => a.gql(`mutation { createInvitation(input: { email: "boss@example.org", role: COMMISSIONER }) { url } }`));
      expectRefused(res, "FORBIDDEN");
    });

    it.each([
      ["setAccountDisabled", `mutation($id: ID!) { setAccountDisabled(input: { id: $id, disabled: true }) { disabled } }`],
      ["createPasswordReset", `mutation($id: ID!) { createPasswordReset(input: { accountId: $id }) { url } }`],
    ])("refuses a partner's %s on another account", async (_name, mutation) => {
      const res = await unchanged(s.ds, () => a.gql(mutation, { id: gid("Account", b.accountId!) }));
      expectRefused(res, "FORBIDDEN");
    });

    it.each([
      ["accounts", `{ accounts { email } }`],
      ["auditLog", `{ auditLog { totalCount } }`],
    ])("refuses %s to a partner", async (_name, query) => {
      expectRefused(await unchanged(s.ds, () => a.gql(query)), "FORBIDDEN");
    });
  });

  describe("writes outside one's role", () => {
    it.each([
      ["createActor", `mutation { createActor(input: { name: "Neu", kind: OTHER, level: COUNTY }) { actor { id } } }`],
      ["createNetwork", `mutation { createNetwork(input: { name: "Neu", kind: WORKING_GROUP }) { network { id } } }`],
      ["updateMeasure", `mutation($m: ID!) { updateMeasure(input: { id: $m, version: 1, title: "Analyst" }) { measure { id } } }`],
    ])("refuses an analyst's %s with FORBIDDEN", async (_name, mutation) => {
      const res = await unchanged(s.ds, () => analyst.gql(mutation, mutation.includes("$m") ? { m: gid("Measure", measureA) } : undefined));
      expectRefused(res, "FORBIDDEN");
    });

    it.each([
      ["addMembership", `mutation($n: ID!, $a: ID!) { addMembership(input: { networkId: $n, actorId: $a }) { membership { id } } }`, "network"],
      [
        "createCooperation",
        `mutation($a: ID!, $b: ID!) { createCooperation(input: { actorAId: $a, actorBId: $b, kind: REFERRAL }) { cooperation { id } } }`,
        "actors",
      ],
      ["createHandler", `mutation($f: ID!, $a: ID!) { createHandler(input: { actorId: $a, fieldOfActionId: $f }) { handler { id } } }`, "field"],
    ])("refuses a partner's %s (the commissioner keeps the network data)", async (_name, mutation, needs) => {
      const variables: Record<string, string> = { a: gid("Actor", actorA) };
      if (needs === "network") variables.n = gid("Network", networkId);
      if (needs === "actors") variables.b = gid("Actor", actorB);
      if (needs === "field") variables.f = fieldId;
      expectRefused(await unchanged(s.ds, () => a.gql(mutation, variables)), "FORBIDDEN");
    });

    it("refuses an anonymous visitor's walk from a published measure into the directory (UNAUTHENTICATED)", async () => {
      const res = await unchanged(s.ds, () =>
        s.anon.gql(`{ measures { nodes { title provider { name cooperations { note } memberships { id } handlers { id } } } } }`),
      );
      expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(["UNAUTHENTICATED"]));
      expectNoLeak(res);
    });

    it("refuses an anonymous visitor the actor list", async () => {
      expectRefused(await unchanged(s.ds, () => s.anon.gql(`{ actors { totalCount } }`)), "UNAUTHENTICATED");
    });
  });

  it("leaves partner A's own measure editable (the refusals above are not blanket ones)", async () => {
    const data = ok(
      await a.gql(`mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { title provider { name } } } }`, {
        i: { id: gid("Measure", measureA), version: 1, title: "Sprachcafé Caritas (neu)" },
      }),
    );
    expect(data.updateMeasure.measure).toEqual({ title: "Sprachcafé Caritas (neu)", provider: { name: "Caritasverband Lörrach" } });
  });
});
