/**
 * The permission grid written in docs/product.md, "The permission grid" must be the one
 * lib/policy/decide.ts enforces: one row per action, and each role's cell equal to what decide()
 * answers for a record that role can see. A new action, or a changed grant, fails here until the
 * page says the same.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { ACTIONS, decide, type Action, type Resource } from "@/lib/policy";
import { roleActor } from "@/tests/role-actor";

const PRODUCT = path.resolve(import.meta.dirname, "product.md");
const SECTION = "### The permission grid";

const SITE = "00000000-0000-4000-8000-00000000000a";
const STUDY = "00000000-0000-4000-8000-0000000000a1";
const ME = "00000000-0000-4000-8000-0000000000f1";
const SOMEONE_ELSE = "00000000-0000-4000-8000-0000000000f2";

const HERE = { id: ME, site: { id: SITE, name: "Site", timezone: "UTC" }, sponsorStudyIds: [STUDY] };

/** yes / no / own / unsigned, as decide() answers for a record of the role's own site or granted study. */
function grantOf(role: Role, action: Action): string {
  const actor = roleActor(role, HERE);
  const record = (authorId: string, signed: boolean): Resource => ({ siteId: SITE, studyId: STUDY, authorId, signed });
  const allowed = (resource: Resource) => decide(actor, action, resource) === "allow";
  const mine = allowed(record(ME, false));
  const theirs = allowed(record(SOMEONE_ELSE, false));
  const signed = allowed(record(ME, true));
  if (mine && theirs && signed) return "yes";
  if (mine && !theirs) return "own";
  if (mine && !signed) return "unsigned";
  return "no";
}

/** The grid's rows as written: action → the four role cells in the page's column order. */
function documentedGrid(): { roles: string[]; rows: Map<string, string[]> } {
  const text = fs.readFileSync(PRODUCT, "utf8");
  const start = text.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`docs/product.md has no "${SECTION}" section`);
  const section = text.slice(start + SECTION.length + 2).split(/\n#{1,3} /)[0]!;
  const lines = section.split("\n").filter((l) => l.trim().startsWith("|"));
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
  const header = cells(lines[0] ?? "");
  const roles = header.slice(2);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(2)) {
    const [action, , ...grants] = cells(line);
    rows.set(action!.replace(/`/g, ""), grants);
  }
  return { roles, rows };
}

describe("the permission grid in docs/product.md", () => {
  const { roles, rows } = documentedGrid();

  it("has a column per role", () => {
    expect(roles).toEqual([...ROLES]);
  });

  it("has a row per policy action, and no other", () => {
    expect([...rows.keys()].sort()).toEqual([...ACTIONS].sort());
  });

  it("says for every action and role what decide() answers", () => {
    const differences: string[] = [];
    for (const action of ACTIONS) {
      ROLES.forEach((role, i) => {
        const documented = rows.get(action)?.[i];
        const enforced = grantOf(role, action);
        if (documented !== enforced) differences.push(`${action} / ${role}: the page says ${documented}, decide() says ${enforced}`);
      });
    }
    expect(differences).toEqual([]);
  });
});
