import { defineConfig } from "vitest/config";

// Cases for scripts/test-count.test.ts only: the project's own config never includes *.case.ts.
export default defineConfig({ test: { include: ["*.case.ts"], root: import.meta.dirname } });
