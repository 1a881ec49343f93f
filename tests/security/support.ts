import { createHash } from "node:crypto";
import { AddressInfo } from "node:net";
import { DataSource } from "typeorm";
import { createServer } from "../../server/src/app/create-server";
import { LimitsConfig, limitsConfig } from "../../server/src/config";
import { GqlResponse, TestServer } from "../helpers/test-server";

/** Columns that change on every authenticated request by design (a session's last activity). */
const VOLATILE: Record<string, string[]> = { session: ["lastSeenAt"] };

export type Snapshot = Record<string, { rows: number; hash: string }>;

async function tableNames(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    ds.options.type === "better-sqlite3"
      ? await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await ds.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()");
  return rows.map((r) => r.name).sort();
}

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString("hex");
  if (typeof v === "bigint") return v.toString();
  return v;
}

/** Row count and a checksum of every row of every table (volatile columns left out). */
export async function snapshot(ds: DataSource): Promise<Snapshot> {
  const result: Snapshot = {};
  for (const table of await tableNames(ds)) {
    const q = ds.options.type === "better-sqlite3" ? `"${table}"` : `\`${table}\``;
    const rows: Record<string, unknown>[] = await ds.query(`SELECT * FROM ${q}`);
    const skip = new Set(VOLATILE[table] ?? []);
    const lines = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .filter((k) => !skip.has(k))
            .map((k) => [k, normalise(r[k])]),
        ),
      )
      .sort();
    result[table] = { rows: rows.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16) };
  }
  return result;
}

/**
 * Runs an attack and asserts that no table changed (row counts and contents), except the tables the refusal is
 * meant to write to (the login throttle counting failed attempts).
 */
export async function unchanged<T>(ds: DataSource, attack: () => Promise<T>, except: string[] = []): Promise<T> {
  const before = await snapshot(ds);
  const result = await attack();
  const after = await snapshot(ds);
  for (const t of except) {
    delete before[t];
    delete after[t];
  }
  expect(after).toEqual(before);
  return result;
}

/**
 * Nothing in a response may show SQL, a driver's message, a file path or a stack frame. `echoes` are the client's
 * own strings, which a message may quote back ("Actor \"…\" was not found").
 */
export function expectNoLeak(body: unknown, echoes: string[] = []): void {
  const scrub = (v: unknown): unknown => {
    if (typeof v === "string") return echoes.reduce((t, e) => (e ? t.split(e).join("‹input›") : t), v);
    if (Array.isArray(v)) return v.map(scrub);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x)]));
    return v;
  };
  expect(JSON.stringify(scrub(body))).not.toMatch(
    /\bSELECT\b|\bINSERT INTO\b|\bUPDATE `|\bFROM `|SQLITE_|\bER_[A-Z_]{3,}|QueryFailedError|stacktrace|node_modules|\.ts:\d+|\.js:\d+|\bat [\w.<>]+ \(/,
  );
}

/**
 * The response was refused with `code` (every error has it: a query over several limits names each), and nothing
 * internal leaked. Returns the extensions of the error for limit `name`, or of the first error.
 */
export function expectRefused(res: GqlResponse, code: string, name?: string, echoes: string[] = []): Record<string, any> {
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set([code]));
  expectNoLeak(res, echoes);
  const e = name ? res.errors!.find((x) => x.extensions?.name === name) : res.errors![0];
  expect(e).toBeDefined();
  return e!.extensions ?? {};
}

export interface RawResponse {
  status: number;
  body: any;
  headers: Headers;
}

/** A request exactly as given (method, content type, body), for probes the GraphQL helper would not send. */
export async function raw(url: string, init: RequestInit & { cookie?: string | null } = {}): Promise<RawResponse> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: kept as text */
  }
  return { status: res.status, body, headers: res.headers };
}

export function postJson(url: string, body: unknown, cookie?: string | null, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body), cookie });
}

/** A second server on the suite's database with other limits (the factory is the same as in production). */
export async function serverWithLimits(s: TestServer, overrides: Partial<LimitsConfig>): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await createServer({ ds: s.ds, limits: { ...limitsConfig({}), ...overrides } });
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => server.stop() };
}

/** `n` copies of `s` separated by spaces. */
export const times = (n: number, s: string) => Array.from({ length: n }, () => s).join(" ");
