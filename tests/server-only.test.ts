/**
 * Every lib/ module that imports the database at run time starts with `import "server-only"`, so a
 * client component that reaches it by mistake fails the build instead of shipping queries (and
 * the driver) to the browser. Type-only imports are erased and exempt; so are tests.
 *
 * Also exempt, and the reverse enforced: modules the command-line scripts load (scripts/*.ts run
 * by plain `tsx`: seed, setup-admin, audit-verify, …). Outside React's "react-server" condition
 * the `server-only` package throws on import, so marking one of them would break `npm run db:seed`.
 * A script run with `--conditions=react-server` says so in its source and does not count.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const MARK = /^import "server-only";$/m;

function tsFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

/** Runtime import statements (not `import type`/`export type`): [specifier, imported names]. */
function runtimeImports(source: string): { specifier: string; names: string }[] {
  const found: { specifier: string; names: string }[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s+["']([^"']+)["']/gm)) {
    if (!m[2]) found.push({ specifier: m[4]!, names: m[3]! });
  }
  for (const m of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) found.push({ specifier: m[1]!, names: "" });
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push({ specifier: m[1]!, names: "*" });
  return found;
}

/** `import { a, type B }` still loads the module for `a`; `import { type B }` alone does not. */
const loadsModule = (names: string) => !/^\{[^}]*\}$/.test(names.trim()) || names.replace(/[{}\s]/g, "").split(",").some((n) => n && !n.startsWith("type"));

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    const full = path.join(root, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return path.normalize(candidate);
  }
  return null;
}

const isDb = (file: string | null) => file !== null && (file === "db" || file.startsWith(`db${path.sep}`));

/** lib/ modules that load db/ at run time. */
function databaseModules(): string[] {
  return tsFiles("lib").filter((file) =>
    runtimeImports(read(file)).some(({ specifier, names }) => loadsModule(names) && isDb(resolve(file, specifier))),
  );
}

/** Every module the plain-tsx command-line scripts load at run time. */
function cliModules(): Set<string> {
  const entries = tsFiles("scripts").filter((f) => !read(f).includes("--conditions=react-server"));
  const seen = new Set<string>(entries);
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop()!;
    for (const { specifier, names } of runtimeImports(read(file))) {
      const next = loadsModule(names) ? resolve(file, specifier) : null;
      if (next && !seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

describe("server-only", () => {
  const cli = cliModules();
  const dbModules = databaseModules();

  it("finds the modules that import the database", () => {
    expect(dbModules.length).toBeGreaterThan(30);
  });

  it("marks every lib/ module that imports the database, except those the CLI scripts load", () => {
    const unmarked = dbModules.filter((file) => !cli.has(file) && !MARK.test(read(file)));
    expect(unmarked).toEqual([]);
  });

  it("never marks a module the CLI scripts load (server-only throws outside react-server)", () => {
    const marked = [...cli].filter((file) => file.startsWith(`lib${path.sep}`) && MARK.test(read(file)));
    expect(marked).toEqual([]);
  });

  it("tells type-only imports from imports that load the module", () => {
    expect(loadsModule("{ type Visit }")).toBe(false);
    expect(loadsModule("{ visits, type Visit }")).toBe(true);
    expect(loadsModule("* as schema")).toBe(true);
  });
});
