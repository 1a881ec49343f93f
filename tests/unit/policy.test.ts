import { GraphQLError } from "graphql";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { actorOwnerCondition, can, measureOwnerCondition, requireCommissioner } from "../../server/src/modules/auth/auth.policy";
import { Viewer } from "../../server/src/modules/auth/viewer";

/**
 * The row rules of DESIGN.md's users table as pure functions: the commissioner changes everything, a partner keeps
 * its one actor (and that actor's measures) current, an analyst reads, and anonymous visitors see the public
 * catalogue only. Actor 7 is "ours" for the own-partner; the other partner is bound to actor 8.
 */
const OWN = 7;
const OTHER = 8;

const viewer = (role: Role, actorId: number | null = null, accountId = 100): Viewer => ({ accountId, email: `${role}@test.example`, role, actorId, sessionHash: "x" });

const who = {
  commissioner: viewer(Role.COMMISSIONER, null, 1),
  partnerOwn: viewer(Role.PARTNER, OWN, 2),
  partnerOther: viewer(Role.PARTNER, OTHER, 3),
  /** A partner account whose actor binding is missing (must get no partner rights at all). */
  partnerUnbound: viewer(Role.PARTNER, null, 4),
  analyst: viewer(Role.ANALYST, null, 5),
  anonymous: null,
} as const;
type Who = keyof typeof who;
const everyone = Object.keys(who) as Who[];

/** Asserts `rule` for every viewer: those listed in `allowed` get true, everybody else false. */
function only(allowed: Who[], rule: (v: Viewer | null) => boolean): void {
  for (const w of everyone) {
    expect({ who: w, allowed: rule(who[w]) }).toEqual({ who: w, allowed: allowed.includes(w) });
  }
}

const measure = (over: Partial<{ providerId: number; published: boolean; archived: boolean }> = {}) => ({ providerId: OWN, published: true, archived: false, ...over });

