"use strict";
/**
 * `npm run bench:overlaps`: overlap detection at scale, on generated German-like measures with injected duplicates
 * (server/src/modules/overlaps/algorithms/generate.ts, seeded, so every run sees the same data).
 *
 *  1. Per size (10k, 100k, 1M by default), each in a fresh child process: the full recompute (index every measure
 *     and find every overlap), partitioned over OVERLAP_BENCH_THREADS worker threads (algorithms/parallel.ts, same
 *     findings as one index), with its stage timings; findings collected and sorted below OVERLAP_BENCH_SCAN_FROM
 *     measures, streamed from there on, so they are never all held at once; candidate pairs against all pairs,
 *     findings, recall of the injected duplicates among the findings, peak RSS (whole process) and main-thread V8
 *     heap per stage. Then one index in this thread (as the server's engine keeps it): the exhaustive comparison
 *     timed on a sample of about OVERLAP_BENCH_EXHAUSTIVE_PAIRS pairs and extrapolated to all pairs (structural
 *     check first as findAll({ exhaustive: true }) does, and with the text of every pair compared), and the
 *     incremental re-check: OVERLAP_BENCH_EDITS random measures get a changed title word or shifted dates and go
 *     through `index.upsert` one by one (p50/p95/max).
 *  2. Recall of candidate generation on a 20k sample: findAll() against findAll({ exhaustive: true }), which
 *     compares all n·(n−1)/2 pairs.
 *  3. API throughput while a full recompute runs: our server (createServer from server/dist, NODE_ENV=production,
 *     in its own process via bench/worker.js) on a temporary SQLite file with 20k generated measures. After a first
 *     recompute has stored the findings, autocannon (in this process) drives two measure list queries, each once on
 *     the idle server and once while the commissioner's `recomputeOverlaps` mutation runs (fired again whenever it
 *     finishes early). Every response body is compared with the reference body; a wrong body, non-2xx, error or
 *     timeout is reported.
 *
 * Peak memory: a worker thread in each child samples RSS and, through an inspector session on the main thread
 * (answered between JavaScript operations even while a stage runs synchronously), the V8 heap every 50 ms.
 * Figures are printed, never asserted; the exit code is non-zero only when the benchmark itself cannot run.
 *
 * Settings (environment):
 *   OVERLAP_BENCH_SIZES          sizes, comma-separated (default 10000,100000,1000000; "" or 0 skips part 1)
 *   OVERLAP_BENCH_SEED           generator seed (default 20260101)
 *   OVERLAP_BENCH_SCAN_FROM      use the streaming scan from this size on (default 500000)
 *   OVERLAP_BENCH_THREADS        worker threads for the full recompute (default 2; 1 = serial)
 *   OVERLAP_BENCH_EXHAUSTIVE_PAIRS  pairs in the sampled exhaustive comparison (default 20,000,000; 0 skips it)
 *   OVERLAP_BENCH_EDITS          edited measures for the incremental re-check (default 200; 0 skips it)
 *   OVERLAP_BENCH_RECALL_SAMPLE  measures for candidate recall vs exhaustive (default 20000; 0 skips part 2)
 *   OVERLAP_BENCH_API_MEASURES   measures in the API database (default 20000; 0 skips part 3)
 *   OVERLAP_BENCH_DURATION       seconds per timed API run (default 10)
 *   OVERLAP_BENCH_WARMUP         seconds of API warm-up per list query (default 2)
 *   OVERLAP_BENCH_CONNECTIONS    concurrent autocannon connections (default 10)
 *   BENCH_SERVER_DIST            another build of the server (as in `npm run bench`)
 */
process.env.NODE_ENV = "production";

const CHILD = "--overlap-bench-child";

// ================================================================ settings

function settings() {
  const sizes = (process.env.OVERLAP_BENCH_SIZES ?? "10000,100000,1000000")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "" && s !== "0")
    .map((s) => {
      const n = Number(s.replace(/_/g, "").replace(/k$/i, "000").replace(/m$/i, "000000"));
      if (!(Number.isInteger(n) && n >= 20)) throw new Error(`OVERLAP_BENCH_SIZES: "${s}" is not a size ≥ 20`);
      return n;
    });
  return {
    sizes,
    seed: int("OVERLAP_BENCH_SEED", 20260101, 0),
    scanFrom: int("OVERLAP_BENCH_SCAN_FROM", 500_000, 0),
    edits: int("OVERLAP_BENCH_EDITS", 200, 0),
    threads: int("OVERLAP_BENCH_THREADS", 2, 1),
    exhaustivePairs: int("OVERLAP_BENCH_EXHAUSTIVE_PAIRS", 20_000_000, 0),
    recallSample: int("OVERLAP_BENCH_RECALL_SAMPLE", 20_000, 0),
    apiMeasures: int("OVERLAP_BENCH_API_MEASURES", 20_000, 0),
    duration: num("OVERLAP_BENCH_DURATION", 10, 0.5),
    warmup: num("OVERLAP_BENCH_WARMUP", 2, 0),
    connections: int("OVERLAP_BENCH_CONNECTIONS", 10, 1),
  };
}

function num(name, fallback, min) {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!(n >= min)) throw new Error(`${name} must be a number ≥ ${min}, got "${v}"`);
  return n;
}

function int(name, fallback, min) {
  const n = num(name, fallback, min);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${process.env[name]}"`);
  return n;
}

// ================================================================ parent

