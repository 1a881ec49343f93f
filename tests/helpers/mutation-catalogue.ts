import fs from "node:fs";
import path from "node:path";
import { buildSchema } from "graphql";
import { authenticator } from "otplib";
import { Actor, ContactPerson } from "../../server/src/modules/actors/actor.entity";
import { Account } from "../../server/src/modules/auth/account.entity";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { createAccount } from "../../server/src/modules/auth/auth.service";
import { Overlap, OverlapKind, OverlapStatus } from "../../server/src/modules/overlaps/overlap.entity";
import { buildCooperation, buildHandler, buildMeasure, buildMeeting, buildMembership, buildNetwork, gid } from "../factories";
import { Client, ok, TestServer } from "./test-server";

/**
 * One entry per Mutation field of schema.graphql: who may call it (DESIGN.md's users table), a real call with
 * valid input on fresh rows, and the audit entry it must write. The role test (tests/api/roles.test.ts) and the
 * audit test (tests/api/audit.test.ts) both walk this catalogue, so a new mutation needs an entry here.
 */

export type Who = "COMMISSIONER" | "PARTNER_OWN" | "PARTNER_OTHER" | "ANALYST" | "ANONYMOUS";
export type Outcome = "ALLOWED" | "FORBIDDEN" | "UNAUTHENTICATED";
export type Rule = Record<Who, Outcome>;
export const WHO: Who[] = ["ANONYMOUS", "COMMISSIONER", "PARTNER_OWN", "PARTNER_OTHER", "ANALYST"];

export const COMMISSIONER_ONLY: Rule = { COMMISSIONER: "ALLOWED", PARTNER_OWN: "FORBIDDEN", PARTNER_OTHER: "FORBIDDEN", ANALYST: "FORBIDDEN", ANONYMOUS: "UNAUTHENTICATED" };
/** The actor concerned, or its measures and contact persons: its own partner may, another partner may not. */
export const OWN_ACTOR: Rule = { COMMISSIONER: "ALLOWED", PARTNER_OWN: "ALLOWED", PARTNER_OTHER: "FORBIDDEN", ANALYST: "FORBIDDEN", ANONYMOUS: "UNAUTHENTICATED" };
/** Things about one's own account (second factor, logging out). */
export const ANY_ACCOUNT: Rule = { COMMISSIONER: "ALLOWED", PARTNER_OWN: "ALLOWED", PARTNER_OTHER: "ALLOWED", ANALYST: "ALLOWED", ANONYMOUS: "UNAUTHENTICATED" };
/** Logging in and redeeming a link work for anybody who holds the credentials or the token. */
export const EVERYONE: Rule = { COMMISSIONER: "ALLOWED", PARTNER_OWN: "ALLOWED", PARTNER_OTHER: "ALLOWED", ANALYST: "ALLOWED", ANONYMOUS: "ALLOWED" };

export const PASSWORD = "test-password-123";

/** The rows one case works on: `own` is the actor concerned, `other` the other partner's actor, `third` a bystander. */
export interface World {
  s: TestServer;
  own: Actor;
  other: Actor;
  third: Actor;
  fieldId: number;
}

/** The audit entry a successful call must write (all given parts must match one new entry). */
export interface AuditExpectation {
  entityType?: string;
  /** Global id of the changed object, or how to read it from the response. */
  entityId?: string | ((data: any) => string);
  action?: string;
  /** Whose entry it is: the caller (default) or the account the call is about (login, invitation, reset link). */
  by?: "caller" | (() => Promise<number>);
  /** One field change the entry must record. */
  change?: { field: string; before?: unknown; after?: unknown };
  /** A value that must occur somewhere in the entry's changes. */
  mentions?: string;
}

export interface Case {
  query: string;
  variables?: Record<string, unknown>;
  /** For allowed calls: checks the intended change beyond "something changed". */
  effect?: () => Promise<void>;
  audit: AuditExpectation | { exempt: string };
}

export interface Entry {
  rule: Rule;
  /** Who runs it in the audit test: public operations are run the way they are used, anonymously. */
  auditAs?: "ANONYMOUS";
  /** Builds the rows the mutation needs and returns the call; `me` is the caller's client (null when anonymous). */
  prepare(w: World, me: Client | null): Promise<Case>;
}

