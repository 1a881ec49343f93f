"use strict";
/**
 * One implementation in its own process (forked by run.js), so the load generator and the server under test
 * do not share an event loop. Talks to the parent over IPC: "ready" with the port, the SQL statement counter and the
 * process's CPU time on request, and a clean stop.
 */
process.env.NODE_ENV = "production";

const STARTERS = {
  ours: () => require("./our-server").startOurServer,
  floor: () => require("./baseline-floor").startFloorServer,
  "graphql-js": () => require("./baseline-graphql-js").startGraphqlJsServer,
};

// Without its parent (the benchmark ended or crashed) a worker has nothing left to do.
process.on("disconnect", () => process.exit(0));

async function main() {
  const [impl, targetJson] = process.argv.slice(2);
  const start = STARTERS[impl];
  if (!start) throw new Error(`unknown implementation "${impl}"`);
  const server = await start()(JSON.parse(targetJson));
  process.on("message", async (msg) => {
    if (msg.type === "statements") process.send({ type: "statements", id: msg.id, statements: server.statements() });
    if (msg.type === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send({ type: "cpu", id: msg.id, micros: user + system });
    }
    if (msg.type === "stop") {
      await server.close();
      process.exit(0);
    }
  });
  process.send({ type: "ready", port: server.port });
}

main().catch((e) => {
  process.send?.({ type: "failed", message: e?.stack ?? String(e) });
  process.exit(1);
});