const cleanups = new Set();

async function main() {
  const os = require("node:os");
  const path = require("node:path");
  const { SERVER_DIST } = require("./paths");
  const s = settings();
  const cpus = os.cpus();
  console.log("Knotenpunkt overlap benchmark (NODE_ENV=production)");
  console.log(`  node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${fmtMb(os.totalmem())} RAM; child heap limit ${heapLimitMb()} MB; ` +
    `load average ${loadAverage()} (timings are wall-clock: other work on the machine inflates them)`);
  console.log(`  server: ${path.relative(process.cwd(), SERVER_DIST) || SERVER_DIST}; seed ${s.seed}; sizes ${s.sizes.map(fmtN).join(", ") || "none"}; ` +
    `scan from ${fmtN(s.scanFrom)}; full recompute on ${s.threads} thread(s); ${s.edits} edits; exhaustive sample ${fmtN(s.exhaustivePairs)} pairs; recall sample ${fmtN(s.recallSample)}; API ${fmtN(s.apiMeasures)} measures, ` +
    `${s.connections} connections, ${s.duration} s per run`);

  const sizeResults = [];
  for (const n of s.sizes) {
    console.log(`\n${fmtN(n)} measures (fresh process)`);
    const t0 = Date.now();
    const r = await inChild({ job: "size", n, seed: s.seed, scanFrom: s.scanFrom, edits: s.edits, threads: s.threads, exhaustivePairs: s.exhaustivePairs });
    r.wallMs = Date.now() - t0;
    sizeResults.push({ n, ...r });
  }

  let recall = null;
  if (s.recallSample > 0) {
    console.log(`\nCandidate recall against exhaustive comparison, ${fmtN(s.recallSample)} measures (fresh process)`);
    recall = await inChild({ job: "recall", n: s.recallSample, seed: s.seed });
  }

  let api = null;
  if (s.apiMeasures > 0) {
    console.log(`\nAPI during a full recompute, ${fmtN(s.apiMeasures)} measures on SQLite`);
    try {
      api = await benchApi(s);
    } catch (e) {
      api = { failed: String(e?.message ?? e).split("\n")[0] };
      console.log(`  FAILED: ${e?.stack ?? e}`);
    }
  }

  printSummary(s, sizeResults, recall, api);
}

/** Runs one job in a fresh Node process (same heap limit), streams its log lines and returns its result. */
function inChild(spec) {
  const { fork } = require("node:child_process");
  const execArgv = process.execArgv.filter((a) => !a.startsWith("--max-old-space-size"));
  execArgv.push(`--max-old-space-size=${heapLimitMb()}`, "--expose-gc");
  const child = fork(__filename, [CHILD, JSON.stringify(spec)], { execArgv, env: { ...process.env, NODE_ENV: "production" } });
  const kill = () => child.kill();
  kill.sync = kill;
  cleanups.add(kill);
  return new Promise((resolve) => {
    let result = null;
    child.on("message", (msg) => {
      if (msg.type === "result") result = msg.result;
    });
    child.once("exit", (code, signal) => {
      cleanups.delete(kill);
      if (result) resolve(result);
      else resolve({ failed: signal === "SIGABRT" ? "aborted (SIGABRT: out of memory at the heap limit?)" : signal ? `killed by ${signal}` : `exited with code ${code}` });
    });
  });
}

function loadAverage() {
  return require("node:os")
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
}

function heapLimitMb() {
  const own = process.execArgv.find((a) => a.startsWith("--max-old-space-size="));
  return own ? Number(own.split("=")[1]) : 6144;
}

// ---------------------------------------------------------------- API

/**
 * Two list queries: the free-text search scans every measure's title and description in SQLite (its totalCount
 * cannot use an index), the plain first page is cheap, so the effect of a recompute on the event loop shows.
 */
const LIST_QUERIES = [
  { label: 'q: "Sprachkurs"', query: `{ measures(first: 20, filter: {q: "Sprachkurs"}) { totalCount nodes { title provider { name } } } }` },
  { label: "first page", query: `{ measures(first: 20) { totalCount nodes { title provider { name } } } }` },
];
const RECOMPUTE = `mutation { recomputeOverlaps { measures allPairs candidatePairs findings clusters opened reopened resolved durationMs } }`;

