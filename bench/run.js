"use strict";
/**
 * `npm run bench`: throughput and latency of three representative operations on SQLite and MySQL/MariaDB, for the
 * demo network and a ten times larger copy, with NODE_ENV=production. Query 1 is also answered by two baselines
 * (bench/baseline-floor.js, bench/baseline-graphql-js.js), interleaved with our server, and our req/s is printed
 * as a ratio of each. Figures are printed, never asserted: a missed target prints MISS and the exit code stays 0.
 *
 * Settings (environment): BENCH_DURATION seconds per timed run (default 8), BENCH_WARMUP seconds (default 1.5),
 * BENCH_CONNECTIONS (default 10), BENCH_ROUNDS of query 1 (default 2), BENCH_DB=sqlite|mysql, BENCH_DATASET=demo|x10,
 * BENCH_FIRST (actors per page in query 1, default 12: see bench/queries.js),
 * DATABASE_URL (a mysql:// URL whose server is used; a fresh database is created and dropped),
 * BENCH_SERVER_DIST (another build of the server), BENCH_CPU_PROF (a folder: our server writes a --cpu-prof there).
 */
process.env.NODE_ENV = "production";
require("reflect-metadata");

const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { fork } = require("node:child_process");
const mysql = require("mysql2/promise");
const { SERVER_DIST, serverModule } = require("./paths");
const { scaleNetwork } = require("./dataset");
const { buildQueries, ACTOR_PAGE } = require("./queries");
const { drive } = require("./load");
const { openDriver, globalId } = require("./sql-driver");
const { createBenchAccount, loginCookie } = require("./account");

const TARGETS = { graphqlJs: 0.85, floor: 0.2 };
const IMPLS = ["ours", "floor", "graphql-js"];

const settings = {
  duration: positive("BENCH_DURATION", 8),
  warmup: nonNegative("BENCH_WARMUP", 1.5),
  connections: positive("BENCH_CONNECTIONS", 10),
  rounds: positive("BENCH_ROUNDS", 2),
  databases: choose("BENCH_DB", ["sqlite", "mysql"]),
  datasets: choose("BENCH_DATASET", ["demo", "x10"]),
  mysqlUrl: /^(mysql|mariadb):\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL.replace(/^mariadb:/, "mysql:") : "mysql://root@127.0.0.1:3306",
  cpuProfDir: process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null,
};

const cleanups = new Set();

async function main() {
  const { buildDemoNetwork } = serverModule("db/seed/demo-network");
  const demo = buildDemoNetwork();
  const datasets = { demo: { name: "demo", data: demo }, x10: { name: "demo×10", data: scaleNetwork(demo, 10) } };
  printHeader();

  const rows = [];
  const ratios = [];
  for (const kind of settings.databases) {
    if (kind === "mysql" && !(await mysqlReachable())) {
      console.log(`\nmysql: skipped, no server reachable at ${redact(settings.mysqlUrl)}`);
      continue;
    }
    for (const key of settings.datasets) {
      const block = await benchDatabase(kind, datasets[key]);
      rows.push(...block.rows);
      ratios.push(block.ratio);
    }
  }
  printTable(rows);
  printRatios(ratios);
}

