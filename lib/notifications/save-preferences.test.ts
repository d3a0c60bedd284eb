import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notificationPreferences } from "@/db/schema";
import { testDb } from "@/tests/db";
import { makeUser, withTwoSites } from "@/tests/fixtures";
import { auditOf } from "@/tests/fixtures-safety";
import { loadActorById } from "@/tests/load-actor";
import { ForbiddenError, ValidationError } from "../errors";
import { preferenceSettings } from "./preference-settings";
import { saveNotificationPreferences } from "./save-preferences";

const f = withTwoSites();

async function stored(userId: string) {
  const db = await testDb();
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return Object.fromEntries(rows.map((r) => [r.category, r.delivery]));
}

const deliveries = async (userId: string) =>
  Object.fromEntries((await preferenceSettings(await f.actor(userId))).map((s) => [s.category, s.delivery]));

describe("saving notification preferences", () => {
  it("shows the defaults, stores only what changed as the person's own rows, and audits old → new", async () => {
    const me = await f.actor(f.users.coordA.id);
    // Administration alerts reach admins only: a coordinator is not asked about them.
    expect(await deliveries(me.id)).toEqual({ safety: "email", visits: "in_app", screening: "in_app", tasks: "email" });
    expect(await deliveries(f.users.admin.id)).toMatchObject({ admin: "email" });
    expect((await preferenceSettings(me)).every((s) => s.locked === null && s.label.length > 0)).toBe(true);

    // The form sends every category; only visits and tasks differ from what applies.
    const result = await saveNotificationPreferences(me, { safety: "email", visits: "digest", screening: "in_app", tasks: "in_app", admin: "email" });
    expect(result.changed.sort()).toEqual(["tasks", "visits"]);
    expect(await stored(me.id)).toEqual({ visits: "digest", tasks: "in_app" });
    expect(await deliveries(me.id)).toMatchObject({ visits: "digest", tasks: "in_app", safety: "email" });

    // Saving again changes nothing and audits nothing; a change updates the row in place.
    expect((await saveNotificationPreferences(me, { visits: "digest" })).changed).toEqual([]);
    expect((await saveNotificationPreferences(me, { visits: "email", admin: "" })).changed).toEqual(["visits"]);
    expect(await stored(me.id)).toEqual({ visits: "email", tasks: "in_app" });

    const audit = await auditOf("notification_preferences", me.id);
    expect(audit.map((a) => [a.action, a.actorId, a.siteId, a.changes])).toEqual([
      ["update", me.id, f.siteA.id, { visits: ["in_app", "digest"], tasks: ["email", "in_app"] }],
      ["update", me.id, f.siteA.id, { visits: ["digest", "email"] }],
    ]);
    // Nobody else's settings moved.
    expect(await stored(f.users.coordB.id)).toEqual({});
  });

  it("keeps an investigator's safety alerts by email: shown locked with the reason, a change refused, the rest saved as usual", async () => {
    const inv = await f.actor(f.users.invA.id);
    const safety = (await preferenceSettings(inv)).find((s) => s.category === "safety")!;
    expect(safety).toMatchObject({ delivery: "email", label: "Safety" });
    expect(safety.locked).toMatch(/Investigators always receive/);

    for (const wanted of ["in_app", "digest"]) {
      const refused = await saveNotificationPreferences(inv, { safety: wanted, visits: "email" }).catch((e) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(Object.keys(refused.fieldErrors)).toEqual(["safety"]);
    }
    expect(await stored(inv.id)).toEqual({});
    // Sending the locked value itself (or leaving it out, as a disabled radio does) is fine.
    expect((await saveNotificationPreferences(inv, { safety: "email", visits: "email" })).changed).toEqual(["visits"]);
    expect(await stored(inv.id)).toEqual({ visits: "email" });
    // A coordinator may quieten safety alerts.
    const coord = await f.actor(f.users.coordB.id);
    expect((await saveNotificationPreferences(coord, { safety: "digest" })).changed).toEqual(["safety"]);
  });

  it("refuses unknown categories and deliveries, writing nothing", async () => {
    const me = await f.actor(f.users.sponsor.id);
    const cases: [unknown, string][] = [
      [{ visits: "pigeon" }, "visits"],
      [{ gossip: "email" }, "form"],
      [{ userId: f.users.coordA.id, visits: "email" }, "form"],
      [{ safety: 3 }, "safety"],
    ];
    for (const [input, field] of cases) {
      const refused = await saveNotificationPreferences(me, input).catch((e) => e);
      expect(refused, JSON.stringify(input)).toBeInstanceOf(ValidationError);
      expect(Object.keys(refused.fieldErrors)).toEqual([field]);
    }
    expect(await stored(me.id)).toEqual({});
    expect(await auditOf("notification_preferences", me.id)).toEqual([]);
  });

  it("is refused to an account that is not active", async () => {
    const disabled = await makeUser("disabled_prefs", "coordinator", f.siteA.id, "disabled");
    await expect(saveNotificationPreferences(await loadActorById(disabled.id), { visits: "email" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
