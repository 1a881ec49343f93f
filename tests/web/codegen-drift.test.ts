import { execFile } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { promisify } from "util";
import config from "../../codegen";

/**
 * web/src/gql is generated from schema.graphql and the documents in web/src, and checked in. If
 * either moved on without `npm run codegen`, the client's types lie about what the API returns.
 */
const repoRoot = join(__dirname, "..", "..");
const checkedInDir = join(repoRoot, "web", "src", "gql");
const howToFix = "run `npm run codegen` and commit web/src/gql";

/**
 * Runs `generate` from @graphql-codegen/cli in a plain Node process: its dependencies (yargs,
 * log-symbols, ...) are ESM-only, which Node loads but Jest's module registry cannot require
 * (before Node 24.9). The config is codegen.ts itself, with only the output directory changed.
 */
async function generateInto(outDir: string): Promise<void> {
  const [target, ...others] = Object.entries(config.generates);
  if (!target || target[0] !== "web/src/gql/" || others.length > 0) {
    throw new Error("codegen.ts is expected to generate exactly web/src/gql/");
  }
  const runConfig = { ...config, cwd: repoRoot, silent: true, generates: { [`${outDir}/`]: target[1] } };
  const script = `
    import { generate } from "@graphql-codegen/cli";
    await generate(JSON.parse(process.env.KNOTENPUNKT_CODEGEN_CONFIG), true);
  `;
  await promisify(execFile)(process.execPath, ["--input-type=module", "--eval", script], {
    cwd: repoRoot,
    env: { ...process.env, KNOTENPUNKT_CODEGEN_CONFIG: JSON.stringify(runConfig) },
  });
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe("generated web client code", () => {
  let outDir: string;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), "knotenpunkt-codegen-"));
  });

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it("is what codegen makes of schema.graphql and the web documents, byte for byte", async () => {
    await generateInto(outDir);

    const expected = filesIn(outDir);
    const actual = filesIn(checkedInDir);
    if (expected.join() !== actual.join()) {
      throw new Error(`web/src/gql holds [${actual.join(", ")}] but codegen makes [${expected.join(", ")}]: ${howToFix}`);
    }
    const drifted = expected.filter(
      (file) => !readFileSync(join(outDir, file)).equals(readFileSync(join(checkedInDir, file))),
    );
    if (drifted.length > 0) throw new Error(`web/src/gql is out of date (${drifted.join(", ")}): ${howToFix}`);
  });
});
