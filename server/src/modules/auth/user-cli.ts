import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { loadConfig } from "../../config";
import { openDatabase } from "../../db/data-source";
import { ensureReferenceData } from "../../db/seed/reference-data";
import { localId } from "../../common/global-id";
import { Actor } from "../actors/actor.entity";
import { Role } from "./auth.enums";
import { createAccount, newTotpSecret } from "./auth.service";

const USAGE = `usage: npm run user:create -- --role COMMISSIONER|PARTNER|ANALYST --email someone@example.org [--actor <actor id or exact name>] [--password-stdin]

Creates an account in the configured database (DATABASE_URL). Without --password-stdin a strong password is
generated and printed once. COMMISSIONER accounts get a TOTP second factor: add the printed otpauth:// URI to an
authenticator app before the first login.`;

/** `npm run user:create`: the first commissioner account (and any other) from the command line. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: "string" }, email: { type: "string" }, actor: { type: "string" }, "password-stdin": { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help || !values.role || !values.email) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const role = values.role.toUpperCase() as Role;
  if (!Object.values(Role).includes(role)) throw new Error(`--role must be one of ${Object.values(Role).join(", ")}`);
  const password = values["password-stdin"] ? (await readStdin()).trim() : randomBytes(15).toString("base64url");
  const ds = await openDatabase(loadConfig().database);
  try {
    await ensureReferenceData(ds);
    let actorId: number | null = null;
    if (role === Role.PARTNER) {
      if (!values.actor) throw new Error("a PARTNER account needs --actor");
      const byId = localId(values.actor, "Actor") ?? (/^\d+$/.test(values.actor) ? Number(values.actor) : null);
      const actor = byId !== null ? await ds.getRepository(Actor).findOneBy({ rowId: byId }) : await ds.getRepository(Actor).findOneBy({ name: values.actor });
      if (!actor) throw new Error(`no actor "${values.actor}"`);
      actorId = actor.rowId;
    }
    const totp = role === Role.COMMISSIONER ? newTotpSecret(values.email) : null;
    const account = await createAccount(ds, { email: values.email, password, role, actorId, totpSecret: totp?.secret ?? null });
    console.log(`created ${account.role} account ${account.email}`);
    if (!values["password-stdin"]) console.log(`password (shown once): ${password}`);
    if (totp) console.log(`second factor (add to an authenticator app): ${totp.otpauthUrl}`);
  } finally {
    await ds.destroy();
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    process.stdin.on("data", (d) => (data += d));
    process.stdin.on("end", () => resolve(data));
  });
}

main().catch((e) => {
  console.error(`user:create: ${(e as Error).message}`);
  process.exit(1);
});
