import { GraphQLError } from "graphql";
import { authenticator } from "otplib";
import { DataSource, EntityManager, IsNull } from "typeorm";
import { Context } from "../../app/context";
import { AuthConfig } from "../../config";
import { FieldErrors, ForbiddenError, NotFoundError } from "../../common/errors";
import { localId } from "../../common/global-id";
import { checkInput } from "../../common/validation";
import { resolveRefs, withTransaction } from "../../common/write";
import { Actor } from "../actors/actor.entity";
import { AuditAction } from "../audit/audit.entity";
import { recordAudit } from "../audit/audit.service";
import { Account, AuthToken, Session } from "./account.entity";
import { Role, TokenKind } from "./auth.enums";
import { AcceptInvitationInput, CreateInvitationInput, LoginInput, ResetPasswordInput } from "./auth.inputs";
import { can } from "./auth.policy";
import { hashPassword, passwordProblem, verifyPassword } from "./password";
import { clearSessionCookie, openSession, setSessionCookie } from "./session.service";
import { checkThrottle, clearAccountFailures, recordFailure, throttleKeys } from "./throttle.service";
import { newToken, sha256 } from "./tokens";

authenticator.options = { window: 1 };
const TOTP_ISSUER = "Knotenpunkt";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Commissioner accounts must use TOTP (OWASP ASVS level 2), except the demo seed's accounts. */
export function totpRequired(a: Pick<Account, "role" | "totpEnabled" | "demo">): boolean {
  return a.totpEnabled || (a.role === Role.COMMISSIONER && !a.demo);
}

const BAD_LOGIN = "E-mail address or password is wrong";

export async function login(ctx: Context, input: LoginInput): Promise<{ account: Account | null; totpRequired: boolean }> {
  const keys = throttleKeys(input.email, ctx.ip);
  // Throttling is checked before any password hashing, so a flood of guesses costs the server nothing.
  await checkThrottle(ctx.ds, keys);
  const account = await ctx.ds.getRepository(Account).findOneBy({ email: normaliseEmail(input.email) });
  const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !passwordOk || account.disabled) {
    await recordFailure(ctx.ds, ctx.auth, keys);
    throw new GraphQLError(BAD_LOGIN, { extensions: { code: "UNAUTHENTICATED" } });
  }
  if (totpRequired(account)) {
    if (!account.totpEnabled || !account.totpSecret) {
      throw new GraphQLError("This account must set up a second factor first; ask the commissioner for a new setup link", {
        extensions: { code: "FORBIDDEN" },
      });
    }
    if (!input.totpCode) return { account: null, totpRequired: true };
    if (!authenticator.check(input.totpCode, account.totpSecret)) {
      await recordFailure(ctx.ds, ctx.auth, keys);
      throw new GraphQLError("The one-time code is wrong or expired", { extensions: { code: "UNAUTHENTICATED" } });
    }
  }
  await clearAccountFailures(ctx.ds, keys);
  const token = await withTransaction(ctx, async (em) => {
    if (ctx.viewer) await em.delete(Session, { tokenHash: ctx.viewer.sessionHash });
    await em.update(Account, { rowId: account.rowId }, { lastLoginAt: new Date() });
    const t = await openSession(em, ctx.auth, account.rowId, ctx.ip);
    ctx.viewer = { accountId: account.rowId, email: account.email, role: account.role, actorId: account.actorId, sessionHash: sha256(t) };
    await recordAudit(em, ctx, "Account", account.rowId, AuditAction.LOGIN, {}, {});
    return t;
  });
  if (ctx.req && ctx.res) setSessionCookie(ctx.req, ctx.res, ctx.auth, token);
  return { account: await ctx.ds.getRepository(Account).findOneByOrFail({ rowId: account.rowId }), totpRequired: false };
}

export async function logout(ctx: Context): Promise<boolean> {
  const viewer = ctx.viewer;
  if (viewer) {
    await withTransaction(ctx, async (em) => {
      await em.delete(Session, { tokenHash: viewer.sessionHash });
      await recordAudit(em, ctx, "Account", viewer.accountId, AuditAction.LOGOUT, {}, {});
    });
  }
  if (ctx.req && ctx.res) clearSessionCookie(ctx.req, ctx.res);
  ctx.viewer = null;
  return true;
}

export async function me(ctx: Context): Promise<Account | null> {
  return ctx.viewer ? ctx.ds.getRepository(Account).findOneBy({ rowId: ctx.viewer.accountId }) : null;
}

