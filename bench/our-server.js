"use strict";
require("reflect-metadata");
const fs = require("node:fs");
const { serverModule } = require("./paths");

/** Our stack exactly as main.ts runs it: openDatabase + createServer from the compiled server. */
async function startOurServer(target) {
  const { openDatabase } = serverModule("db/data-source");
  const { parseDatabaseUrl } = serverModule("config");
  const { createServer } = serverModule("app/create-server");
  const { sqlCounter } = serverModule("db/sql-counter");
  // openDatabase would create a missing SQLite file; the benchmark's database must already be loaded.
  if (target.kind === "sqlite" && !fs.existsSync(target.file)) throw new Error(`no database at ${target.file}`);
  const ds = await openDatabase(parseDatabaseUrl(target.kind === "sqlite" ? `sqlite:${target.file}` : target.url));
  const server = await createServer({ ds });
  await new Promise((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  return {
    port: server.httpServer.address().port,
    statements: () => sqlCounter.statements,
    async close() {
      await server.stop();
      await ds.destroy();
    },
  };
}

module.exports = { startOurServer };
