/** Root jest config: every suite under tests/ runs against the real server factory and real databases. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tests/tsconfig.json", isolatedModules: false }],
  },
  setupFiles: ["reflect-metadata"],
  testTimeout: 60000,
};
