import { authenticator } from "otplib";
import { authConfig } from "../../server/src/config";
import { Account, AuthToken, LoginThrottle, Session } from "../../server/src/modules/auth/account.entity";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { createAccount } from "../../server/src/modules/auth/auth.service";
import { buildActor, gid } from "../factories";
import { databaseKinds } from "../helpers/databases";
import { failure, GqlResponse, ok, startTestServer, TestServer } from "../helpers/test-server";

/**
 * Accounts and sessions through the real HTTP server: cookies, login throttling, session expiry, invitations,
 * password reset, the second factor and disabling accounts. The server runs with small throttling limits
 * (1 free failure, then 30 s, lock after 3, for 1 minute) so the limits can be reached in a few requests.
 */

const PASSWORD = "test-password-123";
/** The first delay is long (30 s) so that no machine is slow enough to outlast it between two requests. */
const LIMITS = { throttleFreeFailures: 1, throttleDelaySeconds: 30, throttleLockAfter: 3, lockMinutes: 1 };

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { totpRequired account { id email role actor { id } } } }`;
const ME = `{ me { id email role totpEnabled actor { id } } }`;

interface HttpResult extends GqlResponse {
  cookies: string[];
  headers: Headers;
}

let n = 0;
const address = (what: string) => `${what}-${++n}-${Date.now()}@accounts.example`;

describe.each(databaseKinds())("accounts and sessions on %s", (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind, { auth: { ...authConfig(), ...LIMITS } });
  }, 120_000);
  afterAll(async () => s?.stop());
  // Every test starts with a clean slate of failed logins (all requests come from the same IP).
  beforeEach(async () => {
    await s.ds.getRepository(LoginThrottle).clear();
  });

  /** A raw POST, so tests can see Set-Cookie and send exactly the cookie (or none) they mean. */
  async function post(query: string, variables: Record<string, unknown> = {}, cookie: string | null = null, headers: Record<string, string> = {}): Promise<HttpResult> {
    const res = await fetch(s.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse;
    return { ...body, status: res.status, cookies: res.headers.getSetCookie(), headers: res.headers };
  }

  const login = (email: string, password: string, extra: { totpCode?: string; cookie?: string | null; headers?: Record<string, string> } = {}) =>
    post(LOGIN, { i: { email, password, ...(extra.totpCode ? { totpCode: extra.totpCode } : {}) } }, extra.cookie ?? null, extra.headers);

  /** The `name=value` part of the session cookie a response set. */
  const sessionOf = (r: HttpResult): string => {
    const c = r.cookies.find((x) => /^(__Host-)?kp_session=[^;]+/.test(x));
    if (!c) throw new Error(`no session cookie in ${JSON.stringify(r.cookies)} / ${JSON.stringify(r.errors ?? r.data)}`);
    return c.split(";")[0];
  };

  const me = async (cookie: string | null) => ok(await post(ME, {}, cookie)).me;

  async function account(role = Role.PARTNER, over: { demo?: boolean; totpSecret?: string | null; actorId?: number } = {}): Promise<Account> {
    const actorId = role === Role.PARTNER ? (over.actorId ?? (await buildActor(s.ds)).rowId) : null;
    return createAccount(s.ds, { email: address(role.toLowerCase()), password: PASSWORD, role, actorId, demo: over.demo ?? true, totpSecret: over.totpSecret ?? null });
  }

  const tokenOf = (url: string) => {
    const token = /#token=([A-Za-z0-9_-]+)$/.exec(url)?.[1];
    if (!token) throw new Error(`no token in ${url}`);
    return token;
  };

  describe("login, logout and me", () => {
    it("answers me with null and refuses logout for an anonymous visitor", async () => {
      expect(await me(null)).toBeNull();
      expect(failure(await post(`mutation { logout { loggedOut } }`)).code).toBe("UNAUTHENTICATED");
    });

    it("sets an HttpOnly, SameSite=Lax session cookie (not Secure over plain http) and me names the account", async () => {
      const a = await account();
      const r = await login(a.email, PASSWORD);
      expect(ok(r).login).toMatchObject({ totpRequired: false, account: { email: a.email, role: "PARTNER", actor: { id: gid("Actor", a.actorId!) } } });
      expect(r.cookies).toHaveLength(1);
      const attrs = r.cookies[0].split(";").map((x) => x.trim().toLowerCase());
      expect(attrs[0]).toMatch(/^kp_session=[a-z0-9_-]{40,}$/);
      expect(attrs).toContain("httponly");
      expect(attrs).toContain("samesite=lax");
      expect(attrs).toContain("path=/");
      expect(attrs).not.toContain("secure");
      expect(attrs.some((x) => x.startsWith("domain="))).toBe(false);
      expect(await me(sessionOf(r))).toMatchObject({ email: a.email, role: "PARTNER" });
    });

    it("behind an https proxy names the cookie __Host-kp_session and marks it Secure", async () => {
      const a = await account();
      const r = await login(a.email, PASSWORD, { headers: { "x-forwarded-proto": "https" } });
      const attrs = r.cookies[0].split(";").map((x) => x.trim().toLowerCase());
      expect(attrs[0]).toMatch(/^__host-kp_session=/);
      expect(attrs).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
      expect(await me(sessionOf(r))).toMatchObject({ email: a.email });
    });

    it("logs out: clears the cookie, deletes the session, and the old cookie no longer works", async () => {
      const a = await account();
      const cookie = sessionOf(await login(a.email, PASSWORD));
      const out = await post(`mutation { logout { loggedOut } }`, {}, cookie);
      expect(ok(out).logout.loggedOut).toBe(true);
      expect(out.cookies.some((c) => /^kp_session=;/.test(c) && /expires=thu, 01 jan 1970/i.test(c))).toBe(true);
      expect(await me(cookie)).toBeNull();
      expect(await s.ds.getRepository(Session).countBy({ accountId: a.rowId })).toBe(0);
    });

    it("gives every login a new session id, and a login made with an old session cookie ends that session", async () => {
      const a = await account();
      const first = sessionOf(await login(a.email, PASSWORD));
      const second = sessionOf(await login(a.email, PASSWORD));
      expect(second).not.toBe(first);
      // Two devices: both sessions stand.
      expect(await me(first)).toMatchObject({ email: a.email });
      expect(await me(second)).toMatchObject({ email: a.email });
      // Logging in again from the first device replaces its session (no session fixation).
      const third = sessionOf(await login(a.email, PASSWORD, { cookie: first }));
      expect(third).not.toBe(first);
      expect(await me(first)).toBeNull();
      expect(await me(third)).toMatchObject({ email: a.email });
      // Only the SHA-256 of a session id is stored.
      const token = third.split("=")[1];
      expect(await s.ds.getRepository(Session).countBy({ tokenHash: token })).toBe(0);
    });

    it("refuses a wrong e-mail and a wrong password alike: same status, code and message, and no cookie", async () => {
      const a = await account();
      const wrongEmail = await login(address("nobody"), PASSWORD);
      const wrongPassword = await login(a.email, "not-the-password-42");
      for (const r of [wrongEmail, wrongPassword]) expect(r.cookies).toEqual([]);
      expect({ status: wrongEmail.status, ...failure(wrongEmail), ext: undefined }).toEqual({ status: wrongPassword.status, ...failure(wrongPassword), ext: undefined });
      expect(failure(wrongPassword).code).toBe("UNAUTHENTICATED");
      // The message names both possibilities, so it reveals neither.
      expect(failure(wrongPassword).message).toMatch(/e-mail.*or.*password/i);
    });

    it("treats the e-mail address case-insensitively and ignores surrounding blanks", async () => {
      const a = await account();
      expect(ok(await login(`  ${a.email.toUpperCase()} `, PASSWORD)).login.account.email).toBe(a.email);
    });
  });

  describe("throttling", () => {
    it("delays after the free failures with RATE_LIMITED and retryAfterSeconds, before checking any password", async () => {
      const a = await account();
      expect(failure(await login(a.email, "wrong-password-1")).code).toBe("UNAUTHENTICATED");
      expect(failure(await login(a.email, "wrong-password-2")).code).toBe("UNAUTHENTICATED");
      // Now the next attempt must wait, even with the right password.
      const limited = failure(await login(a.email, PASSWORD));
      expect(limited.code).toBe("RATE_LIMITED");
      expect(limited.ext.retryAfterSeconds).toBeGreaterThan(20);
      expect(limited.ext.retryAfterSeconds).toBeLessThanOrEqual(30);
    });

    it("locks an account after the lock threshold: even the right password is refused until the lock expires", async () => {
      const a = await account();
      const releaseDelay = () => s.ds.getRepository(LoginThrottle).update({ key: `account:${a.email}` }, { nextAttemptAt: null });
      for (let i = 1; i <= LIMITS.throttleLockAfter; i++) {
        await s.ds.getRepository(LoginThrottle).delete({ key: "ip:127.0.0.1" });
        await releaseDelay();
        expect(failure(await login(a.email, `wrong-password-${i}`)).code).toBe("UNAUTHENTICATED");
      }
      // The IP's count is gone: what refuses now is the account's lock.
      await s.ds.getRepository(LoginThrottle).delete({ key: "ip:127.0.0.1" });
      const locked = failure(await login(a.email, PASSWORD));
      expect(locked.code).toBe("RATE_LIMITED");
      expect(locked.ext.retryAfterSeconds).toBeGreaterThan(50);
      expect(locked.ext.retryAfterSeconds).toBeLessThanOrEqual(60);
      // Still locked a moment later, whatever the password.
      expect(failure(await login(a.email, PASSWORD)).code).toBe("RATE_LIMITED");
      // The lock runs out.
      await s.ds.getRepository(LoginThrottle).update({ key: `account:${a.email}` }, { nextAttemptAt: new Date(Date.now() - 1000) });
      const r = await login(a.email, PASSWORD);
      expect(ok(r).login.account.email).toBe(a.email);
      // A successful login forgives the account's failures.
      expect(await s.ds.getRepository(LoginThrottle).countBy({ key: `account:${a.email}` })).toBe(0);
    });

    it("throttles one IP guessing across many e-mail addresses, existing or not", async () => {
      const a = await account();
      expect(failure(await login(address("guess"), "x-password-1")).code).toBe("UNAUTHENTICATED");
      expect(failure(await login(address("guess"), "x-password-2")).code).toBe("UNAUTHENTICATED");
      // A third, unrelated address from the same IP must wait; so must the real account's owner.
      expect(failure(await login(address("guess"), "x-password-3")).code).toBe("RATE_LIMITED");
      expect(failure(await login(a.email, PASSWORD)).code).toBe("RATE_LIMITED");
    });

    it("counts wrong TOTP codes as failed logins", async () => {
      const secret = authenticator.generateSecret();
      const a = await account(Role.PARTNER, { totpSecret: secret });
      expect(failure(await login(a.email, PASSWORD, { totpCode: "000000" })).code).toBe("UNAUTHENTICATED");
      expect(failure(await login(a.email, PASSWORD, { totpCode: "000001" })).code).toBe("UNAUTHENTICATED");
      expect(failure(await login(a.email, PASSWORD, { totpCode: authenticator.generate(secret) })).code).toBe("RATE_LIMITED");
    });
  });

  describe("session expiry", () => {
    it("ends a session idle for longer than the idle limit and deletes it", async () => {
      const a = await account();
      const cookie = sessionOf(await login(a.email, PASSWORD));
      const idle = authConfig().sessionIdleMinutes;
      await s.ds.getRepository(Session).update({ accountId: a.rowId }, { lastSeenAt: new Date(Date.now() - (idle + 1) * 60_000) });
      expect(await me(cookie)).toBeNull();
      expect(failure(await post(`mutation { logout { loggedOut } }`, {}, cookie)).code).toBe("UNAUTHENTICATED");
      expect(await s.ds.getRepository(Session).countBy({ accountId: a.rowId })).toBe(0);
    });

    it("keeps a session used within the idle limit alive and refreshes its last-seen time", async () => {
      const a = await account();
      const cookie = sessionOf(await login(a.email, PASSWORD));
      const idle = authConfig().sessionIdleMinutes;
      const old = new Date(Date.now() - (idle - 2) * 60_000);
      await s.ds.getRepository(Session).update({ accountId: a.rowId }, { lastSeenAt: old });
      expect(await me(cookie)).toMatchObject({ email: a.email });
      const row = await s.ds.getRepository(Session).findOneByOrFail({ accountId: a.rowId });
      expect(new Date(row.lastSeenAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it("ends a session past its absolute lifetime even when it was just used", async () => {
      const a = await account();
      const cookie = sessionOf(await login(a.email, PASSWORD));
      await s.ds.getRepository(Session).update({ accountId: a.rowId }, { lastSeenAt: new Date(), expiresAt: new Date(Date.now() - 1000) });
      expect(await me(cookie)).toBeNull();
      expect(await s.ds.getRepository(Session).countBy({ accountId: a.rowId })).toBe(0);
    });

    it("sets the absolute lifetime from the configuration and ignores a forged or malformed cookie", async () => {
      const a = await account();
      const r = await login(a.email, PASSWORD);
      const row = await s.ds.getRepository(Session).findOneByOrFail({ accountId: a.rowId });
      const hours = (new Date(row.expiresAt).getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(authConfig().sessionAbsoluteHours - 0.1);
      expect(hours).toBeLessThanOrEqual(authConfig().sessionAbsoluteHours);
      expect(r.cookies[0].toLowerCase()).toContain(`max-age=${authConfig().sessionAbsoluteHours * 3600}`);
      for (const forged of ["kp_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "kp_session=short", `kp_session=${"x".repeat(500)}`, "kp_session=' OR 1=1 --"]) {
        expect(await me(forged)).toBeNull();
      }
    });
  });

  describe("invitations", () => {
    const invite = async (input: Record<string, unknown>) => s.gql(`mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { url expiresAt } }`, { i: input });
    const accept = (token: string, password = "ein-gutes-Passwort-42", cookie: string | null = null) =>
      post(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { totpRequired account { id email role actor { id } } } }`, { i: { token, password } }, cookie);

    it("creates a partner bound to the invited actor, logs it in, and it can edit that actor only", async () => {
      const own = await buildActor(s.ds, { name: "Eingeladener Träger" });
      const other = await buildActor(s.ds, { name: "Anderer Träger" });
      const email = address("invitee");
      const inv = ok(await invite({ email, role: "PARTNER", actorId: gid("Actor", own.rowId) })).createInvitation;
      expect(inv.url).toMatch(/\/einladung#token=[A-Za-z0-9_-]{40,}$/);
      const hours = (new Date(inv.expiresAt).getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(71.9);
      expect(hours).toBeLessThanOrEqual(72);
      // Only the hash of the token is stored.
      expect(await s.ds.getRepository(AuthToken).countBy({ tokenHash: tokenOf(inv.url) })).toBe(0);

      const r = await accept(tokenOf(inv.url));
      expect(ok(r).acceptInvitation).toMatchObject({ totpRequired: false, account: { email, role: "PARTNER", actor: { id: gid("Actor", own.rowId) } } });
      const cookie = sessionOf(r);
      expect(await me(cookie)).toMatchObject({ email, role: "PARTNER", actor: { id: gid("Actor", own.rowId) } });
      const update = (id: number) =>
        post(`mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { description } } }`, { i: { id: gid("Actor", id), version: 1, description: "Selbst gepflegt." } }, cookie);
      expect(ok(await update(own.rowId)).updateActor.actor.description).toBe("Selbst gepflegt.");
      expect(failure(await update(other.rowId)).code).toBe("FORBIDDEN");
      // The new account logs in with its own password later.
      expect(ok(await login(email, "ein-gutes-Passwort-42")).login.account.email).toBe(email);
    });

    it("is single use: a second redemption is refused and creates nothing", async () => {
      const actor = await buildActor(s.ds);
      const token = tokenOf(ok(await invite({ email: address("once"), actorId: gid("Actor", actor.rowId) })).createInvitation.url);
      ok(await accept(token));
      const before = await s.ds.getRepository(Account).count();
      const again = failure(await accept(token, "ein-anderes-Passwort-7"));
      expect(again.code).toBe("BAD_USER_INPUT");
      expect(again.fields?.map((f) => f.path)).toEqual(["token"]);
      expect(await s.ds.getRepository(Account).count()).toBe(before);
    });

    it("refuses an expired, unknown or password-reset token the same way", async () => {
      const actor = await buildActor(s.ds);
      const email = address("late");
      const token = tokenOf(ok(await invite({ email, actorId: gid("Actor", actor.rowId) })).createInvitation.url);
      await s.ds.getRepository(AuthToken).update({ email }, { expiresAt: new Date(Date.now() - 1000) });
      const target = await account();
      const resetToken = tokenOf(ok(await s.gql(`mutation($i: CreatePasswordResetInput!) { createPasswordReset(input: $i) { url } }`, { i: { accountId: gid("Account", target.rowId) } })).createPasswordReset.url);
      const refusals = [];
      for (const t of [token, "A".repeat(43), resetToken]) refusals.push(failure(await accept(t)));
      for (const e of refusals) expect({ code: e.code, fields: e.fields, message: e.message }).toEqual({ code: refusals[0].code, fields: refusals[0].fields, message: refusals[0].message });
      expect(refusals[0].code).toBe("BAD_USER_INPUT");
      expect(await s.ds.getRepository(Account).countBy({ email })).toBe(0);
    });

    it("keeps the token usable when the chosen password is too weak", async () => {
      const actor = await buildActor(s.ds);
      const token = tokenOf(ok(await invite({ email: address("weak"), actorId: gid("Actor", actor.rowId) })).createInvitation.url);
      const weak = failure(await accept(token, "kurz"));
      expect(weak.code).toBe("BAD_USER_INPUT");
      expect(weak.fields?.map((f) => f.path)).toEqual(["password"]);
      expect(ok(await accept(token)).acceptInvitation.account.role).toBe("PARTNER");
    });

    it("requires the actor for a partner invitation, refuses one for other roles, and refuses an address that has an account", async () => {
      const actor = await buildActor(s.ds);
      const missing = failure(await invite({ email: address("noactor"), role: "PARTNER" }));
      expect(missing.code).toBe("BAD_USER_INPUT");
      expect(missing.fields?.map((f) => f.path)).toEqual(["actorId"]);
      const analyst = failure(await invite({ email: address("analyst"), role: "ANALYST", actorId: gid("Actor", actor.rowId) }));
      expect(analyst.fields?.map((f) => f.path)).toEqual(["actorId"]);
      const existing = await account();
      const taken = failure(await invite({ email: existing.email.toUpperCase(), actorId: gid("Actor", actor.rowId) }));
      expect(taken.fields?.map((f) => f.path)).toEqual(["email"]);
      const unknownActor = failure(await invite({ email: address("ghost"), actorId: gid("Actor", 999999) }));
      expect(unknownActor.code).toBe("NOT_FOUND");
      expect(unknownActor.fields?.map((f) => f.path)).toEqual(["actorId"]);
      expect(await s.ds.getRepository(AuthToken).countBy({ email: address("never-used") })).toBe(0);
    });

    it("invites an analyst, who can read but not write", async () => {
      const email = address("analyst");
      const token = tokenOf(ok(await invite({ email, role: "ANALYST" })).createInvitation.url);
      const cookie = sessionOf(await accept(token));
      expect(await me(cookie)).toMatchObject({ email, role: "ANALYST", actor: null });
      expect(ok(await post(`{ actors { totalCount } }`, {}, cookie)).actors.totalCount).toBeGreaterThanOrEqual(0);
      expect(failure(await post(`mutation { createNetwork(input: { name: "X", kind: ALLIANCE }) { network { id } } }`, {}, cookie)).code).toBe("FORBIDDEN");
    });
  });

  describe("password reset", () => {
    const createReset = async (accountId: number) =>
      tokenOf(ok(await s.gql(`mutation($i: CreatePasswordResetInput!) { createPasswordReset(input: $i) { url expiresAt } }`, { i: { accountId: gid("Account", accountId) } })).createPasswordReset.url);
    const reset = (token: string, password = "ganz-neues-Passwort-99") => post(`mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }`, { i: { token, password } });

    it("sets the new password, ends every session of the account, and the old password stops working", async () => {
      const a = await account();
      const phone = sessionOf(await login(a.email, PASSWORD));
      const laptop = sessionOf(await login(a.email, PASSWORD));
      const token = await createReset(a.rowId);
      expect(ok(await reset(token)).resetPassword).toBe(true);
      expect(await me(phone)).toBeNull();
      expect(await me(laptop)).toBeNull();
      expect(await s.ds.getRepository(Session).countBy({ accountId: a.rowId })).toBe(0);
      expect(failure(await login(a.email, PASSWORD)).code).toBe("UNAUTHENTICATED");
      await s.ds.getRepository(LoginThrottle).clear();
      expect(ok(await login(a.email, "ganz-neues-Passwort-99")).login.account.email).toBe(a.email);
    });

    it("is single use and expires", async () => {
      const a = await account();
      const token = await createReset(a.rowId);
      ok(await reset(token));
      const again = failure(await reset(token, "noch-ein-Passwort-11"));
      expect(again.code).toBe("BAD_USER_INPUT");
      expect(again.fields?.map((f) => f.path)).toEqual(["token"]);
      const late = await createReset(a.rowId);
      await s.ds.getRepository(AuthToken).createQueryBuilder().update().set({ expiresAt: new Date(Date.now() - 1000) }).where("accountId = :id AND usedAt IS NULL", { id: a.rowId }).execute();
      expect(failure(await reset(late)).code).toBe("BAD_USER_INPUT");
      // The password from the first reset still holds.
      expect(ok(await login(a.email, "ganz-neues-Passwort-99")).login.account.email).toBe(a.email);
    });

    it("refuses a weak password without using up the link, and an invitation token is no reset token", async () => {
      const a = await account();
      const token = await createReset(a.rowId);
      const weak = failure(await reset(token, "aaaaaaaaaaaaaaaa"));
      expect(weak.code).toBe("BAD_USER_INPUT");
      expect(weak.fields?.map((f) => f.path)).toEqual(["password"]);
      const actor = await buildActor(s.ds);
      const invitation = tokenOf(ok(await s.gql(`mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { url } }`, { i: { email: address("x"), actorId: gid("Actor", actor.rowId) } })).createInvitation.url);
      expect(failure(await reset(invitation)).code).toBe("BAD_USER_INPUT");
      expect(ok(await reset(token)).resetPassword).toBe(true);
    });

    it("is valid for the configured 30 minutes and only the commissioner creates it", async () => {
      const a = await account();
      const res = ok(await s.gql(`mutation($i: CreatePasswordResetInput!) { createPasswordReset(input: $i) { expiresAt } }`, { i: { accountId: gid("Account", a.rowId) } }));
      const minutes = (new Date(res.createPasswordReset.expiresAt).getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(29.9);
      expect(minutes).toBeLessThanOrEqual(authConfig().resetMinutes);
      const partner = sessionOf(await login(a.email, PASSWORD));
      expect(failure(await post(`mutation($i: CreatePasswordResetInput!) { createPasswordReset(input: $i) { url } }`, { i: { accountId: gid("Account", a.rowId) } }, partner)).code).toBe("FORBIDDEN");
    });
  });

  describe("second factor (TOTP)", () => {
    it("sets up TOTP, then a login needs the code: without it no session, a wrong code is refused, the right one logs in", async () => {
      const a = await account();
      const cookie = sessionOf(await login(a.email, PASSWORD));
      const setup = ok(await post(`mutation { beginTotpSetup { secret otpauthUrl } }`, {}, cookie)).beginTotpSetup;
      expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Knotenpunkt:.*secret=/);
      expect(failure(await post(`mutation($i: TotpCodeInput!) { enableTotp(input: $i) { totpEnabled } }`, { i: { code: "12345" } }, cookie)).fields?.map((f) => f.path)).toEqual(["code"]);
      const wrong = String((Number(authenticator.generate(setup.secret)) + 500_000) % 1_000_000).padStart(6, "0");
      expect(failure(await post(`mutation($i: TotpCodeInput!) { enableTotp(input: $i) { totpEnabled } }`, { i: { code: wrong } }, cookie)).code).toBe("BAD_USER_INPUT");
      expect(ok(await post(`mutation($i: TotpCodeInput!) { enableTotp(input: $i) { totpEnabled } }`, { i: { code: authenticator.generate(setup.secret) } }, cookie)).enableTotp.totpEnabled).toBe(true);
      // The secret is never readable again.
      expect(JSON.stringify(await me(cookie))).not.toContain(setup.secret);

      const noCode = await login(a.email, PASSWORD);
      expect(ok(noCode).login).toEqual({ totpRequired: true, account: null });
      expect(noCode.cookies).toEqual([]);
      const badCode = await login(a.email, PASSWORD, { totpCode: wrong });
      expect(failure(badCode).code).toBe("UNAUTHENTICATED");
      expect(badCode.cookies).toEqual([]);
      await s.ds.getRepository(LoginThrottle).clear();
      const good = await login(a.email, PASSWORD, { totpCode: authenticator.generate(setup.secret) });
      expect(ok(good).login.account.email).toBe(a.email);
      expect(await me(sessionOf(good))).toMatchObject({ totpEnabled: true });
      // A wrong password with the right code is still a plain wrong login.
      expect(failure(await login(a.email, "falsches-Passwort-1", { totpCode: authenticator.generate(setup.secret) })).code).toBe("UNAUTHENTICATED");
    });

    it("refuses a second setup while TOTP is on, and a partner can turn it off with a code", async () => {
      const secret = authenticator.generateSecret();
      const a = await account(Role.PARTNER, { totpSecret: secret });
      const cookie = sessionOf(await login(a.email, PASSWORD, { totpCode: authenticator.generate(secret) }));
      expect(failure(await post(`mutation { beginTotpSetup { secret } }`, {}, cookie)).code).toBe("BAD_USER_INPUT");
      expect(ok(await post(`mutation($i: TotpCodeInput!) { disableTotp(input: $i) { totpEnabled } }`, { i: { code: authenticator.generate(secret) } }, cookie)).disableTotp.totpEnabled).toBe(false);
      expect(ok(await login(a.email, PASSWORD)).login).toMatchObject({ totpRequired: false, account: { email: a.email } });
    });

    it("makes commissioner accounts that are not demo accounts use TOTP, and keep it", async () => {
      const secret = authenticator.generateSecret();
      const c = await account(Role.COMMISSIONER, { demo: false, totpSecret: secret });
      expect(ok(await login(c.email, PASSWORD)).login).toEqual({ totpRequired: true, account: null });
      const cookie = sessionOf(await login(c.email, PASSWORD, { totpCode: authenticator.generate(secret) }));
      const off = failure(await post(`mutation($i: TotpCodeInput!) { disableTotp(input: $i) { totpEnabled } }`, { i: { code: authenticator.generate(secret) } }, cookie));
      expect(off.code).toBe("FORBIDDEN");
      expect((await s.ds.getRepository(Account).findOneByOrFail({ rowId: c.rowId })).totpEnabled).toBe(true);

      // A non-demo commissioner without a second factor cannot log in at all.
      const bare = await account(Role.COMMISSIONER, { demo: false });
      const r = await login(bare.email, PASSWORD);
      expect(failure(r).code).toBe("FORBIDDEN");
      expect(r.cookies).toEqual([]);
      // The demo seed's commissioner logs in with the password alone.
      const demo = await account(Role.COMMISSIONER, { demo: true });
      expect(ok(await login(demo.email, PASSWORD)).login).toMatchObject({ totpRequired: false, account: { role: "COMMISSIONER" } });
    });
  });

  describe("disabling accounts", () => {
    const setDisabled = (id: number, disabled: boolean, client = s.gql) =>
      client(`mutation($i: SetAccountDisabledInput!) { setAccountDisabled(input: $i) { disabled version } }`, { i: { id: gid("Account", id), disabled } });

    it("ends the sessions of a disabled account, refuses its logins like a wrong password, and re-enabling restores access", async () => {
      const a = await account();
      const cookie = sessionOf(await login(a.email, PASSWORD));
      expect(ok(await setDisabled(a.rowId, true)).setAccountDisabled.disabled).toBe(true);
      expect(await me(cookie)).toBeNull();
      const refused = failure(await login(a.email, PASSWORD));
      const wrong = failure(await login(address("nobody"), PASSWORD));
      expect({ code: refused.code, message: refused.message }).toEqual({ code: wrong.code, message: wrong.message });
      const listed = ok(await s.gql(`{ accounts { id disabled } }`)).accounts.find((x: { id: string }) => x.id === gid("Account", a.rowId));
      expect(listed.disabled).toBe(true);
      await s.ds.getRepository(LoginThrottle).clear();
      expect(ok(await setDisabled(a.rowId, false)).setAccountDisabled.disabled).toBe(false);
      expect(ok(await login(a.email, PASSWORD)).login.account.email).toBe(a.email);
    });

    it("refuses disabling one's own account, an unknown account, and any caller but the commissioner", async () => {
      const self = await s.as(Role.COMMISSIONER);
      const own = failure(await setDisabled(self.accountId!, true, self.gql));
      expect(own.code).toBe("BAD_USER_INPUT");
      expect(own.fields?.map((f) => f.path)).toEqual(["id"]);
      expect(failure(await setDisabled(999999, true)).code).toBe("NOT_FOUND");
      const target = await account();
      const partner = await s.as(Role.PARTNER, (await buildActor(s.ds)).rowId);
      const analyst = await s.as(Role.ANALYST);
      expect(failure(await setDisabled(target.rowId, true, partner.gql)).code).toBe("FORBIDDEN");
      expect(failure(await setDisabled(target.rowId, true, analyst.gql)).code).toBe("FORBIDDEN");
      expect(failure(await setDisabled(target.rowId, true, s.anon.gql)).code).toBe("UNAUTHENTICATED");
      expect((await s.ds.getRepository(Account).findOneByOrFail({ rowId: target.rowId })).disabled).toBe(false);
    });
  });
});
