/** The only place that reads process.env. Every setting has a safe default for the embedded mode. */
import path from "node:path";

export type DatabaseKind = "sqlite" | "mysql";

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** SQLite: file path or ":memory:". MySQL: the full URL. */
  url: string;
  /** For messages: the URL with any password removed. */
  display: string;
  /** MySQL/MariaDB: the server stops any statement running longer (0 = no limit). Default 5000. */
  statementTimeoutMs?: number;
}

export interface AuthConfig {
  /** Anonymous visitors may read published measures and the referral guide. */
  publicAccess: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  invitationHours: number;
  resetMinutes: number;
  /** Base URL used in invitation and reset links. */
  publicUrl: string;
  /** Failed logins (per account and per IP) before each further attempt is delayed. */
  throttleFreeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure (up to 60 s or itself). */
  throttleDelaySeconds: number;
  /** Failed logins after which the account/IP is locked for `lockMinutes`. */
  throttleLockAfter: number;
  lockMinutes: number;
  /** Express "trust proxy" setting, so the client IP and https are seen behind a reverse proxy. */
  trustProxy: string | boolean;
}

/** Who may run introspection (`__schema`, `__type`): analysts and the commissioner, everyone, or nobody. */
export type IntrospectionPolicy = "roles" | "all" | "off";

/** Limits on what one request may ask for; each refusal names the limit, the measured value and the maximum. */
export interface LimitsConfig {
  /** Nesting of fields; a root field is at depth 1. Introspection is not counted. */
  depth: number;
  /** Estimated objects returned: a connection multiplies by its `first` (default 20), an unpaged list by 20. */
  cost: number;
  aliases: number;
  directives: number;
  /** Fields in one selection set once fragments are inlined (duplicates count). */
  selections: number;
  /** Operations in one batched HTTP request. */
  batch: number;
  /** Lexical tokens of the query document. */
  tokens: number;
  bodyKb: number;
  introspection: IntrospectionPolicy;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  production: boolean;
  /** Load the demo network into an empty embedded database at start. */
  seedDemoWhenEmpty: boolean;
  webDist: string;
  auth: AuthConfig;
  limits: LimitsConfig;
  /** Overlap detection thresholds (OVERLAP_CROSS_ACTOR_TEXT, OVERLAP_SAME_ACTOR_TEXT; 0..1). */
  overlapThresholds: { crossActorText?: number; sameActorText?: number };
}

const REPO_ROOT = path.resolve(__dirname, "..", "..");

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const url = raw && raw.trim() !== "" ? raw.trim() : "sqlite:./data/knotenpunkt.sqlite";
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length).replace(/^\/\//, "");
    const resolved = file === ":memory:" ? file : path.resolve(process.cwd(), file || "./data/knotenpunkt.sqlite");
    return { kind: "sqlite", url: resolved, display: `sqlite:${resolved}` };
  }
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
    const normalised = url.replace(/^mariadb:/, "mysql:");
    let display = normalised;
    try {
      const u = new URL(normalised);
      if (u.password) u.password = "***";
      display = u.toString();
    } catch {
      throw new Error(`DATABASE_URL is not a valid URL: ${url.replace(/:[^:@/]*@/, ":***@")}`);
    }
    return { kind: "mysql", url: normalised, display };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or mysql:// (got "${url.split(":")[0]}:")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const database = parseDatabaseUrl(env.DATABASE_URL);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    database: { ...database, statementTimeoutMs: intSetting(env, "STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS, 0) },
    production: env.NODE_ENV === "production",
    seedDemoWhenEmpty: database.kind === "sqlite" && env.SEED_DEMO !== "0",
    webDist: path.resolve(REPO_ROOT, "web", "dist"),
    auth: authConfig(env, port),
    overlapThresholds: overlapThresholds(env),
    limits: limitsConfig(env),
  };
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return n;
}

export function authConfig(env: NodeJS.ProcessEnv = process.env, port = 4000): AuthConfig {
  const trust = env.TRUST_PROXY;
  return {
    publicAccess: env.PUBLIC_ACCESS !== "0",
    sessionIdleMinutes: intSetting(env, "SESSION_IDLE_MINUTES", 30),
    sessionAbsoluteHours: intSetting(env, "SESSION_ABSOLUTE_HOURS", 12),
    invitationHours: intSetting(env, "INVITATION_HOURS", 72),
    resetMinutes: intSetting(env, "PASSWORD_RESET_MINUTES", 30),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    throttleFreeFailures: intSetting(env, "LOGIN_FREE_FAILURES", 3, 0),
    throttleDelaySeconds: intSetting(env, "LOGIN_DELAY_SECONDS", 1),
    throttleLockAfter: intSetting(env, "LOGIN_LOCK_AFTER", 10),
    lockMinutes: intSetting(env, "LOGIN_LOCK_MINUTES", 15),
    trustProxy: trust === undefined || trust === "" ? "loopback" : trust === "true" ? true : trust === "false" ? false : trust,
  };
}

export function limitsConfig(env: NodeJS.ProcessEnv = process.env): LimitsConfig {
  const introspection = env.INTROSPECTION || "roles";
  if (introspection !== "roles" && introspection !== "all" && introspection !== "off") {
    throw new Error(`INTROSPECTION must be roles, all or off, got "${introspection}"`);
  }
  return {
    depth: intSetting(env, "LIMIT_DEPTH", 10),
    cost: intSetting(env, "LIMIT_COST", 10_000),
    aliases: intSetting(env, "LIMIT_ALIASES", 15, 0),
    directives: intSetting(env, "LIMIT_DIRECTIVES", 5, 0),
    selections: intSetting(env, "LIMIT_SELECTIONS", 100),
    batch: intSetting(env, "LIMIT_BATCH", 5),
    tokens: intSetting(env, "LIMIT_TOKENS", 2000),
    bodyKb: intSetting(env, "LIMIT_BODY_KB", 100),
    introspection,
  };
}

export function overlapThresholds(env: NodeJS.ProcessEnv = process.env): { crossActorText?: number; sameActorText?: number } {
  const unit = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === "") return undefined;
    const n = Number(raw);
    if (!(n >= 0 && n <= 1)) throw new Error(`${name} must be a number between 0 and 1, got "${raw}"`);
    return n;
  };
  return { crossActorText: unit("OVERLAP_CROSS_ACTOR_TEXT"), sameActorText: unit("OVERLAP_SAME_ACTOR_TEXT") };
}
