import "reflect-metadata";
import { loadConfig } from "../../config";
import { openDatabase } from "../data-source";
import { isEmpty, loadDemo } from "./load-demo";
import { Actor } from "../../modules/actors/actor.entity";

/**
 * `npm run db:seed`: loads the demo network into the configured database (SQLite or MySQL). Refuses to touch a
 * database that already holds actors, so real data is never mixed with demo data.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openDatabase(config.database);
  try {
    if (!(await isEmpty(ds))) {
      const count = await ds.getRepository(Actor).count();
      console.error(`db:seed: ${config.database.display} already holds ${count} actors; the demo is only loaded into an empty database.`);
      process.exitCode = 1;
      return;
    }
    const s = await loadDemo(ds);
    console.log(
      `db:seed: loaded ${s.actors} actors, ${s.measures} measures, ${s.handlers} handlers, ${s.networks} networks ` +
        `(${s.memberships} memberships, ${s.meetings} meetings) and ${s.cooperations} cooperations into ${config.database.display}.`,
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(`db:seed failed: ${(e as Error).message?.split("\n")[0]}`);
  process.exit(1);
});
