import "reflect-metadata";
import { DataSource } from "typeorm";
import { createServer } from "./app/create-server";
import { loadConfig } from "./config";
import { openDatabase } from "./db/data-source";
import { isEmpty, loadDemo } from "./db/seed/load-demo";
import { ensureReferenceData } from "./db/seed/reference-data";

/** Starts Knotenpunkt: database (migrated or created), reference data, demo on first start, then HTTP. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    fail(`Knotenpunkt: configuration error: ${(e as Error).message}`);
  }
  let ds: DataSource;
  try {
    ds = await openDatabase(config.database);
  } catch (e) {
    fail(`Knotenpunkt: cannot open the database ${config.database.display}: ${describe(e)}`);
  }
  await ensureReferenceData(ds);
  if (config.seedDemoWhenEmpty && (await isEmpty(ds))) {
    const summary = await loadDemo(ds);
    console.log(`Knotenpunkt: loaded the demo network (${summary.actors} actors, ${summary.measures} measures, ${summary.networks} networks).`);
  }
  const server = await createServer({ ds, webDist: config.webDist });
  server.httpServer.on("error", (e) => fail(`Knotenpunkt: cannot listen on port ${config.port}: ${describe(e)}`));
  server.httpServer.listen(config.port, config.host, () => {
    const address = server.httpServer.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    console.log(`Knotenpunkt is running on http://localhost:${port} (API /graphql, GraphiQL /graphiql) with ${config.database.display}`);
  });
  const shutdown = async () => {
    await server.stop();
    await ds.destroy();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/** One line a person can act on: the driver's code and message, never a stack trace. */
export function describe(e: unknown): string {
  const err = e as { code?: string; message?: string; errors?: { message?: string }[] };
  const inner = err?.errors?.[0]?.message;
  const message = (err?.message || inner || String(e)).split("\n")[0];
  return err?.code && !message.includes(err.code) ? `${err.code} ${message}` : message;
}

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

main().catch((e) => fail(`Knotenpunkt: failed to start: ${describe(e)}`));
