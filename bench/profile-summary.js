"use strict";
/**
 * Summarises a V8 CPU profile (from `BENCH_CPU_PROF=dir npm run bench`, or `node --cpu-prof`): self time by
 * package or layer, and the hottest functions. Usage: node bench/profile-summary.js <file.cpuprofile> [top]
 */
const fs = require("node:fs");

const LAYERS = [
  [/node_modules\/typeorm\//, "typeorm"],
  [/node_modules\/type-graphql\//, "type-graphql"],
  [/node_modules\/graphql\//, "graphql-js"],
  [/node_modules\/@apollo\//, "apollo-server"],
  [/node_modules\/(express|body-parser|router|raw-body|on-finished|finalhandler|send|serve-static|cookie-parser|qs|type-is|content-type)\//, "express"],
  [/node_modules\/better-sqlite3\//, "better-sqlite3"],
  [/node_modules\/mysql2\//, "mysql2"],
  [/node_modules\/dataloader\//, "dataloader"],
  [/node_modules\/graphql-scalars\//, "graphql-scalars"],
  [/node_modules\/reflect-metadata\//, "reflect-metadata"],
  [/node_modules\/([^/]+)\//, (m) => m[1]],
  [/server\/dist\//, "server/dist (our code)"],
  [/^node:|^internal\//, "node internals"],
];

function layerOf(url) {
  if (!url) return "native/V8 (GC, JSON, regexp, …)";
  for (const [re, name] of LAYERS) {
    const m = re.exec(url);
    if (m) return typeof name === "function" ? name(m) : name;
  }
  return url;
}

function summarise(file, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
  let total = 0;
  let idle = 0;
  const layers = new Map();
  const inclusive = new Map();
  const functions = new Map();
  const inclusiveFunctions = new Map();
  for (const [id, us] of self) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    total += us;
    if (functionName === "(idle)") {
      idle += us;
      continue;
    }
    const layer = functionName === "(garbage collector)" ? "garbage collector" : layerOf(url);
    layers.set(layer, (layers.get(layer) ?? 0) + us);
    const onStack = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      if (frame.url) onStack.add(layerOf(frame.url));
    }
    for (const l of onStack) inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    const fnsOnStack = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) fnsOnStack.add(frameKey(byId.get(at).callFrame));
    for (const f of fnsOnStack) inclusiveFunctions.set(f, (inclusiveFunctions.get(f) ?? 0) + us);
    const key = frameKey(node.callFrame);
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)`);
  console.log("\nself time by layer:");
  for (const [k, v] of [...layers].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(v)}  ${k}`);
  console.log("\ntime with the layer anywhere on the stack (inclusive; layers overlap):");
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${pct(v)}  ${k}`);
  console.log(`\ntop ${top} functions by self time:`);
  for (const [k, v] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
  console.log(`\ntop ${top} functions by inclusive time (library and our code only):`);
  const ours = [...inclusiveFunctions].filter(([k]) => /node_modules|dist\/|\.js:/.test(k) && !/^\(|bench\//.test(k));
  for (const [k, v] of ours.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
}

function frameKey({ functionName, url, lineNumber }) {
  const where = url ? url.replace(/^.*node_modules\//, "").replace(/^.*server\/dist\//, "dist/").replace(/^file:\/\/.*\/bench\//, "bench/") : "";
  return `${functionName || "(anonymous)"}  ${where}:${lineNumber + 1}`;
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: node bench/profile-summary.js <file.cpuprofile> [top]");
    process.exit(2);
  }
  summarise(file, Number(top) || 25);
}

module.exports = { summarise };
