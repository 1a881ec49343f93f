import { authConfig } from "../../server/src/config";
import * as password from "../../server/src/modules/auth/password";
import { AuthToken, LoginThrottle, Session } from "../../server/src/modules/auth/account.entity";
import { Role } from "../../server/src/modules/auth/auth.enums";
import { createAccount } from "../../server/src/modules/auth/auth.service";
import { sha256 } from "../../server/src/modules/auth/tokens";
import { databaseKinds } from "../helpers/databases";
import { ok, startTestServer, TestServer } from "../helpers/test-server";
import { expectNoLeak, expectRefused, postJson, raw, unchanged } from "./support";

const LOGIN = "mutation($i: LoginInput!) { login(input: $i) { account { email } totpRequired } }";
const ME = "{ me { email } }";
const PASSWORD = "richtiges-passwort-42";

let ipSeq = 0;
/** Each test attacks from its own address (the server trusts X-Forwarded-For from the loopback proxy). */
const freshIp = () => ({ "x-forwarded-for": `198.51.100.${++ipSeq}` });

describe.each(databaseKinds())("sessions, login throttling and single-use links on %s", (kind) => {
  let s: TestServer;
  let victim: string;
  let verify: jest.SpyInstance;

  beforeAll(async () => {
    // Default limits, but a first delay no loaded machine outlasts between two requests (the default is 1 s).
    s = await startTestServer(kind, { auth: { ...authConfig(), throttleDelaySeconds: 30 } });
    victim = `opfer-${kind}@partner.example`;
    await createAccount(s.ds, { email: victim, password: PASSWORD, role: Role.ANALYST });
  });
  beforeEach(() => {
    verify = jest.spyOn(password, "verifyPassword");
  });
  afterEach(async () => {
    verify.mockRestore();
    await s.ds.getRepository(LoginThrottle).clear();
  });
  afterAll(async () => s?.stop());

  const login = (email: string, pw: string, headers: Record<string, string>, cookie?: string) =>
    postJson(s.url, { query: LOGIN, variables: { i: { email, password: pw } } }, cookie, headers);

  describe("login brute force", () => {
    it("refuses further guesses for an account with RATE_LIMITED before hashing, even with the right password", async () => {
      const ip = freshIp();
      const codes: string[] = [];
      while (codes.length < 6 && codes[codes.length - 1] !== "RATE_LIMITED")
        codes.push((await login(victim, `falsch-${codes.length}`, ip)).body.errors[0].extensions.code);
      // LOGIN_FREE_FAILURES=3: the failures after the third set a growing delay (see the report on its off-by-one).
      expect(codes).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "RATE_LIMITED"]);
      expect(verify).toHaveBeenCalledTimes(4);
      const res = await unchanged(s.ds, () => login(victim, PASSWORD, freshIp()), ["login_throttle"]);
      expect(expectRefused(res.body, "RATE_LIMITED").retryAfterSeconds).toBeGreaterThan(20);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(verify).toHaveBeenCalledTimes(4);
    });

    it("throttles one address guessing many accounts (per-IP limit)", async () => {
      const ip = freshIp();
      for (let i = 0; i < 4; i += 1) await login(`unbekannt-${i}@example.org`, "falsch-falsch", ip);
      const res = await unchanged(s.ds, () => login("noch-einer@example.org", "falsch-falsch", ip), ["login_throttle"]);
      expectRefused(res.body, "RATE_LIMITED");
      expect(verify).toHaveBeenCalledTimes(4);
    });

    it("locks an account for 15 minutes after 10 failures", async () => {
      await s.ds.getRepository(LoginThrottle).save({ key: `account:${victim}`, failures: 9, nextAttemptAt: null, updatedAt: new Date() });
      await login(victim, "falsch-falsch", freshIp());
      const res = await unchanged(s.ds, () => login(victim, PASSWORD, freshIp()), ["login_throttle"]);
      expect(expectRefused(res.body, "RATE_LIMITED").retryAfterSeconds).toBeGreaterThan(14 * 60);
    });

    it("answers a wrong e-mail and a wrong password alike (no account enumeration)", async () => {
      const unknown = (await login("niemand@example.org", "falsch-falsch", freshIp())).body.errors[0];
      const wrong = (await login(victim, "falsch-falsch", freshIp())).body.errors[0];
      expect(unknown.message).toBe(wrong.message);
      expect(unknown.extensions).toEqual(wrong.extensions);
      expect(verify).toHaveBeenCalledTimes(2);
    });
  });

  describe("session cookie", () => {
    it("issues a new session id at login and ends the session it replaces (no fixation)", async () => {
      const first = await login(victim, PASSWORD, freshIp());
      const cookie1 = first.headers.get("set-cookie")!.split(";")[0];
      const second = await login(victim, PASSWORD, freshIp(), cookie1);
      const cookie2 = second.headers.get("set-cookie")!.split(";")[0];
      expect(cookie2).not.toBe(cookie1);
      expect((await postJson(s.url, { query: ME }, cookie1)).body.data.me).toBeNull();
      expect((await postJson(s.url, { query: ME }, cookie2)).body.data.me.email).toBe(victim);
    });

    it("ignores a session id the attacker chose", async () => {
      const res = await unchanged(s.ds, () => postJson(s.url, { query: ME }, "kp_session=attacker-chosen-session-id-000000000000"));
      expect(res.body.data.me).toBeNull();
    });

    it("sets an HttpOnly, SameSite=Lax cookie, with the __Host- prefix and Secure over https", async () => {
      const plain = (await login(victim, PASSWORD, freshIp())).headers.get("set-cookie")!;
      expect(plain).toMatch(/^kp_session=[A-Za-z0-9_-]{43};/);
      expect(plain).toMatch(/HttpOnly/);
      expect(plain).toMatch(/SameSite=Lax/);
      const https = (await login(victim, PASSWORD, { ...freshIp(), "x-forwarded-proto": "https" })).headers.get("set-cookie")!;
      expect(https).toMatch(/^__Host-kp_session=/);
      expect(https).toMatch(/; Secure/);
      expect(https).toMatch(/; Path=\//);
      expect(https).not.toMatch(/Domain=/i);
    });

    it.each([
      ["idle for 31 minutes", { lastSeenAt: new Date(Date.now() - 31 * 60_000) }],
      ["older than 12 hours", { expiresAt: new Date(Date.now() - 1000) }],
    ])("ends a session %s", async (_label, change) => {
      const cookie = (await login(victim, PASSWORD, freshIp())).headers.get("set-cookie")!.split(";")[0];
      const sessions = s.ds.getRepository(Session);
      const row = await sessions.findOneByOrFail({ tokenHash: sha256(cookie.split("=")[1]) });
      await sessions.update({ tokenHash: row.tokenHash }, change);
      expect((await postJson(s.url, { query: ME }, cookie)).body.data.me).toBeNull();
      expect(await sessions.findOneBy({ tokenHash: row.tokenHash })).toBeNull();
    });

    it("keeps a session that was active 29 minutes ago, and gives it 12 hours at most", async () => {
      const cookie = (await login(victim, PASSWORD, freshIp())).headers.get("set-cookie")!.split(";")[0];
      const sessions = s.ds.getRepository(Session);
      const row = await sessions.findOneByOrFail({ tokenHash: sha256(cookie.split("=")[1]) });
      await sessions.update({ tokenHash: row.tokenHash }, { lastSeenAt: new Date(Date.now() - 29 * 60_000) });
      expect((await postJson(s.url, { query: ME }, cookie)).body.data.me.email).toBe(victim);
      const lifetime = new Date(row.expiresAt).getTime() - new Date(row.createdAt).getTime();
      expect(lifetime).toBeLessThanOrEqual(12 * 3_600_000 + 1000);
    });

    it("ends the session at logout on the server, not only in the browser", async () => {
      const cookie = (await login(victim, PASSWORD, freshIp())).headers.get("set-cookie")!.split(";")[0];
      await postJson(s.url, { query: "mutation { logout { loggedOut } }" }, cookie);
      expect((await postJson(s.url, { query: ME }, cookie)).body.data.me).toBeNull();
    });
  });

  describe("invitation and reset links", () => {
    const ACCEPT = "mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { totpRequired } }";
    const invite = async (email: string) => {
      const { url, expiresAt } = ok(
        await s.gql(`mutation($e: String!) { createInvitation(input: { email: $e, role: ANALYST }) { url expiresAt } }`, { e: email }),
      ).createInvitation;
      return { token: new URL(url).hash.replace("#token=", ""), expiresAt: new Date(expiresAt) };
    };

    it("hands out tokens of at least 128 bits that expire within 72 hours and are stored only hashed", async () => {
      const { token, expiresAt } = await invite("lang@partner.example");
      expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
      expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(72 * 3_600_000);
      const rows = await s.ds.getRepository(AuthToken).find();
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it("refuses a used invitation with BAD_USER_INPUT and creates no second account", async () => {
      const { token } = await invite("einmal@partner.example");
      ok(await s.anon.gql(ACCEPT, { i: { token, password: "ein-langes-passwort-1" } }));
      const res = await unchanged(s.ds, () => s.anon.gql(ACCEPT, { i: { token, password: "ein-anderes-passwort-2" } }));
      expect(expectRefused(res, "BAD_USER_INPUT").fields).toEqual([{ path: "token", message: "is invalid, used or expired" }]);
    });

    it("refuses an expired invitation", async () => {
      const { token } = await invite("spaet@partner.example");
      await s.ds.getRepository(AuthToken).update({ email: "spaet@partner.example" }, { expiresAt: new Date(Date.now() - 1000) });
      const res = await unchanged(s.ds, () => s.anon.gql(ACCEPT, { i: { token, password: "ein-langes-passwort-1" } }));
      expectRefused(res, "BAD_USER_INPUT");
    });

    it("refuses a guessed token", async () => {
      const res = await unchanged(s.ds, () => s.anon.gql(ACCEPT, { i: { token: "A".repeat(43), password: "ein-langes-passwort-1" } }));
      expectRefused(res, "BAD_USER_INPUT");
    });

    it("refuses a used password-reset link, which expires within 30 minutes", async () => {
      const account = await createAccount(s.ds, { email: `reset-${kind}@partner.example`, password: PASSWORD, role: Role.ANALYST });
      const { url, expiresAt } = ok(
        await s.gql(`mutation($id: ID!) { createPasswordReset(input: { accountId: $id }) { url expiresAt } }`, {
          id: Buffer.from(`Account:${account.rowId}`).toString("base64url"),
        }),
      ).createPasswordReset;
      expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
      const token = new URL(url).hash.replace("#token=", "");
      const RESET = "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }";
      ok(await s.anon.gql(RESET, { i: { token, password: "neues-passwort-12345" } }));
      expectRefused(await unchanged(s.ds, () => s.anon.gql(RESET, { i: { token, password: "noch-ein-passwort-678" } })), "BAD_USER_INPUT");
    });
  });

  describe("CSRF-style simple requests", () => {
    const mutation = `mutation { createNetwork(input: { name: "CSRF", kind: WORKING_GROUP }) { network { id } } }`;
    let cookie: string;
    beforeAll(async () => {
      cookie = (await login(victim, PASSWORD, freshIp())).headers.get("set-cookie")!.split(";")[0];
    });

    it.each([
      ["application/x-www-form-urlencoded", `query=${encodeURIComponent(mutation)}`],
      ["text/plain", JSON.stringify({ query: mutation })],
      ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--`],
    ])("refuses a %s POST a form could send cross-site (BAD_REQUEST)", async (type, body) => {
      const res = await unchanged(s.ds, () => raw(s.url, { method: "POST", headers: { "content-type": type }, body, cookie }));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe("BAD_REQUEST");
      expectNoLeak(res.body);
    });

    it("refuses a GET query without a preflight header (an <img> or link cannot set one)", async () => {
      const res = await unchanged(s.ds, () =>
        raw(`${s.url}?query=${encodeURIComponent("{ me { email } }")}`, { headers: { accept: "application/json" }, cookie }),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    });

    it("refuses a mutation sent by GET even with the preflight header (HTTP 405)", async () => {
      const res = await unchanged(s.ds, () =>
        raw(`${s.url}?query=${encodeURIComponent(mutation)}`, { headers: { "apollo-require-preflight": "true" }, cookie }),
      );
      expect(res.status).toBe(405);
      expect(res.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    });
  });
});
