/*
 * GraphiQL's all-in-one `graphiql/style.css` is made for its CDN build: it repeats Monaco's CSS (the
 * bundled monaco-editor brings its own) and inlines Roboto and Fira Code as base64, about 600 kB.
 * Bundled, the console needs only GraphiQL's own sheets plus Fira Code, which the Monaco editors are
 * configured with and measure their glyphs in; the rest of the UI uses system fonts (console.css).
 */
import "@graphiql/react/style.css";
import "@graphiql/react/font/fira-code.css";
import "@graphiql/plugin-doc-explorer/style.css";
import "@graphiql/plugin-history/style.css";
import "graphiql/graphiql.css";
import "./console.css";
