import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseKinds, freshDatabase } from "../helpers/databases";

/** These tests start the built server (`npm test` builds first) exactly as `npm start` does. */
const MAIN = path.resolve(__dirname, "..", "..", "server", "dist", "main.js");

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
}

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, NODE_ENV: "production" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function start(env: Record<string, string>): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, PORT: "0", NODE_ENV: "production" } });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /running on (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1], output: () => out });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

async function stop(s: Started): Promise<number | null> {
  s.child.removeAllListeners("exit");
  return new Promise((resolve) => {
    s.child.on("exit", (code) => resolve(code));
    s.child.kill("SIGTERM");
  });
}

async function gql(base: string, query: string, cookie?: string): Promise<any> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

/** Logs in with a demo account of the README and returns the session cookie. */
async function demoLogin(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(input: { email: "${email}", password: "demo" }) { account { role } } }` }),
  });
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`demo login failed: ${await res.text()}`);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  return cookie.split(";")[0];
}

describe("starting the server", () => {
  it("exits non-zero with one clear line when the database cannot be reached", async () => {
    const r = await run({ DATABASE_URL: "mysql://knotenpunkt:geheim@127.0.0.1:1/knotenpunkt" });
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Knotenpunkt: cannot open the database mysql:\/\/knotenpunkt:\*\*\*@127\.0\.0\.1:1\/knotenpunkt: .*ECONNREFUSED/);
    expect(r.stderr).not.toContain("geheim");
  });

  it("exits non-zero with one clear line for a DATABASE_URL it does not understand", async () => {
    const r = await run({ DATABASE_URL: "postgres://localhost/x" });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('Knotenpunkt: configuration error: DATABASE_URL must start with sqlite: or mysql:// (got "postgres:")');
  });

  it("creates the embedded database, loads the demo once, and serves the web page, GraphiQL and the API", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "knotenpunkt-"));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, "kp.sqlite")}` };
    try {
      const first = await start(env);
      try {
        expect(first.output()).toMatch(/loaded the demo network \(\d+ actors/);
        const page = await fetch(`${first.base}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("<div id=\"root\"");
        const console = await fetch(`${first.base}/graphiql`);
        expect(console.status).toBe(200);
        expect(await console.text()).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\.(com|net|org|io)\//i);
        const cookie = await demoLogin(first.base, "commissioner@demo.example");
        for (const email of ["partner@demo.example", "analyst@demo.example"]) await demoLogin(first.base, email);
        const counts = await gql(first.base, "{ actors { totalCount } measures { totalCount } networks { totalCount } cooperations { totalCount } municipalities { name } }", cookie);
        expect(counts.data.actors.totalCount).toBeGreaterThanOrEqual(60);
        expect(counts.data.measures.totalCount).toBeGreaterThanOrEqual(250);
        expect(counts.data.networks.totalCount).toBeGreaterThanOrEqual(8);
        expect(counts.data.cooperations.totalCount).toBeGreaterThanOrEqual(80);
        expect(counts.data.municipalities).toHaveLength(35);
      } finally {
        expect(await stop(first)).toBe(0);
      }
      const second = await start(env);
      try {
        expect(second.output()).not.toMatch(/loaded the demo network/);
        const again = await gql(second.base, "{ actors { totalCount } }", await demoLogin(second.base, "commissioner@demo.example"));
        expect(again.data.actors.totalCount).toBeGreaterThanOrEqual(60);
      } finally {
        await stop(second);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  (databaseKinds().includes("mysql") ? it : it.skip)("migrates an empty MySQL database at start and loads reference data but no demo", async () => {
    const { config, drop } = await freshDatabase("mysql");
    try {
      const s = await start({ DATABASE_URL: config.url });
      try {
        const r = await gql(s.base, "{ measures { totalCount } municipalities { name } fieldsOfAction { key } }");
        expect(r.data.measures.totalCount).toBe(0);
        expect(r.data.municipalities).toHaveLength(35);
        expect(r.data.fieldsOfAction.length).toBeGreaterThanOrEqual(15);
      } finally {
        await stop(s);
      }
    } finally {
      await drop();
    }
  });
});
