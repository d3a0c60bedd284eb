/**
 * The layer rules of eslint.config.mjs fire: each snippet is linted as if it lived at `filePath`
 * (ESLint's Node API, the project's own config), so `npm run lint` fails on the first import that
 * points the wrong way — app → components → lib → db, domain/ under all, no db/ in client code.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer-rule messages ESLint reports for `code` at `filePath` (other rules' findings left out). */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages
    .filter((m) => ["no-restricted-imports", "no-restricted-syntax", "layers/client-imports"].includes(m.ruleId ?? ""))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe("layer rules", () => {
  // [what, the importing file, its code, what the layer rules say]
  it.each([
    ["db/ imports nothing from lib/ (alias)", "db/example.ts", 'import { hashPassword } from "@/lib/password";\nexport const h = hashPassword;\n', "refused"],
    ["db/ imports nothing from lib/ (relative)", "db/seed/example.ts", 'import { hashPassword } from "../../lib/password";\nexport const h = hashPassword;\n', "refused"],
    ["db/ imports nothing from app/", "db/example.ts", 'export { logout } from "@/app/logout-actions";\n', "refused"],
    ["lib/ imports nothing from components/", "lib/example.ts", 'import { humanize } from "@/components/ui/badge";\nexport const h = humanize;\n', "refused"],
    ["lib/ imports nothing from app/", "lib/subjects/example.ts", 'import { logout } from "../../app/logout-actions";\nexport const l = logout;\n', "refused"],
    ["components/ never import app/", "components/example.tsx", 'import { logout } from "@/app/logout-actions";\nexport const l = logout;\n', "refused"],
    ["components/ never import db/, even types", "components/example.tsx", 'import type { Visit } from "@/db/schema";\nexport type V = Visit;\n', "refused"],
    ["components/ never import db/ (relative)", "components/visits/example.tsx", 'import { ROLES } from "../../db/schema";\nexport const r = ROLES;\n', "refused"],
    ["a client module anywhere never imports db/", "app/(app)/example/client-part.tsx", '"use client";\nimport { ROLES } from "@/db/schema";\nexport const r = ROLES;\n', "refused"],
    ["a client module never re-exports db/", "lib/example-client.ts", '"use client";\nexport * from "@/db/schema";\n', "refused"],
    ["domain/ imports nothing", "domain/example.ts", 'import { z } from "zod";\nexport const s = z.string();\n', "refused"],
    ["domain/ re-exports nothing", "domain/example.ts", 'export { ROLES } from "../db/schema";\n', "refused"],
    ["only the write road calls the audit writer", "lib/subjects/example.ts", 'import { appendAudit } from "../audit/writer";\nexport const a = appendAudit;\n', "refused"],
    ["only the write road calls the audit writer (app/)", "app/example-actions.ts", 'import { appendAudit } from "@/lib/audit/writer";\nexport const a = appendAudit;\n', "refused"],
    ["only the write road announces changes", "lib/visits/example.ts", 'import { notifyChange } from "../live/notify";\nexport const n = notifyChange;\n', "refused"],
    ["app/ may import components/, lib/ and db/", "app/(app)/example/page.tsx", 'import { Badge } from "@/components/ui/badge";\nimport { getDb } from "@/db";\nimport { can } from "@/lib/policy";\nexport const x = [Badge, getDb, can];\n', "allowed"],
    ["components/ may import lib/ and domain/", "components/example.tsx", 'import { idle } from "@/lib/action-state";\nimport { ROLES } from "@/domain/vocabulary";\nexport const x = [idle, ROLES];\n', "allowed"],
    ["lib/ may import db/", "lib/example.ts", 'import { getDb } from "@/db";\nexport const g = getDb;\n', "allowed"],
    ["db/ may import domain/ and itself", "db/example.ts", 'import { ROLES } from "../domain/vocabulary";\nimport * as schema from "./schema";\nexport const x = [ROLES, schema];\n', "allowed"],
    ["a server module in app/ may import db/", "app/(app)/example/actions.ts", '"use server";\nimport { getDb } from "@/db";\nexport const g = getDb;\n', "allowed"],
    ["a client module may import domain/", "app/(app)/example/client-part.tsx", '"use client";\nimport { ROLES } from "@/domain/vocabulary";\nexport const r = ROLES;\n', "allowed"],
    ["the write road calls the audit writer", "lib/write/example.ts", 'import { appendAudit, diffChanges } from "../audit/writer";\nexport const a = [appendAudit, diffChanges];\n', "allowed"],
    ["anyone may use the pure diff", "lib/users/example.ts", 'import { diffChanges } from "../audit/writer";\nexport const d = diffChanges;\n', "allowed"],
  ] as const)("%s", async (_what, filePath, code, verdict) => {
    const errors = await layerErrors(filePath, code);
    expect(errors.length > 0 ? "refused" : "allowed", errors.join("\n")).toBe(verdict);
  });

  it("says why, and what to do instead", async () => {
    const [message] = await layerErrors("components/example.tsx", 'import { logout } from "@/app/logout-actions";\nexport const l = logout;\n');
    expect(message).toMatch(/take a server action as a prop from the page/);
  });
});
