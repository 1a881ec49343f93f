#!/usr/bin/env node
/**
 * `npm run dev`: the API restarts on every server change (tsc --watch + node --watch) and the web client
 * hot-reloads through Vite, which proxies /graphql to the API. Ctrl-C stops all three.
 */
const { spawn, spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const build = spawnSync("npm", ["run", "build", "-w", "server"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  spawn("npx", ["tsc", "-p", "server/tsconfig.build.json", "--watch", "--preserveWatchOutput"], { cwd: root, stdio: "inherit" }),
  spawn(process.execPath, ["--watch", "--enable-source-maps", "server/dist/main.js"], { cwd: root, stdio: "inherit" }),
  spawn("npm", ["run", "dev", "-w", "web"], { cwd: root, stdio: "inherit" }),
];
const stop = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
children.forEach((c) => c.on("exit", (code) => code && code !== 0 && stop()));
