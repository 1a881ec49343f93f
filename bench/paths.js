"use strict";
const path = require("node:path");

/**
 * Where the compiled server lives. `BENCH_SERVER_DIST` points a scratch run at another build (e.g. a copy of
 * server/ with an experimental change), so variations can be compared with the same harness.
 */
const SERVER_DIST = path.resolve(process.env.BENCH_SERVER_DIST || path.join(__dirname, "..", "server", "dist"));

function serverModule(relative) {
  return require(path.join(SERVER_DIST, relative));
}

module.exports = { SERVER_DIST, serverModule };
