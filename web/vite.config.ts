import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Connect, type Plugin } from "vite";

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** /graphiql serves graphiql.html, as the API server does in production (`vite` and `vite preview`). */
function consoleRoute(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.url === "/graphiql" || req.url?.startsWith("/graphiql?")) req.url = req.url.replace("/graphiql", "/graphiql.html");
    next();
  };
  return {
    name: "knotenpunkt-console-route",
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/**
 * Two pages, one build: the landing page (/) and the analyst console (/graphiql). County networks
 * are often closed, so everything – styles, fonts, Monaco workers – is bundled; nothing comes from a CDN.
 * In development the API runs as its own process and is proxied, so the pages always call `/graphql`.
 */
export default defineConfig({
  plugins: [react(), consoleRoute()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    // Monaco is one large chunk by nature; it is only loaded by the console.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: {
        index: page("./index.html"),
        graphiql: page("./graphiql.html"),
      },
      onwarn(warning, warn) {
        // GraphiQL ships React Compiler output marked "use no memo"; dropping the directive is harmless.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("use no memo")) return;
        warn(warning);
      },
    },
  },
  worker: { format: "es" },
  server: {
    proxy: { "/graphql": process.env.KNOTENPUNKT_API_URL ?? "http://localhost:4000" },
  },
  preview: {
    proxy: { "/graphql": process.env.KNOTENPUNKT_API_URL ?? "http://localhost:4000" },
  },
});
