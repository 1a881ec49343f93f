import { execFile } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { promisify } from "util";

const repoRoot = join(__dirname, "..", "..", "..");
const entry = join(__dirname, "..", "harness", "entry.tsx");

/** Packages the bundle leaves to Jest's require, so tests and components share one instance. */
const EXTERNAL = ["react", "react-dom", "@apollo/client", "i18next", "react-i18next", "graphql", "rxjs", "@testing-library"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A hash of every client source: the bundle is rebuilt only when one of them changed. */
function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of [entry, ...sourceFiles(join(repoRoot, "web", "src"))]) {
    hash.update(file);
    hash.update(String(statSync(file).size));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Bundles tests/web/harness/entry.tsx with Vite (the client's own toolchain) into CommonJS, in a
 * plain Node process: Vite is ESM-only, which Jest's module registry cannot require.
 */
export async function buildWebHarness(): Promise<string> {
  // Inside the repository, so the bundle's require() calls resolve to the root node_modules.
  const outDir = join(repoRoot, "node_modules", ".cache", `knotenpunkt-web-harness-${sourceHash()}`);
  const file = join(outDir, "harness.cjs");
  if (existsSync(file)) return file;
  mkdirSync(outDir, { recursive: true });
  const script = `
    import { build } from "vite";
    import react from "@vitejs/plugin-react";
    const external = JSON.parse(process.env.HARNESS_EXTERNAL);
    await build({
      configFile: false,
      logLevel: "error",
      root: process.env.HARNESS_ROOT,
      plugins: [react()],
      define: { "process.env.NODE_ENV": JSON.stringify("test") },
      build: {
        outDir: process.env.HARNESS_OUT,
        emptyOutDir: false,
        minify: false,
        sourcemap: false,
        lib: { entry: process.env.HARNESS_ENTRY, formats: ["cjs"], fileName: () => "harness.cjs" },
        rolldownOptions: { external: (id) => external.some((p) => id === p || id.startsWith(p + "/")) },
      },
    });
  `;
  await promisify(execFile)(process.execPath, ["--input-type=module", "--eval", script], {
    cwd: join(repoRoot, "web"),
    env: { ...process.env, HARNESS_ROOT: join(repoRoot, "web"), HARNESS_OUT: outDir, HARNESS_ENTRY: entry, HARNESS_EXTERNAL: JSON.stringify(EXTERNAL) },
  });
  return file;
}
