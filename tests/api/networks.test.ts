import { buildActor, buildMeeting, buildMembership, buildNetwork, gid } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { failure, ok, startTestServer, TestServer } from "../helpers/test-server";

describe.each(databaseKinds())("networks, memberships and meetings on %s", (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.stop());

  it("creates a working group, seats members with roles, and refuses a second overlapping seat", async () => {
    const lra = await buildActor(s.ds, { name: "Landratsamt Nettest" });
    const caritas = await buildActor(s.ds, { name: "Caritas Nettest" });
    const net = ok(
      await s.gql(`mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { network { id name kind version memberCount } } }`, {
        i: { name: "Arbeitskreis Migration", kind: "WORKING_GROUP", description: "Lokales Netzwerk seit 2005." },
      }),
    ).createNetwork.network;
    expect(net).toMatchObject({ name: "Arbeitskreis Migration", kind: "WORKING_GROUP", version: 1, memberCount: 0 });
    const add = `mutation($i: AddMembershipInput!) { addMembership(input: $i) { membership { id role since until actor { name } network { name } } } }`;
    const chair = ok(await s.gql(add, { i: { networkId: net.id, actorId: gid("Actor", lra.rowId), role: "CHAIR", since: "2005-03-01" } })).addMembership.membership;
    expect(chair).toMatchObject({ role: "CHAIR", since: "2005-03-01", until: null, actor: { name: "Landratsamt Nettest" }, network: { name: "Arbeitskreis Migration" } });
    ok(await s.gql(add, { i: { networkId: net.id, actorId: gid("Actor", caritas.rowId) } }));
    const dup = failure(await s.gql(add, { i: { networkId: net.id, actorId: gid("Actor", lra.rowId), since: "2020-01-01" } }));
    expect(dup.code).toBe("BAD_USER_INPUT");
    expect(dup.fields).toEqual([{ path: "actorId", message: "already has a seat in this network for (part of) that period" }]);
    const after = ok(await s.gql(`query($id: ID!) { network(id: $id) { memberCount members { role actor { name } } } }`, { id: net.id })).network;
    expect(after.memberCount).toBe(2);
  });

  it("records that a member left with until, and removes a mistaken seat", async () => {
    const net = await buildNetwork(s.ds);
    const a = await buildActor(s.ds);
    const seat = await buildMembership(s.ds, net.rowId, a.rowId);
    const upd = `mutation($i: UpdateMembershipInput!) { updateMembership(input: $i) { membership { role until version } } }`;
    expect(ok(await s.gql(upd, { i: { id: gid("Membership", seat.rowId), version: 1, until: "2025-12-31", role: "GUEST" } })).updateMembership.membership).toEqual({
      role: "GUEST",
      until: "2025-12-31",
      version: 2,
    });
    expect(failure(await s.gql(upd, { i: { id: gid("Membership", seat.rowId), version: 2, until: "2000-01-01" } })).fields?.[0].path).toBe("until");
    const net2 = ok(await s.gql(`query($id: ID!) { network(id: $id) { memberCount } }`, { id: gid("Network", net.rowId) })).network;
    expect(net2.memberCount).toBe(0);
    const removed = ok(
      await s.gql(`mutation($i: RemoveMembershipInput!) { removeMembership(input: $i) { removedId network { members { id } } } }`, { i: { id: gid("Membership", seat.rowId) } }),
    ).removeMembership;
    expect(removed).toEqual({ removedId: gid("Membership", seat.rowId), network: { members: [] } });
    expect(failure(await s.gql(`mutation($i: RemoveMembershipInput!) { removeMembership(input: $i) { removedId } }`, { i: { id: gid("Membership", seat.rowId) } })).code).toBe(
      "NOT_FOUND",
    );
  });

  it("keeps meetings with minutes, decisions and participants, newest first", async () => {
    const net = await buildNetwork(s.ds, { name: "Fachkreis Sitzungstest" });
    const a = await buildActor(s.ds, { name: "Teilnehmer A" });
    const b = await buildActor(s.ds, { name: "Teilnehmer B" });
    const create = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { meeting { id version title date minutes decisions participants { name } network { name } } } }`;
    const m = ok(
      await s.gql(create, {
        i: {
          networkId: gid("Network", net.rowId),
          date: "2026-04-15",
          title: "Frühjahrssitzung",
          minutes: "Bericht der Integrationsbeauftragten; Austausch zu Sprachkursen.",
          decisions: ["Arbeitsgruppe Sprachkurse wird gebildet", "  "],
          participantIds: [gid("Actor", a.rowId)],
        },
      }),
    ).createMeeting.meeting;
    expect(m).toMatchObject({ title: "Frühjahrssitzung", date: "2026-04-15", decisions: ["Arbeitsgruppe Sprachkurse wird gebildet"], participants: [{ name: "Teilnehmer A" }] });
    await buildMeeting(s.ds, net.rowId, [], { date: "2025-10-01", title: "Herbstsitzung" });
    const p = `mutation($i: MeetingParticipantInput!) { addMeetingParticipant(input: $i) { meeting { participants { name } version } } }`;
    const withB = ok(await s.gql(p, { i: { meetingId: m.id, actorId: gid("Actor", b.rowId) } })).addMeetingParticipant.meeting;
    expect(withB.participants.map((x: { name: string }) => x.name).sort()).toEqual(["Teilnehmer A", "Teilnehmer B"]);
    const without = ok(
      await s.gql(`mutation($i: MeetingParticipantInput!) { removeMeetingParticipant(input: $i) { meeting { version } } }`, { i: { meetingId: m.id, actorId: gid("Actor", a.rowId) } }),
    ).removeMeetingParticipant.meeting;
    expect(without.version).toBe(withB.version + 1);
    const upd = ok(
      await s.gql(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { minutes version } } }`, { i: { id: m.id, version: without.version, minutes: "Ergänztes Protokoll." } }),
    ).updateMeeting.meeting;
    expect(upd.minutes).toBe("Ergänztes Protokoll.");
    // Long minutes in four-byte characters fit (MySQL: MEDIUMTEXT; a TEXT holds 16,383 of them).
    const long = "📝".repeat(20_000);
    const longer = ok(await s.gql(`mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { minutes } } }`, { i: { id: m.id, version: upd.version, minutes: long } })).updateMeeting.meeting;
    expect(longer.minutes).toBe(long);
    const listed = ok(await s.gql(`query($id: ID!) { network(id: $id) { meetings { title participants { name } } } }`, { id: gid("Network", net.rowId) })).network.meetings;
    expect(listed).toEqual([
      { title: "Frühjahrssitzung", participants: [{ name: "Teilnehmer B" }] },
      { title: "Herbstsitzung", participants: [] },
    ]);
  });

  it("filters networks by kind, member, meeting period and text, and archives them", async () => {
    const a = await buildActor(s.ds);
    const ak = await buildNetwork(s.ds, { name: "Omega Arbeitskreis" });
    const ab = await buildNetwork(s.ds, { name: "Omega Aktionsbündnis gegen Rechtsextremismus", kind: "ALLIANCE" as never });
    await buildMembership(s.ds, ab.rowId, a.rowId);
    await buildMeeting(s.ds, ak.rowId, [], { date: "2026-02-02" });
    const names = async (f: Record<string, unknown>) =>
      ok(await s.gql(`query($f: NetworkFilter) { networks(filter: $f) { nodes { name } } }`, { f: { q: "Omega", ...f } })).networks.nodes.map((n: { name: string }) => n.name);
    expect(await names({})).toEqual(["Omega Aktionsbündnis gegen Rechtsextremismus", "Omega Arbeitskreis"]);
    expect(await names({ kinds: ["ALLIANCE"] })).toEqual(["Omega Aktionsbündnis gegen Rechtsextremismus"]);
    expect(await names({ actorIds: [gid("Actor", a.rowId)] })).toEqual(["Omega Aktionsbündnis gegen Rechtsextremismus"]);
    expect(await names({ metBetween: { from: "2026-01-01", to: "2026-03-01" } })).toEqual(["Omega Arbeitskreis"]);
    ok(await s.gql(`mutation($i: ArchiveInput!) { archiveNetwork(input: $i) { network { archived } } }`, { i: { id: gid("Network", ak.rowId), version: 1 } }));
    expect(await names({})).toEqual(["Omega Aktionsbündnis gegen Rechtsextremismus"]);
    const upd = failure(await s.gql(`mutation($i: UpdateNetworkInput!) { updateNetwork(input: $i) { network { id } } }`, { i: { id: gid("Network", ab.rowId), version: 9, name: "X" } }));
    expect(upd.code).toBe("CONFLICT");
  });
});
