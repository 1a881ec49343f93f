/**
 * Root jest config: every suite under tests/ runs against the real server factory and real databases.
 * ts-jest transpiles each file on its own (tests/tsconfig.jest.json: isolatedModules), which keeps decorator
 * metadata but skips type checking — `npm test` type-checks tests and server once with `tsc -p tests` first.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tests/tsconfig.jest.json" }],
  },
  setupFiles: ["reflect-metadata"],
  testTimeout: 60000,
};
