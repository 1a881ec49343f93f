"use strict";
const crypto = require("node:crypto");

/**
 * The database access of the two baselines: the bare driver (better-sqlite3 or mysql2), no ORM. `all()` returns
 * plain rows and counts statements, so the benchmark can print statements per request for every implementation.
 * Both drivers take `?` placeholders; identifiers are quoted with backticks, which SQLite accepts too.
 */
function openDriver(target) {
  return target.kind === "sqlite" ? openSqlite(target.file) : openMysql(target.url);
}

function openSqlite(file) {
  const Database = require("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  // A hand-written data layer prepares each statement once; IN lists of different lengths are different statements.
  const prepared = new Map();
  const driver = {
    statements: 0,
    async all(sql, params = []) {
      driver.statements++;
      let stmt = prepared.get(sql);
      if (!stmt) {
        if (prepared.size > 500) prepared.clear();
        prepared.set(sql, (stmt = db.prepare(sql)));
      }
      return stmt.all(params);
    },
    async close() {
      db.close();
    },
  };
  return driver;
}

function openMysql(url) {
  const mysql = require("mysql2/promise");
  // Same pool size and text protocol as TypeORM's mysql driver in server/src/db/data-source.ts.
  const pool = mysql.createPool({ uri: url, connectionLimit: 20, charset: "utf8mb4_unicode_ci", timezone: "Z" });
  const driver = {
    statements: 0,
    async all(sql, params = []) {
      driver.statements++;
      const [rows] = await pool.query(sql, params);
      return rows;
    },
    async close() {
      await pool.end();
    },
  };
  return driver;
}

/**
 * The baselines authenticate like our server does (server/src/modules/auth/session.service.ts): the session cookie's
 * SHA-256 is looked up together with its account, one statement per request. No cookie = anonymous; an unknown or
 * expired session = null (the caller answers 401).
 */
async function sessionOf(db, cookieHeader) {
  const token = /(?:^|;\s*)(?:__Host-)?kp_session=([^;]+)/.exec(cookieHeader ?? "")?.[1];
  if (!token) return { anonymous: true };
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  const [row] = await db.all(
    "SELECT s.accountId, s.expiresAt, a.role, a.disabled FROM session s JOIN account a ON a.id = s.accountId WHERE s.tokenHash = ?",
    [hash],
  );
  if (!row || Number(row.disabled) || toDate(row.expiresAt).getTime() <= Date.now()) return null;
  return { accountId: Number(row.accountId), role: row.role };
}

function toDate(v) {
  if (v instanceof Date) return v;
  return new Date(v.includes("T") ? v : `${v.replace(" ", "T")}Z`);
}

/** `?, ?, ?` for an IN list of `n` values. */
function placeholders(n) {
  return new Array(n).fill("?").join(", ");
}

/** The server's opaque Relay id: base64url("Type:id"), see server/src/common/global-id.ts. */
function globalId(type, id) {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/** Rows grouped by one column, in row order. */
function groupBy(rows, column) {
  const groups = new Map();
  for (const row of rows) {
    const k = Number(row[column]);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(row);
  }
  return groups;
}

module.exports = { openDriver, placeholders, globalId, groupBy, sessionOf };
