import type { Request, Response } from "express";
import { DataSource, EntityManager, LessThan } from "typeorm";
import { AuthConfig } from "../../config";
import { readRows } from "../../common/read-rows";
import { Account, Session } from "./account.entity";
import { newToken, sha256 } from "./tokens";
import { Viewer } from "./viewer";

/** Cookie names: `__Host-` binds the cookie to this origin over https (no Domain, Path=/, Secure). */
export const COOKIE_PLAIN = "kp_session";
export const COOKIE_HOST = "__Host-kp_session";

/** Refresh `lastSeenAt` at most this often, so most requests cost one read and no write. */
const TOUCH_EVERY_MS = 60_000;

export function sessionCookie(req: Request): string | null {
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies ?? {};
  const value = cookies[COOKIE_HOST] ?? cookies[COOKIE_PLAIN];
  return typeof value === "string" && value.length > 20 && value.length < 100 ? value : null;
}

/** Resolves the session cookie to a viewer; expired sessions (idle or absolute) are deleted. */
export async function viewerFromSession(ds: DataSource, cfg: AuthConfig, token: string | null, now = new Date()): Promise<Viewer | null> {
  if (!token) return null;
  const tokenHash = sha256(token);
  const [row] = await readRows(ds, sessionLookup(ds), [tokenHash]);
  if (!row) return null;
  const [accountId, lastSeenAt, expiresAt, role, email, actorId, disabled] = row as [number, Date | string, Date | string, Viewer["role"], string, number | null, number | boolean];
  const lastSeen = toDate(lastSeenAt);
  const idleLimit = lastSeen.getTime() + cfg.sessionIdleMinutes * 60_000;
  if (Boolean(Number(disabled)) || toDate(expiresAt).getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await ds.getRepository(Session).delete({ tokenHash });
    return null;
  }
  if (now.getTime() - lastSeen.getTime() > TOUCH_EVERY_MS) {
    await ds.getRepository(Session).update({ tokenHash }, { lastSeenAt: now });
  }
  return { accountId: Number(accountId), email, role, actorId: actorId === null ? null : Number(actorId), sessionHash: tokenHash };
}

const lookups = new WeakMap<DataSource, string>();

/** The one statement every request with a session cookie runs: the session and its account, by the token's hash. */
function sessionLookup(ds: DataSource): string {
  let sql = lookups.get(ds);
  if (!sql) {
    const q = (name: string) => ds.driver.escape(name);
    const s = (column: string) => `s.${q(column)}`;
    const a = (column: string) => `a.${q(column)}`;
    sql =
      `SELECT ${[s("accountId"), s("lastSeenAt"), s("expiresAt"), a("role"), a("email"), a("actorId"), a("disabled")].join(", ")}` +
      ` FROM ${q(ds.getMetadata(Session).tableName)} s INNER JOIN ${q(ds.getMetadata(Account).tableName)} a ON ${a("id")} = ${s("accountId")}` +
      ` WHERE ${s("tokenHash")} = ?`;
    lookups.set(ds, sql);
  }
  return sql;
}

/** A new session with a fresh id (never reuses one from before the login: no session fixation). */
export async function openSession(em: EntityManager, cfg: AuthConfig, accountId: number, ip: string | null): Promise<string> {
  const { token, hash } = newToken();
  const now = new Date();
  await em.insert(Session, {
    tokenHash: hash,
    accountId,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + cfg.sessionAbsoluteHours * 3_600_000),
    ip: ip?.slice(0, 64) ?? null,
  });
  await em.delete(Session, { accountId, expiresAt: LessThan(now) });
  return token;
}

export function setSessionCookie(req: Request, res: Response, cfg: AuthConfig, token: string): void {
  const secure = req.secure;
  res.cookie(secure ? COOKIE_HOST : COOKIE_PLAIN, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: cfg.sessionAbsoluteHours * 3_600_000,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(COOKIE_PLAIN, { path: "/", httpOnly: true, sameSite: "lax" });
  if (req.secure) res.clearCookie(COOKIE_HOST, { path: "/", httpOnly: true, sameSite: "lax", secure: true });
}

function toDate(v: Date | string): Date {
  if (v instanceof Date) return v;
  // SQLite returns 'YYYY-MM-DD HH:MM:SS.mmm' in UTC.
  return new Date(v.includes("T") ? v : `${v.replace(" ", "T")}Z`);
}
