"use strict";
const autocannon = require("autocannon");

/**
 * Drives one implementation with autocannon for `seconds` and returns req/s, latency percentiles and the number
 * of failed responses. Every response body is compared with `expected` (when given): a run with any wrong body,
 * non-2xx status, connection error or timeout is a failed run.
 */
async function drive({ port, body, seconds, connections, expected, cookie }) {
  const latencies = [];
  const opts = {
    url: `http://127.0.0.1:${port}/graphql`,
    method: "POST",
    headers: cookie ? { "content-type": "application/json", cookie } : { "content-type": "application/json" },
    body,
    connections,
    duration: seconds,
    setupClient: exactBodies,
  };
  if (expected !== undefined) opts.verifyBody = (received) => received === expected;
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  latencies.sort((a, b) => a - b);
  const failures = result.mismatches + result.non2xx + result.errors + result.timeouts;
  return {
    requests: result["2xx"],
    reqPerSec: result["2xx"] / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    mismatches: result.mismatches,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    failures,
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * autocannon 8 decodes each TCP chunk of a body to a string on its own, so a German umlaut split between two
 * chunks arrives as U+FFFD and an intact body would count as a mismatch. This keeps the raw bytes per response and
 * decodes them once, so `verifyBody` sees exactly what the server sent.
 */
function exactBodies(client) {
  const queue = client.pipelinedRequests;
  if (!queue || typeof queue.addBody !== "function" || typeof queue.terminateRequest !== "function") {
    throw new Error("autocannon's client internals changed: bench/load.js cannot check response bodies byte for byte");
  }
  queue.addBody = function addBody(chunk) {
    const req = this.peek();
    if (req) (req.raw ??= []).push(Buffer.from(chunk));
  };
  const terminate = queue.terminateRequest;
  queue.terminateRequest = function terminateRequest() {
    const data = terminate.call(this);
    if (data && data.raw) {
      data.body = Buffer.concat(data.raw).toString("utf8");
      data.raw = undefined;
    }
    return data;
  };
}

module.exports = { drive };
