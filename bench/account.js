"use strict";
const crypto = require("node:crypto");
const { serverModule } = require("./paths");

/**
 * The benchmark reads as a logged-in ANALYST (reads everything, changes nothing), the way the overview and the
 * analyst console are used: most read operations refuse anonymous visitors. The account is created directly in
 * the fresh database; the session cookie comes from the real `login` mutation.
 */
async function createBenchAccount(ds) {
  let auth;
  try {
    auth = { service: serverModule("modules/auth/auth.service"), enums: serverModule("modules/auth/auth.enums") };
  } catch (e) {
    if (e.code === "MODULE_NOT_FOUND") return { account: null, reason: "this build has no auth module" };
    throw e;
  }
  const account = { email: "bench-analyst@knotenpunkt.example", password: crypto.randomBytes(24).toString("base64url") };
  try {
    await auth.service.createAccount(ds, { ...account, role: auth.enums.Role.ANALYST });
  } catch (e) {
    return { account: null, reason: `could not create the bench account: ${String(e.message).split("\n")[0]}` };
  }
  return { account, reason: null };
}

const LOGIN = `mutation BenchLogin($input: LoginInput!) { login(input: $input) { totpRequired account { id } } }`;

/** Logs in through our server and returns the Cookie header value for later requests. */
async function loginCookie(port, account) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: LOGIN, variables: { input: account } }),
  });
  const text = await res.text();
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (res.status !== 200 || cookies.length === 0) throw new Error(`login failed (HTTP ${res.status}): ${text.slice(0, 300)}`);
  return cookies.join("; ");
}

module.exports = { createBenchAccount, loginCookie };