/** Creates an account directly (command line, demo seed). Throws a plain Error on bad input. */
export async function createAccount(
  ds: DataSource | EntityManager,
  input: { email: string; password: string; role: Role; actorId?: number | null; demo?: boolean; totpSecret?: string | null },
): Promise<Account> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`"${input.email}" is not an e-mail address`);
  if (!input.demo) {
    const problem = passwordProblem(input.password);
    if (problem) throw new Error(`password ${problem}`);
  }
  if (input.role === Role.PARTNER && !input.actorId) throw new Error("a PARTNER account needs the actor it acts for");
  const repo = ds.getRepository(Account);
  if (await repo.findOneBy({ email })) throw new Error(`an account for ${email} exists already`);
  return repo.save(
    repo.create({
      email,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      actorId: input.role === Role.PARTNER ? (input.actorId ?? null) : null,
      demo: input.demo ?? false,
      totpSecret: input.totpSecret ?? null,
      totpEnabled: Boolean(input.totpSecret),
      disabled: false,
      lastLoginAt: null,
    }),
  );
}

export function newTotpSecret(email: string): { secret: string; otpauthUrl: string } {
  const secret = authenticator.generateSecret();
  return { secret, otpauthUrl: authenticator.keyuri(email, TOTP_ISSUER, secret) };
}

export async function createInvitation(ctx: Context, input: CreateInvitationInput): Promise<{ url: string; expiresAt: Date }> {
  if (!can.manageAccounts(ctx.viewer)) throw new ForbiddenError("Only the commissioner invites people");
  const errors = new FieldErrors();
  checkInput(input, errors);
  return withTransaction(ctx, async (em) => {
    let actorId: number | null = null;
    if (input.role === Role.PARTNER) {
      if (!input.actorId) errors.add("actorId", "is required for a PARTNER invitation");
      else [actorId] = await resolveRefs(em, Actor, "Actor", [input.actorId], "actorId", errors, false);
    } else if (input.actorId) errors.add("actorId", "is only used for PARTNER invitations");
    const email = normaliseEmail(input.email);
    if (await em.findOneBy(Account, { email })) errors.add("email", "already has an account");
    errors.throwIfAny();
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + ctx.auth.invitationHours * 3_600_000);
    await em.insert(AuthToken, { tokenHash: hash, kind: TokenKind.INVITATION, email, role: input.role, actorId, accountId: null, createdBy: ctx.viewer!.accountId, expiresAt, usedAt: null });
    // Who invited whom, with which role, for which actor (never the token): the link creates an account.
    await recordAudit(em, ctx, "Invitation", actorId ?? 0, AuditAction.CREATE, {}, { email, role: input.role, actorId, expiresAt });
    return { url: `${ctx.auth.publicUrl}/einladung#token=${token}`, expiresAt };
  });
}

/** Redeems a single-use token; a used, expired or unknown token is refused the same way. */
async function redeem(em: EntityManager, token: string, kind: TokenKind): Promise<AuthToken> {
  const row = await em.findOneBy(AuthToken, { tokenHash: sha256(token), kind });
  const expired = !row || row.usedAt !== null || new Date(row.expiresAt).getTime() <= Date.now();
  if (expired) {
    throw new GraphQLError("This link is invalid, was used already or has expired; ask for a new one", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "token", message: "is invalid, used or expired" }] } });
  }
  const claimed = await em.update(AuthToken, { tokenHash: row.tokenHash, usedAt: IsNull() }, { usedAt: new Date() });
  if (claimed.affected !== 1) throw new GraphQLError("This link was used already", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "token", message: "was used already" }] } });
  return row;
}

export async function acceptInvitation(ctx: Context, input: AcceptInvitationInput): Promise<Account> {
  const problem = passwordProblem(input.password);
  if (problem) throw new GraphQLError(`password ${problem}`, { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "password", message: problem }] } });
  const passwordHash = await hashPassword(input.password);
  const { account, token } = await withTransaction(ctx, async (em) => {
    const invitation = await redeem(em, input.token, TokenKind.INVITATION);
    if (await em.findOneBy(Account, { email: invitation.email })) {
      throw new GraphQLError("An account for this e-mail exists already", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "token", message: "was for an existing account" }] } });
    }
    const created = await em.save(
      em.create(Account, { email: invitation.email, passwordHash, role: invitation.role, actorId: invitation.actorId, demo: false, totpSecret: null, totpEnabled: false, disabled: false, lastLoginAt: new Date() }),
    );
    ctx.viewer = { accountId: created.rowId, email: created.email, role: created.role, actorId: created.actorId, sessionHash: "" };
    await recordAudit(em, ctx, "Account", created.rowId, AuditAction.CREATE, {}, { email: created.email, role: created.role, actorId: created.actorId });
    const t = totpRequired(created) ? null : await openSession(em, ctx.auth, created.rowId, ctx.ip);
    return { account: created, token: t };
  });
  if (token && ctx.req && ctx.res) {
    setSessionCookie(ctx.req, ctx.res, ctx.auth, token);
    ctx.viewer = { ...ctx.viewer!, sessionHash: sha256(token) };
  } else ctx.viewer = null;
  return account;
}

