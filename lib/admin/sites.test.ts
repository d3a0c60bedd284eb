import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sites } from "@/db/schema";
import { testDb } from "@/tests/db";
import { adminCounts } from "@/tests/fixtures-admin";
import { withTwoSites } from "@/tests/fixtures";
import { loadActor } from "../auth/load-actor";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import { createSite, getAdminSite, listAdminSites, updateSite } from "./sites";

const f = withTwoSites();

describe("sites", () => {
  it("lists every site with its study and staff counts", async () => {
    const rows = await listAdminSites(await f.actor(f.users.admin.id));
    expect(rows.map((r) => [r.name, r.studyCount, r.staffCount])).toEqual([
      ["Site A", 1, 2],
      ["Site B", 1, 2],
    ]);
    await expect(listAdminSites(await f.actor(f.users.coordA.id))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("creates a site with an IANA time zone, audited", async () => {
    const admin = await f.actor(f.users.admin.id);
    const site = await createSite(admin, { name: "  Hillside Unit ", timezone: "Asia/Tokyo" });
    expect(site).toMatchObject({ name: "Hillside Unit", timezone: "Asia/Tokyo", version: 1 });
    const db = await testDb();
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, site.id));
    expect(audit).toMatchObject({ entity: "site", action: "create", actorId: admin.id, siteId: site.id });
    expect(audit!.changes).toMatchObject({ name: [null, "Hillside Unit"], timezone: [null, "Asia/Tokyo"] });
    expect(await getAdminSite(admin, site.id)).toMatchObject({ id: site.id });
  });

  it("renames a site and changes its zone; its staff read the new zone on their next request", async () => {
    const admin = await f.actor(f.users.admin.id);
    const after = await updateSite(admin, { id: f.siteB.id, version: 1, name: "Site B North", timezone: "Europe/Dublin" });
    expect(after).toMatchObject({ name: "Site B North", timezone: "Europe/Dublin", version: 2 });
    expect(await loadActor(f.users.coordB.id)).toMatchObject({ siteName: "Site B North", siteTimezone: "Europe/Dublin" });
  });

  it("refuses non-admins, bad zones, duplicate names and stale versions — writing nothing", async () => {
    const before = await adminCounts();
    const admin = await f.actor(f.users.admin.id);
    for (const id of [f.users.coordA.id, f.users.invA.id, f.users.sponsor.id]) {
      await expect(createSite(await f.actor(id), { name: "X", timezone: "UTC" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateSite(await f.actor(id), { id: f.siteA.id, version: 1, name: "X", timezone: "UTC" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const bad = await createSite(admin, { name: " ", timezone: "Mars/Olympus" }).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["name", "timezone"]);
    const dup = await createSite(admin, { name: "site a", timezone: "UTC" }).catch((e) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect(dup.fieldErrors).toEqual({ name: ["Another site already has this name."] });
    const dupRename = await updateSite(admin, { id: f.siteA.id, version: 1, name: "SITE B NORTH", timezone: "UTC" }).catch((e) => e);
    expect(dupRename.fieldErrors).toHaveProperty("name");
    const stale = await updateSite(admin, { id: f.siteA.id, version: 9, name: "Renamed", timezone: "UTC" }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ name: "Site A", version: 1 });
    expect(await adminCounts()).toEqual(before);
    const db = await testDb();
    expect((await db.select().from(sites).where(eq(sites.id, f.siteA.id)))[0]).toMatchObject({ name: "Site A", version: 1 });
  });
});