async function benchApi(s) {
  require("reflect-metadata");
  const fs = require("node:fs");
  const os = require("node:os");
  const path = require("node:path");
  const crypto = require("node:crypto");
  const { drive } = require("./load");
  const { loginCookie } = require("./account");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "knotenpunkt-overlap-bench-"));
  const drop = () => fs.rmSync(dir, { recursive: true, force: true });
  drop.sync = drop;
  cleanups.add(drop);
  const file = path.join(dir, "bench.sqlite");
  const account = { email: "bench-commissioner@knotenpunkt.example", password: crypto.randomBytes(24).toString("base64url") };
  let server = null;
  try {
    const t0 = Date.now();
    const loaded = await loadApiDatabase(file, s, account);
    console.log(`  loaded ${fmtN(loaded.measures)} measures of ${fmtN(loaded.actors)} actors (${fmtN(loaded.links)} link rows, ` +
      `${fmtN(loaded.municipalities)} municipalities) in ${fmtSeconds(Date.now() - t0)}`);

    server = await startServer(file);
    const cookie = await loginCookie(server.port, account);
    const recompute = async () => {
      const t = Date.now();
      const res = await post(server.port, JSON.stringify({ query: RECOMPUTE }), cookie);
      const problem = problemWith(res, (d) => (d?.recomputeOverlaps ? true : "no result"));
      if (problem) throw new Error(`recomputeOverlaps: ${problem}`);
      return { start: t, end: Date.now(), result: JSON.parse(res.text).data.recomputeOverlaps };
    };

    // The first recompute stores every finding; the timed runs then see the steady state of a nightly recompute
    // (all measures re-read and re-compared, stored overlaps re-read and reconciled, few or no writes).
    const first = await recompute();
    console.log(`  first recompute (idle server, stores the findings): ${describeRecompute(first.result, first.end - first.start)}`);

    const queries = [];
    for (const q of LIST_QUERIES) {
      const body = JSON.stringify({ query: q.query });
      const reference = await post(server.port, body, cookie);
      const problem = problemWith(reference, (d) => (d?.measures?.totalCount > 0 && d.measures.nodes.length > 0 ? true : `no measures found: ${JSON.stringify(d)}`));
      if (problem) throw new Error(`list query ${q.label}: ${problem}`);
      const totalCount = JSON.parse(reference.text).data.measures.totalCount;
      console.log(`  list query ${q.label} (${fmtN(totalCount)} matches, first 20): ${q.query}`);
      const run = (seconds) => drive({ port: server.port, body, seconds, connections: s.connections, expected: reference.text, cookie });

      if (s.warmup > 0) {
        const w = await run(s.warmup);
        await settle();
        if (w.failures) throw new Error(`warm-up of ${q.label}: ${describeFailures(w)}`);
      }
      const idle = await run(s.duration);
      await settle();
      console.log(`    idle:             ${fmt(idle.reqPerSec, 0).padStart(6)} req/s  p50 ${fmt(idle.p50, 2)} ms  p99 ${fmt(idle.p99, 2)} ms  ${bodiesNote(idle)}`);

      // The recompute loop starts first, so a recompute runs from the first request on; whenever one ends before
      // the timed run does, the next starts at once. The last one may end after the run and is awaited.
      const recomputes = [];
      let stop = false;
      let loopError = null;
      const windowStart = Date.now();
      const loop = (async () => {
        while (!stop) recomputes.push(await recompute());
      })().catch((e) => (loopError = e));
      const busy = await run(s.duration);
      const windowEnd = Date.now();
      stop = true;
      await loop;
      await settle();
      if (loopError) throw loopError;
      const covered = recomputes.reduce((sum, r) => sum + Math.max(0, Math.min(r.end, windowEnd) - Math.max(r.start, windowStart)), 0);
      const coveredShare = covered / (windowEnd - windowStart);
      console.log(`    during recompute: ${fmt(busy.reqPerSec, 0).padStart(6)} req/s  p50 ${fmt(busy.p50, 2)} ms  p99 ${fmt(busy.p99, 2)} ms  ${bodiesNote(busy)}`);
      console.log(`    ${recomputes.length} recompute(s) during the ${s.duration} s run, busy for ${fmt(100 * coveredShare, 0)}% of it:`);
      for (const r of recomputes) console.log(`      ${describeRecompute(r.result, r.end - r.start)}`);
      queries.push({ label: q.label, totalCount, idle, busy, recomputes, coveredShare });
    }

    const alone = await recompute();
    console.log(`  recompute on the idle server afterwards: ${describeRecompute(alone.result, alone.end - alone.start)}`);
    return { loaded, first, queries, alone };
  } finally {
    if (server) await server.stop();
    drop();
    cleanups.delete(drop);
  }
}

function describeRecompute(r, wallMs) {
  return `${fmtSeconds(wallMs)} (server: ${fmtSeconds(r.durationMs)}): ${fmtN(r.measures)} measures, ${fmtN(r.candidatePairs)} of ${fmtN(r.allPairs)} pairs compared, ` +
    `${fmtN(r.findings)} findings, ${fmtN(r.clusters)} clusters, opened ${fmtN(r.opened)}, reopened ${fmtN(r.reopened)}, resolved ${fmtN(r.resolved)}`;
}

/**
 * Creates the API database: schema and reference data as the server makes them, extra municipalities for the
 * generator's ids beyond the county's 35, then actors, measures and their link rows by multi-row INSERTs, and the
 * commissioner account.
 */
