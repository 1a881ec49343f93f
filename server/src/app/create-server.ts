import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cookieParser from "cookie-parser";
import express from "express";
import { DataSource } from "typeorm";
import { AuthConfig, authConfig, LimitsConfig, limitsConfig } from "../config";
import { sessionCookie, viewerFromSession } from "../modules/auth/session.service";
import { stopOverlapEngine } from "../modules/overlaps/overlap.engine";
import { clustersSettled } from "../modules/overlaps/overlap.service";
import { buildAppSchema } from "./build-schema";
import { Context, createContext } from "./context";
import { formatError } from "./format-error";
import { idempotencyPlugin } from "./idempotency";
import { requestLimits } from "./limits";
import { mergeInputErrorsPlugin } from "./merge-input-errors";

export interface AppServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  ds: DataSource;
  /** Folder of the built web client (web/dist); when absent, `/` explains how to build it. */
  webDist?: string;
  auth?: AuthConfig;
  limits?: LimitsConfig;
}

/** The one server factory, shared by `main.ts`, the tests and the benchmark. */
export async function createServer({ ds, webDist, auth = authConfig(), limits = limitsConfig() }: ServerOptions): Promise<AppServer> {
  const guard = requestLimits(limits);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", auth.trustProxy);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    formatError,
    csrfPrevention: true,
    // Introspection is decided per request by the limits plugin (INTROSPECTION=roles|all|off).
    introspection: true,
    allowBatchedHttpRequests: true,
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the HTTP server, Apollo and the database in order on SIGINT/SIGTERM and exits with 0.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are sent; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      mergeInputErrorsPlugin,
      idempotencyPlugin,
      guard.plugin,
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  // A person who opens the API address in a browser gets the analyst console instead of a CSRF refusal.
  app.get("/graphql", (req, res, next) => {
    if (req.query.query === undefined && req.accepts(["json", "html"]) === "html") res.redirect(302, "/graphiql");
    else next();
  });
  app.use(
    "/graphql",
    express.json({ limit: guard.bodyLimit }),
    guard.batchLimit,
    cookieParser(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => createContext(ds, auth, await viewerFromSession(ds, auth, sessionCookie(req)), { req, res }),
    }),
  );
  serveWeb(app, webDist);
  app.use(((err, _req, res, _next) => {
    const status = typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
    const message = status === 413 ? "Request body too large" : status < 500 ? "Bad request" : "Internal server error";
    const size = status === 413 ? { name: "bodyBytes", measured: err.length ?? err.received ?? null, limit: err.limit ?? null } : {};
    res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? "PAYLOAD_TOO_LARGE" : status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR", ...size } }] });
  }) as express.ErrorRequestHandler);

  return {
    app,
    httpServer,
    apollo,
    async stop() {
      await apollo.stop();
      await clustersSettled(ds);
      await stopOverlapEngine(ds);
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** Serves the built client: `/` the app, `/graphiql` the analyst console, other paths fall back to the app. */
function serveWeb(app: express.Express, webDist: string | undefined): void {
  const index = webDist ? path.join(webDist, "index.html") : "";
  if (!webDist || !fs.existsSync(index)) {
    app.get("/", (_req, res) => {
      res.type("text/plain").send("Knotenpunkt API is running at /graphql. The web client is not built: run `npm run build`.");
    });
    return;
  }
  app.use(express.static(webDist, { index: false, maxAge: "1h", setHeaders: noCacheForHtml }));
  app.get("/graphiql", (_req, res) => res.sendFile(path.join(webDist, "graphiql.html"), { headers: { "cache-control": "no-cache" } }));
  app.get(/^\/(?!graphql|healthz).*/, (req, res, next) => {
    if (req.method !== "GET" || path.extname(req.path)) return next();
    res.sendFile(index, { headers: { "cache-control": "no-cache" } });
  });
}

function noCacheForHtml(res: http.ServerResponse, file: string): void {
  if (file.endsWith(".html")) res.setHeader("cache-control", "no-cache");
  else if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader("cache-control", "public, max-age=31536000, immutable");
}
