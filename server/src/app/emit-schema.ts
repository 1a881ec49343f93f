import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { printSchema } from "graphql";
import { printableSchema } from "./build-schema";

/** Writes schema.graphql at the repository root; with --check, fails when the checked-in file differs. */
export async function renderSchema(): Promise<string> {
  return `${printSchema(await printableSchema())}\n`;
}

export const SCHEMA_FILE = path.resolve(__dirname, "..", "..", "..", "schema.graphql");

async function main(): Promise<void> {
  const text = await renderSchema();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : "";
    if (current !== text) {
      console.error("schema.graphql differs from the schema the code generates: run `npm run schema:emit`.");
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