async function loadApiDatabase(file, s, account) {
  const { serverModule } = require("./paths");
  const { openDatabase } = serverModule("db/data-source");
  const { parseDatabaseUrl } = serverModule("config");
  const { ensureReferenceData } = serverModule("db/seed/reference-data");
  const { createAccount } = serverModule("modules/auth/auth.service");
  const { Role } = serverModule("modules/auth/auth.enums");
  const { ActorKind, Level } = serverModule("common/enums");
  const { generateMeasures } = serverModule("modules/overlaps/algorithms/generate");

  const { measures, taxonomy } = generateMeasures({ n: s.apiMeasures, seed: s.seed });
  const ds = await openDatabase(parseDatabaseUrl(`sqlite:${file}`));
  try {
    await ensureReferenceData(ds);
    const idsByKey = async (table) => new Map((await ds.query(`SELECT id, key FROM ${table}`)).map((r) => [r.key, Number(r.id)]));
    const fieldIds = await idsByKey("field_of_action");
    const groupIds = await idsByKey("target_group");
    const known = new Set((await ds.query("SELECT name FROM municipality")).map((r) => r.name));
    const missing = [...taxonomy.municipalityNames.values()].filter((name) => !known.has(name));
    let links = 0;
    await ds.transaction(async (em) => {
      await insertRows(em, "municipality", ["name", "kind", "population"], missing.map((name) => [name, "MUNICIPALITY", null]));
      const placeId = new Map((await em.query("SELECT id, name FROM municipality")).map((r) => [r.name, Number(r.id)]));
      const placeOf = new Map([...taxonomy.municipalityNames].map(([genId, name]) => [genId, placeId.get(name)]));

      const providers = measures.reduce((max, m) => Math.max(max, m.providerId), 0);
      const kinds = Object.values(ActorKind);
      const levels = Object.values(Level);
      const orgs = ["Caritasverband", "Diakonisches Werk", "Volkshochschule", "Integrationsverein", "Förderverein Miteinander", "Jugendhilfe", "Familienzentrum", "Bildungswerk", "Kirchengemeinde", "Migrantenverein"];
      const actorRows = [];
      for (let id = 1; id <= providers; id++) {
        const home = taxonomy.municipalityNames.get(1 + ((id * 7) % taxonomy.municipalityNames.size));
        actorRows.push([id, `${orgs[id % orgs.length]} ${home} ${id}`, kinds[id % kinds.length], levels[id % levels.length], "Generierter Träger für den Benchmark.", '["de"]', "[]"]);
      }
      await insertRows(em, "actor", ["id", "name", "kind", "level", "description", "languages", "tags"], actorRows);

      const key = (map, k, what) => {
        const id = map.get(k);
        if (id === undefined) throw new Error(`generated ${what} "${k}" is not in the reference data`);
        return id;
      };
      const measureRows = [];
      const fieldRows = [];
      const groupRows = [];
      const placeRows = [];
      for (const m of measures) {
        measureRows.push([m.id, m.title, m.description, m.providerId, m.ageMin, m.ageMax, '["de"]', m.countyWide ? 1 : 0, m.startDate, m.endDate, "[]", "NON_GOVERNMENTAL", "ACTIVE", 1]);
        for (const f of new Set(m.fieldKeys)) fieldRows.push([m.id, key(fieldIds, f, "field of action")]);
        for (const g of new Set(m.targetGroupKeys)) groupRows.push([m.id, key(groupIds, g, "target group")]);
        if (!m.countyWide) for (const p of new Set(m.municipalityIds)) placeRows.push([m.id, key(placeOf, p, "municipality")]);
      }
      await insertRows(em, "measure", ["id", "title", "description", "providerId", "ageMin", "ageMax", "languages", "countyWide", "startDate", "endDate", "funding", "level", "status", "published"], measureRows);
      await insertRows(em, "measure_field", ["measureId", "fieldOfActionId"], fieldRows);
      await insertRows(em, "measure_target_group", ["measureId", "targetGroupId"], groupRows);
      await insertRows(em, "measure_municipality", ["measureId", "municipalityId"], placeRows);
      links = fieldRows.length + groupRows.length + placeRows.length;
      return providers;
    });
    await createAccount(ds, { ...account, role: Role.COMMISSIONER, demo: true });
    const count = async (table) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return { measures: await count("measure"), actors: await count("actor"), municipalities: await count("municipality"), links };
  } finally {
    await ds.destroy();
  }
}

/** Multi-row INSERTs, chunked below SQLite's limit of bound parameters. */
async function insertRows(em, table, columns, rows) {
  const per = Math.max(1, Math.floor(30_000 / columns.length));
  const cols = columns.map((c) => `"${c}"`).join(", ");
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await em.query(`INSERT INTO "${table}" (${cols}) VALUES ${chunk.map(() => tuple).join(", ")}`, chunk.flat());
  }
}

/** Our server in its own process (bench/worker.js, the same as `npm run bench` uses). */
function startServer(file) {
  const path = require("node:path");
  const { fork } = require("node:child_process");
  const { SERVER_DIST } = require("./paths");
  const child = fork(path.join(__dirname, "worker.js"), ["ours", JSON.stringify({ kind: "sqlite", file })], {
    env: { ...process.env, NODE_ENV: "production", BENCH_SERVER_DIST: SERVER_DIST },
  });
  const kill = () => child.kill();
  kill.sync = kill;
  cleanups.add(kill);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error("our server did not start within 60 s"));
    }, 60_000);
    child.once("exit", (code) => reject(new Error(`our server exited with code ${code} before it was ready`)));
    child.on("message", (msg) => {
      if (msg.type === "failed") reject(new Error(`our server failed to start: ${msg.message}`));
      if (msg.type !== "ready") return;
      clearTimeout(timer);
      resolve({
        port: msg.port,
        async stop() {
          cleanups.delete(kill);
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((r) => child.once("exit", r));
          child.send({ type: "stop" });
          const t = setTimeout(() => child.kill(), 10_000);
          await exited;
          clearTimeout(t);
        },
      });
    });
  });
}

async function post(port, body, cookie) {
  const headers = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}

