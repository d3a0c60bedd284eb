import { testDb, withTestDb } from "@/tests/db";
withTestDb();

import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureDemoData } from "./demo";
import { seedBench } from "./bench";
import { queryRows, tableCounts } from "./query-rows";

describe("seedBench", () => {
  beforeAll(async () => {
    expect(await ensureDemoData(await testDb(), { embedded: false, requested: true })).toBe("seeded");
  });

  it("adds N subjects with proportional screenings, visits, AEs and notes", async () => {
    const db = await testDb();
    const before = await tableCounts(db);
    const result = await seedBench(db, { subjects: 300 });
    const after = await tableCounts(db);
    const added = {
      subjects: after.subjects - before.subjects,
      screenings: after.screenings - before.screenings,
      visits: after.visits - before.visits,
      adverseEvents: after.adverse_events - before.adverse_events,
      notes: after.subject_notes - before.subject_notes,
    };
    // 1 screening each plus a rescreen for every 10th, 5 visits, an AE for every other, 2 notes.
    expect(added).toEqual({ subjects: 300, screenings: 330, visits: 1500, adverseEvents: 150, notes: 600 });
    expect(result.counts).toEqual(added);
    expect(result.firstNumber).toBe(1);

    const perStudy = await queryRows<{ n: string }>(
      db,
      sql`select count(*) as n from subjects where subject_id like 'B-%' group by study_id`,
    );
    expect(perStudy.map((r) => Number(r.n))).toEqual([75, 75, 75, 75]);
  });

  it("continues the subject numbering on a second run", async () => {
    const db = await testDb();
    const result = await seedBench(db, { subjects: 10 });
    expect(result.firstNumber).toBe(301);
    const [row] = await queryRows<{ n: string }>(
      db,
      sql`select count(distinct subject_id) as n from subjects where subject_id like 'B-%'`,
    );
    expect(Number(row?.n)).toBe(310);
  });
});
