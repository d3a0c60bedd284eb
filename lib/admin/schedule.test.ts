import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, visitScheduleItems } from "@/db/schema";
import { testDb } from "@/tests/db";
import { adminCounts, itemFields, schedulePayload } from "@/tests/fixtures-admin";
import { withTwoSites } from "@/tests/fixtures";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { addScheduleItem, retireScheduleItem, updateScheduleItem } from "./schedule";

const f = withTwoSites();

const auditOf = async (id: string) => {
  const db = await testDb();
  return db.select().from(auditEvents).where(eq(auditEvents.entityId, id)).orderBy(auditEvents.seq);
};

describe("visit schedule editor", () => {
  it("adds, edits and retires an item, each audited against the study's site", async () => {
    const admin = await f.actor(f.users.admin.id);
    const item = await addScheduleItem(admin, schedulePayload(f.studyA.id, { dayOffset: "-14", code: "SCR", visitType: "screening" }));
    expect(item).toMatchObject({ code: "SCR", dayOffset: -14, windowBefore: 2, windowAfter: 3, sortOrder: 1, retiredAt: null, version: 1 });
    const edited = await updateScheduleItem(admin, { ...itemFields({ code: "SCR", name: "Screening" }), id: item.id, version: 1 });
    expect(edited).toMatchObject({ name: "Screening", dayOffset: 7, version: 2 });
    const retired = await retireScheduleItem(admin, { id: item.id, version: 2, reason: "Amendment 3" });
    expect(retired).toMatchObject({ retireReason: "Amendment 3", version: 3 });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    const audit = await auditOf(item.id);
    expect(audit.map((a) => [a.entity, a.action, a.siteId])).toEqual([
      ["visit_schedule_item", "create", f.siteA.id],
      ["visit_schedule_item", "update", f.siteA.id],
      ["visit_schedule_item", "retire", f.siteA.id],
    ]);
    expect(audit[1]!.changes).toMatchObject({ name: ["Visit 1", "Screening"], dayOffset: [-14, 7] });
    expect(audit[2]!.reason).toBe("Amendment 3");
    // A retired item stays retired: neither edited nor retired again.
    await expect(updateScheduleItem(admin, { ...itemFields(), id: item.id, version: 3 })).rejects.toThrow(/retired/);
    await expect(retireScheduleItem(admin, { id: item.id, version: 3, reason: "Again" })).rejects.toThrow(/already retired/);
  });

  it("refuses a duplicate code, bad numbers, a missing study, a stale version and non-admins — writing nothing", async () => {
    const admin = await f.actor(f.users.admin.id);
    const item = await addScheduleItem(admin, schedulePayload(f.studyB.id, { code: "BL", dayOffset: "0", windowBefore: "0", windowAfter: "0" }));
    const before = await adminCounts();
    const dup = await addScheduleItem(admin, schedulePayload(f.studyB.id, { code: "BL" })).catch((e) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect(dup.fieldErrors).toEqual({ code: ["This study already has a visit with this code."] });
    const bad = await addScheduleItem(admin, schedulePayload(f.studyB.id, { code: "a b", name: "", visitType: "party", dayOffset: "1.5", windowBefore: "-1", windowAfter: "", sortOrder: "0" })).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["code", "dayOffset", "name", "sortOrder", "visitType", "windowAfter", "windowBefore"]);
    await expect(addScheduleItem(admin, schedulePayload("00000000-0000-4000-8000-000000000000"))).rejects.toBeInstanceOf(NotFoundError);
    const stale = await updateScheduleItem(admin, { ...itemFields(), id: item.id, version: 5 }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ code: "BL", version: 1 });
    await expect(retireScheduleItem(admin, { id: item.id, version: 1, reason: "" })).rejects.toBeInstanceOf(ValidationError);
    for (const id of [f.users.coordB.id, f.users.invB.id, f.users.sponsor.id]) {
      const actor = await f.actor(id);
      await expect(addScheduleItem(actor, schedulePayload(f.studyB.id, { code: "X" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateScheduleItem(actor, { ...itemFields(), id: item.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(retireScheduleItem(actor, { id: item.id, version: 1, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await adminCounts()).toEqual(before);
    const db = await testDb();
    expect((await db.select().from(visitScheduleItems).where(eq(visitScheduleItems.id, item.id)))[0]).toMatchObject({ version: 1, retiredAt: null });
  });
});