/** One database kind with one data set: load, start the three servers, check bodies, time, tear down. */
async function benchDatabase(kind, dataset) {
  const label = `${kind} ${dataset.name}`;
  const target = await createTarget(kind);
  const workers = [];
  try {
    const t0 = Date.now();
    const { summary, account, reason } = await loadDataset(target, dataset.data);
    console.log(`\n${label}: loaded ${summary.actors} actors, ${summary.measures} measures, ${summary.handlers} handlers, ` +
      `${summary.cooperations} cooperations in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const queries = buildQueries(await lookupIds(target));
    const servers = {};
    const started = await Promise.allSettled(IMPLS.map((impl) => Worker.start(impl, target)));
    started.forEach((s, i) => {
      if (s.status === "fulfilled") workers.push((servers[IMPLS[i]] = s.value));
    });
    const failedStart = started.find((s) => s.status === "rejected");
    if (failedStart) throw failedStart.reason;
    let cookie = null;
    if (account) {
      try {
        cookie = await loginCookie(servers.ours.port, account);
      } catch (e) {
        console.log(`  reading anonymously: ${e.message}`);
      }
    } else {
      console.log(`  reading anonymously: ${reason}`);
    }

    const results = new Map();
    const result = (q, impl) => {
      const k = `${q.key}/${impl}`;
      if (!results.has(k)) results.set(k, { database: kind, dataset: dataset.name, query: `${q.key} ${q.label}`, impl, runs: [], problem: null, statements: null });
      return results.get(k);
    };

    // Reference bodies, checked once before any timing: ours must be a clean answer, and for query 1 both
    // baselines must return exactly the bytes of our `data` (our server adds `extensions`, e.g. the query's cost).
    const expected = {};
    const expectedFor = (q, impl) => (expected[q.key] === undefined ? undefined : impl === "ours" ? expected[q.key] : dataOnly(expected[q.key]));
    for (const q of queries) {
      const ours = await post(servers.ours.port, q.body, cookie);
      const problem = problemWith(ours, q.check);
      if (problem) result(q, "ours").problem = problem;
      else expected[q.key] = ours.text;
      result(q, "ours").statements = await servers.ours.statementsFor(q.body, cookie);
    }
    const q1 = queries[0];
    for (const impl of ["floor", "graphql-js"]) {
      const got = await post(servers[impl].port, q1.body, cookie);
      const r = result(q1, impl);
      r.statements = await servers[impl].statementsFor(q1.body, cookie);
      if (expected.q1 === undefined) r.problem = problemWith(got, q1.check) ?? "no reference body (ours failed)";
      else if (got.text !== expectedFor(q1, impl)) r.problem = `body differs from ours ${firstDifference(expectedFor(q1, impl), got.text)}`;
    }

    const timed = async (q, impl, round) => {
      const r = result(q, impl);
      if (r.problem) return;
      const cpuBefore = await servers[impl].cpuMicros();
      const run = await drive({ port: servers[impl].port, body: q.body, seconds: settings.duration, connections: settings.connections, expected: expectedFor(q, impl), cookie });
      await settle();
      run.cpuMs = (await servers[impl].cpuMicros()) - cpuBefore;
      // The requests in flight when autocannon stops (at most one per connection) are served during settle().
      run.cpuMsPerRequest = run.cpuMs / 1000 / (run.requests + run.failures + settings.connections);
      r.runs.push(run);
      if (run.failures > 0) r.problem = describeFailures(run);
      console.log(`  ${label} ${q.key} ${impl.padEnd(10)} ${round}: ${fmt(run.reqPerSec, 0).padStart(6)} req/s  p50 ${fmt(run.p50, 2)} ms  ` +
        `server CPU ${fmt(run.cpuMsPerRequest, 2)} ms/req` +
        (run.failures ? `  FAILED: ${describeFailures(run)}` : ""));
    };
    const warm = async (q, impl) => {
      const r = result(q, impl);
      if (settings.warmup > 0 && !r.problem) {
        const run = await drive({ port: servers[impl].port, body: q.body, seconds: settings.warmup, connections: settings.connections, expected: expectedFor(q, impl), cookie });
        await settle();
        if (run.failures > 0) r.problem = `warm-up: ${describeFailures(run)}`;
      }
    };

    for (const impl of IMPLS) await warm(q1, impl);
    for (let round = 1; round <= settings.rounds; round++) {
      for (const impl of IMPLS) await timed(q1, impl, `round ${round}`);
    }
    for (const q of queries.slice(1)) {
      await warm(q, "ours");
      await timed(q, "ours", "run");
    }

    const rows = [...results.values()].sort((a, b) => a.query.localeCompare(b.query) || IMPLS.indexOf(a.impl) - IMPLS.indexOf(b.impl));
    const usable = (impl) => {
      const r = results.get(`q1/${impl}`);
      return r && !r.problem && r.runs.length ? r.runs : null;
    };
    const best = (impl) => usable(impl) && Math.max(...usable(impl).map((x) => x.reqPerSec));
    const leastCpu = (impl) => usable(impl) && Math.min(...usable(impl).map((x) => x.cpuMsPerRequest));
    const ratioOf = (a, b) => (a && b ? a / b : null);
    const ratio = {
      label,
      graphqlJs: ratioOf(best("ours"), best("graphql-js")),
      floor: ratioOf(best("ours"), best("floor")),
      cpuGraphqlJs: ratioOf(leastCpu("graphql-js"), leastCpu("ours")),
      cpuFloor: ratioOf(leastCpu("floor"), leastCpu("ours")),
    };
    return { rows, ratio };
  } finally {
    for (const w of workers) await w.stop();
    await target.drop();
  }
}

// ---------------------------------------------------------------- databases

async function createTarget(kind) {
  let target;
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "knotenpunkt-bench-"));
    target = { kind, file: path.join(dir, "bench.sqlite"), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    target.sync = () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `kp_bench_${crypto.randomBytes(5).toString("hex")}`;
    const admin = await mysql.createConnection({ uri: serverUrl(settings.mysqlUrl), connectTimeout: 5000 });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const u = new URL(settings.mysqlUrl);
    u.pathname = `/${name}`;
    target = {
      kind,
      url: u.toString(),
      drop: async () => {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.end();
      },
    };
  }
  const drop = target.drop;
  target.drop = async () => {
    cleanups.delete(target.drop);
    await drop();
  };
  target.drop.sync = target.sync;
  cleanups.add(target.drop);
  return target;
}

/** Schema (synchronised on SQLite, migrations on MySQL), data through the server's own loader, the bench account. */
async function loadDataset(target, data) {
  const { openDatabase } = serverModule("db/data-source");
  const { parseDatabaseUrl } = serverModule("config");
  const { loadNetwork } = serverModule("db/seed/load-demo");
  const ds = await openDatabase(parseDatabaseUrl(target.kind === "sqlite" ? `sqlite:${target.file}` : target.url));
  try {
    const summary = await loadNetwork(ds, data);
    return { summary, ...(await createBenchAccount(ds)) };
  } finally {
    await ds.destroy();
  }
}

/** Global ids the queries need: LANGUAGE, Lörrach, and the actor with the most relations (for query 3). */
async function lookupIds(target) {
  const db = openDriver(target);
  try {
    const one = async (sql, params, what) => {
      const rows = await db.all(sql, params);
      if (!rows.length) throw new Error(`the loaded data has no ${what}`);
      return rows[0].id;
    };
    const language = await one("SELECT id FROM field_of_action WHERE `key` = ?", ["LANGUAGE"], "field of action LANGUAGE");
    const loerrach = await one("SELECT id FROM municipality WHERE name = ?", ["Lörrach"], "municipality Lörrach");
    const busiest = await one(
      `SELECT a.id FROM actor a WHERE a.archived = 0 ORDER BY
         (SELECT COUNT(*) FROM measure m WHERE m.providerId = a.id AND m.archived = 0)
       + (SELECT COUNT(*) FROM handler h WHERE h.actorId = a.id AND h.archived = 0)
       + (SELECT COUNT(*) FROM membership ms WHERE ms.actorId = a.id AND ms.archived = 0)
       + (SELECT COUNT(*) FROM cooperation c WHERE c.archived = 0 AND (c.actorAId = a.id OR c.actorBId = a.id)) DESC, a.id ASC LIMIT 1`,
      [],
      "actor",
    );
    return { language: globalId("FieldOfAction", language), loerrach: globalId("Municipality", loerrach), busiestActor: globalId("Actor", busiest) };
  } finally {
    await db.close();
  }
}

async function mysqlReachable() {
  try {
    const conn = await mysql.createConnection({ uri: serverUrl(settings.mysqlUrl), connectTimeout: 3000 });
    await conn.end();
    return true;
  } catch {
    return false;
  }
}

/** The URL without a database, for CREATE/DROP DATABASE. */
function serverUrl(url) {
  const u = new URL(url);
  u.pathname = "/";
  return u.toString();
}

function redact(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

// ---------------------------------------------------------------- servers

/** One implementation in a child process (bench/worker.js). */
class Worker {
  static start(impl, target) {
    const execArgv = [];
    if (impl === "ours" && settings.cpuProfDir) execArgv.push("--cpu-prof", `--cpu-prof-dir=${settings.cpuProfDir}`);
    const child = fork(path.join(__dirname, "worker.js"), [impl, JSON.stringify({ kind: target.kind, file: target.file, url: target.url })], {
      env: { ...process.env, NODE_ENV: "production", BENCH_SERVER_DIST: SERVER_DIST },
      execArgv,
    });
    const kill = () => child.kill();
    kill.sync = kill;
    cleanups.add(kill);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`${impl} did not start within 60 s`));
      }, 60_000);
      child.once("exit", (code) => reject(new Error(`${impl} exited with code ${code} before it was ready`)));
      child.on("message", (msg) => {
        if (msg.type === "failed") reject(new Error(`${impl} failed to start: ${msg.message}`));
        if (msg.type === "ready") {
          clearTimeout(timer);
          cleanups.delete(kill);
          const w = new Worker(impl, child, msg.port);
          w.kill.sync = w.kill;
          cleanups.add(w.kill);
          resolve(w);
        }
      });
    });
  }

  constructor(impl, child, port) {
    this.impl = impl;
    this.child = child;
    this.port = port;
    this.seq = 0;
    this.kill = () => child.kill();
  }

  ask(type, field) {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off("message", onMessage);
        reject(new Error(`${this.impl} did not answer "${type}" within 10 s`));
      }, 10_000);
      const onMessage = (msg) => {
        if (msg.type === type && msg.id === id) {
          clearTimeout(timer);
          this.child.off("message", onMessage);
          resolve(msg[field]);
        }
      };
      this.child.on("message", onMessage);
      this.child.send({ type, id });
    });
  }

  statements() {
    return this.ask("statements", "statements");
  }

  /** CPU time (user + system, µs) the server process has used so far. */
  cpuMicros() {
    return this.ask("cpu", "micros");
  }

  /** SQL statements one request causes (the server is otherwise idle). */
  async statementsFor(body, cookie) {
    const before = await this.statements();
    await post(this.port, body, cookie);
    return (await this.statements()) - before;
  }

  async stop() {
    cleanups.delete(this.kill);
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.send({ type: "stop" });
    const timeout = setTimeout(() => this.child.kill(), 10_000);
    await exited;
    clearTimeout(timeout);
  }
}

/**
 * autocannon stops by closing its sockets; the requests then in flight still run to the end on the server. A short
 * pause keeps them out of the next measurement (and away from a closing connection pool).
 */
function settle() {
  return new Promise((resolve) => setTimeout(resolve, 500));
}

async function post(port, body, cookie) {
  const headers = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}

/** Null when the response is a clean answer to the query, else what is wrong with it. */
function problemWith(response, check) {
  if (response.status !== 200) return `HTTP ${response.status}: ${response.text.slice(0, 200)}`;
  let json;
  try {
    json = JSON.parse(response.text);
  } catch {
    return `not JSON: ${response.text.slice(0, 200)}`;
  }
  if (json.errors) return `errors: ${JSON.stringify(json.errors).slice(0, 300)}`;
  const ok = check(json.data);
  return ok === true ? null : ok;
}

/** A response reduced to `{"data":…}` the way Apollo serialises it (JSON.stringify plus a newline). */
function dataOnly(text) {
  return JSON.stringify({ data: JSON.parse(text).data }) + "\n";
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: expected …${JSON.stringify(a.slice(i, i + 60))}, got …${JSON.stringify(b.slice(i, i + 60))}`;
}

function describeFailures(run) {
  const parts = [];
  if (run.mismatches) parts.push(`${run.mismatches} wrong bodies`);
  if (run.non2xx) parts.push(`${run.non2xx} non-2xx`);
  if (run.errors) parts.push(`${run.errors} connection errors`);
  if (run.timeouts) parts.push(`${run.timeouts} timeouts`);
  return parts.join(", ");
}

// ---------------------------------------------------------------- output

function printHeader() {
  const cpus = os.cpus();
  console.log("Knotenpunkt benchmark (NODE_ENV=production)");
  console.log(`  node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? "cpu"}; each implementation runs in its own process, autocannon in this one`);
  console.log(`  ${settings.connections} connections, ${settings.warmup} s warm-up, ${settings.duration} s per timed run, ` +
    `query 1 (${ACTOR_PAGE} actors) interleaved ${settings.rounds}× (${IMPLS.join(", ")}), best round counts`);
  console.log(`  server: ${path.relative(process.cwd(), SERVER_DIST) || SERVER_DIST}; databases: ${settings.databases.join(", ")}; data sets: ${settings.datasets.join(", ")}`);
  console.log("  CPU ms/req = CPU time of the server process per request (steadier than req/s when the machine is shared)");
}

function printTable(results) {
  const header = ["database", "dataset", "query", "implementation", "req/s", "p50 ms", "p95 ms", "p99 ms", "SQL/req", "CPU ms/req", "bodies"];
  const lines = results.map((r) => {
    const best = r.runs.length ? r.runs.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a)) : null;
    const rounds = r.runs.length > 1 ? ` (rounds: ${r.runs.map((x) => fmt(x.reqPerSec, 0)).join(", ")})` : "";
    return [
      r.database,
      r.dataset,
      r.query,
      r.impl,
      best ? fmt(best.reqPerSec, 0) : "–",
      best ? fmt(best.p50, 2) : "–",
      best ? fmt(best.p95, 2) : "–",
      best ? fmt(best.p99, 2) : "–",
      r.statements ?? "–",
      best ? fmt(best.cpuMsPerRequest, 2) : "–",
      r.problem ? `FAILED: ${r.problem}` : `ok, ${r.runs.reduce((n, x) => n + x.requests, 0)} checked${rounds}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const numeric = new Set([4, 5, 6, 7, 8, 9]);
  const row = (cells) => cells.map((c, i) => (i === cells.length - 1 ? String(c) : numeric.has(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ");
  console.log("\n" + row(header));
  console.log(widths.map((w, i) => "-".repeat(i === widths.length - 1 ? 6 : w)).join("  "));
  let last = "";
  for (const l of lines) {
    const group = `${l[0]} ${l[1]}`;
    if (last && group !== last) console.log("");
    last = group;
    console.log(row(l));
  }
}

function printRatios(ratios) {
  console.log("\nQuery 1, our req/s as a ratio of each baseline (best round each):");
  for (const r of ratios) {
    const show = (value, target, name) =>
      value === null ? `vs ${name}: n/a (a run failed)` : `vs ${name} ${fmt(value, 2)}× (target ≥ ${fmt(target, 2)}×) ${value >= target ? "PASS" : "MISS"}`;
    console.log(`  ${r.label.padEnd(16)} ${show(r.graphqlJs, TARGETS.graphqlJs, "plain graphql-js")}   ${show(r.floor, TARGETS.floor, "the floor")}`);
    if (r.cpuGraphqlJs !== null && r.cpuFloor !== null) {
      console.log(`  ${"".padEnd(16)} by server CPU per request: ${fmt(r.cpuGraphqlJs, 2)}× plain graphql-js, ${fmt(r.cpuFloor, 2)}× the floor (inverse CPU, for a shared machine)`);
    }
  }
}

function fmt(n, digits) {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

// ---------------------------------------------------------------- settings

function positive(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got "${v}"`);
  return n;
}

function nonNegative(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!(n >= 0)) throw new Error(`${name} must be a number ≥ 0, got "${v}"`);
  return n;
}

function choose(name, all) {
  const v = process.env[name];
  if (v === undefined || v === "" || v === "all") return all;
  const picked = v.split(",").map((s) => s.trim());
  for (const p of picked) if (!all.includes(p)) throw new Error(`${name} must be one of ${all.join(", ")} (comma-separated), got "${v}"`);
  return all.filter((a) => picked.includes(a));
}

async function cleanUp() {
  for (const fn of [...cleanups]) {
    try {
      await fn();
    } catch {
      /* best effort on the way out */
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    cleanUp().finally(() => process.exit(130));
  });
}
// `npm run bench | head` closes stdout early: stop quietly (the exit handler below still cleans up).
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
// Whatever ends the process, the temporary SQLite files and the child processes go with it.
process.on("exit", () => {
  for (const fn of cleanups) if (fn.sync) fn.sync();
});

main()
  .catch(async (e) => {
    console.error(`bench failed: ${e?.stack ?? e}`);
    process.exitCode = 1;
  })
  .finally(cleanUp);
