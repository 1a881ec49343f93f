import { DataSource, In } from "typeorm";
import { GraphQLError } from "graphql";
import { AuthConfig } from "../../config";
import { LoginThrottle } from "./account.entity";

/** Throttle keys for one login attempt: the e-mail (existing or not) and the client IP. */
export function throttleKeys(email: string, ip: string | null): string[] {
  return [`account:${email.trim().toLowerCase().slice(0, 254)}`, `ip:${ip ?? "unknown"}`];
}

/**
 * Refuses the attempt before any password hashing if one of the keys must still wait: after
 * `throttleFreeFailures` failures each further attempt waits twice as long (`throttleDelaySeconds`, by default
 * 1 s, 2 s, 4 s … up to 60 s), and after
 * `throttleLockAfter` failures the key is locked for `lockMinutes`.
 */
export async function checkThrottle(ds: DataSource, keys: string[], now = new Date()): Promise<void> {
  const rows = await ds.getRepository(LoginThrottle).findBy({ key: In(keys) });
  const waitUntil = Math.max(0, ...rows.map((r) => (r.nextAttemptAt ? toTime(r.nextAttemptAt) : 0)));
  if (waitUntil > now.getTime()) {
    const retryAfterSeconds = Math.ceil((waitUntil - now.getTime()) / 1000);
    throw new GraphQLError(`Too many failed logins; try again in ${retryAfterSeconds} s`, {
      extensions: { code: "RATE_LIMITED", retryAfterSeconds },
    });
  }
}

export async function recordFailure(ds: DataSource, cfg: AuthConfig, keys: string[], now = new Date()): Promise<void> {
  const repo = ds.getRepository(LoginThrottle);
  for (const key of keys) {
    const row = (await repo.findOneBy({ key })) ?? repo.create({ key, failures: 0, nextAttemptAt: null });
    // Old failures are forgiven after a quiet period as long as a lock.
    if (row.updatedAt && now.getTime() - toTime(row.updatedAt) > cfg.lockMinutes * 60_000) row.failures = 0;
    row.failures += 1;
    const over = row.failures - cfg.throttleFreeFailures;
    if (row.failures >= cfg.throttleLockAfter) row.nextAttemptAt = new Date(now.getTime() + cfg.lockMinutes * 60_000);
    else if (over > 0) row.nextAttemptAt = new Date(now.getTime() + delaySeconds(cfg, over) * 1000);
    row.updatedAt = now;
    await repo.save(row);
  }
}

/** After a successful login the account's count starts afresh; the IP's does not (one good account must not unlock an IP). */
export async function clearAccountFailures(ds: DataSource, keys: string[]): Promise<void> {
  await ds.getRepository(LoginThrottle).delete({ key: In(keys.filter((k) => k.startsWith("account:"))) });
}

/** The wait after the `over`-th failure beyond the free ones: the first delay, doubled each time, capped. */
export function delaySeconds(cfg: Pick<AuthConfig, "throttleDelaySeconds">, over: number): number {
  return Math.min(Math.max(60, cfg.throttleDelaySeconds), cfg.throttleDelaySeconds * 2 ** (over - 1));
}

function toTime(v: Date | string): number {
  return v instanceof Date ? v.getTime() : new Date(v.includes("T") ? v : `${v.replace(" ", "T")}Z`).getTime();
}
