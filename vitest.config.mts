import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the code (*.test.ts); integration tests use a real database through
// tests/db.ts: an in-memory PGlite restored from a migrated snapshot, or — when DATABASE_URL is
// set — a fresh PostgreSQL database cloned from a migrated template, one per test file.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
      // One copy of graphql: graphql-yoga (external, run by Node) loads its CommonJS entry.
      graphql: path.resolve(import.meta.dirname, "node_modules/graphql/index.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    environment: "node",
    globalSetup: ["tests/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ["next-auth"] } },
  },
});
