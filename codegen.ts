import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the web client. Reads the checked-in schema file (never a running server), so
 * the generated code is reproducible; tests/web/codegen-drift.test.ts fails when web/src/gql drifts.
 */
const config: CodegenConfig = {
  schema: "./schema.graphql",
  documents: ["web/src/**/*.{ts,tsx}", "!web/src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "web/src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Both travel as ISO 8601 strings (DESIGN.md: API conventions).
        scalars: { DateTimeISO: "string", LocalDate: "string" },
      },
    },
  },
};

export default config;
