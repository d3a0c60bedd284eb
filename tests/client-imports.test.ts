/**
 * Client code never reaches db/, not even through lib/: the lint rule sees one import at a time,
 * this follows every runtime import from each "use client" module to the end (type-only imports
 * are erased by the compiler and ship nothing). A lib module that imports the schema for a
 * vocabulary, once a client component uses it, would carry Drizzle's tables into the browser.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "domain"];

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return (fs.readdirSync(full, { recursive: true }) as string[])
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Module specifiers a file imports at run time (static, re-exports and dynamic). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+["']([^"']+)["']/gm;
  for (const m of source.matchAll(statement)) if (!m[2]) found.push(m[3]!);
  for (const m of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

/** A specifier as a repository path, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    const full = path.join(root, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return path.normalize(candidate);
  }
  return path.normalize(base);
}

const hasDirective = (source: string, directive: string) =>
  new RegExp(`^\\s*(\\/\\*[\\s\\S]*?\\*\\/\\s*|\\/\\/[^\\n]*\\n\\s*)*["']${directive}["']`).test(source);

/** The chain of imports from `start` to a db/ module, or null. */
function pathToDb(start: string): string[] | null {
  const seen = new Set<string>([start]);
  const queue: string[][] = [[start]];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain.at(-1)!;
    if (file === "db" || file.startsWith(`db${path.sep}`)) return chain;
    const full = path.join(root, file);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile()) continue;
    const source = fs.readFileSync(full, "utf8");
    // A "use server" module reaches the browser as references to its actions, never as code.
    if (chain.length > 1 && hasDirective(source, "use server")) continue;
    for (const specifier of runtimeImports(source)) {
      const next = resolve(file, specifier);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push([...chain, next]);
      }
    }
  }
  return null;
}

describe("client code never imports db/", () => {
  const clients = SOURCE_DIRS.flatMap(sourceFiles).filter((f) => hasDirective(fs.readFileSync(path.join(root, f), "utf8"), "use client"));

  it("finds the client modules", () => {
    expect(clients.length).toBeGreaterThan(20);
  });

  it.each(clients)("%s", (file) => {
    expect(pathToDb(file)?.join(" → ") ?? null).toBeNull();
  });

  it("follows imports through lib/ (the check itself works)", () => {
    expect(runtimeImports('import type { A } from "@/db/schema";\nimport { b, type C } from "../x";\nexport * from "./y";')).toEqual(["../x", "./y"]);
    expect(pathToDb("lib/auth/actor.ts")).not.toBeNull();
  });
});