describe("auth.policy", () => {
  it("tests every rule the policy exports (a new rule needs its own test here)", () => {
    expect(Object.keys(can).sort()).toEqual(
      [
        "archiveActor",
        "createActor",
        "createMeasure",
        "editActor",
        "editMeasure",
        "eraseContact",
        "exportAccount",
        "manageAccounts",
        "manageNetworkData",
        "readAuditLog",
        "readContactDetails",
        "readDirectory",
        "readHistory",
        "readMeasure",
      ].sort(),
    );
  });

  describe("reading", () => {
    it("lets anonymous visitors read no directory beyond published measures; every account reads it", () => {
      only(["commissioner", "partnerOwn", "partnerOther", "partnerUnbound", "analyst"], (v) => can.readDirectory(v));
    });

    it("shows a published, current measure to everybody", () => {
      only(everyone, (v) => can.readMeasure(v, measure()));
    });

    it("hides an unpublished measure from anonymous visitors and other partners, not from its own partner, the commissioner or analysts", () => {
      only(["commissioner", "partnerOwn", "analyst"], (v) => can.readMeasure(v, measure({ published: false })));
    });

    it("never shows an archived measure to anonymous visitors, even a published one", () => {
      expect(can.readMeasure(null, measure({ archived: true }))).toBe(false);
      expect(can.readMeasure(null, measure({ archived: true, published: false }))).toBe(false);
      expect(can.readMeasure(who.commissioner, measure({ archived: true, published: false }))).toBe(true);
      expect(can.readMeasure(who.partnerOwn, measure({ archived: true, published: false }))).toBe(true);
      expect(can.readMeasure(who.partnerOther, measure({ archived: true, published: false }))).toBe(false);
    });

    it("shows contact persons' e-mail and phone to the commissioner and the actor's own partner only", () => {
      only(["commissioner", "partnerOwn"], (v) => can.readContactDetails(v, OWN));
      only(["commissioner", "partnerOther"], (v) => can.readContactDetails(v, OTHER));
    });

    it("shows an actor's or measure's history to the commissioner and the owning partner only", () => {
      only(["commissioner", "partnerOwn"], (v) => can.readHistory(v, OWN));
      only(["commissioner", "partnerOther"], (v) => can.readHistory(v, OTHER));
      only(["commissioner"], (v) => can.readHistory(v, 999));
    });

    it("shows the whole audit log to the commissioner only", () => {
      only(["commissioner"], (v) => can.readAuditLog(v));
    });

    it("exports an account's personal data to the commissioner or to the account itself", () => {
      only(["commissioner", "partnerOwn"], (v) => can.exportAccount(v, who.partnerOwn.accountId));
      only(["commissioner", "analyst"], (v) => can.exportAccount(v, who.analyst.accountId));
      only(["commissioner"], (v) => can.exportAccount(v, 4242));
    });
  });

  describe("writing", () => {
    it("lets only the commissioner add or archive actors", () => {
      only(["commissioner"], (v) => can.createActor(v));
      only(["commissioner"], (v) => can.archiveActor(v));
    });

    it("lets the commissioner edit any actor and a partner its own actor only", () => {
      only(["commissioner", "partnerOwn"], (v) => can.editActor(v, OWN));
      only(["commissioner", "partnerOther"], (v) => can.editActor(v, OTHER));
      only(["commissioner"], (v) => can.editActor(v, 999));
    });

    it("lets a partner create measures only for its own actor", () => {
      only(["commissioner", "partnerOwn"], (v) => can.createMeasure(v, OWN));
      only(["commissioner", "partnerOther"], (v) => can.createMeasure(v, OTHER));
    });

    it("lets a partner edit its own actor's measures only, published or not", () => {
      only(["commissioner", "partnerOwn"], (v) => can.editMeasure(v, measure()));
      only(["commissioner", "partnerOwn"], (v) => can.editMeasure(v, measure({ published: false })));
      only(["commissioner", "partnerOther"], (v) => can.editMeasure(v, measure({ providerId: OTHER })));
    });

    it("keeps networks, meetings, responsibilities, cooperations and accounts with the commissioner", () => {
      only(["commissioner"], (v) => can.manageNetworkData(v));
      only(["commissioner"], (v) => can.manageAccounts(v));
    });

    it("lets the commissioner and the actor's own partner erase a contact person", () => {
      only(["commissioner", "partnerOwn"], (v) => can.eraseContact(v, OWN));
      only(["commissioner", "partnerOther"], (v) => can.eraseContact(v, OTHER));
    });

    it("gives an analyst and an anonymous visitor no write rule at all", () => {
      for (const v of [who.analyst, who.anonymous]) {
        expect([
          can.createActor(v),
          can.editActor(v, OWN),
          can.archiveActor(v),
          can.createMeasure(v, OWN),
          can.editMeasure(v, measure()),
          can.manageNetworkData(v),
          can.manageAccounts(v),
          can.eraseContact(v, OWN),
        ]).toEqual([false, false, false, false, false, false, false, false]);
      }
    });
  });

  describe("owner conditions for the UPDATE statement", () => {
    it("adds `providerId = own actor` for partners and nothing for the commissioner", () => {
      expect(measureOwnerCondition(who.partnerOwn)).toEqual({ sql: "providerId = :ownerActorId", params: { ownerActorId: OWN } });
      expect(measureOwnerCondition(who.partnerOther)).toEqual({ sql: "providerId = :ownerActorId", params: { ownerActorId: OTHER } });
      expect(measureOwnerCondition(who.commissioner)).toBeNull();
    });

    it("adds `id = own actor` for partners and nothing for the commissioner", () => {
      expect(actorOwnerCondition(who.partnerOwn)).toEqual({ sql: "id = :ownerActorId", params: { ownerActorId: OWN } });
      expect(actorOwnerCondition(who.partnerOther)).toEqual({ sql: "id = :ownerActorId", params: { ownerActorId: OTHER } });
      expect(actorOwnerCondition(who.commissioner)).toBeNull();
    });

    it("gives an unbound partner a condition that matches no row (never an unrestricted update)", () => {
      const m = measureOwnerCondition(who.partnerUnbound);
      const a = actorOwnerCondition(who.partnerUnbound);
      // A NULL parameter makes `providerId = NULL` false for every row.
      expect(m).toEqual({ sql: "providerId = :ownerActorId", params: { ownerActorId: null } });
      expect(a).toEqual({ sql: "id = :ownerActorId", params: { ownerActorId: null } });
    });

    it("has no condition for analysts and anonymous visitors, whom the rules above refuse before any UPDATE", () => {
      // The services call can.editActor / can.editMeasure first; these viewers never reach the statement.
      expect(measureOwnerCondition(who.analyst)).toBeNull();
      expect(actorOwnerCondition(null)).toBeNull();
      expect(can.editMeasure(who.analyst, measure())).toBe(false);
      expect(can.editActor(null, OWN)).toBe(false);
    });
  });

  describe("requireCommissioner", () => {
    it("passes for the commissioner", () => {
      expect(() => requireCommissioner({ viewer: who.commissioner })).not.toThrow();
    });

    it.each(["partnerOwn", "partnerOther", "partnerUnbound", "analyst", "anonymous"] as const)("refuses %s with FORBIDDEN", (w) => {
      let thrown: unknown;
      try {
        requireCommissioner({ viewer: who[w] });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(GraphQLError);
      expect((thrown as GraphQLError).extensions.code).toBe("FORBIDDEN");
    });
  });
});
