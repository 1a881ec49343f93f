/// <reference lib="dom" />
import { spawn, type ChildProcess } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const repoRoot = join(__dirname, "..", "..", "..");
export const CHROMIUM = "/usr/bin/chromium";
export const artifactsDir = join(repoRoot, "test-artifacts", "screenshots");

/** Browser tests need the built app (`npm test` builds first) and Debian's Chromium. */
export function browserTestsCanRun(): boolean {
  return existsSync(CHROMIUM) && existsSync(join(repoRoot, "server", "dist", "main.js")) && existsSync(join(repoRoot, "web", "dist", "index.html"));
}

export type RunningApp = { url: string; stop(): Promise<void> };

/**
 * Starts the built server as `npm start` would, on a fresh SQLite file (so the demo network is
 * loaded) and a free port, and waits until it says where it listens.
 */
export async function startApp(): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), "knotenpunkt-e2e-"));
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, "server", "dist", "main.js")], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, "e2e.sqlite")}`, PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running on (http:\/\/[^\s]+?)(?:\s|$)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--lang=de-DE"] });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE", acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}

export async function login(page: Page, url: string, role: "commissioner" | "partner" | "analyst"): Promise<void> {
  await page.goto(`${url}/anmelden`);
  await page.getByLabel(/E-Mail-Adresse/).fill(`${role}@demo.example`);
  await page.getByLabel(/^Passwort/).fill("demo");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("button", { name: "Abmelden" }).waitFor();
}

/** Waits for the page's heading, then saves a full-page screenshot as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

const axeSource = () => readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core in the page: WCAG 2.1 A/AA rules; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })).violations;
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