let uniq = 0;
const email = (what: string) => `${what}-${++uniq}-${Date.now()}@catalogue.example`;

export function tokenOf(url: string): string {
  const token = /token=([^&]+)$/.exec(url)?.[1];
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

async function invitationToken(w: World, role: Role, actor: Actor | null): Promise<{ token: string; email: string }> {
  const address = email("invited");
  const res = ok(
    await w.s.gql(`mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { url } }`, {
      i: { email: address, role, actorId: actor ? gid("Actor", actor.rowId) : null },
    }),
  );
  return { token: tokenOf(res.createInvitation.url), email: address };
}

async function bystanderAccount(w: World): Promise<Account> {
  return createAccount(w.s.ds, { email: email("bystander"), password: PASSWORD, role: Role.PARTNER, actorId: w.third.rowId, demo: true });
}

async function accountOf(w: World, me: Client | null): Promise<Account | null> {
  return me?.accountId ? w.s.ds.getRepository(Account).findOneBy({ rowId: me.accountId }) : null;
}

const measureOf = async (w: World, over: { published?: boolean } = {}, partners: number[] = []) =>
  buildMeasure(w.s.ds, w.own.rowId, { published: over.published ?? true, lastConfirmedOn: "2025-01-01" }, { fields: [w.fieldId], partners });

const count = async (w: World, table: string, where: string, params: unknown[]) =>
  Number((await w.s.ds.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

const archived = (type: string, id: string) => ({ entityType: type, entityId: id, action: "ARCHIVE", change: { field: "archived", before: false, after: true } });

export const CATALOGUE: Record<string, Entry> = {
  acceptInvitation: {
    rule: EVERYONE,
    auditAs: "ANONYMOUS",
    async prepare(w) {
      const inv = await invitationToken(w, Role.PARTNER, w.own);
      const created = async () => (await w.s.ds.getRepository(Account).findOneByOrFail({ email: inv.email })).rowId;
      return {
        query: `mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { totpRequired account { id email role } } }`,
        variables: { i: { token: inv.token, password: "ein-gutes-Passwort-42" } },
        effect: async () => expect((await w.s.ds.getRepository(Account).findOneBy({ email: inv.email }))?.actorId).toBe(w.own.rowId),
        audit: { entityType: "Account", entityId: (d) => d.acceptInvitation.account.id, action: "CREATE", by: created, change: { field: "email", after: inv.email } },
      };
    },
  },
  addMeasurePartner: {
    rule: OWN_ACTOR,
    async prepare(w) {
      const m = await measureOf(w);
      return {
        query: `mutation($i: MeasurePartnerInput!) { addMeasurePartner(input: $i) { measure { version } } }`,
        variables: { i: { measureId: gid("Measure", m.rowId), actorId: gid("Actor", w.third.rowId), version: 1 } },
        effect: async () => expect(await count(w, "measure_partner", "measureId = ? AND actorId = ?", [m.rowId, w.third.rowId])).toBe(1),
        audit: { entityType: "Measure", entityId: gid("Measure", m.rowId), action: "UPDATE", change: { field: "partnerIds", before: [], after: [w.third.rowId] } },
      };
    },
  },
  addMeetingParticipant: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const meeting = await buildMeeting(w.s.ds, (await buildNetwork(w.s.ds)).rowId);
      return {
        query: `mutation($i: MeetingParticipantInput!) { addMeetingParticipant(input: $i) { meeting { id } } }`,
        variables: { i: { meetingId: gid("Meeting", meeting.rowId), actorId: gid("Actor", w.own.rowId) } },
        audit: { entityType: "Meeting", entityId: gid("Meeting", meeting.rowId), action: "UPDATE", change: { field: "participantIds", before: [], after: [w.own.rowId] } },
      };
    },
  },
  addMembership: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const net = await buildNetwork(w.s.ds);
      return {
        query: `mutation($i: AddMembershipInput!) { addMembership(input: $i) { membership { id } } }`,
        variables: { i: { networkId: gid("Network", net.rowId), actorId: gid("Actor", w.own.rowId) } },
        audit: { entityType: "Membership", entityId: (d) => d.addMembership.membership.id, action: "CREATE", change: { field: "actorId", before: null, after: w.own.rowId } },
      };
    },
  },
  archiveActor: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Actor", w.own.rowId);
      return { query: `mutation($i: ArchiveInput!) { archiveActor(input: $i) { actor { archived } } }`, variables: { i: { id, version: 1 } }, audit: archived("Actor", id) };
    },
  },
  archiveCooperation: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Cooperation", (await buildCooperation(w.s.ds, w.own.rowId, w.other.rowId)).rowId);
      return { query: `mutation($i: ArchiveInput!) { archiveCooperation(input: $i) { cooperation { archived } } }`, variables: { i: { id, version: 1 } }, audit: archived("Cooperation", id) };
    },
  },
  archiveHandler: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Handler", (await buildHandler(w.s.ds, w.own.rowId, w.fieldId)).rowId);
      return { query: `mutation($i: ArchiveInput!) { archiveHandler(input: $i) { handler { archived } } }`, variables: { i: { id, version: 1 } }, audit: archived("Handler", id) };
    },
  },
  archiveMeasure: {
    rule: OWN_ACTOR,
    async prepare(w) {
      const id = gid("Measure", (await measureOf(w)).rowId);
      return { query: `mutation($i: ArchiveInput!) { archiveMeasure(input: $i) { measure { archived } } }`, variables: { i: { id, version: 1 } }, audit: archived("Measure", id) };
    },
  },
  archiveMeeting: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Meeting", (await buildMeeting(w.s.ds, (await buildNetwork(w.s.ds)).rowId)).rowId);
      return { query: `mutation($i: ArchiveInput!) { archiveMeeting(input: $i) { meeting { archived } } }`, variables: { i: { id, version: 1 } }, audit: archived("Meeting", id) };
    },
  },
  archiveNetwork: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Network", (await buildNetwork(w.s.ds)).rowId);
      return { query: `mutation($i: ArchiveInput!) { archiveNetwork(input: $i) { network { archived } } }`, variables: { i: { id, version: 1 } }, audit: archived("Network", id) };
    },
  },
  beginTotpSetup: {
    rule: ANY_ACCOUNT,
    async prepare(w, me) {
      return {
        query: `mutation { beginTotpSetup { secret otpauthUrl } }`,
        effect: async () => expect((await accountOf(w, me))?.totpSecret).toBeTruthy(),
        audit: { exempt: "only stages a secret; nothing changes for the account until enableTotp, which is audited" },
      };
    },
  },
  confirmMeasure: {
    rule: OWN_ACTOR,
    async prepare(w) {
      const id = gid("Measure", (await measureOf(w)).rowId);
      return {
        query: `mutation($i: ConfirmMeasureInput!) { confirmMeasure(input: $i) { measure { lastConfirmedOn } } }`,
        variables: { i: { id, version: 1 } },
        audit: { entityType: "Measure", entityId: id, action: "UPDATE", change: { field: "lastConfirmedOn", before: "2025-01-01" } },
      };
    },
  },
  createActor: {
    rule: COMMISSIONER_ONLY,
    async prepare() {
      return {
        query: `mutation($i: CreateActorInput!) { createActor(input: $i) { actor { id } } }`,
        variables: { i: { name: "Neuer Verein", kind: "OTHER", level: "MUNICIPAL" } },
        audit: { entityType: "Actor", entityId: (d) => d.createActor.actor.id, action: "CREATE", change: { field: "name", before: null, after: "Neuer Verein" } },
      };
    },
  },
  createCooperation: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      return {
        query: `mutation($i: CreateCooperationInput!) { createCooperation(input: $i) { cooperation { id } } }`,
        variables: { i: { actorAId: gid("Actor", w.own.rowId), actorBId: gid("Actor", w.third.rowId), kind: "REFERRAL" } },
        audit: { entityType: "Cooperation", entityId: (d) => d.createCooperation.cooperation.id, action: "CREATE", change: { field: "kind", before: null, after: "REFERRAL" } },
      };
    },
  },
  createHandler: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      return {
        query: `mutation($i: CreateHandlerInput!) { createHandler(input: $i) { handler { id } } }`,
        variables: { i: { actorId: gid("Actor", w.own.rowId), fieldOfActionId: gid("FieldOfAction", w.fieldId), countyWide: true } },
        audit: { entityType: "Handler", entityId: (d) => d.createHandler.handler.id, action: "CREATE", change: { field: "actorId", before: null, after: w.own.rowId } },
      };
    },
  },
  createInvitation: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const invitee = email("invitee");
      return {
        query: `mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { url expiresAt } }`,
        variables: { i: { email: invitee, role: "PARTNER", actorId: gid("Actor", w.own.rowId) } },
        // Issuing a link that creates an account is a change of who may act: who invited whom, for which actor.
        audit: { action: "CREATE", mentions: invitee },
      };
    },
  },
  createMeasure: {
    rule: OWN_ACTOR,
    async prepare(w) {
      return {
        query: `mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { measure { id } } }`,
        variables: { i: { providerId: gid("Actor", w.own.rowId), title: "Sprachcafé", fieldOfActionIds: [gid("FieldOfAction", w.fieldId)], countyWide: true, level: "COUNTY" } },
        effect: async () => expect(await count(w, "measure", "providerId = ?", [w.own.rowId])).toBe(1),
        audit: { entityType: "Measure", entityId: (d) => d.createMeasure.measure.id, action: "CREATE", change: { field: "title", before: null, after: "Sprachcafé" } },
      };
    },
  },
  createMeeting: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const net = await buildNetwork(w.s.ds);
      return {
        query: `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { meeting { id } } }`,
        variables: { i: { networkId: gid("Network", net.rowId), date: "2026-05-04", title: "Frühjahrssitzung", participantIds: [gid("Actor", w.own.rowId)] } },
        audit: { entityType: "Meeting", entityId: (d) => d.createMeeting.meeting.id, action: "CREATE", change: { field: "title", before: null, after: "Frühjahrssitzung" } },
      };
    },
  },
  createNetwork: {
    rule: COMMISSIONER_ONLY,
    async prepare() {
      return {
        query: `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { network { id } } }`,
        variables: { i: { name: "Runder Tisch", kind: "WORKING_GROUP" } },
        audit: { entityType: "Network", entityId: (d) => d.createNetwork.network.id, action: "CREATE", change: { field: "name", before: null, after: "Runder Tisch" } },
      };
    },
  },
  createPasswordReset: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const target = await bystanderAccount(w);
      return {
        query: `mutation($i: CreatePasswordResetInput!) { createPasswordReset(input: $i) { url } }`,
        variables: { i: { accountId: gid("Account", target.rowId) } },
        // A reset link lets its holder take over the account: who issued one, for whom, must be on record.
        audit: { entityType: "Account", entityId: gid("Account", target.rowId) },
      };
    },
  },
  disableTotp: {
    rule: ANY_ACCOUNT,
    async prepare(w, me) {
      let code = "123456";
      if (me) {
        const secret = ok(await me.gql(`mutation { beginTotpSetup { secret } }`)).beginTotpSetup.secret;
        ok(await me.gql(`mutation($i: TotpCodeInput!) { enableTotp(input: $i) { totpEnabled } }`, { i: { code: authenticator.generate(secret) } }));
        code = authenticator.generate(secret);
      }
      return {
        query: `mutation($i: TotpCodeInput!) { disableTotp(input: $i) { totpEnabled } }`,
        variables: { i: { code } },
        effect: async () => expect((await accountOf(w, me))?.totpEnabled).toBe(false),
        audit: { entityType: "Account", entityId: me?.accountId ? gid("Account", me.accountId) : undefined, action: "UPDATE", change: { field: "totpEnabled", before: true, after: false } },
      };
    },
  },
  enableTotp: {
    rule: ANY_ACCOUNT,
    async prepare(w, me) {
      const code = me ? authenticator.generate(ok(await me.gql(`mutation { beginTotpSetup { secret } }`)).beginTotpSetup.secret) : "123456";
      return {
        query: `mutation($i: TotpCodeInput!) { enableTotp(input: $i) { totpEnabled } }`,
        variables: { i: { code } },
        effect: async () => expect((await accountOf(w, me))?.totpEnabled).toBe(true),
        audit: { entityType: "Account", entityId: me?.accountId ? gid("Account", me.accountId) : undefined, action: "UPDATE", change: { field: "totpEnabled", before: false, after: true } },
      };
    },
  },
  eraseContactPerson: {
    rule: OWN_ACTOR,
    async prepare(w) {
      const repo = w.s.ds.getRepository(ContactPerson);
      const c = await repo.save(repo.create({ actorId: w.own.rowId, name: "Erika Muster", role: "Leitung", email: "erika@own.example", phone: "07621 1", position: 0 }));
      return {
        query: `mutation($i: EraseContactPersonInput!) { eraseContactPerson(input: $i) { actor { id } } }`,
        variables: { i: { id: gid("ContactPerson", c.rowId) } },
        effect: async () => expect(await repo.findOneBy({ rowId: c.rowId })).toBeNull(),
        audit: { entityType: "ContactPerson", entityId: gid("ContactPerson", c.rowId), action: "ERASE" },
      };
    },
  },
  login: {
    rule: EVERYONE,
    auditAs: "ANONYMOUS",
    async prepare(w) {
      const target = await bystanderAccount(w);
      return {
        query: `mutation($i: LoginInput!) { login(input: $i) { account { email } totpRequired } }`,
        variables: { i: { email: target.email, password: PASSWORD } },
        audit: { entityType: "Account", entityId: gid("Account", target.rowId), action: "LOGIN", by: async () => target.rowId },
      };
    },
  },
  logout: {
    rule: ANY_ACCOUNT,
    async prepare(_w, me) {
      return {
        query: `mutation { logout { loggedOut } }`,
        audit: { entityType: "Account", entityId: me?.accountId ? gid("Account", me.accountId) : undefined, action: "LOGOUT" },
      };
    },
  },
  recomputeOverlaps: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      // Two offerings of different actors for the same need: the recompute finds (and stores) their overlap.
      const same = { title: "Deutschkurs für Frauen mit Kinderbetreuung", description: "Sprachkurs A1 für Frauen, vormittags, mit Kinderbetreuung." };
      const a = await buildMeasure(w.s.ds, w.own.rowId, same, { fields: [w.fieldId] });
      const b = await buildMeasure(w.s.ds, w.other.rowId, same, { fields: [w.fieldId] });
      await w.s.ds.getRepository(Overlap).clear();
      return {
        query: `mutation { recomputeOverlaps { measures findings opened } }`,
        effect: async () => expect(await count(w, "overlap", "measureAId = ? AND measureBId = ?", [Math.min(a.rowId, b.rowId), Math.max(a.rowId, b.rowId)])).toBe(1),
        // A recompute opens, re-opens and resolves reviews: who started it must be on record.
        audit: { by: "caller" },
      };
    },
  },
  removeMeasurePartner: {
    rule: OWN_ACTOR,
    async prepare(w) {
      const m = await measureOf(w, {}, [w.third.rowId]);
      return {
        query: `mutation($i: MeasurePartnerInput!) { removeMeasurePartner(input: $i) { measure { version } } }`,
        variables: { i: { measureId: gid("Measure", m.rowId), actorId: gid("Actor", w.third.rowId) } },
        effect: async () => expect(await count(w, "measure_partner", "measureId = ?", [m.rowId])).toBe(0),
        audit: { entityType: "Measure", entityId: gid("Measure", m.rowId), action: "UPDATE", change: { field: "partnerIds", before: [w.third.rowId], after: [] } },
      };
    },
  },
  removeMeetingParticipant: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const meeting = await buildMeeting(w.s.ds, (await buildNetwork(w.s.ds)).rowId, [w.own.rowId]);
      return {
        query: `mutation($i: MeetingParticipantInput!) { removeMeetingParticipant(input: $i) { meeting { id } } }`,
        variables: { i: { meetingId: gid("Meeting", meeting.rowId), actorId: gid("Actor", w.own.rowId) } },
        audit: { entityType: "Meeting", entityId: gid("Meeting", meeting.rowId), action: "UPDATE", change: { field: "participantIds", before: [w.own.rowId], after: [] } },
      };
    },
  },
  removeMembership: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const ms = await buildMembership(w.s.ds, (await buildNetwork(w.s.ds)).rowId, w.own.rowId);
      return {
        query: `mutation($i: RemoveMembershipInput!) { removeMembership(input: $i) { removedId } }`,
        variables: { i: { id: gid("Membership", ms.rowId) } },
        audit: { entityType: "Membership", entityId: gid("Membership", ms.rowId), action: "DELETE", change: { field: "actorId", before: w.own.rowId, after: null } },
      };
    },
  },
  resetPassword: {
    rule: EVERYONE,
    auditAs: "ANONYMOUS",
    async prepare(w) {
      const target = await bystanderAccount(w);
      const url = ok(await w.s.gql(`mutation($i: CreatePasswordResetInput!) { createPasswordReset(input: $i) { url } }`, { i: { accountId: gid("Account", target.rowId) } }))
        .createPasswordReset.url;
      return {
        query: `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }`,
        variables: { i: { token: tokenOf(url), password: "ein-neues-Passwort-42" } },
        // The holder of the link acts for the account (usually without being logged in).
        audit: { entityType: "Account", entityId: gid("Account", target.rowId), action: "UPDATE", by: async () => target.rowId },
      };
    },
  },
  reviewOverlap: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const a = await measureOf(w);
      const b = await buildMeasure(w.s.ds, w.other.rowId, { published: true }, { fields: [w.fieldId] });
      const repo = w.s.ds.getRepository(Overlap);
      const o = await repo.save(
        repo.create({
          measureAId: Math.min(a.rowId, b.rowId),
          measureBId: Math.max(a.rowId, b.rowId),
          kind: OverlapKind.CROSS_ACTOR,
          score: 0.9,
          dimensions: { field: 1, targetGroup: 1, age: 1, area: 1, time: 1, text: 0.8 },
          shared: { fields: ["LANGUAGE"], targetGroups: [], ages: null, municipalityIds: "COUNTY", period: null, text: 0.8 },
          explanation: "Gleiches Handlungsfeld, ganzer Landkreis.",
          status: OverlapStatus.OPEN,
          reviewNote: null,
          reviewedById: null,
          reviewedByEmail: null,
          reviewedAt: null,
          statusReason: null,
          detected: true,
          fingerprintA: "a",
          fingerprintB: "b",
          clusterKey: null,
        }),
      );
      const id = gid("Overlap", o.rowId);
      return {
        query: `mutation($i: ReviewOverlapInput!) { reviewOverlap(input: $i) { overlap { status } } }`,
        variables: { i: { id, version: 1, status: "COMPLEMENTARY", note: "Bewusst doppelt: zwei Stadtteile." } },
        effect: async () => expect((await repo.findOneByOrFail({ rowId: o.rowId })).status).toBe(OverlapStatus.COMPLEMENTARY),
        audit: { entityType: "Overlap", entityId: id, action: "UPDATE", change: { field: "status", before: "OPEN", after: "COMPLEMENTARY" } },
      };
    },
  },
  setAccountDisabled: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const target = await bystanderAccount(w);
      return {
        query: `mutation($i: SetAccountDisabledInput!) { setAccountDisabled(input: $i) { disabled } }`,
        variables: { i: { id: gid("Account", target.rowId), disabled: true } },
        effect: async () => expect((await w.s.ds.getRepository(Account).findOneBy({ rowId: target.rowId }))?.disabled).toBe(true),
        audit: { entityType: "Account", entityId: gid("Account", target.rowId), action: "UPDATE", change: { field: "disabled", before: false, after: true } },
      };
    },
  },
  updateActor: {
    rule: OWN_ACTOR,
    async prepare(w) {
      const id = gid("Actor", w.own.rowId);
      return {
        query: `mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { description } } }`,
        variables: { i: { id, version: 1, description: "Neu beschrieben." } },
        effect: async () => expect((await w.s.ds.getRepository(Actor).findOneBy({ rowId: w.own.rowId }))?.description).toBe("Neu beschrieben."),
        audit: { entityType: "Actor", entityId: id, action: "UPDATE", change: { field: "description", before: w.own.description, after: "Neu beschrieben." } },
      };
    },
  },
  updateCooperation: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Cooperation", (await buildCooperation(w.s.ds, w.own.rowId, w.other.rowId)).rowId);
      return {
        query: `mutation($i: UpdateCooperationInput!) { updateCooperation(input: $i) { cooperation { note } } }`,
        variables: { i: { id, version: 1, note: "Neu" } },
        audit: { entityType: "Cooperation", entityId: id, action: "UPDATE", change: { field: "note", before: null, after: "Neu" } },
      };
    },
  },
  updateHandler: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Handler", (await buildHandler(w.s.ds, w.own.rowId, w.fieldId)).rowId);
      return {
        query: `mutation($i: UpdateHandlerInput!) { updateHandler(input: $i) { handler { priority } } }`,
        variables: { i: { id, version: 1, priority: 2 } },
        audit: { entityType: "Handler", entityId: id, action: "UPDATE", change: { field: "priority", before: 1, after: 2 } },
      };
    },
  },
  updateMeasure: {
    rule: OWN_ACTOR,
    async prepare(w) {
      const m = await measureOf(w);
      const id = gid("Measure", m.rowId);
      return {
        query: `mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { measure { title } } }`,
        variables: { i: { id, version: 1, title: "Neuer Titel" } },
        audit: { entityType: "Measure", entityId: id, action: "UPDATE", change: { field: "title", before: m.title, after: "Neuer Titel" } },
      };
    },
  },
  updateMeeting: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Meeting", (await buildMeeting(w.s.ds, (await buildNetwork(w.s.ds)).rowId)).rowId);
      return {
        query: `mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { meeting { title } } }`,
        variables: { i: { id, version: 1, title: "Neu" } },
        audit: { entityType: "Meeting", entityId: id, action: "UPDATE", change: { field: "title", before: "Sitzung", after: "Neu" } },
      };
    },
  },
  updateMembership: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Membership", (await buildMembership(w.s.ds, (await buildNetwork(w.s.ds)).rowId, w.own.rowId)).rowId);
      return {
        query: `mutation($i: UpdateMembershipInput!) { updateMembership(input: $i) { membership { role } } }`,
        variables: { i: { id, version: 1, role: "CHAIR" } },
        audit: { entityType: "Membership", entityId: id, action: "UPDATE", change: { field: "role", before: "MEMBER", after: "CHAIR" } },
      };
    },
  },
  updateNetwork: {
    rule: COMMISSIONER_ONLY,
    async prepare(w) {
      const id = gid("Network", (await buildNetwork(w.s.ds)).rowId);
      return {
        query: `mutation($i: UpdateNetworkInput!) { updateNetwork(input: $i) { network { name } } }`,
        variables: { i: { id, version: 1, name: "Umbenannt" } },
        audit: { entityType: "Network", entityId: id, action: "UPDATE", change: { field: "name", after: "Umbenannt" } },
      };
    },
  },
};

/** The committed contract, read from schema.graphql (not from the code). */
export const SCHEMA = buildSchema(fs.readFileSync(path.resolve(__dirname, "../../schema.graphql"), "utf8"));

/** The Mutation fields of schema.graphql, sorted. */
export const SCHEMA_MUTATIONS = Object.keys(SCHEMA.getMutationType()?.getFields() ?? {}).sort();

/** Problems between the schema's Mutation fields and the catalogue (a new mutation without an entry, or a stale one). */
export function catalogueGaps(): string[] {
  const missing = SCHEMA_MUTATIONS.filter((m) => !CATALOGUE[m]).map((m) => `new mutation ${m} has no entry in the role table (tests/helpers/mutation-catalogue.ts)`);
  const stale = Object.keys(CATALOGUE)
    .filter((m) => !SCHEMA_MUTATIONS.includes(m))
    .map((m) => `the role table names ${m}, which schema.graphql no longer has`);
  return [...missing, ...stale];
}
