/**
 * Reads the setup records back from the database for the bench: it adds subjects to whatever
 * studies exist (normally the demo's), so it needs their ids, schedules and site staff.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sites, studies, users, visitScheduleItems } from "@/db/schema";
import type { SeedContext, SiteCtx, StudyCtx } from "./context";
import { localDay } from "./dates";
import { SITE_DEFS } from "./people";
import { areaOfProtocol } from "./studies";

const FALLBACK_LOCATIONS = ["Clinic Room 1", "Clinic Room 2", "Phlebotomy"];

export async function loadContext(db: DbOrTx, now: Date): Promise<SeedContext> {
  const siteRows = await db.select().from(sites).orderBy(asc(sites.name));
  const staff = await db
    .select({ id: users.id, role: users.role, siteId: users.siteId })
    .from(users)
    .where(and(eq(users.status, "active"), inArray(users.role, ["coordinator", "investigator"])))
    .orderBy(asc(users.username));
  const siteCtx = new Map<string, SiteCtx>(
    siteRows.map((s) => {
      const def = SITE_DEFS.find((d) => d.name === s.name);
      const of = (role: string) => staff.filter((u) => u.siteId === s.id && u.role === role).map((u) => u.id);
      return [
        s.id,
        {
          id: s.id,
          name: s.name,
          timezone: s.timezone,
          region: def?.region ?? (s.timezone.startsWith("Europe/") ? "uk" : "us"),
          today: localDay(now, s.timezone),
          coordinatorIds: of("coordinator"),
          investigatorIds: of("investigator"),
          locations: def?.locations ?? FALLBACK_LOCATIONS,
        },
      ];
    }),
  );
  const studyRows = await db.select().from(studies).orderBy(asc(studies.protocolId));
  const items = await db
    .select()
    .from(visitScheduleItems)
    .where(isNull(visitScheduleItems.retiredAt))
    .orderBy(asc(visitScheduleItems.sortOrder));
  const studyCtx: StudyCtx[] = [];
  for (const s of studyRows) {
    const site = siteCtx.get(s.siteId);
    if (!site || site.coordinatorIds.length === 0 || site.investigatorIds.length === 0) continue;
    studyCtx.push({
      id: s.id,
      protocolId: s.protocolId,
      subjectPrefix: "B",
      area: areaOfProtocol(s.protocolId),
      piId: s.principalInvestigatorId,
      site,
      schedule: items
        .filter((i) => i.studyId === s.id)
        .map((i) => ({
          id: i.id,
          code: i.code,
          name: i.name,
          visitType: i.visitType,
          dayOffset: i.dayOffset,
          windowBefore: i.windowBefore,
          windowAfter: i.windowAfter,
        })),
    });
  }
  return { now, sites: [...siteCtx.values()], studies: studyCtx };
}