export async function createPasswordReset(ctx: Context, accountGlobalId: string): Promise<{ url: string; expiresAt: Date }> {
  if (!can.manageAccounts(ctx.viewer)) throw new ForbiddenError("Only the commissioner creates password-reset links");
  const id = localId(accountGlobalId, "Account");
  const account = id === null ? null : await ctx.ds.getRepository(Account).findOneBy({ rowId: id });
  if (!account) throw new NotFoundError("Account", accountGlobalId);
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + ctx.auth.resetMinutes * 60_000);
  await withTransaction(ctx, async (em) => {
    await em.insert(AuthToken, { tokenHash: hash, kind: TokenKind.PASSWORD_RESET, email: account.email, role: account.role, actorId: account.actorId, accountId: account.rowId, createdBy: ctx.viewer!.accountId, expiresAt, usedAt: null });
    // A reset link lets its holder take the account over: who issued one, for whom, is on record (never the token).
    await recordAudit(em, ctx, "Account", account.rowId, AuditAction.UPDATE, { passwordResetLink: null }, { passwordResetLink: `issued, valid until ${expiresAt.toISOString()}` });
  });
  return { url: `${ctx.auth.publicUrl}/passwort-neu#token=${token}`, expiresAt };
}

export async function resetPassword(ctx: Context, input: ResetPasswordInput): Promise<boolean> {
  const problem = passwordProblem(input.password);
  if (problem) throw new GraphQLError(`password ${problem}`, { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "password", message: problem }] } });
  const passwordHash = await hashPassword(input.password);
  await withTransaction(ctx, async (em) => {
    const reset = await redeem(em, input.token, TokenKind.PASSWORD_RESET);
    const account = await em.findOneBy(Account, { rowId: reset.accountId! });
    if (!account) throw new GraphQLError("This link is invalid, was used already or has expired; ask for a new one", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "token", message: "is invalid, used or expired" }] } });
    await em.update(Account, { rowId: account.rowId }, { passwordHash, version: () => "version + 1" });
    // Every session of the account ends: whoever knew the old password is logged out.
    await em.delete(Session, { accountId: account.rowId });
    // The link's holder acts for the account (usually without being logged in).
    await recordAudit(em, ctx, "Account", account.rowId, AuditAction.UPDATE, { password: "[redacted]" }, { password: "[changed]" }, { accountId: account.rowId, email: account.email, role: account.role });
  });
  return true;
}

export async function beginTotpSetup(ctx: Context): Promise<{ secret: string; otpauthUrl: string }> {
  const viewer = ctx.viewer!;
  const account = await ctx.ds.getRepository(Account).findOneByOrFail({ rowId: viewer.accountId });
  if (account.totpEnabled) throw new GraphQLError("TOTP is already on; disable it first to set up a new device", { extensions: { code: "BAD_USER_INPUT", fields: [] } });
  const setup = newTotpSecret(account.email);
  await ctx.ds.getRepository(Account).update({ rowId: account.rowId }, { totpSecret: setup.secret });
  return setup;
}

export async function setTotp(ctx: Context, code: string, enable: boolean): Promise<Account> {
  const viewer = ctx.viewer!;
  return withTransaction(ctx, async (em) => {
    const account = await em.findOneByOrFail(Account, { rowId: viewer.accountId });
    if (!account.totpSecret || !authenticator.check(code, account.totpSecret)) {
      throw new GraphQLError("The one-time code is wrong or expired", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "code", message: "is wrong or expired" }] } });
    }
    if (!enable && account.role === Role.COMMISSIONER && !account.demo) throw new ForbiddenError("Commissioner accounts must keep their second factor");
    await em.update(Account, { rowId: account.rowId }, { totpEnabled: enable, totpSecret: enable ? account.totpSecret : null, version: () => "version + 1" });
    await recordAudit(em, ctx, "Account", account.rowId, AuditAction.UPDATE, { totpEnabled: account.totpEnabled }, { totpEnabled: enable });
    return em.findOneByOrFail(Account, { rowId: account.rowId });
  });
}

export async function setAccountDisabled(ctx: Context, accountGlobalId: string, disabled: boolean): Promise<Account> {
  if (!can.manageAccounts(ctx.viewer)) throw new ForbiddenError();
  const id = localId(accountGlobalId, "Account");
  if (id === null) throw new NotFoundError("Account", accountGlobalId);
  if (id === ctx.viewer!.accountId) throw new GraphQLError("You cannot disable your own account", { extensions: { code: "BAD_USER_INPUT", fields: [{ path: "id", message: "is your own account" }] } });
  return withTransaction(ctx, async (em) => {
    const account = await em.findOneBy(Account, { rowId: id });
    if (!account) throw new NotFoundError("Account", accountGlobalId);
    await em.update(Account, { rowId: id }, { disabled, version: () => "version + 1" });
    if (disabled) await em.delete(Session, { accountId: id });
    await recordAudit(em, ctx, "Account", id, AuditAction.UPDATE, { disabled: account.disabled }, { disabled });
    return em.findOneByOrFail(Account, { rowId: id });
  });
}

export async function listAccounts(ctx: Context): Promise<Account[]> {
  if (!can.manageAccounts(ctx.viewer)) throw new ForbiddenError();
  return ctx.ds.getRepository(Account).find({ order: { email: "ASC" } });
}

export type { AuthConfig };