/** Null when the response is a 2xx answer without errors that passes `check`, else what is wrong with it. */
function problemWith(response, check) {
  if (response.status < 200 || response.status > 299) return `HTTP ${response.status}: ${response.text.slice(0, 300)}`;
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

function settle() {
  return new Promise((resolve) => setTimeout(resolve, 500));
}

function describeFailures(run) {
  const parts = [];
  if (run.mismatches) parts.push(`${run.mismatches} wrong bodies`);
  if (run.non2xx) parts.push(`${run.non2xx} non-2xx`);
  if (run.errors) parts.push(`${run.errors} connection errors`);
  if (run.timeouts) parts.push(`${run.timeouts} timeouts`);
  return parts.join(", ");
}

function bodiesNote(run) {
  return run.failures ? `FAILED: ${describeFailures(run)}` : `bodies ok (${fmtN(run.requests)} checked)`;
}

// ---------------------------------------------------------------- summary

function printSummary(s, sizes, recall, api) {
  if (sizes.length) {
    console.log("\nOverlap detection by size (seed " + s.seed + "; full recompute = index every measure + find every overlap)");
    const header = ["measures", "generate", "full recompute", "analyse+index", "find", "candidate pairs", "all pairs", "cand/all", "findings", "dup recall", "peak RSS (recompute)", "peak RSS", "exhaustive: structure first / text of every pair (extrapolated)", "speedup", "re-check p50/p95/max ms"];
    const rows = sizes.map((r) => {
      if (r.failed) return [fmtN(r.n), `FAILED: ${r.failed}`];
      const st = r.stages;
      const p = r.parallel;
      return [
        fmtN(r.n),
        fmtSeconds(st.generate.ms),
        `${fmtSeconds(st.recompute.ms)} (${p.threads} thr, ${r.mode})`,
        fmtSeconds(p.timings.partitionMs + p.timings.buildMs + p.timings.mergeMs),
        fmtSeconds(p.timings.scanMs),
        fmtN(r.run.candidatePairs),
        fmtN(r.run.allPairs),
        fmtRatio(r.run.candidatePairs / r.run.allPairs),
        fmtN(r.run.findings),
        `${fmt(100 * r.truth.recall, 2)}% of ${fmtN(r.truth.count)}`,
        fmtMb(st.recompute.peakRss),
        fmtMb(r.peakRss),
        r.exhaustive ? `${fmtSeconds(r.exhaustive.structureFirst.extrapolatedMs)} / ${fmtSeconds(r.exhaustive.textOfEveryPair.extrapolatedMs)}` : "–",
        r.exhaustive ? `${fmt(r.exhaustive.structureFirst.speedup, 0)}× / ${fmt(r.exhaustive.textOfEveryPair.speedup, 0)}×` : "–",
        r.recheck.count ? `${fmt(r.recheck.p50, 2)} / ${fmt(r.recheck.p95, 2)} / ${fmt(r.recheck.max, 2)}` : "–",
      ];
    });
    printTable(header, rows, new Set([0, 1, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13]));
    console.log("  peak RSS: whole process (worker threads included); the last peak includes the one-thread index for re-checks.");
    console.log("  exhaustive: one-thread index build + a sample of measures compared with all others on one thread, scaled to all pairs");
    console.log("  (a measured extrapolation, not a full run);");
    console.log("  speedup = extrapolated exhaustive time / full recompute time.");
  }
  if (recall) {
    console.log("");
    if (recall.failed) console.log(`Candidate recall vs exhaustive: FAILED: ${recall.failed}`);
    else {
      console.log(`Candidate recall vs exhaustive (${fmtN(recall.n)} measures): ${fmt(100 * recall.recall, 3)}% — ` +
        `${fmtN(recall.common)} of ${fmtN(recall.exhaustiveFindings)} exhaustive findings also found from ${fmtN(recall.candidatePairs)} candidate pairs ` +
        `(${fmtN(recall.candidateFindings)} findings in ${fmtSeconds(recall.candidateMs)}); exhaustive compared ${fmtN(recall.allPairs)} pairs in ${fmtSeconds(recall.exhaustiveMs)}` +
        (recall.extra ? `; ${fmtN(recall.extra)} candidate findings not in the exhaustive set` : ""));
    }
  }
  if (api) {
    console.log("");
    if (api.failed) console.log(`API during a full recompute: FAILED: ${api.failed}`);
    else {
      console.log(`API: list queries on ${fmtN(api.loaded.measures)} measures (SQLite), ${s.connections} connections, ${s.duration} s per run`);
      const rows = [];
      for (const q of api.queries) {
        rows.push([q.label, "without recompute", fmt(q.idle.reqPerSec, 0), fmt(q.idle.p50, 2), fmt(q.idle.p99, 2), "", bodiesNote(q.idle)]);
        rows.push([
          "",
          `during recompute (${q.recomputes.length}×, ${fmt(100 * q.coveredShare, 0)}% of the run)`,
          fmt(q.busy.reqPerSec, 0),
          fmt(q.busy.p50, 2),
          fmt(q.busy.p99, 2),
          `${fmt((100 * q.busy.reqPerSec) / q.idle.reqPerSec, 0)}%`,
          bodiesNote(q.busy),
        ]);
      }
      printTable(["query", "", "req/s", "p50 ms", "p99 ms", "of idle", "bodies"], rows, new Set([2, 3, 4, 5]));
      const during = api.queries.flatMap((q) => q.recomputes.map((r) => r.end - r.start));
      console.log(`  recompute: first ${describeRecompute(api.first.result, api.first.end - api.first.start)}`);
      console.log(`             alone (steady state) ${fmtSeconds(api.alone.end - api.alone.start)}; under load ${during.map(fmtSeconds).join(", ")}`);
    }
  }
}

function printTable(header, rows, numeric) {
  const full = rows.filter((r) => r.length === header.length);
  const widths = header.map((h, i) => Math.max(h.length, ...full.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? String(c) : numeric.has(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(r.length === header.length ? line(r) : `${String(r[0]).padStart(widths[0])}  ${r.slice(1).join("  ")}`);
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

// ================================================================ child

async function runChild(spec) {
  // Without its parent (the benchmark ended or crashed, or stdout was closed early) a child has nothing left to do.
  process.on("disconnect", () => process.exit(0));
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const sampler = startSampler();
  try {
    const result = spec.job === "size" ? await sizeJob(spec, sampler) : await recallJob(spec, sampler);
    result.maxRss = process.resourceUsage().maxRSS * 1024;
    await new Promise((resolve) => process.send({ type: "result", result }, resolve));
  } finally {
    await sampler.stop();
  }
  process.disconnect();
}

function algorithms() {
  const { serverModule } = require("./paths");
  return {
    ...serverModule("modules/overlaps/algorithms/generate"),
    ...serverModule("modules/overlaps/algorithms/detector"),
    ...serverModule("modules/overlaps/algorithms/parallel"),
  };
}

async function sizeJob({ n, seed, scanFrom, edits, threads, exhaustivePairs }, sampler) {
  const { generateMeasures, OverlapIndex, TRUTH_KINDS, scanParallel } = algorithms();
  const label = `  [${fmtN(n)}]`;
  const stages = {};
  const stage = async (name, fn) => {
    global.gc?.();
    await sampler.begin();
    const t = performance.now();
    const value = await fn();
    const ms = performance.now() - t;
    const peak = await sampler.end();
    const after = process.memoryUsage();
    global.gc?.();
    const retained = process.memoryUsage().heapUsed;
    stages[name] = { ms, peakRss: Math.max(peak.rss, after.rss), peakHeap: Math.max(peak.heap, after.heapUsed), retainedHeap: retained, samples: peak.samples };
    return value;
  };
  const memo = (st) => `peak RSS ${fmtMb(st.peakRss)}, peak heap ${fmtMb(st.peakHeap)} (main thread), heap after ${fmtMb(st.retainedHeap)}`;

  const generated = await stage("generate", () => generateMeasures({ n, seed }));
  const { measures, taxonomy, truth } = generated;
  console.log(`${label} generate ${fmtSeconds(stages.generate.ms)}: ${fmtN(measures.length)} measures, ${fmtN(truth.count)} injected duplicates (${memo(stages.generate)})`);

  // Injected pairs, keyed a·2²¹+b (ids stay below 2²¹ up to 2M measures; above, a Map of strings would do).
  const pairKey = n < 2 ** 21 ? (a, b) => a * 2 ** 21 + b : (a, b) => `${a}:${b}`;
  const truthKinds = new Map();
  for (let i = 0; i < truth.count; i++) truthKinds.set(pairKey(truth.aIds[i], truth.bIds[i]), truth.kinds[i]);
  const hitByKind = new Uint32Array(TRUTH_KINDS.length);
  const findingsByKind = {};
  const count = (f) => {
    findingsByKind[f.kind] = (findingsByKind[f.kind] ?? 0) + 1;
    const k = truthKinds.get(pairKey(f.aId, f.bId));
    if (k !== undefined) hitByKind[k]++;
  };

  // The full recompute: index every measure and find every overlap (OverlapIndex.build + findAll, or the streaming
  // scan), partitioned over `threads` worker threads (algorithms/parallel.ts; same findings as one index).
  const mode = n >= scanFrom ? "scan" : "findAll";
  let parallel;
  if (mode === "scan") {
    parallel = await stage("recompute", () => scanParallel(measures, taxonomy, count, { threads }));
  } else {
    let findings = [];
    parallel = await stage("recompute", async () => {
      const r = await scanParallel(measures, taxonomy, (f) => findings.push(f), { threads });
      findings.sort((x, y) => x.aId - y.aId || x.bId - y.bId);
      return r;
    });
    for (const f of findings) count(f);
    findings = null;
  }
  const run = parallel.stats;
  const pt = parallel.timings;
  const truthTotal = new Uint32Array(TRUTH_KINDS.length);
  for (let i = 0; i < truth.count; i++) truthTotal[truth.kinds[i]]++;
  const hits = hitByKind.reduce((a, b) => a + b, 0);
  console.log(`${label} full recompute ${fmtSeconds(stages.recompute.ms)} (${mode}) on ${parallel.threads} thread(s)` +
    (parallel.fallback ? ` (serial: ${parallel.fallback})` : `, parts of ${parallel.parts.map(fmtN).join(" + ")} measures`) +
    `: partition ${fmtSeconds(pt.partitionMs)}, analyse + index ${fmtSeconds(pt.buildMs)}, merge corpus ${fmtSeconds(pt.mergeMs)}, ` +
    `find ${fmtSeconds(pt.scanMs)} (blocks ${fmtSeconds(run.timings.blocksMs)}, lsh ${fmtSeconds(run.timings.lshMs)}); ${memo(stages.recompute)}`);
  console.log(`${label} pairs: ${fmtN(run.candidatePairs)} candidate of ${fmtN(run.allPairs)} (${fmtRatio(run.candidatePairs / run.allPairs)}; ` +
    `${fmtN(run.blockPairs)} from blocks, ${fmtN(run.lshPairs)} from LSH; ${run.oversizedBlocks} oversized blocks, ${run.oversizedBuckets} oversized buckets), ` +
    `${fmtN(run.textComparisons)} text comparisons, ${fmtN(run.findings)} findings (${Object.entries(findingsByKind).map(([k, v]) => `${fmtN(v)} ${k}`).join(", ")})`);
  console.log(`${label} injected duplicates found: ${fmtN(hits)} of ${fmtN(truth.count)} (${fmt((100 * hits) / truth.count, 2)}%; ` +
    TRUTH_KINDS.map((k, i) => `${k} ${fmtN(hitByKind[i])}/${fmtN(truthTotal[i])}`).join(", ") + ")");

  // One index in this thread, as the server's engine keeps it between recomputes: for the incremental re-check and
  // for timing a sample of the exhaustive all-pairs comparison.
  let recheck = { count: 0 };
  let exhaustive = null;
  if (edits > 0 || exhaustivePairs > 0) {
    const index = await stage("build", () => OverlapIndex.build(measures, taxonomy));
    console.log(`${label} one index in this thread (for re-checks and the exhaustive sample): build ${fmtSeconds(stages.build.ms)} (${memo(stages.build)})`);
    if (exhaustivePairs > 0) {
      // Two all-pairs references, each timed on a sample of measures against all others and scaled to all pairs:
      // as findAll({ exhaustive: true }) runs (structural check first, text only for pairs that pass it), and
      // with the text of every pair compared (the row-wise comparison, structure after).
      const rows = Math.max(1, Math.min(n, Math.ceil(exhaustivePairs / (n - 1))));
      const random = mulberry32(seed ^ 0xe4a5);
      const ids = Array.from({ length: rows }, () => measures[Math.floor(random() * n)].id);
      const textRows = Math.max(1, Math.ceil(rows / 20));
      exhaustive = {};
      for (const [key, sampleIds, options, what] of [
        ["structureFirst", ids, {}, "structural check first, text for the pairs that pass it"],
        ["textOfEveryPair", ids.slice(0, textRows), { textOfEveryPair: true }, "text of every pair compared"],
      ]) {
        const sample = await stage(`exhaustive ${key}`, () => index.compareWithAll(sampleIds, options));
        const ms = stages[`exhaustive ${key}`].ms;
        const nsPerPair = (ms * 1e6) / sample.pairs;
        // An exhaustive recompute indexes the texts too: the one-thread build above, plus all pairs compared.
        const extrapolatedMs = stages.build.ms + (nsPerPair * run.allPairs) / 1e6;
        exhaustive[key] = { rows: sampleIds.length, pairs: sample.pairs, ms, nsPerPair, extrapolatedMs, speedup: extrapolatedMs / stages.recompute.ms };
        console.log(`${label} exhaustive comparison (${what}), sampled: ${fmtN(sampleIds.length)} measures × all ${fmtN(n - 1)} others = ` +
          `${fmtN(sample.pairs)} pairs in ${fmtSeconds(ms)} (${fmt(nsPerPair, 1)} ns per pair); exhaustive recompute = one-thread build ` +
          `${fmtSeconds(stages.build.ms)} + all ${fmtN(run.allPairs)} pairs extrapolated: ${fmtSeconds(extrapolatedMs)} = ` +
          `${fmt(exhaustive[key].speedup, 0)}× the full recompute's ${fmtSeconds(stages.recompute.ms)}`);
      }
    }
    if (edits > 0) {
      recheck = await stage("recheck", () => editAndRecheck(index, n, seed, edits));
      console.log(`${label} re-check of ${recheck.count} edited measures (upsert each): p50 ${fmt(recheck.p50, 2)} ms, p95 ${fmt(recheck.p95, 2)} ms, ` +
        `max ${fmt(recheck.max, 2)} ms, mean ${fmt(recheck.mean, 2)} ms; ${fmt(recheck.meanFindings, 1)} findings per measure (${memo(stages.recheck)})`);
    }
  }
  const peakRss = Math.max(...Object.values(stages).map((x) => x.peakRss));
  const peakHeap = Math.max(...Object.values(stages).map((x) => x.peakHeap));
  return {
    mode,
    stages,
    run,
    parallel,
    exhaustive,
    findingsByKind,
    truth: { count: truth.count, hits, recall: truth.count ? hits / truth.count : NaN, byKind: TRUTH_KINDS.map((k, i) => ({ kind: k, hits: hitByKind[i], count: truthTotal[i] })) },
    recheck,
    peakRss,
    peakHeap,
  };
}

/** Edits `edits` random measures (a title word, or the dates) and times the incremental re-check of each. */
function editAndRecheck(index, n, seed, edits) {
  const random = mulberry32(seed ^ 0x5eed);
  const words = ["Treff", "Kurs", "Angebot", "Werkstatt", "Runde", "Sprechstunde", "Gruppe", "Café", "Training", "Beratung"];
  const times = [];
  let findings = 0;
  for (let e = 0; e < edits; e++) {
    const id = 1 + Math.floor(random() * n);
    const m = index.get(id);
    if (!m) continue;
    let edited;
    if (e % 2 === 0) {
      const parts = m.title.split(" ");
      parts[Math.floor(random() * parts.length)] = words[Math.floor(random() * words.length)];
      edited = { ...m, title: parts.join(" ") };
    } else {
      const shift = 7 + Math.floor(random() * 60);
      edited = { ...m, startDate: m.startDate ? shiftDate(m.startDate, shift) : "2025-01-01", endDate: m.endDate ? shiftDate(m.endDate, shift) : null };
    }
    const t = performance.now();
    findings += index.upsert(edited).length;
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: times.reduce((a, b) => a + b, 0) / (times.length || 1),
    meanFindings: findings / (times.length || 1),
  };
}

async function recallJob({ n, seed }, sampler) {
  const { generateMeasures, OverlapIndex } = algorithms();
  const { measures, taxonomy } = generateMeasures({ n, seed });
  const index = OverlapIndex.build(measures, taxonomy);
  await sampler.begin();
  let t = performance.now();
  const candidates = index.findAll();
  const candidateMs = performance.now() - t;
  const candidateRun = index.lastRun;
  t = performance.now();
  const exhaustive = index.findAll({ exhaustive: true });
  const exhaustiveMs = performance.now() - t;
  const exhaustiveRun = index.lastRun;
  await sampler.end();
  const key = (f) => `${f.aId}:${f.bId}`;
  const found = new Set(candidates.map(key));
  const all = new Set(exhaustive.map(key));
  let common = 0;
  for (const k of all) if (found.has(k)) common++;
  const result = {
    n,
    candidateFindings: candidates.length,
    exhaustiveFindings: exhaustive.length,
    common,
    extra: candidates.length - common,
    recall: exhaustive.length ? common / exhaustive.length : NaN,
    candidatePairs: candidateRun.candidatePairs,
    allPairs: exhaustiveRun.allPairs,
    candidateMs,
    exhaustiveMs,
  };
  console.log(`  [${fmtN(n)}] candidates: ${fmtN(result.candidateFindings)} findings from ${fmtN(result.candidatePairs)} pairs in ${fmtSeconds(candidateMs)}; ` +
    `exhaustive: ${fmtN(result.exhaustiveFindings)} findings from ${fmtN(result.allPairs)} pairs in ${fmtSeconds(exhaustiveMs)}; ` +
    `recall ${fmt(100 * result.recall, 3)}% (${fmtN(common)} in both${result.extra ? `, ${fmtN(result.extra)} only from candidates` : ""})`);
  return result;
}

/**
 * Peak RSS and V8 heap while a synchronous stage runs. A worker thread samples every 50 ms: RSS directly, the main
 * thread's heap through an inspector session (V8 answers between JavaScript operations, even in a busy loop).
 */
function startSampler() {
  const { Worker } = require("node:worker_threads");
  const worker = new Worker(
    `
    const { parentPort } = require("node:worker_threads");
    const inspector = require("node:inspector");
    const session = new inspector.Session();
    session.connectToMainThread();
    let rss = 0, heap = 0, samples = 0, on = false;
    const timer = setInterval(() => {
      if (!on) return;
      rss = Math.max(rss, process.memoryUsage.rss());
      session.post("Runtime.getHeapUsage", (err, r) => {
        if (!err && on) { heap = Math.max(heap, r.usedSize); samples++; }
      });
    }, 50);
    parentPort.on("message", (msg) => {
      if (msg === "begin") { rss = 0; heap = 0; samples = 0; on = true; parentPort.postMessage({}); }
      if (msg === "end") { on = false; parentPort.postMessage({ rss, heap, samples }); }
      if (msg === "stop") { clearInterval(timer); session.disconnect(); parentPort.postMessage({}); parentPort.close(); }
    });
    `,
    { eval: true },
  );
  const ask = (msg) => new Promise((resolve) => worker.once("message", resolve).postMessage(msg));
  return {
    begin: () => ask("begin"),
    end: () => ask("end"),
    async stop() {
      await ask("stop");
      await worker.terminate();
    },
  };
}

// ================================================================ helpers

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftDate(iso, days) {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function fmt(n, digits) {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

function fmtN(n) {
  return Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–";
}

function fmtSeconds(ms) {
  if (!Number.isFinite(ms)) return "–";
  return ms < 1000 ? `${ms.toFixed(0)} ms` : ms < 600_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 60_000).toFixed(1)} min`;
}

function fmtMb(bytes) {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 2 ** 20).toLocaleString("en-US")} MB` : "–";
}

function fmtRatio(r) {
  if (!Number.isFinite(r)) return "–";
  return r >= 0.01 ? `${(100 * r).toFixed(2)}%` : `1 in ${Math.round(1 / r).toLocaleString("en-US")}`;
}

// ================================================================ entry

if (process.argv[2] === CHILD) {
  runChild(JSON.parse(process.argv[3])).catch((e) => {
    console.error(`overlap bench child failed: ${e?.stack ?? e}`);
    process.exit(1);
  });
} else {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      cleanUp().finally(() => process.exit(130));
    });
  }
  // Whatever ends the process, the temporary SQLite file and the child processes go with it.
  process.on("exit", () => {
    for (const fn of cleanups) if (fn.sync) fn.sync();
  });
  // `npm run bench:overlaps | head` closes stdout early: stop quietly (the exit handler still cleans up).
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const started = Date.now();
  main()
    .then(() => console.log(`\nTotal ${fmtSeconds(Date.now() - started)}; load average at the end ${loadAverage()}.`))
    .catch((e) => {
      console.error(`bench:overlaps failed: ${e?.stack ?? e}`);
      process.exitCode = 1;
    })
    .finally(cleanUp);
}
